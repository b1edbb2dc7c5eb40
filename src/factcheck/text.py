"""Folding text for quote matching, locating a quote, and the closest passage when it is absent.

Folding ignores exactly what SPEC section 3 lists: white space, letter case, quote marks
(“ ” ‘ ’ " '), dashes (– — -) and non-breaking spaces. It never drops a digit or a word, and a
quote is found only at word boundaries, so "900 soldiers" is not found in "10,900 soldiers".
A similarity score is used only to point at the closest passage of a source when a quote is
missing; it never decides that a quote is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRANSLATE = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": '"', "\u2019": '"', "\u201a": '"', "\u201b": '"', "'": '"', "\u2032": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    }
)  # fmt: skip


# Each character the table maps, with what it becomes: fold replaces them one by one, since
# str.replace finds a character that is absent (most of them, in most texts) at memchr speed
# while str.translate looks every character of the text up in a dict (thirty times slower on a
# source that is not plain ASCII). No replacement yields a character of the table, so one after
# another gives what one translate would (tests/test_text.py holds the two to each other).
_REPLACEMENTS = tuple((chr(k), v or "") for k, v in _TRANSLATE.items())

# A thin, narrow no-break or no-break space between digit groups is a thousands separator: it
# folds to a comma, so "500" is not found in "4 500" any more than in "4,500". (The space comes
# first in the pattern and the digit before it is a look-behind, so the search skips from space
# to space instead of trying the look-behind at every character.)
_GROUP_SPACE = re.compile("[\u00a0\u2009\u202f](?<=\\d.)(?=\\d{3}(?!\\d))")
# A minus sign before a figure (U+2212, or a hyphen after a space or an opening bracket, or at
# the start) folds to U+2212, kept apart from dashes, so "15 degrees" is not found in
# "-15 degrees". The sign comes first in the pattern for the same reason as above.
_MINUS = re.compile("[-\u2212](?<![^\\s(\\[][-\u2212])(?=\\d)")
MINUS = "\u2212"


def fold(text: str) -> str:
    """The comparison form of a text; idempotent: fold(fold(x)) == fold(x)."""
    if not text.isascii():
        text = _GROUP_SPACE.sub(",", text)
    if "-" in text or MINUS in text:
        text = _MINUS.sub(MINUS, text)
    # casefold before the replacements: both map character by character, no character casefolds
    # to one the table maps, and the table's characters casefold to themselves, so the order
    # does not matter and one pass of each suffices (tests/test_text.py checks every code point).
    t = text.casefold()
    if t.isascii():
        if "'" in t:
            t = t.replace("'", '"')  # the table's one ASCII character
    else:
        for old, new in _REPLACEMENTS:
            if old in t:
                t = t.replace(old, new)
    # str.split() and the regex \s agree on what white space is (both ask Unicode), and the
    # split-join collapses runs and trims the ends four times faster than a substitution.
    t = " ".join(t.split())
    if "-" in t:
        # Spaces are single now, so these three replacements are the regex " ?- ?" -> "-",
        # without a regex that has no fixed first character to search for.
        t = t.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        if t[:1] == "-" and t[1:2].isdigit():
            t = MINUS + t[1:]  # folding again must not change it: fold(fold(x)) == fold(x)
    return t


def find_folded(haystack: str, needle: str) -> int:
    """Index of `needle` in `haystack` (both folded) at word boundaries, or -1.

    A word character is one that str.isalnum() accepts."""
    if not needle:
        return -1
    first_word = needle[0].isalnum()
    last_word = needle[-1].isalnum()
    start = 0
    n = len(needle)
    while True:
        i = haystack.find(needle, start)
        if i < 0:
            return -1
        j = i + n
        before_ok = not first_word or i == 0 or not haystack[i - 1].isalnum()
        after_ok = not last_word or j == len(haystack) or not haystack[j].isalnum()
        # A digit group is part of its number: "900" is not found in "10,900" nor "1.5" in "1.55".
        if before_ok and needle[0].isdigit() and i >= 2 and haystack[i - 1] in ",." and haystack[i - 2].isdigit():
            before_ok = False
        if before_ok and needle[0].isdigit() and i >= 1 and haystack[i - 1] == MINUS:
            before_ok = False  # "15 degrees" is not in "-15 degrees": the quote dropped the sign
        if after_ok and needle[-1].isdigit() and j + 1 < len(haystack) and haystack[j] in ",." and (
            haystack[j + 1].isdigit()
        ):
            after_ok = False
        if before_ok and after_ok:
            return i
        start = i + 1


@dataclass(frozen=True, slots=True)
class Passage:
    """The part of a source closest to a quote that is not in it."""

    text: str  # the source's own words, as written
    line: int
    score: float  # 0..1 similarity, for ranking only
    differences: tuple[str, ...]  # "quote has '2.9m' where the source has '9.2m'"


_WORD = re.compile(r"\S+")
MAX_PASSAGE_WORDS = 300


_EDGE_PUNCT = ".,;:!?()[]{}\"'"


def _word_key(word: str) -> str:
    """A word for comparing passages: folded, without the punctuation that clings to it."""
    return fold(word).strip(_EDGE_PUNCT)


def closest_passage(source: str, quote: str) -> Passage | None:
    """The window of the source's words most like the quote, and how the two differ."""
    from difflib import SequenceMatcher

    q_words = [_word_key(w) for w in quote.split()]
    q_words = [w for w in q_words if w]
    if len(q_words) > MAX_PASSAGE_WORDS:
        return None  # a quote is a short excerpt; aligning a page of text costs more than it shows
    s_matches = list(_WORD.finditer(source))
    if not q_words or not s_matches:
        return None
    s_words = [_word_key(m.group(0)) for m in s_matches]
    k = len(q_words)
    qset: dict[str, int] = {}
    for w in q_words:
        qset[w] = qset.get(w, 0) + 1
    # Sweep a window of k words over the source counting shared words; keep the best few.
    window: dict[str, int] = {}
    shared = 0
    best: list[tuple[int, int]] = []
    for i, w in enumerate(s_words):
        window[w] = window.get(w, 0) + 1
        if window[w] <= qset.get(w, 0):
            shared += 1
        if i >= k:
            old = s_words[i - k]
            if window[old] <= qset.get(old, 0):
                shared -= 1
            window[old] -= 1
        start = max(0, i - k + 1)
        best.append((shared, start))
    best.sort(key=lambda b: (-b[0], b[1]))
    top = [b for b in best[:8] if b[0] > 0]
    if not top:
        return None
    chosen = None
    for _, start in top:
        # Let the window breathe by a word either side so insertions and deletions line up.
        lo = max(0, start - 2)
        hi = min(len(s_words), start + k + 2)
        sm = SequenceMatcher(None, q_words, s_words[lo:hi], autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            continue
        a_lo = lo + blocks[0].b
        a_hi = lo + blocks[-1].b + blocks[-1].size
        # Extend to cover quote words missing at either end.
        a_lo = max(lo, a_lo - blocks[0].a)
        a_hi = min(hi, a_hi + (k - (blocks[-1].a + blocks[-1].size)))
        sm2 = SequenceMatcher(None, q_words, s_words[a_lo:a_hi], autojunk=False)
        score = sm2.ratio()
        if chosen is None or score > chosen[0]:
            chosen = (score, a_lo, a_hi, sm2)
    if chosen is None:
        return None
    score, a_lo, a_hi, sm2 = chosen
    seg = s_words[a_lo:a_hi]
    diffs: list[str] = []
    q_orig = quote.split()
    for tag, i1, i2, j1, j2 in sm2.get_opcodes():
        if tag == "equal":
            continue
        q_part = " ".join(q_orig[i1:i2]) if len(q_orig) == len(q_words) else " ".join(q_words[i1:i2])
        s_part = " ".join(source[s_matches[a_lo + j].start() : s_matches[a_lo + j].end()] for j in range(j1, j2))
        if tag == "replace":
            diffs.append(f"the quote has '{q_part}' where the source has '{s_part}'")
        elif tag == "delete":
            diffs.append(f"the quote adds '{q_part}'")
        else:
            diffs.append(f"the quote leaves out '{s_part}'")
    del seg
    start_char = s_matches[a_lo].start()
    end_char = s_matches[a_hi - 1].end()
    line = source.count("\n", 0, start_char) + 1
    return Passage(source[start_char:end_char], line, round(score, 3), tuple(diffs))


def shorten(text: str, limit: int = 160) -> str:
    """`text` with its white space collapsed, cut to `limit` characters with "…".

    Only the words that fit are looked at, so a page-long sentence costs what a short one does."""
    words: list[str] = []
    size = -1
    for m in _WORD.finditer(text):
        words.append(m.group(0))
        size += 1 + len(words[-1])
        if size > limit:
            return " ".join(words)[: limit - 1].rstrip() + "…"
    return " ".join(words)
