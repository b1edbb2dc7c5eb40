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
