"""Periods: "late 2023", "June 19, 2024", "between January and March of this year", "on Thursday".

``parse_period(text, anchor)`` resolves one period to a closed interval of days; relative forms
need ``anchor`` (the source's publication date) and raise :class:`NeedsAnchor` without one.
``find_periods`` scans free text for every period in it, with spans. Nothing here reads the
clock: the same text and anchor always resolve to the same days.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import itemgetter


class PeriodError(ValueError):
    """The text is not a period factcheck can read."""


class NeedsAnchor(PeriodError):
    """A relative period ("last month") with no publication date to anchor it."""


MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAY_NAMES = [d.capitalize() for d in WEEKDAYS]
SEASONS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days a text names, and where it stands in the text."""

    text: str
    start: date
    end: date
    relative: bool = False  # resolved against the source's date
    weekday: int | None = None  # a weekday the text states ("Thursday, June 19, 2025")
    weekday_only: bool = False  # "on Thursday": the day was found from the weekday itself
    span: tuple[int, int] = (0, 0)

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def describe(self) -> str:
        return format_period(self.start, self.end)


def format_period(start: date, end: date) -> str:
    """The shortest canonical spelling of a span of days; it parses back to the same days."""
    if start == end:
        return start.isoformat()
    if start.day == 1 and end == _month_end(start.year, start.month) and start.month == end.month and (
        start.year == end.year
    ):
        return f"{start.year:04d}-{start.month:02d}"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return f"{start.year:04d}"
    return f"between {start.isoformat()} and {end.isoformat()}"


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), _month_end(y, m)


def _day(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise PeriodError(f"{calendar.month_name[m]} {d}, {y} is not a date") from None


_MON = r"(?P<{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WD = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_Y = r"(?P<{n}>(?:1[89]|2\d)\d\d)"


def _mon(n: str = "mon") -> str:
    return _MON.format(n=n)


def _y(n: str = "y") -> str:
    return _Y.format(n=n)


Handler = Callable[[re.Match[str], date | None], tuple[date, date]]
_PATTERNS: list[tuple[str, Handler, bool]] = []  # (regex, handler, relative)


def _form(pattern: str, relative: bool = False) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        _PATTERNS.append((pattern, fn, relative))
        return fn

    return deco


def _need(anchor: date | None, m: re.Match[str]) -> date:
    if anchor is None:
        raise NeedsAnchor(f"'{m.group(0)}' is relative and its source has no publication date to anchor it")
    return anchor


def _mnum(m: re.Match[str], n: str = "mon") -> int:
    return MONTHS[m.group(n).lower().rstrip(".")]


# Absolute forms ---------------------------------------------------------------------------------


@_form(_WD + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
def _iso_day(m: re.Match[str], a: date | None) -> tuple[date, date]:
    d = _day(int(m["y"]), int(m["m"]), int(m["d"])) if 1 <= int(m["m"]) <= 12 else None
    if d is None:
        raise PeriodError(f"'{m.group(0)}' has no month {m['m']}")
    return d, d


@_form(r"(?P<y>\d{4})-(?P<m>\d{2})")
def _iso_month(m: re.Match[str], a: date | None) -> tuple[date, date]:
    if not 1 <= int(m["m"]) <= 12:
        raise PeriodError(f"'{m.group(0)}' has no month {m['m']}")
    return _month(int(m["y"]), int(m["m"]))


@_form(_WD + _mon() + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _y())
def _mdy(m: re.Match[str], a: date | None) -> tuple[date, date]:
    d = _day(int(m["y"]), _mnum(m), int(m["d"]))
    return d, d


@_form(_WD + r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _mon() + r",?\s+" + _y())
def _dmy(m: re.Match[str], a: date | None) -> tuple[date, date]:
    d = _day(int(m["y"]), _mnum(m), int(m["d"]))
    return d, d


@_form(r"(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+(?:of\s+)?" + _y() + r"|h(?P<hn>[12])\s+" + _y("y2"))
def _half(m: re.Match[str], a: date | None) -> tuple[date, date]:
    y = int(m["y"] or m["y2"])
    first = (m["h"] or "").startswith(("first", "1")) or m["hn"] == "1"
    return (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))


@_form(
    r"q(?P<q>[1-4])\s+" + _y()
    + r"|(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?" + _y("y2")
)
def _quarter(m: re.Match[str], a: date | None) -> tuple[date, date]:
    y = int(m["y"] or m["y2"])
    q = int(m["q"]) if m["q"] else {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                                     "3rd": 3, "4th": 4}[m["qw"].lower()]
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


@_form(r"(?:in\s+)?(?P<s>early|mid|late)[\s-]+" + _y())
def _season(m: re.Match[str], a: date | None) -> tuple[date, date]:
    lo, hi = SEASONS[m["s"].lower()]
    y = int(m["y"])
    return date(y, lo, 1), _month_end(y, hi)


@_form(r"(?:between|from)\s+" + _mon("m1") + r"\s+(?:and|to|until|through)\s+" + _mon("m2") + r",?\s+(?:of\s+)?" + _y())
def _month_range(m: re.Match[str], a: date | None) -> tuple[date, date]:
    y = int(m["y"])
    m1, m2 = _mnum(m, "m1"), _mnum(m, "m2")
    if m2 < m1:
        raise PeriodError(f"'{m.group(0)}' runs backwards")
    return date(y, m1, 1), _month_end(y, m2)


@_form(r"between\s+(?P<d1>\d{4}-\d{2}-\d{2})\s+and\s+(?P<d2>\d{4}-\d{2}-\d{2})")
def _day_range(m: re.Match[str], a: date | None) -> tuple[date, date]:
    s = _iso(m["d1"])
    e = _iso(m["d2"])
    if e < s:
        raise PeriodError(f"'{m.group(0)}' runs backwards")
    return s, e


def _iso(text: str) -> date:
    y, mo, d = (int(p) for p in text.split("-"))
    if not 1 <= mo <= 12:
        raise PeriodError(f"'{text}' has no month {mo}")
    return _day(y, mo, d)


@_form(r"(?:in\s+)?" + _mon() + r",?\s+(?:of\s+)?" + _y())
def _month_year(m: re.Match[str], a: date | None) -> tuple[date, date]:
    return _month(int(m["y"]), _mnum(m))


@_form(r"(?:in\s+)?" + _y())
def _year(m: re.Match[str], a: date | None) -> tuple[date, date]:
    y = int(m["y"])
    return date(y, 1, 1), date(y, 12, 31)


# Relative forms ---------------------------------------------------------------------------------


@_form(r"since\s+(?P<rest>.+)", relative=True)
def _since(m: re.Match[str], a: date | None) -> tuple[date, date]:
    anchor = _need(a, m)
    inner = parse_period(m["rest"], anchor)
    if inner.start > anchor:
        raise PeriodError(f"'{m.group(0)}' starts after its source's date {anchor.isoformat()}")
    return inner.start, anchor


@_form(r"(?:between|from)\s+" + _mon("m1") + r"\s+(?:and|to|until|through)\s+" + _mon("m2")
       + r",?\s+(?:of\s+)?this\s+year", relative=True)
def _month_range_this_year(m: re.Match[str], a: date | None) -> tuple[date, date]:
    y = _need(a, m).year
    m1, m2 = _mnum(m, "m1"), _mnum(m, "m2")
    if m2 < m1:
        raise PeriodError(f"'{m.group(0)}' runs backwards")
    return date(y, m1, 1), _month_end(y, m2)


@_form(r"(?:in\s+)?this\s+year", relative=True)
def _this_year(m: re.Match[str], a: date | None) -> tuple[date, date]:
    y = _need(a, m).year
    return date(y, 1, 1), date(y, 12, 31)


@_form(r"(?:in\s+)?last\s+year", relative=True)
def _last_year(m: re.Match[str], a: date | None) -> tuple[date, date]:
    y = _need(a, m).year - 1
    return date(y, 1, 1), date(y, 12, 31)


@_form(r"(?:in\s+)?(?:earlier\s+)?this\s+month", relative=True)
def _this_month(m: re.Match[str], a: date | None) -> tuple[date, date]:
    anchor = _need(a, m)
    return date(anchor.year, anchor.month, 1), anchor


@_form(r"(?:in\s+)?last\s+month", relative=True)
def _last_month(m: re.Match[str], a: date | None) -> tuple[date, date]:
    anchor = _need(a, m)
    first = date(anchor.year, anchor.month, 1) - timedelta(days=1)
    return _month(first.year, first.month)


@_form(r"(?:in\s+)?(?:earlier\s+)?this\s+week", relative=True)
def _this_week(m: re.Match[str], a: date | None) -> tuple[date, date]:
    anchor = _need(a, m)
    return anchor - timedelta(days=anchor.weekday()), anchor


@_form(r"last\s+week", relative=True)
def _last_week(m: re.Match[str], a: date | None) -> tuple[date, date]:
    anchor = _need(a, m)
    monday = anchor - timedelta(days=anchor.weekday() + 7)
    return monday, monday + timedelta(days=6)


@_form(r"(?:in\s+)?last\s+" + _mon(), relative=True)
def _last_named_month(m: re.Match[str], a: date | None) -> tuple[date, date]:
    anchor = _need(a, m)
    mon = _mnum(m)
    y = anchor.year if mon < anchor.month else anchor.year - 1
    return _month(y, mon)


@_form(r"(?:in\s+)?" + _mon() + r"\s+(?:of\s+)?last\s+year", relative=True)
def _month_last_year(m: re.Match[str], a: date | None) -> tuple[date, date]:
    return _month(_need(a, m).year - 1, _mnum(m))


@_form(r"(?:in\s+)?" + _mon() + r"\s+(?:of\s+)?this\s+year", relative=True)
def _month_this_year(m: re.Match[str], a: date | None) -> tuple[date, date]:
    return _month(_need(a, m).year, _mnum(m))


@_form(_WD + r"(?:on\s+)?" + _mon() + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)", relative=True)
def _month_day(m: re.Match[str], a: date | None) -> tuple[date, date]:
    d = _day(_need(a, m).year, _mnum(m), int(m["d"]))
    return d, d


@_form(_WD + r"(?:on\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _mon(), relative=True)
def _day_month(m: re.Match[str], a: date | None) -> tuple[date, date]:
    d = _day(_need(a, m).year, _mnum(m), int(m["d"]))
    return d, d


@_form(r"(?:in\s+)?" + _mon(), relative=True)
def _bare_month(m: re.Match[str], a: date | None) -> tuple[date, date]:
    return _month(_need(a, m).year, _mnum(m))


@_form(r"(?:on\s+|last\s+)?(?P<wdonly>monday|tuesday|wednesday|thursday|friday|saturday|sunday)", relative=True)
def _weekday(m: re.Match[str], a: date | None) -> tuple[date, date]:
    anchor = _need(a, m)
    target = WEEKDAYS[m["wdonly"].lower()]
    back = (anchor.weekday() - target) % 7
    if m.group(0).lower().startswith("last") and back == 0:
        back = 7
    d = anchor - timedelta(days=back)
    return d, d


@_form(r"yesterday", relative=True)
def _yesterday(m: re.Match[str], a: date | None) -> tuple[date, date]:
    d = _need(a, m) - timedelta(days=1)
    return d, d


@_form(r"today", relative=True)
def _today(m: re.Match[str], a: date | None) -> tuple[date, date]:
    d = _need(a, m)
    return d, d


def _weekday_of(m: re.Match[str]) -> int | None:
    if "wd" in m.re.groupindex and m["wd"]:
        return WEEKDAYS[m["wd"].lower()]
    return None


def parse_period(text: str | date, anchor: date | None = None) -> Period:
    """Resolve `text` to a Period; relative forms are resolved against `anchor`."""
    if isinstance(text, date):
        return Period(text.isoformat(), text, text)
    if not isinstance(text, str):
        raise PeriodError(f"expected a period such as \"late 2023\", found {type(text).__name__}")
    return _parse_text(text, anchor)


@lru_cache(maxsize=8192)
def _parse_text(text: str, anchor: date | None) -> Period:
    """parse_period for text (memoised: a Period is immutable and ledgers repeat their dates)."""
    clean = " ".join(text.replace("\u2013", "-").replace("\u2014", "-").split()).strip(" .,")
    if not clean:
        raise PeriodError("the period is empty")
    start, end, rel, wd, weekday_only = _resolve(clean, anchor)
    return Period(text, start, end, relative=rel, weekday=wd, weekday_only=weekday_only, span=(0, len(text)))


@lru_cache(maxsize=8192)
def _resolve(clean: str, anchor: date | None) -> tuple[date, date, bool, int | None, bool]:
    """The days a cleaned period text means (memoised: ledgers repeat their dates)."""
    for pattern, fn, rel in _PATTERNS:
        # Compiled on first use (re keeps them): a run reads few of the forms, and compiling all
        # eighty-odd patterns and scanners at import took longer than the rest of start-up.
        rx = re.compile(pattern, re.IGNORECASE)
        m = rx.fullmatch(clean)
        if m is None:
            continue
        start, end = fn(m, anchor)
        weekday_only = "wdonly" in rx.groupindex and bool(m["wdonly"])
        return start, end, rel, _weekday_of(m), weekday_only
    raise PeriodError(f"'{clean}' is not a period factcheck can read (try \"2024-10\", \"late 2023\" or \"June 19, 2024\")")


def find_periods(text: str, anchor: date | None = None) -> list[Period]:
    """Every period in free text, longest match first, not overlapping.

    Relative forms are skipped when there is no anchor; bare weekdays and bare month names are
    only taken with "on"/"in" before them, so "May" the verb or a name is not read as a date.
    """
    return find_periods_many([text], [anchor])[0]


# Joins texts for one scan per form. No pattern matches a NUL (\s does not), so no match can
# span two texts, and the newlines either side stand where a text's start and end would.
_SEP = "\n\x00\n"


def find_periods_many(texts: list[str], anchors: list[date | None], gate: bool = True) -> list[list[Period]]:
    """find_periods for many texts at once: each form's regex runs once over all the texts that
    could hold it, which costs far less than running every form over every short quote.

    A text is scanned once however often it recurs, and (with `gate`) a form runs only over the
    texts showing every feature it needs (a month name, a four-digit year...) and holding its
    core (see _scanner): cheap tests that spare most regex runs. Gating never changes what is
    found; the tests check that.
    """
    distinct: dict[str, int] = {}
    for t in texts:
        distinct.setdefault(t, len(distinct))
    uniq = list(distinct)
    # Lower-cased ASCII only, so offsets stay those of the text (str.lower() can lengthen one).
    lows = [t.translate(_ASCII_LOWER) for t in uniq]
    candidates: list[list[tuple[int, int, re.Match[str], Handler, bool]]] = [[] for _ in uniq]
    features: dict[str, set[int]] = {}
    corpus = _SEP.join(lows)
    holding: dict[Handler, list[int]] = {}  # the texts holding a form's core

    def texts_holding(fn: Handler) -> list[int]:
        found = holding.get(fn)
        if found is None:
            core, needs = _CORES[fn]
            within = _WITHIN.get(fn)
            texts = _texts_with(needs, lows, features, corpus)
            if within is not None:  # a core that holds another's is looked for only where that is
                wider = set(texts_holding(within))
                texts = [k for k in texts if k in wider]
            found = holding[fn] = _containing(core, texts, lows)
        return found

    for rx_text, _core, fn, rel, _needs in _SCANNERS_NEEDING:
        if gate:
            picked = texts_holding(fn)
        else:
            picked = list(range(len(uniq)))
        if not picked:
            continue
        joined, starts = _join(lows, picked)
        for m in re.compile(rx_text).finditer(joined):
            at, end = m.span()
            seg = bisect_right(starts, at) - 1
            candidates[picked[seg]].append((at - starts[seg], at - end, m, fn, rel))
    # A text's periods under one anchor; under any anchor (`_ANY`) when none of its relative
    # forms was resolved, which is most texts: "in February 2025" reads the same in every source.
    memo: dict[tuple[int, object], list[Period]] = {}
    resolved: dict[tuple[Handler, str, date | None], tuple[date, date] | None] = {}
    out: list[list[Period]] = []
    for t, anchor in zip(texts, anchors, strict=True):
        k = distinct[t]
        found = memo.get((k, _ANY))
        if found is None:
            found = memo.get((k, anchor))
        if found is None:
            found, used_anchor = _select(t, candidates[k], anchor, resolved)
            memo[(k, anchor if used_anchor else _ANY)] = found
        out.append(list(found))
    return out


_ANY = object()  # stands for every anchor in find_periods_many's memo


def _join(lows: list[str], picked: list[int]) -> tuple[str, list[int]]:
    """The picked texts joined by _SEP, and where each starts in the result."""
    starts: list[int] = []
    pos = 0
    for k in picked:
        starts.append(pos)
        pos += len(lows[k]) + len(_SEP)
    return _SEP.join([lows[k] for k in picked]), starts


def _texts_with(needs: tuple[str, ...], lows: list[str], features: dict[str, set[int]], corpus: str) -> list[int]:
    """Indexes of the texts that show every feature in `needs` (each feature computed once).

    Each feature is tested on all the texts at once first (`corpus`): most are absent from most
    ledgers, and then no text needs testing one by one."""
    picked: set[int] | None = None
    for need in needs:
        have = features.get(need)
        if have is None:
            test = _FEATURES[need]
            have = features[need] = {k for k, low in enumerate(lows) if test(low)} if test(corpus) else set()
        picked = have if picked is None else picked & have
        if not picked:
            return []
    return sorted(picked or ())


def _containing(core_text: str, picked: list[int], lows: list[str]) -> list[int]:
    """The picked texts in which `core` occurs, found by one search per text that holds it; or,
    when the first 48 texts show 32 that hold it, all the picked texts (a superset is safe)."""
    if not picked:
        return []
    core = re.compile(core_text)
    joined, starts = _join(lows, picked)
    out: list[int] = []
    pos = 0
    while (m := core.search(joined, pos)) is not None:
        seg = bisect_right(starts, m.start()) - 1
        out.append(picked[seg])
        if seg + 1 == len(starts):
            break
        if len(out) == 32 and seg < 48:
            # Most texts hold it: sorting them out costs more than the scan would on the rest.
            return picked
        pos = starts[seg + 1]  # on to the next text
    return out


def _select(text: str, candidates: list[tuple[int, int, re.Match[str], Handler, bool]], anchor: date | None,
            resolved: dict[tuple[Handler, str, date | None], tuple[date, date] | None]) -> tuple[list[Period], bool]:
    """The longest candidates first, then the leftmost, none overlapping; resolved to days. And
    whether the anchor mattered: whether a relative form got as far as being resolved (which
    candidates are taken follows from the days of those resolved before it, so when none was
    relative, another anchor takes the same ones)."""
    found: list[Period] = []
    used_anchor = False
    # The spans taken, disjoint, kept sorted: a clash is one binary search, not a scan of them all.
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    if len(candidates) > 1:
        candidates.sort(key=_LONGEST_FIRST)
    for start, neg_len, m, fn, rel in candidates:
        end = start - neg_len
        k = bisect_right(taken_ends, start)  # the first taken span ending after this one starts
        if k < len(taken_starts) and taken_starts[k] < end:
            continue
        used_anchor = used_anchor or rel
        key = (fn, m.group(0), anchor)  # a form's days follow from the words it matched
        if key in resolved:
            days = resolved[key]
        else:
            try:
                days = fn(m, anchor)
            except PeriodError:
                days = None
            resolved[key] = days
        if days is None:
            continue
        s, e = days
        k = bisect_right(taken_starts, start)
        taken_starts.insert(k, start)
        taken_ends.insert(k, end)
        has_wd, has_wdonly = _weekday_groups(m.re)
        weekday = WEEKDAYS[m["wd"].lower()] if has_wd and m["wd"] else None
        found.append(Period(text[start:end], s, e, rel, weekday, has_wdonly and bool(m["wdonly"]), (start, end)))
    found.sort(key=lambda p: p.span)
    return found, used_anchor


_LONGEST_FIRST = itemgetter(1, 0)  # candidates are (start, -length, ...)
_GROUPS: dict[re.Pattern[str], tuple[bool, bool]] = {}


def _weekday_groups(rx: re.Pattern[str]) -> tuple[bool, bool]:
    """Whether a scanner has the groups "wd" (a stated weekday) and "wdonly" (a weekday alone)."""
    groups = _GROUPS.get(rx)
    if groups is None:
        groups = _GROUPS[rx] = ("wd" in rx.groupindex, "wdonly" in rx.groupindex)
    return groups


# Optional words a form may start with; what follows them is the form's core.
_OPTIONAL_LEAD = (_WD, r"(?:in\s+)?", r"(?:on\s+)?", r"(?:the\s+)?", r"(?:earlier\s+)?")


def _scanner(pattern: str, fn: Handler) -> tuple[str, str]:
    """The regex that finds a form in text, and its core: the same pattern without its optional
    lead words or boundary checks. Every text the form matches holds its core, and a core starts
    with fixed characters (a month name, a digit, "since"...), which the regex engine can skip
    ahead to, so testing for the core first is quick."""
    if fn in (_bare_month, _weekday):
        # "may" is a verb and a name; a weekday alone is a date only after "on" or "last".
        pattern = pattern.replace(r"(?:in\s+)?", r"(?:in\s+)", 1) if fn is _bare_month else (
            pattern.replace(r"(?:on\s+|last\s+)?", r"(?:on\s+|last\s+)", 1))
    core = pattern
    while lead := next((p for p in _OPTIONAL_LEAD if core.startswith(p)), None):
        core = core[len(lead):]
    day = r"(?P<d>\d{1,2})"
    if core.startswith(day):
        # Searched from a day's last digit: no trying each digit twice. Any text the form
        # matches still holds it, and that is all a core must do.
        core = r"\d" + core[len(day):]
    if fn is _year:
        pattern = r"(?<![\d,.$€£₩-])" + pattern + r"(?!,\d|\d|%|\.\d)"
    # Scanners read ASCII-lower-cased text (see find_periods_many), so they need no IGNORECASE.
    return r"(?<![\w-])(?:" + pattern + r")(?![\w])", core


_SCANNERS = [(*_scanner(p, fn), fn, rel) for p, fn, rel in _PATTERNS if fn is not _since]
# "since" scans only a month and year or a year after it, never the rest of the sentence.
_SCANNERS.append(
    (*_scanner(r"since\s+(?P<rest>(?:(?:early|mid|late)[\s-]+)?(?:" + _MON.format(n="mon")
               + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?(?:1[89]|2\d)\d\d)", _since), _since, True)
)

_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}

# A scanner runs only over the texts that show the features its form cannot do without; each
# test is a substring or a cheap regex search on the lower-cased text.
_MONTH_RX = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_WEEKDAY_RX = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")


def _has(*words: str) -> Callable[[str], object]:
    if len(words) == 1:
        (w,) = words
        return lambda low: w in low
    if len(words) == 2:
        a, b = words
        return lambda low: a in low or b in low
    if len(words) == 3:
        a, b, c = words
        return lambda low: a in low or b in low or c in low
    return lambda low: any(w in low for w in words)


def _rx(pattern: str) -> Callable[[str], object]:
    return re.compile(pattern).search


_FEATURES: dict[str, Callable[[str], object]] = {
    "digit": _rx(r"\d"),
    "year": _rx(r"\d\d\d\d"),
    "iso": _rx(r"(?<=\d\d\d\d)-\d\d"),  # \d\d\d\d-\d\d, looked for from its rare dash
    "month": _MONTH_RX.search,
    "weekday": lambda low: "day" in low and _WEEKDAY_RX.search(low),
    "half": _has("half", "h1", "h2"),
    "quarter": _has("quarter", "q1", "q2", "q3", "q4"),
    "season": _has("early", "mid", "late"),
    "range": _has("between", "from"),
    "since": _has("since"),
    "this year": _rx(r"this\s+year"),
    "last year": _rx(r"last\s+year"),
    "this month": _rx(r"this\s+month"),
    "last month": _rx(r"last\s+month"),
    "this week": _rx(r"this\s+week"),
    "last week": _rx(r"last\s+week"),
    "last": _has("last"),
    "in": _has("in"),
    "yesterday": _has("yesterday"),
    "today": _has("today"),
}
# What each form's text must show; every form's regex requires each of these.
_NEEDS: dict[Handler, tuple[str, ...]] = {
    _iso_day: ("iso",),
    _iso_month: ("iso",),
    _mdy: ("month", "year"),
    _dmy: ("month", "year"),
    _half: ("half", "year"),
    _quarter: ("quarter", "year"),
    _season: ("season", "year"),
    _month_range: ("range", "month", "year"),
    _day_range: ("range", "iso"),
    _month_year: ("month", "year"),
    _year: ("year",),
    _month_range_this_year: ("range", "month", "this year"),
    _this_year: ("this year",),
    _last_year: ("last year",),
    _this_month: ("this month",),
    _last_month: ("last month",),
    _this_week: ("this week",),
    _last_week: ("last week",),
    _last_named_month: ("last", "month"),
    _month_last_year: ("month", "last year"),
    _month_this_year: ("month", "this year"),
    _month_day: ("month", "digit"),
    _day_month: ("month", "digit"),
    _bare_month: ("in", "month"),
    _weekday: ("weekday",),
    _yesterday: ("yesterday",),
    _today: ("today",),
    _since: ("since", "year"),
}
_SCANNERS_NEEDING = [(rx, core, fn, rel, _NEEDS[fn]) for rx, core, fn, rel in _SCANNERS]
_CORES: dict[Handler, tuple[str, tuple[str, ...]]] = {fn: (core, needs) for _, core, fn, _, needs in _SCANNERS_NEEDING}
# Forms whose core holds another form's core: "19 June 2025" holds "19 June", and "June 19, 2025"
# holds "June 19". Cores that start with a digit are slow to look for (every digit is a place to
# try), so the longer core is looked for only in the texts that hold the shorter one.
_WITHIN: dict[Handler, Handler] = {_dmy: _day_month, _mdy: _month_day}
