"""`--format md`: the memo for the editor, GitHub-flavoured Markdown.

Text from the ledger and the sources is escaped so `|`, `*`, `_`, `&`, backticks, brackets and angle
brackets print as themselves on GitHub, in tables and in prose alike.
"""

from __future__ import annotations

import re

from factcheck.figures.units import is_symbolic
from factcheck.model import Finding, Report, Severity
from factcheck.safe_text import for_terminal
from factcheck.text import shorten

SECTIONS = [
    (Severity.ERROR, "Must change before publication"),
    (Severity.WARNING, "Look at before publication"),
    (Severity.INFO, "For information"),
]
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_TICKS = re.compile(r"`+")


def esc(text: str) -> str:
    """Markdown-safe inline text: special characters escaped (`&` too, so no entity is read),
    line breaks folded, control characters dropped."""
    return _SPECIAL.sub(r"\\\1", " ".join(for_terminal(str(text)).split()))


def code(text: str) -> str:
    """`text` as an inline code span that no backtick in it can close: fenced by one more backtick
    than its longest run, padded when it starts or ends with one (CommonMark 6.1)."""
    text = " ".join(for_terminal(str(text)).split())
    fence = "`" * (max((len(m) for m in _TICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _finding(f: Finding) -> list[str]:
    loc = f" — {code(str(f.location))}" if f.location else ""
    lines = [f"- **{f.code}**{loc}: {esc(f.message)}"]
    for d in f.derivation:
        lines.append(f"  - {esc(d)}")
    if f.evidence:
        lines.append(f"  > {esc(f.evidence)}")
    if f.accepted is not None:
        lines.append(f"  - *accepted:* {esc(f.accepted)}")
    return lines


def render(report: Report) -> str:
    s = report.summary
    verdict, _ = report.verdict()
    out = [f"# Fact-check memo: {esc(report.title or report.ledger)}", ""]
    meta = [f"Ledger {code(report.ledger)}"]
    if report.published:
        meta.insert(0, f"Story date {report.published}")
    meta.append(f"{s.claims} claims, {s.sources} sources")
    meta.append(f"{s.error} errors, {s.warning} warnings, {s.info} info" + (f", {s.accepted} accepted" if s.accepted else ""))
    out += [" · ".join(meta), "", f"**Verdict: {esc(verdict)}.**", ""]
    live = [f for f in report.findings if f.accepted is None]
    for sev, title in SECTIONS:
        items = [f for f in live if f.severity is sev]
        if not items:
            continue
        out += [f"## {title} ({len(items)})", ""]
        for f in items:
            out += _finding(f)
        out.append("")
    accepted = [f for f in report.findings if f.accepted is not None]
    if accepted:
        out += [f"## Accepted ({len(accepted)})", ""]
        for f in accepted:
            out += _finding(f)
        out.append("")
    sources = {x.id: x for x in report.sources}
    if report.claims:
        out += ["## Claims", "", "| | Claim | Figure | When | Source | Quote | Status |",
                "|---|---|---|---|---|---|---|"]
        for c in report.claims:
            fig = esc(c.amount.text) if c.amount else ""
            if c.amount and c.unit and not is_symbolic(c.unit) and (
                c.unit.lower() not in c.amount.text.lower()
            ):
                fig += f" {esc(c.unit)}"
            when = esc(c.when.text) if c.when else ""
            src = sources.get(c.source)
            label = esc(c.source)
            if src is not None and (src.outlet or src.published):
                label += "<br>" + esc(", ".join(x for x in (src.outlet, src.published) if x))
            quote = f"“{esc(shorten(c.quote, 140))}”" if c.quote else ""
            status = c.status.value + "".join(
                f"<br>part of a failed {p.code}: {esc(shorten(report.findings[p.finding].message, 140))}"
                for p in c.part_of_failed)
            out.append(f"| {c.status.symbol} | `{c.id}` | {fig} | {when} | {label} | {quote} | {status} |")
        out.append("")
    if report.sources:
        out += ["## Sources", "", "| Source | Outlet | Date | URL | Claims |", "|---|---|---|---|---|"]
        for x in report.sources:
            # An autolink only for a plain URL: a `|` would split the table row, a backtick
            # or backslash change what is shown; anything else is escaped text.
            url = f"<{x.url}>" if x.url and re.match(r"https?://[^\s<>|`\\]+\Z", x.url) else esc(x.url or "—")
            kind = " (note)" if x.kind == "note" else ""
            out.append(f"| `{x.id}`{kind} | {esc(x.outlet or '—')} | {x.published or '—'} | {url} | {x.cited_by} |")
        out.append("")
    return "\n".join(out)
