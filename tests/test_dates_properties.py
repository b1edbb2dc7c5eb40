"""Properties of date reading that hold for every anchor and every year (hypothesis)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates import find_periods, in_year, parse_period

ANCHORS = st.dates(min_value=date(1905, 1, 1), max_value=date(2095, 12, 31))
YEARS = st.integers(min_value=1900, max_value=2100)
MONTHS = st.integers(min_value=1, max_value=12)
WEEKDAYS = st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
MONTH_NAMES = st.sampled_from(list(calendar.month_name)[1:])

# Relative forms that speak of the past: they end on or before the anchor.
BACKWARD = st.one_of(
    st.sampled_from(["last year", "last month", "last week", "earlier this year", "earlier this month",
                     "earlier this week", "yesterday", "today", "the end of last year", "last quarter",
                     "the past year", "a year ago", "a few weeks ago", "the day before yesterday", "last winter"]),
    st.builds(lambda n, u: f"{n} {u} ago", st.integers(1, 12), st.sampled_from(["days", "weeks", "months", "years"])),
    st.builds(lambda lead, d: f"{lead} {d}", st.sampled_from(["on", "last", "this past"]), WEEKDAYS),
    st.builds(lambda m: f"last {m}", MONTH_NAMES),
    st.builds(lambda m, d: f"{m} {d}", MONTH_NAMES, st.integers(1, 28)),
    st.builds(lambda m: f"since {m}", MONTH_NAMES),
)
# Relative forms about a span around the anchor: they start on or before it.
AROUND = st.one_of(
    BACKWARD,
    st.sampled_from(["this year", "this month", "this week", "this quarter", "the first half of the year"]),
    st.builds(lambda m: f"in {m}", MONTH_NAMES),
    st.builds(lambda part, m: f"{part} {m}", st.sampled_from(["early", "mid", "late"]), MONTH_NAMES),
)
FORWARD = st.one_of(
    st.sampled_from(["next year", "next month", "next week", "later this year", "later this month", "tomorrow",
                     "next quarter", "next spring"]),
    st.builds(lambda d: f"next {d}", WEEKDAYS),
    st.builds(lambda m: f"next {m}", MONTH_NAMES),
)


@given(BACKWARD, ANCHORS)
def test_a_relative_form_about_the_past_ends_by_its_anchor(text: str, anchor: date) -> None:
    p = parse_period(text, anchor)
    assert p.start <= p.end
    # a part of the source's own month ("late May" written on May 4) is this year's: it stays
    # in the anchor's month; every other form ends by the anchor
    assert p.end <= anchor or (p.start.year, p.start.month, p.end.month) == (anchor.year, anchor.month, anchor.month)


@given(AROUND, ANCHORS)
def test_a_relative_form_starts_by_its_anchor(text: str, anchor: date) -> None:
    p = parse_period(text, anchor)
    # a part of the source's own month still ahead ("mid January" written on January 1) is this
    # year's, as for the forms about the past
    assert p.start <= anchor or (p.start.year, p.start.month) == (anchor.year, anchor.month)


@given(FORWARD, ANCHORS)
def test_a_form_about_the_future_ends_after_its_anchor(text: str, anchor: date) -> None:
    p = parse_period(text, anchor)
    assert p.end >= anchor and p.start <= p.end


YEARLESS = st.one_of(
    st.builds(lambda m: f"in {m}", MONTH_NAMES),
    st.builds(lambda part, m: f"{part} {m}", st.sampled_from(["early", "mid", "late"]), MONTH_NAMES),
    st.builds(lambda m, d: f"{m} {d}", MONTH_NAMES, st.integers(1, 28)),
    st.builds(lambda d: f"on {d}", WEEKDAYS),
    st.sampled_from(["Christmas", "Easter", "the first quarter"]),
)


@given(YEARLESS, ANCHORS)
def test_a_date_without_a_year_is_the_latest_in_a_report_and_the_next_in_a_plan(text: str, anchor: date) -> None:
    past, plan = parse_period(text, anchor), parse_period(text, anchor, future=True)
    own_month = (past.start.year, past.start.month) == (anchor.year, anchor.month)
    assert (past.start <= anchor or own_month) and anchor <= plan.end
    assert past.start > anchor - timedelta(days=400) and plan.end < anchor + timedelta(days=400)  # Easter moves


NO_YEAR = st.one_of(
    st.builds(lambda part, m: f"{part} {m}", st.sampled_from(["early", "mid", "late", "the end of"]), MONTH_NAMES),
    st.builds(lambda m, d: f"{m} {d}", MONTH_NAMES, st.integers(1, 28)),
)


@given(NO_YEAR, ANCHORS, YEARS, st.booleans())
def test_a_date_without_a_year_read_in_a_given_year_is_that_date_written_with_the_year(
        text: str, anchor: date, year: int, future: bool) -> None:
    """What FC107 compares with a claim's year: the quote's month and day, in that year."""
    sentence = f"Officials confirmed it {text}, according to the report."
    (p,) = find_periods(sentence, anchor, future=future)
    assert p.yearless
    q = in_year(sentence, p, year)
    written = parse_period(f"{text} {year}")
    assert q is not None and (q.start, q.end, q.span) == (written.start, written.end, p.span)
    assert not written.yearless and in_year(f"{text} {year}", written, year + 1) is None


@given(st.one_of(st.builds(lambda m, y: f"{m} {y}", MONTH_NAMES, YEARS), st.builds(str, YEARS)))
def test_early_mid_late_partition_their_period(whole: str) -> None:
    parts = [parse_period(f"{part} {whole}") for part in ("early", "mid", "late")]
    full = parse_period(whole)
    assert parts[0].start == full.start and parts[-1].end == full.end
    for a, b in zip(parts, parts[1:], strict=False):
        assert a.end + timedelta(days=1) == b.start


INNER = st.one_of(
    st.builds(lambda m, y: f"{m} {y}", MONTH_NAMES, YEARS),
    st.builds(str, YEARS),
    st.builds(lambda q, y: f"Q{q} {y}", st.integers(1, 4), YEARS),
    st.builds(lambda part, y: f"{part} {y}", st.sampled_from(["early", "mid", "late", "the end of"]), YEARS),
    st.builds(lambda m, d, y: f"{m} {d}, {y}", MONTH_NAMES, st.integers(1, 28), YEARS),
    st.builds(lambda s, y: f"{s} {y}", st.sampled_from(["spring", "summer", "autumn", "winter"]), YEARS),
)


@given(INNER)
def test_by_x_contains_the_end_of_x_and_everything_before(inner: str) -> None:
    x = parse_period(inner)
    by = parse_period(f"by {inner}")
    assert by.open_start and not by.open_end and by.first is None and by.last == x.end
    assert x.within(by)


@given(INNER)
def test_before_and_after_x_touch_x_and_never_overlap_it(inner: str) -> None:
    x = parse_period(inner)
    before, after = parse_period(f"before {inner}"), parse_period(f"after {inner}")
    assert before.end + timedelta(days=1) == x.start and not before.overlaps(x)
    assert x.end + timedelta(days=1) == after.start and after.open_end and not after.overlaps(x)


@given(INNER, ANCHORS)
def test_since_x_runs_from_x_to_the_anchor(inner: str, anchor: date) -> None:
    x = parse_period(inner)
    if x.start > anchor:
        return
    since = parse_period(f"since {inner}", anchor)
    assert (since.start, since.end) == (x.start, anchor)


@given(INNER)
def test_the_canonical_spelling_reads_back_to_the_same_days(inner: str) -> None:
    for text in (inner, f"by {inner}", f"after {inner}"):
        p = parse_period(text)
        again = parse_period(p.describe())
        assert (again.start, again.end, again.open_start, again.open_end) == (p.start, p.end, p.open_start, p.open_end)


# A main clause that plans, and a clause holding the date that reports or plans.
PLANS = st.sampled_from(["The company will pay $4 million", "Refunds are expected to start soon",
                         "The county plans to appeal", "Crews could resume work"])
OPENERS = st.sampled_from([", under a settlement a federal judge", " under a deal that the board",
                           ", because the court", " after the regulator", ", as the council"])
PAST_VERBS = st.sampled_from(["approved", "preliminarily approved", "signed", "was told", "took the decision",
                              "held a hearing", "ruled"])


@given(PLANS, OPENERS, PAST_VERBS, WEEKDAYS, ANCHORS)
def test_a_past_verb_in_the_dates_clause_makes_it_past(plan: str, opener: str, verb: str, day: str,
                                                       anchor: date) -> None:
    [p] = find_periods(f"{plan}{opener} {verb} on {day}.", anchor)
    assert anchor - timedelta(days=7) <= p.start <= anchor


@given(PLANS, OPENERS, st.sampled_from(["will rule", "is expected to rule", "will be asked to approve it"]),
       WEEKDAYS, ANCHORS)
def test_a_plan_word_in_the_dates_clause_keeps_it_ahead(plan: str, opener: str, verb: str, day: str,
                                                        anchor: date) -> None:
    [p] = find_periods(f"{plan}{opener} {verb} on {day}.", anchor)
    assert anchor <= p.start <= anchor + timedelta(days=7)  # on its own weekday: that day
