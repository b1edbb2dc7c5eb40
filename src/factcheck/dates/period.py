"""What a date phrase means: a span of days, closed or open-ended, and where it stands in its text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class PeriodError(ValueError):
    """The text is not a period factcheck can read."""


class NeedsAnchor(PeriodError):
    """A relative period ("last month") with no publication date to anchor it."""


WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_NAMES = [d.capitalize() for d in WEEKDAYS]

# An open end is stored as the earliest or latest date Python has, so `start` and `end` stay
# plain dates that every comparison understands; `open_start`/`open_end` say which they are.
UNBOUNDED_START = date.min
UNBOUNDED_END = date.max


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days a text names, and where it stands in the text.

    `by June 2024` is open at its start (`start` is `date.min`, `open_start` is true); `after May
    2024` is open at its end (`end` is `date.max`). `first` and `last` give None for an open end.
    """

    text: str
    start: date
    end: date
    relative: bool = False  # resolved against the source's date
    weekday: int | None = None  # a weekday the text states ("Thursday, June 19, 2025")
    weekday_only: bool = False  # "on Thursday": the day was found from the weekday itself
    span: tuple[int, int] = (0, 0)
    open_start: bool = False
    open_end: bool = False
    yearless: bool = False  # the text states no year: its year is a guess from the anchor

    @property
    def first(self) -> date | None:
        return None if self.open_start else self.start

    @property
    def last(self) -> date | None:
        return None if self.open_end else self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def within(self, other: Period) -> bool:
        """Every day this period allows, `other` allows too (this period implies the other)."""
        return other.start <= self.start and self.end <= other.end

    def describe(self) -> str:
        return format_period(self.first, self.last)


def format_period(start: date | None, end: date | None) -> str:
    """The shortest canonical spelling of a span of days; it parses back to the same days.
    None stands for an open end."""
    if start is None and end is None:
        return "any time"
    if start is None:
        assert end is not None
        return f"on or before {end.isoformat()}"
    if end is None:
        return f"on or after {start.isoformat()}"
    if start == end:
        return start.isoformat()
    if start.day == 1 and end == month_end(start.year, start.month) and start.month == end.month and (
        start.year == end.year
    ):
        return f"{start.year:04d}-{start.month:02d}"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return f"{start.year:04d}"
    return f"between {start.isoformat()} and {end.isoformat()}"


# Days in each month of a common year (index 0 unused); February gains a day in leap years.
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(y: int, m: int) -> date:
    """The last day of month m of year y (a table, not calendar.monthrange, which also works out
    the weekday the month starts on)."""
    if m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        return date(y, 2, 29)
    return date(y, m, _MONTH_DAYS[m])
