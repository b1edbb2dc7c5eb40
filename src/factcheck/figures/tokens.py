"""One pass of one pattern over a text: the tokens the figure grammar reads.

A number token is the whole figure as written, separators included: `14,000`, `4 500` (thin,
narrow no-break, no-break or plain space), `1.5`, `3bn` (a scale stuck to the digits). A figure is
never read out of a longer one: `500` is not a token of `4 500` or `110,500`, and digits run into
letters (`3rd`, `10am`, `G7`, `H1`) are no number at all (but `Rs4,500` is rupees). Times of day (`4:17`), phone numbers and figures
written with a decimal comma (`1,5`) get kinds of their own, so the grammar can refuse them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck.lexicon import SCALE_SUFFIXES

_SUFFIX = "|".join(sorted(SCALE_SUFFIXES, key=len, reverse=True))
# Units that may follow the digits without a space: "0.5pp", "25bps", "3pts".
_UNIT_SUFFIX = r"(?:pp|ppt|bps|bp|pts)\b"
_SPACES = "\u00a0\u2009\u202f "  # no-break, thin, narrow no-break, plain

# `(?=\S)` first: no token starts at a space, and saying so spares trying every alternative at
# each of the text's spaces (a quarter of the scan).
_TOKEN = re.compile(
    rf"""
    (?=\S)(?:
    (?P<word>[ap]\.m(?=\.|\b)|(?<=\d){_UNIT_SUFFIX}|(?<!\d)[^\W\d_]++(?:['’][^\W\d_]+)*+)(?!\$)
    |(?=[+(\d])(?:
        (?P<phone>\+\d{{1,3}}[\s.-]?\(?\d{{1,4}}\)?(?:[\s.-]?\d{{2,4}}){{2,}}(?!\d)
            |\(\d{{2,5}}\)\s?\d{{3,4}}[\s-]?\d{{3,4}}(?!\d)
            |(?<![\d,.])\d{{1,3}}-\d{{3}}-\d{{3,4}}(?:-\d{{4}})?(?![\d-]))
        |(?P<time>(?<![\d.,:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?![\d:]))
        |(?<![\d.,])(?<!\d[\u2009\u202f])(?:(?<=\brs)|(?<![^\W\d_]))(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
            |\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:\.\d+)?
            |\d+(?:\.\d+|[½¼¾⅓⅔])?)(?P<suf>{_SUFFIX})?(?!(?!{_UNIT_SUFFIX})\w|[.,]\d)
        |(?<![\d.,])(?P<dcomma>\d+(?:[.,]\d+)+)(?P<dsuf>{_SUFFIX})?(?!\w))
    |(?P<cur>(?<!\w)(?:us|ca|c|au|a|hk|nz|s|r|mx|nt)\$|(?<!\d)[$€£¥₩₹₽₴₺])
    |(?P<pct>%)
    |(?P<dash>[-–—−])
    |(?P<other>\S)
    )""",
    re.IGNORECASE | re.VERBOSE,
)


class Token(NamedTuple):
    kind: str  # num | dcomma | time | phone | cur | word | pct | dash | other
    text: str  # lower-cased; a number without its suffix
    start: int
    end: int
    suffix: str = ""  # the scale stuck to a number: "bn" in "3bn"


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, in order, from one pass of one pattern."""
    # Tokens are built with tuple.__new__, not Token(...): a NamedTuple's own __new__ is a Python
    # function, one call per token (a third of this function's time); the fields are the same.
    out: list[Token] = []
    append = out.append
    new = tuple.__new__
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "word":
            w = m.group().lower()
            append(new(Token, ("word", w.replace("’", "'") if "’" in w else w, s, e, "")))
        elif kind == "num" or kind == "suf":
            suf = m.group("suf")
            append(new(Token, ("num", m.group("num"), s, e, suf.lower() if suf else "")))
        elif kind == "dcomma" or kind == "dsuf":
            suf = m.group("dsuf")
            append(new(Token, ("dcomma", m.group("dcomma"), s, e, suf.lower() if suf else "")))
        else:
            append(new(Token, (kind or "other", m.group().lower(), s, e, "")))
    return out


_NOT_DIGITS = {ord(c): None for c in "," + _SPACES}


def digits_of(numeral: str) -> str:
    """'14,000' -> '14000'; '4 500' -> '4500'."""
    return numeral.translate(_NOT_DIGITS) if not numeral.isdigit() else numeral
