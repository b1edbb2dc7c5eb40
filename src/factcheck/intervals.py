"""Interval arithmetic over exact decimals, with open, closed and unbounded ends.

An unbounded end is ``Decimal('-Infinity')`` / ``Decimal('Infinity')``; such an end is always open.
Every figure in factcheck is an interval: ``approximately 14,000`` is [12600, 15400], ``over 9
million`` is (9000000, inf). Sums, differences, products and quotients are the tightest intervals
holding every result of points drawn from the operands.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

INF = Decimal("Infinity")
NEG_INF = Decimal("-Infinity")
ZERO = Decimal(0)
BIG = Decimal(10) ** 18
TINY = Decimal(10) ** -9
_PREC = 60


class IntervalError(ArithmeticError):
    """An operation with no meaningful interval result (division by an interval holding zero)."""


@dataclass(frozen=True, slots=True)
class Interval:
    """A range of numbers, each end open or closed; exact decimals."""

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        # Infinite ends are always open; normalise so equality is structural.
        if self.lo.is_infinite() and not self.lo_open:
            object.__setattr__(self, "lo_open", True)
        if self.hi.is_infinite() and not self.hi_open:
            object.__setattr__(self, "hi_open", True)
        if self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open)):
            raise IntervalError(f"empty interval {self.lo}..{self.hi}")

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def point(cls, v: Decimal | int | str) -> Interval:
        d = Decimal(v)
        return cls(d, d)

    @classmethod
    def closed(cls, lo: Decimal | int | str, hi: Decimal | int | str) -> Interval:
        return cls(Decimal(lo), Decimal(hi))

    # -- predicates ---------------------------------------------------------------------------
    @property
    def is_point(self) -> bool:
        return self.lo == self.hi

    def contains(self, x: Decimal | int) -> bool:
        x = Decimal(x)
        above_lo = x > self.lo or (x == self.lo and not self.lo_open)
        below_hi = x < self.hi or (x == self.hi and not self.hi_open)
        return above_lo and below_hi

    def entirely_below(self, other: Interval) -> bool:
        """Every point of self is smaller than every point of other."""
        return self.hi < other.lo or (self.hi == other.lo and (self.hi_open or other.lo_open))

    def overlaps(self, other: Interval) -> bool:
        return not (self.entirely_below(other) or other.entirely_below(self))

    def intersection(self, other: Interval) -> Interval | None:
        if not self.overlaps(other):
            return None
        if self.lo > other.lo or (self.lo == other.lo and self.lo_open):
            lo, lo_open = self.lo, self.lo_open
        else:
            lo, lo_open = other.lo, other.lo_open
        if self.hi < other.hi or (self.hi == other.hi and self.hi_open):
            hi, hi_open = self.hi, self.hi_open
        else:
            hi, hi_open = other.hi, other.hi_open
        return Interval(lo, hi, lo_open, hi_open)

    # -- arithmetic ---------------------------------------------------------------------------
    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_open, self.lo_open)

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        cands = [
            _end_product(a, ao, b, bo)
            for a, ao in ((self.lo, self.lo_open), (self.hi, self.hi_open))
            for b, bo in ((other.lo, other.lo_open), (other.hi, other.hi_open))
        ]
        lo = min(v for v, _ in cands)
        hi = max(v for v, _ in cands)
        # An extreme reached by any closed product is reached.
        lo_open = all(o for v, o in cands if v == lo)
        hi_open = all(o for v, o in cands if v == hi)
        return Interval(lo, hi, lo_open, hi_open)

    def __truediv__(self, other: Interval) -> Interval:
        """Quotients taken corner by corner (not via the reciprocal) so a point divided by a point
        gives exactly the same decimal as the interval's end."""
        if other.contains(0):
            raise IntervalError("division by an interval that holds zero")
        if self.is_point and self.lo == 0:
            return Interval.point(0)
        cands = [
            c
            for a, ao in ((self.lo, self.lo_open), (self.hi, self.hi_open))
            for b, bo, side in ((other.lo, other.lo_open, 1), (other.hi, other.hi_open, -1))
            if (c := _end_quotient(a, ao, b, bo, side)) is not None
        ]
        lo = min(v for v, _ in cands)
        hi = max(v for v, _ in cands)
        lo_open = all(o for v, o in cands if v == lo)
        hi_open = all(o for v, o in cands if v == hi)
        return Interval(lo, hi, lo_open, hi_open)

    # -- display ------------------------------------------------------------------------------
    def describe(self) -> str:
        """An editor's spelling: '12,600-15,400', 'over 9,000,000', 'up to 9,000,000'."""
        if self.is_point:
            return fmt_number(self.lo)
        if self.lo.is_infinite() and self.hi.is_infinite():
            return "any value"
        if self.hi.is_infinite():
            return ("over " if self.lo_open else "at least ") + fmt_number(self.lo)
        if self.lo.is_infinite() or (self.lo == 0 and not self.lo_open):
            return ("under " if self.hi_open else "up to ") + fmt_number(self.hi)
        if self.lo_open or self.hi_open:
            left = ("above " if self.lo_open else "") + fmt_number(self.lo)
            right = ("under " if self.hi_open else "") + fmt_number(self.hi)
            return f"{left} to {right}"
        joint = " to " if self.lo < 0 or self.hi < 0 else "-"  # "-3.5 to -2.5", never "-3.5--2.5"
        return f"{fmt_number(self.lo)}{joint}{fmt_number(self.hi)}"

    def json_bounds(self) -> tuple[float | int | None, float | int | None]:
        return _json_number(self.lo), _json_number(self.hi)


def _end_product(a: Decimal, ao: bool, b: Decimal, bo: bool) -> tuple[Decimal, bool]:
    if a == 0 and not ao or b == 0 and not bo:
        return ZERO, False
    if a == 0 or b == 0:
        # An open zero end times an infinite end: the product approaches zero.
        return ZERO, True
    with localcontext() as ctx:
        ctx.prec = _PREC
        return a * b, ao or bo


def _end_quotient(a: Decimal, ao: bool, b: Decimal, bo: bool, side: int) -> tuple[Decimal, bool] | None:
    """a / b for interval ends; None where the corner says nothing (infinity over infinity).
    `side` is +1 for the divisor's low end (a zero there is approached from above), -1 for its high."""
    if a.is_infinite() and b.is_infinite():
        return None
    if a == 0 and not ao:
        return ZERO, False  # zero over anything but zero is zero, reached
    if b.is_infinite():
        return ZERO, True
    if b == 0:  # an open zero end of the divisor: the quotient runs off to infinity
        if a == 0:
            return ZERO, ao
        return (INF if (a > 0) == (side > 0) else NEG_INF), True
    if a.is_infinite():
        return (INF if (a > 0) == (b > 0) else NEG_INF), True
    with localcontext() as ctx:
        ctx.prec = _PREC
        return a / b, ao or bo


def fmt_number(v: Decimal) -> str:
    """10900 -> '10,900'; 1.25 -> '1.25'; 12600.0 -> '12,600'."""
    if v.is_infinite():
        return "unbounded"
    if abs(v) >= BIG or 0 < abs(v) < TINY:
        return format(v.normalize(), ".6g")  # 1e+308, not three hundred digits
    if v == v.to_integral_value():
        return f"{int(v):,}"
    text = format(v.normalize(), ",f")
    return text


def _json_number(v: Decimal) -> float | int | None:
    if v.is_infinite():
        return None
    if v == v.to_integral_value():
        return int(v)
    return float(v)
