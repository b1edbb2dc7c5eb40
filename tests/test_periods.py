"""Periods: every form of SPEC section 3 against fixed anchor dates; invariants by hypothesis."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates import (
    NeedsAnchor,
    PeriodError,
    find_periods,
    format_period,
    parse_period,
)

ANCHOR = date(2025, 6, 20)  # a Friday

TABLE = [
    ("2024-06-19", "2024-06-19", "2024-06-19"),
    ("June 19, 2024", "2024-06-19", "2024-06-19"),
    ("19 June 2024", "2024-06-19", "2024-06-19"),
    ("20 Jun. 2025", "2025-06-20", "2025-06-20"),
    ("Thursday, June 19, 2025", "2025-06-19", "2025-06-19"),
    ("2024-10", "2024-10-01", "2024-10-31"),
    ("October 2024", "2024-10-01", "2024-10-31"),
    ("2023", "2023-01-01", "2023-12-31"),
    ("early 2023", "2023-01-01", "2023-04-30"),
    ("mid 2023", "2023-05-01", "2023-08-31"),
    ("late 2023", "2023-09-01", "2023-12-31"),
    ("first half of 2025", "2025-01-01", "2025-06-30"),
    ("second half of 2025", "2025-07-01", "2025-12-31"),
    ("Q1 2025", "2025-01-01", "2025-03-31"),
    ("Q4 2024", "2024-10-01", "2024-12-31"),
    ("between January and March 2025", "2025-01-01", "2025-03-31"),
    ("since September 2023", "2023-09-01", "2025-06-20"),
    ("this year", "2025-01-01", "2025-12-31"),
    ("last year", "2024-01-01", "2024-12-31"),
    ("last month", "2025-05-01", "2025-05-31"),
    ("earlier this month", "2025-06-01", "2025-06-20"),
    ("last October", "2024-10-01", "2024-10-31"),
    ("last May", "2025-05-01", "2025-05-31"),
    ("December last year", "2024-12-01", "2024-12-31"),
    ("in March this year", "2025-03-01", "2025-03-31"),
    ("between January and March of this year", "2025-01-01", "2025-03-31"),
    ("last week", "2025-06-09", "2025-06-15"),
    ("on Wednesday", "2025-06-18", "2025-06-18"),
    ("on Friday", "2025-06-20", "2025-06-20"),
    ("last Friday", "2025-06-13", "2025-06-13"),  # said on a Friday: the Friday before
    ("May 9", "2025-05-09", "2025-05-09"),
    ("in April", "2025-04-01", "2025-04-30"),
    ("between 2024-09-01 and 2024-12-31", "2024-09-01", "2024-12-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), TABLE, ids=[t[0] for t in TABLE])
def test_every_spec_form(text: str, start: str, end: str) -> None:
    p = parse_period(text, ANCHOR)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


def test_stated_weekday_is_kept_for_the_weekday_rule() -> None:
    assert parse_period("Friday, February 12, 2025").weekday == 4
    assert date(2025, 2, 12).weekday() == 2  # it was a Wednesday


@pytest.mark.parametrize("text", ["this year", "last month", "on Wednesday", "May 9"])
def test_relative_forms_need_an_anchor(text: str) -> None:
    with pytest.raises(NeedsAnchor, match="no publication date"):
        parse_period(text, None)


@pytest.mark.parametrize("text", ["sometime after the summit", "February 30, 2025", "2024-13", "", "between 2018 and 2014", "February 6-3, 2023"])
def test_unreadable_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text, ANCHOR)


def test_find_periods_in_text() -> None:
    text = ("10,900 soldiers in late 2023 and around 3,000 more between January and March of this year; "
            "a banquet on Thursday. We may go. Friday, February 12, 2025.")
    got = [(p.text, p.start.isoformat()) for p in find_periods(text, ANCHOR)]
    assert got == [("in late 2023", "2023-09-01"),
                   ("between January and March of this year", "2025-01-01"),
                   ("on Thursday", "2025-06-19"),
                   ("Friday, February 12, 2025", "2025-02-12")]


def test_find_periods_skips_relative_forms_without_anchor() -> None:
    assert [p.text for p in find_periods("on Thursday in 2024", None)] == ["in 2024"]


def test_year_is_not_read_from_a_figure() -> None:
    assert [p.text for p in find_periods("a budget of $2,024 million for the 2024 season", None)] == ["2024"]
    assert find_periods("2,024 or 1.2024", None) == []


def test_a_number_that_counts_is_not_a_year() -> None:
    """After a hedge or before the plural noun it counts, 1800-2100 is a figure; in a date context,
    or before a noun a year dates, it stays a year."""
    for figure in ("exactly 1801 teachers", "over 2000 people", "2024 troops arrived", "a total of 1801 teachers",
                   "between 1900 and 2000 workers", "from 1800 to 2100 jobs"):
        assert find_periods(figure, None) == [], figure
    for year in ("in 2023 teachers struck", "the 2022 elections", "below 2019 levels", "its 2023 results",
                 "the first half of 2023 exports", "since 2019 workers have left", "in 2021-2023 prices",
                 "from 2019 to 2021 prices rose", "between 2014 and 2018 exports doubled"):
        assert find_periods(year, None), year


DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
FORMS = [f for f, _, _ in TABLE]


@given(st.sampled_from(FORMS), DAYS)
def test_start_never_after_end_and_anchor_alone_decides(text: str, anchor: date) -> None:
    try:
        p = parse_period(text, anchor)
    except PeriodError:
        return  # "since ..." after the anchor, a weekday-dated form
    assert p.start <= p.end
    assert parse_period(text, anchor) == p  # resolution depends on nothing but text and anchor


def test_a_remembered_period_is_resolved_against_its_own_anchor() -> None:
    first = parse_period("last month", date(2024, 3, 9))
    again = parse_period("last month", date(2024, 7, 1))
    assert (first.start, again.start) == (date(2024, 2, 1), date(2024, 6, 1))
    assert parse_period("last month", date(2024, 3, 9)) is first  # the same text and anchor: no second parse


@given(DAYS, st.integers(min_value=0, max_value=800))
def test_format_round_trip(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    p = parse_period(format_period(start, end))
    assert (p.start, p.end) == (start, end)


@given(st.text(max_size=80), st.one_of(st.none(), DAYS))
def test_parser_returns_or_raises_its_own_error(text: str, anchor: date | None) -> None:
    try:
        parse_period(text, anchor)
    except PeriodError:
        pass
    find_periods(text, anchor)


@given(st.lists(st.tuples(st.text(max_size=60) | st.sampled_from(
    ["in late 2023", "on Thursday", "June", "19, 2024", "between January and", "March of this year",
     "Friday, February 12, 2025", "last week"]), st.one_of(st.none(), DAYS)), max_size=6))
def test_scanning_many_texts_at_once_equals_one_by_one(items: list[tuple[str, date | None]]) -> None:
    from factcheck.dates import find_periods_many

    texts = [t for t, _ in items]
    anchors = [a for _, a in items]
    assert find_periods_many(texts, anchors) == [find_periods(t, a) for t, a in items]


DATE_WORDS = ["in", "on", "the", "of", "last", "this", "between", "from", "and", "to", "until", "since", "early",
              "mid", "late", "first", "second", "half", "quarter", "Q1", "h2", "year", "month", "week", "earlier",
              "yesterday", "today", "Monday", "THURSDAY", "June", "Jan.", "sept", "March", "May", "2024", "19",
              "1st", "2025-06", "2024-10-05", "14,000", "$2,024", "—"]
DATE_TEXTS = st.lists(st.tuples(st.sampled_from(DATE_WORDS), st.sampled_from([" ", "  ", "\n", "\t", ", ", "-"]),
                                st.booleans()), max_size=12).map(
    lambda parts: "".join((w.upper() if up else w) + sep for w, sep, up in parts))


@given(DATE_TEXTS, st.one_of(st.none(), DAYS))
def test_what_the_scan_finds_reads_alike_as_a_when(text: str, anchor: date | None) -> None:
    """The one-pass scanner and the `when` reader share one table of forms: every span found in
    running text, read back as a `when`, means the same days."""
    for p in find_periods(text, anchor, future=False):
        again = parse_period(p.text, anchor)
        assert (again.start, again.end, again.open_start, again.open_end) == (p.start, p.end, p.open_start, p.open_end)


def test_repeated_texts_are_found_alike_with_their_own_anchor() -> None:
    from factcheck.dates import find_periods_many

    got = find_periods_many(["on Thursday", "on Thursday", "on Thursday"], [ANCHOR, None, ANCHOR])
    assert [[p.start.isoformat() for p in ps] for ps in got] == [["2025-06-19"], [], ["2025-06-19"]]
    assert got[0] is not got[2]  # each claim owns its list


def test_each_form_reads_its_own_example() -> None:
    """No form is hidden by one before it in the table: each example is read by its own row."""
    from factcheck.dates import grammar

    for i, form in enumerate(grammar.FORMS):
        m = grammar.field_pattern().fullmatch(form.example.lower())
        assert m is not None and m.lastgroup == f"f{i}", form.name


@pytest.mark.parametrize("text", ["He scored in the first half of the match", "Sales in the third quarter rose",
                                  "Prices may be higher", "A fall in prices", "She is 45 and has 3 children",
                                  "The Sunday Times reported", "Christmas trees sold out", "It rose 2,024 points",
                                  "The union may strike again", "The reason may matter"])
def test_ordinary_words_are_not_dates_in_running_text(text: str) -> None:
    assert find_periods(text, ANCHOR) == []
