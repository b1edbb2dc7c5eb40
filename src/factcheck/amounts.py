"""Amounts: "approximately 14,000", "nine million", "$1.2bn", "between 10,000 and 12,000".

``parse_amount`` reads one amount (the whole text, with any trailing unit words);
``find_amounts`` scans free text for every amount in it, with character spans. Both produce an
:class:`Amount` whose interval follows the hedge table of SPEC section 3. Figures are exact
decimals throughout; nothing here knows about claims, rules or files.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from factcheck.intervals import INF, Interval, fmt_number

DEFAULT_TOLERANCE = Decimal("0.10")
_ONE = Decimal(1)


class AmountError(ValueError):
    """The text is not an amount factcheck can read; the message says why."""


class Hedge(str, Enum):
    """How a hedge word bends the interval around the stated figure."""

    EXACT = "exact"  # none, "exactly"
    APPROX = "approx"  # about, around: [v(1-t), v(1+t)]
    NEARLY = "nearly"  # nearly, almost: [v(1-t), v]
    OVER = "over"  # over, more than: (v, inf)
    AT_LEAST = "at_least"  # [v, inf)
    UP_TO = "up_to"  # as many as, up to: [0, v]
    UNDER = "under"  # under, fewer than: [0, v)
    RANGE = "range"  # between a and b
    VAGUE = "vague"  # dozens, hundreds, thousands

    @property
    def direction(self) -> int:
        """+1 for a floor ("over"), -1 for a ceiling ("as many as"), 0 otherwise."""
        if self in (Hedge.OVER, Hedge.AT_LEAST):
            return 1
        if self in (Hedge.UP_TO, Hedge.UNDER, Hedge.NEARLY):
            return -1
        return 0


# Longest phrases first so "more than" wins over a bare "more".
HEDGE_WORDS: dict[str, Hedge] = {
    "approximately": Hedge.APPROX,
    "approx": Hedge.APPROX,
    "about": Hedge.APPROX,
    "around": Hedge.APPROX,
    "roughly": Hedge.APPROX,
    "some": Hedge.APPROX,
    "an estimated": Hedge.APPROX,
    "estimated": Hedge.APPROX,
    "nearly": Hedge.NEARLY,
    "almost": Hedge.NEARLY,
    "close to": Hedge.NEARLY,
    "just under": Hedge.NEARLY,
    "over": Hedge.OVER,
    "more than": Hedge.OVER,
    "above": Hedge.OVER,
    "exceeding": Hedge.OVER,
    "just over": Hedge.OVER,
    "at least": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "as many as": Hedge.UP_TO,
    "as much as": Hedge.UP_TO,
    "up to": Hedge.UP_TO,
    "at most": Hedge.UP_TO,
    "no more than": Hedge.UP_TO,
    "under": Hedge.UNDER,
    "less than": Hedge.UNDER,
    "fewer than": Hedge.UNDER,
    "below": Hedge.UNDER,
    "exactly": Hedge.EXACT,
}
_HEDGE_PHRASES = sorted((tuple(k.split()) for k in HEDGE_WORDS), key=len, reverse=True)
# By first word, longest first: a token that starts no hedge costs one dictionary lookup.
_HEDGES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _p in _HEDGE_PHRASES:
    _HEDGES_BY_FIRST.setdefault(_p[0], []).append(_p)

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "thousand": Decimal(10**3),
    "million": Decimal(10**6),
    "billion": Decimal(10**9),
    "trillion": Decimal(10**12),
}
SUFFIXES = {
    "k": Decimal(10**3),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "mln": Decimal(10**6),
    "b": Decimal(10**9),
    "bn": Decimal(10**9),
    "tn": Decimal(10**12),
    "trn": Decimal(10**12),
}
# Vague counts: "dozens of" is at least two dozen and fewer than a hundred, and so on.
VAGUE = {
    ("dozens",): (Decimal(24), Decimal(100)),
    ("hundreds",): (Decimal(200), Decimal(1000)),
    ("thousands",): (Decimal(2000), Decimal(10000)),
    ("tens", "of", "thousands"): (Decimal(20000), Decimal(100000)),
    ("hundreds", "of", "thousands"): (Decimal(200000), Decimal(10**6)),
    ("millions",): (Decimal(2 * 10**6), Decimal(10**7)),
    ("tens", "of", "millions"): (Decimal(2 * 10**7), Decimal(10**8)),
    ("billions",): (Decimal(2 * 10**9), Decimal(10**10)),
}
_VAGUE_KEYS = sorted(VAGUE, key=len, reverse=True)
_VAGUE_FIRST = {k[0] for k in VAGUE}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "¥": "JPY", "₽": "RUB", "₴": "UAH"}
SIGN_FOR_CODE = {"USD": "$", "EUR": "€", "GBP": "£", "KRW": "₩", "JPY": "¥"}
CURRENCY_CODES = {"usd", "eur", "gbp", "krw", "jpy", "cny", "rub", "uah", "chf", "cad", "aud", "inr"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
                  "won": "KRW", "yen": "JPY", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY"}
PERCENT_WORDS = {"percent", "per cent", "%", "percentage points"}

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suf>k|mn|mln|m|bn|b|tn|trn)?(?![\w.,]\d|\w)"
    r"|(?P<cur>us\$|[$€£₩¥₽₴])"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<pct>%)"
    r"|(?P<dash>[-–—])"
    r"|(?P<other>\S)",
    re.IGNORECASE,
)


class Token(NamedTuple):  # a tuple: a quote's tokens are made by the thousand
    kind: str  # num | cur | word | pct | dash | other
    text: str  # lower-cased
    start: int
    end: int
    suffix: str = ""


_new_token = tuple.__new__


_KINDS = {_TOKEN.groupindex[k]: k for k in ("cur", "word", "pct", "dash", "other")}
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?").fullmatch  # _TOKEN's first form of a number
_TRAILING = frozenset(".,;:!?)\"'")  # punctuation that is a token of its own ("other") after a word or number


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, which _TOKEN defines.

    No token holds white space and none looks past the white space that ends it, so the text is
    split there first: a run of letters is one word and a run of digits one number, with or
    without one trailing punctuation mark, and those need no regex. tests/test_amounts.py holds
    this to a plain _TOKEN.finditer over the whole text."""
    out: list[Token] = []
    append = out.append
    find = text.find
    pos = 0
    for chunk in text.split():
        s = find(chunk, pos)
        pos = s + len(chunk)
        if chunk.isalpha():
            append(_new_token(Token, ("word", chunk.lower(), s, pos, "")))
            continue
        if chunk.isdecimal() or _GROUPED(chunk):  # "2025", "14,000": one number, as the regex reads it
            append(_new_token(Token, ("num", chunk, s, pos, "")))
            continue
        if chunk[-1] in _TRAILING and len(chunk) > 1:  # "said," "2025." "14,000," and the like
            head = chunk[:-1]
            if head.isalpha():
                append(_new_token(Token, ("word", head.lower(), s, pos - 1, "")))
                append(_new_token(Token, ("other", chunk[-1], pos - 1, pos, "")))
                continue
            if head.isdecimal() or _GROUPED(head):
                append(_new_token(Token, ("num", head, s, pos - 1, "")))
                append(_new_token(Token, ("other", chunk[-1], pos - 1, pos, "")))
                continue
        for m in _TOKEN.finditer(chunk):
            a, b = m.span()
            group = m.lastindex
            if group is not None and group <= 2:  # num, or num with its suffix
                suffix = m.group(2)
                append(_new_token(Token, ("num", m.group(1), s + a, s + b, suffix.lower() if suffix else "")))
            else:
                append(_new_token(Token, (_KINDS.get(group or 0, "other"), m.group(0).lower(), s + a, s + b, "")))
    return out


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure as stated: its hedge, value, interval, unit and where it stands in the text."""

    text: str
    hedge: Hedge
    hedge_words: str  # as canonically spelt, "" for none
    value: Decimal  # the stated figure (the low end of a range)
    interval: Interval
    unit: str | None = None  # "USD", "%", or the unit words that follow
    high_value: Decimal | None = None  # the high end of a range
    scale_word: str = ""  # "million" when the figure was spelt with a scale
    mantissa: str = ""  # "1.2" in "1.2 billion"
    vague_words: str = ""
    span: tuple[int, int] = (0, 0)
    tolerance: Decimal = field(default=DEFAULT_TOLERANCE, compare=False)

    @property
    def canonical(self) -> str:
        """A spelling that parses back to the same interval (given the same tolerances)."""
        if self.hedge is Hedge.VAGUE:
            core = self.vague_words
        elif self.hedge is Hedge.RANGE:
            assert self.high_value is not None
            core = f"between {_spell(self.value, '', '')} and {_spell(self.high_value, '', '')}"
        else:
            core = _spell(self.value, self.mantissa, self.scale_word)
        currency = self.unit if self.unit and self.unit.isupper() and len(self.unit) == 3 else ""
        prefix = SIGN_FOR_CODE.get(currency, f"{currency} ") if currency else ""
        if currency and self.hedge is not Hedge.RANGE:
            core = f"{prefix}{core}"
        elif currency:
            core = core.replace("between ", f"between {prefix}", 1)
        if self.hedge_words and self.hedge not in (Hedge.RANGE, Hedge.VAGUE):
            core = f"{self.hedge_words} {core}"
        if self.unit == "%":
            core = f"{core}%"
        return core

    def describe(self) -> str:
        """'approximately 14,000 (12,600-15,400)'; 'exactly 10,900' reads as '10,900'."""
        written = self.canonical
        span = self.interval.describe()
        return written if span == fmt_number(self.value) and self.hedge is Hedge.EXACT else f"{written} ({span})"


def _spell(value: Decimal, mantissa: str, scale_word: str) -> str:
    if scale_word:
        return f"{mantissa} {scale_word}"
    return fmt_number(value)


# -- parsing ------------------------------------------------------------------------------------


# A figure of a thousand digits or more is a slip or an attack, not something a story states;
# far enough above that, its exact integer could not even be printed (Python's int-to-text limit
# is 4,300 digits), so json and html would fail on it.
MAX_EXPONENT = 1000


def parse_amount(
    text: str | int | Decimal,
    tolerances: Mapping[str, Decimal] | None = None,
    default_tolerance: Decimal = DEFAULT_TOLERANCE,
) -> Amount:
    """Parse one amount; trailing words are its unit. Raises AmountError."""
    amount = _parse_amount(text, tolerances, default_tolerance)
    for v in (amount.value, amount.high_value):
        if v is not None and v.is_finite() and v and v.adjusted() >= MAX_EXPONENT:
            raise AmountError(f"a figure of {v.adjusted() + 1:,} digits is larger than any factcheck "
                              f"checks (under 10^{MAX_EXPONENT})")
    return amount


def _parse_amount(
    text: str | int | Decimal,
    tolerances: Mapping[str, Decimal] | None,
    default_tolerance: Decimal,
) -> Amount:
    if isinstance(text, bool):
        raise AmountError("a true/false value is not an amount")
    if isinstance(text, float):
        text = Decimal(repr(text))
    if isinstance(text, (int, Decimal)):
        d = Decimal(text)
        if not d.is_finite():
            raise AmountError(f"'{text}' is not a finite number")
        return _make(str(text), Hedge.EXACT, "", d, None, "", _mantissa(d), None, "", (0, len(str(text))),
                     tolerances, default_tolerance)
    if not isinstance(text, str):
        raise AmountError(f"expected text such as \"about 3,000\", found {type(text).__name__}")
    if not text.strip():
        raise AmountError("the amount is empty")
    stripped = text.strip()
    if stripped[:1] in ("-", "\u2212") and stripped[1:2].isdigit():
        # A negative figure ("-5%", "−0.3 percent"): the same grammar, mirrored.
        pos = _parse_amount(stripped[1:], tolerances, default_tolerance)
        if pos.hedge in (Hedge.RANGE, Hedge.VAGUE):
            raise AmountError(f"'{text}': a negative range or vague count cannot be read; write it as a figure")
        neg = _negated(pos, " " + stripped[1:])
        return Amount(text, neg.hedge, neg.hedge_words, neg.value, neg.interval, neg.unit, None, neg.scale_word,
                      neg.mantissa, "", (0, len(text)), neg.tolerance)
    return _parse_text(text, _tolerance_key(tolerances), default_tolerance)


def _tolerance_key(tolerances: Mapping[str, Decimal] | None) -> tuple[tuple[str, Decimal], ...]:
    return tuple(sorted(tolerances.items())) if tolerances else ()


@lru_cache(maxsize=8192)
def _parse_text(text: str, tolerances_items: tuple[tuple[str, Decimal], ...], default_tolerance: Decimal) -> Amount:
    """parse_amount for text (memoised: Amount is immutable and ledgers repeat their figures)."""
    tolerances = dict(tolerances_items)
    tokens = tokenize(text)
    parsed = _parse_at(tokens, 0, text, tolerances, default_tolerance)
    if parsed is None:
        raise AmountError(f"no figure found in '{text}'")
    amount, nxt = parsed
    rest = tokens[nxt:]
    if any(t.kind == "num" for t in rest):
        raise AmountError(f"more than one figure in '{text}'; write one figure or a range")
    if rest and amount.unit is None:
        words = [t.text for t in rest if t.kind == "word"]
        if words and words[0] == "of":
            words = words[1:]
        if words:
            amount = _with_unit(amount, " ".join(words))
    return amount


def find_amounts(
    text: str,
    tolerances: Mapping[str, Decimal] | None = None,
    default_tolerance: Decimal = DEFAULT_TOLERANCE,
    skip_spans: list[tuple[int, int]] | None = None,
) -> list[Amount]:
    """Every amount in free text, with its span and the unit word that follows it.

    Years standing alone (1800-2100, no separator, hedge, scale or currency) and numbers inside
    ``skip_spans`` (dates found by the period parser) are not amounts.
    """
    return list(_find_amounts(text, _tolerance_key(tolerances), default_tolerance, tuple(skip_spans or ())))


@lru_cache(maxsize=16384)
def _find_amounts(
    text: str,
    tolerances_items: tuple[tuple[str, Decimal], ...],
    default_tolerance: Decimal,
    skip: tuple[tuple[int, int], ...],
    shortcut: bool = True,
) -> tuple[Amount, ...]:
    """find_amounts, memoised: Amount is immutable, and claims often quote the same sentence.
    (`shortcut=False` parses even the figures a date holds, for the tests.)"""
    tolerances = dict(tolerances_items)
    tokens = tokenize(text)
    skipped = _Spans(skip)  # each test a binary search: a text may hold thousands of dates
    out: list[Amount] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.kind == "word" and t.text not in _STARTERS or t.kind in _NEVER_START:
            i += 1  # _parse_at would say no at once; most tokens of a quote are these
            continue
        if shortcut and t.kind == "num" and (i + 1 == n or _ends_figure(tokens[i + 1])) and skipped.holds(t.start):
            # A figure alone, inside a date ("2025" in "February 2025"): what _parse_at would
            # read is this one token, and the skip below would drop it.
            i += 1
            continue
        parsed = _parse_at(tokens, i, text, tolerances, default_tolerance)
        if parsed is None:
            i += 1
            continue
        amount, nxt = parsed
        s, e = amount.span
        if skipped.meets(s, e) or _looks_like_year(amount) or _is_list_number(tokens, i, text):
            i = nxt
            continue
        if amount.unit is None:
            unit = _following_unit(tokens, nxt)
            if unit:
                amount = _with_unit(amount, unit)
        if _minus_before(tokens, i, text) and amount.hedge not in (Hedge.RANGE, Hedge.VAGUE):
            amount = _negated(amount, text)
        out.append(amount)
        i = nxt
    return tuple(out)


class _Spans:
    """Character spans, merged and sorted, asked whether they hold a point or meet a span."""

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

    def holds(self, pos: int) -> bool:
        """Some span has start <= pos < end."""
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]

    def meets(self, s: int, e: int) -> bool:
        """Some span overlaps [s, e)."""
        k = bisect_right(self.ends, s)  # the first span ending after s
        return k < len(self.starts) and self.starts[k] < e


# After a number token, what can make it more than that one token in _parse_at: a scale word,
# a range ("to", a dash), a unit it takes in (%, percent, per cent, a currency code).
_EXTENDING_WORDS = frozenset(SCALES) | {"to", "percent", "per"} | CURRENCY_CODES


def _ends_figure(t: Token) -> bool:
    """Whether a figure before token t ends before it."""
    if t.kind == "word":
        return t.text not in _EXTENDING_WORDS
    return t.kind != "dash" and t.kind != "pct"


def _minus_before(tokens: list[Token], i: int, text: str) -> bool:
    """A minus sign stuck to the figure and standing apart from what precedes it: "was -0.3%"."""
    if i == 0 or tokens[i - 1].kind != "dash" or tokens[i - 1].end != tokens[i].start or tokens[i].kind != "num":
        return False
    dash = tokens[i - 1]
    return dash.start == 0 or text[dash.start - 1].isspace() or text[dash.start - 1] in "(["


def _negated(a: Amount, text: str) -> Amount:
    s, e = a.span
    return Amount(text[s - 1 : e], a.hedge, a.hedge_words, -a.value, -a.interval, a.unit, None, a.scale_word,
                  "-" + a.mantissa if a.mantissa else "", "", (s - 1, e), a.tolerance)


_YEAR = re.compile(r"(1[89]|20)\d\d")
_NEVER_START = frozenset({"other", "pct", "dash"})  # token kinds no amount starts with


def _looks_like_year(a: Amount) -> bool:
    return (
        a.hedge is Hedge.EXACT
        and a.unit is None
        and not a.scale_word
        and _YEAR.fullmatch(a.text.strip()) is not None
    )


def _is_list_number(tokens: list[Token], i: int, text: str) -> bool:
    """'1.' or '2)' at the start of a line is a list marker, not a figure."""
    t = tokens[i]
    line_start = text.rfind("\n", 0, t.start) + 1
    if text[line_start : t.start].strip() not in ("", "-", "*"):
        return False
    after = text[t.end : t.end + 1]
    return after in (".", ")") and t.kind == "num"


_UNIT_STOP = {"and", "or", "the", "a", "an", "in", "on", "at", "to", "by", "for", "from", "with", "more", "of",
              "than", "that", "which", "who", "were", "was", "are", "is", "have", "has", "had", "be", "been"}


_VERBS = {"said", "say", "says", "left", "died", "die", "fled", "went", "came", "fell", "rose", "won", "lost", "saw",
          "remain", "remained", "remains", "will", "would", "could", "may", "might", "also", "each", "per", "it"}


def _following_unit(tokens: list[Token], j: int) -> str | None:
    """The noun after a figure: '10,900 soldiers' -> 'soldiers'; '9 million shells' -> 'shells'."""
    if j < len(tokens) and tokens[j].kind == "word" and tokens[j].text == "of":
        j += 1
    if j < len(tokens) and tokens[j].kind == "word" and tokens[j].text not in _UNIT_STOP:
        w = tokens[j].text
        if w.endswith("ed") and len(w) > 4 or w in _VERBS:
            return None  # "600 died", "40 said": a verb, not what is counted
        return w
    return None


def _with_unit(a: Amount, unit: str) -> Amount:
    unit_norm = unit.strip().lower()
    if unit_norm in PERCENT_WORDS:
        unit_norm = "%"
    elif unit_norm in CURRENCY_CODES:
        unit_norm = unit_norm.upper()
    elif unit_norm in CURRENCY_WORDS:
        unit_norm = CURRENCY_WORDS[unit_norm]
    return Amount(a.text, a.hedge, a.hedge_words, a.value, a.interval, unit_norm, a.high_value,
                  a.scale_word, a.mantissa, a.vague_words, a.span, a.tolerance)


def _match_phrase(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(tokens):
        return False
    return all(tokens[i + k].kind == "word" and tokens[i + k].text == w for k, w in enumerate(phrase))


def _parse_at(
    tokens: list[Token],
    i: int,
    text: str,
    tolerances: Mapping[str, Decimal] | None,
    default_tolerance: Decimal,
) -> tuple[Amount, int] | None:
    """An amount starting at token i, or None."""
    if i >= len(tokens):
        return None
    t0 = tokens[i]
    if t0.kind == "word":
        if t0.text not in _STARTERS:
            return None  # most words start nothing: one set lookup instead of a parse
    elif t0.kind != "num" and t0.kind != "cur":
        return None  # punctuation, %, a dash: a minus sign is read by find_amounts looking back
    start_tok = i
    hedge_words = ""
    hedge = Hedge.EXACT
    first = tokens[i].text if i < len(tokens) and tokens[i].kind == "word" else ""
    for phrase in _HEDGES_BY_FIRST.get(first, ()):
        if len(phrase) == 1 or _match_phrase(tokens, i, phrase):  # one word: `first` is it
            hedge_words = " ".join(phrase)
            hedge = HEDGE_WORDS[hedge_words]
            i += len(phrase)
            if i < len(tokens) and tokens[i].text == ".":  # "approx."
                i += 1
            break
    # "between a and b"
    if hedge_words == "" and i < len(tokens) and tokens[i].kind == "word" and tokens[i].text == "between":
        low = _number_at(tokens, i + 1)
        if low is not None:
            lo_val, lo_scale, lo_mant, lo_cur, k = low
            if k < len(tokens) and tokens[k].kind == "word" and tokens[k].text == "and":
                high = _number_at(tokens, k + 1)
                if high is not None:
                    hi_val, hi_scale, hi_mant, hi_cur, end = high
                    lo_val = _apply_shared_scale(lo_val, lo_scale, hi_scale)
                    unit, end = _trailing_unit(tokens, end, lo_cur or hi_cur)
                    return _make_range(text, tokens[start_tok].start, tokens[end - 1].end, lo_val, hi_val,
                                       unit), end
    # vague counts
    vague_keys = _VAGUE_KEYS if hedge_words == "" and i < len(tokens) and tokens[i].text in _VAGUE_FIRST else ()
    for key in vague_keys:
        if _match_phrase(tokens, i, key):
            lo, hi = VAGUE[key]
            end = i + len(key)
            span = (tokens[start_tok].start, tokens[end - 1].end)
            interval = Interval(lo, hi, False, True)
            return Amount(text[span[0]:span[1]], Hedge.VAGUE, "", lo, interval, None, hi, "", "",
                          " ".join(key), span), end
    num = _number_at(tokens, i)
    if num is None:
        return None
    value, scale, mantissa, currency, end = num
    # "10,000 to 12,000" and "10,000-12,000"
    if hedge is Hedge.EXACT and not hedge_words and end < len(tokens):
        sep = tokens[end]
        if (sep.kind == "dash" and sep.start == tokens[end - 1].end) or (sep.kind == "word" and sep.text == "to") or (
            sep.kind == "dash" and end + 1 < len(tokens) and tokens[end + 1].start == sep.end
        ):
            high = _number_at(tokens, end + 1)
            if high is not None and (sep.kind == "word" or high[4] > end + 1):
                hi_val, hi_scale, _, hi_cur, hend = high
                lo_val = _apply_shared_scale(value, scale, hi_scale)
                if hi_val >= lo_val:
                    unit, hend = _trailing_unit(tokens, hend, currency or hi_cur)
                    return _make_range(text, tokens[start_tok].start, tokens[hend - 1].end, lo_val, hi_val,
                                       unit), hend
    unit, end = _trailing_unit(tokens, end, currency)
    span = (tokens[start_tok].start, tokens[end - 1].end)
    scale_word = _scale_word(scale) if scale != 1 else ""
    amount = _make(text[span[0]:span[1]], hedge, hedge_words, value, unit, scale_word, mantissa, None, "",
                   span, tolerances, default_tolerance)
    return amount, end


# Words that can begin an amount: hedges, "between", vague counts, number words, currency codes.
_STARTERS = ({p[0] for p in _HEDGE_PHRASES} | {"between", "a"} | _VAGUE_FIRST | set(ONES) | set(TENS)
             | CURRENCY_CODES)


def _apply_shared_scale(lo: Decimal, lo_scale: Decimal, hi_scale: Decimal) -> Decimal:
    """'between 10 and 12 million': the low end shares the high end's scale."""
    if lo_scale == 1 and hi_scale != 1:
        return lo * hi_scale
    return lo


def _trailing_unit(tokens: list[Token], end: int, currency: str | None) -> tuple[str | None, int]:
    if currency:
        return currency, end
    if end < len(tokens):
        t = tokens[end]
        if t.kind == "pct":
            return "%", end + 1
        if t.kind == "word" and t.text == "percent":
            return "%", end + 1
        if t.kind == "word" and t.text == "per" and end + 1 < len(tokens) and tokens[end + 1].text == "cent":
            return "%", end + 2
        if t.kind == "word" and t.text in CURRENCY_CODES:
            return t.text.upper(), end + 1
    return None, end


def _scale_word(scale: Decimal) -> str:
    for w, v in SCALES.items():
        if v == scale:
            return w
    return ""


def _mantissa(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d else str(d)


def _number_at(tokens: list[Token], i: int) -> tuple[Decimal, Decimal, str, str | None, int] | None:
    """(value, scale, mantissa, currency, next index) for a number starting at token i."""
    currency = None
    if i < len(tokens) and tokens[i].kind == "cur":
        currency = CURRENCY_SIGNS[tokens[i].text]
        i += 1
    elif i < len(tokens) and tokens[i].kind == "word" and tokens[i].text in CURRENCY_CODES:
        if i + 1 < len(tokens) and tokens[i + 1].kind in ("num", "cur"):
            currency = tokens[i].text.upper()
            i += 1
    if i >= len(tokens):
        return None
    t = tokens[i]
    if t.kind == "num":
        try:
            mant = Decimal(t.text.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the token pattern admits only digits
            return None
        mantissa = t.text.replace(",", "")
        scale = Decimal(1)
        end = i + 1
        if t.suffix:
            scale = SUFFIXES[t.suffix]
        elif end < len(tokens) and tokens[end].kind == "word" and tokens[end].text in SCALES:
            scale = SCALES[tokens[end].text]
            end += 1
        return mant * scale, scale, mantissa, currency, end
    words = _number_words_at(tokens, i)
    if words is None:
        return None
    value, scale, mantissa, end = words
    return value, scale, mantissa, currency, end


def _number_words_at(tokens: list[Token], i: int) -> tuple[Decimal, Decimal, str, int] | None:
    """'nine million', 'twenty-one thousand', 'a hundred', 'three hundred and forty'."""
    total = 0
    current = 0
    seen = False
    last = ""  # "ones", "tens", "hundred", "scale"
    j = i
    biggest_scale = Decimal(1)
    while j < len(tokens):
        t = tokens[j]
        if t.kind == "dash" and seen and last == "tens" and j + 1 < len(tokens) and tokens[j + 1].text in ONES:
            j += 1
            continue
        if t.kind != "word":
            break
        w = t.text
        if w == "a" and not seen and j + 1 < len(tokens) and tokens[j + 1].text in ("hundred", "thousand", "million",
                                                                                     "billion", "trillion", "dozen"):
            current = 1
            seen = True
            last = "ones"
            j += 1
            continue
        if w in ONES and last in ("", "tens", "hundred", "scale") and not (last == "tens" and ONES[w] >= 10):
            current += ONES[w]
            last = "ones"
        elif w in TENS and last in ("", "hundred", "scale"):
            current += TENS[w]
            last = "tens"
        elif w == "hundred" and last in ("ones",) and current < 10:
            current *= 100
            last = "hundred"
        elif w == "dozen" and last == "ones":
            current *= 12
            last = "hundred"
        elif w in SCALES and seen and last != "scale":
            scale = SCALES[w]
            total += current * int(scale)
            biggest_scale = max(biggest_scale, scale)
            current = 0
            last = "scale"
        elif w == "and" and seen and last in ("hundred", "scale") and j + 1 < len(tokens) and (
            tokens[j + 1].text in ONES or tokens[j + 1].text in TENS
        ):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    value = Decimal(total + current)
    # Words are exact: "nine million" has no rounding digits of its own.
    scale = biggest_scale if current == 0 and total and total % int(biggest_scale) == 0 else Decimal(1)
    mantissa = format(value / scale, "f") if scale != 1 else str(value)
    return value, scale, mantissa, j


def _make(
    text: str,
    hedge: Hedge,
    hedge_words: str,
    value: Decimal,
    unit: str | None,
    scale_word: str,
    mantissa: str,
    high: Decimal | None,
    vague: str,
    span: tuple[int, int],
    tolerances: Mapping[str, Decimal] | None,
    default_tolerance: Decimal,
) -> Amount:
    t = default_tolerance
    if tolerances and hedge_words in tolerances:
        t = Decimal(tolerances[hedge_words])
    # A decimal before a scale word is exact to its last digit: 1.2 billion = 1.15-1.25 billion.
    base_lo = base_hi = value
    if scale_word and "." in mantissa:
        digits = len(mantissa.split(".")[1])
        half = Decimal(5) * Decimal(10) ** (-(digits + 1)) * SCALES[scale_word]
        base_lo, base_hi = value - half, value + half
    one = _ONE
    if hedge is Hedge.EXACT:
        interval = Interval(base_lo, base_hi)
    elif hedge is Hedge.APPROX:
        interval = Interval(base_lo * (one - t), base_hi * (one + t))
    elif hedge is Hedge.NEARLY:
        interval = Interval(base_lo * (one - t), base_hi)
    elif hedge is Hedge.OVER:
        interval = Interval(base_lo, INF, True, True)
    elif hedge is Hedge.AT_LEAST:
        interval = Interval(base_lo, INF, False, True)
    elif hedge is Hedge.UP_TO:
        interval = Interval(Decimal(0), base_hi)
    elif hedge is Hedge.UNDER:
        interval = Interval(Decimal(0), base_hi, False, True)
    else:  # pragma: no cover - ranges and vague counts are built elsewhere
        raise AssertionError(hedge)
    return Amount(text, hedge, hedge_words, value, interval, unit, high, scale_word,
                  mantissa if scale_word else "", vague, span, t)


def _make_range(text: str, start: int, end: int, lo: Decimal, hi: Decimal, unit: str | None) -> Amount:
    if hi < lo:
        raise AmountError(f"the range in '{text[start:end]}' runs backwards")
    return Amount(text[start:end], Hedge.RANGE, "between", lo, Interval(lo, hi), unit, hi, "", "", "",
                  (start, end))


# -- units --------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def unit_key(word: str) -> str:
    """A comparison key: case-folded, singular, currency signs as codes."""
    w = word.strip().lower()
    if w in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[w]
    if w in CURRENCY_CODES:
        return w.upper()
    if w in CURRENCY_WORDS:
        return CURRENCY_WORDS[w]
    if w in PERCENT_WORDS:
        return "%"
    return " ".join(_singular(p) for p in w.split())


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("es") and w[:-2].endswith(("x", "z", "ch", "sh", "ss")):
        return w[:-2]
    if len(w) > 2 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


class UnitTable:
    """Names of the same unit: singular and plural alike, plus the ledger's `[units]` synonyms."""

    def __init__(self, synonyms: Mapping[str, list[str]] | None = None) -> None:
        self._head: dict[str, str] = {}
        self._keys: dict[str | None, str | None] = {None: None}  # key() of each unit asked about
        for head, words in (synonyms or {}).items():
            hk = unit_key(head)
            self._head[hk] = hk
            for w in words:
                self._head[unit_key(w)] = hk

    def key(self, unit: str | None) -> str | None:
        try:
            return self._keys[unit]  # rules ask about the same few units thousands of times
        except KeyError:
            pass
        k: str | None = None
        if unit is not None and unit.strip():
            k = unit_key(unit)
            k = self._head.get(k, k)
        self._keys[unit] = k
        return k

    def same(self, a: str | None, b: str | None) -> bool:
        return self.key(a) == self.key(b)

    def words_for(self, unit: str) -> set[str]:
        """Every key that names the same unit as `unit`."""
        k = self.key(unit)
        return {w for w, h in self._head.items() if h == k} | {k or ""}
