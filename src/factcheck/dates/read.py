"""Reading periods: a whole `when` value (`parse_period`) and every period in running text
(`find_periods`), both through the one table of forms in grammar.py."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from factcheck.dates import grammar
from factcheck.dates.days import DEFAULT, Conventions, Days
from factcheck.dates.period import (
    UNBOUNDED_END,
    UNBOUNDED_START,
    Period,
    PeriodError,
)

# Words that mark a sentence as speaking of the future: a plan, not a report. ("may" only as a
# modal verb: the month is not a plan.) "The vote is on February 12": a present-tense "is on"
# before a day or a month is a date set ahead; "was on" is a report. "Effective September 1" and
# "takes office Jan. 6" set a day ahead too; "took effect" and "took office" are reports.
_DAY_OR_MONTH = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|"
                 r"may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
# A schedule is a plan: "set the election for June 9", "slated for May", and the present tense of
# a scheduled event before its date ("early voting opens in late May", "the window closes June
# 1", "the fair runs through June 12", "the count takes place on Friday"). The past tense
# ("opened in late May", "took place on Friday") is a report. So is a present passive of a
# scheduled act before its date ("ballots are mailed in late September", "the report is published
# on Friday", "the mayor is sworn in on January 6"); "were mailed" is a report, and a passive of a
# state ("is charged in the March 3 shooting", "is based in") is neither.
_SCHEDULED_ACTS = (r"(?:held|mailed|sent|posted|published|released|issued|announced|unveiled|presented|delivered|"
                   r"distributed|paid|counted|tallied|certified|declared|sworn|inaugurated|launched|signed|"
                   r"submitted|awarded|broadcast|aired|decided|heard|debated|voted)(?:\s+(?:in|out|on|up|off))?")
_WHEN_AHEAD = (r"(?=\s+(?:(?:in|on|from|through|until|till|at|by)\s+)?(?:the\s+)?"
               r"(?:(?:early|mid|late|end|start|beginning|middle)(?:\s+of)?[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
               + _DAY_OR_MONTH + r")")
# Only the third-person singular of "open", "start", "close", "end": "a slow start in March" and
# "at the close on Friday" are nouns, not plans. "Set a record for May" schedules nothing.
_SCHEDULE = (r"(?:set|scheduled|slated|planned|booked)\s+(?!(?:an?\s+|the\s+|new\s+|all-time\s+)*records?\b)"
             r"(?:[\w'’-]+\s+){0,5}?for" + _WHEN_AHEAD + r"|"
             r"(?:opens|begins|begin|starts|closes|ends|runs|takes\s+place|take\s+place|(?:is|are)\s+" + _SCHEDULED_ACTS + r")"
             + _WHEN_AHEAD + r"|")
_FUTURE = re.compile(
    r"\b(?:" + _SCHEDULE + r"(?:is|are)\s+on(?=\s+" + _DAY_OR_MONTH + r")|will|won['’]t|shall|(?:is|are|was|were)\s+(?:due|expected|scheduled|set|slated|planned|poised|going|"
    r"to\s+be|to)\b|due\s+(?:in|on|by|to)|plans?\s+to|planned|planning|aims?\s+to|aiming\s+to|intends?\s+to|"
    r"targeted\s+for|targets?|scheduled|expected\s+to|upcoming|ahead\s+of|later\s+this|next\s+(?:week|month|year|"
    r"quarter)|to\s+be\s+held|would|could|might|may\s+(?:be|have|not|also|well|still)|set\s+to|considering|"
    r"prepar(?:es?|ing|ations?)|possible|potential|expects?|plans?|deadline|projected|forecasts?|"
    r"budget(?:s|ed)?\s+for|estimated\s+(?:\w+\s+)?date|takes?\s+(?:office|effect)|"
    r"effective\s+(?:(?:on|from)\s+)?(?=" + _DAY_OR_MONTH + r"))\b",
    re.IGNORECASE,
)
# "Officials said on Tuesday" dates the saying; "results are announced on Tuesday" is a plan.
_SAID = re.compile(r"(?<!\bis\s)(?<!\bare\s)\b(?:said|says|told(?:\s+\w+){0,2}|announced|added|stated|wrote|reported|confirmed)\s+"
                   r"(?:on\s+)?\Z", re.IGNORECASE)
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")
# Where one clause of a sentence ends and another begins: "Damage could top $1bn, and the team
# lost on Sunday" speaks of the future only in its first clause.
_CLAUSE_END = re.compile(r"[.!?]\s|\n\s*\n|[,;]\s+(?:and|but|while|whereas|although|though)\s|;\s")


# The same words matched on lower-cased text: a case-insensitive pattern cannot skip a branch on
# its first letter, and this one is searched through every quote (twice as fast this way). Letters
# outside ASCII that a case-insensitive pattern takes for ASCII ones (dotted and dotless i, long s,
# the Kelvin sign; test_readers_fast finds them all) keep the text on the case-insensitive pattern.
_FUTURE_LOWER = re.compile(_FUTURE.pattern)
_FOLD_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def speaks_of_future(text: str) -> bool:
    """Whether a sentence speaks of the future ("will", "is due", "plans to", "by ... in a plan")."""
    if text.isascii() or _FOLD_TO_ASCII.isdisjoint(text):
        return _FUTURE_LOWER.search(text.lower()) is not None
    return _FUTURE.search(text) is not None


# Where the clause that holds a date starts, inside a sentence: after a comma, semicolon, colon,
# dash or bracket, or at a relative or subordinate opener ("the deal that passed on Monday",
# "after the board voted on Monday").
_OWN_CLAUSE = re.compile(r"[,;:(]\s|\s[—–-]{1,2}\s|\b(?=(?:that|which|who|whom|whose|when|where|after|before|"
                         r"because|as|while|although|though|once|since)\b)", re.IGNORECASE)
# A reduced relative clause starts where a subject follows a noun directly: "a settlement | a
# federal judge ... approved on Monday". It counts only with a past verb after it (see _PAST):
# the subject is a determiner or a pronoun, the word before it no preposition, conjunction or
# auxiliary ("approved the settlement on Monday" starts no clause at "the").
_SUBJECT_AFTER_WORD = re.compile(r"\b([a-z][a-z'’-]+)\s+(?=(?:a|an|the|its|his|her|their|our|this|these|those|"
                                 r"he|she|they|we|i|it)\s)")
_NOT_A_NOUN = frozenset(
    "in on at of for with by from to under over into onto about against between through during without within "
    "across behind beyond near toward towards upon after before since until and or but nor so yet than that which "
    "who when if because as while is are was were be been being am has have had do does did will would shall "
    "should can could may might must not also said says told".split())
# A past-tense finite verb: an "-ed" form (not "-eed", not after a determiner, which makes it an
# adjective, nor after "be", "is", "have", "to" or a modal, which make it a participle or an
# infinitive's), or a common irregular past. Capitalised words are names ("Ahmed", "United").
_PAST = re.compile(
    r"(?<![\w'’-])(?:(?P<ed>[a-z]{3,}(?<!e)ed)|was|were|had|did|said|took|made|went|came|gave|got|lost|fell|rose|met|"
    r"held|told|paid|sold|bought|left|began|ran|found|kept|brought|thought|struck|led|grew|drew|threw|broke|spoke|"
    r"wrote|chose|flew|knew|fought|sent|spent|built|felt|stood|became|drove|sank|swore|sought|taught|caught|heard|"
    r"meant|fled|stole|froze|rang|shook|upheld|withdrew|oversaw|overtook|understood)(?![\w'’-])")
_NOT_PAST_AFTER = frozenset(
    "a an the this these those its his her their our my your no any each every some be been being is are am "
    "'s ’s have having to will would shall should can could may might must get gets getting".split())
_NOT_A_VERB = frozenset("hundred sacred naked wicked kindred beloved rugged ragged crooked dogged shred embed "
                        "seabed hotbed sickbed flatbed deathbed riverbed testbed infrared".split())


def _own_clause(text: str, start: int, pos: int) -> int:
    """Where the clause holding text[pos] starts: after the nearest clause boundary before it
    in text[start:pos]."""
    own = start
    for m in _OWN_CLAUSE.finditer(text, start, pos):
        own = m.end()
    for m in _SUBJECT_AFTER_WORD.finditer(text, own, pos):
        if m.group(1).lower() not in _NOT_A_NOUN and _has_past_verb(text[m.end():pos]):
            own = m.end()  # "a settlement | a judge approved": a subject and its past verb follow a noun
    return own


def _has_past_verb(clause: str) -> bool:
    """Whether a clause holds a past-tense finite verb ("approved", "was", "took")."""
    for m in _PAST.finditer(clause):
        word = m.group(0)
        if m.group("ed") is not None and word in _NOT_A_VERB:
            continue
        before = clause[:m.start()].split()
        if before and before[-1].endswith("ly") and len(before) > 1:
            before.pop()  # "preliminarily approved": look past one adverb
        if before and before[-1].lower() in _NOT_PAST_AFTER:
            continue  # "a revised plan", "are held", "will be approved": no past-tense verb
        return True
    return False


def _sentence_future(text: str, pos: int) -> bool:
    """Whether the clause around text[pos] speaks of the future (for running text, where the
    caller does not know it for the whole text). A past-tense verb in the date's own clause,
    before the date, makes it a report even when an earlier clause of the sentence says "will"
    ("Corvane will pay under a settlement a judge approved on Monday"); a plan word in that
    clause keeps it a plan ("will be approved on Monday")."""
    if _SAID.search(text, max(0, pos - 40), pos):
        return False  # "officials said on Tuesday": when it was said, not what is planned
    lo = max(0, pos - 400)  # a sentence is shorter than this; never rescan a long draft from its start
    starts = [x.end() for x in _CLAUSE_END.finditer(text, lo, pos)]
    start = starts[-1] if starts else lo
    end_m = _CLAUSE_END.search(text, pos)
    end = end_m.start() if end_m else len(text)
    own_start = _own_clause(text, start, pos)
    own_end = _OWN_CLAUSE.search(text, pos, end)
    if speaks_of_future(text[own_start: own_end.start() if own_end else end]):
        return True  # the whole of its own clause: "opens in late May" looks at the date after it
    if _has_past_verb(text[own_start:pos]):
        return False
    return speaks_of_future(text[start:end])


def _later(text: str, pos: int) -> Callable[[], bool]:
    """Whether the clause around text[pos] speaks of the future, found when asked."""
    return lambda: _sentence_future(text, pos)


def _resolve(m: re.Match[str], table: dict[int, grammar.FormGroups], anchor: date | None, conv: Conventions,
             future: bool | None, text: str, base: int = 0) -> tuple[Days, bool, grammar.G, bool]:
    """The days a match of a form means: its groups read at once, handed to the form's handler.
    With `future` unknown, whether the sentence speaks of the future is found only if the form
    asks (a date without a year), in `text`, where the match starts at `m.start() - base`."""
    fg = table[m.lastindex or 0]
    g = grammar.G(m, fg)
    ctx = grammar.Ctx(anchor, conv, (lambda: _sentence_future(text, m.start() - base)) if future is None else future, g)
    days = fg.form.handler(g, ctx)
    return days, ctx.used, g, ctx.yearless


def _open(kind: str, days: Days, anchor: date | None, what: str) -> tuple[date, date, bool, bool, bool]:
    """(start, end, open start, open end, used the anchor) of an open-ended phrase around `days`."""
    s, e = days
    if kind == "since":
        if anchor is None:
            return s, UNBOUNDED_END, False, True, False
        if s > anchor:
            raise PeriodError(f"'{what}' starts after its source's date {anchor.isoformat()}")
        return s, anchor, False, False, True
    if kind == "by":
        return UNBOUNDED_START, e, True, False, False
    if kind == "before":
        return UNBOUNDED_START, s - timedelta(days=1), True, False, False
    if kind == "after":
        return e + timedelta(days=1), UNBOUNDED_END, False, True, False
    if kind == "from":
        return s, UNBOUNDED_END, False, True, False
    return s, e, False, False, False  # "as of"


def _open_future(kind: str | None, future: bool | None) -> bool | None:
    """Which way a date without a year goes after an open-ended word. What has held "since" a
    day, or began "after" it, is past. A deadline ("by March 31", "until June") follows what the
    caller knows of the sentence; in running text, where nothing is known (`None`: a draft, a
    text to extract from), it is the next one, which also takes in every earlier day."""
    if kind in ("since", "after", "from"):
        return False
    if kind in ("by", "before") and future is None:
        return True
    return future


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split()).strip(" .,;:")


def parse_period(text: str | date, anchor: date | None = None, *, future: bool = False,
                 conventions: Conventions = DEFAULT) -> Period:
    """Resolve a `when` to a Period; relative forms are resolved against `anchor`. `future` says
    the claim speaks of the future (a date without a year is then the next one)."""
    if isinstance(text, date):
        return Period(text.isoformat(), text, text)
    if not isinstance(text, str):
        raise PeriodError(f"expected a period such as \"late 2023\", found {type(text).__name__}")
    return _parse(text, anchor, future, conventions)


@lru_cache(maxsize=8192)
def _parse(text: str, anchor: date | None, future: bool, conv: Conventions) -> Period:
    clean = _clean(text)
    if not clean:
        raise PeriodError("the period is empty")
    if clean == "any time":
        return Period(text, UNBOUNDED_START, UNBOUNDED_END, span=(0, len(text)), open_start=True, open_end=True)
    pattern, table = grammar.field_forms()
    m = pattern.fullmatch(clean)
    if m is None:
        raise PeriodError(f"'{clean}' is not a period factcheck can read{suggest(clean)}")
    open_word = m.group("open")
    kind = grammar.open_kind(open_word) if open_word else None
    days, used, g, ctx_yearless = _resolve(m, table, anchor, conv, bool(_open_future(kind, future)), clean)
    if days[1] < days[0]:
        raise PeriodError(f"'{clean}' runs backwards")
    s, e = days
    o_start = o_end = False
    if kind is not None:
        s, e, o_start, o_end, used_open = _open(kind, days, anchor, clean)
        used = used or used_open
    return Period(text, s, e, relative=used, weekday=g.weekday(), weekday_only=g.weekday_only(), span=(0, len(text)),
                  open_start=o_start, open_end=o_end, yearless=ctx_yearless)


def find_periods(text: str, anchor: date | None = None, conventions: Conventions = DEFAULT,
                 future: bool | None = None) -> list[Period]:
    """Every period in running text, left to right, none overlapping, with its span.

    One pass of one pattern over the text. Relative forms are skipped when there is no anchor;
    a bare month, weekday or holiday counts only after a word like "in", "on" or "since", so
    "May" the verb or "Sunday" a newspaper is not read as a date. A date without a year in a
    sentence that speaks of the future is the next such date (`future` decides it for the whole
    text instead: a claim's quote is one statement).
    """
    return _find([text], [anchor], conventions, [future])[0]


def find_periods_many(texts: list[str], anchors: list[date | None], conventions: Conventions = DEFAULT,
                      futures: list[bool | None] | None = None) -> list[list[Period]]:
    """find_periods for many texts, all read in one pass of the pattern; a text recurring under
    the same anchor is read once."""
    futures = futures if futures is not None else [None] * len(texts)
    keys = list(zip(texts, anchors, futures, strict=True))
    place: dict[tuple[str, date | None, bool | None], int] = {}
    for k in keys:
        place.setdefault(k, len(place))
    found = _find([k[0] for k in place], [k[1] for k in place], conventions, [k[2] for k in place])
    return [list(found[place[k]]) for k in keys]


def in_year(text: str, period: Period, year: int, conventions: Conventions = DEFAULT) -> Period | None:
    """A period found in `text` that states no year (`yearless`: "June 9", "in late May"), read
    again in `year`: the same month and day, the year the only thing changed. None when the
    phrase means no day in that year (February 29) or `period` is not a yearless one of `text`."""
    if not period.yearless or not 1 <= year < 9999:
        return None
    for p in find_periods(text, date(year, 12, 31), conventions, future=False):
        if p.span == period.span:
            return p if p.yearless and p.start.year == year else None
    return None


# What parts texts read in one pass: no form reads across it, and to every look-around before or
# after a form it is what the start or end of a text is (not a letter, digit, space or sign).
_SEPARATOR = "\x00"


def _lower(text: str) -> str:
    """The text with ASCII letters in lower case and every offset that of the text. str.lower is
    far faster than a translate, and does the same for the patterns here unless the text holds a
    letter whose lower case is ASCII or two letters (_FOLD_TO_ASCII): every other letter outside
    ASCII stays outside it, one letter, a letter, and no sign the patterns name (test_dates_fast)."""
    if text.isascii() or _FOLD_TO_ASCII.isdisjoint(text):
        return text.lower()
    return text.translate(_ASCII_LOWER)


def _find(texts: list[str], anchors: list[date | None], conventions: Conventions,
          futures: list[bool | None]) -> list[list[Period]]:
    """The periods of each text, from one scan of the texts joined by _SEPARATOR."""
    lows = [_lower(t) for t in texts]
    low = _SEPARATOR.join(lows)
    out: list[list[Period]] = [[] for _ in texts]
    if not texts:
        return out
    before = grammar.open_before()
    pattern, table = grammar.scan_forms()
    j, base = 0, 0  # the text the scan is in, and where it starts
    limit = len(lows[0])
    text, anchor, future, found = texts[0], anchors[0], futures[0], out[0]
    for m in pattern.finditer(low):
        start, end = m.span()
        if start > limit:
            while start > limit:
                j += 1
                base = limit + 1
                limit = base + len(lows[j])
            text, anchor, future, found = texts[j], anchors[j], futures[j], out[j]
        # An open-ended word ends the word before the match, so when that word is one no open-ended
        # word ends with, and one space parts it from the match, there is none to look for.
        if start - base > 1 and low[start - 1] == " " and not low[start - 2].isspace() and not low.endswith(
                grammar.OPEN_LAST_WORDS, base, start - 1):
            ob = None
            kind = None
            fut = future
        else:
            ob = before.search(low, max(base, start - 24), start)
            kind = grammar.open_kind(ob.group("open")) if ob is not None else None
            fut = _open_future(kind, future)
        fg = table[m.lastindex or 0]  # what _resolve does, written out: this runs for every match
        g = grammar.G(m, fg)
        ctx = grammar.Ctx(anchor, conventions, fut if fut is not None else _later(text, start - base), g)
        try:
            s, e = fg.form.handler(g, ctx)
        except PeriodError:
            continue
        used = ctx.used
        o_start = o_end = False
        if ob is not None and kind is not None:
            try:
                s, e, o_start, o_end, used_open = _open(kind, (s, e), anchor, low[ob.start():end])
            except PeriodError:
                continue
            used = used or used_open
            start = ob.start()
        found.append(Period(text[start - base:end - base], s, e, used, g.weekday(), g.weekday_only(),
                            (start - base, end - base), o_start, o_end, ctx.yearless))
    return out


# The words a `when` may use, for suggesting the nearest readable form of one that is not.
_VOCABULARY = sorted(set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday early mid late beginning start end middle "
    "of the first second third fourth half quarter fiscal spring summer autumn fall winter christmas easter "
    "since by before after until between and from to this last next year month week ago earlier later "
    "yesterday today".split()))


def suggest(clean: str) -> str:
    """A hint for a `when` that cannot be read: the same words with misspellings put right when
    that reads, else a period found inside it, else the commonest forms."""
    words = re.findall(r"[a-z]+|\d+|[^\sa-z\d]", clean)
    fixed = []
    for w in words:
        if w.isalpha() and w not in _VOCABULARY and len(w) > 2:
            close = difflib.get_close_matches(w, _VOCABULARY, n=1, cutoff=0.75)
            fixed.append(close[0] if close else w)
        else:
            fixed.append(w)
    candidate = " ".join(fixed).replace(" ,", ",").replace(" - ", "-")
    if candidate != clean and grammar.field_pattern().fullmatch(candidate):
        return f" (did you mean \"{candidate}\"?)"
    inside = [p for p in find_periods(clean) if p.text.strip() != clean]
    if inside:
        return f" (the nearest form it reads is \"{inside[0].text.strip()}\")"
    return " (try \"2024-10\", \"late 2023\", \"by June 2024\" or \"June 19, 2024\")"
