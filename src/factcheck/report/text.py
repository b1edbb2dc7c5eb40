"""The terminal report (Rich). Everything taken from the ledger or the sources is wrapped in
``rich.text.Text`` so a quote holding "[bold red]" or ":fire:" prints those characters."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule as RichRule
from rich.table import Table
from rich.text import Text

from factcheck.figures.units import is_symbolic
from factcheck.model import ClaimStatus, Finding, Report, Severity

STATUS_STYLE = {
    ClaimStatus.SUPPORTED: "green",
    ClaimStatus.CONTRADICTED: "bold red",
    ClaimStatus.CONFLICTING: "red",
    ClaimStatus.UNSUPPORTED: "bold red",
    ClaimStatus.UNVERIFIABLE: "yellow",
}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
FAMILY_TITLES = {
    "FC0": "the ledger",
    "FC1": "claims against their evidence",
    "FC2": "arithmetic",
    "FC3": "across sources",
    "FC4": "time",
    "FC5": "sourcing",
    "FC6": "the draft",
}
SUMMARY_LIMIT = 40  # claims listed in full; above this only those with a problem, unless --verbose
CLAIM_ROWS = 50  # claims with a problem listed before the rest are counted, unless --verbose
PER_CODE = 25  # findings of one code printed before the rest are counted, unless --verbose


def verdict(report: Report) -> tuple[str, str]:
    """The one-line verdict and its style."""
    text, sev = report.verdict()
    if sev is None:
        return text, "bold green"
    return text, SEVERITY_STYLE[sev] if report.failing(report.fail_on) else ("yellow" if sev is not Severity.INFO else "green")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def header(report: Report) -> Group:
    s = report.summary
    title = Text(report.title or report.ledger, style="bold")
    if report.published:
        title.append(f"  ({report.published})", style="dim")
    counts = Text(
        f"{_plural(s.claims, 'claim')}, {_plural(s.sources, 'source')}: "
        f"{_plural(s.error, 'error')}, {_plural(s.warning, 'warning')}, {s.info} info"
        + (f", {s.accepted} accepted" if s.accepted else "")
    )
    v, style = verdict(report)
    return Group(title, counts, Text(v, style=style))


def claims_table(report: Report, verbose: bool) -> tuple[Table, int]:
    sources = {s.id: s for s in report.sources}
    table = Table(show_header=True, header_style="bold", expand=False, pad_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("claim", overflow="fold")
    table.add_column("figure / when", overflow="fold")
    table.add_column("source", overflow="fold")
    table.add_column("status", no_wrap=True)
    hidden = 0
    show_all = verbose or len(report.claims) <= SUMMARY_LIMIT
    shown = 0
    for c in report.claims:
        if not show_all and (c.status is ClaimStatus.SUPPORTED or shown >= CLAIM_ROWS):
            hidden += 1
            continue
        shown += 1
        sym, style = c.status.symbol, STATUS_STYLE[c.status]
        fig = Text()
        if c.amount:
            fig.append(c.amount.text)
            if c.unit and not is_symbolic(c.unit) and (
                c.unit.lower() not in c.amount.text.lower()
            ):
                fig.append(f" {c.unit}")
        if c.when:
            if fig:
                fig.append("\n")
            fig.append(c.when.text, style="dim")
        src = sources.get(c.source)
        s_text = Text(src.outlet if src is not None and src.outlet else c.source)
        if src is not None and src.published:
            s_text.append("\n" + src.published, style="dim")
        row = [Text(sym, style=style), Text(c.id), fig, s_text, Text(c.status.value, style=style)]
        table.add_row(*row)
        if verbose and c.quote:
            quote = Text(f"“{c.quote}”", style="italic")
            if c.found_in:
                quote.append(f"\n{c.found_in}", style="dim")
            table.add_row(Text(""), Text(""), quote, Text(""), Text(""))
    return table, hidden


def _evidence(f: Finding) -> Text:
    t = Text("“", style="italic")
    ev = f.evidence or ""
    body = Text(ev, style="italic")
    if f.figure:
        start = ev.lower().find(f.figure.lower())
        if start >= 0:
            body.stylize("bold reverse", start, start + len(f.figure))
    t.append_text(body)
    t.append("”", style="italic")
    return t


def finding_block(f: Finding) -> Group:
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{f.code} ", style=SEVERITY_STYLE[f.severity] if f.accepted is None else "dim")
    head.append(f.severity.value, style=SEVERITY_STYLE[f.severity] if f.accepted is None else "dim")
    if f.location:
        head.append(f"  {f.location}", style="dim")
    parts.append(head)
    msg = Text(f.message, style="dim" if f.accepted is not None else "")
    parts.append(Padding(msg, (0, 0, 0, 2), expand=False))
    for d in f.derivation:
        parts.append(Padding(Text("· " + d, style="dim" if f.accepted is not None else ""), (0, 0, 0, 4), expand=False))
    if f.evidence:
        parts.append(Padding(_evidence(f), (0, 0, 0, 4), expand=False))
    if f.accepted is not None:
        parts.append(Padding(Text("accepted: " + f.accepted, style="dim italic"), (0, 0, 0, 4), expand=False))
    return Group(*parts)


def print_report(report: Report, console: Console, quiet: bool = False, verbose: bool = False) -> None:
    if not quiet:
        console.print(header(report))
        if report.claims:
            console.print()
            table, hidden = claims_table(report, verbose)
            if table.row_count:
                console.print(table)
                if hidden:
                    console.print(Text(f"{hidden} more claims not listed (supported, or past the first {CLAIM_ROWS} "
                                       "with a problem); --verbose lists every claim", style="dim"))
            else:  # a large story with nothing wrong: no empty table
                console.print(Text(f"All {hidden:,} claims are supported; --verbose lists them", style="dim"))
    live = [f for f in report.findings if f.accepted is None]
    accepted = [f for f in report.findings if f.accepted is not None]
    for sev, group in groupby(live, key=lambda f: f.severity):
        items = list(group)
        console.print()
        console.print(RichRule(Text(f"{len(items)} {sev.value if sev is Severity.INFO else _plural(len(items), sev.value).split(' ', 1)[1]}", style=SEVERITY_STYLE[sev]), align="left"))
        for fam, fgroup in groupby(items, key=lambda f: f.code[:3]):
            console.print(Text(FAMILY_TITLES.get(fam, fam), style="bold"))
            for code, cgroup in groupby(fgroup, key=lambda f: f.code):
                found = list(cgroup)
                limit = len(found) if verbose else PER_CODE
                for f in found[:limit]:
                    console.print(finding_block(f))
                if len(found) > limit:
                    console.print(Text(f"… {len(found) - limit} more {code} findings; --verbose prints them all, "
                                       "--format md or json lists them", style="dim"))
    if accepted:
        console.print()
        console.print(RichRule(Text(f"{len(accepted)} accepted", style="dim"), align="left"))
        for f in accepted:
            console.print(finding_block(f))
    if quiet and not report.findings:
        console.print(Text("no findings"))
