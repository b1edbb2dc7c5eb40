"""Every period form of SPEC section 3, as reporters write it, with the exact days it means.

Each row: the phrase, the anchor (the source's `published`, or `[story] published` in a draft),
and the first and last day; None is an open end. Written by hand from the SPEC's list and from
news copy; docs/dates.md shows the same forms.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.dates import Conventions, find_periods, parse_period, speaks_of_future
from factcheck.engine import Options, run
from factcheck.model import Severity

FRI = date(2025, 6, 20)  # a Friday
WED = date(2023, 3, 22)  # a Wednesday
JAN = date(2024, 1, 10)  # a Wednesday in January
NOV = date(2024, 11, 28)  # a Thursday (Thanksgiving)

_: None = None  # an open end
TABLE: list[tuple[str, date, str | None, str | None]] = [
    # days
    ("2024-06-19", FRI, "2024-06-19", "2024-06-19"),
    ("June 19, 2024", FRI, "2024-06-19", "2024-06-19"),
    ("June 19 2024", FRI, "2024-06-19", "2024-06-19"),
    ("Jun. 19, 2024", FRI, "2024-06-19", "2024-06-19"),
    ("19 June 2024", FRI, "2024-06-19", "2024-06-19"),
    ("19th June 2024", FRI, "2024-06-19", "2024-06-19"),
    ("the 19th of June, 2024", FRI, "2024-06-19", "2024-06-19"),
    ("June 19th, 2024", FRI, "2024-06-19", "2024-06-19"),
    ("on June 19, 2024", FRI, "2024-06-19", "2024-06-19"),
    ("Thursday, June 19, 2025", FRI, "2025-06-19", "2025-06-19"),
    ("on Thursday, June 19, 2025", FRI, "2025-06-19", "2025-06-19"),
    ("Thursday 19 June 2025", FRI, "2025-06-19", "2025-06-19"),
    ("Sept. 3, 2023", FRI, "2023-09-03", "2023-09-03"),
    ("3 Sept 2023", FRI, "2023-09-03", "2023-09-03"),
    ("Feb. 29, 2024", FRI, "2024-02-29", "2024-02-29"),
    # months and years
    ("2024-10", FRI, "2024-10-01", "2024-10-31"),
    ("October 2024", FRI, "2024-10-01", "2024-10-31"),
    ("in October 2024", FRI, "2024-10-01", "2024-10-31"),
    ("Oct. 2024", FRI, "2024-10-01", "2024-10-31"),
    ("October, 2024", FRI, "2024-10-01", "2024-10-31"),
    ("February 2024", FRI, "2024-02-01", "2024-02-29"),
    ("2023", FRI, "2023-01-01", "2023-12-31"),
    ("in 2023", FRI, "2023-01-01", "2023-12-31"),
    # parts of years: Jan-Apr, May-Aug, Sep-Dec
    ("early 2023", FRI, "2023-01-01", "2023-04-30"),
    ("mid 2023", FRI, "2023-05-01", "2023-08-31"),
    ("mid-2023", FRI, "2023-05-01", "2023-08-31"),
    ("mid-2024", WED, "2024-05-01", "2024-08-31"),
    ("late 2023", FRI, "2023-09-01", "2023-12-31"),
    ("in late 2023", FRI, "2023-09-01", "2023-12-31"),
    ("early-2024", FRI, "2024-01-01", "2024-04-30"),
    ("the beginning of 2023", FRI, "2023-01-01", "2023-04-30"),
    ("the start of 2023", FRI, "2023-01-01", "2023-04-30"),
    ("the middle of 2023", FRI, "2023-05-01", "2023-08-31"),
    ("the end of 2023", FRI, "2023-09-01", "2023-12-31"),
    ("at the end of 2023", FRI, "2023-09-01", "2023-12-31"),
    ("end of 2023", FRI, "2023-09-01", "2023-12-31"),
    ("the end of last year", FRI, "2024-09-01", "2024-12-31"),
    ("the end of this year", FRI, "2025-09-01", "2025-12-31"),
    ("the end of the year", FRI, "2025-09-01", "2025-12-31"),
    ("the start of next year", FRI, "2026-01-01", "2026-04-30"),
    ("early this year", FRI, "2025-01-01", "2025-04-30"),
    ("late last year", FRI, "2024-09-01", "2024-12-31"),
    ("mid-last year", FRI, "2024-05-01", "2024-08-31"),
    # parts of months: days 1-10, 11-20, 21-end
    ("early March 2023", FRI, "2023-03-01", "2023-03-10"),
    ("mid-March 2023", FRI, "2023-03-11", "2023-03-20"),
    ("mid March 2023", FRI, "2023-03-11", "2023-03-20"),
    ("late March 2023", FRI, "2023-03-21", "2023-03-31"),
    ("in late March 2023", FRI, "2023-03-21", "2023-03-31"),
    ("late February 2024", FRI, "2024-02-21", "2024-02-29"),
    ("late February 2023", FRI, "2023-02-21", "2023-02-28"),
    ("the beginning of March 2023", FRI, "2023-03-01", "2023-03-10"),
    ("the end of March 2023", FRI, "2023-03-21", "2023-03-31"),
    ("the end of March", FRI, "2025-03-21", "2025-03-31"),
    ("early March", FRI, "2025-03-01", "2025-03-10"),
    ("mid-November", FRI, "2024-11-11", "2024-11-20"),
    ("mid-June", FRI, "2025-06-11", "2025-06-20"),
    ("late June", FRI, "2025-06-21", "2025-06-30"),  # the source's own month is this year's
    ("late March this year", FRI, "2025-03-21", "2025-03-31"),
    ("early December last year", FRI, "2024-12-01", "2024-12-10"),
    ("the end of this month", FRI, "2025-06-21", "2025-06-30"),
    ("the end of last month", FRI, "2025-05-21", "2025-05-31"),
    ("early next month", FRI, "2025-07-01", "2025-07-10"),
    ("the middle of the month", FRI, "2025-06-11", "2025-06-20"),
    # halves and quarters
    ("first half of 2025", FRI, "2025-01-01", "2025-06-30"),
    ("the first half of 2025", FRI, "2025-01-01", "2025-06-30"),
    ("second half of 2025", FRI, "2025-07-01", "2025-12-31"),
    ("the second half of 2024", FRI, "2024-07-01", "2024-12-31"),
    ("the 2nd half of 2024", FRI, "2024-07-01", "2024-12-31"),
    ("the latter half of 2024", FRI, "2024-07-01", "2024-12-31"),
    ("H1 2025", FRI, "2025-01-01", "2025-06-30"),
    ("H2 2025", FRI, "2025-07-01", "2025-12-31"),
    ("H1 2025", JAN, "2025-01-01", "2025-06-30"),
    ("2024 H2", FRI, "2024-07-01", "2024-12-31"),
    ("the first half of the year", FRI, "2025-01-01", "2025-06-30"),
    ("the first half of last year", FRI, "2024-01-01", "2024-06-30"),
    ("Q1 2025", FRI, "2025-01-01", "2025-03-31"),
    ("Q2 2025", FRI, "2025-04-01", "2025-06-30"),
    ("Q3 2024", FRI, "2024-07-01", "2024-09-30"),
    ("Q4 2024", FRI, "2024-10-01", "2024-12-31"),
    ("2024 Q4", FRI, "2024-10-01", "2024-12-31"),
    ("Q4 of 2024", FRI, "2024-10-01", "2024-12-31"),
    ("the fourth quarter of 2025", FRI, "2025-10-01", "2025-12-31"),
    ("the third quarter of 2024", FRI, "2024-07-01", "2024-09-30"),
    ("the first quarter of 2023", FRI, "2023-01-01", "2023-03-31"),
    ("the 1st quarter of 2023", FRI, "2023-01-01", "2023-03-31"),
    ("the final quarter of 2023", FRI, "2023-10-01", "2023-12-31"),
    ("the second quarter of this year", FRI, "2025-04-01", "2025-06-30"),
    ("the fourth quarter of last year", FRI, "2024-10-01", "2024-12-31"),
    ("the first quarter", FRI, "2025-01-01", "2025-03-31"),
    ("last quarter", FRI, "2025-01-01", "2025-03-31"),
    ("this quarter", FRI, "2025-04-01", "2025-06-30"),
    ("next quarter", FRI, "2025-07-01", "2025-09-30"),
    ("last quarter", JAN, "2023-10-01", "2023-12-31"),
    ("the previous quarter", WED, "2022-10-01", "2022-12-31"),
    ("in the current quarter", WED, "2023-01-01", "2023-03-31"),
    # fiscal years (calendar years unless [settings] fiscal_year_start)
    ("fiscal 2025", FRI, "2025-01-01", "2025-12-31"),
    ("FY2025", FRI, "2025-01-01", "2025-12-31"),
    ("FY 2025", FRI, "2025-01-01", "2025-12-31"),
    ("FY25", FRI, "2025-01-01", "2025-12-31"),
    ("fiscal year 2024", FRI, "2024-01-01", "2024-12-31"),
    ("the 2024 fiscal year", FRI, "2024-01-01", "2024-12-31"),
    # seasons (meteorological, northern)
    ("spring 2023", FRI, "2023-03-01", "2023-05-31"),
    ("summer 2023", FRI, "2023-06-01", "2023-08-31"),
    ("autumn 2023", FRI, "2023-09-01", "2023-11-30"),
    ("fall 2023", FRI, "2023-09-01", "2023-11-30"),
    ("the fall of 2023", FRI, "2023-09-01", "2023-11-30"),
    ("winter 2023", FRI, "2023-12-01", "2024-02-29"),
    ("winter 2024", FRI, "2024-12-01", "2025-02-28"),
    ("in the summer of 2024", FRI, "2024-06-01", "2024-08-31"),
    ("the 2022 winter", FRI, "2022-12-01", "2023-02-28"),
    ("last winter", FRI, "2024-12-01", "2025-02-28"),
    ("this past winter", FRI, "2024-12-01", "2025-02-28"),
    ("last summer", FRI, "2024-06-01", "2024-08-31"),
    ("this summer", FRI, "2025-06-01", "2025-08-31"),
    ("next spring", FRI, "2026-03-01", "2026-05-31"),
    ("this winter", JAN, "2023-12-01", "2024-02-29"),
    ("last spring", WED, "2022-03-01", "2022-05-31"),
    # holidays
    ("Christmas 2022", FRI, "2022-12-25", "2022-12-25"),
    ("Christmas Day 2022", FRI, "2022-12-25", "2022-12-25"),
    ("Christmas Eve 2022", FRI, "2022-12-24", "2022-12-24"),
    ("Boxing Day 2022", FRI, "2022-12-26", "2022-12-26"),
    ("New Year's Eve 2024", FRI, "2024-12-31", "2024-12-31"),
    ("New Year’s Eve 2024", FRI, "2024-12-31", "2024-12-31"),
    ("New Year's Day 2025", FRI, "2025-01-01", "2025-01-01"),
    ("Easter 2025", FRI, "2025-04-20", "2025-04-20"),
    ("Easter 2024", FRI, "2024-03-31", "2024-03-31"),
    ("Easter Sunday 2023", FRI, "2023-04-09", "2023-04-09"),
    ("Good Friday 2024", FRI, "2024-03-29", "2024-03-29"),
    ("Easter Monday 2025", FRI, "2025-04-21", "2025-04-21"),
    ("Halloween 2023", FRI, "2023-10-31", "2023-10-31"),
    ("Thanksgiving 2024", FRI, "2024-11-28", "2024-11-28"),
    ("Thanksgiving 2023", FRI, "2023-11-23", "2023-11-23"),
    ("Independence Day 2024", FRI, "2024-07-04", "2024-07-04"),
    ("Valentine's Day 2024", FRI, "2024-02-14", "2024-02-14"),
    ("Christmas", FRI, "2024-12-25", "2024-12-25"),
    ("at Christmas", JAN, "2023-12-25", "2023-12-25"),
    ("last Christmas", FRI, "2024-12-25", "2024-12-25"),
    ("Easter", FRI, "2025-04-20", "2025-04-20"),
    ("Thanksgiving", NOV, "2024-11-28", "2024-11-28"),
    ("on New Year's Eve", JAN, "2023-12-31", "2023-12-31"),
    # decades
    ("the 1990s", FRI, "1990-01-01", "1999-12-31"),
    ("in the 2010s", FRI, "2010-01-01", "2019-12-31"),
    ("the late 1980s", FRI, "1987-01-01", "1989-12-31"),
    ("the early 2000s", FRI, "2000-01-01", "2003-12-31"),
    # ranges
    ("between January and March 2025", FRI, "2025-01-01", "2025-03-31"),
    ("from January to March 2025", FRI, "2025-01-01", "2025-03-31"),
    ("January-March 2025", FRI, "2025-01-01", "2025-03-31"),
    ("January to March 2025", FRI, "2025-01-01", "2025-03-31"),
    ("between November and February 2024", FRI, "2023-11-01", "2024-02-29"),
    ("from June 2023 to March 2024", FRI, "2023-06-01", "2024-03-31"),
    ("between June 2023 and March 2024", FRI, "2023-06-01", "2024-03-31"),
    ("between January and March of this year", FRI, "2025-01-01", "2025-03-31"),
    ("between January and March this year", FRI, "2025-01-01", "2025-03-31"),
    ("from April to June last year", FRI, "2024-04-01", "2024-06-30"),
    ("between January and March", FRI, "2025-01-01", "2025-03-31"),
    ("from 2014 to 2018", FRI, "2014-01-01", "2018-12-31"),
    ("between 2014 and 2018", FRI, "2014-01-01", "2018-12-31"),
    ("2014-2018", FRI, "2014-01-01", "2018-12-31"),
    ("2014–2018", FRI, "2014-01-01", "2018-12-31"),
    ("2014–18", FRI, "2014-01-01", "2018-12-31"),
    ("2014 to 2018", FRI, "2014-01-01", "2018-12-31"),
    ("2019-20", FRI, "2019-01-01", "2020-12-31"),
    ("2024/25", FRI, "2024-01-01", "2025-12-31"),
    # ranges with their lead word, as running text writes them: neither end is a date of its own
    ("in 2021-2023", FRI, "2021-01-01", "2023-12-31"),
    ("in 2022–23", FRI, "2022-01-01", "2023-12-31"),
    ("in 2014 to 2018", FRI, "2014-01-01", "2018-12-31"),
    ("on September 1-3, 2023", FRI, "2023-09-01", "2023-09-03"),
    ("on September 1–3, 2023", FRI, "2023-09-01", "2023-09-03"),
    ("on 1–3 September 2023", FRI, "2023-09-01", "2023-09-03"),
    ("on 1-3 September", FRI, "2024-09-01", "2024-09-03"),
    ("in January-March 2024", FRI, "2024-01-01", "2024-03-31"),
    ("February 6-8, 2023", FRI, "2023-02-06", "2023-02-08"),
    ("February 6–8, 2023", FRI, "2023-02-06", "2023-02-08"),
    ("Feb. 6 to 8, 2023", FRI, "2023-02-06", "2023-02-08"),
    ("February 6 to March 3, 2023", FRI, "2023-02-06", "2023-03-03"),
    ("from February 6 to 8, 2023", FRI, "2023-02-06", "2023-02-08"),
    ("between February 6 and 8, 2023", FRI, "2023-02-06", "2023-02-08"),
    ("6–8 February 2023", FRI, "2023-02-06", "2023-02-08"),
    ("6-8 February 2023", FRI, "2023-02-06", "2023-02-08"),
    ("6 February to 8 March 2023", FRI, "2023-02-06", "2023-03-08"),
    ("June 2-5", FRI, "2025-06-02", "2025-06-05"),
    ("between 2024-09-01 and 2024-12-31", FRI, "2024-09-01", "2024-12-31"),
    ("from June 1, 2024 to June 30, 2024", FRI, "2024-06-01", "2024-06-30"),
    ("between 1 June 2024 and 3 July 2024", FRI, "2024-06-01", "2024-07-03"),
    # open-ended
    ("since September 2023", FRI, "2023-09-01", "2025-06-20"),
    ("since Sept 2023", FRI, "2023-09-01", "2025-06-20"),
    ("since 2014", FRI, "2014-01-01", "2025-06-20"),
    ("since early March 2023", FRI, "2023-03-01", "2025-06-20"),
    ("since late 2023", FRI, "2023-09-01", "2025-06-20"),
    ("since last year", FRI, "2024-01-01", "2025-06-20"),
    ("since June 19, 2024", FRI, "2024-06-19", "2025-06-20"),
    ("since January", FRI, "2025-01-01", "2025-06-20"),
    ("by June 2024", FRI, _, "2024-06-30"),
    ("by the end of 2023", FRI, _, "2023-12-31"),
    ("by the end of the year", FRI, _, "2025-12-31"),
    ("by 2030", FRI, _, "2030-12-31"),
    ("by mid-2024", WED, _, "2024-08-31"),
    ("by February 24", WED, _, "2023-02-24"),
    ("no later than March 31, 2025", FRI, _, "2025-03-31"),
    ("on or before 2024-06-30", FRI, _, "2024-06-30"),
    ("before 2020", FRI, _, "2019-12-31"),
    ("before June 2024", FRI, _, "2024-05-31"),
    ("prior to March 2023", FRI, _, "2023-02-28"),
    ("before the end of 2023", FRI, _, "2023-08-31"),
    ("after May 2024", FRI, "2024-06-01", _),
    ("after 2020", FRI, "2021-01-01", _),
    ("after June 19, 2024", FRI, "2024-06-20", _),
    ("on or after 2024-06-01", FRI, "2024-06-01", _),
    ("from 2026", FRI, "2026-01-01", _),
    ("until March", FRI, _, "2025-03-31"),
    ("until March 2026", FRI, _, "2026-03-31"),
    ("until 2025", FRI, _, "2025-12-31"),
    ("till June", FRI, _, "2025-06-30"),
    ("through 2027", FRI, _, "2027-12-31"),
    ("up until late 2023", FRI, _, "2023-12-31"),
    ("as of June 2024", FRI, "2024-06-01", "2024-06-30"),
    ("any time", FRI, _, _),
    # relative to the anchor
    ("this year", FRI, "2025-01-01", "2025-12-31"),
    ("last year", FRI, "2024-01-01", "2024-12-31"),
    ("next year", FRI, "2026-01-01", "2026-12-31"),
    ("in the previous year", FRI, "2024-01-01", "2024-12-31"),
    ("the following year", FRI, "2026-01-01", "2026-12-31"),
    ("earlier this year", FRI, "2025-01-01", "2025-06-20"),
    ("earlier in the year", FRI, "2025-01-01", "2025-06-20"),
    ("later this year", FRI, "2025-06-20", "2025-12-31"),
    ("earlier this year", JAN, "2024-01-01", "2024-01-10"),
    ("this month", FRI, "2025-06-01", "2025-06-30"),
    ("last month", FRI, "2025-05-01", "2025-05-31"),
    ("last month", JAN, "2023-12-01", "2023-12-31"),
    ("next month", FRI, "2025-07-01", "2025-07-31"),
    ("earlier this month", FRI, "2025-06-01", "2025-06-20"),
    ("later this month", FRI, "2025-06-20", "2025-06-30"),
    ("this week", FRI, "2025-06-16", "2025-06-22"),
    ("earlier this week", FRI, "2025-06-16", "2025-06-20"),
    ("later this week", WED, "2023-03-22", "2023-03-26"),
    ("last week", FRI, "2025-06-09", "2025-06-15"),
    ("next week", FRI, "2025-06-23", "2025-06-29"),
    ("last week", JAN, "2024-01-01", "2024-01-07"),
    ("the past year", FRI, "2024-06-20", "2025-06-20"),
    ("the past week", FRI, "2025-06-13", "2025-06-20"),
    ("the past month", FRI, "2025-05-21", "2025-06-20"),
    ("last October", FRI, "2024-10-01", "2024-10-31"),
    ("last May", FRI, "2025-05-01", "2025-05-31"),
    ("last June", FRI, "2024-06-01", "2024-06-30"),
    ("this past March", FRI, "2025-03-01", "2025-03-31"),
    ("next March", FRI, "2026-03-01", "2026-03-31"),
    ("next September", FRI, "2025-09-01", "2025-09-30"),
    ("this March", FRI, "2025-03-01", "2025-03-31"),
    ("December last year", FRI, "2024-12-01", "2024-12-31"),
    ("December of last year", FRI, "2024-12-01", "2024-12-31"),
    ("in March this year", FRI, "2025-03-01", "2025-03-31"),
    ("March of this year", FRI, "2025-03-01", "2025-03-31"),
    ("January next year", FRI, "2026-01-01", "2026-01-31"),
    ("three weeks ago", FRI, "2025-05-26", "2025-06-01"),
    ("3 weeks ago", FRI, "2025-05-26", "2025-06-01"),
    ("a week ago", FRI, "2025-06-09", "2025-06-15"),
    ("two years ago", FRI, "2023-01-01", "2023-12-31"),
    ("a year ago", FRI, "2024-01-01", "2024-12-31"),
    ("five years ago", WED, "2018-01-01", "2018-12-31"),
    ("two months ago", FRI, "2025-04-01", "2025-04-30"),
    ("six months ago", JAN, "2023-07-01", "2023-07-31"),
    ("ten days ago", FRI, "2025-06-10", "2025-06-10"),
    ("a few weeks ago", FRI, "2025-05-19", "2025-06-08"),
    ("a couple of years ago", FRI, "2023-01-01", "2023-12-31"),
    ("yesterday", FRI, "2025-06-19", "2025-06-19"),
    ("today", FRI, "2025-06-20", "2025-06-20"),
    ("tomorrow", FRI, "2025-06-21", "2025-06-21"),
    ("last night", FRI, "2025-06-19", "2025-06-20"),
    ("the day before yesterday", FRI, "2025-06-18", "2025-06-18"),
    ("this morning", FRI, "2025-06-20", "2025-06-20"),
    # weekdays: the latest on or before the anchor; "next" the first after it
    ("on Wednesday", FRI, "2025-06-18", "2025-06-18"),
    ("Wednesday", FRI, "2025-06-18", "2025-06-18"),
    ("this past Wednesday", FRI, "2025-06-18", "2025-06-18"),
    ("last Wednesday", FRI, "2025-06-18", "2025-06-18"),
    ("next Wednesday", FRI, "2025-06-25", "2025-06-25"),
    ("on Friday", FRI, "2025-06-20", "2025-06-20"),
    ("last Friday", FRI, "2025-06-13", "2025-06-13"),  # said on a Friday: the Friday before
    ("next Friday", FRI, "2025-06-27", "2025-06-27"),
    ("on Saturday", FRI, "2025-06-14", "2025-06-14"),
    ("on Monday", WED, "2023-03-20", "2023-03-20"),
    ("on Thursday", WED, "2023-03-16", "2023-03-16"),
    ("Tuesday night", WED, "2023-03-21", "2023-03-21"),
    ("on Sunday morning", JAN, "2024-01-07", "2024-01-07"),
    ("this coming Monday", FRI, "2025-06-23", "2025-06-23"),
    # dates without a year: the latest on or before the anchor
    ("March 4", FRI, "2025-03-04", "2025-03-04"),
    ("on December 27", FRI, "2024-12-27", "2024-12-27"),
    ("December 27", JAN, "2023-12-27", "2023-12-27"),
    ("May 9", FRI, "2025-05-09", "2025-05-09"),
    ("June 20", FRI, "2025-06-20", "2025-06-20"),
    ("June 21", FRI, "2024-06-21", "2024-06-21"),
    ("4 March", FRI, "2025-03-04", "2025-03-04"),
    ("the 4th of March", FRI, "2025-03-04", "2025-03-04"),
    ("Feb. 6", WED, "2023-02-06", "2023-02-06"),
    ("Monday, February 6", WED, "2023-02-06", "2023-02-06"),
    ("in April", FRI, "2025-04-01", "2025-04-30"),
    ("in August", FRI, "2024-08-01", "2024-08-31"),
    ("in December", JAN, "2023-12-01", "2023-12-31"),
    ("in January", JAN, "2024-01-01", "2024-01-31"),
    ("March", FRI, "2025-03-01", "2025-03-31"),
    ("February 29", date(2025, 3, 1), "2024-02-29", "2024-02-29"),
]


def _days(text: str, anchor: date) -> tuple[str | None, str | None]:
    p = parse_period(text, anchor)
    return (p.first.isoformat() if p.first else None, p.last.isoformat() if p.last else None)


@pytest.mark.parametrize(("text", "anchor", "start", "end"), TABLE, ids=[f"{t[0]}@{t[1]}" for t in TABLE])
def test_each_phrase_means_its_days(text: str, anchor: date, start: str | None, end: str | None) -> None:
    assert _days(text, anchor) == (start, end)


@pytest.mark.parametrize(("text", "anchor", "start", "end"), TABLE, ids=[f"{t[0]}@{t[1]}" for t in TABLE])
def test_each_phrase_is_found_in_a_sentence_with_the_same_days(text: str, anchor: date, start: str | None,
                                                               end: str | None) -> None:
    """In running text, with the lead words reporters put before it, the scanner reads the
    same span and the same days (bare months, weekdays and holidays need their "in"/"on")."""
    if text in ("March", "Wednesday", "Christmas", "Easter", "Thanksgiving", "any time", "from 2026",
                "the first quarter"):
        # bare words need their lead in running text, and a quarter its year (a match has quarters
        # too); "from" there starts a range, not an open end
        text = {"March": "in March", "Wednesday": "on Wednesday", "any time": "by 2030",
                "from 2026": "on or after 2026-01-01", "the first quarter": "the first quarter of this year",
                }.get(text, f"at {text}")
        start, end = _days(text, anchor)
    sentence = f"Officials confirmed it {text}, according to the report."
    found = find_periods(sentence, anchor, future=False)
    assert [(p.text, p.first.isoformat() if p.first else None, p.last.isoformat() if p.last else None)
            for p in found] == [(text, start, end)]


# Sentences where a four-digit number counts something (not a year), and where it stays a year.
COUNTS_NOT_YEARS = [
    ("Exactly 1801 teachers were hired in 2023.", ["in 2023"]),
    ("Over 2000 people attended in late 2024.", ["in late 2024"]),
    ("From 1700 to 2000 workers were laid off before 2023.", ["before 2023"]),
    ("Between 1900 and 2000 workers struck last year.", ["last year"]),
    ("A total of 1801 teachers signed.", []),
    ("Prices rose in 2021-2023, and 300 homes were sold.", ["in 2021-2023"]),
    ("They met on September 1-3, 2023 in Paris.", ["on September 1-3, 2023"]),
    ("In 2023 teachers struck.", ["In 2023"]),
    ("Output was below 2019 levels.", ["2019"]),
    ("The company's 2023 results disappointed.", ["2023"]),
    ("In the first half of 2023 exports fell.", ["In the first half of 2023"]),
]


@pytest.mark.parametrize(("sentence", "periods"), COUNTS_NOT_YEARS, ids=[c[0] for c in COUNTS_NOT_YEARS])
def test_a_number_that_counts_is_no_year_and_a_range_keeps_its_lead(sentence: str, periods: list[str]) -> None:
    assert [p.text for p in find_periods(sentence, FRI)] == periods


FUTURE = [
    # a date without a year in a sentence about the future is the next one; what held "since" is past
    ("The parade will be held on May 9", date(2025, 5, 2), "2025-05-09"),
    ("The summit is scheduled for March 4", date(2024, 12, 1), "2025-03-04"),
    ("Talks are due to resume on Wednesday", FRI, "2025-06-25"),
    ("Talks resumed on Wednesday", FRI, "2025-06-18"),
    ("Albright takes office Jan. 6", date(2025, 11, 14), "2026-01-06"),
    ("Albright took office Jan. 6", date(2025, 11, 14), "2025-01-06"),
    ("A fare adjustment of $0.25, effective September 1, brings the fare to $2.75", FRI, "2025-09-01"),
    ("The new limits take effect March 1", date(2025, 11, 14), "2026-03-01"),
    ("The vote is on February 12", date(2025, 2, 3), "2025-02-12"),
    ("The hearings are on Wednesday", FRI, "2025-06-25"),
    ("The vote was on February 12", date(2025, 2, 3), "2024-02-12"),
    ("The focus is on the parade of May 9", date(2025, 5, 12), "2025-05-09"),
    ("The council said on Tuesday that the homes are due in mid-2024", WED, "2023-03-21"),
    ("The ban has held since June 3, and rationing will start by September 1", date(2024, 8, 22), "2024-06-03"),
    # only the clause that holds the date decides: "could" in the first clause plans nothing for Sunday
    ("Damage could top A$1.2bn, and the home side lost 0-2 on Sunday", date(2025, 8, 18), "2025-08-17"),
    ("The side lost on Sunday, but the final will be played on Saturday", date(2025, 8, 18), "2025-08-17"),
]


OCT22 = date(2026, 10, 22)  # a Thursday: the Monday before is October 19, the next October 26
# A past-tense verb in the date's own clause, before the date, makes it the past one even when an
# earlier clause says "will"; a plan word inside that clause keeps it the next one. The clause
# starts after a comma or semicolon, at "that", "which", "who", "when", "after", "because", "as"...,
# or where a subject and its verb follow a noun ("a settlement | a judge approved").
CLAUSES = [
    # a relative clause
    ("Corvane will pay $310 million under a settlement that a judge approved on Monday", OCT22, "2026-10-19"),
    ("Corvane will pay $310 million under a settlement which was approved on Monday", OCT22, "2026-10-19"),
    ("Corvane will pay patients who registered on Monday", OCT22, "2026-10-19"),
    # a reduced relative clause: a subject and its verb right after a noun
    ("Corvane Pharmaceuticals will pay $310 million to patients in the United States who took recalled "
     "tablets, under a settlement a federal judge in New Jersey preliminarily approved on Monday", OCT22, "2026-10-19"),
    ("Corvane will pay $310 million under a settlement a judge approved on Monday", OCT22, "2026-10-19"),
    ("The firm will refund fares it overcharged on Monday", OCT22, "2026-10-19"),
    # a subordinate clause
    ("Corvane will pay $310 million because a judge approved the settlement on Monday", OCT22, "2026-10-19"),
    ("Payments will start after the judge signed the order on Monday", OCT22, "2026-10-19"),
    ("The shares will be relisted, as the exchange decided on Monday", OCT22, "2026-10-19"),
    # "will" and its kin inside the date's own clause keep it a plan
    ("The settlement will be approved on Monday", OCT22, "2026-10-26"),
    ("The judge is expected to approve the settlement on Monday", OCT22, "2026-10-26"),
    ("Corvane will pay under a settlement the judge is expected to approve on Monday", OCT22, "2026-10-26"),
    ("Patients who registered will be paid on Monday", OCT22, "2026-10-26"),
    ("The judge who approved the deal will rule on Monday", OCT22, "2026-10-26"),
    ("The company, which reported losses, will hold a vote on Monday", OCT22, "2026-10-26"),
    ("The plan, approved by the board, will take effect on Monday", OCT22, "2026-10-26"),
    ("Patients will be paid when the court approves the plan on Monday", OCT22, "2026-10-26"),
    ("The company will hold a delayed vote on Monday", OCT22, "2026-10-26"),
    ("The proposed merger will close on Monday", OCT22, "2026-10-26"),
    ("The board will meet, as planned, on Monday", OCT22, "2026-10-26"),
]


@pytest.mark.parametrize(("sentence", "anchor", "day"), CLAUSES, ids=[c[0][:60] for c in CLAUSES])
def test_only_the_clause_that_holds_the_date_decides(sentence: str, anchor: date, day: str) -> None:
    [period] = find_periods(sentence + ".", anchor)
    assert (period.start.isoformat(), period.last.isoformat() if period.last else None) == (day, day)


MAY4 = date(2026, 5, 4)  # a Monday
# A schedule is a plan: "set ... for", "scheduled/slated/planned for", and the present tense of a
# scheduled event before its date take the next date, like "will"; the past tense is a report.
# Each row: the sentence, the anchor, whether it speaks of the future, and the first date's days.
PLANS: list[tuple[str, date, bool, str, str | None]] = [
    ("The council set the special election for June 9", MAY4, True, "2026-06-09", "2026-06-09"),
    ("The board scheduled the hearing for June 9", MAY4, True, "2026-06-09", "2026-06-09"),
    ("Talks are slated for early June", MAY4, True, "2026-06-01", "2026-06-10"),
    ("The county planned the audit for March 3", MAY4, True, "2027-03-03", "2027-03-03"),
    ("The election was set for June 9", MAY4, True, "2026-06-09", "2026-06-09"),
    ("Early voting opens in late May", MAY4, True, "2026-05-21", "2026-05-31"),
    ("Registration closes on March 2", MAY4, True, "2027-03-02", "2027-03-02"),
    ("The window closes 2 March", MAY4, True, "2027-03-02", "2027-03-02"),
    ("Hearings begin on April 14", MAY4, True, "2027-04-14", "2027-04-14"),
    ("The season starts in April", MAY4, True, "2027-04-01", "2027-04-30"),
    ("The fiscal year ends June 30", MAY4, True, "2026-06-30", "2026-06-30"),
    ("The fair runs from April 3", MAY4, True, "2027-04-03", "2027-04-03"),
    ("The count takes place on Friday", MAY4, True, "2026-05-08", "2026-05-08"),
    ("The primaries are held in March", MAY4, True, "2027-03-01", "2027-03-31"),
    # a present passive of a scheduled act right before its date is a plan too
    ("Ballots are mailed in late September", MAY4, True, "2026-09-21", "2026-09-30"),
    ("The report is published on Friday", MAY4, True, "2026-05-08", "2026-05-08"),
    ("Results are announced on April 2", MAY4, True, "2027-04-02", "2027-04-02"),
    ("Results are announced next week", MAY4, True, "2026-05-11", "2026-05-17"),
    ("The new mayor is sworn in on January 6", MAY4, True, "2027-01-06", "2027-01-06"),
    ("The grants are paid out in March", MAY4, True, "2027-03-01", "2027-03-31"),
    # the past tense reports what happened: the latest such date
    ("Early voting opened in late April", MAY4, False, "2026-04-21", "2026-04-30"),
    ("Registration closed on March 2", MAY4, False, "2026-03-02", "2026-03-02"),
    ("Hearings began on April 14", MAY4, False, "2026-04-14", "2026-04-14"),
    ("The season started in April", MAY4, False, "2026-04-01", "2026-04-30"),
    ("The count took place on Friday", MAY4, False, "2026-05-01", "2026-05-01"),
    ("The primaries were held in March", MAY4, False, "2026-03-01", "2026-03-31"),
    ("Ballots were mailed in late March", MAY4, False, "2026-03-21", "2026-03-31"),
    ("The report was published on Friday", MAY4, False, "2026-05-01", "2026-05-01"),
    ("Results were announced on April 2", MAY4, False, "2026-04-02", "2026-04-02"),
    # a present passive of a state, not a scheduled act, is no plan
    ("The man is charged in the March 3 shooting, police said", MAY4, False, "2026-03-03", "2026-03-03"),
    ("The firm is based in March, a town in Cambridgeshire", MAY4, False, "2026-03-01", "2026-03-31"),
    # nouns and records are no schedule
    ("Sales set a record for the week, the firm said in March", MAY4, False, "2026-03-01", "2026-03-31"),
    ("After a slow start in March, sales rose", MAY4, False, "2026-03-01", "2026-03-31"),
    ("Shares fell 3% at the close on Friday", MAY4, False, "2026-05-01", "2026-05-01"),
    # the source's own month is this year's, even the part of it still ahead, unless the
    # sentence says "last year"; a day ahead in a report is last year's
    ("Early voting opened in late May", MAY4, False, "2026-05-21", "2026-05-31"),
    ("Turnout peaked in mid-May", MAY4, False, "2026-05-11", "2026-05-20"),
    ("The office closed at the end of May", MAY4, False, "2026-05-21", "2026-05-31"),
    ("Last year, early voting opened in late May", MAY4, False, "2025-05-21", "2025-05-31"),
    ("Early voting opened in late May last year", MAY4, False, "2025-05-21", "2025-05-31"),
    ("The vote was on May 20", MAY4, False, "2025-05-20", "2025-05-20"),
    ("Talks resumed in early June", MAY4, False, "2025-06-01", "2025-06-10"),
]


@pytest.mark.parametrize(("sentence", "anchor", "plan", "start", "end"), PLANS, ids=[p[0] for p in PLANS])
def test_a_schedule_is_a_plan_and_the_past_tense_a_report(sentence: str, anchor: date, plan: bool, start: str,
                                                          end: str | None) -> None:
    assert speaks_of_future(sentence) is plan
    first = [p for p in find_periods(sentence, anchor) if not p.text.lower().startswith("last year")][0]
    assert (first.start.isoformat(), first.last.isoformat() if first.last else None) == (start, end)


@pytest.mark.parametrize(("sentence", "anchor", "day"), FUTURE, ids=[f[0] for f in FUTURE])
def test_a_sentence_about_the_future_takes_the_next_date(sentence: str, anchor: date, day: str) -> None:
    assert find_periods(sentence, anchor)[0].start.isoformat() == day


SETTINGS = [
    ("FY2025", Conventions(fiscal_start=(4, 1)), "2024-04-01", "2025-03-31"),
    ("fiscal 2024", Conventions(fiscal_start=(10, 1)), "2023-10-01", "2024-09-30"),
    ("FY2024-25", Conventions(fiscal_start=(4, 1)), "2024-04-01", "2025-03-31"),
    ("summer 2023", Conventions(south=True), "2023-12-01", "2024-02-29"),
    ("winter 2023", Conventions(south=True), "2023-06-01", "2023-08-31"),
    ("spring 2023", Conventions(south=True), "2023-09-01", "2023-11-30"),
    ("autumn 2024", Conventions(south=True), "2024-03-01", "2024-05-31"),
]


@pytest.mark.parametrize(("text", "conv", "start", "end"), SETTINGS, ids=[f"{s[0]}-{s[1]}" for s in SETTINGS])
def test_settings_change_fiscal_years_and_seasons(text: str, conv: Conventions, start: str, end: str) -> None:
    p = parse_period(text, FRI, conventions=conv)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


def test_settings_reach_the_ledger(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.md").write_text("+++\npublished = 2025-06-20\n+++\nThe plan ran in FY2025 and "
                                               "summer 2023.\n", encoding="utf-8")
    (tmp_path / "claims.toml").write_text('[settings]\nfiscal_year_start = "04-01"\nhemisphere = "south"\n\n'
                                          '[[claim]]\nid = "fy"\nsource = "a"\nquote = "The plan ran in FY2025"\n'
                                          'when = "FY2025"\n\n[[claim]]\nid = "s"\nsource = "a"\n'
                                          'quote = "summer 2023"\nwhen = "summer 2023"\n', encoding="utf-8")
    report = run(Options(claims=tmp_path / "claims.toml"))
    whens = {c.id: (c.when.start, c.when.end) for c in report.claims if c.when}
    assert whens == {"fy": ("2024-04-01", "2025-03-31"), "s": ("2023-12-01", "2024-02-29")}


@pytest.mark.parametrize("value", ['fiscal_year_start = "4/1"', 'fiscal_year_start = "13-01"', 'hemisphere = "east"'])
def test_a_bad_date_setting_is_reported(tmp_path: Path, value: str) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims.toml").write_text(f"[settings]\n{value}\n", encoding="utf-8")
    report = run(Options(claims=tmp_path / "claims.toml"))
    assert any(f.severity is Severity.ERROR and value.split()[0] in f.message for f in report.findings)


def test_no_phrase_in_the_table_raises_an_error(tmp_path: Path) -> None:
    """Every phrase of the table as a claim's `when`, quoted from a source of its anchor: no
    error-severity finding (dated after the source is at most a warning, for the future ones)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    anchors = sorted({a for _, a, _, _ in TABLE})
    for a in anchors:
        body = "\n\n".join(f"It happened {t}." for t, anchor, _, _ in TABLE if anchor == a)
        (sources / f"s{a:%Y%m%d}.md").write_text(f"+++\npublished = {a}\nurl = \"https://example.org\"\n+++\n{body}\n",
                                                 encoding="utf-8")
    claims = []
    for n, (t, a, _, _) in enumerate(TABLE):
        q = f"It happened {t}".replace('"', '\\"')
        claims.append(f'[[claim]]\nid = "c{n}"\nsource = "s{a:%Y%m%d}"\nquote = "{q}"\nwhen = "{t}"\n')
    (tmp_path / "claims.toml").write_text("\n".join(claims), encoding="utf-8")
    report = run(Options(claims=tmp_path / "claims.toml"))
    errors = [f"{f.code} {f.message}" for f in report.findings if f.severity is Severity.ERROR]
    assert errors == []
    assert not [f for f in report.findings if f.code == "FC007"]
