"""FC4xx: time. Order relations between periods, claims dated after their own source, and
relative dates that have no publication date to anchor them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from factcheck.dates import find_periods, speaks_of_future
from factcheck.load import Fact
from factcheck.model import ClaimStatus, Severity
from factcheck.resolve import ClaimCtx, RelationCtx, Story
from factcheck.rules import Example, Hit, StatusScope, rule
from factcheck.text import sentence_of


def _order(op: str, a: tuple[date, date], b: tuple[date, date]) -> tuple[bool, bool]:
    """(certainly holds, possibly holds) for periods a and b under op. An open end is date.min or
    date.max, so "by June 2024" < "July 2024" holds and "after May 2024" < "2025" may not."""
    if op in (">", ">="):
        op = "<" if op == ">" else "<="
        a, b = b, a
    if op == "<":
        return a[1] < b[0], a[0] < b[1]
    if op == "<=":
        return a[1] <= b[0], a[0] <= b[1]
    return a[0] == a[1] == b[0] == b[1], a[0] <= b[1] and b[0] <= a[1]  # "="


def _temporal(story: Story) -> Iterator[tuple[RelationCtx, bool, bool, list[str]]]:
    for r in story.relations:
        cmp = r.parsed
        if cmp is None or not cmp.is_temporal:
            continue
        ids = cmp.ids()
        a, b = story.by_id[ids[0]], story.by_id[ids[-1]]
        if a.period is None or b.period is None:
            continue
        certain, possible = _order(cmp.op, (a.period.start, a.period.end), (b.period.start, b.period.end))
        derivation = [f"when({a.id}) = '{a.claim.when}' = {a.period.describe()}",
                      f"when({b.id}) = '{b.claim.when}' = {b.period.describe()}"]
        yield r, certain, possible, derivation


@rule(
    "FC401", "order-violated", Severity.ERROR, "Events are out of the order a relation requires",
    status=ClaimStatus.CONTRADICTED, status_scope=StatusScope.STATED, tags=("timing",),
    example=Example(
        ledger="""
            [[claim]]
            id = "deal-signed"
            source = "harbour"
            quote = "The port deal was signed on June 19, 2024"
            when = "June 19, 2024"

            [[claim]]
            id = "first-ships"
            source = "harbour"
            quote = "The first ships sailed in late 2023"
            when = "late 2023"

            [[relation]]
            expect = "when(deal-signed) < when(first-ships)"
            because = "the ships sailed under the deal"
        """,
        sources={
            "harbour.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-06-05
                url = "https://news.example/harbour-times"
                +++
                The port deal was signed on June 19, 2024. The first ships sailed in late 2023.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "deal-signed"
            source = "harbour"
            quote = "The port deal was signed on June 19, 2024"
            when = "June 19, 2024"

            [[claim]]
            id = "first-ships"
            source = "harbour"
            quote = "The first ships sailed in October 2024"
            when = "October 2024"

            [[relation]]
            expect = "when(deal-signed) < when(first-ships)"
            because = "the ships sailed under the deal"
        """,
        sources={
            "harbour.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-06-05
                url = "https://news.example/harbour-times"
                +++
                The port deal was signed on June 19, 2024. The first ships sailed in October 2024.
            """,
        },
    ),
)
def order_violated(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each `[[relation]]` between periods, `when(a) < when(b)`: the first period ends before
        the second starts (`<=` allows them to touch; `=` needs them to overlap). Reported when
        the order cannot hold at all.
    Why an editor cares:
        A deployment "ordered under the treaty" cannot predate the treaty's signing.
    """
    for r, _certain, possible, derivation in _temporal(story):
        if possible:
            continue
        assert r.parsed is not None
        why = f" ({r.relation.because})" if r.relation.because else ""
        ids = r.parsed.ids()
        yield Hit(f"relation \"{r.relation.expect}\" does not hold{why}", claims=ids,
                  sources=sorted({story.by_id[i].claim.source for i in ids}), location=story.loc(r.table, "expect"),
                  derivation=derivation, blame=[])  # an order states no result: no claim is contradicted


@rule(
    "FC402", "after-source", Severity.WARNING, "A claim is dated after the source that reports it",
    tags=("timing",),
    example=Example(
        ledger="""
            [[claim]]
            id = "reopened"
            source = "harbour"  # published 2025-06-05
            quote = "the museum reopened in October 2025"
            when = "October 2025"
        """,
        sources={
            "harbour.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-06-05
                url = "https://news.example/harbour-times"
                +++
                Staff said the museum reopened in October 2025.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "reopening"
            source = "harbour"
            quote = "the museum will reopen in October"
            when = "October 2025"
        """,
        sources={
            "harbour.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-06-05
                url = "https://news.example/harbour-times"
                +++
                Staff said the museum will reopen in October.
            """,
        },
    ),
)
def after_source(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim's period does not start after its own source's publication date: a source
        cannot report as done what had not yet happened. A quote that speaks of the future
        ("will", "is due", "is expected", "is scheduled", "plans to", "is set to", "aims to",
        "is to", "targeted for", "ahead of", "later this year", "takes effect", "effective"
        before a date) is a plan, not a report, and so is a schedule ("set the election for
        June 9", "slated for May 3", and the present tense of a scheduled event before its date:
        "early voting opens in late May", "registration closes on October 13"; "opened", "was
        held" are reports); such a quote passes. So does a deadline ("by June 2024"), which is
        open at its start, and a quote
        that leaves out the words dating it when, in the source's sentence that holds it, the
        claim's date follows such a word ("effective September 1, 2025, bringing the fare to
        $2.75").
    Why an editor cares:
        Usually the `when` is wrong, or a relative date was resolved against the wrong source.
    """
    for c in story.claims:
        if c.period is None:
            continue
        anchor = c.anchor
        if anchor is None or c.period.start <= anchor:
            continue
        if c.speaks_of_future or _dated_as_plan_in_source(c):
            continue
        yield Hit(f"claim '{c.id}' is dated '{c.claim.when}' ({c.period.describe()}), after its source "
                  f"{story.source_label(c.claim.source)} was published on {anchor}",
                  claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "when"))


def _dated_as_plan_in_source(c: ClaimCtx) -> bool:
    """The quote leaves out the words that date it, and in the source's sentence that holds the
    quote, the claim's date is set ahead by the words just before it: "a fare adjustment of $0.25,
    effective September 1, 2025, bringing the base fare to $2.75" for a claim quoting only
    "bringing the base fare to $2.75". Only the date's own words count: "left in May 2024, and more
    will follow" is still a report."""
    src = c.source
    if not c.quote_found or src is None or src.body is None or c.period is None:
        return False
    sentence = sentence_of(src.sentences, c.claim.quote or "")
    if sentence is None:
        return False
    return any(p.overlaps(c.period) and speaks_of_future(sentence[max(0, p.span[0] - 40): p.span[1]])
               for p in find_periods(sentence, c.anchor, future=True))


@rule(
    "FC403", "unanchored", Severity.WARNING, "A relative date whose source has no publication date",
    example=Example(
        ledger="""
            [[claim]]
            id = "hearing"
            source = "blog"  # its front matter has no published date
            quote = "The hearing opened on Wednesday"
            when = "on Wednesday"
        """,
        sources={
            "blog.md": """
                +++
                outlet = "Court Notes"
                url = "https://news.example/court-notes"
                +++
                The hearing opened on Wednesday.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "hearing"
            source = "blog"
            quote = "The hearing opened on Wednesday"
            when = "on Wednesday"
        """,
        sources={
            "blog.md": """
                +++
                outlet = "Court Notes"
                published = 2025-04-30
                url = "https://news.example/court-notes"
                +++
                The hearing opened on Wednesday.
            """,
        },
    ),
)
def unanchored(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A relative `when` ("last month", "on Wednesday", "this year") needs its source's
        `published` date; without it the claim is not compared in time.
    Why an editor cares:
        "On Wednesday" means nothing until you know which week the article was written in.
    """
    for p in story.problems:
        if p.kind is Fact.UNANCHORED_DATE:
            yield Hit(p.message, claims=list(p.claims), sources=list(p.sources), location=p.location)


@rule(
    "FC404", "order-uncertain", Severity.WARNING, "Periods overlap, so a required order cannot be confirmed",
    tags=("timing",),
    example=Example(
        ledger="""
            [[claim]]
            id = "inquiry"
            source = "court"
            quote = "The inquiry reported in 2024"
            when = "2024"

            [[claim]]
            id = "trial"
            source = "court"
            quote = "the trial began in June 2024"
            when = "June 2024"

            [[relation]]
            expect = "when(inquiry) < when(trial)"  # 2024 may or may not be before June 2024
        """,
        sources={
            "court.md": """
                +++
                outlet = "Court Notes"
                published = 2025-01-10
                url = "https://news.example/court-notes"
                +++
                The inquiry reported in 2024; the trial began in June 2024.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "inquiry"
            source = "court"
            quote = "The inquiry reported in early 2024"
            when = "early 2024"

            [[claim]]
            id = "trial"
            source = "court"
            quote = "the trial began in June 2024"
            when = "June 2024"

            [[relation]]
            expect = "when(inquiry) < when(trial)"
        """,
        sources={
            "court.md": """
                +++
                outlet = "Court Notes"
                published = 2025-01-10
                url = "https://news.example/court-notes"
                +++
                The inquiry reported in early 2024; the trial began in June 2024.
            """,
        },
    ),
)
def order_uncertain(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A `when(a) < when(b)` relation that may hold but is not certain because the periods
        overlap ("2024" against "June 2024").
    Why an editor cares:
        The ledger's dates are too vague to show the order the story asserts.
    """
    for r, certain, possible, derivation in _temporal(story):
        if certain or not possible:
            continue
        assert r.parsed is not None
        ids = r.parsed.ids()
        yield Hit(f"relation \"{r.relation.expect}\" cannot be confirmed: the periods overlap", claims=ids,
                  sources=sorted({story.by_id[i].claim.source for i in ids}), location=story.loc(r.table, "expect"),
                  derivation=derivation)
