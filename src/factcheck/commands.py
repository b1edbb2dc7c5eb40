"""The work behind the smaller commands (extract, sources), kept out of cli.py so it stays thin.

Each function takes plain arguments and a Rich console; domain errors are CannotRun.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.load import (
    Problem,
    decode_text,
    read_ledger,
    read_sources,
    read_story_file,
    split_front_matter,
)
from factcheck.model import Report
from factcheck.text import shorten


def run_extract(file: Path, ledger: Path, append: bool, console: Console) -> None:
    """List FILE's figures and dates; with `append`, add the new ones to the ledger, holding the
    ledger's lock from reading it (for the ids and figures it has) to writing it."""
    if not append:
        _run_extract(file, ledger, append, console)
        return
    from factcheck.workspace import ledger_lock

    with ledger_lock(ledger):
        _run_extract(file, ledger, append, console)


def _run_extract(file: Path, ledger: Path, append: bool, console: Console) -> None:
    from factcheck import extract
    from factcheck.model import SOURCE_FIELDS, SourceMeta
    from factcheck.story import resolve
    from factcheck.workspace import append_to_ledger

    raw = read_story_file(file, None)  # the editor names it: any regular file, under the size cap
    text = decode_text(raw, file).replace("\r\n", "\n")
    body, meta_text, body_line = split_front_matter(text)
    anchor = None
    if meta_text is not None:
        import tomli

        try:
            anchor = SourceMeta.model_validate({k: v for k, v in tomli.loads(meta_text).items()
                                           if k in SOURCE_FIELDS}).published
        except Exception:  # a broken front matter only costs the anchor here; verify reports it
            anchor = None
    sources_dir = ledger.parent / "sources"
    sid = extract.source_id_for(file, sources_dir)
    found = extract.find(body, anchor)
    found = [extract.Found(f.kind, f.line + body_line - 1, f.text, f.fragment, f.sentence, f.amount, f.period)
             for f in found]
    taken: set[str] = set()
    recorded: set[tuple[str, str]] = set()
    if ledger.exists() or ledger.is_symlink():
        problems: list[Problem] = []
        story = resolve(read_ledger(ledger), read_sources(sources_dir, ledger.parent, problems), problems)
        taken = {c.id for c in story.claims}
        recorded = extract.recorded_keys(story.claims)
    table = Table(show_header=True, header_style="bold", pad_edge=False)
    for col in ("line", "kind", "as written", "unit / when", "sentence"):
        table.add_column(col, overflow="fold")
    new = []
    skipped = 0
    for f in found:
        known = extract.already_recorded(f, sid, recorded)
        detail = ""
        if f.amount is not None:
            detail = f.amount.unit or ""
        elif f.period is not None:
            detail = f.period.describe()  # the days it means: "on or before 2024-06-30"
        style = "dim" if known else ""
        table.add_row(Text(str(f.line)), Text(f.kind), Text(f.text, style=style),
                      Text(detail + (" (in the ledger)" if known else ""), style=style),
                      Text(shorten(f.sentence, 90), style="dim"))
        if known:
            skipped += 1
        else:
            new.append(f)
    console.print(table)
    entries = extract.entries(new, sid, taken)
    toml = extract.as_toml(entries)
    if not append:
        if toml:
            from factcheck.output import write_stdout

            write_stdout(toml)
        console.print(Text(f"{len(entries)} entries" + (f"; {skipped} already in the ledger" if skipped else ""),
                           style="dim"))
        return
    if not entries:
        console.print(Text(f"nothing to add to {ledger}" + (f" ({skipped} already recorded)" if skipped else "")))
        return
    header = f"# Added by `factcheck extract {file.name}`: review each entry.\n"
    append_to_ledger(ledger, header + toml)
    console.print(Text(f"appended {len(entries)} claims to {ledger}" +
                       (f"; {skipped} already recorded, skipped" if skipped else "")))


def print_sources(report: Report, console: Console) -> None:
    table = Table(show_header=True, header_style="bold", pad_edge=False)
    for col in ("source", "outlet", "date", "via", "kind", "claims"):
        table.add_column(col, overflow="fold")
    uncited = 0
    for s in report.sources:
        mark = "" if s.cited_by else "  not cited"
        uncited += 0 if s.cited_by else 1
        table.add_row(Text(s.id), Text(s.outlet or "—"), Text(s.published or "—"), Text(", ".join(s.via) or "—"),
                      Text(s.kind), Text(f"{s.cited_by}{mark}", style="" if s.cited_by else "yellow"))
    console.print(table)
    if uncited:
        console.print(Text(f"{uncited} source{'s' if uncited != 1 else ''} cited by no claim", style="yellow"))
