"""The terminal report (Rich). Everything taken from the ledger or the sources is wrapped in
``rich.text.Text`` so a quote holding "[bold red]" or ":fire:" prints those characters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule as RichRule
from rich.table import Table
from rich.text import Text

from factcheck.model import ClaimResult, ClaimStatus, Finding, Report, Severity, SourceResult
from factcheck.report import figure_with_unit

if TYPE_CHECKING:
    from factcheck.report import Sink

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
GROUP_ROWS = 2  # terminal rows the informational findings of one rule take together, unless --verbose


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


CLAIM_HEADERS = ("claim", "figure / when", "source", "status")
TABLE_CHROME = 14  # the box's 6 rules and the padding between 5 columns (none at the outer edges)
SOURCE_MIN = 16  # narrower than this, the source column would fold every word: use the stacked layout


def _figure(c: ClaimResult) -> str:
    """The claim's figure with its unit, as the editor wrote it ("over 9 million rounds")."""
    return figure_with_unit(c.amount.text, c.unit) if c.amount is not None else ""


def _rows(report: Report, verbose: bool) -> tuple[list[ClaimResult], int]:
    """The claims the table lists, and how many it leaves out."""
    show_all = verbose or len(report.claims) <= SUMMARY_LIMIT
    rows: list[ClaimResult] = []
    hidden = 0
    for c in report.claims:
        if not show_all and (c.status is ClaimStatus.SUPPORTED or len(rows) >= CLAIM_ROWS):
            hidden += 1
            continue
        rows.append(c)
    return rows, hidden


def _source_text(c: ClaimResult, sources: dict[str, SourceResult]) -> tuple[str, str | None]:
    src = sources.get(c.source)
    return (src.outlet if src is not None and src.outlet else c.source), (src.published if src is not None else None)


def _table_fits(rows: list[ClaimResult], width: int) -> bool:
    """Whether the five-column table fits `width` with every id, figure, date and status whole."""
    claim_w = max([cell_len(CLAIM_HEADERS[0])] + [cell_len(c.id) for c in rows])
    fig_w = max([cell_len(CLAIM_HEADERS[1])] + [cell_len(t) for c in rows
                                                for t in (_figure(c), c.when.text if c.when else "")])
    status_w = max([cell_len(CLAIM_HEADERS[3])] + [cell_len(c.status.value) for c in rows])
    return 1 + claim_w + fig_w + status_w + SOURCE_MIN + TABLE_CHROME <= width


def claims_table(report: Report, verbose: bool, width: int = 200) -> tuple[RenderableType, int]:
    """The claims as a table when it fits `width` whole, else stacked one claim to a block; and
    how many claims were left out."""
    rows, hidden = _rows(report, verbose)
    sources = {s.id: s for s in report.sources}
    if rows and not _table_fits(rows, width):
        return _stacked(rows, sources, verbose, width), hidden
    table = Table(show_header=True, header_style="bold", expand=False, pad_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column(CLAIM_HEADERS[0], no_wrap=True)
    table.add_column(CLAIM_HEADERS[1], no_wrap=True)
    table.add_column(CLAIM_HEADERS[2], overflow="fold")
    table.add_column(CLAIM_HEADERS[3], no_wrap=True)
    for c in rows:
        sym, style = c.status.symbol, STATUS_STYLE[c.status]
        fig = Text(_figure(c))
        if c.when:
            if fig:
                fig.append("\n")
            fig.append(c.when.text, style="dim")
        outlet, published = _source_text(c, sources)
        s_text = Text(outlet)
        if published:
            s_text.append("\n" + published, style="dim")
        table.add_row(Text(sym, style=style), Text(c.id), fig, s_text, Text(c.status.value, style=style))
        if verbose and c.quote:  # under the source, the one column that may fold
            quote = Text(f"“{c.quote}”", style="italic")
            if c.found_in:  # where it stands in a page or a PDF: "audit.pdf p. 14"
                quote.append(f"\n{c.found_in}", style="dim")
            table.add_row(Text(""), Text(""), Text(""), quote, Text(""))
        if verbose:
            for p in c.part_of_failed:
                table.add_row(Text(""), Text(""), Text(""), Text(f"part of a failed {p.code}: "
                                                                 f"{report.findings[p.finding].message}", style="dim"),
                              Text(""))
    return table, hidden


def _stacked(rows: list[ClaimResult], sources: dict[str, SourceResult], verbose: bool, width: int) -> Group:
    """One block per claim for a narrow terminal: mark, id and status on the first line, then the
    figure and date, then the source. A line wraps only between words."""
    id_w = max(cell_len(c.id) for c in rows)
    parts: list[RenderableType] = []
    for c in rows:
        style = STATUS_STYLE[c.status]
        head = Text(f"{c.status.symbol} ", style=style)
        head.append(c.id, style="bold")
        if 2 + id_w + 2 + cell_len(c.status.value) <= width:
            head.append(" " * (id_w - cell_len(c.id) + 2))
            head.append(c.status.value, style=style)
        elif 2 + cell_len(c.id) + 2 + cell_len(c.status.value) <= width:
            head.append("  " + c.status.value, style=style)
        else:  # an id as wide as the terminal: the status under it, whole
            head.append("\n  " + c.status.value, style=style)
        parts.append(head)
        fig, when = _figure(c), (c.when.text if c.when else "")
        if fig and when and cell_len(f"{fig} · {when}") <= width - 2:
            parts.append(Padding(Text(fig).append(" · " + when, style="dim"), (0, 0, 0, 2), expand=False))
        else:  # each on its own line rather than a figure broken between two
            parts.extend(Padding(Text(t, style="" if t is fig else "dim"), (0, 0, 0, 2), expand=False)
                         for t in (fig, when) if t)
        outlet, published = _source_text(c, sources)
        parts.append(Padding(Text(outlet + (f", {published}" if published else ""), style="dim"), (0, 0, 0, 2),
                             expand=False))
        if verbose and c.quote:
            parts.append(Padding(Text(f"“{c.quote}”", style="italic"), (0, 0, 0, 2), expand=False))
    return Group(*parts)


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


def _about(f: Finding, about: str, subjects: dict[str, str | None]) -> str:
    """What one finding is about, by the rule's `about`: a claim id, its subject, or a source id."""
    if about == "source" and f.sources:
        return f.sources[0]
    if f.claims:
        if about == "subject":
            return subjects.get(f.claims[0]) or f.claims[0]
        return f.claims[0]
    return str(f.location) if f.location else f.code


def grouped_line(code: str, found: list[Finding], report: Report, width: int) -> Text:
    """Several informational findings of one rule as one entry of at most GROUP_ROWS rows of
    `width`: what they say, then as many of the things they are about as fit ("FC501 info  9
    subjects rest on one source: a, b, … +6 more"). --verbose, md and JSON keep each finding."""
    rule = next((r for r in report.rules if r.code == code), None)  # the report carries the rules
    about = rule.about if rule is not None else "claim"
    if rule is not None and rule.grouped:
        gist = rule.grouped.format(n=len(found))
    else:
        gist = f"{len(found)} findings: " + (rule.summary if rule is not None else code)
    subjects = {c.id: c.subject for c in report.claims}
    names = list(dict.fromkeys(_about(f, about, subjects) for f in found))
    line = Text(f"{code} ", style=SEVERITY_STYLE[Severity.INFO])
    line.append(Severity.INFO.value, style=SEVERITY_STYLE[Severity.INFO])
    line.append(f"  {gist}:")
    rows = [cell_len(line.plain)]  # the width used on each row so far
    for n, name in enumerate(names):
        rest = len(names) - n - 1
        piece = name + ("," if rest else "")
        tail = cell_len(f" … +{rest} more") if rest else 0
        if rows[-1] + 1 + cell_len(piece) + (tail if len(rows) == GROUP_ROWS else 0) <= width:
            rows[-1] += 1 + cell_len(piece)
            line.append(" " + piece, style="dim")
        elif len(rows) < GROUP_ROWS and 2 + cell_len(piece) + (tail if len(rows) + 1 == GROUP_ROWS else 0) <= width:
            rows.append(2 + cell_len(piece))
            line.append("\n  " + piece, style="dim")
        else:
            line.append(f" … +{rest + 1} more", style="dim")
            break
    return line


def print_report(report: Report, console: Console, quiet: bool = False, verbose: bool = False) -> None:
    if not quiet:
        console.print(header(report))
        if report.claims:
            console.print()
            table, hidden = claims_table(report, verbose, console.width)
            if hidden < len(report.claims):
                console.print(table)
                if hidden:
                    why = ("supported" if len(report.claims) - hidden <= CLAIM_ROWS
                           and hidden == sum(c.status is ClaimStatus.SUPPORTED for c in report.claims)
                           else f"supported, or past the first {CLAIM_ROWS} with a problem")
                    console.print(Text(f"{hidden} more claims not listed ({why}); --verbose lists every claim",
                                       style="dim"))
            else:  # a large story with nothing wrong: no empty table
                console.print(Text(f"All {hidden:,} claims are supported; --verbose lists them", style="dim"))
    live = [f for f in report.findings if f.accepted is None]
    accepted = [f for f in report.findings if f.accepted is not None]
    grouped = False
    for sev, group in groupby(live, key=lambda f: f.severity):
        items = list(group)
        console.print()
        console.print(RichRule(Text(f"{len(items)} {sev.value if sev is Severity.INFO else _plural(len(items), sev.value).split(' ', 1)[1]}", style=SEVERITY_STYLE[sev]), align="left"))
        for fam, fgroup in groupby(items, key=lambda f: f.code[:3]):
            console.print(Text(FAMILY_TITLES.get(fam, fam), style="bold"))
            for code, cgroup in groupby(fgroup, key=lambda f: f.code):
                found = list(cgroup)
                if sev is Severity.INFO and len(found) > 1 and not verbose:
                    console.print(grouped_line(code, found, report, console.width))
                    grouped = True
                    continue
                limit = len(found) if verbose else PER_CODE
                for f in found[:limit]:
                    console.print(finding_block(f))
                if len(found) > limit:
                    console.print(Text(f"… {len(found) - limit} more {code} findings; --verbose prints them all, "
                                       "--format md or json lists them", style="dim"))
    if grouped:
        console.print(Text("--verbose prints each info finding; the md and JSON reports list them all", style="dim"))
    if accepted:
        console.print()
        console.print(RichRule(Text(f"{len(accepted)} accepted", style="dim"), align="left"))
        for f in accepted:
            console.print(finding_block(f))
    if quiet and not report.findings:
        console.print(Text("no findings"))


def show(reports: Sequence[Report], sink: Sink, options: Mapping[str, Any]) -> None:
    """`verify`'s terminal report of each story (options: quiet, verbose, several: each story's
    report opens with its ledger's path)."""
    for n, report in enumerate(reports):
        if options.get("several"):
            sink.console.print(Text(("\n" if n else "") + f"== {report.ledger}", style="bold"))
        print_report(report, sink.console, bool(options.get("quiet")), bool(options.get("verbose")))


def render(report: Report) -> str:
    """The terminal report as plain text, 100 columns wide, without colour."""
    import io

    buf = io.StringIO()
    print_report(report, Console(file=buf, width=100, color_system=None, highlight=False, emoji=False))
    return buf.getvalue()
