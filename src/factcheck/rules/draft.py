"""FC6xx: the draft. Every figure and every quotation in the article must be backed by the
ledger or the sources."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.figures import Amount, Hedge, find_amounts
from factcheck.intervals import Interval
from factcheck.model import Location, Severity
from factcheck.periods import find_periods
from factcheck.rules import Hit, rule
from factcheck.story import ClaimCtx, Story
from factcheck.text import closest_passage, find_folded, fold, shorten

_QUOTATION = re.compile(r"[\"“]([^\"“”\n]+?)[\"”]")
_SMALL_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "a"}


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _draft_loc(story: Story, text: str, pos: int) -> Location:
    assert story.draft_path is not None
    line = _line(text, pos)
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return Location(path=str(story.draft_path), line=line, column=col)


def _gap(a: Interval, b: Interval) -> float:
    if a.overlaps(b):
        return 0.0
    lo, hi = (a, b) if a.entirely_below(b) else (b, a)
    return float(hi.lo - lo.hi) / (abs(float(hi.lo)) + 1)


def _draft_figures(story: Story) -> Iterator[Amount]:
    text = story.draft_text or ""
    periods = find_periods(text, story.info.published)
    st = story.settings
    for a in find_amounts(text, st.tolerances, st.tolerance, [p.span for p in periods], dollar=st.dollar,
                          decimal_comma=st.decimal_comma):
        words = a.text.lower().split()
        if a.hedge is Hedge.EXACT and words and all(w in _SMALL_WORDS for w in words):
            continue  # "one of the", "two-line": words, not figures
        yield a


@rule("FC601", "draft-figure-unbacked", Severity.WARNING, "A figure in the draft that no claim backs")
def draft_figure(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every figure in the draft (`draft.md` beside the ledger, `[story] draft`, or
        `verify --draft PATH`) overlaps the interval of some claim's amount. Years, dates,
        ordinals, list numbers and small numbers spelt out (one to nine) are not figures.
        The finding names the nearest claim.
    Why an editor cares:
        A figure that reached the copy without a ledger entry has not been checked.
    Example:
        draft: "Some 14,500 troops were sent."   (the ledger has approximately 14,000 = 12,600-15,400:
        backed) ... "a fourth batch of 8,000" (no claim: reported)
    Passes:
        draft: "about 14,000 troops"
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    claims = [c for c in story.claims if c.amount is not None]
    for fig in _draft_figures(story):
        if any(c.amount.interval.overlaps(fig.interval) for c in claims):  # type: ignore[union-attr]
            continue
        nearest: ClaimCtx | None = min(claims, key=lambda c: _gap(c.amount.interval, fig.interval),  # type: ignore[union-attr]
                                       default=None)
        hint = (f"; nearest: claim '{nearest.id}' {nearest.amount.describe()}"  # type: ignore[union-attr]
                if nearest is not None else "; the ledger has no figures")
        yield Hit(f"the draft's figure '{fig.text}' ({fig.interval.describe()}) is backed by no claim{hint}",
                  claims=[nearest.id] if nearest else [], location=_draft_loc(story, text, fig.span[0]),
                  evidence=shorten(text[max(0, fig.span[0] - 60): fig.span[1] + 60], 160), figure=fig.text)


@rule("FC602", "draft-quote-unbacked", Severity.WARNING, "A quotation in the draft that no source contains")
def draft_quote(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every quotation in double quotes of three words or more in the draft appears, after
        folding, in some source's text. The finding shows the closest passage.
    Why an editor cares:
        A misquotation is the error a correction is most often about.
    Example:
        draft: Kim called the ties "an invincible alliance"   (the source: "invincible" alliance)
    Passes:
        draft: Choe called the treaty's result an "invincible" alliance.
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    bodies = [(sid, s) for sid, s in story.sources.items() if s.body is not None]
    for m in _QUOTATION.finditer(text):
        quote = m.group(1).strip()
        if len(quote.split()) < 3:
            continue
        q = fold(quote)
        if any(find_folded(s.folded, q) >= 0 for _, s in bodies):
            continue
        qwords = set(q.split())
        best = max(bodies, key=lambda b: len(qwords & set(b[1].folded.split())), default=None)
        hint = ""
        evidence = None
        if best is not None:
            p = closest_passage(best[1].body or "", quote)
            if p is not None:
                hint = f"; closest: {best[0]} line {p.line + best[1].body_line - 1}: \"{shorten(p.text, 120)}\""
                evidence = p.text
        yield Hit(f"the draft quotes \"{shorten(quote, 100)}\", which no source contains{hint}",
                  sources=[best[0]] if best and hint else [], location=_draft_loc(story, text, m.start()),
                  evidence=evidence)
