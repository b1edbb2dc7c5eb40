"""Figures and dates in free text, as ready-to-edit `[[claim]]` entries.

Used by `factcheck extract`. Each figure (with its hedge and the noun it counts) and each date or
period is found with its line, the sentence around it and a fragment that carries it, which
becomes the entry's `quote`: for a figure, the fewest words of its sentence that occur once in
the text. Appending to a ledger never rewrites what is there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.dates import Period, find_periods
from factcheck.figures import Amount, find_amounts, is_symbolic
from factcheck.lexicon import CONNECTIVES, STOP_WORDS
from factcheck.text import fold

# A sentence ends at . ! or ? followed by space and a capital or a quote mark, unless the word
# before is a common abbreviation or an initial.
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
           "nov", "dec", "no", "vs", "u.s", "u.k", "u.n", "gen", "col", "lt", "sgt", "prof", "inc", "co", "corp"}
_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Found:
    kind: str  # "figure" or "date"
    line: int
    text: str  # as written
    fragment: str  # the shortest fragment that carries it: the entry's quote
    sentence: str
    amount: Amount | None = None
    period: Period | None = None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs (blank lines) always end one.

    Linear in the text: each sentence end looks back only at the word before it, never at the
    whole paragraph again."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        body = para.group(0)  # once: each group() call copies the paragraph
        base = start = para.start()
        for m in _END.finditer(body):
            # The word before the mark; a word longer than the window is no abbreviation anyway.
            word = _LAST_WORD.search(body, max(0, m.start() - _WORD_WINDOW), m.start() + 1)
            w = (word.group(1) if word else "").lower().rstrip(".")
            if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                continue
            spans.append((start, base + m.start() + 1))
            start = base + m.end()
        spans.append((start, para.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_LAST_WORD = re.compile(r"([\w.]+)[.!?]?\Z")
_WORD_WINDOW = 64


_WORD = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[],;:.!?"
MIN_QUOTE_WORDS = 3
MAX_QUOTE_WORDS = 12


class _Words:
    """The words of a text, and which word trigrams occur once in it: a quote holding one of those
    is found once, so it says which figure it means. Built in one pass."""

    def __init__(self, text: str) -> None:
        self.spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [a for a, _ in self.spans]
        self.keys = keys = [fold(text[a:b]).strip(_EDGE) for a, b in self.spans]
        trigrams = list(zip(keys, keys[1:], keys[2:], strict=False))
        counts = Counter(trigrams)
        self.once = {i for i, k in enumerate(trigrams) if counts[k] == 1}

    def at(self, pos: int) -> int:
        """The index of the word holding `pos`, or of the first word after it."""
        i = max(bisect_right(self.starts, pos) - 1, 0)
        if i < len(self.spans) and self.spans[i][1] <= pos:
            i += 1
        return min(i, len(self.spans) - 1)

    def unique(self, lo: int, hi: int) -> bool:
        return any(i in self.once for i in range(lo, hi - 1))

    def content(self, i: int) -> bool:
        """A word that says something, not one that only joins ("or", "at", "the")."""
        return self.keys[i] not in STOP_WORDS and self.keys[i] not in CONNECTIVES


def _figure_fragment(text: str, words: _Words, s: int, e: int, unit: str | None, sentence: tuple[int, int]) -> str:
    """The figure, the noun it counts, and the fewest neighbouring words of its sentence (at least
    three, at most twelve) that occur once in the text: "magnitude 4" alone would be found in
    "magnitude 4.1", and "4" alone anywhere."""
    end = e
    if unit:
        m = re.search(r"\b" + re.escape(unit) + r"\b", text[e:min(sentence[1], e + 80)], re.IGNORECASE)
        if m:
            end = e + m.end()
    lo, hi = words.at(s), words.at(end - 1)
    first, last = words.at(sentence[0]), words.at(max(sentence[1] - 1, sentence[0]))
    while (hi - lo + 1 < MIN_QUOTE_WORDS or not words.unique(lo, hi)) and hi - lo + 1 < MAX_QUOTE_WORDS:
        can_left, can_right = lo > first, hi < last
        if not (can_left or can_right):
            break
        # a word that says something ("damage at", "of GDP") before one that only joins
        if can_left and (not can_right or words.content(lo - 1) or not words.content(hi + 1)):
            lo -= 1
        else:
            hi += 1
    fragment = " ".join(text[words.spans[lo][0]:words.spans[hi][1]].split())
    return fragment.strip(_EDGE.replace("%", "")) or fragment


def find(text: str, anchor: date | None = None) -> list[Found]:
    periods = find_periods(text, anchor)
    amounts = find_amounts(text, skip_spans=[p.span for p in periods])
    sents = sentences(text)
    starts = [s for s, _ in sents]
    newlines = [m.start() for m in re.finditer("\n", text)]
    sentence_text: dict[int, str] = {}  # a sentence with several figures is joined once

    def sentence_of(pos: int) -> str:
        k = bisect_right(starts, pos) - 1  # the last sentence starting at or before pos
        if k < 0 or pos >= sents[k][1]:
            return ""
        if k not in sentence_text:
            s, e = sents[k]
            sentence_text[k] = " ".join(text[s:e].split())
        return sentence_text[k]

    def line_of(pos: int) -> int:
        return bisect_left(newlines, pos) + 1

    def sentence_span(pos: int) -> tuple[int, int]:
        k = bisect_right(starts, pos) - 1
        return sents[k] if k >= 0 and pos < sents[k][1] else (pos, pos + 1)

    words = _Words(text) if amounts else None
    out: list[tuple[int, int, Found]] = []
    for a in amounts:
        s, e = a.span
        assert words is not None
        unit = a.unit if a.unit and not is_symbolic(a.unit) else None
        out.append((line_of(s), s, Found("figure", line_of(s), a.text,
                                         _figure_fragment(text, words, s, e, unit, sentence_span(s)),
                                         sentence_of(s), amount=a)))
    for p in periods:
        s, e = p.span
        out.append((line_of(s), s, Found("date", line_of(s), p.text, " ".join(text[s:e].split()), sentence_of(s),
                    period=p)))
    out.sort(key=lambda x: (x[0], x[1]))  # by position: in order of the text
    return [f for _, _, f in out]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def entries(found: list[Found], source_id: str | None, taken: set[str]) -> list[dict[str, Any]]:
    """`[[claim]]` tables for each find; ids unique against `taken` (which is updated)."""
    out: list[dict[str, Any]] = []
    prefix = source_id or "claim"
    next_n: dict[str, int] = {}  # per base, the suffix to try next: a text repeating one figure
    for f in found:              # a thousand times does not retry the taken ones each time
        base = f"{prefix}-{_slug(f.text)}"
        cid, n = base, next_n.get(base, 2)
        if cid in taken:
            cid = f"{base}-{n}"
            while cid in taken:
                n += 1
                cid = f"{base}-{n}"
            next_n[base] = n + 1
        taken.add(cid)
        entry: dict[str, Any] = {"id": cid}
        if source_id:
            entry["source"] = source_id
        entry["quote"] = f.fragment
        if f.amount is not None:
            entry["amount"] = f.amount.text
            if f.amount.unit and not is_symbolic(f.amount.unit):
                entry["unit"] = str(f.amount.unit)
        if f.period is not None:
            entry["when"] = f.period.text.strip()
        out.append(entry)
    return out


def already_recorded(f: Found, source_id: str | None, recorded: set[tuple[str, str]]) -> bool:
    """A claim of the same source already records this figure (same value) or period (same days)."""
    return _key(f, source_id) in recorded


def _key(f: Found, source_id: str | None) -> tuple[str, str]:
    if f.amount is not None:
        return (source_id or "", f"amount:{f.amount.interval.lo}:{f.amount.interval.hi}")
    assert f.period is not None
    return (source_id or "", f"when:{f.period.start}:{f.period.end}")


def recorded_keys(claims: list[Any]) -> set[tuple[str, str]]:
    """Keys of what the ledger's claims already record (resolved ClaimCtx objects)."""
    keys: set[tuple[str, str]] = set()
    for c in claims:
        if c.amount is not None:
            keys.add((c.claim.source, f"amount:{c.amount.interval.lo}:{c.amount.interval.hi}"))
        if c.period is not None:
            keys.add((c.claim.source, f"when:{c.period.start}:{c.period.end}"))
    return keys


def source_id_for(path: Path, sources_dir: Path) -> str | None:
    """The source id when `path` lies in the story's sources folder."""
    try:
        if path.resolve().parent == sources_dir.resolve():
            return path.stem
    except OSError:
        return None
    return None


def as_toml(items: list[dict[str, Any]]) -> str:
    import tomli_w

    # Each entry as its own `[[claim]]` table: tomli-w would write a short array of tables inline
    # (`claim = [{...}]`), which cannot stand beside the ledger's own [[claim]] tables.
    from factcheck.safe_text import as_u_escapes

    chunks = ["[[claim]]\n" + tomli_w.dumps(item) for item in items]
    return as_u_escapes("\n".join(chunks))  # tomli-w leaves C1 and bidi controls raw
