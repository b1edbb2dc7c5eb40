"""FC6xx: the draft. Every figure and every quotation in the article must be backed by the
ledger or the sources."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from factcheck.dates import WEEKDAY_NAMES, Period, find_periods
from factcheck.figures import Amount, Hedge, find_amounts
from factcheck.intervals import Interval
from factcheck.model import Location, Severity
from factcheck.rules import Example, Hit, rule
from factcheck.story import ClaimCtx, Story
from factcheck.text import closest_passage, find_folded, fold, shorten

_QUOTATION = re.compile(r"[\"“]([^\"“”\n]+?)[\"”]")
_SMALL_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "a"}


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    """Where each line of `text` ends; found once per draft, not once per finding."""
    return [m.start() for m in re.finditer("\n", text)]


def _line(text: str, pos: int) -> int:
    return bisect_left(_newlines(text), pos) + 1


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


@rule(
    "FC601", "draft-figure-unbacked", Severity.WARNING, "A figure in the draft that no claim backs",
    example=Example(
        ledger="""
            [[claim]]
            id = "capacity"
            source = "agency"
            quote = "approximately 14,000 megalitres"
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Water Agency"
                published = 2025-06-20
                url = "https://news.example/water-agency"
                +++
                The dam holds approximately 14,000 megalitres, officials said, and called it 'a reservoir for a generation'.
            """,
        },
        draft="""
            The dam holds about 14,000 megalitres, and 8,000 homes were moved to build it.
        """,
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "capacity"
            source = "agency"
            quote = "approximately 14,000 megalitres"
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Water Agency"
                published = 2025-06-20
                url = "https://news.example/water-agency"
                +++
                The dam holds approximately 14,000 megalitres, officials said, and called it 'a reservoir for a generation'.
            """,
        },
        draft="""
            The dam holds about 14,000 megalitres, the agency said.
        """,
    ),
)
def draft_figure(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every figure in the draft (`draft.md` beside the ledger, `[story] draft`, or
        `verify --draft PATH`) overlaps the interval of some claim's amount. Years, dates,
        ordinals, list numbers and small numbers spelt out (one to nine) are not figures.
        The finding names the nearest claim.
    Why an editor cares:
        A figure that reached the copy without a ledger entry has not been checked.
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


@rule(
    "FC602", "draft-quote-unbacked", Severity.WARNING, "A quotation in the draft that no source contains",
    example=Example(
        ledger="""
            [[claim]]
            id = "capacity"
            source = "agency"
            quote = "approximately 14,000 megalitres"
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Water Agency"
                published = 2025-06-20
                url = "https://news.example/water-agency"
                +++
                The dam holds approximately 14,000 megalitres, officials said, and called it 'a reservoir for a generation'.
            """,
        },
        draft="""
            Officials called it "a reservoir for generations" at the opening.
        """,
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "capacity"
            source = "agency"
            quote = "approximately 14,000 megalitres"
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Water Agency"
                published = 2025-06-20
                url = "https://news.example/water-agency"
                +++
                The dam holds approximately 14,000 megalitres, officials said, and called it 'a reservoir for a generation'.
            """,
        },
        draft="""
            Officials called it "a reservoir for a generation" at the opening.
        """,
    ),
)
def draft_quote(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every quotation in double quotes of three words or more in the draft appears, after
        folding, in some source's text. The finding shows the closest passage.
    Why an editor cares:
        A misquotation is the error a correction is most often about.
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    bodies = [(sid, s) for sid, s in story.sources.items() if s.body is not None]
    vocabulary: dict[str, set[str]] = {}  # each source's words, split once for all the quotes
    for m in _QUOTATION.finditer(text):
        quote = m.group(1).strip()
        if len(quote.split()) < 3:
            continue
        q = fold(quote)
        if any(find_folded(s.folded, q) >= 0 for _, s in bodies):
            continue
        qwords = set(q.split())
        for sid, src in bodies:
            if sid not in vocabulary:
                vocabulary[sid] = set(src.folded.split())
        best = max(bodies, key=lambda b: len(qwords & vocabulary[b[0]]), default=None)
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


# A date told with a verb of saying ("said on Tuesday", "On Monday, the ministry said") dates the
# telling, which a ledger seldom records; a date in a quotation is the speaker's.
_SAYING = re.compile(r"\b(?:said|says|say|told|tells|announced|added|stated|wrote|reported|confirmed|posted|"
                     r"tweeted|according|briefing|interview|statement|called|described|warned|vowed|urged|insisted|claimed|"
                     r"denied|argued|noted|pledged|promised|asked|replied)\b", re.IGNORECASE)
_SENTENCE_EDGE = re.compile(r"[.!?]\s|\n")
_LONGEST_CHECKED = 123  # days: a third of a year ("mid-2026"). Halves, years, decades are background.


def _draft_periods(story: Story) -> list[Period]:
    """The periods in the draft, anchored to `[story] published` (read once for both rules)."""
    def read() -> list[Period]:
        return find_periods(story.draft_text or "", story.info.published, story.conventions)
    return story.shared("draft-periods", read)


def _sentence_around(text: str, start: int, end: int) -> str:
    edges = [m.end() for m in _SENTENCE_EDGE.finditer(text, max(0, start - 200), start)]
    lo = edges[-1] if edges else max(0, start - 200)
    m = _SENTENCE_EDGE.search(text, end)
    return text[lo: m.start() if m else min(len(text), end + 200)]


def _in_quotation(story: Story, pos: int) -> bool:
    spans = story.shared("draft-quotations", lambda: [m.span() for m in _QUOTATION.finditer(story.draft_text or "")])
    return any(a <= pos < b for a, b in spans)


def _claimed_dates(story: Story) -> list[ClaimCtx]:
    return [c for c in story.claims if c.period is not None]


def _backs(c: ClaimCtx, p: Period) -> bool:
    assert c.period is not None
    return c.period.within(p)


def _words(text: str) -> str:
    return " ".join(text.split())  # a date may run over a line break in the draft


def _nearest(dated: list[ClaimCtx], p: Period) -> ClaimCtx | None:
    """The claim whose period lies closest to the draft's date; a closed period before an
    open-ended one ("by the end of March" is near everything), then the shorter."""
    def key(c: ClaimCtx) -> tuple[bool, int, int]:
        assert c.period is not None
        q = c.period
        return (q.open_start or q.open_end, _day_gap(q, p), (q.end - q.start).days)
    return min(dated, key=key, default=None)


def _day_gap(a: Period, b: Period) -> int:
    if a.overlaps(b):
        return 0
    return min(abs((a.start - b.end).days), abs((b.start - a.end).days))


@rule(
    "FC610", "draft-date-unbacked", Severity.WARNING, "A date in the draft that no claim's period implies",
    example=Example(
        ledger="""
            [story]
            published = 2023-02-20

            [[claim]]
            id = "quake"
            source = "relief"
            quote = "The quake struck on February 6, 2023"
            when = "February 6, 2023"
        """,
        sources={
            "relief.md": """
                +++
                outlet = "Relief Wire"
                published = 2023-02-08
                url = "https://news.example/relief-wire"
                +++
                The quake struck on February 6, 2023, and about 5,000 buildings fell.
            """,
        },
        draft="""
            The quake struck in mid-January and flattened whole streets.
        """,
    ),
    passes=Example(
        ledger="""
            [story]
            published = 2023-02-20

            [[claim]]
            id = "quake"
            source = "relief"
            quote = "The quake struck on February 6, 2023"
            when = "February 6, 2023"
        """,
        sources={
            "relief.md": """
                +++
                outlet = "Relief Wire"
                published = 2023-02-08
                url = "https://news.example/relief-wire"
                +++
                The quake struck on February 6, 2023, and about 5,000 buildings fell.
            """,
        },
        draft="""
            The quake struck in early February and flattened whole streets.
        """,
    ),
)
def draft_date(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every date in the draft, relative ones anchored to `[story] published`, is implied by
        some claim's period: every day the claim allows, the draft's date allows too. A claim
        dated February 6, 2023 backs "on Monday, February 6", "in early February" and "by
        February 24"; a claim dated "late 2023" does not back "in November 2023". So that
        ordinary copy stays quiet, these are not checked: spans longer than four months (years
        alone, halves, decades, "this year"), dates inside quotation marks, dates in a sentence
        that attributes speech ("said on Tuesday"), and a day on which a source was published.
        A ledger that dates no claim is not a dated story, and its draft's dates are not checked.
    Why an editor cares:
        A date that reached the copy without a ledger entry has not been checked.
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    dated = _claimed_dates(story)
    if not dated:
        return
    published = {s.meta.published for s in story.sources.values() if s.meta.published is not None}
    for p in _draft_periods(story):
        if p.open_start and p.open_end:
            continue
        if not (p.open_start or p.open_end) and (p.end - p.start).days >= _LONGEST_CHECKED:
            continue
        if _in_quotation(story, p.span[0]) or _SAYING.search(_sentence_around(text, *p.span)):
            continue
        if any(_backs(c, p) for c in dated):
            continue
        if p.start == p.end and p.start in published:
            continue
        nearest = _nearest(dated, p)
        hint = (f"; nearest: claim '{nearest.id}' dated '{nearest.claim.when}' ({nearest.period.describe()})"
                if nearest is not None and nearest.period is not None else "; the ledger dates no claim")
        yield Hit(f"the draft's date '{_words(p.text)}' ({p.describe()}) is implied by no claim's period{hint}",
                  claims=[nearest.id] if nearest else [], location=_draft_loc(story, text, p.span[0]),
                  evidence=shorten(text[max(0, p.span[0] - 60): p.span[1] + 60], 160), figure=_words(p.text))


@rule(
    "FC611", "draft-weekday-mismatch", Severity.ERROR, "A date in the draft carries a weekday it does not fall on",
    example=Example(
        ledger="""
            [story]
            published = 2023-02-20

            [[claim]]
            id = "quake"
            source = "relief"
            quote = "The quake struck on February 6, 2023"
            when = "February 6, 2023"
        """,
        sources={
            "relief.md": """
                +++
                outlet = "Relief Wire"
                published = 2023-02-08
                url = "https://news.example/relief-wire"
                +++
                The quake struck on February 6, 2023, and about 5,000 buildings fell.
            """,
        },
        draft="""
            The quake struck on Tuesday, February 6, and flattened whole streets.
        """,
    ),
    passes=Example(
        ledger="""
            [story]
            published = 2023-02-20

            [[claim]]
            id = "quake"
            source = "relief"
            quote = "The quake struck on February 6, 2023"
            when = "February 6, 2023"
        """,
        sources={
            "relief.md": """
                +++
                outlet = "Relief Wire"
                published = 2023-02-08
                url = "https://news.example/relief-wire"
                +++
                The quake struck on February 6, 2023, and about 5,000 buildings fell.
            """,
        },
        draft="""
            The quake struck on Monday, February 6, and flattened whole streets.
        """,
    ),
)
def draft_weekday(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A date in the draft written with its weekday ("on Tuesday, February 6"), a date without
        a year taken in the year of `[story] published`, falls on that weekday. Quotations are
        the speaker's words and are left alone.
    Why an editor cares:
        "Tuesday, February 6" in a 2023 story was a Monday: the day or the date is wrong.
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    for p in _draft_periods(story):
        if p.weekday is None or p.start != p.end or p.start.weekday() == p.weekday:
            continue
        if _in_quotation(story, p.span[0]):
            continue
        yield Hit(f"the draft says '{_words(p.text)}' but {p.start.strftime('%B')} {p.start.day}, {p.start.year} "
                  f"was a {WEEKDAY_NAMES[p.start.weekday()]}, not a {WEEKDAY_NAMES[p.weekday]}",
                  location=_draft_loc(story, text, p.span[0]), figure=_words(p.text),
                  evidence=shorten(text[max(0, p.span[0] - 60): p.span[1] + 60], 160))
