"""Interval arithmetic: exact decimals, open/closed/unbounded ends, and its invariants."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.intervals import INF, Interval, IntervalError

D = st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def interval_with_point(draw: st.DrawFn) -> tuple[Interval, Decimal]:
    """An interval (ends open, closed or unbounded) and a point inside it."""
    a, b = sorted((draw(D), draw(D)))
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if a == b:
        lo_open = hi_open = False
    lo = -INF if draw(st.integers(0, 5)) == 0 else a
    hi = INF if draw(st.integers(0, 5)) == 0 else b
    iv = Interval(lo, hi, lo_open, hi_open)
    if a == b:
        x = a
    else:
        x = draw(st.decimals(min_value=a, max_value=b, places=2))
        assume(iv.contains(x))
    return iv, x


@given(interval_with_point(), interval_with_point())
def test_sum_of_points_lies_in_sum_of_intervals(p: tuple[Interval, Decimal], q: tuple[Interval, Decimal]) -> None:
    (a, x), (b, y) = p, q
    assert (a + b).contains(x + y)
    assert (a - b).contains(x - y)


@given(interval_with_point(), interval_with_point())
def test_product_of_points_lies_in_product_of_intervals(p: tuple[Interval, Decimal], q: tuple[Interval, Decimal]) -> None:
    (a, x), (b, y) = p, q
    assert (a * b).contains(x * y)


@given(interval_with_point(), interval_with_point())
def test_quotient_of_points_lies_in_quotient(p: tuple[Interval, Decimal], q: tuple[Interval, Decimal]) -> None:
    (a, x), (b, y) = p, q
    if b.contains(0):
        with pytest.raises(IntervalError):
            a / b
        return
    assert y != 0
    with localcontext() as ctx:
        ctx.prec = 60  # the precision intervals.py divides at
        assert (a / b).contains(x / y)


@given(interval_with_point(), interval_with_point())
def test_addition_and_multiplication_commute(p: tuple[Interval, Decimal], q: tuple[Interval, Decimal]) -> None:
    a, b = p[0], q[0]
    assert a + b == b + a
    assert a * b == b * a


@given(D, D)
def test_point_interval_behaves_as_its_number(x: Decimal, y: Decimal) -> None:
    px, py = Interval.point(x), Interval.point(y)
    assert px + py == Interval.point(x + y)
    assert px - py == Interval.point(x - y)
    assert px * py == Interval.point(x * y)
    assert px.overlaps(py) == (x == y)


@given(interval_with_point(), interval_with_point())
def test_overlap_is_symmetric_and_matches_intersection(p: tuple[Interval, Decimal], q: tuple[Interval, Decimal]) -> None:
    a, b = p[0], q[0]
    assert a.overlaps(b) == b.overlaps(a)
    assert (a.intersection(b) is not None) == a.overlaps(b)
    assert not (a.entirely_below(b) and b.entirely_below(a))


def test_open_ends_touching_do_not_overlap() -> None:
    over = Interval(Decimal(9_000_000), INF, True, True)  # over 9 million
    up_to = Interval.closed(0, 9_000_000)  # as many as 9 million
    assert not over.overlaps(up_to)
    at_least = Interval(Decimal(9_000_000), INF, False, True)
    assert at_least.overlaps(up_to)


def test_division_by_interval_holding_zero_is_explicit() -> None:
    with pytest.raises(IntervalError, match="holds zero"):
        Interval.closed(1, 2) / Interval.closed(-1, 1)


def test_division_by_interval_open_at_zero_is_unbounded() -> None:
    r = Interval.closed(1, 1) / Interval(Decimal(0), Decimal(2), True, False)
    assert r.lo == Decimal("0.5") and r.hi == INF


def test_empty_interval_is_refused() -> None:
    with pytest.raises(IntervalError):
        Interval.closed(2, 1)


@pytest.mark.parametrize(
    ("iv", "text"),
    [
        (Interval.closed(12600, 15400), "12,600-15,400"),
        (Interval(Decimal(9_000_000), INF, True, True), "over 9,000,000"),
        (Interval(Decimal(600), INF, False, True), "at least 600"),
        (Interval.closed(0, 9_000_000), "up to 9,000,000"),
        (Interval(Decimal(24), Decimal(100), False, True), "24 to under 100"),
        (Interval.point(10900), "10,900"),
    ],
)
def test_describe(iv: Interval, text: str) -> None:
    assert iv.describe() == text


def test_division_by_interval_open_at_zero_from_below() -> None:
    r = Interval.closed(1, 1) / Interval(Decimal(-2), Decimal(0), False, True)
    assert r.lo == -INF and r.hi == Decimal("-0.5")


@st.composite
def _claimed_interval(draw: st.DrawFn) -> tuple[str, Interval]:
    """A source id and an interval with small integer ends (so that ends often meet)."""
    a, b = sorted((draw(st.integers(0, 6)), draw(st.integers(0, 6))))
    lo_open, hi_open = (False, False) if a == b else (draw(st.booleans()), draw(st.booleans()))
    hi = INF if draw(st.integers(0, 6)) == 0 else Decimal(b)
    return draw(st.sampled_from(["s1", "s2", "s3"])), Interval(Decimal(a), hi, lo_open, hi_open and hi != INF)


def _holds(iv: Interval, x: Decimal) -> bool:
    above = x > iv.lo or (x == iv.lo and not iv.lo_open)
    below = iv.hi == INF or x < iv.hi or (x == iv.hi and not iv.hi_open)
    return above and below


@given(st.lists(_claimed_interval(), min_size=2, max_size=8))
def test_outliers_are_the_claims_outside_the_deepest_point(claimed: list[tuple[str, Interval]]) -> None:
    """Whatever shortcuts outliers takes, its answer is the plain one: the claims whose interval
    misses a point most intervals hold, each with every claim of that point it cannot agree with."""
    from types import SimpleNamespace

    from factcheck.rules.cross_source import outliers

    items: list[Any] = [SimpleNamespace(claim=SimpleNamespace(source=s), iv=iv) for s, iv in claimed]
    points = [Decimal(k) / 2 for k in range(0, 15)] + [Decimal(100)]
    depth = max(sum(_holds(iv, x) for _, iv in claimed) for x in points)
    def iv_of(c: Any) -> Interval:
        return c.iv  # type: ignore[no-any-return]

    got = outliers(items, iv_of)
    assert len(got) == len(claimed) - depth
    assert all(against and not any(iv_of(o).overlaps(iv_of(c)) for c in against) for o, against in got)
    assert (got == []) == (depth == len(claimed))
