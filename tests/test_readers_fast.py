"""The quote readers' fast paths held to the plain grammar (issue 21).

`find_amounts` skips work the plain reading would throw away: it builds no amount for a number
inside a date (the figure is dropped), stops at once at a word that could only start a hedge
when no hedge is there ("in", "at", "to"), looks for a unit after a figure only at a word that
can start one, asks a negation only where its first word stands, and copies an amount with its
counted noun without dataclasses.replace. Each test reads the same text twice through the public
`find_amounts`, once as shipped and once with the shortcuts switched off, and wants the same
figures, spans and all, on generated phrases and on every phrase of the figure and date tables.
The tokenizer's pattern skips spaces before trying its alternatives; it is held to the pattern
without that look-ahead. `speaks_of_future` searches lower-cased text with a case-sensitive
pattern; it is held to the case-insensitive one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dates import find_periods, speaks_of_future
from factcheck.dates import read as R
from factcheck.figures import Amount, ReadOptions, Token, find_amounts, tokenize
from factcheck.figures import grammar as G
from factcheck.figures import tokens as T
from factcheck.lexicon import NEGATIONS
from tests.test_dates_table import TABLE as DATE_TABLE
from tests.test_figures_table import COPY, PARSE

ANCHOR = date(2024, 6, 14)

# Pieces reporters write figures and dates with, joined at random: hedges, numbers in digits and
# words, scales, units, ranges, and the dates the period reader takes out of the figure reader's way.
_PIECES = [
    "in", "at", "at least", "in excess of", "to", "between", "and", "from", "by", "about", "over", "up to",
    "nearly", "a", "an", "half", "dozens of", "several", "minus", "some", "more than", "or more", "not",
    "12", "2", "15", "500", "1,200", "4 500", "12 500", "2.5", "3bn", "-4", "10-12", "2023", "2024", "1999",
    "two", "twenty-one", "hundred", "thousand", "million", "billion", "percent", "%", "per cent", "points",
    "basis points", "$", "€", "US$", "euros", "people", "homes", "years", "days", "later", "ago", "-", "–",
    "May", "May 12", "June", "March 5", "5 March", "September 2, 2023", "2023-05-01", "Q2", "H1", "late",
    "early", "last year", "on", "since", "until", "week", "weeks", "months", "the", "first", "half of",
    ",", ".", "(", ")", "1,5", "3:1", "won", "3-1",
]


class _Everything:
    def __contains__(self, _: object) -> bool:
        return True


def _plain_negated(tokens: list[Token], i: int) -> bool:
    return any(i - n >= 0 and G._phrase_at(tokens, i - n, tuple(p.split())) for p, n in NEGATIONS.items())


@contextmanager
def plain_reading() -> Iterator[None]:
    """The grammar with its shortcuts off: every figure built, every starter read in full."""
    mp = pytest.MonkeyPatch()
    read_at = G._read_at
    mp.setattr(G, "_read_at", lambda tokens, i, text, opts, build=True: read_at(tokens, i, text, opts))
    mp.setattr(G, "_HEDGE_ONLY", frozenset())
    mp.setattr(G, "_UNIT_FIRST", _Everything())
    mp.setattr(G, "_negated", _plain_negated)
    mp.setattr(G, "_with_unit", lambda a, unit: replace(a, unit=unit))
    G._find.cache_clear()
    try:
        yield
    finally:
        mp.undo()
        G._find.cache_clear()


def both_ways(text: str) -> tuple[list[Amount], list[Amount]]:
    spans = [p.span for p in find_periods(text, ANCHOR)]
    G._find.cache_clear()
    fast = find_amounts(text, skip_spans=spans)
    with plain_reading():
        plain = find_amounts(text, skip_spans=spans)
    return fast, plain


def _same(fast: list[Amount], plain: list[Amount]) -> None:
    assert all(type(a.unit) is type(b.unit) for a, b in zip(fast, plain, strict=True))
    assert [repr(a) for a in fast] == [repr(a) for a in plain]  # repr: every field, the tolerance too


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map(" ".join))
def test_quote_figures_are_the_plain_readings(text: str) -> None:
    _same(*both_ways(text))


@pytest.mark.parametrize("text", [r[0] for r in PARSE] + [r[0] for r in COPY] + [r[0] for r in DATE_TABLE])
def test_table_phrases_read_the_plain_way(text: str) -> None:
    for t in (text, f"{text} 500 people", f"on {text}, 1,200 homes in 2023"):
        _same(*both_ways(t))


def test_the_shortcuts_are_taken() -> None:
    """The test above would pass with no shortcut at all: show both are really used."""
    calls: list[bool] = []
    read_at = G._read_at

    def spy(tokens: list[Token], i: int, text: str, opts: ReadOptions,
            build: bool = True) -> tuple[Amount, int] | None:
        got = read_at(tokens, i, text, opts, build)
        calls.append(build)
        return got

    mp = pytest.MonkeyPatch()
    mp.setattr(G, "_read_at", spy)
    G._find.cache_clear()
    try:
        text = "On September 2, 2023 about 500 homes in the city were hit"
        got = find_amounts(text, skip_spans=[p.span for p in find_periods(text, ANCHOR)])
    finally:
        mp.undo()
        G._find.cache_clear()
    assert [a.text for a in got] == ["about 500"]
    assert calls.count(False) == 2  # "2" and "2023", inside the date, are read but not built
    assert G._read_at(tokenize("in the city"), 0, "in the city", ReadOptions()) is None
    assert "in" in G._HEDGE_ONLY and "at" in G._HEDGE_ONLY and "two" not in G._HEDGE_ONLY


_PLAIN_TOKEN = re.compile(T._TOKEN.pattern.replace("(?=\\S)(?:", "(?:", 1), T._TOKEN.flags)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aZ é’'$€%-–—−+(),.:;0123456789\u00a0\u2009\u202f\n\t½")
                                 + ["bn", "pp", "rs", "us$", "a.m."]), max_size=40).map("".join))
def test_the_token_pattern_skips_spaces_and_nothing_else(text: str) -> None:
    assert _PLAIN_TOKEN.pattern != T._TOKEN.pattern
    fast = [(m.lastgroup, m.span(), m.groupdict()) for m in T._TOKEN.finditer(text)]
    plain = [(m.lastgroup, m.span(), m.groupdict()) for m in _PLAIN_TOKEN.finditer(text)]
    assert fast == plain


# -- speaks_of_future: the future words searched in lower-cased text ----------------------------

_PLAIN_FUTURE = re.compile(R._FUTURE.pattern, re.IGNORECASE)
_FUTURE_PIECES = ["Will", "will", "WILL", "won't", "Won’t", "is due", "IS ON", "Monday", "may", "May be", "plans to",
                  "Expected to", "set to", "said", "the", "wİll", "wıll", "ſet to", "Kelvin", "\u212a", "İs due",
                  "É", "straße", "ΣΟΦΙΑ", "could", "Could", "next Year", "NEXT WEEK", "planned", ",", ".", "\u0307"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FUTURE_PIECES), max_size=10).map(" ".join))
def test_the_future_is_found_as_the_case_insensitive_pattern_finds_it(text: str) -> None:
    assert speaks_of_future(text) == (_PLAIN_FUTURE.search(text) is not None)


def test_the_letters_that_fold_to_ascii_are_all_known() -> None:
    """Every letter outside ASCII that the case-insensitive pattern matches with an ASCII letter,
    or whose lower case holds one, keeps its text on the case-insensitive pattern."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(c) for c in range(0x80, 0x110000)
               if ascii_letter.fullmatch(chr(c)) or re.search("[a-z]", chr(c).lower())}
    assert folding == R._FOLD_TO_ASCII
    assert speaks_of_future("It w\u0130ll rain") and not speaks_of_future("It rained")
