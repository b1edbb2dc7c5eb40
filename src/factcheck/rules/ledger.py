"""FC0xx: the ledger itself. Loading and resolving the story record facts about the files
(:class:`~factcheck.load.Fact`: an unknown key, a claim named that does not exist, ...); these
rules judge them: which code, which severity, which claims they concern."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.load import Fact
from factcheck.model import ClaimStatus, Severity
from factcheck.resolve import Story
from factcheck.rules import Hit, StatusScope, rule


def _problems(story: Story, kind: Fact) -> Iterator[Hit]:
    """A finding for each fact of this kind, where the fact stands."""
    for p in story.problems:
        if p.kind is kind:
            yield Hit(p.message, claims=list(p.claims), sources=list(p.sources), location=p.location)


@rule("FC000", "internal-error", Severity.ERROR, "A rule crashed; the run is incomplete")
def internal_error(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Nothing of the story: the engine reports a rule that raised an unexpected error as this
        finding, so the other rules' findings still reach the editor.
    Why an editor cares:
        The report is incomplete: the named rule did not finish. It is a bug in factcheck.
    Example:
        (no ledger triggers it on purpose)
    Passes:
        Every ledger, when factcheck has no bug.
    """
    return iter(())


@rule("FC001", "unknown-field", Severity.ERROR, "A key or table factcheck does not know (often a misspelling)")
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
    Example:
        [[claim]]
        id = "troops"
        source = "nis"
        qoute = "10,900 soldiers"
    Passes:
        [[claim]]
        id = "troops"
        source = "nis"
        quote = "10,900 soldiers"
    """
    ledger = str(story.raw.path)
    for p in story.problems:
        if p.kind is Fact.UNKNOWN_KEY:
            elsewhere = p.location is not None and p.location.path != ledger
            yield Hit(p.message, claims=list(p.claims), sources=list(p.sources), location=p.location,
                      severity=Severity.WARNING if elsewhere else None)


@rule("FC002", "invalid-field", Severity.ERROR, "A field has the wrong type or a required field is missing")
def invalid_field(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each claim has `id` and `source` as text, ids use letters, digits, '-', '_' and '.', and
        every other field has the type the SPEC gives it. A claim without a usable id or source
        is not checked; a claim with another bad field is checked without it.
    Why an editor cares:
        A claim that cannot be read is a claim nobody checked.
    Example:
        [[claim]]
        id = "troops total"
        source = "nis"
    Passes:
        [[claim]]
        id = "troops-total"
        source = "nis"
        amount = "approximately 14,000"
    """
    return _problems(story, Fact.INVALID_VALUE)


@rule("FC003", "duplicate-id", Severity.ERROR, "Two claims share one id")
def duplicate_id(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Claim ids are unique. The second claim with an id is not checked.
    Why an editor cares:
        Totals, relations and accepts name claims by id; a shared id makes them ambiguous.
    Example:
        [[claim]]
        id = "deaths"
        source = "a"
        amount = "around 600"
        [[claim]]
        id = "deaths"
        source = "b"
        amount = "600"
    Passes:
        Two claims with ids "deaths-a" and "deaths-b".
    """
    return _problems(story, Fact.DUPLICATE_ID)


@rule("FC004", "dangling-reference", Severity.ERROR, "A total, relation or accept names a claim that does not exist")
def dangling(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every id in `total_of` and in a relation's `expect` is a claim in the ledger.
    Why an editor cares:
        A total over a missing part is never checked; usually an id was renamed.
    Example:
        [[claim]]
        id = "total"
        source = "nis"
        amount = "approximately 14,000"
        total_of = ["batch-1", "batch-2"]   # no claim "batch-2"
    Passes:
        The same, with claims "batch-1" and "batch-2" in the ledger.
    """
    return _problems(story, Fact.MISSING_CLAIM)


@rule("FC005", "total-cycle", Severity.ERROR, "A total is, through its parts, a part of itself")
def cycle(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        `total_of` references form no cycle: no claim is a part of itself, directly or through
        other totals.
    Why an editor cares:
        A circular total cannot be checked and usually means two ids were swapped.
    Example:
        [[claim]]
        id = "a"
        source = "s"
        amount = "10"
        total_of = ["a"]
    Passes:
        [[claim]]
        id = "a"
        source = "s"
        amount = "10"
        total_of = ["b", "c"]
    """
    return _problems(story, Fact.TOTAL_CYCLE)


@rule("FC006", "unparsable-amount", Severity.WARNING, "An amount factcheck cannot read, so it was not checked",
      status=ClaimStatus.UNVERIFIABLE, status_min=Severity.WARNING)
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
    Example:
        amount = "a lot of soldiers"
    Passes:
        amount = "thousands of soldiers"
    """
    return _problems(story, Fact.UNREAD_AMOUNT)


@rule("FC007", "unparsable-period", Severity.WARNING, "A `when` factcheck cannot read, so it was not checked",
      status=ClaimStatus.UNVERIFIABLE, status_min=Severity.WARNING)
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
    Example:
        when = "sometime after the summit"
    Passes:
        when = "late 2023"
    """
    return _problems(story, Fact.UNREAD_PERIOD)


@rule("FC008", "nothing-to-check", Severity.WARNING, "A claim asserts no figure and no date that can be checked",
      status=ClaimStatus.UNVERIFIABLE, status_min=Severity.WARNING)
def nothing_to_check(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim has an `amount` or a `when`. Without either, its amount is taken from its quote
        when the quote holds exactly one figure (years and dates are not figures); otherwise
        this rule asks for one.
    Why an editor cares:
        A claim with nothing to compare is not checked at all.
    Example:
        [[claim]]
        id = "batches"
        source = "joongang"
        quote = "10,900 soldiers in late 2023 and around 3,000 more"
    Passes:
        [[claim]]
        id = "batch-1"
        source = "joongang"
        quote = "10,900 soldiers in late 2023 and around 3,000 more"
        amount = "10,900"
    """
    return _problems(story, Fact.NOTHING_TO_CHECK)


@rule("FC009", "bad-relation", Severity.ERROR, "A relation's `expect` does not parse")
def bad_relation(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each `[[relation]] expect` follows the relation language: claim ids, numbers,
        `+ - * /`, parentheses, one of `= < > <= >=`, `when(id)` and `year(when(id))`, with
        operators between spaces. The message points at the character where reading stopped.
    Why an editor cares:
        A relation that cannot be read is never checked.
    Example:
        expect = "total = batch-1 +batch-2"
    Passes:
        expect = "total = batch-1 + batch-2"
    """
    return _problems(story, Fact.UNPARSED_RELATION)


@rule("FC010", "unreadable-source", Severity.ERROR, "A source file cannot be used (binary, not UTF-8, bad front matter, a link outside the story)",
      status=ClaimStatus.UNSUPPORTED, status_scope=StatusScope.ALL)
def unreadable_source(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every file in sources/ is UTF-8 text (a BOM is fine) with valid `+++` TOML front
        matter, is not a binary file, and is not a link that leaves the story folder. Claims
        citing such a source cannot be verified.
    Why an editor cares:
        A PDF renamed .txt or a Latin-1 export would otherwise make every quote "missing".
    Example:
        sources/report.txt saved as Latin-1 ("Séoul" as byte 0xe9).
    Passes:
        The same file saved as UTF-8.
    """
    citing: dict[str, list[str]] = {}
    for c in story.claims:
        citing.setdefault(c.claim.source, []).append(c.id)
    for p in story.problems:
        if p.kind is Fact.UNREADABLE_SOURCE:
            claims = [cid for sid in p.sources for cid in citing.get(sid, [])]
            yield Hit(p.message, claims=claims, sources=list(p.sources), location=p.location)


@rule("FC011", "bad-source-id", Severity.ERROR, "A claim's source is not a plain id (a path, '..')",
      status=ClaimStatus.UNSUPPORTED)
def bad_source_id(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim's `source` is the name of a file in sources/ without its extension: letters,
        digits, '-', '_' and '.'. Paths such as "../notes" or "/etc/passwd" are refused and
        nothing is read.
    Why an editor cares:
        Evidence lives in the story folder, where everyone checking the story can see it.
    Example:
        source = "../other-story/sources/nis"
    Passes:
        source = "nis-briefing"
    """
    return _problems(story, Fact.SOURCE_NOT_AN_ID)


@rule("FC012", "stale-accept", Severity.INFO, "An [[accept]] matches no finding",
      grouped="{n} [[accept]] entries match no finding")
def stale_accept(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every `[[accept]]` still matches a finding (same code, and every claim it names among the
        finding's claims). The engine reports this once all other rules have run, since only then
        is it known which accepts were used.
    Why an editor cares:
        A decision about a finding that no longer occurs is stale; removing it keeps the ledger
        honest about what was waved through.
    Example:
        [[accept]]
        code = "FC202"
        claims = ["troops-total"]
        reason = "NIS's own rounding"      # but the total now adds up
    Passes:
        The same accept while FC202 is still reported on troops-total.
    """
    return iter(())


@rule("FC015", "unit-in-two-groups", Severity.ERROR, "A word is listed under two `[units]` groups")
def unit_in_two_groups(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each word in `[units]` names one unit: it appears in one group only (a group's own name
        counts as one of its words; singular and plural are the same word).
    Why an editor cares:
        A word in two groups silently belongs to one of them, so claims the editor meant to
        compare are reported as different units, or different units are compared.
    Example:
        [units]
        troops = ["soldiers", "people"]
        civilians = ["people", "residents"]
    Passes:
        [units]
        troops = ["soldiers", "personnel"]
        civilians = ["people", "residents"]
    """
    return _problems(story, Fact.UNIT_IN_TWO_GROUPS)
