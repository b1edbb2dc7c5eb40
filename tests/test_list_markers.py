"""A number that opens a line is an ordered-list marker only as CommonMark reads one: 1-9 digits
with no separators, then "." or ")" and a space or the line's end, where a list item may start
(the block's first line, after a blank line or a heading, within a list, or a non-empty "1."
interrupting a paragraph). Anything else is a figure wrapped to the line's start, and is checked."""

from __future__ import annotations

import pytest

from factcheck.figures import find_amounts

CASES: list[tuple[str, str, list[str]]] = [
    # wrapped figures: read and checked
    ("a figure with separators is never a marker", "the toll rose past\n90,000.", ["90,000"]),
    ("a wrapped figure after 'passed'", "by Thursday the number had passed\n60,000. About", ["passed\n60,000"]),
    ("a paragraph's wrapped small number", "up from\n9.", ["9"]),
    ("a paragraph's wrapped number before text", "the count reached\n12. Officials said", ["12"]),
    ("a parenthesis marker cannot interrupt either", "the count reached\n12) and then", ["12"]),
    ("an empty '1.' cannot interrupt a paragraph", "the toll now stands at\n1.", ["1"]),
    ("a figure with separators after a blank line", "Intro.\n\n1,200. That was the count.", ["1,200"]),
    ("no space after the dot: a decimal", "the rate fell to\n5.5 percent", ["5.5 percent"]),
    ("an indented continuation is not an item", "said the toll was\n   40,000.", ["40,000"]),
    # list markers: not figures
    ("the draft's first line", "1. The first point.", []),
    ("after a blank line", "Intro.\n\n2. The second point.", []),
    ("after a heading", "# What to know\n3. Roads stay closed.", []),
    ("a non-empty '1.' interrupts a paragraph", "Residents should:\n1. Boil water.", []),
    ("a list's next item", "1. Boil water.\n2. Stay home.", []),
    ("an item after its continuation line", "1. The shelter has room\n   for many.\n2. Roads close.", []),
    ("an item after a lazy continuation line", "1. The shelter has room\nfor many.\n2. Roads close.", []),
    ("a parenthesis marker", "Steps:\n\n4) Call the line.", []),
    ("a marker alone on its line after a blank", "Intro.\n\n5.", []),
    ("a nested marker in a bullet item", "- 1. nested", []),
    ("an item after a bullet list's item", "- Boil water.\n2. Stay home.", []),
]


@pytest.mark.parametrize(("why", "text", "figures"), CASES, ids=[c[0] for c in CASES])
def test_a_line_start_number_is_a_marker_only_where_commonmark_starts_an_item(
        why: str, text: str, figures: list[str]) -> None:
    assert [a.text for a in find_amounts(text)] == figures


def test_a_markdown_list_keeps_its_figures_and_drops_its_markers() -> None:
    draft = ("What residents should know:\n\n"
             "1. Boil water until the utility lifts the order.\n"
             "2. The shelter has room for\n   300 people.\n"
             "3. Roads east of the bridge stay closed.\n\n"
             "The number without water passed\n4,000.\n")
    assert [a.text for a in find_amounts(draft)] == ["300", "passed\n4,000"]
