"""FC3xx: across sources. Claims sharing a `subject` are grouped (by subject, then by unit) and
compared: figures, hedges, periods, units, running totals.

To avoid a quadratic flood on a subject with many claims, conflicts are reported against a
consensus: the point covered by the most claims' intervals is found by sorting their ends and
sweeping (O(n log n)); every claim that cannot contain it and cannot overlap some claim of that
consensus is reported once, naming every consensus claim it contradicts (found by bisection over
the consensus sorted by either end, so the cost follows the size of the answer).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from decimal import Decimal
from itertools import groupby

from factcheck.dates import Period
from factcheck.intervals import Interval
from factcheck.model import ClaimStatus, Severity
from factcheck.resolve import ClaimCtx, Story
from factcheck.rules import Example, Hit, StatusScope, rule

_Key = tuple[Decimal, int]


def _start_key(i: Interval) -> _Key:
    return (i.lo, 1 if i.lo_open else 0)


def _end_key(i: Interval) -> _Key:
    return (i.hi, -1 if i.hi_open else 0)


Outlier = tuple[ClaimCtx, list[ClaimCtx]]


def outliers(items: list[ClaimCtx], interval_of: Callable[[ClaimCtx], Interval]) -> list[Outlier]:
    """(outlier, every consensus claim it contradicts, in ledger order) for each claim outside
    the consensus."""
    if len(items) < 2:
        return []
    ivs = [interval_of(c) for c in items]
    first = ivs[0]
    if all(i == first for i in ivs):
        return []  # all agree, as most subjects' claims do: no sweep needed
    if max(i.lo for i in ivs) < min(i.hi for i in ivs):
        return []  # the test below, decided by the ends' values alone: no keys to build
    start_keys = [_start_key(i) for i in ivs]
    end_keys = [_end_key(i) for i in ivs]
    if max(start_keys) <= min(end_keys):
        return []  # the latest start lies in every interval: all agree there, no sweep needed
    return _sweep(items, ivs, start_keys, end_keys)


def _sweep(items: list[ClaimCtx], ivs: list[Interval], start_keys: list[_Key],
           end_keys: list[_Key]) -> list[Outlier]:
    """outliers without its shortcuts: find the deepest point, then who cannot contain it."""
    starts = sorted(start_keys)
    ends = sorted(end_keys)
    depths = [(bisect_right(starts, k) - bisect_left(ends, k), k) for k in sorted(set(starts))]
    best_depth = max(d for d, _ in depths)
    tied = [k for d, k in depths if d == best_depth]
    best_key: _Key | None = tied[0]
    if 1 < len(tied) <= 16:
        # A tie: prefer the point more independent sources agree on.
        def n_sources(k: _Key) -> int:
            return len({c.claim.source for c, i in zip(items, ivs, strict=True) if _contains_key(i, k)})

        best_key = max(tied, key=n_sources)
    assert best_key is not None
    inside = [s <= best_key <= e for s, e in zip(start_keys, end_keys, strict=True)]
    members = [n for n, yes in enumerate(inside) if yes]
    # Two intervals miss each other when one's end key is below the other's start key, so the
    # consensus claims an outlier misses are a prefix of them by end and a suffix by start.
    by_end = sorted(members, key=lambda n: end_keys[n])
    by_start = sorted(members, key=lambda n: start_keys[n])
    ends = [end_keys[n] for n in by_end]
    begins = [start_keys[n] for n in by_start]
    out: list[Outlier] = []
    for n, yes in enumerate(inside):
        if yes:
            continue
        below = by_end[:bisect_left(ends, start_keys[n])]
        above = by_start[bisect_right(begins, end_keys[n]):]
        if below or above:
            out.append((items[n], [items[k] for k in sorted(below + above)]))
    return out


def _contains_key(i: Interval, k: _Key) -> bool:
    return _start_key(i) <= k <= _end_key(i)


def amount_groups(story: Story, subject: str) -> dict[str | None, list[ClaimCtx]]:
    """unit_groups of a subject's claims that state a figure (worked out once per run)."""
    cache: dict[str, dict[str | None, list[ClaimCtx]]] = story.shared("amount-groups", dict)
    groups = cache.get(subject)
    if groups is None:
        groups = cache[subject] = unit_groups(story, [c for c in story.by_subject()[subject] if c.amount is not None])
    return groups


def unit_groups(story: Story, claims: list[ClaimCtx]) -> dict[str | None, list[ClaimCtx]]:
    """Claims of one subject by unit; claims without a unit join the largest unit's group."""
    groups: dict[str | None, list[ClaimCtx]] = {}
    loose: list[ClaimCtx] = []
    key = story.units.key
    for c in claims:
        k = key(c.unit)
        (groups.setdefault(k, []) if k is not None else loose).append(c)
    if loose:
        target = max(groups, key=lambda k: len(groups[k])) if groups else None
        groups.setdefault(target, []).extend(loose)
    return groups


def _cumulative(story: Story, subject: str) -> bool:
    info = story.subjects.get(subject)
    return bool(info and info.cumulative)


def _who(story: Story, c: ClaimCtx) -> str:
    src = story.sources.get(c.claim.source)
    return f"claim '{c.id}' ({src.label() if src is not None else c.claim.source})"


def _amount_conflicts(story: Story) -> list[Outlier]:
    return story.shared("amount-conflicts", lambda: _find_amount_conflicts(story))


def _find_amount_conflicts(story: Story) -> list[Outlier]:
    pairs: list[Outlier] = []
    for subject in story.by_subject():
        for claims in amount_groups(story, subject).values():
            if _cumulative(story, subject):
                by_date: dict[object, list[ClaimCtx]] = {}
                for c in claims:
                    by_date.setdefault(c.date_for_order(), []).append(c)
                for d, same_day in by_date.items():
                    if d is not None:
                        pairs.extend(outliers(same_day, lambda c: c.amount.interval))  # type: ignore[union-attr]
            else:
                pairs.extend(outliers(claims, lambda c: c.amount.interval))  # type: ignore[union-attr]
    return pairs


def _opposite(a: ClaimCtx, others: list[ClaimCtx]) -> bool:
    """The outlier states the same number as every claim it contradicts, hedged the other way."""
    assert a.amount is not None
    for b in others:
        assert b.amount is not None
        if a.amount.value != b.amount.value or a.amount.hedge.direction * b.amount.hedge.direction != -1:
            return False
    return True


MAX_NAMED = 6  # parties named in a message; the finding's claims list every one


def _parties(story: Story, others: list[ClaimCtx], say: Callable[[ClaimCtx], str]) -> str:
    named = [f"{_who(story, b)} {say(b)}" for b in others[:MAX_NAMED]]
    if len(others) > MAX_NAMED:
        named.append(f"{len(others) - MAX_NAMED} more claims")
    if len(named) == 1:
        return named[0]
    return ", ".join(named[:-1]) + " and " + named[-1]


def _conflict_hit(story: Story, a: ClaimCtx, others: list[ClaimCtx], verb: str) -> Hit:
    assert a.amount is not None
    parties = _parties(story, others, lambda b: f"says {b.amount.describe()}")  # type: ignore[union-attr]
    return Hit(
        f"{_who(story, a)} says {a.amount.describe()}; {parties}: {verb}",
        claims=[a.id, *(b.id for b in others)], sources=sorted({a.claim.source, *(b.claim.source for b in others)}),
        location=story.claim_loc(a, "amount"),
        derivation=[f"{a.id}: {a.amount.text} = {a.amount.interval.describe()}",
                    *(f"{b.id}: {b.amount.text} = {b.amount.interval.describe()}"  # type: ignore[union-attr]
                      for b in others),
                    "the intervals do not overlap" if len(others) > 1 else "the two intervals do not overlap"],
        evidence=a.claim.quote, figure=a.amount.text)


@rule(
    "FC301", "amounts-conflict", Severity.ERROR, "Sources give figures for one subject that cannot both be true",
    status=ClaimStatus.CONFLICTING, status_scope=StatusScope.ALL, tags=("conflict",),
    example=Example(
        ledger="""
            [[claim]]
            id = "stadium-herald"
            subject = "stadium-cost"
            source = "herald"
            quote = "$301 million"

            [[claim]]
            id = "stadium-post"
            subject = "stadium-cost"
            source = "post"
            quote = "$310 million"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-04-02
                url = "https://news.example/herald"
                +++
                The stadium will cost $301 million.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-04-03
                url = "https://news.example/post"
                +++
                The stadium's price tag is $310 million.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "stadium-herald"
            subject = "stadium-cost"
            source = "herald"
            quote = "approximately $300 million"

            [[claim]]
            id = "stadium-post"
            subject = "stadium-cost"
            source = "post"
            quote = "$310 million"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-04-02
                url = "https://news.example/herald"
                +++
                The stadium will cost approximately $300 million.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-04-03
                url = "https://news.example/post"
                +++
                The stadium's price tag is $310 million.
            """,
        },
    ),
)
def amounts_conflict(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Claims sharing a subject (and a unit) have overlapping intervals, hedges included:
        "$301 million" against "$310 million" conflicts; "approximately 14,000" and
        "some 15,000" overlap. With many claims, each claim outside the consensus (the figure
        most claims allow) is reported once against a consensus claim it contradicts, so one
        bad figure among a thousand gives one finding, not a thousand. On a `cumulative`
        subject only figures of the same date are compared this way (see FC305).
    Why an editor cares:
        Two outlets cannot both be right; the story must pick one and say why.
    """
    for a, others in _amount_conflicts(story):
        if not _opposite(a, others):
            yield _conflict_hit(story, a, others, "the figures cannot both be true" if len(others) == 1
                                else "it cannot agree with any of them")


@rule(
    "FC302", "opposite-hedges", Severity.ERROR, "Sources hedge the same figure in opposite directions",
    status=ClaimStatus.CONFLICTING, status_scope=StatusScope.ALL, tags=("conflict",),
    example=Example(
        ledger="""
            [[claim]]
            id = "visitors-herald"
            subject = "visitors"
            source = "herald"
            quote = "over 9 million visitors"

            [[claim]]
            id = "visitors-post"
            subject = "visitors"
            source = "post"
            quote = "as many as nine million visitors"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-01-05
                url = "https://news.example/herald"
                +++
                The city drew over 9 million visitors last year.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-01-06
                url = "https://news.example/post"
                +++
                Officials counted as many as nine million visitors.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "visitors-herald"
            subject = "visitors"
            source = "herald"
            quote = "about 9 million visitors"

            [[claim]]
            id = "visitors-post"
            subject = "visitors"
            source = "post"
            quote = "as many as nine million visitors"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-01-05
                url = "https://news.example/herald"
                +++
                The city drew about 9 million visitors last year.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-01-06
                url = "https://news.example/post"
                +++
                Officials counted as many as nine million visitors.
            """,
        },
    ),
)
def opposite_hedges(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Claims of one subject that state the same number hedged opposite ways so their intervals
        do not overlap: "over 9 million" (more than 9,000,000) against "as many as nine million"
        (at most 9,000,000).
    Why an editor cares:
        One source says the figure is a floor, the other a ceiling; the story cannot say both.
    """
    for a, others in _amount_conflicts(story):
        if _opposite(a, others):
            yield _conflict_hit(story, a, others, "one is a floor, the other a ceiling")


def _days(c: ClaimCtx) -> Interval:
    """A period as an interval of day numbers; an open end is the first or last day there is."""
    assert c.period is not None
    return Interval(Decimal(c.period.start.toordinal()), Decimal(c.period.end.toordinal()))


def _span(p: Period) -> str:
    return f"{p.start} to {p.end}" if not (p.open_start or p.open_end) else p.describe()


@rule(
    "FC303", "periods-conflict", Severity.ERROR, "Sources date one subject to periods that do not overlap",
    status=ClaimStatus.CONFLICTING, status_scope=StatusScope.ALL, tags=("timing", "conflict"),
    example=Example(
        ledger="""
            [[claim]]
            id = "closure-herald"
            subject = "plant-closure"
            source = "herald"
            quote = "the plant closed in late 2023"
            when = "late 2023"

            [[claim]]
            id = "closure-post"
            subject = "plant-closure"
            source = "post"  # published 2024-10-23: "earlier this month" is October 2024
            quote = "the plant closed earlier this month"
            when = "earlier this month"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2024-02-01
                url = "https://news.example/herald"
                +++
                Workers said the plant closed in late 2023.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2024-10-23
                url = "https://news.example/post"
                +++
                The owners said the plant closed earlier this month.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "closure-herald"
            subject = "plant-closure"
            source = "herald"
            quote = "the plant closed in October 2024"
            when = "October 2024"

            [[claim]]
            id = "closure-post"
            subject = "plant-closure"
            source = "post"
            quote = "the plant closed earlier this month"
            when = "earlier this month"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2024-11-01
                url = "https://news.example/herald"
                +++
                Workers said the plant closed in October 2024.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2024-10-23
                url = "https://news.example/post"
                +++
                The owners said the plant closed earlier this month.
            """,
        },
    ),
)
def periods_conflict(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Claims sharing a subject have overlapping periods (`when`, resolved against each
        source's date). Reported against the consensus as for FC301. Subjects marked
        `cumulative` are running totals measured at different times and are not compared here;
        a weekday-only date is compared by FC206, though the calendar dates it sides with are
        still compared here.
    Why an editor cares:
        A first deployment dated "late 2023" in one report and "earlier this month" in a report
        of October 2024 cannot both be right.
    """
    for subject, group in story.by_subject().items():
        if _cumulative(story, subject):
            continue
        # Weekday-only dates vote for the consensus, but their disagreements are FC206's to report.
        periods = [p for c in group if (p := c.period) is not None]
        if len(periods) < 2 or max(p.start for p in periods) <= min(p.end for p in periods):
            continue  # a day all the periods hold, as most subjects have: outliers would find none
        dated = [c for c in group if c.period is not None]
        for a, against in outliers(dated, _days):
            assert a.period is not None
            # A weekday-only date's disagreements are FC206's; the calendar dates that disagree
            # with the outlier are still this rule's.
            others = [b for b in against if b.period is not None and not b.period.weekday_only]
            if a.period.weekday_only or not others:
                continue
            parties = _parties(story, others,
                               lambda b: f"dates it '{b.claim.when}' ({b.period.describe()})")  # type: ignore[union-attr]
            yield Hit(f"{_who(story, a)} dates it '{a.claim.when}' ({a.period.describe()}); {parties}: "
                      "the periods do not overlap",
                      claims=[a.id, *(b.id for b in others)],
                      sources=sorted({a.claim.source, *(b.claim.source for b in others)}),
                      location=story.claim_loc(a, "when"),
                      derivation=[f"{a.id}: {_span(a.period)}",
                                  *(f"{b.id}: {_span(b.period)}" for b in others if b.period is not None)],
                      evidence=a.claim.quote, figure=a.claim.when if isinstance(a.claim.when, str) else None)


@rule(
    "FC304", "unit-mismatch", Severity.WARNING, "Claims of one subject are in units that do not match",
    example=Example(
        ledger="""
            [[claim]]
            id = "rescued-herald"
            subject = "rescued"
            source = "herald"
            quote = "1,200 people"
            unit = "people"

            [[claim]]
            id = "rescued-post"
            subject = "rescued"
            source = "post"
            quote = "1,200 boats"
            unit = "boats"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-09-02
                url = "https://news.example/herald"
                +++
                Crews rescued 1,200 people from the flood.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-09-02
                url = "https://news.example/post"
                +++
                Volunteers rescued 1,200 boats from the flood.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [units]
            people = ["residents"]

            [[claim]]
            id = "rescued-herald"
            subject = "rescued"
            source = "herald"
            quote = "1,200 people"
            unit = "people"

            [[claim]]
            id = "rescued-post"
            subject = "rescued"
            source = "post"
            quote = "1,200 residents"
            unit = "residents"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-09-02
                url = "https://news.example/herald"
                +++
                Crews rescued 1,200 people from the flood.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-09-02
                url = "https://news.example/post"
                +++
                Volunteers rescued 1,200 residents from the flood.
            """,
        },
    ),
)
def unit_mismatch(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Claims sharing a subject count the same unit: case, singular and plural, the `[units]`
        synonyms and a currency's sign and code are all the same unit. Claims in different
        units are reported and not compared with each other.
    Why an editor cares:
        "6,000 troops" and "6,000 shells" on one subject usually means a claim sits under the
        wrong subject, or a synonym is missing from `[units]`.
    """
    for subject in story.by_subject():
        groups = amount_groups(story, subject)
        named = {k: v for k, v in groups.items() if k is not None}
        if len(named) < 2:
            continue
        parts = [f"{k}: {', '.join(c.id for c in v)}" for k, v in named.items()]
        first = next(iter(named.values()))[0]
        yield Hit(f"subject '{subject}' mixes units ({'; '.join(parts)}); they are not compared",
                  claims=[c.id for v in named.values() for c in v],
                  sources=sorted({c.claim.source for v in named.values() for c in v}),
                  location=story.claim_loc(first, "unit"))


@rule(
    "FC305", "cumulative-shrinks", Severity.ERROR, "A running total is smaller at a later date",
    status=ClaimStatus.CONFLICTING, status_scope=StatusScope.ALL, tags=("conflict",),
    example=Example(
        ledger="""
            [subject."cases"]
            cumulative = true  # a running total

            [[claim]]
            id = "cases-april"
            subject = "cases"
            source = "herald"
            quote = "about 600 cases"

            [[claim]]
            id = "cases-june"
            subject = "cases"
            source = "post"
            quote = "about 300 cases"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-04-10
                url = "https://news.example/herald"
                +++
                Health officials have confirmed about 600 cases so far.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-06-10
                url = "https://news.example/post"
                +++
                Health officials have confirmed about 300 cases so far.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [subject."cases"]
            cumulative = true

            [[claim]]
            id = "cases-april"
            subject = "cases"
            source = "herald"
            quote = "about 300 cases"

            [[claim]]
            id = "cases-june"
            subject = "cases"
            source = "post"
            quote = "at least 600 cases"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-04-10
                url = "https://news.example/herald"
                +++
                Health officials have confirmed about 300 cases so far.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-06-10
                url = "https://news.example/post"
                +++
                Health officials have confirmed at least 600 cases so far.
            """,
        },
    ),
)
def cumulative_shrinks(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        On a subject marked `[subject."x"] cumulative = true` (deaths, casualties, troops sent so
        far), a figure from a later date (the claim's `when`, else its source's date) never lies
        wholly below a figure from an earlier date. Figures of the same date must agree (FC301).
    Why an editor cares:
        A death toll cannot fall; one of the figures is wrong or is not the same count.
    """
    for subject in story.by_subject():
        if not _cumulative(story, subject):
            continue
        for claims in amount_groups(story, subject).values():
            dated = sorted((c for c in claims if c.date_for_order() is not None),
                           key=lambda c: c.date_for_order())  # type: ignore[arg-type, return-value]
            best: ClaimCtx | None = None  # the earlier claim with the highest floor
            for d, same_iter in groupby(dated, key=lambda c: c.date_for_order()):
                same = list(same_iter)
                for c in same:
                    assert c.amount is not None
                    if best is not None and best.amount is not None and c.amount.interval.entirely_below(
                        best.amount.interval
                    ):
                        yield Hit(f"{_who(story, c)} gives {c.amount.describe()} on {d}, below the "
                                  f"{best.amount.describe()} of {_who(story, best)} on {best.date_for_order()}: "
                                  "a running total cannot shrink",
                                  claims=[c.id, best.id], sources=sorted({c.claim.source, best.claim.source}),
                                  location=story.claim_loc(c, "amount"),
                                  derivation=[f"{best.date_for_order()}: {best.amount.interval.describe()}",
                                              f"{d}: {c.amount.interval.describe()}"])
                for c in same:
                    assert c.amount is not None
                    if best is None or (best.amount is not None and _start_key(c.amount.interval) > _start_key(
                        best.amount.interval
                    )):
                        best = c
