"""FC601: a draft figure standing in a found quote with the draft's words around it is backed by
that quote, whatever the claim's own amount; different neighbouring words leave it unbacked."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.engine import Options, run
from tests.conftest import write_story

QUOTE = "More than 80 percent of the victims were older than 75, and 12 children under ten were hurt"


@pytest.mark.parametrize(("draft", "backed"), [
    # the words before (back to an uncommon one) and the word after, or the clause's end
    ("Most of them were older than 75.", True),
    ("Most were older than 75, the court heard.", True),
    # a figure opening a clause has no word before it to match, and stays unbacked (strict)
    ("Of them, 12 children under ten were hurt.", False),
    ("12 children under ten were hurt.", False),
    ("The 12 children under ten were hurt.", False),  # "the", not the quote's "and"
    ("The injured included children under ten.", True),
    # different neighbouring words: still unbacked
    ("Most of the dead were younger than 75.", False),
    ("Most were older than 75 years.", False),
    ("The injured included teenagers under ten.", False),
    ("Officials counted 75 victims.", False),
    ("75 of them were hurt.", False),
    # a hedged figure with its noun, whole
    ("Staff said more than 80 percent of residents left.", True),
    ("Staff said more than 85 percent of residents left.", False),
])
def test_a_figure_in_its_quotes_words_is_backed_by_the_quote(tmp_path: Path, draft: str, backed: bool) -> None:
    ledger = write_story(tmp_path, f'[[claim]]\nid = "share"\nsource = "s"\nquote = "{QUOTE}"\n'
                                   'amount = "More than 80 percent"\n',
                         {"s.md": f"The court heard it. {QUOTE}.\n"})
    (tmp_path / "draft.md").write_text(draft + "\n", encoding="utf-8")
    report = run(Options(claims=ledger, select=["FC601"]))
    assert [f.code for f in report.findings] == ([] if backed else ["FC601"]), [f.message for f in report.findings]


def test_a_quote_not_found_in_its_source_backs_nothing(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, f'[[claim]]\nid = "share"\nsource = "s"\nquote = "{QUOTE}"\n'
                                   'amount = "More than 80 percent"\n',
                         {"s.md": "The court heard it. Most victims were elderly.\n"})
    (tmp_path / "draft.md").write_text("Most of them were older than 75.\n", encoding="utf-8")
    report = run(Options(claims=ledger, select=["FC601"]))
    assert [f.code for f in report.findings] == ["FC601"]
