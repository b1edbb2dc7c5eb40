"""Calendar arithmetic the date forms share: months, parts of months and years, seasons, fiscal
years, holidays, weeks. Plain functions of numbers and dates; nothing here reads text."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.dates.period import PeriodError, month_end

Days = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Conventions:
    """The `[settings]` that change what a date phrase means."""

    fiscal_start: tuple[int, int] = (1, 1)  # month, day: `fiscal_year_start = "04-01"`
    south: bool = False  # `hemisphere = "south"`


DEFAULT = Conventions()


def day(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise PeriodError(f"{calendar.month_name[m] if 1 <= m <= 12 else m} {d}, {y} is not a date") from None


def month(y: int, m: int) -> Days:
    if not 1 <= m <= 12:
        raise PeriodError(f"there is no month {m}")
    return date(y, m, 1), month_end(y, m)


def shift_month(y: int, m: int, by: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + by
    return n // 12, n % 12 + 1


# Parts of a month (days 1-10, 11-20, 21-end) and of a year (Jan-Apr, May-Aug, Sep-Dec).
PART = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}


def part_of_month(y: int, m: int, part: str) -> Days:
    k = PART[part]
    last = month_end(y, m)
    return (date(y, m, (1, 11, 21)[k]), date(y, m, 10) if k == 0 else date(y, m, 20) if k == 1 else last)


def part_of_year(y: int, part: str) -> Days:
    k = PART[part]
    return date(y, 4 * k + 1, 1), month_end(y, 4 * k + 4)


def year(y: int) -> Days:
    return date(y, 1, 1), date(y, 12, 31)


def half(y: int, h: int) -> Days:
    return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))


def quarter(y: int, q: int) -> Days:
    return date(y, 3 * q - 2, 1), month_end(y, 3 * q)


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def fiscal_year(ends_in: int, conv: Conventions) -> Days:
    """The fiscal year named by the calendar year it ends in (FY2025 with a 04-01 start runs from
    2024-04-01 to 2025-03-31); with the default 01-01 start, the calendar year."""
    m, d = conv.fiscal_start
    if (m, d) == (1, 1):
        return year(ends_in)
    start = date(ends_in - 1, m, d)
    return start, date(ends_in, m, d) - timedelta(days=1)


SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # north, first month


def season(y: int, name: str, conv: Conventions) -> Days:
    """Meteorological seasons: three months from the season's first month in year y (winter 2023
    is Dec 2023-Feb 2024 in the north; in the south, summer 2023 is)."""
    first = SEASON_MONTHS[name]
    if conv.south:
        first = (first + 6 - 1) % 12 + 1
    ly, lm = shift_month(y, first, 2)
    return date(y, first, 1), month_end(ly, lm)


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    mo = (h + l_ - 7 * m + 114) // 31
    return date(y, mo, (h + l_ - 7 * m + 114) % 31 + 1)


def _nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    first = date(y, m, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday(name: str, y: int) -> date:
    """The day of a holiday in year y (see HOLIDAYS)."""
    fixed = HOLIDAYS[name]
    if isinstance(fixed, tuple):
        return date(y, *fixed)
    if fixed == "easter":
        return easter(y)
    if fixed == "good friday":
        return easter(y) - timedelta(days=2)
    if fixed == "easter monday":
        return easter(y) + timedelta(days=1)
    return _nth_weekday(y, 11, 3, 4)  # thanksgiving: the fourth Thursday of November (US)


HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1), "valentine's day": (2, 14),
    "halloween": (10, 31), "independence day": (7, 4), "bastille day": (7, 14), "st patrick's day": (3, 17),
    "easter": "easter", "easter sunday": "easter", "good friday": "good friday", "easter monday": "easter monday",
    "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving",
}  # fmt: skip


def week_of(d: date) -> Days:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)
