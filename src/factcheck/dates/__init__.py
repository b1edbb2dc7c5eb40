"""Dates as reporters write them: "late 2023", "by June 2024", "this past Wednesday" + an anchor
date -> a Period of days, closed or open-ended.

- period.py   what a period is (Period, its open ends, its canonical spelling)
- days.py     calendar arithmetic (parts of months and years, seasons, fiscal years, holidays)
- grammar.py  the table of forms: one pattern and one handler each, in one alternation
- read.py     `parse_period` for a `when`, `find_periods` for running text (one pass)

Nothing here reads the clock or knows a rule: the same text and anchor always give the same days.
"""

from factcheck.dates.days import DEFAULT, Conventions
from factcheck.dates.period import (
    WEEKDAY_NAMES,
    WEEKDAYS,
    NeedsAnchor,
    Period,
    PeriodError,
    format_period,
)
from factcheck.dates.read import find_periods, find_periods_many, in_year, parse_period, speaks_of_future

__all__ = [
    "DEFAULT",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "Conventions",
    "NeedsAnchor",
    "Period",
    "PeriodError",
    "find_periods",
    "find_periods_many",
    "format_period",
    "in_year",
    "parse_period",
    "speaks_of_future",
]
