"""Numbers as written: digits with their scale, words ("twenty-one thousand"), fractions as shares.

`number_at` reads one number at a token and says how finely it was stated: `step` is the unit of
its last stated digit (1 for "9" or "two hundred", 0.1 for "4.2", a million for "9 million" or
"nine million", a thousand for "twenty-one thousand"), and `exact` says it states every digit of an
integer: written in full digits ("9", "240") or in words without a scale word ("nine", "two hundred
and forty"), which SPEC calls exact. The rounding interval is built from these by the grammar,
which knows the unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.figures.tokens import Token, digits_of
from factcheck.lexicon import DOZEN, FRACTIONS, HUNDRED, ONES, SCALE_SUFFIXES, SCALE_WORDS, SHARE_FOLLOWERS, TENS

_ONE = Decimal(1)


class DecimalCommaError(ValueError):
    """A figure written with a decimal comma ("1,5 million") where the story does not allow one."""


@dataclass(slots=True)  # not frozen: built at every number read, and a frozen __init__ costs twice as much
class Number:
    value: Decimal
    step: Decimal  # the unit of the last stated digit
    scale: Decimal  # 1, or the scale word's value
    mantissa: str  # the digits before the scale: "1.2" in "1.2 billion"
    end: int  # the index of the token after the number
    exact: bool = False  # an integer with every digit stated ("9", "nine", "two hundred and forty")
    share: bool = False  # a fraction in words, as a percentage: "two-thirds" = 66.67
    spelt: str = ""  # a share as it reads back: "two-thirds", "a third of", "half of"


def number_at(tokens: list[Token], i: int, decimal_comma: bool = False, stop: int | None = None) -> Number | None:
    """The number starting at token i, or None. Raises DecimalCommaError for '1,5' unless allowed.
    A number in words reads no further than token `stop` ("between two hundred and three hundred"
    tries the low end again before its last "and")."""
    if i >= len(tokens):
        return None
    t = tokens[i]
    ratio = _ratio_at(tokens, i)
    if ratio is not None:
        return ratio
    if t.kind == "num":
        return _numeral(tokens, i, digits_of(t.text), t.suffix)
    if t.kind == "dcomma":
        if not decimal_comma:
            raise DecimalCommaError(t.text)
        plain = _decimal_comma_digits(t.text)
        return None if plain is None else _numeral(tokens, i, plain, t.suffix)
    if t.kind == "word":
        return _fraction_at(tokens, i) or _and_a_half_at(tokens, i) or _words_at(tokens, i, stop)
    return None


def _small_whole(t: Token) -> int | None:
    """A small whole number written as a word or in digits ('nine', '9'), else None."""
    if t.kind == "word":
        return ONES.get(t.text, TENS.get(t.text))
    if t.kind == "num" and not t.suffix and t.text.isdigit() and len(t.text) <= 3:
        return int(t.text)
    return None


_RATIO_DENOMINATORS = frozenset({*range(2, 13), 15, 20, 25, 50, 100, 1000})


def _ratio_at(tokens: list[Token], i: int) -> Number | None:
    """'nine in ten', 'one in five', '1 out of 4': a share (percent). A writer rounds such a
    ratio by its denominator ("one in five" for 18-22 percent), so the share is good to the
    difference half a unit of the denominator makes."""
    n = len(tokens)
    k = _small_whole(tokens[i])
    if not k:
        return None
    j = i + 1
    if j < n and tokens[j].text == "in":
        j += 1
    elif j + 1 < n and tokens[j].text == "out" and tokens[j + 1].text == "of":
        j += 2
    else:
        return None
    m = _small_whole(tokens[j]) if j < n else None
    if not m or m <= k or m not in _RATIO_DENOMINATORS:
        return None  # "12 in 40 attacks" counts attacks; writers' ratios have small, round denominators
    kd, md = Decimal(k), Decimal(m)
    value = (kd * 100 / md).quantize(Decimal("0.0001")).normalize()
    width = kd * 100 / (md - Decimal("0.5")) - kd * 100 / (md + Decimal("0.5"))
    spelt = " ".join(t.text for t in tokens[i:j + 1])
    return Number(value, width.quantize(Decimal("0.0001")), _ONE, format(value, "f"), j + 1, share=True,
                  spelt=spelt)


def _and_a_half_at(tokens: list[Token], i: int) -> Number | None:
    """'one and a half million', 'two and a half years': good to a quarter of the unit."""
    n = len(tokens)
    w = tokens[i].text
    if w not in ONES or i + 3 >= n or [t.text for t in tokens[i + 1:i + 4]] != ["and", "a", "half"]:
        return None
    value = Decimal(ONES[w]) + Decimal("0.5")
    end = i + 4
    scale = _ONE
    if end < n and tokens[end].kind == "word" and tokens[end].text in SCALE_WORDS:
        scale = SCALE_WORDS[tokens[end].text]
        end += 1
    return Number(value * scale, scale / 2, scale, format(value, "f"), end)


def _decimal_comma_digits(text: str) -> str | None:
    """'1,5' -> '1.5'; '1.500.000,25' -> '1500000.25'; None for anything else ('1.2.3')."""
    if text.count(",") > 1:
        return None
    head, _, tail = text.partition(",")
    groups = head.split(".")
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    return "".join(groups) + (f".{tail}" if tail else "")


# "2½ million": a whole number and a fraction sign, good to half the fraction's denominator.
_VULGAR = {"½": (Decimal(1), Decimal(2)), "¼": (Decimal(1), Decimal(4)), "¾": (Decimal(3), Decimal(4)),
           "⅓": (Decimal(1), Decimal(3)), "⅔": (Decimal(2), Decimal(3))}


_STEPS = tuple(Decimal(10) ** -p for p in range(12))  # the unit of the last digit, by decimal places


def _numeral(tokens: list[Token], i: int, digits: str, suffix: str) -> Number | None:
    if digits[-1:] in _VULGAR:
        num, den = _VULGAR[digits[-1]]
        value = Decimal(digits[:-1] or 0) + (num / den).quantize(Decimal("0.0001"))
        scale, end = _scale_after(tokens, i + 1, suffix)
        return Number(value * scale, scale / den, scale, format(value.normalize(), "f"), end)
    try:
        mant = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the token pattern admits only digits
        return None
    places = len(digits.partition(".")[2])
    step = _STEPS[places] if places < len(_STEPS) else Decimal(10) ** -places
    scale, end = _scale_after(tokens, i + 1, suffix)
    return Number(mant * scale, step * scale, scale, digits, end, exact=places == 0 and scale == 1)


def _scale_after(tokens: list[Token], end: int, suffix: str) -> tuple[Decimal, int]:
    """The scale of a numeral: stuck to it ("3bn") or the word after it ("3 billion")."""
    if suffix:
        return SCALE_SUFFIXES[suffix], end
    if end < len(tokens) and tokens[end].kind == "word" and tokens[end].text in SCALE_WORDS:
        return SCALE_WORDS[tokens[end].text], end + 1
    return _ONE, end


def _fraction_at(tokens: list[Token], i: int) -> Number | None:
    """'two-thirds', 'a third of', 'three quarters', 'half the', 'half a million', 'half a dozen'."""
    n = len(tokens)
    w = tokens[i].text
    if w == "half":
        nxt = tokens[i + 1].text if i + 1 < n and tokens[i + 1].kind == "word" else ""
        if nxt in ("a", "an") and i + 2 < n and tokens[i + 2].kind == "word":
            after = tokens[i + 2].text
            if after in SCALE_WORDS:
                scale = SCALE_WORDS[after]
                return Number(scale / 2, scale / 10, scale, "0.5", i + 3)
            if after == "dozen":
                return Number(Decimal(6), _ONE, _ONE, "6", i + 3)
        if nxt in SHARE_FOLLOWERS or i + 1 == n:  # "half the buildings"; "half" as a whole `amount`
            return Number(Decimal(50), _ONE, _ONE, "50", i + 1, share=True, spelt="half of")
        return None  # "half an hour", "half time": no share of anything
    if w in ONES or w in ("a", "an"):
        k = Decimal(1) if w in ("a", "an") else Decimal(ONES[w])
        j = i + 1
        if j < n and tokens[j].kind == "dash" and tokens[j].start == tokens[i].end:
            j += 1
        if j >= n or tokens[j].kind != "word" or tokens[j].text not in FRACTIONS or k == 0:
            return None
        frac = tokens[j].text
        plural = frac.endswith("s") and frac != "halves" or frac == "halves"
        follower = tokens[j + 1].text if j + 1 < n and tokens[j + 1].kind == "word" else ""
        if not plural and follower not in SHARE_FOLLOWERS and j + 1 < n:
            return None  # "a third batch", "one quarter-final": an ordinal, not a share
        if plural and k == 1:
            return None
        value = (k * 100 / FRACTIONS[frac]).quantize(Decimal("0.0001")).normalize()
        spelt = f"{w}-{frac}" if plural else f"a {frac} of"
        return Number(value, _ONE, _ONE, format(value.normalize(), "f"), j + 1, share=True, spelt=spelt)
    return None


def _words_at(tokens: list[Token], i: int, stop: int | None = None) -> Number | None:
    """'nine million', 'twenty-one thousand', 'a hundred', 'three hundred and forty', 'a dozen'.

    Each scale word is smaller than the one before it ("two million three hundred thousand"): a
    scale as large as one already read starts another number, so "thirteen thousand and nineteen
    thousand" is two numbers and the first ends before its "and".

    Words without a scale word state every digit, as digits do: "nine", "twenty-one" and "two
    hundred and forty" are exact. A scale word rounds ("nine million", as "9 million"), and so
    do "a dozen" and "two dozen" (a dozen is a way of counting roughly) and a number opened by
    the article, "a hundred": the idiom for a round number, where "one hundred" and "100" count."""
    total = 0
    current = 0
    place = 1  # the place of the last stated word within the current group
    step = 1
    seen = False
    last = ""  # "ones", "tens", "hundred", "scale"
    j = i
    biggest = _ONE
    smallest = 0  # the last scale read: the next must be smaller
    after_scale: tuple[int, int, int] | None = None  # (j, total, step) right after the last scale word
    loose = False  # "a hundred", "a dozen", "two dozen": not every digit stated
    n = len(tokens) if stop is None else min(stop, len(tokens))
    while j < n:
        t = tokens[j]
        if t.kind == "dash" and seen and last == "tens" and j + 1 < n and tokens[j + 1].text in ONES:
            j += 1
            continue
        if t.kind != "word":
            break
        w = t.text
        if w in ("a", "an") and not seen and j + 1 < n and tokens[j + 1].kind == "word" and (
                tokens[j + 1].text in HUNDRED or tokens[j + 1].text in DOZEN or tokens[j + 1].text in SCALE_WORDS):
            current, seen, last, place, loose = 1, True, "ones", 1, True
            j += 1
            continue
        if w in ONES and last in ("", "tens", "hundred", "scale") and not (last == "tens" and ONES[w] >= 10):
            current += ONES[w]
            last, place = "ones", 1
        elif w in TENS and last in ("", "hundred", "scale"):
            current += TENS[w]
            last, place = "tens", 1
        elif w in HUNDRED and last == "ones" and current < 10:
            current *= 100
            last, place = "hundred", 1  # "two hundred" states every digit, as "200" does
        elif w in DOZEN and last == "ones" and current < 10:
            current *= 12
            last, place, loose = "hundred", 1, True
        elif w in SCALE_WORDS and seen and last != "scale" and current:
            scale = SCALE_WORDS[w]
            if smallest and int(scale) >= smallest:
                assert after_scale is not None
                j, total, step = after_scale  # "... thousand and nineteen thousand": a second number
                current = 0
                break
            smallest = int(scale)
            total += current * int(scale)
            biggest = max(biggest, scale)
            step = place * int(scale)
            current = 0
            last = "scale"
            after_scale = (j + 1, total, step)
        elif w == "and" and seen and last in ("hundred", "scale") and j + 1 < n and (
                tokens[j + 1].text in ONES or tokens[j + 1].text in TENS):
            j += 1
            continue
        else:
            break
        if last != "scale":
            step = place
        seen = True
        j += 1
    if not seen:
        return None
    value = Decimal(total + current)
    scale = biggest if current == 0 and total and total % int(biggest) == 0 else _ONE
    mantissa = format((value / scale).normalize(), "f") if scale != 1 else str(value)
    return Number(value, Decimal(step), scale, mantissa, j, exact=not smallest and not loose)
