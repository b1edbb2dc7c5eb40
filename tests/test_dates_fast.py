"""The date reader's fast paths held to the plain reading (issue 21).

`find_periods` tries a form only where a first word of some form stands (a whole month name, not
"mar" in "market"), and a run of neighbouring forms only where one of the run's first words
stands (`Form.starts`), where the plain scan tries every form wherever a word starts; it reads a match's groups in one call into a tuple, where the plain reading asks the
match for each group by its prefixed name; it looks for an open-ended word ("since", "by") before
a match only when the word before could end one; `find_periods_many` reads all its texts in one
scan of them joined by a separator; and the last day of a month comes from a table, not from
`calendar.monthrange`; a text with letters outside ASCII is lowered with str.lower, not a
translate of the ASCII letters, unless it holds one of the few that lower to ASCII. Each test reads the same text both ways through the public functions and
wants the same periods, spans and all, on generated phrases and on every phrase of the date table
and the figure copy table.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dates import Period, PeriodError, find_periods, find_periods_many, grammar, parse_period
from factcheck.dates import days as D
from factcheck.dates import period as P
from factcheck.dates import read as R
from factcheck.dates.period import WEEKDAYS
from tests.test_dates_table import TABLE as DATE_TABLE
from tests.test_figures_table import COPY

ANCHORS = [date(2024, 6, 14), date(2025, 1, 3), date(2024, 2, 29), None]

# Pieces reporters write dates with, and the words around them, joined at random.
_PIECES = [
    "in", "on", "at", "the", "since", "by", "until", "through", "before", "after", "from", "between", "and", "to",
    "no later than", "as of", "prior to", "over", "during", "of", "-", "–", ",", ".", "said", "will", "is due",
    "May", "may be", "June", "Sept.", "March 5", "5 March", "September 2, 2023", "2023-05-01", "2024-10", "2023",
    "2019", "2000", "1990s", "mid-March", "late 2023", "early", "end of", "first half", "second quarter", "Q2",
    "H1", "FY2025", "fiscal 2024-25", "spring", "last", "this", "next", "this past", "Wednesday", "Thursday,",
    "Christmas", "Easter", "year", "month", "week", "ago", "three", "a few", "yesterday", "tonight", "morning",
    "12", "6-8", "500", "1,200", "people", "workers", "per cent", "%", "\x00", "  ", "\n",
    "É", "Straße", "İN", "\u212aelvin", "ſince", "JUNE", "Mai", "Août", "’", "—", "€", "ΣΟΦΙΑ",
]


class _PlainG(grammar.G):
    """Every group asked of the match by its prefixed name, as the reader did before."""

    def __call__(self, name: str) -> str | None:
        key = self.fg.prefix + name
        return self.m.group(key) if key in self.m.re.groupindex else None

    def weekday(self) -> int | None:
        wd = self("wd")
        return WEEKDAYS[wd] if wd else None

    def weekday_only(self) -> bool:
        return self.any("wdonly", "wdonly2") is not None


def _plain_scan() -> tuple[re.Pattern[str], dict[int, grammar.FormGroups]]:
    """Every form tried at every place a word starts: no look-ahead for the first words of any
    form or of a run of forms."""
    pattern = re.compile(rf"(?<![a-z0-9])(?:{grammar._alternation(True, guarded=False)})(?![a-z0-9])")
    assert pattern.groupindex == grammar.scan_pattern().groupindex
    return pattern, grammar.form_groups(pattern)


_PLAIN_SCAN = _plain_scan()


def _plain_month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


@contextmanager
def plain_reading() -> Iterator[None]:
    """The reader with its shortcuts off: every form tried wherever the scan stops, groups read by
    name, an open-ended word looked for before every match, month ends from the calendar module, only ASCII letters lowered."""
    mp = pytest.MonkeyPatch()
    mp.setattr(grammar, "G", _PlainG)
    mp.setattr(grammar, "scan_forms", lambda: _PLAIN_SCAN)
    mp.setattr(grammar, "OPEN_LAST_WORDS", ("",))  # every text ends with "": always look
    mp.setattr(P, "month_end", _plain_month_end)
    mp.setattr(R, "_lower", lambda text: text.translate(R._ASCII_LOWER))
    mp.setattr(D, "month_end", _plain_month_end)
    R._parse.cache_clear()
    try:
        yield
    finally:
        mp.undo()
        R._parse.cache_clear()


def _read(text: str, anchor: date | None, future: bool | None) -> list[Period] | str:
    return find_periods(text, anchor, future=future)


def _parse(text: str, anchor: date | None, future: bool) -> Period | str:
    try:
        return parse_period(text, anchor, future=future)
    except PeriodError as e:
        return f"error: {e}"


def both_ways(text: str, anchor: date | None, future: bool | None) -> None:
    R._parse.cache_clear()
    fast = (_read(text, anchor, future), _parse(text, anchor, bool(future)))
    with plain_reading():
        plain = (_read(text, anchor, future), _parse(text, anchor, bool(future)))
    assert fast == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map(" ".join),
       st.sampled_from(ANCHORS), st.sampled_from([None, True, False]))
def test_generated_phrases_read_the_plain_way(text: str, anchor: date | None, future: bool | None) -> None:
    both_ways(text, anchor, future)


@pytest.mark.parametrize("text", sorted({r[0] for r in DATE_TABLE} | {r[0] for r in COPY}))
def test_table_phrases_read_the_plain_way(text: str) -> None:
    for t in (text, f"Officials said on {text} that 500 people", f"by {text}, prices will rise"):
        for future in (None, True, False):
            both_ways(t, date(2025, 6, 20), future)


# -- find_periods_many: one scan of all the texts ------------------------------------------------

_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXTS, st.sampled_from(ANCHORS), st.sampled_from([None, True, False])), max_size=8))
def test_many_texts_read_as_each_alone(items: list[tuple[str, date | None, bool | None]]) -> None:
    texts = [t for t, _, _ in items]
    anchors = [a for _, a, _ in items]
    futures = [f for _, _, f in items]
    assert find_periods_many(texts, anchors, futures=futures) == [
        find_periods(t, a, future=f) for t, a, f in items]
    assert find_periods_many(texts, anchors) == [find_periods(t, a) for t, a in zip(texts, anchors, strict=True)]


def test_no_period_reads_across_two_texts() -> None:
    """What one text ends with never reaches the next one's first words: a hedge before a year,
    an open-ended word, "in" before a bare month, a range's second end."""
    texts = ["prices rose over", "2000 workers", "it lasted until", "March", "talks since", "May 2024 ended",
             "from 2019 to", "2021", "in", "May", "", "Sept. 3 -", "5, 2023", "the 19th of", "June 2024"]
    anchors: list[date | None] = [date(2024, 6, 14)] * len(texts)
    got = find_periods_many(texts, anchors)
    assert got == [find_periods(t, date(2024, 6, 14)) for t in texts]
    assert [[p.text for p in ps] for ps in got] == [
        [], [], [], [], [], ["May 2024"], ["2019"], ["2021"], [], [], [], ["Sept. 3"], ["2023"], [], ["June 2024"]]
    # the same words in one text make other periods: the texts above would read them if joined
    assert [p.text for p in find_periods(" ".join(texts), date(2024, 6, 14))] == [
        "until March", "since May 2024", "from 2019 to 2021", "in May", "Sept. 3 - 5, 2023", "the 19th of June 2024"]


def test_a_recurring_text_is_read_once_and_each_reading_is_its_own_list() -> None:
    got = find_periods_many(["in May 2024", "in May 2024"], [date(2024, 6, 1)] * 2)
    assert got[0] == got[1] and got[0] is not got[1]
    with pytest.raises(ValueError):
        find_periods_many(["in May 2024"], [])


# -- the shortcuts are really taken ---------------------------------------------------------------


def test_the_shortcuts_are_taken() -> None:
    """The tests above would pass with no shortcut at all: show each one is used."""
    pattern, table = grammar.scan_forms()
    m = pattern.search("on june 19, 2024")
    assert m is not None
    g = grammar.G(m, table[m.lastindex or 0])
    assert isinstance(g.values, tuple) and g.values[0] == "on june 19, 2024" and g("mon") == "june"
    assert g("no such group") is None

    searched: list[tuple[int, int]] = []
    real = grammar.open_before()

    class Spy:
        def search(self, text: str, lo: int, hi: int) -> re.Match[str] | None:
            searched.append((lo, hi))
            return real.search(text, lo, hi)

    mp = pytest.MonkeyPatch()
    mp.setattr(grammar, "open_before", lambda: Spy())
    try:
        got = find_periods("Sales fell in May 2024 and have held since June 2024", date(2024, 9, 1))
    finally:
        mp.undo()
    assert [(p.text, p.open_end or p.open_start) for p in got] == [("in May 2024", False), ("since June 2024", False)]
    assert len(searched) == 1  # only before "June 2024", whose word before ("since") could end one
    assert got[1].first == date(2024, 6, 1) and got[1].last == date(2024, 9, 1)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 9999), st.integers(1, 12))
def test_the_month_table_is_the_calendar(y: int, m: int) -> None:
    assert P.month_end(y, m) == _plain_month_end(y, m)


def test_every_form_says_what_it_starts_with() -> None:
    for form in grammar.FORMS:
        assert form.starts and set(form.starts) <= set(grammar.STARTS), form.name
        # its own example starts with one of them, after any lead words
        lead = re.compile(grammar._LEAD_WORDS + "(?:" + "|".join(grammar.STARTS[w] for w in form.starts) + ")")
        assert lead.match(form.example.lower()), form.name


def test_str_lower_keeps_every_offset_and_every_sign_the_patterns_name() -> None:
    r"""Outside _FOLD_TO_ASCII, str.lower maps a character outside ASCII to one character outside
    ASCII, of the same kind to \s, \d and \w, and never to a sign the date patterns name."""
    patterns = [grammar.scan_pattern(), grammar.open_before(), grammar._HEDGE_BEFORE, grammar._WORD_BEFORE,
                grammar._WORD_AFTER, R._SAID, R._CLAUSE_END, R._FUTURE]
    named = {c for p in patterns for c in p.pattern if not c.isascii()}
    assert named >= {"’", "–", "€"}
    kinds = [re.compile(k) for k in (r"\s", r"\d", r"\w")]
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        if c in R._FOLD_TO_ASCII:
            continue
        low = c.lower()
        assert len(low) == 1 and not low.isascii(), hex(cp)
        assert (low in named) == (c in named), hex(cp)
        if low != c:
            assert all(bool(k.match(c)) == bool(k.match(low)) for k in kinds), hex(cp)
    assert len("\u0130".lower()) == 2 and "\u212a".lower() == "k"  # why those stay on the translate
