"""The figure grammar: `[hedge] [sign] [currency] number [scale] [unit] [postfix hedge]`, or a range.

`parse_amount` reads one amount (the whole text; trailing words are its unit); `find_amounts` scans
free text for every figure in it, with character spans, in one pass over one token list. Each gives
an :class:`Amount` whose `rounding` is the interval the stated number means as writers round
(SPEC section 3) and whose `interval` is that bent by the hedge. Nothing here knows about claims,
rules or files.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from factcheck.figures.numbers import DecimalCommaError, Number, number_at
from factcheck.figures.tokens import Token, tokenize
from factcheck.figures.units import PERCENT, POINTS, Unit, currency_code, is_symbolic, kind_of
from factcheck.intervals import INF, NEG_INF, Interval, fmt_number
from factcheck.lexicon import (
    BASIS_POINT_WORDS,
    CHANGE_VERBS,
    CHANGED_THING_OPENERS,
    CLOCK_WORDS,
    CONNECTIVES,
    CURRENCY_CODES,
    CURRENCY_HUNDREDTHS,
    CURRENCY_NAMES,
    CURRENCY_PREFIX_WORDS,
    DOZEN,
    DURATION_LEADS,
    FRACTIONS,
    HEDGES,
    HUNDRED,
    LABELS,
    NEGATIONS,
    ONES,
    PART_NAMERS,
    PARTICIPLE_ENDINGS,
    PERCENT_WORDS,
    PERIOD_OF,
    POINT_WORDS,
    POSTFIX_AS_PREFIX,
    POSTFIX_HEDGES,
    SCALE_NAMES,
    SCALE_WORDS,
    SCORE_NOUNS,
    SCORE_VERBS,
    SIGN_FOR_CODE,
    SIGN_WORDS,
    SPAN_OPENERS,
    STOP_WORDS,
    TENS,
    TIME_RELATIVES,
    TIME_UNITS,
    VAGUE,
    VERBS,
    YEAR_KEEPERS,
    Hedge,
    plural_noun,
)

DEFAULT_TOLERANCE = Decimal("0.10")
_ONE = Decimal(1)
_HALF = Decimal("0.5")
_HUNDRED = Decimal(100)


class AmountError(ValueError):
    """The text is not an amount factcheck can read; the message says why and what would read."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How a story writes its figures: `[settings] tolerance(s)`, `dollar`, `decimal_comma`."""

    tolerances: tuple[tuple[str, Decimal], ...] = ()
    default_tolerance: Decimal = DEFAULT_TOLERANCE
    dollar: str = "USD"
    decimal_comma: bool = False

    def tolerance(self, hedge_words: str) -> Decimal:
        for k, v in self.tolerances:
            if k == hedge_words:
                return Decimal(v)
        return self.default_tolerance


def options(tolerances: Mapping[str, Decimal] | None = None, default_tolerance: Decimal = DEFAULT_TOLERANCE,
            dollar: str = "USD", decimal_comma: bool = False) -> ReadOptions:
    return ReadOptions(tuple(sorted((tolerances or {}).items())), default_tolerance, dollar.upper(), decimal_comma)


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure as stated: its hedge, value, intervals, unit and where it stands in the text."""

    text: str
    hedge: Hedge
    hedge_words: str  # as canonically spelt, "" for none
    value: Decimal  # the stated figure (the low end of a range)
    interval: Interval  # what the figure means, hedge included
    unit: str | None = None  # a currency code, "%", "pp", or the noun the figure counts
    high_value: Decimal | None = None  # the high end of a range
    scale_word: str = ""  # "million" when the figure was spelt with a scale
    mantissa: str = ""  # "1.2" in "1.2 billion"
    vague_words: str = ""
    span: tuple[int, int] = (0, 0)
    tolerance: Decimal = field(default=DEFAULT_TOLERANCE, compare=False)
    rounding: Interval | None = None  # the stated number as writers round it, hedge aside
    negated: bool = False  # the text denies it: "not 120 as first reported"
    spelt: str = ""  # a share in words as it reads back ("two-thirds"): its canonical spelling

    def __post_init__(self) -> None:
        if self.unit is not None and type(self.unit) is not Unit:
            object.__setattr__(self, "unit", Unit(self.unit))  # a str that knows its kind

    @property
    def stated(self) -> Interval:
        """The rounding interval (the hedge set aside); the interval itself where none was kept."""
        return self.rounding if self.rounding is not None else self.interval

    @property
    def canonical(self) -> str:
        """A spelling that parses back to the same interval (given the same tolerances)."""
        if self.hedge is Hedge.VAGUE:
            core = self.vague_words
        elif self.hedge is Hedge.RANGE:
            assert self.high_value is not None
            core = f"between {fmt_number(self.value)} and {fmt_number(self.high_value)}"
        elif self.spelt:
            core = self.spelt
        else:
            core = f"{self.mantissa} {self.scale_word}" if self.scale_word else fmt_number(self.value)
        kind = kind_of(self.unit)
        if kind is not None and kind.symbolic and self.unit not in (PERCENT, POINTS):
            assert self.unit is not None
            prefix = SIGN_FOR_CODE.get(self.unit, f"{self.unit} ")
            core = f"{prefix}{core}" if self.hedge is not Hedge.RANGE else core.replace(
                "between ", f"between {prefix}", 1)
        if self.hedge_words and self.hedge not in (Hedge.RANGE, Hedge.VAGUE):
            core = f"{self.hedge_words} {core}"
        if self.unit == PERCENT and not self.spelt:
            core = f"{core}%"
        elif self.unit == POINTS:
            core = f"{core} percentage point{'' if self.value == 1 else 's'}"
        return core

    def describe(self) -> str:
        """'approximately 14,000 (12,600-15,400)'; 'exactly 10,900' reads as '10,900'."""
        written = self.canonical
        span = self.interval.describe()
        return written if span == fmt_number(self.value) and self.hedge is Hedge.EXACT else f"{written} ({span})"


# -- building an amount --------------------------------------------------------------------------


def _rounding(num: Number, unit: str | None) -> Interval:
    """Exact for an integer with every digit stated (unless a percentage); else half a unit of the last digit."""
    if num.exact and unit not in (PERCENT, POINTS):
        return Interval(num.value, num.value)
    half = num.step / 2
    return Interval(num.value - half, num.value + half)


def _hedged(hedge: Hedge, v: Decimal, r: Interval, t: Decimal) -> Interval:
    """SPEC's hedge table. Hedges never narrow below r; directional ones bound at v itself."""
    if hedge is Hedge.EXACT:
        return r
    a, b = v * (_ONE - t), v * (_ONE + t)
    lo, hi = min(a, b, r.lo), max(a, b, r.hi)
    if hedge is Hedge.APPROX:
        return Interval(lo, hi)
    if hedge is Hedge.NEARLY:
        return Interval(min(lo, v), v)
    if hedge is Hedge.OVER:
        return Interval(v, INF, True, True)
    if hedge is Hedge.AT_LEAST:
        return Interval(v, INF, False, True)
    floor = Decimal(0) if v > 0 else NEG_INF  # "up to 9 million" counts from none at all
    if hedge is Hedge.UP_TO:
        return Interval(floor, v)
    if hedge is Hedge.UNDER:
        return Interval(floor, v, False, True)
    raise AssertionError(hedge)  # pragma: no cover - ranges and vague counts are built elsewhere


@dataclass
class _Reading:
    """What the grammar has read at a position so far."""

    start: int  # token index where the amount starts
    hedge: Hedge = Hedge.EXACT
    hedge_words: str = ""
    negative: bool = False
    currency: str | None = None
    build: bool = True  # False: only where the amount ends is wanted (see _UNBUILT)


# What _read_at gives, with `build` False, for an amount it read: a figure the caller drops.
_UNBUILT = Amount("", Hedge.EXACT, "", Decimal(0), Interval(Decimal(0), Decimal(0)))

# -- the grammar ---------------------------------------------------------------------------------

class _Phrases:
    """Phrases of one class, looked up by their first word, longest first."""

    def __init__(self, phrases: list[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(phrases, key=len, reverse=True):
            self.by_first.setdefault(p[0], []).append(p)


def _split(words: Iterable[str]) -> list[tuple[str, ...]]:
    return [tuple(k.split()) for k in words]


_HEDGE_PHRASES = _split(HEDGES)
_POSTFIX = _Phrases(_split(POSTFIX_HEDGES))
_VAGUE_KEYS = _Phrases(list(VAGUE))
_VAGUE_FIRST = {k[0] for k in VAGUE}
_CURRENCY_NAME_PHRASES = _Phrases(_split(CURRENCY_NAMES))
_PERCENT_PHRASES = _Phrases(_split(PERCENT_WORDS - {"%", "percentage"}))
_POINT_PHRASES = _Phrases(_split(POINT_WORDS))
_BP_PHRASES = _Phrases(_split(BASIS_POINT_WORDS))
_HEDGE_TABLE = _Phrases(_HEDGE_PHRASES)
# The first words of every unit a figure names after itself (see _unit_after): any other word names none.
_UNIT_FIRST = frozenset(_BP_PHRASES.by_first) | frozenset(_POINT_PHRASES.by_first) | frozenset(
    _PERCENT_PHRASES.by_first) | CURRENCY_CODES | frozenset(_CURRENCY_NAME_PHRASES.by_first) | frozenset(CURRENCY_HUNDREDTHS)
# Words that can begin an amount.
STARTERS = frozenset({p[0] for p in _HEDGE_PHRASES} | {"between", "from", "a", "an", "half"} | _VAGUE_FIRST
                     | set(ONES) | set(TENS) | CURRENCY_CODES | set(CURRENCY_PREFIX_WORDS) | SIGN_WORDS)
_NUMBER_KINDS = frozenset({"num", "dcomma"})
# Words that start an amount only as the first word of a hedge ("in excess of", "at least"): with
# no hedge read there, nothing else in the grammar starts at them ("in", "at", "to").
_HEDGE_ONLY = STARTERS - ({"between", "from", "a", "an", "half"} | _VAGUE_FIRST | set(ONES) | set(TENS)
                          | CURRENCY_CODES | set(CURRENCY_PREFIX_WORDS) | SIGN_WORDS)
# What may follow "a" or "an" in a figure: "a hundred", "a dozen", "a million", "a third of", "an estimated".
_AFTER_A = (frozenset(HUNDRED) | frozenset(DOZEN) | frozenset(SCALE_WORDS) | frozenset(FRACTIONS) | {"couple"}
            | {p[1] for p in _split(HEDGES) if p[0] in ("a", "an") and len(p) > 1})
_START_KINDS = frozenset({"word", "num", "dcomma", "cur", "dash"})
# Vague counts that multiply a scale after them: "several hundred", "a couple of thousand".
_VAGUE_TIMES_SCALE = frozenset({"several", "of"})
# The words of a number in words, and what joins them: "two hundred and seventy thousand".
_NUMBER_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(HUNDRED) | frozenset(SCALE_WORDS) | {"and", "a"}


def _match(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> int:
    """The index after `phrase` read at token i (a hyphen may join its words: "basis-point"), or -1."""
    j = i
    n = len(tokens)
    for k, w in enumerate(phrase):
        if k and j + 1 < n and tokens[j].kind == "dash" and tokens[j].start == tokens[j - 1].end \
                and tokens[j + 1].start == tokens[j].end:
            j += 1
        if j >= n or tokens[j].kind != "word" or tokens[j].text != w:
            return -1
        j += 1
    return j


def _phrase_at(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    return _match(tokens, i, phrase) >= 0


def _longest(tokens: list[Token], i: int, table: _Phrases) -> tuple[tuple[str, ...], int] | None:
    """The longest phrase of `table` at token i, with the index after it."""
    if i >= len(tokens) or tokens[i].kind != "word":
        return None
    for p in table.by_first.get(tokens[i].text, ()):
        end = _match(tokens, i, p)
        if end >= 0:
            return p, end
    return None


def _word(tokens: list[Token], i: int) -> str:
    return tokens[i].text if i < len(tokens) and tokens[i].kind == "word" else ""


def _currency_before(tokens: list[Token], i: int, opts: ReadOptions) -> tuple[str | None, int]:
    """A currency written before the figure: '$', 'HK$', 'Rs', 'USD'."""
    if i >= len(tokens):
        return None, i
    t = tokens[i]
    nxt_is_number = i + 1 < len(tokens) and tokens[i + 1].kind in _NUMBER_KINDS
    if t.kind == "cur":
        return currency_code(t.text, opts.dollar), i + 1
    if t.kind == "word" and (t.text in CURRENCY_CODES or t.text in CURRENCY_PREFIX_WORDS):
        if nxt_is_number:
            return currency_code(t.text, opts.dollar), i + 1
        if i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 2].kind in _NUMBER_KINDS:
            return currency_code(t.text, opts.dollar), i + 2  # "Rs. 500"
    return None, i


def _unit_after(tokens: list[Token], j: int, opts: ReadOptions) -> tuple[str | None, int, Decimal]:
    """A unit the figure names itself: %, percent, points, basis points (x 0.01), a currency."""
    if j >= len(tokens):
        return None, j, _ONE
    t = tokens[j]
    if t.kind == "pct":
        return PERCENT, j + 1, _ONE
    if t.kind != "word" or t.text not in _UNIT_FIRST:
        return None, j, _ONE
    for phrases, unit, factor in ((_BP_PHRASES, POINTS, Decimal("0.01")), (_POINT_PHRASES, POINTS, _ONE),
                                  (_PERCENT_PHRASES, PERCENT, _ONE)):
        got = _longest(tokens, j, phrases)
        if got is not None:
            return unit, got[1], factor
    if t.text in CURRENCY_CODES:
        return t.text.upper(), j + 1, _ONE
    got = _longest(tokens, j, _CURRENCY_NAME_PHRASES)
    if got is not None:
        return currency_code(" ".join(got[0]), opts.dollar), got[1], _ONE
    if t.text in CURRENCY_HUNDREDTHS:  # "25 cents": $0.25
        return currency_code(CURRENCY_HUNDREDTHS[t.text], opts.dollar), j + 1, Decimal("0.01")
    return None, j, _ONE


def _number(tokens: list[Token], i: int, opts: ReadOptions,
            stop: int | None = None) -> tuple[Number, str | None, int] | None:
    """[currency] number, with the index after it."""
    currency, k = _currency_before(tokens, i, opts)
    num = number_at(tokens, k, opts.decimal_comma, stop)
    if num is None:
        return None
    return num, currency, k


def _read_at(tokens: list[Token], i: int, text: str, opts: ReadOptions,
             build: bool = True) -> tuple[Amount, int] | None:
    """An amount starting at token i, or None. Raises DecimalCommaError. With `build` False the
    grammar reads exactly as it would, but the amount found is `_UNBUILT`: the caller only wants
    where it ends (a figure inside a date, which is dropped)."""
    n = len(tokens)
    t0 = tokens[i]
    if t0.kind == "word" and t0.text not in STARTERS:
        return None
    if t0.kind not in _START_KINDS:
        return None
    r = _Reading(i, build=build)
    j = i
    got_hedge = _longest(tokens, j, _HEDGE_TABLE)
    if got_hedge is None and t0.text in _HEDGE_ONLY and t0.kind == "word":
        return None
    phrase = got_hedge[0] if got_hedge is not None else None
    if got_hedge is not None:
        r.hedge_words = " ".join(got_hedge[0])
        r.hedge = HEDGES[r.hedge_words]
        j = got_hedge[1]
        if j < n and tokens[j].text == ".":  # "approx.", "ca."
            j += 1
    # a sign: "-9.2", "−15", "minus 3"
    if j < n and tokens[j].kind == "dash" and j + 1 < n and tokens[j + 1].start == tokens[j].end and (
            tokens[j + 1].kind in _NUMBER_KINDS or tokens[j + 1].kind == "cur") and _sign_stands_apart(tokens, j, text):
        r.negative = True
        j += 1
    elif _word(tokens, j) in SIGN_WORDS and j + 1 < n and tokens[j + 1].kind in _NUMBER_KINDS:
        r.negative = True
        j += 1
    # ranges opened by a word: "between a and b", "from a to b"
    opener = _word(tokens, j)
    if opener == "from" and _after_change(tokens, i):
        return None  # "rose from 5% to 7%", "rose 21.8% from ... to ...": a change, not a range
    if opener in ("between", "from") and not r.negative:
        got = _range_from(tokens, j + 1, "and" if opener == "between" else "to", text, opts, r)
        if got is not None:
            return got
        if opener == "between" or phrase is None:
            return None
    # vague counts: "dozens of", "tens of thousands"
    if not r.hedge_words and not r.negative and _word(tokens, j) in _VAGUE_FIRST:
        got_vague = _longest(tokens, j, _VAGUE_KEYS)
        if got_vague is not None:
            key, end = got_vague
            lo, hi = VAGUE[key]
            words = " ".join(key)
            after = _word(tokens, end)
            size = HUNDRED.get(after) or DOZEN.get(after) or SCALE_WORDS.get(after)
            if size is not None and key[-1] in _VAGUE_TIMES_SCALE:  # "several hundred", "a couple of dozen"
                lo, hi, words = lo * size, hi * size, f"{words} {tokens[end].text}"
                end += 1
            span = (tokens[i].start, tokens[end - 1].end)
            iv = Interval(lo, hi, False, True)
            return Amount(text[span[0]:span[1]], Hedge.VAGUE, "", lo, iv, None, hi, "", "", words, span,
                          rounding=iv), end
    read = _number(tokens, j, opts)
    if read is None:
        return None
    num, currency, _ = read
    r.currency = currency
    end = num.end
    unit_after: tuple[str | None, int, Decimal] | None = None  # the unit after the figure, once asked
    # "200 to 300", "1,000 – 5,000", "10,000-12,000", "22%-30%", "45 per cent to 74 per cent"
    if r.hedge is Hedge.EXACT and not r.hedge_words and not r.negative and end < n:
        unit_after = lo_unit, k, lo_factor = _unit_after(tokens, end, opts)
        sep = tokens[k] if k < n else None
        if sep is not None and (sep.kind == "dash" or (sep.kind == "word" and sep.text == "to")) and not (
                lo_unit is not None and sep.kind == "word" and _after_change(tokens, i)):  # "rose 5% to 7%"
            got_range = _range_tail(tokens, k, num, lo_unit, lo_factor, text, opts, r)
            if got_range is not None:
                return got_range
    unit, end, factor = unit_after if unit_after is not None else _unit_after(tokens, end, opts)
    if num.share:
        unit = PERCENT
    unit = r.currency or unit
    # "500 or more"
    post = _longest(tokens, end, _POSTFIX) if r.hedge is Hedge.EXACT and not r.hedge_words else None
    if post is not None:
        r.hedge = POSTFIX_HEDGES[" ".join(post[0])]
        r.hedge_words = POSTFIX_AS_PREFIX[r.hedge]
        end = post[1]
    if not r.build:
        return _UNBUILT, end
    span = (tokens[i].start, tokens[end - 1].end)
    return _make(text[span[0]:span[1]], r, num, unit, factor, span, opts), end


_BETWEEN_VERB_AND_FIGURE = frozenset({"by", "per", "cent", "percent", "percentage", "points", "point", "basis",
                                      "pp", "bps", "some", "about", "around", "nearly", "almost"}) | frozenset(SCALE_WORDS)


def _after_change(tokens: list[Token], i: int) -> bool:
    """A verb of change just before, with only a figure between: 'rose from', 'rose 21.8% from',
    'was cut from', 'fell by 2 points to'. Not 'the rate rise in Oakhurst reached ... to ...'."""
    if _change_of_thing(tokens, i):
        return True
    for k in range(i - 1, max(i - 7, -1), -1):
        t = tokens[k]
        if t.kind == "word":
            if t.text in CHANGE_VERBS:
                return True
            if t.text not in _BETWEEN_VERB_AND_FIGURE:
                return False
        elif t.kind not in ("num", "pct", "cur", "dash"):
            return False
    return False


def _change_of_thing(tokens: list[Token], i: int) -> bool:
    """'from' (token i) after a verb of change and the thing it changed, in up to three words:
    'raised the base fare from $2.25 to $2.50', 'cut bus routes from 12 to 9' are a before and an
    after. Not 'the rise in fares from ...': a preposition or another verb stops the object."""
    if _word(tokens, i) != "from":
        return False
    def verb(k: int) -> bool:  # "raised", not "up" and not the noun in "the fall semester"
        return (_word(tokens, k) in CHANGE_VERBS and _word(tokens, k) not in ("up", "down")
                and (k == 0 or _word(tokens, k - 1) not in CHANGED_THING_OPENERS))

    words = 0
    for k in range(i - 1, max(i - 6, -1), -1):
        w = _word(tokens, k)
        if verb(k):
            return words > 0
        if w in CHANGED_THING_OPENERS and w not in CONNECTIVES:
            return k > 0 and verb(k - 1)
        if not w.isalpha() or w in STOP_WORDS or w in CONNECTIVES or w in VERBS or words == 3:
            return False
        words += 1
    return False


def _sign_stands_apart(tokens: list[Token], j: int, text: str) -> bool:
    """A minus stuck to the figure and standing apart from what precedes it: "was -0.3%", "(−15)"."""
    s = tokens[j].start
    return s == 0 or text[s - 1].isspace() or text[s - 1] in "([:"


def _make(text: str, r: _Reading, num: Number, unit: str | None, factor: Decimal, span: tuple[int, int],
          opts: ReadOptions) -> Amount:
    value = num.value * factor
    rounding = _rounding(num, unit)
    if factor != 1:  # basis points: a count of hundredths of a point
        rounding = Interval(rounding.lo * factor, rounding.hi * factor)
    if r.negative:
        value, rounding = -value, -rounding
    t = opts.tolerance(r.hedge_words)
    interval = _hedged(r.hedge, value, rounding, t)
    scale_word = SCALE_NAMES.get(num.scale, "") if num.scale != 1 else ""
    mantissa = ("-" if r.negative else "") + num.mantissa if scale_word else ""
    return Amount(text, r.hedge, r.hedge_words, value, interval, unit, None, scale_word, mantissa, "", span, t,
                  rounding, spelt=num.spelt)


def _range_from(tokens: list[Token], j: int, joiner: str, text: str, opts: ReadOptions,
                r: _Reading) -> tuple[Amount, int] | None:
    """'between a and b', 'from a to b' after the opener; each end may carry its unit."""
    low = _number(tokens, j, opts)
    if low is None:
        return None
    got = _range_rest(tokens, low, joiner, text, opts, r)
    if got is None and tokens[low[2]].kind == "word":
        # "between two hundred and three hundred", "between fourteen thousand five hundred and
        # nineteen thousand": the low end in words ends before one of the "and"s of the number words
        ands = []
        k = low[2]
        while k < len(tokens) and (tokens[k].kind == "dash" or tokens[k].text in _NUMBER_WORDS):
            if tokens[k].text == joiner:
                ands.append(k)
            k += 1
        for k in reversed(ands):
            shorter = _number(tokens, j, opts, stop=k)
            if shorter is not None and shorter[0].end == k:
                got = _range_rest(tokens, shorter, joiner, text, opts, r)
                if got is not None:
                    break
    return got


def _range_rest(tokens: list[Token], low: tuple[Number, str | None, int], joiner: str, text: str,
                opts: ReadOptions, r: _Reading) -> tuple[Amount, int] | None:
    num, cur, _ = low
    lo_unit, k, lo_factor = _unit_after(tokens, num.end, opts)  # "from 10% to 12%", "between 5tn won and"
    if _word(tokens, k) != joiner and not (joiner == "to" and k < len(tokens) and tokens[k].kind == "dash"):
        return None
    r.currency = cur
    return _range_end(tokens, k + 1, num, lo_unit, lo_factor, text, opts, r)


def _range_tail(tokens: list[Token], sep: int, low: Number, lo_unit: str | None, lo_factor: Decimal, text: str,
                opts: ReadOptions, r: _Reading) -> tuple[Amount, int] | None:
    s = tokens[sep]
    if s.kind == "word" and _word(tokens, r.start - 1) == "from" and _after_change(tokens, r.start - 1):
        return None  # "rose from C$51.6 million to C$58.2 million": a change, two figures
    if s.kind == "dash":
        spaced_left = s.start != tokens[sep - 1].end
        spaced_right = sep + 1 < len(tokens) and tokens[sep + 1].start != s.end
        if spaced_left != spaced_right and spaced_right:  # "10,000 -5,000": not a range
            return None
    return _range_end(tokens, sep + 1, low, lo_unit, lo_factor, text, opts, r)


def _range_end(tokens: list[Token], j: int, low: Number, lo_unit: str | None, lo_factor: Decimal, text: str,
               opts: ReadOptions, r: _Reading) -> tuple[Amount, int] | None:
    """The high end of a range and the range itself. A unit written on either end is the range's;
    written on both ("22%-30%", "between 580 billion euros and 880 billion euros") it must agree."""
    high = _number(tokens, j, opts)
    if high is None:
        return None
    hnum, hcur, _ = high
    lo_val, lo_step = low.value, low.step
    if low.scale == 1 and hnum.scale != 1 and low.value * hnum.scale <= hnum.value:
        # "between 10 and 12 million": the low end shares the scale (not "14,500 and 19 thousand")
        lo_val, lo_step = lo_val * hnum.scale, lo_step * hnum.scale
        low = Number(lo_val, lo_step, hnum.scale, low.mantissa, low.end)
    hi_unit, end, hi_factor = _unit_after(tokens, hnum.end, opts)
    lo_u, hi_u = r.currency or lo_unit, hcur or hi_unit
    if lo_u is not None and hi_u is not None and (lo_u != hi_u or (
            lo_unit is not None and hi_unit is not None and lo_factor != hi_factor)):
        return None  # "5% to 7 points", "$5bn to 6bn euros": two figures, not one range
    unit = lo_u or hi_u
    if lo_unit is None:
        lo_factor = hi_factor
    elif hi_unit is None:
        hi_factor = lo_factor
    if hnum.value * hi_factor < lo_val * lo_factor:
        return None
    if not r.build:
        return _UNBUILT, end
    lo_r = _rounding(low, unit)
    hi_r = _rounding(hnum, unit)
    lo, hi = lo_r.lo * lo_factor, hi_r.hi * hi_factor
    span = (tokens[r.start].start, tokens[end - 1].end)
    iv = Interval(lo, hi)
    return Amount(text[span[0]:span[1]], Hedge.RANGE, "between", lo_val * lo_factor, iv, unit, hnum.value * hi_factor,
                  "", "", "", span, rounding=iv), end


# -- parse one amount ----------------------------------------------------------------------------


# A figure of a thousand digits or more is a slip or an attack, not something a story states;
# far enough above that, its exact integer could not even be printed (Python's int-to-text limit
# is 4,300 digits), so json and html would fail on it.
MAX_EXPONENT = 1000


def parse_amount(
    text: str | int | Decimal,
    tolerances: Mapping[str, Decimal] | None = None,
    default_tolerance: Decimal = DEFAULT_TOLERANCE,
    *,
    dollar: str = "USD",
    decimal_comma: bool = False,
) -> Amount:
    """Parse one amount; trailing words are its unit. Raises AmountError."""
    amount = _parse_amount(text, tolerances, default_tolerance, dollar, decimal_comma)
    if _too_large(amount):
        v = max(abs(x) for x in (amount.value, amount.high_value) if x is not None)
        raise AmountError(f"a figure of {v.adjusted() + 1:,} digits is larger than any factcheck "
                          f"checks (under 10^{MAX_EXPONENT})")
    return amount


def _parse_amount(text: str | int | Decimal, tolerances: Mapping[str, Decimal] | None, default_tolerance: Decimal,
                  dollar: str, decimal_comma: bool) -> Amount:
    if isinstance(text, bool):
        raise AmountError("a true/false value is not an amount")
    if isinstance(text, float):
        text = Decimal(repr(text))
    if isinstance(text, (int, Decimal)):
        d = Decimal(text)
        if not d.is_finite():
            raise AmountError(f"'{text}' is not a finite number")
        s = str(text)
        iv = Interval(d, d)
        return Amount(s, Hedge.EXACT, "", d, iv, None, span=(0, len(s)), rounding=iv)
    if not isinstance(text, str):
        raise AmountError(f"expected text such as \"about 3,000\", found {type(text).__name__}")
    if not text.strip():
        raise AmountError("the amount is empty")
    return _parse_text(text, options(tolerances, default_tolerance, dollar, decimal_comma))


@lru_cache(maxsize=8192)
def _parse_text(text: str, opts: ReadOptions) -> Amount:
    """parse_amount for text (memoised: Amount is immutable and ledgers repeat their figures)."""
    tokens = tokenize(text)
    if not tokens:
        raise AmountError("the amount is empty")
    try:
        parsed = _read_at(tokens, 0, text, opts)
    except DecimalCommaError as e:
        raise AmountError(_decimal_comma_message(str(e))) from None
    if parsed is None:
        raise AmountError(_unreadable_message(text, tokens))
    amount, nxt = parsed
    rest = tokens[nxt:]
    if any(t.kind in _NUMBER_KINDS for t in rest):
        raise AmountError(f"more than one figure in '{text}'; write one figure, such as \"about 3,000\", "
                          "or a range, such as \"between 3,000 and 4,000\"")
    if rest and amount.unit is None:
        words = [t.text for t in rest if t.kind == "word"]
        if words and words[0] == "of":
            words = words[1:]
        if words:
            amount = replace(amount, unit=" ".join(words))
    return amount


def _decimal_comma_message(figure: str) -> str:
    point = figure.replace(".", "").replace(",", ".") if figure.count(",") == 1 else figure
    return (f"'{figure}' is written with a decimal comma, which factcheck will not guess at; write "
            f"{point}, or set [settings] decimal_comma = true")


def _unreadable_message(text: str, tokens: list[Token]) -> str:
    """Why nothing was read, naming the nearest form that would be."""
    kinds = {t.kind for t in tokens}
    if "time" in kinds:
        return f"'{text}' is a time of day, not a figure; write the figure, such as \"about 3,000\""
    if "phone" in kinds:
        return f"'{text}' is a phone number, not a figure"
    words = [t.text for t in tokens if t.kind == "word"]
    if any(w in FRACTIONS for w in words):
        return (f"no figure found in '{text}'; write a share as \"two-thirds of\", \"half the\" or a "
                "percentage such as \"67%\"")
    return (f"no figure found in '{text}'; write it as [hedge] number [scale] [unit], such as "
            "\"about 3,000 troops\", \"nine million\", \"$1.2bn\" or \"between 10,000 and 12,000\"")


# -- find every figure in a text -----------------------------------------------------------------


def find_amounts(
    text: str,
    tolerances: Mapping[str, Decimal] | None = None,
    default_tolerance: Decimal = DEFAULT_TOLERANCE,
    skip_spans: list[tuple[int, int]] | None = None,
    *,
    dollar: str = "USD",
    decimal_comma: bool = False,
) -> list[Amount]:
    """Every figure in free text, with its span and the noun it counts.

    Not figures: years standing alone, numbers inside `skip_spans` (dates the period reader
    found), times of day, phone numbers, labels ("page 12", "No. 5"), list markers, figures
    written with a decimal comma the story does not allow, and the duration after a figure
    ("$2bn over three years")."""
    opts = options(tolerances, default_tolerance, dollar, decimal_comma)
    return list(_find(text, opts, tuple(skip_spans or ())))


@lru_cache(maxsize=16384)
def _find(text: str, opts: ReadOptions, skip: tuple[tuple[int, int], ...]) -> tuple[Amount, ...]:
    """find_amounts, memoised: Amount is immutable, and claims often quote the same sentence."""
    tokens = tokenize(text)
    skipped = _Spans(skip)  # each test a binary search: a text may hold thousands of dates
    out: list[Amount] = []
    last_end = 0  # the token after the last figure read
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if t.kind == "word" and t.text not in STARTERS or t.kind not in _START_KINDS or (
                t.text in ("a", "an") and _word(tokens, i + 1) not in _AFTER_A):
            i += 1  # most words start nothing, and "a" starts a figure only as "a hundred", "a third of"...
            continue
        if t.kind == "num" and _score_at(tokens, i):
            i += 3  # "won 3-1", "a 1-3 defeat": a score or a ratio, not figures
            continue
        # A number inside a date ("September 2, 2023"): whatever figure it starts meets the date
        # and is dropped below, so the grammar only finds where that figure ends, building none.
        # (A date ending inside the number, "May 12 500", takes the full path.)
        build = not (t.kind == "num" and skipped.meets(t.start, t.end)
                     and _after_date(t, skipped.end_in(t.start, t.end)) is None)
        try:
            parsed = _read_at(tokens, i, text, opts, build)
        except DecimalCommaError:
            i += 1  # "1,5 million" where the story has no decimal comma: refuse to guess
            while i < n and tokens[i].kind == "word" and tokens[i].text in SCALE_WORDS:
                i += 1
            continue
        if parsed is None:
            i += 1
            continue
        amount, nxt = parsed
        if amount is _UNBUILT:
            i = nxt
            continue
        s, e = amount.span
        if t.kind == "num" and skipped.meets(s, e):
            rest = _after_date(t, skipped.end_in(t.start, t.end))
            if rest is not None:  # "on May 12 500 people": the date takes "12", the figure is 500
                tokens = [*tokens[:i], rest, *tokens[i + 1:]]  # a copy: the token list may be shared
                continue
        if (skipped.meets(s, e) or _looks_like_year(amount) and not _counts_here(tokens, i, nxt, amount)
                or _too_large(amount)
                or _not_a_figure(tokens, i, nxt, text)
                or _word(tokens, nxt) in TIME_UNITS and _time_passing(amount, _word(tokens, nxt + 1))):
            i = nxt  # "about nine hours later": time passing, not a figure to back
            continue
        if amount.unit is None:
            unit = counted_noun(tokens, nxt, text)
            if unit:
                amount = _with_unit(amount, unit)
        if out and _duration_of_previous(tokens, i, amount, last_end):
            i = nxt  # "A$1.5bn to shareholders over three years": the figure's duration
            continue
        if _negated(tokens, i):
            amount = replace(amount, negated=True)
        out.append(amount)
        last_end = nxt
        i = _past_duration(tokens, nxt, opts)
    return tuple(out)


def _with_unit(a: Amount, unit: str) -> Amount:
    """dataclasses.replace(a, unit=unit), without its field-by-field introspection."""
    return Amount(a.text, a.hedge, a.hedge_words, a.value, a.interval, unit, a.high_value, a.scale_word, a.mantissa,
                  a.vague_words, a.span, a.tolerance, a.rounding, a.negated, a.spelt)


def _too_large(a: Amount) -> bool:
    """A figure of a thousand digits or more: not read (see MAX_EXPONENT)."""
    return any(v is not None and v.is_finite() and v and v.adjusted() >= MAX_EXPONENT
               for v in (a.value, a.high_value))


class _Spans:
    """Character spans, merged and sorted, asked whether they meet a span."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(x for x in spans if x[0] < x[1]):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def end_in(self, s: int, e: int) -> int | None:
        """The end of a span that starts at or before s and ends inside (s, e), if one does."""
        k = bisect_right(self.ends, s)
        if k < len(self.starts) and self.starts[k] <= s < self.ends[k] < e:
            return self.ends[k]
        return None

    def meets(self, s: int, e: int) -> bool:
        """Some span overlaps [s, e)."""
        k = bisect_right(self.ends, s)  # the first span ending after s
        return k < len(self.starts) and self.starts[k] < e


def _year(v: Decimal | None) -> bool:
    return v is not None and v == v.to_integral_value() and 1800 <= v <= 2100


def _looks_like_year(a: Amount) -> bool:
    """'2023' standing alone, or '2014-2018': years, not figures."""
    if is_symbolic(a.unit) or a.scale_word:
        return False
    if a.hedge is Hedge.RANGE:
        return _year(a.value) and _year(a.high_value) and a.unit is None
    txt = a.text.strip().lstrip("-−")
    return a.hedge is Hedge.EXACT and len(txt) == 4 and txt.isdigit() and _year(a.value)


_GROUP_SPACES = "\u00a0\u2009\u202f "


def _after_date(t: Token, cut: int | None) -> Token | None:
    """The groups of a space-separated number left after a date that ends inside it: "12 500"
    after "May 12" is "500". None unless the date ends at a separator."""
    if cut is None or t.text[cut - t.start:cut - t.start + 1] not in tuple(_GROUP_SPACES):
        return None
    rest = t.text[cut - t.start:]
    lead = len(rest) - len(rest.lstrip(_GROUP_SPACES))
    return Token("num", rest[lead:], cut + lead, t.end, t.suffix)


def _score_at(tokens: list[Token], i: int) -> bool:
    """'3-1' glued, two small whole numbers without unit or scale: a score or a ratio when the
    second is not larger ("won 3-1", "a 2-2 draw"), a score noun follows ("a 1-3 defeat") or a
    verb of playing comes before ("lost 0-2")."""
    if i + 2 >= len(tokens):
        return False
    a, dash, b = tokens[i], tokens[i + 1], tokens[i + 2]
    if not (dash.kind == "dash" and b.kind == "num" and a.end == dash.start and dash.end == b.start):
        return False
    if a.suffix or b.suffix or not (a.text.isdigit() and b.text.isdigit() and len(a.text) <= 3 and len(b.text) <= 3):
        return False
    if i > 0 and tokens[i - 1].kind in ("cur", "dash"):
        return False
    after = tokens[i + 3] if i + 3 < len(tokens) else None
    if after is not None and (after.kind == "pct" or _word(tokens, i + 3) in SCALE_WORDS
                              or _unit_after(tokens, i + 3, ReadOptions())[0] is not None):
        return False  # "2-3%", "5-6 million": a range
    return int(b.text) <= int(a.text) or _word(tokens, i + 3) in SCORE_NOUNS or _word(tokens, i - 1) in SCORE_VERBS


def _counts_here(tokens: list[Token], i: int, nxt: int, amount: Amount) -> bool:
    """A number that looks like a year but counts the plural noun after it ("1801 teachers"),
    unless a word that dates it comes first ("in 2023 teachers", "the 2022 elections"). A range
    of years counts only with round hundreds at both ends ("between 1900 and 2000 workers"; "from
    2019 to 2021 prices rose" is a span of years), as the date reader has it."""
    if not plural_noun(_word(tokens, nxt)):
        return False
    if amount.hedge is Hedge.RANGE and (amount.value % 100 or (amount.high_value or 0) % 100):
        return False
    before = _word(tokens, i - 1)
    if before == "of":
        return _word(tokens, i - 2) not in PERIOD_OF  # "the first half of 2023 exports": a year
    return before not in YEAR_KEEPERS and not before.endswith("'s")


def _time_passing(amount: Amount, word: str) -> bool:
    """'nine hours later', 'two days after the quake': time passing in the narrative. A bounded
    duration before an event ('up to 21 days after exposure') is a figure the quote states."""
    if word not in TIME_RELATIVES:
        return False
    return word not in ("after", "before") or amount.hedge in (Hedge.EXACT, Hedge.APPROX)


def _not_a_figure(tokens: list[Token], i: int, nxt: int, text: str) -> bool:
    """A list marker, a label's number, or a time of day ("4 p.m.", "0417 GMT")."""
    t = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.text == "." and i > 1:
        prev = tokens[i - 2] if tokens[i - 2].kind == "word" and tokens[i - 2].end == prev.start else prev
    if prev is not None and (prev.kind == "word" and prev.text in LABELS or prev.text == "#"):
        return nxt == i + 1 and t.kind in _NUMBER_KINDS
    if (prev is not None and prev.kind == "dash" and i > 1 and prev.start == tokens[i - 2].end
            and prev.end == t.start):
        return True  # "F-16", "Su-27", "COVID-19", "e200-4319-823b": a name or a code, not a figure
    if prev is not None and prev.kind == "word" and prev.text in PART_NAMERS and t.text in ("half", "quarter"):
        return True  # "the first half of 2023", "the other half": a part of a period or a thing
    if _word(tokens, nxt) in TIME_UNITS and _word(tokens, i - 1) in SPAN_OPENERS:
        return True  # "over the past 10 years", "in the next three months": a span of time
    if t.kind == "num" and nxt == i + 1:
        w = _word(tokens, nxt)
        if w in CLOCK_WORDS or w in ("a", "p") and nxt + 1 < len(tokens) and tokens[nxt + 1].text == ".":
            return True
        line_start = text.rfind("\n", 0, t.start) + 1
        if text[line_start:t.start].strip() in ("", "-", "*", "+") and text[t.end:t.end + 1] in (".", ")"):
            return _list_marker(text, line_start, t.start)  # "1." or "2)" opening a Markdown list item
    return False


_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|(\d{1,9})[.)])(?=[ \t\r\n]|$)")


def _list_marker(text: str, line_start: int, at: int) -> bool:
    """CommonMark: a line-start 'N.' or 'N)' opens an ordered list item only if N is 1-9 digits and a
    space or the line's end follows, and only where a list may start: the first line of a block (after
    a blank line or a heading), within a list (an item line above it, with only its continuation
    lines between), or as a non-empty '1.' interrupting a paragraph. So a figure wrapped to a line's
    start ('the toll' / '90,000.', 'passed' / '12.') is a figure. The walk up stops at the nearest item line, so a draft is read once."""
    m = _LIST_ITEM.match(text, line_start)
    if m is None or text[line_start:at].strip():
        return _LIST_ITEM.match(text, at) is not None  # "- 1.": a list opening a bullet item
    end = line_start - 1
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].lstrip()
        if not line or line.startswith("#"):
            break  # a blank line or a heading above ends the block
        if _LIST_ITEM.match(text, start):
            return True  # an item line above, and only its continuation lines between
        end = start - 1
    eol = text.find("\n", m.end())
    return end == line_start - 1 or m.group(1) == "1" and text[m.end():eol if eol >= 0 else None].strip() != ""


_NEGATION_PHRASES = tuple((length, tuple(phrase.split())) for phrase, length in NEGATIONS.items())


def _negated(tokens: list[Token], i: int) -> bool:
    """'not 120', 'rather than 120', 'instead of 120'."""
    for length, words in _NEGATION_PHRASES:
        if i - length >= 0 and tokens[i - length].text == words[0] and _phrase_at(tokens, i - length, words):
            return True
    return False


_CLAUSE_ENDS = frozenset(".;!?")


def _duration_of_previous(tokens: list[Token], i: int, amount: Amount, last_end: int) -> bool:
    """'over three years' a few words after a figure, in the same clause, is that figure's duration."""
    if amount.unit not in TIME_UNITS or i - last_end > 6:
        return False
    lead = tokens[i].text if amount.hedge_words else _word(tokens, i - 1)
    if lead not in DURATION_LEADS:
        return False
    return not any(tokens[k].text in _CLAUSE_ENDS for k in range(last_end, i))


def _past_duration(tokens: list[Token], j: int, opts: ReadOptions) -> int:
    """'$2bn over three years': the duration after a figure is read as part of nothing."""
    if _word(tokens, j) not in DURATION_LEADS:
        return j
    k = j + 1
    if _word(tokens, k) in ("the", "a", "an") and _word(tokens, k + 1) in ("next", "past", "last"):
        k += 2
    elif _word(tokens, k) in ("the", "next", "past", "last"):
        k += 1
    try:
        num = number_at(tokens, k, opts.decimal_comma)
    except DecimalCommaError:
        return j
    if num is not None and _word(tokens, num.end) in TIME_UNITS:
        return num.end + 1
    return j


def counted_noun(tokens: list[Token], j: int, text: str = "") -> str | None:
    """The head of the noun phrase a figure counts: '200,000 new homes' -> 'homes'.

    'of' may come first ('9 million of shells'); the phrase ends at a stop word, a verb,
    punctuation, a number or its fourth word, and after its first plural noun unless another
    follows ('5 police officers'). Given the text, a capitalised word after a lower-case one is a
    name that starts a new phrase: '9 million shells Russia received' counts shells. A participle
    ('600 killed') counts nothing unless a noun follows it ('1,200 displaced families')."""
    n = len(tokens)
    if j + 1 < n and tokens[j].kind == "dash" and tokens[j].start == tokens[j - 1].end and (
            _word(tokens, j + 1) in TIME_UNITS):
        return tokens[j + 1].text  # "the three-year conflict", "a 24-hour ceasefire": years, hours
    if _word(tokens, j) == "of":
        j += 1
    words: list[str] = []
    while j < n and len(words) < 4:
        t = tokens[j]
        if t.kind == "dash" and words and j + 1 < n and tokens[j + 1].kind == "word" and t.start == tokens[j - 1].end:
            words[-1] += "-" + tokens[j + 1].text  # "ready-made", "T-shirts"
            j += 2
            continue
        if t.kind != "word":
            break
        w = t.text
        if (w in STOP_WORDS or w in CONNECTIVES or w in VERBS or w in CHANGE_VERBS or w in TIME_RELATIVES or w in HEDGES
                or w in NEGATIONS or w in ONES or w in TENS or w in SCALE_WORDS):
            break
        if words and _participle(w):
            break  # "a dozen reporters waited": the verb after the noun ends it
        if words and text and text[t.start].isupper() and not text[tokens[j - 1].start].isupper():
            break  # "shells Russia received": a name mid-sentence starts another phrase
        if words and plural_noun(words[-1]) and not plural_noun(w):
            break  # "9 million shells the army ...": the first plural noun is the head
        words.append(w)
        j += 1
    while words and _participle(words[-1]):
        words.pop()
    if not words:
        return None
    return words[-1]


def _participle(w: str) -> bool:
    return len(w) > 4 and w.endswith(PARTICIPLE_ENDINGS)


