"""The rule reference in the terminal: `factcheck rules` (every rule, one row each) and
`factcheck explain CODE` (one rule's documentation). The data comes from the registry as
:class:`~factcheck.model.RuleInfo`; this module only lays it out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.model import RuleInfo

SECTIONS = ("What it checks", "Why an editor cares")


def print_rules(rules: Sequence[RuleInfo], families: Mapping[str, str], console: Console) -> None:
    """Code, severity, name and summary of every rule, a section per family."""
    table = Table(show_header=True, header_style="bold", pad_edge=False)
    for col in ("code", "severity", "name", "summary"):
        table.add_column(col, overflow="fold")
    last_family = None
    for r in rules:
        if r.family != last_family and last_family is not None:
            table.add_section()
        last_family = r.family
        table.add_row(Text(r.code), Text(r.severity.value), Text(r.name), Text(r.summary))
    console.print(table)
    console.print(Text("Families: " + "; ".join(f"{k}xx {v}" for k, v in families.items()), style="dim"))


def print_explain(r: RuleInfo, console: Console) -> None:
    """One rule: its heading, summary, documented sections, then its two stories file by file."""
    console.print(Text(f"{r.code} {r.name} ({r.severity.value})", style="bold"))
    console.print(Text(r.summary))
    for name in SECTIONS:  # prose: one paragraph each, wrapped to the terminal
        console.print()
        console.print(Text(name, style="bold"))
        console.print(Padding(Text(" ".join(r.sections.get(name, "").split())), (0, 0, 0, 2)))
    for name, story in (("Example", r.example), ("Passes", r.passes)):
        console.print()
        if story is None:
            console.print(Text(name, style="bold"))
            console.print(Padding(Text(r.no_example), (0, 0, 0, 2)))
            continue
        console.print(Text(f"{name} ({'raises' if name == 'Example' else 'does not raise'} {r.code})", style="bold"))
        for path, text in story:  # a story folder's files, line by line as written
            console.print(Padding(Text(path, style="underline"), (0, 0, 0, 2)))
            for line in text.splitlines():
                console.print(Padding(Text(line, overflow="fold"), (0, 0, 0, 4)))
