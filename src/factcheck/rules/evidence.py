"""FC1xx: each claim against its own evidence: the source exists, the quote is in it, and the
claim's figure, hedge, unit and period are what the quote says."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.dates import Conventions, Period, in_year
from factcheck.figures import Amount, UnitKind, kind_of, tokenize
from factcheck.lexicon import Hedge
from factcheck.load import Fact
from factcheck.model import ClaimStatus, Location, Severity
from factcheck.resolve import ClaimCtx, Story
from factcheck.rules import Example, Hit, StatusScope, rule
from factcheck.spelling import did_you_mean
from factcheck.text import find_folded, fold, is_plain_quote, joins_passages, match_quote, sentence_of, shorten


@rule("FC101", "unknown-source", Severity.ERROR, "A claim cites a source that is not in sources/",
      status=ClaimStatus.UNSUPPORTED,
    example=Example(
        ledger="""
            [[claim]]
            id = "beds"
            source = "hospitl"  # the file is sources/hospital.md
            quote = "about 260 beds"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "beds"
            source = "hospital"
            quote = "about 260 beds"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
)
def unknown_source(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every claim's `source` names a file sources/<id>.md, .txt, .html, .pdf or .toml.
    Why an editor cares:
        A claim whose evidence is not filed cannot be checked by anyone else on the desk.
    """
    for c in story.claims:
        sid = c.claim.source
        if c.source is None and sid and not any(p.kind is Fact.SOURCE_NOT_AN_ID and c.id in p.claims for p in story.problems):
            yield Hit(f"claim '{c.id}' cites source '{sid}', which is not in sources/ (looked for {sid}.md, "
                      f"{sid}.txt, {sid}.html, {sid}.pdf and {sid}.toml)" + did_you_mean(sid, set(story.sources)),
                      claims=[c.id], sources=[sid], location=story.claim_loc(c, "source"))


@rule("FC102", "quote-not-found", Severity.ERROR, "The quote is not in its source",
      status=ClaimStatus.UNSUPPORTED,
    example=Example(
        ledger="""
            [[claim]]
            id = "cost"
            source = "hospital"
            quote = "cost $310 million"  # the source says $301 million
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "cost"
            source = "hospital"
            quote = "Cost  $301 million"  # spacing and case do not matter
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
)
def quote_not_found(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        The claim's `quote` appears in its source once both are folded: white space, letter
        case, quote marks (“ ” ‘ ’ " '), dashes (– — -) and non-breaking spaces are ignored;
        a digit or a word never is, and the quote must start and end on word boundaries. When
        it is missing, the report shows the closest passage of the source and what differs
        word by word. A similarity score only finds that passage: a changed figure or an added
        "not" is still a missing quote. Quotes are read as reporters write them: an ellipsis
        (…, ..., . . .) is a gap, each piece in order within one paragraph; `[bracketed words]`
        stand for a short span of the source (FC115 shows which); `[sic]` is ignored. Two
        sentences joined without an ellipsis are a misquote.
    Why an editor cares:
        A quote that is not in the source is an unsupported claim, whatever it says.
    """
    for c in story.claims:
        if c.quote_found is not False:
            continue
        assert c.source is not None
        derivation: list[str] = []
        evidence = None
        quote = c.claim.quote or ""
        if not is_plain_quote(quote) and c.source.body is not None and (
            match_quote(c.source.folded, [c.source.folded], quote) is not None
        ):
            derivation.append("each piece of the quote is in the source, in order, but not within one paragraph: "
                              "an ellipsis may only skip words of the same paragraph")
        elif c.source.body is not None and joins_passages(c.source.folded, c.source.folded_paragraphs, quote):
            derivation.append("the quote joins sentences that are apart in the source: mark the gap with an "
                              "ellipsis (…)")
        p = c.passage
        if p is not None:
            evidence = shorten(p.text, 240)
            derivation.append(f"closest passage, {c.source.where(p.line)}: \"{shorten(p.text, 200)}\"")
            derivation.extend(p.differences[:6])
        elif len((c.claim.quote or "").split()) > 300:
            derivation.append("the quote is too long to show the closest passage; quote a sentence, not a page")
        else:
            derivation.append("no passage of the source shares its words")
        yield Hit(f"claim '{c.id}': the quote \"{shorten(c.claim.quote or '', 120)}\" is not in "
                  f"{story.source_label(c.source.id)}", claims=[c.id], sources=[c.source.id],
                  location=story.claim_loc(c, "quote"), derivation=derivation, evidence=evidence)


_PUNCT = ".,;:!?()[]{}'\""
# What "passed 60,000" may stand for: it reads as at least the figure, so a claim of the figure
# itself or of more than it agrees with it ("passed 3 bills", "the toll passed 60,000").
_PASSED_READINGS = frozenset({Hedge.PASSED, Hedge.EXACT, Hedge.OVER, Hedge.AT_LEAST})


def _closest_in_quote(c: ClaimCtx) -> tuple[Amount, bool] | None:
    """The figure in the quote the claim's amount stands for: the same figure, else the closest
    (which then is not the same); and whether it is the same."""
    amount = c.amount
    assert amount is not None
    cands = c.quote_amounts
    if not cands:
        return None
    for a in cands:
        if _same_figure(amount, a):
            return a, True
    v = amount.value
    return min(cands, key=lambda a: abs(a.value - v) / (abs(v) + 1)), False


def _figure_pairs(story: Story) -> list[tuple[ClaimCtx, Amount, Amount, bool]]:
    """(claim, its amount, the quote's figure it stands for, same number?) for checkable claims,
    in ledger order."""
    return _figure_claims(story)[0]


def _figure_claims(story: Story) -> tuple[list[tuple[ClaimCtx, Amount, Amount, bool]], list[ClaimCtx]]:
    """_figure_pairs, and the checkable claims whose quote states no figure (one pass, shared)."""
    return story.shared("figure-pairs", lambda: _find_figure_pairs(story))


def _find_figure_pairs(story: Story) -> tuple[list[tuple[ClaimCtx, Amount, Amount, bool]], list[ClaimCtx]]:
    pairs = []
    bare = []
    for c in story.claims:
        if c.amount is None or c.amount_from_quote or not c.claim.quote:
            continue  # no amount of its own to check against its quote
        if not c.quote_amounts:
            bare.append(c)
            continue
        assert c.amount is not None
        found = _closest_in_quote(c)
        if found is not None:
            pairs.append((c, c.amount, *found))
    return pairs, bare


@rule(
    "FC115", "quote-insertion", Severity.INFO, "A claim's quote has [bracketed words]; what they replace",
    example=Example(
        ledger="""
            [[claim]]
            id = "sea-wall"
            source = "agency"
            quote = "[Ruiz] opened the 2-kilometre sea wall"  # the source: "She opened..."
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
    ),
)
def quote_insertion(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim's quote found in its source only because its `[bracketed words]` stand for
        other words of the source (or for none): the finding shows what each one replaced.
        An ellipsis in a quote is a gap (each piece in order within one paragraph) and `[sic]`
        is ignored; neither is reported.
    Why an editor cares:
        Brackets put the writer's words inside the source's; the editor should see what they
        replaced.
    """
    from factcheck.rules.draft import insertion_text

    for c in story.claims:
        if c.quote_found and c.quote_insertions:
            yield Hit(f"claim '{c.id}': in its quote " + "; ".join(insertion_text(b, w) for b, w in c.quote_insertions),
                      claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "quote"),
                      evidence=c.claim.quote)


def _same_figure(claim: Amount, quote: Amount) -> bool:
    """The same number however spelt, or the claim's figure is the quote's as writers round it
    ("about 67%" for "around two-thirds", "9 million" for "9,040,000")."""
    if claim.value == quote.value and claim.high_value == quote.high_value or _cents_as_written(claim, quote):
        return True
    if claim.high_value is not None or quote.high_value is not None:
        return False
    return claim.rounding is not None and not claim.rounding.is_point and claim.rounding.contains(quote.value)


_HUNDREDTHS = re.compile(r"\b(?:cents?|pence|penny)\b", re.IGNORECASE)


def _cents_as_written(claim: Amount, quote: Amount) -> bool:
    """A claim with no unit that copies the number of a quote in cents or pence: "more than 4,565"
    for "greater than 4,565 cents" (read as $45.65) is the quote's figure as written."""
    if claim.unit is not None or quote.unit is None or not _HUNDREDTHS.search(quote.text):
        return False
    high = None if claim.high_value is None else claim.high_value / 100
    return claim.value / 100 == quote.value and high == quote.high_value


@rule("FC103", "figure-differs", Severity.ERROR, "The claim's figure is not the figure in its quote",
      status=ClaimStatus.CONTRADICTED,
    example=Example(
        ledger="""
            [[claim]]
            id = "cost"
            source = "hospital"
            quote = "cost $301 million"
            amount = "$310 million"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "cost"
            source = "hospital"
            quote = "cost $301 million"
            amount = "301 million dollars"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
)
def figure_differs(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim's `amount` is the same number as the figure its quote states, however each is
        spelt ("9 million" = "nine million" = "9,000,000").
    Why an editor cares:
        A transposed or mistyped figure is the commonest error a ledger catches.
        The same number is still a different figure when the quote denies it ("not 120 as
        first reported"), when the two hedges point opposite ways ("over 4,500" against "up to
        4,500") or when the currencies differ ("$9.2m" against "£9.2m").
    """
    for c, amount, q, same in _figure_pairs(story):
        why = _contradiction(story, c, amount, q, same)
        if why is None:
            continue
        yield Hit(f"claim '{c.id}' says {amount.describe()} but its quote says {q.describe()}{why}",
                  claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "amount"),
                  evidence=c.claim.quote, figure=q.text)


def _contradiction(story: Story, c: ClaimCtx, amount: Amount, q: Amount, same: bool) -> str | None:
    """Why the quote's figure is not the claim's ("" for a different number), or None if it is."""
    unit = c.unit or amount.unit
    if not same:
        return ""
    if q.negated:
        return " and denies it"
    if amount.hedge.direction * q.hedge.direction == -1:
        return f": \"{amount.hedge_words}\" and \"{q.hedge_words}\" point opposite ways"
    if story.units.key(unit) != story.units.key(q.unit) and kind_of(unit) is UnitKind.CURRENCY and (
            kind_of(q.unit) is UnitKind.CURRENCY):
        return f": {story.units.key(unit)} is not {q.unit}"
    return None


@rule(
    "FC104", "hedge-differs", Severity.WARNING, "The claim hedges its figure differently from its quote",
    example=Example(
        ledger="""
            [[claim]]
            id = "beds"
            source = "hospital"
            quote = "about 260 beds"
            amount = "260"  # the hedge is dropped
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "beds"
            source = "hospital"
            quote = "about 260 beds"
            amount = "around 260"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
)
def hedge_differs(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        When the claim's figure is the quote's figure, its hedge means the same: "about",
        "around" and "approximately" agree; "about $260 million" in the quote against
        "$260 million" in the claim does not, nor does "over" against "at least".
    Why an editor cares:
        Dropping "about" turns an estimate into a precise fact; "over" and "up to" point
        opposite ways.
    """
    for c, amount, q, same in _figure_pairs(story):
        if not same or _same_hedge(q, amount) or _contradiction(story, c, amount, q, same) is not None:
            continue  # FC103's; the same hedge agrees whatever the tolerance
        if Hedge.PASSED in (q.hedge, amount.hedge) and {q.hedge, amount.hedge} <= _PASSED_READINGS:
            continue  # "passed 60,000" is "more than 60,000"; "passed 3 bills" is "3 bills"
        cw = amount.hedge_words or "no hedge"
        qw = q.hedge_words or "no hedge"
        yield Hit(f"claim '{c.id}' says {amount.describe()} ({cw}) but its quote says {q.describe()} ({qw})",
                  claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "amount"),
                  evidence=c.claim.quote, figure=q.text)


def _same_hedge(q: Amount, amount: Amount) -> bool:
    """The same hedge: a range is hedged ("some 1,500 to 2,000") or not ("1,500 to 2,000") alike."""
    if q.hedge is not amount.hedge:
        return False
    return q.hedge is not Hedge.RANGE or (q.hedge_words == "between") == (amount.hedge_words == "between")


@rule(
    "FC105", "unit-differs", Severity.WARNING, "The claim's unit is not what its quote counts",
    example=Example(
        ledger="""
            [[claim]]
            id = "turnout-rise"
            source = "poll"
            quote = "Turnout rose 3 percentage points"
            amount = "3%"  # points, not percent
        """,
        sources={
            "poll.md": """
                +++
                outlet = "Capital Post"
                published = 2024-11-06
                url = "https://news.example/poll"
                +++
                Turnout rose 3 percentage points to 64 percent, and 1,800 volunteers staffed the booths.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "turnout-rise"
            source = "poll"
            quote = "Turnout rose 3 percentage points"
            amount = "3 percentage points"
        """,
        sources={
            "poll.md": """
                +++
                outlet = "Capital Post"
                published = 2024-11-06
                url = "https://news.example/poll"
                +++
                Turnout rose 3 percentage points to 64 percent, and 1,800 volunteers staffed the booths.
            """,
        },
    ),
)
def unit_differs(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim's unit (its `unit`, or the currency, % or words of its `amount`) is what its
        quote counts: a currency, % or percentage points in the quote must be the claim's; the
        noun the quote's figure counts is compared only when it is a unit the ledger itself
        uses (in a `unit` or `[units]`), so "15,000 sent to the war" is no unit at all. A noun
        the quote names elsewhere, or a `[units]` synonym, agrees.
    Why an editor cares:
        3% is not 3 percentage points; 6,000 "troops" is not 6,000 "shells".
    """
    for c, _, q, same in _figure_pairs(story):  # claims with an amount of their own and a quote
        if c.unit is None or not same:
            continue  # another number altogether is FC103's one finding
        assert c.amount is not None and c.claim.quote is not None
        if q.unit is None:
            claim_kind = kind_of(c.unit)
            if claim_kind is not None and claim_kind.symbolic:
                yield Hit(f"claim '{c.id}' is in {c.unit} but its quote's figure {q.text} names no such unit",
                          claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "unit"),
                          evidence=c.claim.quote, figure=q.text)
            continue
        if story.units.key(q.unit) == story.units.key(c.unit):
            continue  # the same unit, or a [units] synonym of it
        claim_kind, quote_kind = kind_of(c.unit), kind_of(q.unit)
        if claim_kind is UnitKind.CURRENCY and quote_kind is UnitKind.CURRENCY and q.value == c.amount.value:
            continue  # another currency for the same number is FC103's error
        symbolic = (claim_kind is not None and claim_kind.symbolic) or (quote_kind is not None and quote_kind.symbolic)
        if not symbolic and story.units.key(q.unit) not in _ledger_units(story):
            continue  # the word after the quote's figure is no unit the ledger counts in
        if not symbolic and _quote_mentions(story, c.claim.quote, c.unit):
            continue
        if symbolic:
            said = f"counts {q.unit}" if quote_kind is UnitKind.COUNT else f"is in {_unit_name(q.unit)}"
            message = f"claim '{c.id}' is in {_unit_name(c.unit)} but its quote's figure {q.text} {said}"
        else:
            message = (f"claim '{c.id}' counts {c.unit}, which its quote does not mention (its figure {q.text} "
                       f"counts {q.unit}); add a [units] synonym if they are the same thing")
        yield Hit(message, claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "unit"),
                  evidence=c.claim.quote, figure=q.text)


def _unit_name(unit: str) -> str:
    """'%' -> 'percent', 'pp' -> 'percentage points', a currency code or a noun as it is."""
    kind = kind_of(unit)
    if kind is UnitKind.PERCENT:
        return "percent"
    if kind is UnitKind.POINTS:
        return "percentage points"
    return unit


def _ledger_units(story: Story) -> set[str | None]:
    """Every unit the ledger itself counts in: claims' and subjects' `unit`, and `[units]` words."""
    def compute() -> set[str | None]:
        units = {u for c in story.claims if (u := c.claim.unit)}  # a few words, written by many claims
        keys: set[str | None] = {story.units.key(u) for u in units}
        keys |= {story.units.key(s.unit) for s in story.subjects.values() if s.unit}
        for u in units:
            keys |= story.units.words_for(u)
        keys.discard(None)
        return keys
    return story.shared("ledger-units", compute)


def _quote_mentions(story: Story, quote: str, unit: str) -> bool:
    words = [w.strip(_PUNCT) for w in fold(quote).replace('"', " ").replace("-", " ").split()]
    keys = {story.units.key(w) for w in words if w}
    return story.units.key(unit) in keys or all(story.units.key(w) in keys for w in unit.split())


@rule(
    "FC106", "figure-not-in-quote", Severity.WARNING, "The claim states a figure but its quote states none",
    example=Example(
        ledger="""
            [[claim]]
            id = "volunteers"
            source = "poll"
            quote = "volunteers staffed the booths"
            amount = "1,800"
        """,
        sources={
            "poll.md": """
                +++
                outlet = "Capital Post"
                published = 2024-11-06
                url = "https://news.example/poll"
                +++
                Turnout rose 3 percentage points to 64 percent, and 1,800 volunteers staffed the booths.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "volunteers"
            source = "poll"
            quote = "1,800 volunteers staffed the booths"
            amount = "1,800"
        """,
        sources={
            "poll.md": """
                +++
                outlet = "Capital Post"
                published = 2024-11-06
                url = "https://news.example/poll"
                +++
                Turnout rose 3 percentage points to 64 percent, and 1,800 volunteers staffed the booths.
            """,
        },
    ),
)
def figure_not_in_quote(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A claim with an `amount` and a `quote` has a figure in the quote to compare with.
    Why an editor cares:
        The figure then rests on something other than the quoted words: quote the sentence
        that states it.
    """
    for c in _figure_claims(story)[1]:
        assert c.amount is not None
        refused = [t.text for t in tokenize(c.claim.quote or "") if t.kind == "dcomma"]
        why = (f" factcheck reads: '{refused[0]}' is written with a decimal comma (set [settings] "
               "decimal_comma = true if the story writes them)") if refused and not story.settings.decimal_comma else ""
        yield Hit(f"claim '{c.id}' says {c.amount.canonical} but its quote states no figure{why}",
                  claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "quote"),
                  evidence=c.claim.quote)


@rule(
    "FC107", "period-differs", Severity.ERROR, "The claim's period is not the period in its quote",
    status=ClaimStatus.CONTRADICTED, tags=("timing",),
    example=Example(
        ledger="""
            [[claim]]
            id = "work-began"
            source = "hospital"
            quote = "Work began in March 2023"
            when = "March 2024"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "work-began"
            source = "hospital"
            quote = "Work began in March 2023"
            when = "spring 2023"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
)
def period_differs(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        When a claim has a `when` and its quote states dates, at least one of them overlaps the
        claim's period (relative dates in the quote are resolved against the source's date). A
        date that names what a figure is measured against is not when the claim happened and
        is left out: "81.7% of May 2019 ridership", "compared with March 2024", "than in 2019".
        A quote date that writes no year ("June 9", "in late May") states only its month and day,
        so it is compared in the claim's own year: "set the election for June 9" backs a claim
        dated June 9, 2026 whatever year the source's date would guess, and a quote's "March 3"
        still contradicts March 4, 2026.
    Why an editor cares:
        "Nine million rounds in 2023" is not the same claim as nine million rounds in 2024.
        A year the quote never wrote is the tool's guess, and a guess never blocks a story.
    """
    for c in story.claims:
        cp = c.period
        if cp is None or not c.quote_periods:
            continue
        if any(p.start <= cp.end and cp.start <= p.end for p in c.quote_periods):  # Period.overlaps
            continue
        when = [p for p in c.quote_periods if not comparison_base(c.claim.quote or "", p)]
        if not when:
            continue
        quote = c.claim.quote or ""
        conv = story.conventions
        # A quote that writes no year states only its month and day: read it in the claim's years.
        restated = [_in_claim_years(quote, p, cp, conv) if p.yearless else [] for p in when]
        if any(q.overlaps(cp) for qs in restated for q in qs):
            continue
        said = ", ".join(f"'{p.text}' (no year written; {qs[0].describe()} in the claim's year)" if qs
                         else f"'{p.text}' ({p.describe()})" for p, qs in zip(when, restated, strict=True))
        yield Hit(f"claim '{c.id}' is dated '{c.claim.when}' ({cp.describe()}) but its quote says {said}",
                  claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "when"),
                  evidence=c.claim.quote, figure=when[0].text)


def _in_claim_years(quote: str, p: Period, cp: Period, conv: Conventions) -> list[Period]:
    """The quote's yearless period `p` read in each year the claim's period touches (and the one
    before, for a span such as "December 20 to January 5"), nearest the claim's first year first."""
    if cp.open_start and cp.open_end:
        return []
    first = cp.end.year if cp.open_start else cp.start.year
    last = cp.start.year if cp.open_end else cp.end.year
    years = range(first - 1, min(last, first + 10) + 1)
    found = [q for y in sorted(years, key=lambda y: (abs(y - first), y)) if (q := in_year(quote, p, y, conv))]
    return found


# Before a period, words that make it the base a figure is measured against, not when the claim
# happened: "81.7% of May 2019 ridership", "up 4% compared with March 2023", "higher than in 2019".
_BASE_BEFORE = re.compile(
    r"(?:(?:%|\bper\s?cent|\bpct)\s+of(?:\s+(?:the|its|their))?|\bcompared\s+(?:with|to)|\bthan(?:\s+in)?|"
    r"\bversus|\bvs\.?|\brelative\s+to)\s+\Z", re.IGNORECASE)


def comparison_base(quote: str, period: Period) -> bool:
    """The period names what a share or a change is measured against ("81.7% of May 2019
    ridership"), so it says nothing about when the claim happened."""
    return _BASE_BEFORE.search(quote, max(0, period.span[0] - 40), period.span[0]) is not None


@rule(
    "FC108", "unverifiable", Severity.INFO, "A claim has no quote, or cites a note whose text cannot be checked",
    status=ClaimStatus.UNVERIFIABLE, status_min=Severity.INFO,
    grouped="{n} claims rest on a note or have no quote",
    example=Example(
        ledger="""
            [[claim]]
            id = "beds-call"
            source = "call"  # sources/call.toml, a note of a phone call
            amount = "about 260"
        """,
        sources={
            "call.toml": """
                kind = "note"
                outlet = "Phone call with the hospital's press office"
                published = 2025-02-04
                url = "https://news.example/notes/call"
                summary = "The press office confirmed the bed count."
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "beds"
            source = "hospital"
            quote = "about 260 beds"
        """,
        sources={
            "hospital.md": """
                +++
                outlet = "Valley Herald"
                published = 2025-02-03
                url = "https://news.example/hospital"
                +++
                The new wing cost $301 million and will add about 260 beds. Work began in March 2023.
            """,
        },
    ),
)
def unverifiable(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Whether a claim can be verified against words on file: it has a `quote`, and its source
        is a text rather than a note (sources/<id>.toml with kind = "note": a phone call, a
        briefing) whose own words are not on file.
    Why an editor cares:
        Such a claim rests on the checker's notes; the report says so rather than calling it
        supported.
    """
    for c in story.claims:
        if c.source is None:
            continue
        if c.source.meta.kind == "note":  # Source.is_note, asked of every claim
            what = "its quote cannot be verified against a note" if c.claim.quote else "it rests on a note"
            summary = f" (note: {shorten(c.source.meta.summary, 140)})" if c.source.meta.summary else ""
            yield Hit(f"claim '{c.id}' cites {story.source_label(c.source.id)}, a note without text of its own: "
                      f"{what}{summary}", claims=[c.id], sources=[c.source.id], location=story.claim_loc(c))
        elif not c.claim.quote and c.source.body is not None:
            yield Hit(f"claim '{c.id}' has no quote, so nothing ties it to the words of "
                      f"{story.source_label(c.source.id)}", claims=[c.id], sources=[c.source.id],
                      location=story.claim_loc(c))


@rule(
    "FC109", "no-text", Severity.WARNING, "A cited page or PDF has no text to check against (a scan)",
    status=ClaimStatus.UNVERIFIABLE, status_scope=StatusScope.ALL, status_min=Severity.WARNING,
    example=Example(
        ledger="""
            [[claim]]
            id = "stations"
            source = "portal"  # sources/portal.html: the page draws its text with a script
            quote = "Two stations will be redesigned"
        """,
        sources={
            "portal.html": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tram stations | City Transportation Department</title>
                <meta property="article:published_time" content="2025-05-07"></head>
                <body>
                <nav><a href="/">Home</a><a href="/transportation">Transportation</a></nav>
                <div id="app"></div>
                <script src="/static/portal.bundle.js"></script>
                </body>
                </html>
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "stations"
            source = "portal"
            quote = "Two stations will be redesigned"
        """,
        sources={
            "portal.html": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta property="article:published_time" content="2025-05-07"><title>Tram stations | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram stations</h1>
                <p>Two stations will be redesigned to take longer trams, the department said.</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
)
def no_text(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every page (sources/<id>.html) or PDF (sources/<id>.pdf) that a claim cites has text
        to check quotes against. A PDF of scanned page images has none, nor has a page whose
        article text cannot be found; the claims citing it are unverifiable, not supported.
    Why an editor cares:
        A quote "checked" against a scan was checked by nobody: save the report's text, or
        run it through OCR and save that beside it.
    """
    if all(src.no_text is None for src in story.sources.values()):
        return
    citing = story.citing()
    for sid, src in sorted(story.sources.items()):
        if src.no_text is None or sid not in citing:
            continue
        yield Hit(f"{src.path.name}: {src.no_text}; {len(citing[sid])} claim{'s' if len(citing[sid]) != 1 else ''} "
                  "citing it cannot be verified", claims=list(citing[sid]), sources=[sid],
                  location=Location(path=str(src.path)))


# "according to Ukrainian intelligence", "citing the Pentagon", "Zelensky said", "said Zelensky"
_NAME = r"[A-Z][\w\u2019'.&-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)?[A-Z(][\w\u2019'.&()-]*)*"
_ATTRIBUTED = [
    re.compile(r"\b(?i:according to|citing|quoting)\s+((?:the\s+)?[^,.;:\u2014]{2,80})"),
    re.compile(r"(?<![\w-])(" + _NAME + r")\s+(?:has\s+|had\s+)?(said|says|told|reported|reports|estimated|"
               r"estimates|claimed|claims|confirmed|stated|announced)\b"),
    # "..., said Ukraine's defence minister Rustem Umerov." (not "told X": X listened)
    re.compile(r"\b(?:said|says|reported)\s+((?:the\s+)?[A-Z][^,.;:\u2014]{0,80}?)(?=[,.;:\u2014]|\s*$)"),
]
_GENERIC = frozenset("""he she they it we i you officials official sources source analysts experts
    lawmakers authorities a an the this that its his her their one some many reports report media
    state people observers diplomats residents witnesses police prosecutors investigators doctors
    researchers scientists economists spokesman spokeswoman spokesperson government ministry company
    organisers organizers rescuers firefighters troops soldiers survivors family relatives""".split())


_TITLES = frozenset("""the of for and 's defence defense minister ministry spokesman spokeswoman spokesperson
    chief president foreign secretary general director head deputy prime army intelligence agency service
    military officer commander""".split())


# A word without which no pattern above can match: one search rules most sentences out.
_TRIGGER_WORDS = r"according to|citing|quoting|said|says|told|report|estimate|claim|confirmed|stated|announced"
_TRIGGER = re.compile(_TRIGGER_WORDS, re.IGNORECASE)
# The same words searched in lower-cased text, case-sensitively: a case-insensitive alternation
# cannot skip a position on its first letter, so it is several times slower. Case-insensitive
# matching also takes these four letters outside ASCII for ASCII ones (dates/read.py asks the
# same); a text holding one keeps the case-insensitive search.
_TRIGGER_LOWER = re.compile(_TRIGGER_WORDS)
_FOLD_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
# Words each pattern of _ATTRIBUTED needs, as written (the second and third patterns are
# case-sensitive) or, for the first, lower-cased: a pattern whose words are absent is not tried.
_NEEDS = (("according to", "citing", "quoting"),
          ("said", "says", "told", "report", "estimate", "claim", "confirmed", "stated", "announced"),
          ("said", "says", "reported"))


def _lowered(text: str) -> str | None:
    """The text lower-cased, for case-sensitive searches that stand for case-insensitive ones;
    None when it holds a letter that case-insensitive matching takes for an ASCII one."""
    if text.isascii() or not any(ch in text for ch in _FOLD_TO_ASCII):  # four scans, no hash per character
        return text.lower()
    return None


def _triggered(text: str, low: str | None) -> bool:
    """A word of _TRIGGER is in the text (`low` is _lowered(text))."""
    return (_TRIGGER.search(text) if low is None else _TRIGGER_LOWER.search(low)) is not None


# Words of time, not speakers: "Mexico's government last Tuesday announced" names no "Tuesday".
# ("May" is left out: "May said" is a politician more often than a month.)
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun january february march april june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec last earlier later today yesterday
    tonight overnight this next early late on in since until during""".split())
# "Preliminary estimates put damage at...": a sentence's first word before a verb that is also a
# plural noun is read as the verb only when an object follows ("Reuters estimates that...").
_NOUN_VERBS = frozenset(("estimates", "reports", "claims"))
_OBJECT_STARTS = frozenset("""that the a an its their his her this these those some about around nearly almost
    roughly more over up at as no it there between only""".split())


def _party(sentence: str, m: re.Match[str], n: int) -> str | None:
    """The named party of a match of _ATTRIBUTED[n] in the sentence, or None when it names none:
    a pronoun or an unnamed party, a clause after "said", a time ("on Tuesday"), or a sentence's
    capitalised first word that is the adjective of a noun ("Preliminary estimates put...")."""
    party = m.group(1).strip(" \"'\u201c\u201d\u2019")
    words = [w.strip("(),.'\u2019") for w in party.split()]
    if n == 2 and not all(w[:1].isupper() or w.lower() in _TITLES for w in words):
        return None  # "said North Korea would win": a clause, not a speaker
    if words and _time_word(words[0]):
        raw = party.split()
        while raw and _time_word(raw[0].strip("(),.'\u2019")):
            raw.pop(0)
        party = " ".join(raw)
        words = [w.strip("(),.'\u2019") for w in raw]
    if (n == 1 and len(words) == 1 and m.group(2) in _NOUN_VERBS and not words[0].endswith(("'s", "\u2019s"))
            and not sentence[:m.start(1)].strip(" \"'\u201c\u2018")):  # "Moody's estimates": a name
        after = sentence[m.end():].split(None, 1)
        nxt = after[0].strip(",.;:") if after else ""
        if nxt[:1].islower() and nxt not in _OBJECT_STARTS:
            return None
    named = [w for w in words[1:] if w[:1].isupper()] + (
        [words[0]] if words and words[0][:1].isupper() and words[0].lower() not in _GENERIC else [])
    return party if named else None


def _time_word(word: str) -> bool:
    w = word.lower()
    return w in _TIME_WORDS or (w.endswith(("'s", "\u2019s")) and w[:-2] in _TIME_WORDS)


def attributions(sentence: str) -> list[str]:
    """The named parties a sentence attributes its words to ("Ukrainian intelligence"); pronouns
    and unnamed ones ("officials said") are left out: they may be anyone."""
    out: list[str] = []
    low = _lowered(sentence)
    if not _triggered(sentence, low):
        return out
    for n, pattern in enumerate(_ATTRIBUTED):
        within = sentence if n else low
        if within is not None and not any(w in within for w in _NEEDS[n]):
            continue
        for m in pattern.finditer(sentence):
            party = _party(sentence, m, n)
            if party is not None and party not in out:
                out.append(party)
    return out


def _names(via: str, sentence: str) -> bool:
    """The sentence names `via`: its words, or the initials of a run of capitalised words
    ("National Intelligence Service" for NIS)."""
    v = fold(via)
    if find_folded(fold(sentence), v) >= 0:
        return True
    core = re.sub(r"\s*\(.*\)$", "", via).strip()  # "Lee Seong-kweun (NIS briefing)" -> "Lee Seong-kweun"
    if core and core != via and find_folded(fold(sentence), fold(core)) >= 0:
        return True
    inner = re.findall(r"\(([^)]*)\)", via)
    if any(find_folded(fold(sentence), fold(x.split()[0])) >= 0 for x in inner if x.split()):
        return True
    # The whole via as initials ("NIS" in "National Intelligence Service of Korea"), or an
    # acronym among its words as the initials of a whole name ("NEMO Belize": "National
    # Emergency Management Organization").
    whole = via.isupper() and 2 <= len(via) <= 8
    acronyms = [] if whole else re.findall(r"\b[A-Z]{2,8}\b", via)
    if whole or acronyms:
        caps = re.findall(r"[A-Z][a-z]+(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][a-z]+)+", sentence)
        for run in caps:
            initials = "".join(w[0] for w in run.split() if w[0].isupper())
            if (whole and via in initials) or initials in acronyms:
                return True
    return False


_NOT_NAMING = frozenset(("the", "of", "for", "and", "s"))


def _within(party: str, via: str) -> bool:
    """Every word of the party is a word of the via: a shorter second reference to the same
    origin ("The Finance Ministry" for "Mexican Finance Ministry", "Belize" for "NEMO Belize")."""
    words = set(re.findall(r"\w+", fold(party))) - _NOT_NAMING
    return bool(words) and words <= set(re.findall(r"\w+", fold(via)))


@rule(
    "FC116", "attribution-differs", Severity.WARNING, "The quote's own sentence attributes it to someone other than its `via`",
    example=Example(
        ledger="""
            [[claim]]
            id = "kursk"
            source = "wire"
            quote = "About 11,000 soldiers are in Kursk"
            via = "NIS"  # the sentence credits Ukrainian intelligence
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Eastern Wire"
                published = 2025-01-20
                url = "https://news.example/wire/kursk"
                +++
                About 11,000 soldiers are in Kursk, according to Ukrainian intelligence.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "kursk"
            source = "wire"
            quote = "About 11,000 soldiers are in Kursk"
            via = "Ukrainian intelligence"
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Eastern Wire"
                published = 2025-01-20
                url = "https://news.example/wire/kursk"
                +++
                About 11,000 soldiers are in Kursk, according to Ukrainian intelligence.
            """,
        },
    ),
)
def attribution_differs(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        For a claim with an origin (`via` on the claim, else on its source), the sentence of the
        source its quote comes from: when that sentence attributes the words to a named party
        ("according to Ukrainian intelligence", "Zelensky said") and names none of the claim's
        origins, the claim's `via` is probably wrong. Unnamed attributions ("officials said",
        "he said") are not judged, nor are times ("last Tuesday announced") or a first word
        before a noun ("Preliminary estimates put"). A speaker whose every word is in the `via`
        ("the Finance Ministry" for "Mexican Finance Ministry") or whose initials are an acronym
        of it ("NEMO Belize") is the same origin. Corroboration that traces back to one origin
        is FC502's.
    Why an editor cares:
        A figure credited to South Korea's spy agency that the article credits to Kyiv changes
        who the story says is making the claim, and which claims really corroborate each other.
    """
    attributing: dict[str, bool] = {}  # source id -> does its text attribute anything at all?
    parties_of: dict[str, list[str]] = {}  # sentence -> its named parties
    for c in story.claims:
        src = c.source
        if not c.quote_found or src is None or src.body is None:
            continue
        vias = c.vias
        if not vias:
            continue
        if (any_ := attributing.get(src.id)) is None:
            any_ = attributing[src.id] = _triggered(src.body, _lowered(src.body))
        if not any_:
            continue
        sentence = sentence_of(src.sentences, c.claim.quote or "", c.quote_folded or None)
        if sentence is None:
            continue
        parties = parties_of.get(sentence)
        if parties is None:
            parties = parties_of[sentence] = attributions(sentence)
        if not parties or any(_names(v, sentence) for v in vias) or any(_within(p, v) for p in parties for v in vias):
            continue
        whose = "its" if c.claim.vias else f"its source's ({src.id})"
        yield Hit(f"claim '{c.id}' gives {whose} origin as {', '.join(vias)}, but the sentence it quotes attributes "
                  f"it to {' and '.join(parties)}",
                  claims=[c.id], sources=[src.id], location=story.claim_loc(c, "via" if c.claim.vias else None),
                  evidence=shorten(sentence, 240), figure=parties[0])
