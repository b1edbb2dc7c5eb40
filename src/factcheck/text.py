"""Folding text for quote matching, locating a quote, and the closest passage when it is absent.

Folding ignores exactly what SPEC section 3 lists: white space, letter case, quote marks
(“ ” ‘ ’ " '), dashes (– — -) and non-breaking spaces. It never drops a digit or a word, and a
quote is found only at word boundaries, so "900 soldiers" is not found in "10,900 soldiers".
Quotes are matched as reporters write them (see match_quote): an ellipsis is a gap, each piece
found in order within one paragraph; `[bracketed words]` are the writer's and stand for a short
span of the source; `[sic]` is ignored.

A similarity score is used only to point at the closest passage of a source when a quote is
missing; it never decides that a quote is there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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


_SIC = re.compile(r"\s*\[\s*sic\s*\]", re.IGNORECASE)
# An ellipsis: … or ... or . . . (bare or in brackets), with the punctuation a writer leaves beside it.
_ELLIPSIS = re.compile(r"[\s,;:]*(?:\[\s*(?:\u2026|\.\s?\.\s?\.)\s*\]|\u2026|\.\s?\.\s?\.)[\s,;:.]*")
_BRACKET = re.compile(r"\[([^\[\]]{1,80})\]")
MAX_BRACKET_WORDS = 6  # "[bracketed words]" stand for at most this many words of the source
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A quote found in a source: what each of its `[bracketed]` insertions stands for there."""

    insertions: tuple[tuple[str, str], ...] = ()  # ("[Kim]", "he"); "" when it stands for nothing


def is_plain_quote(quote: str) -> bool:
    """A quote with no ellipsis, bracket or [sic]: matched as one run of words."""
    return "[" not in quote and "\u2026" not in quote and ". ." not in quote and "..." not in quote


def folded_paragraphs(body: str) -> list[str]:
    """A source's paragraphs (split at blank lines), each folded."""
    return [f for p in PARAGRAPH_BREAK.split(body) if (f := fold(p))]


def match_quote(folded: str, paragraphs: Sequence[str] | None, quote: str) -> QuoteMatch | None:
    """Where a quote stands in a source, as reporters quote: None when it is not there.

    `folded` is the source folded; `paragraphs` its folded paragraphs (needed only for a quote
    with an ellipsis or brackets). A quote is first looked for as written, so a source that
    itself holds "..." or "[" is matched literally. Otherwise `[sic]` is dropped, each ellipsis
    splits the quote into pieces that must appear in order within one paragraph, and each
    `[insertion]` stands for up to six words of the source (or none). Two sentences merged
    without an ellipsis are still one run of words, and so not found."""
    q = fold(quote)
    if not q:
        return None
    if find_folded(folded, q) >= 0:
        return QuoteMatch()
    # Punctuation a writer puts inside the quotation marks ("...like this," Ortiz said).
    bare = q.strip(_EDGE_PUNCT.replace("(", "").replace(")", "").replace("[", "").replace("]", "") + " ")
    if bare and bare != q and find_folded(folded, bare) >= 0:
        return QuoteMatch()
    if is_plain_quote(quote) or paragraphs is None:
        return None
    text = _SIC.sub("", quote)
    pieces = [p for p in _ELLIPSIS.split(text) if fold(p).strip(".,;: ")]
    if not pieces:
        return None
    # A piece of brackets only ("[...] [the army]") has no words of the source to find.
    compiled = [c for p in pieces if (c := _piece_pattern(p)) is not None]
    if not compiled:
        return None
    for para in paragraphs:
        pos = 0
        found: list[tuple[str, str]] = []
        for pattern, brackets in compiled:
            m = pattern.search(para, pos)
            if m is None:
                break
            for n, b in enumerate(brackets):
                words = (m.group(n + 1) or "").strip('"')
                said = words.split()
                if not said or fold(b).split()[-len(said):] != said:  # "[we are]" for "are" replaces nothing
                    found.append((f"[{b}]", words))
            pos = m.end()
        else:
            return QuoteMatch(tuple(found))
    return None


_INNER_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]*\s+(?=\S)")


def joins_passages(folded: str, paragraphs: Sequence[str], quote: str) -> bool:
    """A missing quote whose sentences are each in the source, in order, within one paragraph,
    but not next to each other: two passages joined without an ellipsis."""
    parts = _INNER_SENTENCE_END.split(quote.strip())
    if len(parts) < 2:
        return False
    return match_quote(folded, paragraphs, " \u2026 ".join(parts)) is not None


@lru_cache(maxsize=512)
def _piece_pattern(piece: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """A regex over folded text for one piece of a quote, and the bracketed insertions in it."""
    # Elements: [kind, text, space before it]; _BRACKET.split alternates literal and bracket.
    elements: list[tuple[str, str, bool]] = []
    space = False
    for n, part in enumerate(_BRACKET.split(piece.strip(" ,;:"))):
        if n % 2 == 0:
            f = fold(part)
            before = bool(part[:1].isspace()) or (space and not f)
            if f:
                if elements and elements[-1][0] == "lit" and not part[:1].isspace():
                    kind, text, sp = elements[-1]
                    elements[-1] = (kind, text + f, sp)  # "[T]" + "he": one word
                else:
                    elements.append(("lit", f, before))
            space = bool(part[-1:].isspace()) or (before and not f)
            continue
        inner = part.strip()
        if len(inner) == 1 and inner.isalpha():
            # "[T]he", "[a]": a letter recased or supplied, matched as that letter.
            if elements and elements[-1][0] == "lit" and not space:
                kind, text, sp = elements[-1]
                elements[-1] = (kind, text + fold(inner), sp)
            else:
                elements.append(("lit", fold(inner), space))
        else:
            elements.append(("br", inner, space))
        space = False
    if not any(e[0] == "lit" for e in elements):
        return None  # a piece of brackets only would match anything
    # A span of the source's words that does not run past the end of a sentence.
    word = r"[^ ]*[^ .!?;:]"
    span = r"(%s(?: %s){0,%d}?)" % (word, word, MAX_BRACKET_WORDS - 1)
    lead_word = r"[^ ]*[^ .!?;:,]"
    # One that closes a quote runs on to the end of its sentence ("[on June 29]" for "on Sunday.").
    tail_span = r"((?:%s ){0,%d}[^ ]+)" % (word, MAX_BRACKET_WORDS - 2)
    out: list[str] = []
    brackets: list[str] = []
    skip_space = False
    for i, (kind, text, before) in enumerate(elements):
        sep = " " if before and out and not skip_space else ""
        skip_space = False
        if kind == "lit":
            out.append(sep + re.escape(text))
            continue
        brackets.append(text)
        nxt_space = i + 1 < len(elements) and elements[i + 1][2]
        if sep:
            out.append(f"(?: {tail_span if i == len(elements) - 1 else span})?")
        else:
            # A bracket that opens a piece stands for one word of the source, most often a pronoun
            # ("[Kim] said" for "he said"): a search from the left would take all it could.
            lead = r"(%s)" % lead_word
            if nxt_space:
                out.append(f"(?:{lead if not out else span} )?")  # "[He] said": its space goes with it
                skip_space = True
            else:
                out.append(f"(?:{lead if not out else span})?")
    body = "".join(out)
    first_lit = elements[0][1] if elements[0][0] == "lit" else "x"
    last_lit = elements[-1][1] if elements[-1][0] == "lit" else "x"
    prefix = r"(?<!\w)(?<!\d[,.])" if first_lit[:1].isalnum() else ""
    suffix = r"(?!\w)(?![,.]\d)" if last_lit[-1:].isalnum() else ""
    return re.compile(prefix + body + suffix), tuple(brackets)


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


# A sentence ends at . ! ? or … (with any closing quote or bracket), or at a blank line.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*(?=\s)|\n[ \t]*\n")
MAX_WINDOW_SENTENCES = 3
MIN_SCORE = 40.0  # below this (0-100), nothing in the source is like the quote


@lru_cache(maxsize=16)
def _sentence_words(source: str) -> tuple[tuple[re.Match[str], ...], tuple[str, ...], tuple[int, ...]]:
    """A source's words (their matches and comparison keys) and the index of the first word of
    each sentence; kept for the few sources a run asks about again."""
    matches = tuple(_WORD.finditer(source))
    keys = tuple(_word_key(m.group(0)) for m in matches)
    ends = [m.end() for m in _SENTENCE_END.finditer(source)]
    starts = [0]
    e = 0
    for n, m in enumerate(matches):
        while e < len(ends) and ends[e] <= m.start():
            if starts[-1] != n:
                starts.append(n)
            e += 1
    return matches, keys, tuple(starts)


def closest_passage(source: str, quote: str) -> Passage | None:
    """The run of the source's words most like the quote, and how the two differ word by word.

    Candidates are windows of one to three consecutive sentences; rapidfuzz scores each against
    the quote by the best alignment of the quote within it (partial_ratio), the best few are
    aligned word by word, and the closest run of words wins."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    q_keys = [k for k in (_word_key(w) for w in quote.split()) if k]
    if not q_keys or len(q_keys) > MAX_PASSAGE_WORDS:
        return None  # a quote is a short excerpt; aligning a page of text costs more than it shows
    matches, keys, starts = _sentence_words(source)
    if not matches:
        return None
    q_text = " ".join(q_keys)
    bounds = list(starts) + [len(keys)]
    windows: list[tuple[int, int]] = []
    for i in range(len(starts)):
        for j in range(i + 1, min(i + MAX_WINDOW_SENTENCES, len(starts)) + 1):
            windows.append((bounds[i], bounds[j]))
            if len(" ".join(keys[bounds[i]:bounds[j]])) >= len(q_text):
                break  # a longer window only adds words the quote does not have
    texts = [" ".join(keys[lo:hi]) for lo, hi in windows]
    best: tuple[float, int, int] | None = None
    q_words = {k for k in q_keys if len(k) > 2 or any(ch.isdigit() for ch in k)}
    k = len(q_keys)
    for _, _score, n in process.extract(q_text, texts, scorer=fuzz.partial_ratio, limit=8, score_cutoff=MIN_SCORE):
        w_lo, w_hi = windows[n]
        a_lo, _ = _aligned_run(q_text, keys, w_lo, w_hi)
        # Runs of about the quote's length starting near the alignment, each judged as a whole
        # against the quote (words the quote lacks count against a run).
        for start in range(max(w_lo, a_lo - 3), min(w_hi, a_lo + 4)):
            for length in range(max(1, k - 2), k + 3):
                if start + length > w_hi:
                    break
                run = keys[start:start + length]
                if not q_words & set(run):
                    continue  # not one word of the quote in common: a likeness of letters only
                run_score = fuzz.ratio(q_text, " ".join(run))
                if best is None or run_score > best[0]:
                    best = (run_score, start, start + length)
    if best is None or best[0] < MIN_SCORE:
        return None
    score, lo, hi = best
    diffs: list[str] = []
    q_orig = [w for w in quote.split() if _word_key(w)]
    for op in Levenshtein.opcodes(q_keys, list(keys[lo:hi])):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            continue
        q_part = " ".join(q_orig[i1:i2])
        s_part = " ".join(matches[lo + j].group(0) for j in range(j1, j2))
        if tag == "replace":
            diffs.append(f"the quote has '{q_part}' where the source has '{s_part}'")
        elif tag == "delete":
            diffs.append(f"the quote adds '{q_part}'")
        else:
            diffs.append(f"the quote leaves out '{s_part}'")
    start_char = matches[lo].start()
    end_char = matches[hi - 1].end()
    line = source.count("\n", 0, start_char) + 1
    return Passage(source[start_char:end_char], line, round(score / 100, 3), tuple(diffs))


def _aligned_run(q_text: str, keys: tuple[str, ...], lo: int, hi: int) -> tuple[int, int]:
    """The words of keys[lo:hi] that the quote's best character alignment covers."""
    from rapidfuzz import fuzz

    w_text = " ".join(keys[lo:hi])
    if len(w_text) <= len(q_text):
        return lo, hi
    al = fuzz.partial_ratio_alignment(q_text, w_text)
    if al is None:
        return lo, hi
    # Map the aligned characters back to words: word n spans [offsets[n], offsets[n] + len).
    first = last = None
    pos = 0
    for n in range(lo, hi):
        end = pos + len(keys[n])
        if first is None and end > al.dest_start:
            first = n
        if pos < al.dest_end:
            last = n
        pos = end + 1
    if first is None or last is None:
        return lo, hi
    return first, last + 1


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+|\n[ \t]*\n")


Sentences = tuple[tuple[str, ...], str, tuple[int, ...]]


def sentences(body: str) -> Sentences:
    """A text's sentences as written, the folded sentences joined by spaces, and where each
    starts in that join (a source keeps its own: Source.sentences)."""
    sents = tuple(x for x in (t.strip() for t in _SENTENCE_SPLIT.split(body)) if x)
    starts: list[int] = []
    pos = 0
    folded: list[str] = []
    for t in sents:
        f = fold(t)
        starts.append(pos)
        folded.append(f)
        pos += len(f) + 1
    return sents, " ".join(folded), tuple(starts)


def sentence_of(split: Sentences, quote: str, folded: str | None = None) -> str | None:
    """The sentence (or run of sentences), as written, of a text split by `sentences` that
    holds the quote. `folded` is fold(quote) when the caller has it already."""
    from bisect import bisect_right

    sents, joined, starts = split
    q = fold(quote) if folded is None else folded
    i = find_folded(joined, q)
    if i < 0:
        return None
    first = bisect_right(starts, i) - 1
    last = bisect_right(starts, i + len(q) - 1) - 1
    return " ".join(sents[first : last + 1])


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
