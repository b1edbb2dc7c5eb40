"""Every period form of SPEC section 3: one table of forms, each a pattern and the days it means.

Each form is written once as a function of a group-name prefix, so that all the forms can sit
in ONE alternation: `find_periods` scans a text once with it (compiled once, on first use), and
`parse_period` reads a `when` with the same table. The order of the table is the order of
preference where two forms could start at the same place: ranges before single dates, longer
dates before shorter ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from factcheck.dates import days as D
from factcheck.dates.days import Conventions, Days
from factcheck.dates.period import WEEKDAYS, NeedsAnchor, PeriodError
from factcheck.lexicon import HEDGES, PERIOD_OF, YEAR_KEEPERS, YEAR_NOUNS, plural_noun

# --- building blocks (p is the prefix that keeps each form's group names apart) -----------------

_MAY_VERB = (r"be|have|not|also|well|still|need|take|come|face|want|help|lead|seem|soon|yet|even|only|"
             r"already|never|get|give|make|include|become|cause|prove|end|go|do|see|say|use|bring|try|find")
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may(?!\s+(?:" + _MAY_VERB + r")\b)|june?|july?|"
          r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_WDN = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_SEASON = r"spring|summer|autumn|fall|winter"
_HOL = (r"christmas\s+eve|christmas\s+day|christmas|boxing\s+day|new\s+year['’]?s\s+eve|new\s+year['’]?s(?:\s+day)?|"
        r"valentine['’]?s\s+day|halloween|independence\s+day|bastille\s+day|st\.?\s+patrick['’]?s\s+day|"
        r"easter\s+sunday|easter\s+monday|easter|good\s+friday|thanksgiving(?:\s+day)?")
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_PARTS = r"(?:(?P<{p}part>early|mid|late)(?:\s*-\s*|\s+)|(?P<{p}part2>beginning|start|end|middle)\s+of\s+)"
# Where a range runs from one end to the other: a dash or a word. "and" joins the ends after
# "between", and two days of one month ("February 6 and 8"); never two months or two years alone.
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|through|thru|until|till)\s+)"
_TO_OR_AND = r"(?:\s*[-–—]\s*|\s+(?:to|through|thru|until|till|and)\s+)"
_LEAD = r"(?:(?P<{p}lead>between|from)\s+)"


def _mon(p: str, n: str = "mon") -> str:
    # A full stop only after an abbreviation ("Feb. 6"): after "June." it ends the sentence.
    return rf"(?P<{p}{n}>{_MONTH})(?:(?<=jan|feb|mar|apr|jun|jul|aug|sep|ept|oct|nov|dec)\.)?(?![a-z])"


def _d(p: str, n: str = "d") -> str:
    return rf"(?P<{p}{n}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"


def _y(p: str, n: str = "y") -> str:
    return rf"(?P<{p}{n}>(?:1[89]|2[01])\d\d)(?![\d])"


def _yr(p: str, n: str = "y") -> str:
    """A year in digits, or one relative to the anchor ("this year", "last year", "the year")."""
    return (rf"(?:(?P<{p}{n}>(?:1[89]|2[01])\d\d)(?![\d])|(?P<{p}{n}r>this|last|next|the\s+previous|"
            rf"the\s+following|the\s+coming|the\s+current|the)\s+year)")


def _wd(p: str) -> str:
    return rf"(?:(?:on\s+)?(?P<{p}wd>{_WDN}),?\s+)?(?:on\s+)?"


def _lead(p: str) -> str:
    return _LEAD.format(p=p)


def _parts(p: str) -> str:
    return _PARTS.format(p=p)


# --- resolving ---------------------------------------------------------------------------------


Handler = Callable[["G", "Ctx"], Days]


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    field: Callable[[str], str]  # the pattern in a `when` (the whole value)
    handler: Handler
    scan: Callable[[str], str] | None = None  # the pattern in running text, when it differs
    example: str = ""
    # The words a match can start with after any lead words ("in", "on", "the", "between"...):
    # names of STARTS. In running text a form is tried only where one of them stands.
    starts: tuple[str, ...] = ()


class FormGroups(NamedTuple):
    """Where one form's groups stand in a compiled alternation: the form, the number of its outer
    group, the prefix of its group names, and, for reading a match in one call, the numbers of
    its groups (0 first, so that `Match.group` always gives a tuple) and each name's place."""

    form: Form
    number: int
    prefix: str
    numbers: tuple[int, ...]
    place: dict[str, int]
    weekday: int  # the place of the stated weekday ("Thursday, June 19"), 0 when the form has none
    weekday_only: tuple[int, ...]  # the places of a weekday that is the whole date ("on Thursday")


class G:
    """A match's groups without the form's prefix; a group the form lacks reads as None. All the
    form's groups are read from the match at once, in one call."""

    __slots__ = ("m", "fg", "values", "place", "_whole")

    def __init__(self, m: re.Match[str], fg: FormGroups) -> None:
        self.m, self.fg, self.place = m, fg, fg.place
        self.values: tuple[str | None, ...] = m.group(*fg.numbers)
        self._whole: str | None = None

    def weekday(self) -> int | None:
        """The weekday the match states beside its date ("Thursday, June 19"), if any."""
        wd = self.values[self.fg.weekday] if self.fg.weekday else None
        return WEEKDAYS[wd] if wd else None

    def weekday_only(self) -> bool:
        """Whether the match is a weekday alone ("on Thursday")."""
        for i in self.fg.weekday_only:
            if self.values[i] is not None:
                return True
        return False

    def __call__(self, name: str) -> str | None:
        i = self.place.get(name)
        return None if i is None else self.values[i]

    def any(self, *names: str) -> str | None:
        for n in names:
            if (v := self(n)) is not None:
                return v
        return None

    def whole(self) -> str:
        """The matched words, spaces collapsed (asked only for a message or a rare check)."""
        if self._whole is None:
            self._whole = " ".join(self.m.group(0).split())
        return self._whole


class Ctx:
    """What a form may consult besides its words: the anchor, whether the sentence speaks of the
    future (known, or found only when a form asks), the settings. Records whether the anchor was
    used (the period is then relative), and whether the year was guessed from it (`yearless`).
    """

    __slots__ = ("anchor", "conv", "_future", "used", "g", "yearless")

    def __init__(self, anchor: date | None, conv: Conventions, future: bool | Callable[[], bool], g: G) -> None:
        self.anchor, self.conv, self._future, self.used, self.g = anchor, conv, future, False, g
        self.yearless = False

    def need(self, what: str | None = None) -> date:
        if self.anchor is None:
            raise NeedsAnchor(f"'{what or self.g.whole()}' is relative and its source has no publication date to "
                              "anchor it")
        self.used = True
        return self.anchor

    @property
    def future(self) -> bool:
        f = self._future
        if f is True or f is False:
            return f
        self._future = f = f()
        return f


def _month_no(text: str) -> int:
    return MONTHS[text[:3]]


def _year(g: G, c: Ctx, n: str = "y") -> int | None:
    """The year a _yr group names, or None when the form gave none."""
    digits = g(n)
    if digits is not None:
        return int(digits)
    rel = g(n + "r")
    if rel is None:
        return None
    a = c.need()
    rel = rel.split()[-1]
    return a.year + {"last": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}.get(rel, 0)


def _yearless(c: Ctx, make: Callable[[int], Days], own_month: bool = False) -> Days:
    """A phrase without a year: the latest one that starts on or before the anchor, or, when the
    sentence speaks of the future, the first one not yet over. With `own_month` (a part of a
    month: "late May", "the end of May") the anchor's own month is this year's even where that
    part is still ahead, unless the sentence says "last year"; a day ("the vote was on February
    12", written February 3) is reported done, so it is last year's."""
    a = c.need()
    c.yearless = True
    years = range(a.year, a.year + 9) if c.future else range(a.year, a.year - 9, -1)
    for y in years:
        try:
            s, e = make(y)
        except PeriodError:
            continue  # February 29 in a year without one
        if (e >= a) if c.future else (s <= a or own_month and s.year == a.year and s.month == a.month
                                          and not _says_last_year(c.g)):
            return s, e
    raise PeriodError(f"'{c.g.whole()}' is not a date in any year near {a.isoformat()}")


_LAST_YEAR = re.compile(r"\b(?:last|previous|prior)\s+year\b")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n|\x00")


def _says_last_year(g: G) -> bool:
    """The sentence around the match says "last year" ("Last year, voting opened in late May"):
    a part of the source's own month still ahead is then last year's."""
    text, start, end = g.m.string, g.m.start(), g.m.end()
    lo = max(0, start - 300)
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, lo, start)]
    nxt = _SENTENCE_BREAK.search(text, end, end + 300)
    return _LAST_YEAR.search(text.lower(), breaks[-1] if breaks else lo, nxt.start() if nxt else end + 300) is not None


def _either(g: G, c: Ctx, make: Callable[[int], Days], n: str = "y", own_month: bool = False) -> Days:
    y = _year(g, c, n)
    return make(y) if y is not None else _yearless(c, make, own_month)


def _ordered(s: date, e: date, g: G) -> Days:
    if e < s:
        raise PeriodError(f"'{g.whole()}' runs backwards")
    return s, e


def _whole(g: G) -> str:
    return g.whole()


# Ranges ----------------------------------------------------------------------------------------


def _date_alt(p: str, n: str) -> str:
    return (rf"(?:(?P<{p}{n}iso>\d{{4}}-\d\d-\d\d)|{_mon(p, n + 'm1')}\s+{_d(p, n + 'd1')},?\s+{_y(p, n + 'y1')}|"
            rf"{_d(p, n + 'd2')}\s+(?:of\s+)?{_mon(p, n + 'm2')},?\s+{_y(p, n + 'y2')})")


def _date_of(g: G, n: str) -> date:
    iso = g(n + "iso")
    if iso is not None:
        return _iso(iso)
    mon = g.any(n + "m1", n + "m2")
    assert mon is not None
    return D.day(int(g.any(n + "y1", n + "y2") or 0), _month_no(mon), int(g.any(n + "d1", n + "d2") or 0))


def _iso(text: str) -> date:
    y, mo, d = (int(x) for x in text.split("-"))
    if not 1 <= mo <= 12:
        raise PeriodError(f"'{text}' has no month {mo}")
    return D.day(y, mo, d)


def _date_range(g: G, c: Ctx) -> Days:
    return _ordered(_date_of(g, "a"), _date_of(g, "b"), g)


def _month_range(g: G, c: Ctx) -> Days:
    m1, m2 = _month_no(g.any("m1", "m1b") or ""), _month_no(g("m2") or "")
    y1 = g("y1")

    def make(y: int) -> Days:
        start_y = int(y1) if y1 else (y if m1 <= m2 else y - 1)
        return _ordered(date(start_y, m1, 1), D.month(y, m2)[1], g)

    return _either(g, c, make)


def _day_range_md(g: G, c: Ctx) -> Days:
    m1 = _month_no(g("mon") or "")
    m2 = _month_no(g("m2") or "") if g("m2") else m1
    d1, d2 = int(g("d1") or 0), int(g("d2") or 0)

    def make(y: int) -> Days:
        return _ordered(D.day(y, m1, d1), D.day(y, m2, d2), g)

    return _either(g, c, make)


def _day_range_dm(g: G, c: Ctx) -> Days:
    m2 = _month_no(g("mon") or "")
    m1 = _month_no(g("m1") or "") if g("m1") else m2
    d1, d2 = int(g("d1") or 0), int(g("d2") or 0)

    def make(y: int) -> Days:
        return _ordered(D.day(y, m1, d1), D.day(y, m2, d2), g)

    return _either(g, c, make)


def _year_range(g: G, c: Ctx) -> Days:
    y1 = int(g.any("y1", "y1b") or 0)
    tail = g("y2") or ""
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    # "between 1900 and 2000 workers": round hundreds before a plural noun count; "from 2019 to
    # 2021 prices rose" is a span of years
    round_ends = len(tail) == 4 and y1 % 100 == 0 and y2 % 100 == 0
    if not _whole(g).startswith("in ") and counts_not_dates(g.m.string, g.m.start(), g.m.end(), round_ends):
        raise PeriodError(f"'{_whole(g)}' counts something here; it is not a span of years")
    if y2 <= y1:
        raise PeriodError(f"'{_whole(g)}' runs backwards")
    return date(y1, 1, 1), date(y2, 12, 31)


# Single days, months and years -------------------------------------------------------------------


def _iso_day(g: G, c: Ctx) -> Days:
    d = _iso(g("iso") or "")
    return d, d


def _full_date(g: G, c: Ctx) -> Days:
    d = D.day(int(g("y") or 0), _month_no(g("mon") or ""), int(g("d") or 0))
    return d, d


def _iso_month(g: G, c: Ctx) -> Days:
    return D.month(int(g("y") or 0), int(g("mo") or 0))


def _month_year(g: G, c: Ctx) -> Days:
    y = _year(g, c, "y")
    assert y is not None
    return D.month(y, _month_no(g("mon") or ""))


def _yearless_day(g: G, c: Ctx) -> Days:
    m, d = _month_no(g("mon") or ""), int(g("d") or 0)
    if not 1 <= d <= 31:
        raise PeriodError(f"'{_whole(g)}' is not a date")
    return _yearless(c, lambda y: (D.day(y, m, d), D.day(y, m, d)))


def _named_month(g: G, c: Ctx) -> Days:
    m = _month_no(g("mon") or "")
    which = " ".join((g("ln") or "").split())
    a = c.need()
    if which in ("last", "this past"):  # the latest such month before the anchor's month
        y = a.year if m < a.month else a.year - 1
    elif which in ("next", "this coming"):
        y = a.year if m > a.month else a.year + 1
    elif which == "this":
        y = a.year
    else:
        return _yearless(c, lambda y: D.month(y, m))
    return D.month(y, m)


_HEDGE_BEFORE = re.compile(r"(?<![a-z])(?:" + "|".join(
    re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True)) + r")\.?\s+\Z")
_WORD_BEFORE = re.compile(r"([a-z]+(?:['’]s)?)\s+\Z")
_WORD_AFTER = re.compile(r"\s+([a-z]+)")


def counts_not_dates(text: str, start: int, end: int, noun_counts: bool = True) -> bool:
    """A number of 1800 to 2100 at text[start:end] (lower case) that is a figure, not a year: after
    a hedge ("exactly 1801", "over 2000"), or before the plural noun it counts ("1801 teachers"),
    unless a word that dates it comes first ("in 2023 teachers", "the 2022 elections"). With
    `noun_counts` false only a hedge makes it a figure."""
    if _HEDGE_BEFORE.search(text, max(0, start - 24), start):
        nxt = _WORD_AFTER.match(text, end)
        return nxt is None or nxt.group(1) not in YEAR_NOUNS  # "below 2019 levels" is a year
    nxt = _WORD_AFTER.match(text, end)
    if not noun_counts or nxt is None or not plural_noun(nxt.group(1)):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return True
    if before.group(1) == "of":
        two = _WORD_BEFORE.search(text, max(0, before.start() - 24), before.start())
        return two is None or two.group(1) not in PERIOD_OF  # "the first half of 2023 exports": a year
    return before.group(1) not in YEAR_KEEPERS and not before.group(1).endswith(("'s", "’s"))


def _year_only(g: G, c: Ctx) -> Days:
    y = g("y") or ""
    if y == _whole(g) and counts_not_dates(g.m.string, g.m.start(), g.m.end()):
        raise PeriodError(f"'{y}' counts something here; it is not a year")
    return D.year(int(y or 0))


def _decade(g: G, c: Ctx) -> Days:
    start = int(g("dec") or 0)
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(g("dp") or "", (0, 9))
    return date(start + lo, 1, 1), date(start + hi, 12, 31)


# Parts of years and months, halves, quarters, fiscal years, seasons, holidays ----------------------


def _part(g: G) -> str:
    return g.any("part", "part2") or "mid"


def _year_part(g: G, c: Ctx) -> Days:
    y = _year(g, c, "y")
    assert y is not None
    return D.part_of_year(y, _part(g))


def _month_part(g: G, c: Ctx) -> Days:
    part = _part(g)
    rm = g("rm")
    if rm is not None:  # "the end of this month", "late last month"
        a = c.need()
        y, m = D.shift_month(a.year, a.month, {"last": -1, "next": 1}.get(rm, 0))
        return D.part_of_month(y, m, part)
    m = _month_no(g("mon") or "")
    return _either(g, c, lambda y: D.part_of_month(y, m, part), own_month=True)


def _half(g: G, c: Ctx) -> Days:
    word = g("h")
    h = (1 if word in ("first", "1st") else 2) if word else int(g.any("hn", "hn2") or 1)
    y = _year(g, c, "y") or (int(v) if (v := g.any("y2", "y3")) else None)
    if y is None:
        return _yearless(c, lambda yy: D.half(yy, h))
    return D.half(y, h)


_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}


def _quarter(g: G, c: Ctx) -> Days:
    word = g("qw")
    q = _Q[word] if word else int(g.any("q", "q2") or 1)
    y = _year(g, c, "y") or _year(g, c, "y2") or (int(v) if (v := g("y3")) else None)
    if y is None:
        return _yearless(c, lambda yy: D.quarter(yy, q))
    return D.quarter(y, q)


def _rel_quarter(g: G, c: Ctx) -> Days:
    a = c.need()
    y, q = D.quarter_of(a)
    step = {"last": -1, "previous": -1, "next": 1}.get((g("rq") or "").split()[-1], 0)
    n = y * 4 + (q - 1) + step
    return D.quarter(n // 4, n % 4 + 1)


def _fiscal(g: G, c: Ctx) -> Days:
    first = g.any("fy", "fy3") or ""
    y = int(first) if len(first) == 4 else 2000 + int(first)
    if (second := g("fy2")) is not None:  # "FY2024-25" runs from 2024 into 2025
        y2 = int(second) if len(second) == 4 else (y // 100) * 100 + int(second)
        if y2 != y + 1:
            raise PeriodError(f"'{_whole(g)}' is not one fiscal year")
        y = y2
    return D.fiscal_year(y, c.conv)


def _season_name(text: str) -> str:
    return text if text != "fall" else "autumn"


def _season(g: G, c: Ctx) -> Days:
    name = _season_name(g.any("s", "s2", "s3") or "")
    rel = " ".join((g("rs") or "").split())
    if not rel:
        y = _year(g, c, "y") or int(g("ys") or 0)
        return D.season(y, name, c.conv)
    a = c.need()
    spans = [D.season(y, name, c.conv) for y in range(a.year - 2, a.year + 2)]
    if rel in ("last", "this past", "the past"):
        return max(s for s in spans if s[1] < a)
    if rel in ("next", "the coming", "this coming"):
        return min(s for s in spans if s[0] > a)
    now = [s for s in spans if s[0] <= a <= s[1]]
    return now[0] if now else D.season(a.year, name, c.conv)


def _holiday_key(text: str) -> str:
    key = " ".join(text.replace("’", "'").replace("st.", "st").split())
    key = key.replace("years", "year's").replace("valentines", "valentine's").replace("patricks", "patrick's")
    return key


def _holiday(g: G, c: Ctx) -> Days:
    key = _holiday_key(g.any("hol", "hol2", "hol3", "hol4") or "")
    rel = " ".join((g("rh") or "").split())

    def make(y: int) -> Days:
        d = D.holiday(key, y)
        return d, d

    if rel:
        a = c.need()
        spans = [make(y) for y in range(a.year - 1, a.year + 2)]
        if rel in ("last", "this past"):
            return max(s for s in spans if s[0] < a)
        if rel == "next":
            return min(s for s in spans if s[0] > a)
        return make(a.year)
    return _either(g, c, make)


# Relative to the anchor ----------------------------------------------------------------------------


def _rel_span(g: G, c: Ctx) -> Days:
    a = c.need()
    unit = g("unit") or "year"
    el = g("el")
    which = (g("wh") or "this").split()
    last_word = which[-1]
    if unit == "year":
        whole = D.year(a.year)
    elif unit == "month":
        whole = D.month(a.year, a.month)
    else:
        whole = D.week_of(a)
    if el == "earlier":
        return whole[0], a
    if el == "later":
        return a, whole[1]
    if which[0] == "the" and last_word in ("past", "last"):  # "the past year": the twelve months to the anchor
        back = {"year": 365, "month": 30, "week": 7}[unit]
        return a - timedelta(days=back), a
    if which[0] == "the" and last_word in ("next", "coming"):
        ahead = {"year": 365, "month": 30, "week": 7}[unit]
        return a, a + timedelta(days=ahead)
    step = {"last": -1, "previous": -1, "next": 1, "following": 1, "coming": 1}.get(last_word, 0)
    if unit == "year":
        return D.year(a.year + step)
    if unit == "month":
        return D.month(*D.shift_month(a.year, a.month, step))
    return D.week_of(a + timedelta(days=7 * step))


def _ago(g: G, c: Ctx) -> Days:
    a = c.need()
    words = " ".join((g("n") or "").split())
    unit = g("unit") or "year"
    lo_n, hi_n = ((2, 4) if words == "a few" else (2, 2) if words == "a couple of" else (3, 7) if words == "several"
                  else (n, n) if (n := _NUM_WORDS.get(words, 0) or (int(words) if words.isdigit() else 0)) else (0, 0))
    if hi_n == 0:
        raise PeriodError(f"'{_whole(g)}' counts nothing")
    if unit == "day":
        return a - timedelta(days=hi_n), a - timedelta(days=lo_n)
    if unit == "week":
        return D.week_of(a - timedelta(days=7 * hi_n))[0], D.week_of(a - timedelta(days=7 * lo_n))[1]
    if unit == "month":
        return D.month(*D.shift_month(a.year, a.month, -hi_n))[0], D.month(*D.shift_month(a.year, a.month, -lo_n))[1]
    if unit == "decade":
        return date(a.year - 10 * hi_n - 5, 1, 1), date(a.year - 10 * lo_n + 5, 12, 31)
    return date(a.year - hi_n, 1, 1), date(a.year - lo_n, 12, 31)


def _weekday(g: G, c: Ctx) -> Days:
    a = c.need()
    target = WEEKDAYS[g.any("wdonly", "wdonly2") or "monday"]
    lead = " ".join((g("wl") or "").split())
    back = (a.weekday() - target) % 7
    ahead = (target - a.weekday()) % 7
    if lead in ("next", "this coming"):
        d = a + timedelta(days=ahead or 7)
    elif lead in ("last", "on last"):
        d = a - timedelta(days=back or 7)
    elif lead in ("this past",):
        d = a - timedelta(days=back)
    elif c.future:
        d = a + timedelta(days=ahead)
    else:
        d = a - timedelta(days=back)
    return d, d


def _day_word(g: G, c: Ctx) -> Days:
    a = c.need()
    w = " ".join((g("dw") or "").split())
    if w in ("yesterday", "last night"):
        d = a - timedelta(days=1)
        return (d, a) if w == "last night" else (d, d)
    if w == "the day before yesterday":
        d = a - timedelta(days=2)
        return d, d
    if w == "tomorrow":
        d = a + timedelta(days=1)
        return d, d
    return a, a


def _half_pattern(p: str, year: str) -> str:
    """`year` is "?" where the year may be left out: in a `when`, "the first half" is this
    year's; in running text it is as often a match's or a meeting's, so there it needs a year."""
    return (rf"(?:in\s+)?(?:the\s+)?(?P<{p}h>first|second|1st|2nd|latter)\s+half(?:\s+(?:of\s+)?{_yr(p)}){year}|"
            rf"h(?P<{p}hn>[12])\s*{_y(p, 'y2')}|{_y(p, 'y3')}\s*h(?P<{p}hn2>[12])(?![\d])")


def _quarter_pattern(p: str, year: str) -> str:
    """As _half_pattern: "in the first quarter" alone is a date only in a `when`."""
    return (rf"(?:in\s+)?(?:the\s+)?(?P<{p}qw>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter"
            rf"(?:\s+(?:of\s+)?{_yr(p)}){year}|q(?P<{p}q>[1-4])\s*(?:of\s+)?{_yr(p, 'y2')}|"
            rf"{_y(p, 'y3')}\s*q(?P<{p}q2>[1-4])(?![\d])")


# --- the table --------------------------------------------------------------------------------------

# A bare month, weekday or holiday in running text is a date only after one of these words:
# "May" is a verb and a name, "Sunday" a newspaper's name, "Christmas" a tree.
_BEFORE_BARE = "(?:" + "|".join(rf"(?<=\b{w} )" for w in (
    "in", "on", "at", "during", "since", "by", "until", "till", "before", "after", "through", "over", "throughout",
)) + ")"

FORMS: list[Form] = [
    Form("date range", lambda p: rf"{_lead(p)}{_date_alt(p, 'a')}{_TO_OR_AND}{_date_alt(p, 'b')}", _date_range,
         example="between 2024-09-01 and 2024-12-31", starts=("digit", "month")),
    Form("day range, month first",
         lambda p: rf"(?:{_lead(p)}|on\s+)?{_mon(p)}\s+{_d(p, 'd1')}{_TO_OR_AND}(?:{_mon(p, 'm2')}\s+)?{_d(p, 'd2')}"
                   rf"(?!,\d)(?:,?\s+(?:of\s+)?{_yr(p)})?", _day_range_md, example="February 6-8, 2023", starts=("month",)),
    Form("day range, day first",
         lambda p: rf"(?:{_lead(p)}|on\s+)?{_d(p, 'd1')}(?:\s+{_mon(p, 'm1')})?{_TO_OR_AND}{_d(p, 'd2')}\s+(?:of\s+)?{_mon(p)}"
                   rf"(?:,?\s+(?:of\s+)?{_yr(p)})?", _day_range_dm, example="6–8 February 2023", starts=("digit",)),
    Form("month range",
         lambda p: rf"(?:{_lead(p)}{_mon(p, 'm1')}(?:,?\s+{_y(p, 'y1')})?{_TO_OR_AND}|(?:in\s+)?{_mon(p, 'm1b')}{_TO})"
                   rf"{_mon(p, 'm2')}(?:,?\s+(?:of\s+)?{_yr(p)})?", _month_range, example="between January and March 2025", starts=("month",)),
    Form("iso day", lambda p: rf"{_wd(p)}(?P<{p}iso>\d{{4}}-\d\d-\d\d)(?![\d])", _iso_day, example="2024-06-19", starts=("weekday", "digit")),
    Form("iso month", lambda p: rf"(?:in\s+)?(?P<{p}y>\d{{4}})-(?P<{p}mo>0[1-9]|1[0-2])(?![\d-])", _iso_month,
         example="2024-10", starts=("digit",)),
    Form("year range",
         lambda p: rf"(?:{_lead(p)}{_y(p, 'y1')}{_TO_OR_AND}|(?:in\s+)?{_y(p, 'y1b')}(?:\s*[–—/-]\s*|\s+(?:to|through)\s+))"
                   rf"(?P<{p}y2>(?:1[89]|2[01])\d\d|\d\d)(?![\d%])", _year_range, example="2014–18", starts=("digit",)),
    Form("month day year", lambda p: rf"{_wd(p)}{_mon(p)}\s+{_d(p)},?\s+{_y(p)}", _full_date, example="June 19, 2024", starts=("weekday", "month")),
    Form("day month year", lambda p: rf"{_wd(p)}(?:the\s+)?{_d(p)}\s+(?:of\s+)?{_mon(p)},?\s+{_y(p)}", _full_date,
         example="19 June 2024", starts=("weekday", "digit")),
    Form("part of a year", lambda p: rf"(?:(?:in|at)\s+)?(?:the\s+)?{_parts(p)}(?:of\s+)?{_yr(p)}", _year_part,
         example="late 2023", starts=("part",)),
    Form("part of a month",
         lambda p: rf"(?:(?:in|at)\s+)?(?:the\s+)?{_parts(p)}(?:{_mon(p)}(?:,?\s+(?:of\s+)?{_yr(p)})?|"
                   rf"(?P<{p}rm>this|last|next|the)\s+month)", _month_part, example="mid-March 2023", starts=("part",)),
    Form("half", lambda p: _half_pattern(p, year=r"?"), _half, scan=lambda p: _half_pattern(p, year=""),
         example="H1 2025", starts=("ordinal", "digit")),
    Form("quarter", lambda p: _quarter_pattern(p, year=r"?"), _quarter, scan=lambda p: _quarter_pattern(p, year=""),
         example="the fourth quarter of 2025", starts=("ordinal", "digit")),
    Form("quarter, relative",
         lambda p: rf"(?:in\s+)?(?P<{p}rq>last|this|next|the\s+previous|the\s+current|the\s+next)\s+quarter(?!\s+of)",
         _rel_quarter, example="last quarter", starts=("relative",)),
    Form("fiscal year",
         lambda p: rf"(?:in\s+)?(?:the\s+)?(?:fiscal(?:\s+year)?\s*|fy\s*['’]?)(?P<{p}fy>(?:1[89]|2[01])?\d\d)"
                   rf"(?:\s*[-/–]\s*(?P<{p}fy2>\d{{4}}|\d\d))?(?![\d])|(?:in\s+)?the\s+(?P<{p}fy3>(?:1[89]|2[01])\d\d)"
                   rf"\s+fiscal\s+year", _fiscal, example="FY2025", starts=("fiscal", "digit")),
    Form("season",
         lambda p: rf"(?:in\s+)?(?:the\s+)?(?P<{p}s>{_SEASON})\s+(?:of\s+)?{_yr(p)}|(?:in\s+)?(?P<{p}rs>this\s+past|"
                   rf"this\s+coming|last|this|next|the\s+coming|the\s+past)\s+(?P<{p}s2>{_SEASON})|"
                   rf"(?:in\s+)?(?:the\s+)?(?P<{p}ys>(?:1[89]|2[01])\d\d)\s+(?P<{p}s3>{_SEASON})", _season,
         example="spring 2023", starts=("season", "relative", "digit")),
    Form("holiday",
         lambda p: rf"(?:(?:on|at|over)\s+)?(?P<{p}hol>{_HOL})(?:,?\s+(?:of\s+)?{_yr(p)})?|"
                   rf"(?P<{p}rh>this\s+past|last|this|next)\s+(?P<{p}hol3>{_HOL})", _holiday,
         scan=lambda p: rf"(?:(?:on|at|over)\s+)?(?P<{p}hol>{_HOL}),?\s+(?:of\s+)?{_yr(p)}|"
                        rf"(?P<{p}rh>this\s+past|last|this|next)\s+(?P<{p}hol3>{_HOL})|"
                        rf"(?:(?:on|at|over)\s+|{_BEFORE_BARE})(?P<{p}hol2>{_HOL})", example="Christmas 2022", starts=("holiday", "relative")),
    Form("decade", lambda p: rf"(?:in\s+)?the\s+(?:(?P<{p}dp>early|mid|late)[\s-]+)?(?P<{p}dec>(?:1[89]|20)\d0)['’]?s",
         _decade, example="the 1990s", starts=("part", "digit")),
    Form("month and year", lambda p: rf"(?:in\s+)?{_mon(p)},?\s+(?:of\s+)?{_yr(p)}", _month_year, example="October 2024", starts=("month",)),
    Form("named month", lambda p: rf"(?P<{p}ln>last|this\s+past|this\s+coming|this|next)\s+{_mon(p)}", _named_month,
         example="last October", starts=("relative",)),
    Form("month and day", lambda p: rf"{_wd(p)}{_mon(p)}\s+{_d(p)}(?!,\d|\.\d|%)", _yearless_day, example="March 4", starts=("weekday", "month")),
    Form("day and month", lambda p: rf"{_wd(p)}(?:the\s+)?{_d(p)}\s+(?:of\s+)?{_mon(p)}", _yearless_day,
         example="4 March", starts=("weekday", "digit")),
    Form("year", lambda p: rf"(?:in\s+)?{_y(p)}", _year_only,
         scan=lambda p: rf"(?<![\d,.$€£¥₩#-])(?:in\s+)?{_y(p)}(?!,\d|\.\d|%|\s*per\s*cent)", example="2023", starts=("digit",)),
    Form("month", lambda p: rf"(?:(?:in|during)\s+)?{_mon(p)}", _named_month,
         scan=lambda p: rf"(?:(?:in|during)\s+|{_BEFORE_BARE}){_mon(p)}", example="in March", starts=("month",)),
    Form("relative span",
         lambda p: rf"(?:in\s+)?(?:(?P<{p}el>earlier|later)\s+(?:this|in\s+the)|(?P<{p}wh>this|last|next|"
                   rf"the\s+previous|the\s+following|the\s+coming|the\s+next|the\s+past|the\s+last))\s+"
                   rf"(?P<{p}unit>year|month|week)", _rel_span, example="earlier this year", starts=("relative",)),
    Form("ago",
         lambda p: rf"(?P<{p}n>\d{{1,2}}|a\s+few|a\s+couple\s+of|several|an|a|one|two|three|four|five|six|seven|"
                   rf"eight|nine|ten|eleven|twelve)\s+(?P<{p}unit>day|week|month|year|decade)s?\s+ago", _ago,
         example="three weeks ago", starts=("digit", "count")),
    Form("weekday",
         lambda p: rf"(?:(?P<{p}wl>on|this\s+past|this\s+coming|on\s+last|last|next|this)\s+)?(?P<{p}wdonly>{_WDN})"
                   rf"(?:\s+(?:morning|afternoon|evening|night))?", _weekday,
         scan=lambda p: rf"(?:(?P<{p}wl>on|this\s+past|this\s+coming|on\s+last|last|next|this)\s+|{_BEFORE_BARE})"
                        rf"(?P<{p}wdonly>{_WDN})(?:\s+(?:morning|afternoon|evening|night))?|"
                        rf"(?P<{p}wdonly2>{_WDN})\s+(?:morning|afternoon|evening|night)",
         example="this past Wednesday", starts=("relative", "weekday")),
    Form("day word",
         lambda p: rf"(?P<{p}dw>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|"
                   rf"this\s+morning|this\s+afternoon|this\s+evening)", _day_word, example="yesterday", starts=("day", "relative")),
]

# Open-ended: a word before any form. (kind, start, end) of the result; see _open.
_OPEN_WORDS = {
    "since": "since", "by": "by", "no later than": "by", "not later than": "by", "on or before": "by",
    "until": "by", "till": "by", "up until": "by", "up to": "by", "through": "by",
    "before": "before", "prior to": "before", "after": "after", "on or after": "from", "from": "from",
    "as of": "as of", "as at": "as of",
}
_OPEN_ALT = (r"no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|on\s+or\s+after|up\s+until|up\s+to|prior\s+to|"
             r"as\s+of|as\s+at|since|by|until|till|through|before|after|from")
# In running text "from" and "up to" start other things ("from 2014 to 2018", "up to 2,000").
_OPEN_SCAN_ALT = (r"no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|on\s+or\s+after|up\s+until|prior\s+to|"
                  r"as\s+of|as\s+at|since|by|until|till|through|before|after")
# The last word of each: a form whose word before is none of these has no open-ended word before it.
OPEN_LAST_WORDS = tuple(sorted({alt.split(r"\s+")[-1] for alt in _OPEN_SCAN_ALT.split("|")}))


def open_kind(words: str) -> str:
    return _OPEN_WORDS[" ".join(words.split())]


# A whole month or weekday name: "mar" in "market" or "sun" in "Sundermoor" starts no date. (A
# month the form reads is followed by a full stop or no letter; "may" before a verb is left to
# the forms.)
_MONTH_WORD = "(?:" + _MONTH.replace(r"may(?!\s+(?:" + _MAY_VERB + r")\b)", "may") + r")(?![a-z])"
_WEEKDAY_WORD = rf"(?:{_WDN})(?![a-z])"

# The first word of a form after its lead words (see Form.starts). Each may take in more than the
# form does ("mon" is also "month"): it only spares trying forms that cannot match.
STARTS = {
    "digit": r"\d",
    "month": _MONTH_WORD,
    "weekday": _WEEKDAY_WORD,
    "part": r"(?:early|mid|late|beginning|start|end|middle)",
    "ordinal": r"(?:first|second|third|fourth|final|latter|1st|2nd|3rd|4th|h[12]|q[1-4])",
    "relative": r"(?:last|this|next|previous|following|coming|current|past|earlier|later)",
    "fiscal": r"(?:fiscal|fy)",
    "season": r"(?:spring|summer|autumn|fall|winter)",
    "holiday": r"(?:christmas|boxing|new\s+year|valentine|halloween|independence|bastille|st\.?\s+patrick|easter|"
               r"good\s+friday|thanksgiving)",
    "count": r"(?:an?\s|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)",
    "day": r"(?:day\s+before|yesterday|today|tonight|tomorrow)",
}


def _alternation(scan: bool, guarded: bool = True) -> str:
    """The forms in one alternation, in the table's order. In running text, runs of neighbouring
    forms that share a first word are each guarded by a look-ahead for their first words, so that
    where a run cannot start none of its forms is tried; the order of trying is unchanged."""
    parts = []
    for i, f in enumerate(FORMS):
        build = f.scan if scan and f.scan is not None else f.field
        parts.append(f"(?P<f{i}>{build(f'f{i}_')})")
    if not (scan and guarded):
        return "|".join(parts)
    runs: list[tuple[list[str], list[str]]] = []  # (first words, forms)
    for f, part in zip(FORMS, parts, strict=True):
        if runs and set(runs[-1][0]) & set(f.starts):
            runs[-1][0].extend(w for w in f.starts if w not in runs[-1][0])
            runs[-1][1].append(part)
        else:
            runs.append((list(f.starts), [part]))
    return "|".join(f"(?={_LEAD_WORDS}(?:{'|'.join(STARTS[w] for w in words)})){'|'.join(forms)}" if len(forms) == 1
                    else f"(?={_LEAD_WORDS}(?:{'|'.join(STARTS[w] for w in words)}))(?:{'|'.join(forms)})"
                    for words, forms in runs)


@cache
def field_pattern() -> re.Pattern[str]:
    """A whole `when` value: an optional open-ended word, then one form."""
    return re.compile(rf"(?:(?P<open>{_OPEN_ALT})\s+)??(?:{_alternation(False)})")  # "from 2014 to 2018" first


# The first word of every form, after any lead words ("in", "on", "the", "between"...). A cheap
# look-ahead for one of them spares trying thirty forms at each of the many words that start none.
# Taken whole (possessive: no form's first word is one of these, so giving one back never helps).
_LEAD_WORDS = r"(?:(?:in|on|at|over|during|the|between|from)\s+)*+"
_MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# A number starts a date only as a year, or as a day before a month, a range or "weeks ago":
# "14,000" and "2.5bn" start none.
_DIGIT_FIRST = (r"\d{4}(?!\d|,\d|%)|[0-3]?\d(?:st|nd|rd|th)?(?:\s+(?:of\s+)?" + _MONTH_START
                + r"|\s*[-–—]\s*\d|\s+(?:to|and|through|thru|until|till)\s+\d|\s+(?:day|week|month|year|decade)s?\s+ago|\s+(?:half|quarter))")
_FIRST_WORDS = (_DIGIT_FIRST + "|" + _MONTH_WORD + "|" + _WEEKDAY_WORD + r"|early|mid|late|"
                r"beginning|start|end|middle|first|second|third|fourth|final|latter|h[12]|q[1-4]|last|this|next|"
                r"fiscal|fy|spring|summer|autumn|fall|winter|christmas|boxing|new\s+year|valentine|halloween|"
                r"independence|bastille|st\.?\s+patrick|easter|good\s+friday|thanksgiving|earlier|later|previous|"
                r"following|coming|current|past|an?\s+(?:few|couple|day|week|month|year|decade)|one|two|three|four|"
                r"five|six|seven|eight|nine|ten|eleven|twelve|several|yesterday|today|tonight|tomorrow|day\s+before")


@cache
def scan_pattern() -> re.Pattern[str]:
    """Every form in running text (lower-cased), in one alternation, compiled once."""
    return re.compile(rf"(?<![a-z0-9])(?={_LEAD_WORDS}(?:{_FIRST_WORDS}))(?:{_alternation(True)})(?![a-z0-9])")


@cache
def open_before() -> re.Pattern[str]:
    """An open-ended word just before a form found in running text."""
    return re.compile(rf"(?<![a-z])(?P<open>{_OPEN_SCAN_ALT})\s+\Z")


def form_groups(pattern: re.Pattern[str]) -> dict[int, FormGroups]:
    """For a compiled alternation of the forms: each form's outer group number (a match's
    `lastindex`) -> where its groups stand. (Built once per pattern by `scan_forms` and
    `field_forms`: hashing a compiled pattern hashes all its code.)"""
    out: dict[int, FormGroups] = {}
    index = pattern.groupindex
    for i, form in enumerate(FORMS):
        prefix = f"f{i}_"
        inner = sorted((n, name[len(prefix):]) for name, n in index.items() if name.startswith(prefix))
        numbers = (0, *(n for n, _ in inner))
        place = {short: k + 1 for k, (_, short) in enumerate(inner)}
        out[index[f"f{i}"]] = FormGroups(form, index[f"f{i}"], prefix, numbers, place, place.get("wd", 0),
                                         tuple(place[n] for n in ("wdonly", "wdonly2") if n in place))
    return out


@cache
def scan_forms() -> tuple[re.Pattern[str], dict[int, FormGroups]]:
    """`scan_pattern()` and its `form_groups`."""
    return scan_pattern(), form_groups(scan_pattern())


@cache
def field_forms() -> tuple[re.Pattern[str], dict[int, FormGroups]]:
    """`field_pattern()` and its `form_groups`."""
    return field_pattern(), form_groups(field_pattern())
