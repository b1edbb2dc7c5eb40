"""`factcheck timeline`: each claim's period on a shared time axis, one row per claim.

Rows of the claims an unaccepted timing finding faults are drawn in red and marked "✗" (the mark
survives NO_COLOR), so "late 2023" sitting a year before the other reports stands out. Which
claims those are (the outlier of a conflict, not the consensus it is measured against) is
`claims_at_fault`, which the HTML report's charts use too, so the two always agree.
"""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.text import Text

from factcheck.model import ClaimResult, Report
from factcheck.report import claims_at_fault


def _groups(report: Report, subject: str | None) -> dict[str, list[ClaimResult]]:
    """The charts to draw: one per subject, and in the overview (no `subject`) one per timing
    finding whose dated claims no subject chart holds together, so that every claim a timing
    finding names is drawn, beside the claims it is measured against."""
    groups: dict[str, list[ClaimResult]] = {}
    for c in report.claims:
        if c.when is None:
            continue
        key = c.subject or f"(claim {c.id})"
        if subject is not None and key != subject:
            continue
        groups.setdefault(key, []).append(c)
    if subject is not None:
        return groups
    groups = {k: v for k, v in sorted(groups.items()) if len(v) > 1}
    together = [{c.id for c in g} for g in groups.values()]
    dated = {c.id: c for c in report.claims if c.when is not None}
    names = {r.code: r.name for r in report.rules}
    timing = report.tagged("timing")
    for f in report.findings:
        named = [dated[cid] for cid in dict.fromkeys(f.claims) if cid in dated]
        if f.code not in timing or not named or any({c.id for c in named} <= g for g in together):
            continue
        key = f"{f.code} {names.get(f.code, '')}: {', '.join(c.id for c in named)}".replace(" :", ":")
        if key not in groups:
            groups[key] = named
            together.append({c.id for c in named})
    return groups


def print_timeline(report: Report, console: Console, subject: str | None = None) -> bool:
    """Draw the chart; False when there is nothing dated to draw."""
    groups = _groups(report, subject)
    if not groups:
        return False
    flagged = claims_at_fault(report, report.tagged("timing"))  # the rules' own word for a finding about when
    sources = {s.id: s for s in report.sources}
    label_w = min(34, max(len(c.id) for g in groups.values() for c in g) + 2)
    width = max(20, console.width - label_w - 34)
    for n, (name, claims) in enumerate(groups.items()):
        if n:
            console.print()
        lo, hi = date_axis(claims)
        span = max(1, (hi - lo).days)
        console.print(Text(name, style="bold"))
        for c in sorted(claims, key=lambda x: (x.when.start or "" if x.when else "", x.id)):
            assert c.when is not None
            s = date.fromisoformat(c.when.start) if c.when.start else lo
            e = date.fromisoformat(c.when.end) if c.when.end else hi
            a = round((max(s, lo) - lo).days / span * (width - 1))
            b = max(a, round((min(e, hi) - lo).days / span * (width - 1)))
            bad = c.id in flagged
            style = "bold red" if bad else "cyan"
            row = Text(c.id[: label_w - 1].ljust(label_w))
            bar = Text(" " * a)
            # An open end ("by June 2024", "after May 2024") runs to the edge with an arrow.
            left = "◀" if c.when.start is None else ""
            right = "▶" if c.when.end is None else ""
            body = "●" if a == b and not (left or right) else "━" * max(0, b - a + 1 - len(left) - len(right))
            bar.append(left + body + right, style=style)
            bar.append(" " * (width - b - 1))
            row.append_text(bar)
            row.append(" ✗ " if bad else "   ", style=style)
            src = sources.get(c.source)
            who = src.outlet if src is not None and src.outlet else c.source
            row.append(f"{c.when.text} · {who}", style="dim")
            console.print(row, no_wrap=True, overflow="ellipsis")
        axis = Text(" " * label_w)
        left, right = lo.isoformat(), hi.isoformat()
        if lo == hi:  # every claim on one day: one label, not the same date twice
            axis.append(left, style="dim")
        else:
            axis.append(left + " " * max(1, width - len(left) - len(right)) + right, style="dim")
        console.print(axis, no_wrap=True, overflow="ellipsis")
    return True


def date_axis(claims: list[ClaimResult]) -> tuple[date, date]:
    """The first and last day to draw: the claims' known ends (an open end runs to the edge)."""
    known = [date.fromisoformat(d) for c in claims if c.when for d in (c.when.start, c.when.end) if d]
    if not known:
        return date(2000, 1, 1), date(2000, 12, 31)
    return min(known), max(known)
