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

SECTIONS = ("What it checks", "Why an editor cares", "Example", "Passes")


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
    """One rule: its heading, summary and documented sections."""
    console.print(Text(f"{r.code} {r.name} ({r.severity.value})", style="bold"))
    console.print(Text(r.summary))
    for name in SECTIONS:
        console.print()
        console.print(Text(name, style="bold"))
        body = r.sections.get(name, "")
        if name in ("Example", "Passes"):  # ledger fragments: line by line, as written
            for line in body.splitlines():
                console.print(Padding(Text(line, overflow="fold"), (0, 0, 0, 2)))
        else:  # prose: one paragraph, wrapped to the terminal
            console.print(Padding(Text(" ".join(body.split())), (0, 0, 0, 2)))
