"""FC6xx: the draft. Every figure and every quotation in the article must be backed by the
ledger or the sources."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Generic, TypeVar

from factcheck.dates import DEFAULT as DEFAULT_CONVENTIONS
from factcheck.dates import WEEKDAY_NAMES, Period, find_periods
from factcheck.figures import Amount, Hedge, find_amounts
from factcheck.intervals import INF, Interval
from factcheck.lexicon import CHANGE_VERBS, HEDGES, STOP_WORDS, VERBS
from factcheck.load import Source
from factcheck.model import Location, Severity
from factcheck.resolve import ClaimCtx, Story
from factcheck.rules import Example, Hit, rule
from factcheck.text import Passage, QuoteMatch, closest_passage, find_folded, fold, joins_passages, match_quote, shorten

T = TypeVar("T")

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


class ClaimedFigures(Generic[T]):
    """The claims' amounts, asked for those whose interval lies within a figure of the draft.

    A claim backs a figure only when its interval lies within the figure's (SPEC section 4):
    its low end is at or above the figure's and its high end at or below. The intervals are
    sorted by low end once, and a tree over that order keeps the lowest high end of each run, so
    `candidates` walks only into runs holding some interval that ends within the figure: the
    items it yields are those whose two ends both lie between the figure's ends, found in a few
    steps each, instead of every claim whose low end does. The exact test (`backs`) is still
    asked of each candidate, since open and closed ends that meet are told apart there
    (tests/test_fast_paths.py holds that no interval within the figure is left out)."""

    __slots__ = ("lows", "items", "size", "min_hi")

    def __init__(self, items: list[tuple[Interval, T]]) -> None:
        lows = [iv.lo for iv, _ in items]
        order = sorted(range(len(items)), key=lows.__getitem__)
        self.lows = [lows[k] for k in order]
        self.items = [items[k][1] for k in order]
        size = 1
        while size < len(items):
            size *= 2
        self.size = size
        # Node v covers leaves [a, b) and its children are 2v and 2v+1: the levels, built bottom
        # up pair by pair, laid end to end from the root (index 0 is unused).
        levels = [[items[k][0].hi for k in order] + [INF] * (size - len(items))]
        while len(levels[-1]) > 1:
            below = levels[-1]
            levels.append(list(map(min, below[0::2], below[1::2])))
        self.min_hi = [INF] + [hi for level in reversed(levels) for hi in level]

    def candidates(self, fig: Interval) -> Iterator[T]:
        """The items whose interval starts at or above fig's low end and ends at or below its
        high end, in order of low end."""
        first, n, top, min_hi = bisect_left(self.lows, fig.lo), len(self.items), fig.hi, self.min_hi
        todo = [(1, 0, self.size)]
        while todo:
            v, a, b = todo.pop()
            if b <= first or a >= n or min_hi[v] > top:
                continue
            if b - a == 1:
                yield self.items[a]
                continue
            m = (a + b) // 2
            todo.append((2 * v + 1, m, b))
            todo.append((2 * v, a, m))


class BackingIndex:
    """The claims with an amount, grouped by what they count, each group a `ClaimedFigures`, so
    that a figure of the draft meets only the claims that could back it.

    `unit_mismatch` allows a claim to back a figure only in these cases, and the groups follow
    them: a figure in a currency or % meets the claims whose unit has its key; a figure whose
    noun names one of the ledger's units meets the claims with that key; any other figure (no
    noun, or a noun the ledger does not use) meets every claim not in a currency or %, and those
    in a currency or % whose key is its own. `backs` is then asked of each candidate, so the
    answer is the plain `any(backs(story, c, fig, known) and same_thing(story, c, fig) for c in claims)`
    (tests/test_fast_paths.py holds the rule's findings to that plain scan)."""

    __slots__ = ("story", "known", "by_unit", "plain")

    def __init__(self, story: Story, claims: list[ClaimCtx], known: set[str]) -> None:
        self.story, self.known = story, known
        groups: dict[tuple[str | None, bool], list[tuple[Interval, ClaimCtx]]] = {}
        plain: list[tuple[Interval, ClaimCtx]] = []
        for c in claims:
            assert c.amount is not None
            unit = _claim_unit(c)
            symbolic = _symbolic(unit)
            groups.setdefault((story.units.key(unit), symbolic), []).append((c.amount.interval, c))
            if not symbolic:
                plain.append((c.amount.interval, c))
        self.by_unit = {k: ClaimedFigures(v) for k, v in groups.items()}
        self.plain = ClaimedFigures(plain)

    def backed(self, fig: Amount) -> bool:
        """Some claim backs the draft's figure (`backs`)."""
        key = self.story.units.key(fig.unit)
        if _symbolic(fig.unit) or key in self.known:
            groups = [self.by_unit.get((key, False)), self.by_unit.get((key, True))]
        else:
            groups = [self.plain, self.by_unit.get((key, True))]
        return any(backs(self.story, c, fig, self.known) and same_thing(self.story, c, fig)
                   for group in groups if group is not None for c in group.candidates(fig.interval))


def _distance(story: Story, c: ClaimCtx, fig: Amount, known: set[str]) -> tuple[float, bool, float]:
    """How far a claim is from backing a draft figure: the gap between their intervals, a unit
    that differs, then how far apart their stated values are."""
    assert c.amount is not None
    return (_gap(c.amount.interval, fig.interval), unit_mismatch(story, c, fig, known) is not None,
            float(abs(c.amount.value - fig.value)) / (abs(float(fig.value)) + 1))


def implies(inner: Interval, outer: Interval) -> bool:
    """Every value `inner` allows, `outer` allows too (inner is a subset of outer)."""
    return inner.intersection(outer) == inner


def _symbolic(unit: str | None) -> bool:
    """A currency code or %: a unit a figure's own spelling fixes, whatever the ledger says."""
    return unit is not None and (unit == "%" or (len(unit) == 3 and unit.isupper()))


def _claim_unit(c: ClaimCtx) -> str | None:
    """What a claim counts, for backing: its unit, else the noun its figure was stated with, else
    the noun of the same figure in its quote ("circa 22.1m homes" for amount = "circa 22.1m")."""
    if c.unit:
        return c.unit
    if c.amount is None:
        return None
    if c.amount.unit:
        return c.amount.unit
    return next((q.unit for q in c.quote_amounts if q.unit and q.value == c.amount.value), None)


def ledger_units(story: Story) -> set[str]:
    """The unit keys the ledger itself uses: claims' units, subjects' units and `[units]` words.
    A draft noun among them names a unit; any other noun ("them", "North") is just prose."""
    def compute() -> set[str]:
        keys = {story.units.key(u) for c in story.claims if (u := _claim_unit(c)) is not None}
        keys |= {story.units.key(s.unit) for s in story.subjects.values() if s.unit}
        raw = story.raw.data.get("units")
        if isinstance(raw, dict):
            for head, words in raw.items():
                keys.add(story.units.key(str(head)))
                if isinstance(words, list):
                    keys |= {story.units.key(w) for w in words if isinstance(w, str)}
        return {k for k in keys if k is not None}
    return story.shared("draft-ledger-units", compute)


def _word_keys(story: Story, text: str) -> set[str]:
    return {k for w in fold(text).replace('"', " ").split() if (k := story.units.key(w.strip(".,;:!?()"))) is not None}


def unit_mismatch(story: Story, c: ClaimCtx, fig: Amount, known: set[str]) -> str | None:
    """Why the claim's unit cannot back the draft's figure, or None when it can: a currency or %
    on either side must be the other's; a draft noun that names one of the ledger's units must be
    the claim's unit (or a `[units]` synonym of it)."""
    cu, fu = _claim_unit(c), fig.unit
    ck, fk = story.units.key(cu), story.units.key(fu)
    if _symbolic(cu) or _symbolic(fu):
        if ck != fk:
            return f"the claim is in {cu or 'no unit'}, the draft's figure in {fu or 'no unit'}"
        return None
    if fk is None or ck == fk:
        return None
    if fk in known:
        return f"the claim counts {cu or 'no named unit'}, the draft's figure {fu}"
    if ck is not None and c.amount is not None and (_unbounded(c.amount.interval) or _unbounded(fig.interval)):
        # An open bound implies every weaker one: "over 9 million shells" says nothing of "more
        # than 2 million people". Between bounded figures a noun the ledger does not use
        # ("14,000 North Korean troops") is prose, not a unit. The word read after a figure may
        # be an adjective ("200 heavy artillery pieces"): the claim's quote holding it, or the
        # draft naming the claim's unit just after the figure, is the same count.
        if fk in _word_keys(story, c.claim.quote or "") or ck in _following(story, fig):
            return None
        return f"the claim counts {cu}, the draft's figure {fu}"
    return None


def _following(story: Story, fig: Amount) -> set[str]:
    """The unit keys of the few words after a draft figure."""
    text = story.draft_text or ""
    return _word_keys(story, " ".join(text[fig.span[1]:fig.span[1] + 80].split()[:4]))


def _unbounded(i: Interval) -> bool:
    return i.hi.is_infinite() or i.lo.is_infinite()


def backs(story: Story, c: ClaimCtx, fig: Amount, known: set[str]) -> bool:
    """SPEC section 4: a claim backs a draft figure when it implies it, in the same unit."""
    assert c.amount is not None
    return implies(c.amount.interval, fig.interval) and unit_mismatch(story, c, fig, known) is None


# Words too common to say two sentences speak of the same thing.
_COMMON = frozenset(VERBS | CHANGE_VERBS | STOP_WORDS | {w for h in HEDGES for w in h.split()} | {
    "said", "says", "told", "according", "about", "also", "than", "from", "into", "after", "before", "year",
    "years", "month", "months", "week", "weeks", "percent", "cent", "million", "billion", "thousand", "half",
    "third", "quarter", "would", "could", "will", "such", "some", "most", "many", "much", "other", "over",
    "under", "nearly", "almost", "around", "roughly", "people", "total", "number", "share", "within",
    "between"})
_FAR = 10  # a claim this many times smaller than "less than X" (or larger than "more than X") is far


def _content_words(text: str) -> set[str]:
    return {w.removesuffix("s") for w in re.findall(r"[a-z]{4,}", fold(text)) if w not in _COMMON}


def same_thing(story: Story, c: ClaimCtx, fig: Amount) -> bool:
    """Whether the claim can be about what the draft's figure counts. A figure open at one end
    ("less than $35,000", "more than 60") is implied by any claim far enough inside it, so such
    a claim backs it only when the two are of the same order of magnitude (within a factor of
    ten) or the draft's sentence shares a word with the claim's quote, subject or text: a $2.50
    fare does not back "earn less than $35,000". A range ("within 12 to 18 months") is a
    specific statement about one thing: a claim stating that range is about it, but a claim with
    a figure somewhere inside it backs it only when the sentences share a word, as "repairs
    within 12 months" does not back "a final report within 12 to 18 months". Any other bounded
    figure is implied only by a claim of its own size, which is related enough."""
    assert c.amount is not None
    ci, fi = c.amount.interval, fig.interval
    if fig.hedge is Hedge.PASSED and not fi.lo.is_infinite():
        return _near_milestone(c.amount, fig)
    if fig.hedge is Hedge.RANGE:
        far = ci != fi
    elif fig.hedge in (Hedge.UNDER, Hedge.UP_TO) and not fi.hi.is_infinite():
        bound, inner = fi.hi, ci.hi
        far = bound > 0 and inner >= 0 and (inner == 0 or bound / inner > _FAR)
    elif fig.hedge in (Hedge.OVER, Hedge.AT_LEAST, Hedge.PASSED) and not fi.lo.is_infinite():
        bound, inner = fi.lo, ci.lo
        far = bound > 0 and (inner.is_infinite() or inner / bound > _FAR)
    else:
        return True
    if not far:
        return True
    text = story.draft_text or ""
    said = _content_words(_sentence_around(text, fig.span[0], fig.span[1]))
    return bool(said & _claim_words(c))


def _near_milestone(claimed: Amount, fig: Amount) -> bool:
    """"passed 60,000" names the mark a count has just gone beyond (or, "passed 3 bills", the count
    itself): a claim backs it only from no further above it than its tolerance, so "had passed
    90,000" is not backed by a claim of "nearly 900,000" or "more than 60,000"."""
    mark, low = fig.interval.lo, claimed.interval.lo
    return low.is_infinite() or mark < 0 or low <= mark * (1 + fig.tolerance)


def _claim_words(c: ClaimCtx) -> set[str]:
    """The content words of a claim's quote, subject, text, unit and id."""
    return _content_words(" ".join([c.claim.quote or "", c.claim.subject or "", c.claim.text or "",
                                    c.claim.unit or "", c.id]).replace("-", " ").replace("_", " ").replace(".", " "))


def _why_not(story: Story, c: ClaimCtx, fig: Amount, known: set[str]) -> str:
    """Every reason the claim does not back the figure: its unit, its interval."""
    assert c.amount is not None
    reasons = []
    if (why := unit_mismatch(story, c, fig, known)) is not None:
        reasons.append(why)
    ci, fi = c.amount.interval, fig.interval
    if not reasons and implies(ci, fi) and fig.hedge is Hedge.PASSED and not same_thing(story, c, fig):
        reasons.append(f"'{fig.hedge_words}' names a mark just gone beyond, and the claim is more than "
                       f"{(fig.tolerance * 100).normalize():f}% above it")
    elif not reasons and implies(ci, fi) and not same_thing(story, c, fig):
        off = ("it states a figure inside the draft's range, not the range," if fig.hedge is Hedge.RANGE
               else "it is over ten times off the draft's bound")
        reasons.append(f"{off} and shares no word with the draft's sentence, so it is about something else")
    if not ci.overlaps(fi):
        reasons.append("the two do not overlap")
    elif c.amount.hedge is not Hedge.EXACT and fig.hedge is Hedge.EXACT and c.amount.value == fig.value:
        reasons.append(f"the draft drops the claim's hedge '{c.amount.hedge_words}'")
    elif not implies(ci, fi):
        reasons.append(f"the claim allows {ci.describe()}, which the draft's {fi.describe()} does not cover")
    return "; ".join(reasons)


def _draft_figures(story: Story) -> Iterator[Amount]:
    text = story.draft_text or ""
    # The dates' spans are left to the period reader. Read with the default conventions, as
    # always; when the story's are the default, that is the reading FC610 and FC611 share, so
    # the draft is scanned for dates once, not twice.
    if story.conventions == DEFAULT_CONVENTIONS:
        periods = _draft_periods(story)
    else:
        periods = find_periods(text, story.info.published)
    st = story.settings
    for a in find_amounts(text, st.tolerances, st.tolerance, [p.span for p in periods], dollar=st.dollar,
                          decimal_comma=st.decimal_comma):
        words = a.text.lower().split()
        if a.hedge is Hedge.EXACT and words and all(w in _SMALL_WORDS for w in words):
            continue  # "one of the", "two-line": words, not figures
        if a.hedge is Hedge.VAGUE and a.interval.hi <= 10:
            continue  # "several", "a couple of": small words too
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
        `verify --draft PATH`) is backed by a claim that implies it: every value the claim's
        amount allows, the draft's figure allows too ("nearly 6,000" is backed by 5,951; "14,000"
        is not backed by "about 14,000", which the draft states more precisely than its source).
        A figure in a currency or %, or whose noun is a unit the ledger uses, is backed only by
        a claim in that unit or a `[units]` synonym of it. Years, dates, ordinals, list numbers
        and small numbers spelt out (one to nine) are not figures, and a figure inside a
        quotation that a source holds word for word is backed by that source (FC602 checks the
        quotation whole). A figure is also backed by the quote of claim X, found in its source,
        when the quote holds the figure with the draft's words around it: the word after and
        the words before back to the first uncommon one ("older than 75", "children under ten"),
        or a hedged figure's whole phrase with its noun ("more than 80 percent"), whatever X's
        own amount; "younger than 75" is not backed by "older than 75". A figure open at one end
        ("less than $35,000") is backed only by a claim about the same thing: within a factor of
        ten of its bound, or sharing a word with the draft's sentence (a $2.50 fare does not back
        an income). A range ("within 12 to 18 months") is backed by a claim stating that range,
        or by one inside it that shares a word with the draft's sentence ("repairs within 12
        months" does not back a final report's date). The finding names the most related claim and why it does not back the
        figure: one whose quote holds the figure, else one in its unit, else the nearest value
        within ten times of it in a unit that could back it; none when nothing is related.
    Why an editor cares:
        A figure that reached the copy without a ledger entry has not been checked; an open
        "at least 600 soldiers" says nothing about "5,000 wounded".
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    claims = [c for c in story.claims if c.amount is not None]
    known = ledger_units(story)
    backing = BackingIndex(story, claims, known)
    quoted = _sourced_quotations(story)
    # figures quoted by claims that record only a date, for the hint (gathered once)
    dated_figures = [(c, qa) for c in story.claims if c.amount is None and c.quote_found for qa in c.quote_amounts]
    starts = [a for a, _ in quoted]
    quotes = QuoteWords(story)
    for fig in _draft_figures(story):
        i = bisect_right(starts, fig.span[0]) - 1
        if i >= 0 and fig.span[1] <= quoted[i][1]:
            continue  # inside a quotation a source holds word for word: the source backs it (FC602)
        if backing.backed(fig) or _backed_by_quote(story, quotes, fig) is not None:
            continue
        quoting = _quoted_by_dated_claim(story, dated_figures, fig, known)
        if quoting is not None:
            c, figure = quoting
            yield Hit(f"the draft's figure '{fig.text}' ({fig.interval.describe()}) is backed by no claim; claim "
                      f"'{c.id}' quotes '{figure}' but records only a date: add amount = \"{figure}\" to it",
                      claims=[c.id], location=_draft_loc(story, text, fig.span[0]),
                      evidence=shorten(text[max(0, fig.span[0] - 60): fig.span[1] + 60], 160), figure=fig.text)
            continue
        nearest, quotes_it = _nearest_claim(story, claims, quotes, fig, known)
        hint = (f"; nearest: claim '{nearest.id}' {nearest.amount.describe()}"  # type: ignore[union-attr]
                + (f", whose quote has '{' '.join(fig.text.split())}'" if quotes_it else "")
                + f": {_why_not(story, nearest, fig, known)}"
                if nearest is not None else "; the ledger has no figures" if not claims
                else "; no claim's figure is related to it (none quotes it as such, counts its unit or is near its value)")
        yield Hit(f"the draft's figure '{fig.text}' ({fig.interval.describe()}) is backed by no claim{hint}",
                  claims=[nearest.id] if nearest else [], location=_draft_loc(story, text, fig.span[0]),
                  evidence=shorten(text[max(0, fig.span[0] - 60): fig.span[1] + 60], 160), figure=fig.text)


_WORD = re.compile(r"[\w$€£¥₹₩%][\w$€£¥₹₩%.,'\u2212-]*")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”]|$)")
_CONTEXT = 3  # words before a draft figure looked at for one that is not a common word


class QuoteWords:
    """The claims' quotes, folded and indexed by word, so that a draft figure meets only the
    quotes holding its last word (built when the first unbacked figure asks, once a run), and
    the claims' unit keys the hint for an unbacked figure asks of, worked out once."""

    __slots__ = ("story", "quotes", "by_word", "seen")

    def __init__(self, story: Story) -> None:
        self.story = story
        self.quotes: list[tuple[ClaimCtx, str]] = []
        self.by_word: dict[str, list[int]] | None = None
        self.seen: tuple[set[int], list[str | None]] | None = None

    def claims_seen(self, claims: list[ClaimCtx]) -> tuple[set[int], list[str | None]]:
        """The claims with an amount (by id) and each one's unit key, worked out once."""
        if self.seen is None:
            self.seen = ({id(c) for c in claims}, [self.story.units.key(_claim_unit(c)) for c in claims])
        return self.seen

    def _index(self) -> dict[str, list[int]]:
        self.quotes = [(c, fold(c.claim.quote)) for c in self.story.claims if c.claim.quote]
        by_word: dict[str, list[int]] = {}
        for k, (_, q) in enumerate(self.quotes):
            for w in {w.rstrip(".,") for w in _WORD.findall(q)}:
                by_word.setdefault(w, []).append(k)
        return by_word

    def mention(self, figure: str) -> bool:
        """Some quote holds the figure's last word (a quick no for most unbacked figures)."""
        words = _WORD.findall(fold(figure))
        if self.by_word is None:
            self.by_word = self._index()
        return bool(words) and words[-1].rstrip(".,") in self.by_word

    def holding(self, phrase: str) -> Iterator[tuple[ClaimCtx, str, int]]:
        """The claims whose quote holds `phrase` (folded) as whole words, with where it ends."""
        words = _WORD.findall(phrase)
        if not words:
            return
        if self.by_word is None:
            self.by_word = self._index()
        for k in self.by_word.get(words[-1].rstrip(".,"), ()):
            c, q = self.quotes[k]
            at = q.find(phrase)
            while at >= 0:
                end = at + len(phrase)
                if not _glued(q, at - 1, at) and not _glued(q, end, end + 1):
                    yield c, q, end
                at = q.find(phrase, at + 1)


def _glued(q: str, k: int, digit_at: int) -> bool:
    """q[k] joins the phrase beside it to more of a word or number ("175", "75.5", "1,075")."""
    if not 0 <= k < len(q):
        return False
    ch = q[k]
    return ch.isalnum() or ch == "_" or ch in ".," and 0 <= digit_at < len(q) and q[digit_at].isdigit()


def _backed_by_quote(story: Story, quotes: QuoteWords, fig: Amount) -> ClaimCtx | None:
    """A claim whose quote, found in its source, holds the draft's figure with its neighbours:
    for a figure with a hedge and a noun, the whole phrase ("more than 80 percent"); else the
    word after it (unless it ends a clause) and the words before it back to the first that is
    not a common word ("older than 75" for "80 percent of them older than 75.", "children under
    ten"), so "younger than 75" is not backed by "older than 75"."""
    if not quotes.mention(fig.text):
        return None  # no claim's quote holds the figure at all
    text = story.draft_text or ""
    if fig.hedge is not Hedge.EXACT and fig.unit is not None:
        noun = re.match(r"\s*([\w'-]+)", text[fig.span[1]:fig.span[1] + 80])
        whole = fig.text if _symbolic(fig.unit) else (
            f"{fig.text} {noun.group(1)}" if noun is not None and noun.group(1).casefold() == fig.unit.casefold() else "")
        if whole and (c := next((c for c, _, _ in quotes.holding(fold(whole)) if c.quote_found), None)) is not None:
            return c
    before = re.findall(r"[\w'-]+|[^\w\s]", text[max(0, fig.span[0] - 80):fig.span[0]])
    after = re.match(r"\s*([\w'-]+)", text[fig.span[1]:fig.span[1] + 80])
    if after is None and _CLAUSE_END.match(text, fig.span[1]) is None:
        return None
    words: list[str] = []
    for w in reversed(before[-_CONTEXT:]):
        if not w[0].isalnum():
            return None  # punctuation before a content word: the figure opens a clause
        words.insert(0, w)
        if w.isalpha() and len(w) > 2 and w.casefold() not in _COMMON:
            break
    else:
        return None
    phrase = fold(" ".join([*words, fig.text] + ([after.group(1)] if after is not None else [])))
    return next((c for c, _, _ in quotes.holding(phrase) if c.quote_found), None)


def _nearest_claim(story: Story, claims: list[ClaimCtx], quotes: QuoteWords, fig: Amount,
                   known: set[str]) -> tuple[ClaimCtx | None, bool]:
    """The claim a finding names for an unbacked figure, the most related first: one whose quote
    holds the figure's text, not as a currency or % the figure is not in; else one in the
    figure's unit; else the nearest value among those in a unit that could back it and within a
    factor of ten of it. None when nothing is related; True with a claim whose quote holds it."""
    def near(pool: Iterable[ClaimCtx]) -> ClaimCtx | None:
        return min(pool, key=lambda c: _distance(story, c, fig, known), default=None)
    with_amount, unit_keys = quotes.claims_seen(claims)
    quoting = {id(c): c for c, _, _ in quotes.holding(fold(fig.text))
               if id(c) in with_amount and not _other_kind(story, c, fig)}
    if quoting:
        return near(quoting.values()), True
    key = story.units.key(fig.unit)
    if key is not None and (same := [c for c, k in zip(claims, unit_keys, strict=True) if k == key]):
        return near(same), False
    return near(c for c in claims if _within_ten(c, fig) and unit_mismatch(story, c, fig, known) is None), False


def _other_kind(story: Story, c: ClaimCtx, fig: Amount) -> bool:
    """A currency or % on one side that the other does not share: "70 percent" is not "70 residents"."""
    cu = _claim_unit(c)
    return (_symbolic(cu) or _symbolic(fig.unit)) and story.units.key(cu) != story.units.key(fig.unit)


def _within_ten(c: ClaimCtx, fig: Amount) -> bool:
    assert c.amount is not None
    a, b = abs(c.amount.value), abs(fig.value)
    return a == b or min(a, b) > 0 and max(a, b) / min(a, b) <= _FAR


def _quoted_by_dated_claim(story: Story, dated_figures: list[tuple[ClaimCtx, Amount]], fig: Amount,
                           known: set[str]) -> tuple[ClaimCtx, str] | None:
    """A claim that records only a date but whose found quote states a figure that would back
    the draft's: the ledger's gap an editor closes with one `amount` line."""
    for c, qa in dated_figures:
        if backs(story, replace(c, amount=qa), fig, known):
            return c, qa.text
    return None


def _quotations(story: Story) -> Iterator[tuple[re.Match[str], str, int]]:
    """Each quotation of three words or more in the draft: (match, its words, its position)."""
    text = story.draft_text or ""
    for m in _QUOTATION.finditer(text):
        quote = m.group(1).strip()
        if len(quote.split()) >= 3:
            yield m, quote, m.start()


def _sourced_quotations(story: Story) -> list[tuple[int, int]]:
    """The spans of the draft's quotations that some source holds, in order (found once a run)."""

    def compute() -> list[tuple[int, int]]:
        bodies = [(sid, s) for sid, s in story.sources.items() if s.body is not None]
        return [m.span(1) for m, quote, _ in _quotations(story) if _quoted_in(bodies, quote) is not None]

    return story.shared("draft-sourced-quotations", compute)


def _quoted_in(bodies: list[tuple[str, Source]], quote: str) -> tuple[str, QuoteMatch] | None:
    """The first source that holds a quotation, as reporters quote (ellipses, brackets, [sic])."""
    q = fold(quote)
    for sid, s in bodies:
        if find_folded(s.folded, q) >= 0:
            return sid, QuoteMatch()
    for sid, s in bodies:
        found = match_quote(s.folded, s.folded_paragraphs, quote)
        if found is not None:
            return sid, found
    return None


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
        folding, in some source's text, as reporters quote: an ellipsis (…, ..., . . .) is a
        gap, each piece in order within one paragraph; `[bracketed words]` stand for a short
        span of the source (FC608 shows which); `[sic]` is ignored. Two sentences joined
        without an ellipsis are a misquote. The finding shows the closest passage and what
        differs word by word.
    Why an editor cares:
        A misquotation is the error a correction is most often about.
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    bodies = [(sid, s) for sid, s in story.sources.items() if s.body is not None]
    vocabulary: dict[str, set[str]] = {}
    sourced = set(_sourced_quotations(story))
    for m, quote, _ in _quotations(story):
        if m.span(1) in sourced:
            continue
        best = _closest(bodies, quote, vocabulary)
        hint = ""
        evidence = None
        derivation: list[str] = []
        joined = next((sid for sid, src in bodies if joins_passages(src.folded, src.folded_paragraphs, quote)), None)
        if joined is not None:
            derivation.append(f"the quotation joins sentences that are apart in {joined}: mark the gap with an "
                              "ellipsis (…)")
        if best is not None:
            sid, src, p = best
            hint = f"; closest: {sid} line {p.line + src.body_line - 1}: \"{shorten(p.text, 120)}\""
            evidence = shorten(p.text, 240)
            derivation.extend(p.differences[:6])
        yield Hit(f"the draft quotes \"{shorten(quote, 100)}\", which no source contains{hint}",
                  sources=[best[0]] if best else [], location=_draft_loc(story, text, m.start()),
                  evidence=evidence, derivation=derivation)


def _closest(bodies: list[tuple[str, Source]], quote: str,
             vocabulary: dict[str, set[str]]) -> tuple[str, Source, Passage] | None:
    """The passage closest to a quotation across the sources that share most of its words
    (`vocabulary` keeps each source's words, split once for all the quotes)."""
    qwords = set(fold(quote).split())
    for sid, src in bodies:
        if sid not in vocabulary:
            vocabulary[sid] = set(src.folded.split())
    ranked = sorted(bodies, key=lambda b: -len(qwords & vocabulary[b[0]]))[:3]
    found = [(sid, src, p) for sid, src in ranked if (p := closest_passage(src.body or "", quote)) is not None]
    return max(found, key=lambda f: f[2].score, default=None)


@rule(
    "FC608", "draft-quote-insertion", Severity.INFO, "A quotation in the draft has [bracketed words]; what they replace",
    example=Example(
        ledger="""
            [[claim]]
            id = "sea-wall"
            source = "agency"
            quote = "She opened the 2-kilometre sea wall"
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-03-14
                url = "https://news.example/harbour/mayor"
                +++
                Mayor Ana Ruiz spoke at the harbour on Thursday. She opened the 2-kilometre sea wall, the
                city's largest project in a decade. "It is a promise kept to the harbour," she said.
            """,
        },
        draft="""
            "[The sea wall] is a promise kept to the harbour," Ruiz said as she cut the ribbon.
        """,
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "sea-wall"
            source = "agency"
            quote = "She opened the 2-kilometre sea wall"
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-03-14
                url = "https://news.example/harbour/mayor"
                +++
                Mayor Ana Ruiz spoke at the harbour on Thursday. She opened the 2-kilometre sea wall, the
                city's largest project in a decade. "It is a promise kept to the harbour," she said.
            """,
        },
        draft="""
            "It is a promise kept to the harbour," Ruiz said as she cut the ribbon.
        """,
    ),
)
def draft_quote_insertion(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A quotation in the draft that is found in a source only because its `[bracketed
        words]` stand for other words of the source (or for none): the finding shows what each
        insertion replaced, so an editor can judge that it keeps the speaker's meaning.
    Why an editor cares:
        Brackets are the writer's words inside the speaker's; "[the army] will stay" for "they
        will stay" is fair, "[never]" for "not yet" is not.
    """
    if story.draft_text is None:
        return
    text = story.draft_text
    bodies = [(sid, s) for sid, s in story.sources.items() if s.body is not None]
    for _, quote, pos in _quotations(story):
        if "[" not in quote:
            continue
        found = _quoted_in(bodies, quote)
        if found is None or not found[1].insertions:
            continue
        sid, qm = found
        yield Hit(f"the draft quotes \"{shorten(quote, 100)}\" from {story.source_label(sid)}: "
                  + "; ".join(insertion_text(b, w) for b, w in qm.insertions),
                  sources=[sid], location=_draft_loc(story, text, pos))


def insertion_text(bracket: str, words: str) -> str:
    """'[Kim] stands for "he"', '[of the North] adds words the source does not have'."""
    if not words:
        return f"{bracket} adds words the source does not have"
    return f"{bracket} stands for \"{words}\""


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


def _quotation_spans(story: Story) -> tuple[list[int], list[int]]:
    """Where the draft's quotations start and end: found in order and never overlapping, so
    both lists are sorted (read once for both rules)."""
    def find() -> tuple[list[int], list[int]]:
        spans = [m.span() for m in _QUOTATION.finditer(story.draft_text or "")]
        return [a for a, _ in spans], [b for _, b in spans]
    return story.shared("draft-quotations", find)


def _in_quotation(story: Story, pos: int) -> bool:
    starts, ends = _quotation_spans(story)
    k = bisect_right(starts, pos) - 1  # the last quotation starting at or before pos
    return k >= 0 and pos < ends[k]


def _claimed_dates(story: Story) -> list[ClaimCtx]:
    return [c for c in story.claims if c.period is not None]


class ClaimedDays:
    """The claims' periods, asked whether one of them lies within a period of the draft.

    The plain question, `any(c.period.within(p) for c in dated)`, walks every dated claim for
    every date of the draft; here the periods are sorted by first day once, with the earliest
    last day of each tail, so each question is one binary search: some period starting on or
    after p's first day ends on or before p's last day exactly when the earliest end among
    those periods does (tests/test_fast_paths.py holds it to the plain question)."""

    __slots__ = ("starts", "min_end")

    def __init__(self, periods: list[Period]) -> None:
        ordered = sorted(((q.start, q.end) for q in periods), key=lambda se: se[0])
        self.starts = [a for a, _ in ordered]
        self.min_end = [b for _, b in ordered]
        for k in range(len(self.min_end) - 2, -1, -1):
            if self.min_end[k + 1] < self.min_end[k]:
                self.min_end[k] = self.min_end[k + 1]

    def within(self, p: Period) -> bool:
        """Some period lies within p (p.start <= its start and its end <= p.end)."""
        k = bisect_left(self.starts, p.start)
        return k < len(self.starts) and self.min_end[k] <= p.end


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
    claimed = ClaimedDays([c.period for c in dated if c.period is not None])
    for p in _draft_periods(story):
        if p.open_start and p.open_end:
            continue
        if not (p.open_start or p.open_end) and (p.end - p.start).days >= _LONGEST_CHECKED:
            continue
        if _in_quotation(story, p.span[0]) or _SAYING.search(_sentence_around(text, *p.span)):
            continue
        if claimed.within(p):
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
