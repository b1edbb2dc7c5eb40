"""FC0xx: the ledger itself. Loading and resolving the story record facts about the files
(:class:`~factcheck.load.Fact`: an unknown key, a claim named that does not exist, ...); these
rules judge them: which code, which severity, which claims they concern."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.load import Fact
from factcheck.model import ClaimStatus, Severity
from factcheck.resolve import Story
from factcheck.rules import Example, Hit, StatusScope, rule


def _problems(story: Story, kind: Fact) -> Iterator[Hit]:
    """A finding for each fact of this kind, where the fact stands."""
    for p in story.problems:
        if p.kind is kind:
            yield Hit(p.message, claims=list(p.claims), sources=list(p.sources), location=p.location)


@rule(
    "FC000", "internal-error", Severity.ERROR, "A rule crashed; the run is incomplete",
    passes=Example(
        ledger="""
            [[claim]]
            id = "turnout"
            source = "commission"
            quote = "turnout was 61 percent"
        """,
        sources={
            "commission.md": """
                +++
                published = 2025-05-04
                +++
                The commission said turnout was 61 percent.
            """,
        },
    ),
)
def internal_error(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Nothing of the story: the engine reports a rule that raised an unexpected error as this
        finding, so the other rules' findings still reach the editor.
    Why an editor cares:
        The report is incomplete: the named rule did not finish. It is a bug in factcheck.
    """
    return iter(())


@rule(
    "FC001", "unknown-field", Severity.ERROR, "A key or table factcheck does not know (often a misspelling)",
    example=Example(
        ledger="""
            [[claim]]
            id = "turnout"
            source = "commission"
            qoute = "turnout was 61 percent"
            amount = "61%"
        """,
        sources={
            "commission.md": """
                +++
                published = 2025-05-04
                +++
                The commission said turnout was 61 percent.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "turnout"
            source = "commission"
            quote = "turnout was 61 percent"
            amount = "61%"
        """,
        sources={
            "commission.md": """
                +++
                published = 2025-05-04
                +++
                The commission said turnout was 61 percent.
            """,
        },
    ),
)
def unknown_field(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every key and table of the ledger (a claim's, a relation's, an accept's, a section's,
        the top-level tables) is one factcheck reads: an unknown one is an error, reported at its
        line with the nearest known spelling. An unknown key in a source's front matter is a
        warning (saved pages carry keys of their own).
    Why an editor cares:
        A misspelt key silently drops a check: `qoute` leaves the quote unchecked, `totals_of`
        the total, `[[relations]]` every relation.
    """
    ledger = str(story.raw.path)
    for p in story.problems:
        if p.kind is Fact.UNKNOWN_KEY:
            elsewhere = p.location is not None and p.location.path != ledger
            yield Hit(p.message, claims=list(p.claims), sources=list(p.sources), location=p.location,
                      severity=Severity.WARNING if elsewhere else None)


@rule(
    "FC002", "invalid-field", Severity.ERROR, "A field has the wrong type or a required field is missing",
    example=Example(
        ledger="""
            [[claim]]
            id = "flood damage"  # a space is not allowed in an id
            source = "ministry"
            quote = "flood damage at 2.4 billion euros"
        """,
        sources={
            "ministry.md": """
                +++
                published = 2024-09-20
                +++
                The ministry put the flood damage at 2.4 billion euros.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "flood-damage"
            source = "ministry"
            quote = "flood damage at 2.4 billion euros"
        """,
        sources={
            "ministry.md": """
                +++
                published = 2024-09-20
                +++
                The ministry put the flood damage at 2.4 billion euros.
            """,
        },
    ),
)
def invalid_field(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each claim has `id` and `source` as text, ids use letters, digits, '-', '_' and '.', and
        every other field has the type the SPEC gives it. A claim without a usable id or source
        is not checked; a claim with another bad field is checked without it.
    Why an editor cares:
        A claim that cannot be read is a claim nobody checked.
    """
    return _problems(story, Fact.INVALID_VALUE)


@rule(
    "FC003", "duplicate-id", Severity.ERROR, "Two claims share one id",
    example=Example(
        ledger="""
            [[claim]]
            id = "evacuated"
            source = "county"
            quote = "about 3,000 residents"

            [[claim]]
            id = "evacuated"  # the same id again
            source = "county"
            quote = "12 shelters"
        """,
        sources={
            "county.md": """
                +++
                published = 2025-01-09
                +++
                About 3,000 residents were moved to 12 shelters.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "evacuated"
            source = "county"
            quote = "about 3,000 residents"

            [[claim]]
            id = "shelters"
            source = "county"
            quote = "12 shelters"
        """,
        sources={
            "county.md": """
                +++
                published = 2025-01-09
                +++
                About 3,000 residents were moved to 12 shelters.
            """,
        },
    ),
)
def duplicate_id(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Claim ids are unique. The second claim with an id is not checked.
    Why an editor cares:
        Totals, relations and accepts name claims by id; a shared id makes them ambiguous.
    """
    return _problems(story, Fact.DUPLICATE_ID)


@rule(
    "FC004", "dangling-reference", Severity.ERROR, "A total, relation or accept names a claim that does not exist",
    example=Example(
        ledger="""
            [[claim]]
            id = "medals"
            source = "games"
            quote = "40 medals"
            total_of = ["gold", "silver"]  # no claim "silver"

            [[claim]]
            id = "gold"
            source = "games"
            quote = "40 medals, 15 of them gold"
            amount = "15"
        """,
        sources={
            "games.md": """
                +++
                published = 2024-08-12
                +++
                The team won 40 medals, 15 of them gold and 25 silver or bronze.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "medals"
            source = "games"
            quote = "40 medals"
            total_of = ["gold", "others"]

            [[claim]]
            id = "gold"
            source = "games"
            quote = "40 medals, 15 of them gold"
            amount = "15"

            [[claim]]
            id = "others"
            source = "games"
            quote = "25 silver or bronze"
        """,
        sources={
            "games.md": """
                +++
                published = 2024-08-12
                +++
                The team won 40 medals, 15 of them gold and 25 silver or bronze.
            """,
        },
    ),
)
def dangling(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every id in `total_of` and in a relation's `expect` is a claim in the ledger.
    Why an editor cares:
        A total over a missing part is never checked; usually an id was renamed.
    """
    return _problems(story, Fact.MISSING_CLAIM)


@rule(
    "FC005", "total-cycle", Severity.ERROR, "A total is, through its parts, a part of itself",
    example=Example(
        ledger="""
            [[claim]]
            id = "jobs"
            source = "survey"
            quote = "1,200 jobs"
            total_of = ["jobs"]  # a total of itself
        """,
        sources={
            "survey.md": """
                +++
                published = 2025-02-14
                +++
                The plant brought 1,200 jobs: 800 on the line and 400 in offices.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "jobs"
            source = "survey"
            quote = "1,200 jobs"
            total_of = ["line", "offices"]

            [[claim]]
            id = "line"
            source = "survey"
            quote = "800 on the line"

            [[claim]]
            id = "offices"
            source = "survey"
            quote = "400 in offices"
        """,
        sources={
            "survey.md": """
                +++
                published = 2025-02-14
                +++
                The plant brought 1,200 jobs: 800 on the line and 400 in offices.
            """,
        },
    ),
)
def cycle(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        `total_of` references form no cycle: no claim is a part of itself, directly or through
        other totals.
    Why an editor cares:
        A circular total cannot be checked and usually means two ids were swapped.
    """
    return _problems(story, Fact.TOTAL_CYCLE)


@rule("FC006", "unparsable-amount", Severity.WARNING, "An amount factcheck cannot read, so it was not checked",
      status=ClaimStatus.UNVERIFIABLE, status_min=Severity.WARNING,
    example=Example(
        ledger="""
            [[claim]]
            id = "crowd"
            source = "police"
            quote = "a huge crowd"
            amount = "a huge crowd"
        """,
        sources={
            "police.md": """
                +++
                published = 2025-03-02
                +++
                Police said a huge crowd, some 20,000 people, filled the square.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "crowd"
            source = "police"
            quote = "some 20,000 people"
            amount = "some 20,000"
        """,
        sources={
            "police.md": """
                +++
                published = 2025-03-02
                +++
                Police said a huge crowd, some 20,000 people, filled the square.
            """,
        },
    ),
)
def bad_amount(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every `amount` is `[hedge] number [scale] [unit]` or a range, as in SPEC section 3:
        "approximately 14,000", "nine million", "$1.2bn", "between 10,000 and 12,000".
        The finding says why and names the nearest form that reads. It is a warning: the
        tool's own limits never block a story, but the figure was not checked.
    Why an editor cares:
        A figure that cannot be read cannot be checked against its quote, its parts or other
        sources.
    """
    return _problems(story, Fact.UNREAD_AMOUNT)


@rule("FC007", "unparsable-period", Severity.WARNING, "A `when` factcheck cannot read, so it was not checked",
      status=ClaimStatus.UNVERIFIABLE, status_min=Severity.WARNING,
    example=Example(
        ledger="""
            [[claim]]
            id = "bridge-opened"
            source = "council"
            quote = "the bridge opened after the floods"
            when = "sometime after the floods"
        """,
        sources={
            "council.md": """
                +++
                published = 2024-11-18
                +++
                The council said the bridge opened after the floods, in late October.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "bridge-opened"
            source = "council"
            quote = "the bridge opened after the floods, in late October"
            when = "late October 2024"
        """,
        sources={
            "council.md": """
                +++
                published = 2024-11-18
                +++
                The council said the bridge opened after the floods, in late October.
            """,
        },
    ),
)
def bad_period(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every `when` is one of the period forms in docs/dates.md: "2024-06-19", "June 19, 2024",
        "late 2023", "by June 2024", "Q1 2025", "between January and March of this year", "on
        Wednesday", ... One it cannot read is a warning, not an error (the tool's limits never
        block a story): the claim's date was not checked, and the message shows the nearest
        form factcheck reads.
    Why an editor cares:
        A date that cannot be read cannot be checked for order, weekday or agreement.
    """
    return _problems(story, Fact.UNREAD_PERIOD)


@rule("FC008", "nothing-to-check", Severity.WARNING, "A claim asserts no figure and no date that can be checked",
      status=ClaimStatus.UNVERIFIABLE, status_min=Severity.WARNING,
    example=Example(
        ledger="""
            [[claim]]
            id = "ferries"
            source = "port"
            quote = "14 ferries and 3 cargo ships"  # two figures: which one?
        """,
        sources={
            "port.md": """
                +++
                published = 2025-07-01
                +++
                The storm kept 14 ferries and 3 cargo ships in port.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "ferries"
            source = "port"
            quote = "14 ferries and 3 cargo ships"
            amount = "14"
        """,
        sources={
            "port.md": """
                +++
                published = 2025-07-01
                +++
                The storm kept 14 ferries and 3 cargo ships in port.
            """,
        },
    ),
)
def nothing_to_check(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim has an `amount` or a `when`. Without either, its amount is taken from its quote
        when the quote holds exactly one figure (years and dates are not figures); otherwise
        this rule asks for one.
    Why an editor cares:
        A claim with nothing to compare is not checked at all.
    """
    return _problems(story, Fact.NOTHING_TO_CHECK)


@rule(
    "FC009", "bad-relation", Severity.ERROR, "A relation's `expect` does not parse",
    example=Example(
        ledger="""
            [[claim]]
            id = "seats"
            source = "result"
            quote = "150 seats"

            [[claim]]
            id = "left"
            source = "result"
            quote = "90 for the left"

            [[claim]]
            id = "right"
            source = "result"
            quote = "60 for the right"

            [[relation]]
            expect = "seats = left +right"  # an operator needs a space on each side
        """,
        sources={
            "result.md": """
                +++
                published = 2025-06-09
                +++
                Of the 150 seats, 90 for the left and 60 for the right.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "seats"
            source = "result"
            quote = "150 seats"

            [[claim]]
            id = "left"
            source = "result"
            quote = "90 for the left"

            [[claim]]
            id = "right"
            source = "result"
            quote = "60 for the right"

            [[relation]]
            expect = "seats = left + right"
        """,
        sources={
            "result.md": """
                +++
                published = 2025-06-09
                +++
                Of the 150 seats, 90 for the left and 60 for the right.
            """,
        },
    ),
)
def bad_relation(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each `[[relation]] expect` follows the relation language: claim ids, numbers,
        `+ - * /`, parentheses, `pct_change(new, old)`, one of `= < > <= >=`, with operators
        between spaces. `when(id)`, a claim's period, is not a number: it may be compared with
        another period (`when(a) < when(b)`), subtracted from one for the days between them
        (`when(b) - when(a)`), or taken as `year(when(id))`; anything else (`when(a) + 3`,
        `when(a) = 14`) is reported here. The message points at the character where reading
        stopped.
    Why an editor cares:
        A relation that cannot be read is never checked.
    """
    return _problems(story, Fact.UNPARSED_RELATION)


@rule("FC010", "unreadable-source", Severity.ERROR, "A source file cannot be used (binary, not UTF-8, bad front matter, a link outside the story)",
      status=ClaimStatus.UNSUPPORTED, status_scope=StatusScope.ALL,
    example=Example(
        ledger="""
            [[claim]]
            id = "rainfall"
            source = "met"
            quote = "112 millimetres of rain"
        """,
        sources={
            "met.md": """
                +++
                published = 2024-10-03
                outlet = "Met Office
                +++
                The station recorded 112 millimetres of rain in a day.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "rainfall"
            source = "met"
            quote = "112 millimetres of rain"
        """,
        sources={
            "met.md": """
                +++
                published = 2024-10-03
                outlet = "Met Office"
                +++
                The station recorded 112 millimetres of rain in a day.
            """,
        },
    ),
)
def unreadable_source(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every file in sources/ is UTF-8 text (a BOM is fine) with valid `+++` TOML front
        matter, is not a binary file, and is not a link that leaves the story folder. Claims
        citing such a source cannot be verified.
    Why an editor cares:
        A PDF renamed .txt or a Latin-1 export would otherwise make every quote "missing".
    """
    for p in story.problems:
        if p.kind is Fact.UNREADABLE_SOURCE:
            citing = story.citing()
            claims = [cid for sid in p.sources for cid in citing.get(sid, [])]
            yield Hit(p.message, claims=claims, sources=list(p.sources), location=p.location)


@rule("FC011", "bad-source-id", Severity.ERROR, "A claim's source is not a plain id (a path, '..')",
      status=ClaimStatus.UNSUPPORTED,
    example=Example(
        ledger="""
            [[claim]]
            id = "fare"
            source = "../other-story/sources/transit"
            quote = "the fare rises to 3 euros"
        """,
        sources={
            "transit.md": """
                +++
                published = 2025-01-15
                +++
                From March the fare rises to 3 euros.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "fare"
            source = "transit"
            quote = "the fare rises to 3 euros"
        """,
        sources={
            "transit.md": """
                +++
                published = 2025-01-15
                +++
                From March the fare rises to 3 euros.
            """,
        },
    ),
)
def bad_source_id(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim's `source` is the name of a file in sources/ without its extension: letters,
        digits, '-', '_' and '.'. Paths such as "../notes" or "/etc/passwd" are refused and
        nothing is read.
    Why an editor cares:
        Evidence lives in the story folder, where everyone checking the story can see it.
    """
    return _problems(story, Fact.SOURCE_NOT_AN_ID)


@rule(
    "FC012", "stale-accept", Severity.INFO, "An [[accept]] matches no finding",
    grouped="{n} [[accept]] entries match no finding",
    example=Example(
        ledger="""
            [[claim]]
            id = "budget"
            source = "city"
            quote = "a budget of 48 million"
            amount = "48 million"

            [[accept]]
            code = "FC103"
            claims = ["budget"]
            reason = "the city corrected the figure by phone"  # but the figures agree now
        """,
        sources={
            "city.md": """
                +++
                published = 2025-04-11
                +++
                The council passed a budget of 48 million.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "budget"
            source = "city"
            quote = "a budget of 48 million"
            amount = "46 million"

            [[accept]]
            code = "FC103"
            claims = ["budget"]
            reason = "the city corrected the figure by phone"
        """,
        sources={
            "city.md": """
                +++
                published = 2025-04-11
                +++
                The council passed a budget of 48 million.
            """,
        },
    ),
)
def stale_accept(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every `[[accept]]` still matches a finding (same code, and every claim it names among the
        finding's claims). The engine reports this once all other rules have run, since only then
        is it known which accepts were used.
    Why an editor cares:
        A decision about a finding that no longer occurs is stale; removing it keeps the ledger
        honest about what was waved through.
    """
    return iter(())


@rule(
    "FC015", "unit-in-two-groups", Severity.ERROR, "A word is listed under two `[units]` groups",
    example=Example(
        ledger="""
            [units]
            patients = ["people", "cases"]
            residents = ["people", "inhabitants"]  # "people" is already a patient

            [[claim]]
            id = "cases"
            source = "clinic"
            quote = "40 cases"
            unit = "patients"
        """,
        sources={
            "clinic.md": """
                +++
                published = 2025-08-21
                +++
                The clinic reported 40 cases this week.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [units]
            patients = ["cases"]
            residents = ["people", "inhabitants"]

            [[claim]]
            id = "cases"
            source = "clinic"
            quote = "40 cases"
            unit = "patients"
        """,
        sources={
            "clinic.md": """
                +++
                published = 2025-08-21
                +++
                The clinic reported 40 cases this week.
            """,
        },
    ),
)
def unit_in_two_groups(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each word in `[units]` names one unit: it appears in one group only (a group's own name
        counts as one of its words; singular and plural are the same word).
    Why an editor cares:
        A word in two groups silently belongs to one of them, so claims the editor meant to
        compare are reported as different units, or different units are compared.
    """
    return _problems(story, Fact.UNIT_IN_TWO_GROUPS)
