"""The Markdown memo keeps source text as written, character references included."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from factcheck.report import render
from tests.conftest import verify_report, write_story

markdown_it = pytest.importorskip("markdown_it")  # the CommonMark parser rich itself uses


@pytest.mark.parametrize("written", ["AT&amp;T", "AT&T", "&copy; 2025", "&#169;", "R&D"])
def test_ampersands_render_as_written(tmp_path: Path, written: str) -> None:
    ledger = write_story(tmp_path / "s", f"""
        [story]
        title = "Phone deal: {written}"

        [[claim]]
        id = "deal"
        source = "wire"
        quote = "{written} paid 3,000 staff"
    """, {"wire.md": f"+++\npublished = 2025-01-02\n+++\n{written} paid 3,000 staff.\n"})
    memo = render(verify_report(ledger), "md")
    page = markdown_it.MarkdownIt("commonmark").enable("table").render(memo)
    # what a reader sees is the text of the rendered HTML: the source's characters, unchanged
    assert f"Phone deal: {written}" in html.unescape(page)
    assert f"“{written} paid 3,000 staff”" in html.unescape(page)
