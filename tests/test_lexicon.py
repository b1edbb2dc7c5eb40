"""The word table: every word the figure reader knows is in exactly one class."""

from __future__ import annotations

from itertools import combinations

import pytest

from factcheck.lexicon import CLASSES

PAIRS = list(combinations(sorted(CLASSES), 2))


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a}|{b}" for a, b in PAIRS])
def test_no_word_is_in_two_classes(a: str, b: str) -> None:
    assert not CLASSES[a] & CLASSES[b], f"in both {a} and {b}: {sorted(CLASSES[a] & CLASSES[b])}"


def test_won_is_a_currency_only() -> None:
    """'5 trillion won': once a verb and a currency, so the figure got no unit."""
    holding = [name for name, words in CLASSES.items() if "won" in words]
    assert holding == ["currency"]


def test_every_class_is_lower_case_and_trimmed() -> None:
    for name, words in CLASSES.items():
        for w in words:
            assert w == w.lower().strip() and "  " not in w, (name, w)


def test_docs_list_every_hedge_scale_and_currency_name() -> None:
    """docs/amounts.md is the table a desk prints: every word the reader knows is in it."""
    from pathlib import Path

    from factcheck.lexicon import CURRENCY_NAMES, HEDGES, POSTFIX_HEDGES, SCALE_WORDS

    doc = (Path(__file__).parent.parent / "docs" / "amounts.md").read_text(encoding="utf-8").lower()
    missing = [w for w in [*HEDGES, *(f"v {p}" for p in POSTFIX_HEDGES), *SCALE_WORDS, *CURRENCY_NAMES]
               if w.rstrip("s") not in doc and w not in doc]
    assert not missing, f"not in docs/amounts.md: {missing}"
