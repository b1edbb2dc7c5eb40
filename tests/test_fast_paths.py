"""Fast paths held to the plain ones they replace (issue 21): each speed-up must give the same
answer as the obvious code, on any input."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dates import Period
from factcheck.figures.tokens import Token, tokenize
from factcheck.intervals import INF, Interval
from factcheck.rules.draft import ClaimedDays, ClaimedFigures

_TOKEN_ALPHABET = list("ab Zé’'$€%-–—−+(),.:0123456789\u00a0\u2009\u202f\n") + ["bn", "pp", "rs", "us$", "a.m."]


@given(st.lists(st.sampled_from(_TOKEN_ALPHABET), max_size=30).map("".join))
def test_tokens_are_tokens_built_the_plain_way(text: str) -> None:
    kinds = {"num", "dcomma", "time", "phone", "cur", "word", "pct", "dash", "other"}
    last = 0
    for t in tokenize(text):
        assert type(t) is Token
        assert t == Token(t.kind, t.text, t.start, t.end, t.suffix)
        assert (t.kind, t.text, t.start, t.end, t.suffix) == tuple(t)
        assert t.kind in kinds and last <= t.start < t.end <= len(text)
        written = text[t.start:t.end].lower()
        if t.kind == "word":
            assert t.text == written.replace("’", "'")
        elif t.kind in ("num", "dcomma"):
            assert written == t.text + t.suffix
        else:
            assert t.suffix == "" and t.text == written
        last = t.end


_DAY0 = date(2023, 1, 1)
_periods = st.builds(lambda a, n, os_, oe: _period(a, n, os_, oe), st.integers(0, 60), st.integers(0, 30),
                     st.booleans(), st.booleans())


def _period(a: int, n: int, open_start: bool, open_end: bool) -> Period:
    start = date.min if open_start else _DAY0 + timedelta(days=a)
    end = date.max if open_end else _DAY0 + timedelta(days=a + n)
    return Period("x", start, end, open_start=open_start, open_end=open_end)


@given(st.lists(_periods, max_size=12), _periods)
def test_claimed_days_answer_as_asking_every_claim(claimed: list[Period], draft: Period) -> None:
    assert ClaimedDays(claimed).within(draft) == any(q.within(draft) for q in claimed)


def _plain_walk(v: object) -> object:
    """Report.to_json_dict written the plain way: isinstance at every value."""
    from dataclasses import fields, is_dataclass
    from enum import Enum

    if isinstance(v, Enum):
        return v.value
    if isinstance(v, list):
        return [_plain_walk(x) for x in v]
    if is_dataclass(v) and not isinstance(v, type):
        return {f.name: _plain_walk(getattr(v, f.name)) for f in fields(v) if f.metadata.get("json", True)}
    return v


_STORIES = sorted(p for p in (Path(__file__).parent / "stories").iterdir() if (p / "claims.toml").is_file())


@pytest.mark.parametrize("story", _STORIES, ids=lambda p: p.name)
def test_json_rows_are_the_plain_walk_of_the_report(story: Path) -> None:
    from factcheck.engine import Options, run

    report = run(Options(claims=story / "claims.toml"))
    import json

    assert json.dumps(report.to_json_dict()) == json.dumps(_plain_walk(report))  # keys in the same order


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    # Few distinct ends, so that ends meet often: touching ends are where open and closed differ.
    ends = st.sampled_from([-INF, INF, Decimal("-1"), Decimal("0.5"), Decimal("2"), Decimal("3")])
    a, b = sorted((draw(ends), draw(ends)))
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if a == b:
        if a.is_infinite():
            return Interval(Decimal(0), Decimal(1), lo_open, hi_open)
        return Interval(a, b)
    return Interval(a, b, lo_open, hi_open)


@settings(max_examples=500)
@given(st.lists(_intervals(), max_size=8), _intervals())
def test_claimed_figures_leave_out_no_interval_within_the_figure(claimed: list[Interval], fig: Interval) -> None:
    from factcheck.rules.draft import implies

    index = ClaimedFigures([(iv, n) for n, iv in enumerate(claimed)])
    within = {n for n, iv in enumerate(claimed) if implies(iv, fig)}
    assert within <= set(index.candidates(fig))


# -- a `when` or `amount` taken from its quote's reading (resolve.amount_alone, period_alone) ---

def _same_amount(got: object, plain: object) -> None:
    from factcheck.figures import Amount

    assert isinstance(got, Amount) and isinstance(plain, Amount)
    assert got == plain and got.tolerance == plain.tolerance  # tolerance is left out of ==
    assert type(got.unit) is type(plain.unit)


def _amounts_read_alone_as_in_their_quote(quote: str, **settings: object) -> int:
    """Every figure found in `quote` that amount_alone would take must be what parse_amount reads
    from its words alone; the number of figures checked."""
    from factcheck.figures import AmountError, find_amounts, parse_amount
    from factcheck.resolve import amount_alone

    found = find_amounts(quote, **settings)  # type: ignore[arg-type]
    checked = 0
    for a in found:
        got = amount_alone(found, a.text, quote)
        if got is None:  # "5 pp": read alone by resolve
            continue
        checked += 1
        try:
            plain = parse_amount(a.text, **settings)  # type: ignore[arg-type]
        except AmountError as e:  # taken from the quote, the amount would have been read
            raise AssertionError(f"{a.text!r} in {quote!r}: read in the quote, refused alone ({e})") from None
        _same_amount(got, plain)
    return checked


def _figure_phrases() -> list[str]:
    from tests.test_figures_table import COPY, DECIMAL_COMMA, DOLLAR, PARSE, REFUSED

    return ([p[0] for p in PARSE] + [s for s, _ in COPY] + [p[0] for p in DOLLAR] + [p[0] for p in DECIMAL_COMMA]
            + [r if isinstance(r, str) else r[0] for r in REFUSED])


# Context a reporter puts around a figure: a hedge or a negation before it, a range around it,
# unit words, nouns and durations after it, a date beside it.
_BEFORE = ["", "about ", "not ", "nearly ", "between ", "from ", "up to ", "some ", "the ", "a ", "fell to ",
           "On May 12 ", "in 2023, ", "(", "US", "-", "between 3 and ", "$", "No. ", "page ", "more than "]
_AFTER = ["", " people", " troops were killed", " percent", " per cent of voters", "%", " points", " to 40,000",
          " and 12", " million", " bn", " dollars", " euros", " over three years", " a year", " in 2023", ")",
          ", officials said", " or more", " hours later", "-year", " of them", ".", " EUR", " basis points"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_BEFORE), st.integers(0, 10**6).map(str) | st.sampled_from(
    ["1.2", "3,000", "14 000", "two-thirds", "half", "a third", "nine", "twenty-one", "1,5", "0.5", "2021", "12"]),
    st.sampled_from(_AFTER), st.booleans())
def test_an_amount_taken_from_its_quote_is_the_amount_read_alone(before: str, number: str, after: str,
                                                                 comma: bool) -> None:
    _amounts_read_alone_as_in_their_quote(before + number + after, decimal_comma=comma)


@pytest.mark.parametrize("comma", [False, True])
def test_amounts_of_the_figure_tables_taken_from_a_quote_are_read_alone(comma: bool) -> None:
    checked = 0
    for phrase in _figure_phrases():
        for before, after in (("", ""), ("officials said ", " had left"), ("not ", " of them"), ("between 3 and ", ""),
                              ("on May 12 ", " people"), ("", " to 90 percent")):
            checked += _amounts_read_alone_as_in_their_quote(before + phrase + after, decimal_comma=comma)
            checked += _amounts_read_alone_as_in_their_quote(before + phrase + after, dollar="CAD",
                                                             decimal_comma=comma)
    assert checked > 2000


def test_an_amount_not_of_its_quote_is_read_alone() -> None:
    from factcheck.figures import find_amounts
    from factcheck.resolve import amount_alone

    found = find_amounts("over 11,000 beds were added")
    assert [a.text for a in found] == ["over 11,000"]
    quote = "over 11,000 beds were added"
    assert amount_alone(found, "11,000", quote) is None  # the hedge is the quote's: the amount is read alone
    assert amount_alone(found, "over 11,000 beds", quote) is None
    assert amount_alone(found, 11000, quote) is None
    taken = amount_alone(found, "over 11,000", quote)
    assert taken is not None and taken.unit is None and found[0].unit == "beds"  # the noun is the quote's


def _periods_read_alone_as_in_their_quote(quote: str, anchor: date | None, future: bool) -> int:
    from factcheck.dates import Conventions, PeriodError, find_periods, parse_period
    from factcheck.resolve import period_alone

    checked = 0
    for conv in (Conventions(), Conventions((4, 1), True)):
        found = find_periods(quote, anchor, conv, future)
        for p in found:
            # the period's words, and each tail of them after a space: "in late 2023", "late 2023", "2023"
            for when in [p.text] + [p.text[k + 1:] for k, ch in enumerate(p.text) if ch == " "]:
                got = period_alone(found, when)
                if got is None:
                    continue
                try:
                    plain = parse_period(when, anchor, future=future, conventions=conv)
                except PeriodError as e:
                    raise AssertionError(f"{when!r} in {quote!r}: taken from the quote, refused alone ({e})") from None
                assert got == plain, (quote, when)
                checked += 1
    return checked


def test_periods_of_the_date_table_taken_from_a_quote_are_read_alone() -> None:
    from tests.test_dates_table import COUNTS_NOT_YEARS, FUTURE, TABLE

    phrases = [row[0] for row in TABLE] + [row[0] for row in COUNTS_NOT_YEARS] + [row[0] for row in FUTURE]
    checked = 0
    for phrase in phrases:
        for before, after in (("", ""), ("the vote was held ", ", officials said"), ("the ", ""), ("by ", ""),
                              ("since ", " ago"), ("it will open ", " at the earliest"), ("between 2021 and ", ""),
                              ("in ", ""), ("on ", ""), ("at ", ""), ("it opens in ", " or later")):
            for anchor in (date(2025, 6, 20), date(2023, 3, 22), None):
                for future in (False, True):
                    checked += _periods_read_alone_as_in_their_quote(before + phrase + after, anchor, future)
    assert checked > 5000


_DATE_WORDS = ["in", "on", "at", "or", "the", "by", "since", "until", "after", "before", "from", "to", "between", "and", "of",
               "early", "late", "mid", "end", "last", "next", "this", "year", "month", "week", "ago", "May", "June",
               "March", "2023", "2024", "1990s", "Q3", "H1", "fiscal", "spring", "Christmas", "Monday", "12",
               "3", "2021-2023", "2022–23", "September 1-3,", "June 19,", "yesterday", "three", "weeks", "first",
               "half", "quarter", "said", "will", "-", ","]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=8).map(" ".join),
       st.sampled_from([date(2025, 6, 20), date(2024, 1, 10), None]), st.booleans())
def test_a_period_taken_from_its_quote_is_the_period_read_alone(quote: str, anchor: date | None,
                                                                future: bool) -> None:
    _periods_read_alone_as_in_their_quote(quote, anchor, future)


def test_a_resolved_story_reads_each_amount_and_when_as_the_plain_readers_do(tmp_path: Path) -> None:
    """End to end on the benchmark's varied story: every claim's amount and period is what
    parse_amount and parse_period give, whether or not it was taken from the quote."""
    import sys

    from factcheck.dates import parse_period
    from factcheck.engine import Options, load_story
    from factcheck.figures import parse_amount

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from varied import generate_varied

    generate_varied(tmp_path, 1500, 150, shared=150)
    story = load_story(Options(claims=tmp_path / "claims.toml"))
    s = story.settings
    taken = 0
    for c in story.claims:
        cl = c.claim
        if cl.amount is not None:
            _same_amount(c.amount, parse_amount(cl.amount, s.tolerances, s.tolerance, dollar=s.dollar,
                                                decimal_comma=s.decimal_comma))
            taken += any(a.text == cl.amount for a in c.quote_amounts)
        if cl.when is not None:
            assert c.period == parse_period(cl.when, c.anchor, future=c.speaks_of_future,
                                            conventions=story.conventions)
            taken += any(isinstance(cl.when, str) and p.text.endswith(cl.when) for p in c.quote_periods)
    assert taken > 2000  # most were taken from the quote: the test compares the fast path
