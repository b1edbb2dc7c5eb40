"""Days between periods in relations (docs/ledger.md, relations): `when(b) - when(a)` is the
days from a to b, an interval over every reading of both periods; any other use of a period is
FC009 at its column, and a relation the ledger cannot compute is FC016, never FC203."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.expr import ExprError, days_between, evaluate, parse_relation
from tests.conftest import verify_report, write_story

PARSES = [
    "14 = when(b) - when(a)",
    "when(b) - when(a) = 14",
    "when(b) - when(a) > 30",
    "when(b) - when(a) <= x",
    "(when(b) - when(a)) / 7 = 2",
    "x = when(b) - when(a) + 1",
    "when(a) < when(b)",
    "when(a) = when(b)",
    "79 = year(when(b)) - year(when(a))",
]


@pytest.mark.parametrize("text", PARSES)
def test_periods_parse_where_they_mean_something(text: str) -> None:
    parse_relation(text)


# (relation, 1-based column of the refused when's id)
REFUSED = [
    ("when(a) = 14", 6),
    ("14 = when(a)", 11),
    ("x = when(a) + 3", 10),
    ("x = 2 * when(a)", 14),
    ("x = when(b) + when(a)", 10),
    ("x = when(c) - when(b) - when(a)", 30),
    ("x = pct_change(when(b), 1)", 21),
    ("x = (when(b)) * 2", 11),
    ("when(a) < 2026", 6),
]


@pytest.mark.parametrize(("text", "column"), REFUSED)
def test_a_period_where_a_number_is_needed_is_refused_at_its_column(text: str, column: int) -> None:
    with pytest.raises(ExprError) as e:
        parse_relation(text)
    assert e.value.column == column
    assert "compare it with another period (when(a) < when(b))" in str(e.value)
    assert "(when(b) - when(a))" in str(e.value) and "year(when(id))" in str(e.value)


def test_a_refused_period_is_fc009_at_path_line_column(tmp_path: Path) -> None:
    ledger = write_story(tmp_path / "story", """
        [[claim]]
        id = "landfall"
        source = "wire"
        quote = "came ashore on October 12"
        when = "October 12, 2026"

        [[relation]]
        expect = "when(landfall) + 14 > 0"
    """, {"wire.md": """\
        +++
        published = 2026-10-14
        +++
        The storm came ashore on October 12.
    """})
    report = verify_report(ledger)
    [f] = [f for f in report.findings if f.code == "FC009"]
    assert f.severity.value == "error"
    assert f.location is not None and (f.location.line, f.location.column) == (9, 16)
    assert "when(landfall) is not a number" in f.message
    assert not [x for x in report.findings if x.code == "FC203"]


DAY0 = date(2026, 1, 1)
spans = st.tuples(st.integers(0, 40), st.integers(0, 12))  # (first day offset, length - 1)


def _span(first: int, extra: int) -> tuple[date, date]:
    return DAY0 + timedelta(days=first), DAY0 + timedelta(days=first + extra)


@given(spans, spans)
def test_days_between_is_every_pair_of_days(b: tuple[int, int], a: tuple[int, int]) -> None:
    """when(b) - when(a) runs exactly over the differences of a day of b and a day of a."""
    later, earlier = _span(*b), _span(*a)
    diffs = {(later[0] + timedelta(days=i) - (earlier[0] + timedelta(days=j))).days
             for i in range(b[1] + 1) for j in range(a[1] + 1)}
    got = days_between(later, earlier)
    assert (got.lo, got.hi) == (Decimal(min(diffs)), Decimal(max(diffs)))
    assert not got.lo_open and not got.hi_open
    assert all(got.contains(d) for d in range(min(diffs), max(diffs) + 1))
    assert got.is_point == (len(diffs) == 1)


@given(spans, spans, st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_an_open_end_leaves_its_side_unbounded(b: tuple[int, int], a: tuple[int, int], b_open_start: bool,
                                               b_open_end: bool, a_open_start: bool, a_open_end: bool) -> None:
    """An open end ("by June", "after May") reaches as far as it allows; closed ends stay exact."""
    (bs, be), (as_, ae) = _span(*b), _span(*a)
    closed = days_between((bs, be), (as_, ae))
    got = days_between((None if b_open_start else bs, None if b_open_end else be),
                       (None if a_open_start else as_, None if a_open_end else ae))
    assert got.lo.is_infinite() == (b_open_start or a_open_end)
    assert got.hi.is_infinite() == (b_open_end or a_open_start)
    if not got.lo.is_infinite():
        assert got.lo == closed.lo
    if not got.hi.is_infinite():
        assert got.hi == closed.hi


@given(spans, spans, st.integers(-60, 60))
def test_a_constant_holds_when_some_reading_gives_it(b: tuple[int, int], a: tuple[int, int], n: int) -> None:
    """'n = when(b) - when(a)' overlaps exactly when some day of b is n days after some day of a."""
    periods = {"b": _span(*b), "a": _span(*a)}
    rel = parse_relation(f"{n} = when(b) - when(a)")
    iv = evaluate(rel.right, lambda i: pytest.fail("no amounts"), lambda i: periods[i])
    some = any((periods["b"][0] + timedelta(days=i) - (periods["a"][0] + timedelta(days=j))).days == n
               for i in range(b[1] + 1) for j in range(a[1] + 1))
    assert iv.contains(n) == some
