"""FC2xx: arithmetic. Totals against their parts, relations between figures, weekdays against
their dates. Every finding carries the derivation an editor can redo by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from factcheck.dates import WEEKDAY_NAMES, Period
from factcheck.figures import Amount, Hedge
from factcheck.intervals import Interval, IntervalError, fmt_number
from factcheck.model import ClaimStatus, Severity
from factcheck.resolve import ClaimCtx, RelationCtx, Story, in_cycle
from factcheck.rules import Example, Hit, StatusScope, rule

if TYPE_CHECKING:
    from factcheck.expr import BinOp, Comparison


def _term(a: Amount) -> str:
    """How a part reads in a sum: '10,900', 'around 3,000 (2,700-3,300)'."""
    if a.hedge is Hedge.EXACT and a.interval.is_point:
        return a.canonical
    return f"{a.canonical} ({a.interval.describe()})"


def _totals(story: Story) -> Iterator[tuple[ClaimCtx, list[ClaimCtx], Interval, Decimal]]:
    """Each total whose parts all have figures: (total, parts, parts' interval, parts' figures)."""
    cyclic = in_cycle(story)
    for c in story.claims:
        if not c.claim.total_of or c.amount is None or c.id in cyclic:
            continue
        parts = [story.by_id[p] for p in c.claim.total_of if p in story.by_id]
        if len(parts) != len(c.claim.total_of) or any(p.amount is None for p in parts):
            continue
        interval = parts[0].amount.interval  # type: ignore[union-attr]
        figures = parts[0].amount.value  # type: ignore[union-attr]
        for p in parts[1:]:
            assert p.amount is not None
            interval = interval + p.amount.interval
            figures += p.amount.value
        yield c, parts, interval, figures


def _total_derivation(c: ClaimCtx, parts: list[ClaimCtx], interval: Interval, figures: Decimal) -> list[str]:
    assert c.amount is not None
    terms = " + ".join(_term(p.amount) for p in parts if p.amount is not None)
    lines = [
        f"{terms} = {interval.describe()}",
        f"stated {_term(c.amount)}",
    ]
    diff = c.amount.value - figures
    if diff > 0:
        lines.append(f"parts' figures sum to {fmt_number(figures)}, {fmt_number(diff)} short")
    elif diff < 0:
        lines.append(f"parts' figures sum to {fmt_number(figures)}, {fmt_number(-diff)} over")
    else:
        lines.append(f"parts' figures sum to {fmt_number(figures)}, exactly the stated figure")
    return lines


@rule("FC201", "total-mismatch", Severity.ERROR, "A total cannot be the sum of its parts",
      status=ClaimStatus.CONTRADICTED, status_scope=StatusScope.STATED,
    example=Example(
        ledger="""
            [[claim]]
            id = "grants"
            source = "aid"
            quote = "approximately 20,000 grants"
            total_of = ["families", "businesses"]  # 10,900 + 3,000 is nowhere near 20,000

            [[claim]]
            id = "families"
            source = "aid"
            quote = "10,900 to families"

            [[claim]]
            id = "businesses"
            source = "aid"
            quote = "around 3,000 to small businesses"
        """,
        sources={
            "aid.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-03-10
                url = "https://news.example/aid"
                +++
                The relief fund has paid out approximately 20,000 grants: 10,900 to families and around 3,000 to
                small businesses, the agency said.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "grants"
            source = "aid"
            quote = "13,900 grants"
            total_of = ["families", "businesses"]

            [[claim]]
            id = "families"
            source = "aid"
            quote = "10,900 to families"

            [[claim]]
            id = "businesses"
            source = "aid"
            quote = "3,000 to small businesses"
        """,
        sources={
            "aid.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-03-10
                url = "https://news.example/aid"
                +++
                The relief fund has paid out 13,900 grants: 10,900 to families and 3,000 to small businesses,
                the agency said.
            """,
        },
    ),
)
def total_mismatch(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        For a claim with `total_of`, the parts' figures added as intervals (hedges included)
        overlap the stated total's interval.
    Why an editor cares:
        A total no reading of its parts can reach is wrong, or one of its parts is.
    """
    for c, parts, interval, figures in _totals(story):
        assert c.amount is not None
        if interval.overlaps(c.amount.interval):
            continue
        yield Hit(f"claim '{c.id}': {c.amount.canonical} cannot be the total of "
                  f"{', '.join(p.id for p in parts)}", claims=[c.id] + [p.id for p in parts],
                  sources=_sources(c, parts), location=story.claim_loc(c, "amount"),
                  derivation=_total_derivation(c, parts, interval, figures), blame=[c.id])


@rule("FC202", "total-inexact", Severity.WARNING, "A total agrees with its parts only within its hedges",
      status=ClaimStatus.CONTRADICTED, status_scope=StatusScope.STATED,
    example=Example(
        ledger="""
            [[claim]]
            id = "grants"
            source = "aid"
            quote = "approximately 14,000 grants"
            total_of = ["families", "businesses"]  # 10,900 + 3,000 = 13,900, within the hedges only

            [[claim]]
            id = "families"
            source = "aid"
            quote = "10,900 to families"

            [[claim]]
            id = "businesses"
            source = "aid"
            quote = "around 3,000 to small businesses"
        """,
        sources={
            "aid.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-03-10
                url = "https://news.example/aid"
                +++
                The relief fund has paid out approximately 14,000 grants: 10,900 to families and around 3,000 to
                small businesses, the agency said.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "grants"
            source = "aid"
            quote = "13,900 grants"
            total_of = ["families", "businesses"]

            [[claim]]
            id = "families"
            source = "aid"
            quote = "10,900 to families"

            [[claim]]
            id = "businesses"
            source = "aid"
            quote = "3,000 to small businesses"
        """,
        sources={
            "aid.md": """
                +++
                outlet = "Harbour Times"
                published = 2025-03-10
                url = "https://news.example/aid"
                +++
                The relief fund has paid out 13,900 grants: 10,900 to families and 3,000 to small businesses,
                the agency said.
            """,
        },
    ),
)
def total_inexact(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A total that overlaps its parts' sum only within their hedges: its stated figure is
        not the sum of the parts' figures, even as writers round them (SPEC section 3: "$34.2bn"
        for $18bn + $9.7bn + $6.4bn is correctly rounded and quiet). `--strict` makes this an
        error.
    Why an editor cares:
        "Approximately 14,000" for 10,900 + around 3,000 = 13,900 is defensible rounding, but an
        editor should choose the wording knowingly.
    """
    for c, parts, interval, figures in _totals(story):
        assert c.amount is not None
        if not interval.overlaps(c.amount.interval) or figures == c.amount.value:
            continue
        if _stated_sum(parts).overlaps(c.amount.stated):
            continue  # correctly rounded: $18bn + $9.7bn + $6.4bn is $34.2bn as writers round
        yield Hit(f"claim '{c.id}': {c.amount.canonical} is not exactly the total of "
                  f"{', '.join(p.id for p in parts)} ({fmt_number(figures)})",
                  claims=[c.id] + [p.id for p in parts], sources=_sources(c, parts),
                  location=story.claim_loc(c, "amount"),
                  derivation=_total_derivation(c, parts, interval, figures), strict_error=True,
                  blame=[c.id])


def _stated_sum(parts: list[ClaimCtx]) -> Interval:
    """The parts added over their rounding intervals, hedges set aside."""
    total = Interval.point(0)
    for p in parts:
        assert p.amount is not None
        total = total + p.amount.stated
    return total


def _sources(c: ClaimCtx, parts: list[ClaimCtx]) -> list[str]:
    out: list[str] = []
    for x in [c, *parts]:
        if x.claim.source not in out:
            out.append(x.claim.source)
    return out


@dataclass
class _RelEval:
    """A relation evaluated: each side's interval, and its value on the stated figures alone."""

    ctx: RelationCtx
    left: Interval | None = None
    right: Interval | None = None
    left_figure: Decimal | None = None  # the sides computed on the stated figures, hedges aside
    right_figure: Decimal | None = None
    left_stated: Interval | None = None  # the sides over the rounding intervals, hedges aside
    right_stated: Interval | None = None
    bounded: bool = False  # a figure open at one end ("more than 80") is among the inputs
    error: str | None = None
    error_column: int = 0  # where in `expect` the claim that stopped it stands, 0 when none


ONE_SIDED = (Hedge.OVER, Hedge.AT_LEAST, Hedge.PASSED, Hedge.UP_TO, Hedge.UNDER)


def _one_sided(a: Amount) -> bool:
    """A figure open at one end: "more than 80", "at least 6", "up to 20", "fewer than 5". Its
    number is a bound, not an estimate, so it is judged by its interval, never as a point."""
    return a.hedge in ONE_SIDED


def _amount_relations(story: Story) -> Iterator[_RelEval]:
    """Each relation between figures, evaluated over intervals."""
    if not story.relations:
        return
    from factcheck.expr import EvalError, evaluate, point_value  # only a ledger with relations needs them

    def figure(i: str) -> Amount:
        a = story.by_id[i].amount
        if a is None:
            raise EvalError(f"claim '{i}' has no figure (a bare id stands for a claim's amount; "
                            f"write when({i}) for its date)")
        return a

    def amount_of(i: str) -> Interval:
        return figure(i).interval

    def stated_of(i: str) -> Interval:
        a = figure(i)
        return a.interval if _one_sided(a) else a.stated

    def value_of(i: str) -> Decimal:
        a = figure(i)
        if _one_sided(a):
            raise EvalError(f"claim '{i}' states a bound, not a figure")
        return a.value

    def period_of(i: str) -> tuple[date | None, date | None]:
        p = story.by_id[i].period
        if p is None:
            raise EvalError(f"claim '{i}' has no date (when(id) needs the claim's `when`)")
        return (None if p.open_start else p.start), (None if p.open_end else p.end)

    for r in story.relations:
        cmp = r.parsed
        if cmp is None or cmp.is_temporal:
            continue
        ev = _RelEval(r)
        try:
            ev.left = evaluate(cmp.left, amount_of, period_of)
            ev.right = evaluate(cmp.right, amount_of, period_of)
        except EvalError as e:
            ev.error, ev.error_column = str(e), e.column
            yield ev
            continue
        except IntervalError as e:
            ev.error = str(e)
            yield ev
            continue
        ev.bounded = any((a := story.by_id[i].amount) is not None and _one_sided(a) for i in cmp.ids())
        try:
            ev.left_stated = evaluate(cmp.left, stated_of, period_of)
            ev.right_stated = evaluate(cmp.right, stated_of, period_of)
        except (EvalError, IntervalError):
            ev.left_stated = ev.right_stated = None
        try:
            ev.left_figure = point_value(cmp.left, value_of, period_of)
            ev.right_figure = point_value(cmp.right, value_of, period_of)
        except (EvalError, ArithmeticError):
            ev.left_figure = ev.right_figure = None
        yield ev


def _holds(op: str, left: Interval, right: Interval) -> tuple[bool, bool]:
    """(certainly holds, possibly holds) for every / some choice of points in the intervals."""
    if op == ">":
        op, left, right = "<", right, left
    elif op == ">=":
        op, left, right = "<=", right, left
    if op == "=":
        return left.is_point and right.is_point and left == right, left.overlaps(right)
    if op == "<":
        return left.entirely_below(right), left.lo < right.hi
    return left.hi <= right.lo, left.lo <= right.hi  # "<="


def _relation_hits(story: Story, want: str) -> Iterator[Hit]:
    """FC203 (want="failed"), FC204 ("inexact") or FC016 ("unchecked") findings of the relations."""
    if not story.relations:
        return
    from factcheck.expr import day_differences, render

    for ev in _amount_relations(story):
        rel = ev.ctx.relation
        cmp = ev.ctx.parsed
        assert cmp is not None
        loc = story.loc(ev.ctx.table, "expect")
        srcs = sorted({story.by_id[i].claim.source for i in cmp.ids()})
        if ev.error is not None or ev.left is None or ev.right is None:
            if want == "unchecked":
                yield Hit(f"relation \"{rel.expect}\" cannot be checked: {ev.error}", claims=cmp.ids(),
                          sources=srcs, location=story.expect_loc(ev.ctx.table, ev.error_column), blame=[])
            continue
        if want == "unchecked":
            continue
        blame = stated_result(cmp)
        certain, possible = _holds(cmp.op, ev.left, ev.right)
        sig = _input_digits(story, cmp)
        derivation = []
        for side, value in ((cmp.left, ev.left), (cmp.right, ev.right)):
            days = day_differences(side)
            if not (days and days[0] is side):  # a side that is itself days is shown by its line below
                derivation.append(f"{render(side)} = {describe_at(value, sig)}")
            derivation.extend(_days_line(story, d) for d in days)
        lf, rf = ev.left_figure, ev.right_figure
        if lf is not None and rf is not None:
            derivation.append(f"on the stated figures: {_fmt_at(lf, sig)} {cmp.op} {_fmt_at(rf, sig)}")
        elif ev.bounded and ev.left_stated is not None and ev.right_stated is not None:
            derivation.append(f"hedges aside, bounds kept: {describe_at(ev.left_stated, sig)} {cmp.op} "
                              f"{describe_at(ev.right_stated, sig)}")
        why = f" ({rel.because})" if rel.because else ""
        if not possible:
            if want == "failed":
                yield Hit(f"relation \"{rel.expect}\" does not hold{why}", claims=cmp.ids(), sources=srcs,
                          location=loc, derivation=derivation, blame=blame)
            continue
        if certain or want == "failed":
            continue
        if lf is not None and rf is not None and _point_holds(cmp.op, lf, rf):
            continue  # the stated figures satisfy it; only the hedges leave room
        if ev.left_stated is not None and ev.right_stated is not None and _holds(
                cmp.op, ev.left_stated, ev.right_stated)[1]:
            continue  # correctly rounded figures (18 / 34.2 * 100 agrees with 53 percent), a bound
            # met ("more than 80" for 82.9), or periods whose days allow it
        yield Hit(f"relation \"{rel.expect}\" holds only within the hedges{why}", claims=cmp.ids(),
                  sources=srcs, location=loc, derivation=derivation, strict_error=True, blame=blame)


def _days_line(story: Story, d: BinOp) -> str:
    """'when(b) - when(a) is 14 days: b 2026-10-26, a 2026-10-12', so the figure reads as days."""
    from factcheck.expr import When, days_between

    assert isinstance(d.left, When) and isinstance(d.right, When)
    spans = []
    for w in (d.left, d.right):
        p = story.by_id[w.id].period
        assert p is not None
        spans.append((None if p.open_start else p.start, None if p.open_end else p.end))
    days = days_between(spans[0], spans[1])
    shown = []
    for w, (s, e) in zip((d.left, d.right), spans, strict=True):
        first = "…" if s is None else s.isoformat()
        last = "…" if e is None else e.isoformat()
        shown.append(f"{w.id} {first}" if s == e and s is not None else f"{w.id} {first} to {last}")
    what = fmt_number(days.lo) if days.is_point else days.describe()
    return f"when({d.left.id}) - when({d.right.id}) = {what} days ({'; '.join(shown)})"


def stated_result(cmp: Comparison) -> list[str]:
    """The claim a relation states as its result: the claim alone on the left of `=` (SPEC
    section 6). A relation with none (`80 = ...`, `a + b = c`, `a < b`) blames no claim."""
    from factcheck.expr import Ref

    if cmp.op == "=" and isinstance(cmp.left, Ref):
        return [cmp.left.id]
    return []


def _point_holds(op: str, a: Decimal, b: Decimal) -> bool:
    a_r, b_r = round(a, 6), round(b, 6)
    return {"=": a_r == b_r, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]


def _sig_digits(v: Decimal) -> int:
    if not v.is_finite() or v == 0:
        return 1
    return len(v.normalize().as_tuple().digits)


def _input_digits(story: Story, cmp: Comparison) -> int:
    """How many significant digits a relation's results are shown with: one more than its most
    precise input, and at least three (18 / 34.2 * 100 is shown as 52.63, not 52.631578...)."""
    digits = [_sig_digits(a.value) for i in cmp.ids() if (a := story.by_id[i].amount) is not None]
    return max(3, max(digits, default=2) + 1)


def _places(v: Decimal, sig: int) -> int:
    """Decimal places that show `v` to `sig` significant digits; never rounds its whole part."""
    if v == 0:
        return sig - 1
    return max(0, sig - (v.copy_abs().adjusted() + 1))


def _round(v: Decimal, sig: int, rounding: str) -> Decimal:
    if not v.is_finite() or v == v.to_integral_value():
        return v
    return v.quantize(Decimal(1).scaleb(-_places(v, sig)), rounding=rounding)


def describe_at(i: Interval, sig: int) -> str:
    """Interval.describe() with computed ends shown at the inputs' precision, rounded outwards
    so the interval shown still holds every value computed."""
    if i.is_point:
        return fmt_number(_round(i.lo, sig, ROUND_HALF_EVEN).normalize())
    # Outward rounding keeps lo < hi: the floor of lo is at most lo, the ceiling of hi at least hi.
    return Interval(_round(i.lo, sig, ROUND_FLOOR), _round(i.hi, sig, ROUND_CEILING), i.lo_open,
                    i.hi_open).describe()


def _fmt_at(v: Decimal, sig: int) -> str:
    return fmt_number(_round(v, sig, ROUND_HALF_EVEN).normalize() if v != v.to_integral_value() else v)


@rule(
    "FC203", "relation-fails", Severity.ERROR, "A relation between figures does not hold",
    status=ClaimStatus.CONTRADICTED, status_scope=StatusScope.STATED,
    example=Example(
        ledger="""
            [[claim]]
            id = "budget"
            source = "county"
            quote = "a 100 million budget"

            [[claim]]
            id = "schools"
            source = "county"
            quote = "12 million goes to schools"

            [[claim]]
            id = "schools-share"
            source = "county"
            quote = "a share of 20 percent"

            [[relation]]
            expect = "schools-share = schools / budget * 100"  # 12 / 100 is 12 percent
        """,
        sources={
            "county.md": """
                +++
                outlet = "County Ledger"
                published = 2025-05-20
                url = "https://news.example/schools"
                +++
                Of a 100 million budget, 12 million goes to schools, a share of 20 percent.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "budget"
            source = "county"
            quote = "a 100 million budget"

            [[claim]]
            id = "schools"
            source = "county"
            quote = "12 million goes to schools"

            [[claim]]
            id = "schools-share"
            source = "county"
            quote = "a share of 12 percent"

            [[relation]]
            expect = "schools-share = schools / budget * 100"
        """,
        sources={
            "county.md": """
                +++
                outlet = "County Ledger"
                published = 2025-05-20
                url = "https://news.example/schools"
                +++
                Of a 100 million budget, 12 million goes to schools, a share of 12 percent.
            """,
        },
    ),
)
def relation_fails(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each `[[relation]]` between figures: both sides are computed as intervals from the
        claims' amounts (hedges included); `=` fails when they cannot overlap, `<` and `>` when
        the order cannot hold. `year(when(id))` brings in a claim's year for anniversaries, and
        `when(b) - when(a)` the days between two periods, from b's first day minus a's last to
        b's last day minus a's first ("14 = when(power-restored) - when(landfall)"). Only a
        relation whose figures rule it out is reported here; one that cannot be computed is
        FC016.
    Why an editor cares:
        A share, a difference, an anniversary or a span of days that the figures cannot produce
        is an error in one of them.
    """
    return _relation_hits(story, "failed")


@rule("FC204", "relation-inexact", Severity.WARNING, "A relation holds only within the figures' hedges",
      status=ClaimStatus.CONTRADICTED, status_scope=StatusScope.STATED,
    example=Example(
        ledger="""
            [[claim]]
            id = "deaths"
            source = "courier"
            quote = "about 600 people died"

            [[claim]]
            id = "valley"
            source = "courier"
            quote = "550 in the valley"

            [[claim]]
            id = "pass"
            source = "courier"
            quote = "40 on the pass"

            [[relation]]
            expect = "deaths = valley + pass"  # 590: about 600 allows it, 600 itself is not it
        """,
        sources={
            "courier.md": """
                +++
                outlet = "Mountain Courier"
                published = 2025-01-28
                url = "https://news.example/avalanche"
                +++
                Rescuers said about 600 people died: 550 in the valley and 40 on the pass.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "deaths"
            source = "courier"
            quote = "about 590 people died"

            [[claim]]
            id = "valley"
            source = "courier"
            quote = "550 in the valley"

            [[claim]]
            id = "pass"
            source = "courier"
            quote = "40 on the pass"

            [[relation]]
            expect = "deaths = valley + pass"
        """,
        sources={
            "courier.md": """
                +++
                outlet = "Mountain Courier"
                published = 2025-01-28
                url = "https://news.example/avalanche"
                +++
                Rescuers said about 590 people died: 550 in the valley and 40 on the pass.
            """,
        },
    ),
)
def relation_inexact(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A relation whose sides overlap only within the figures' hedges: the stated figures do
        not satisfy it even as writers round them ("about 600 = 550 + 40"; "53 percent" for
        18 / 34.2 is correctly rounded and quiet). A figure open at one end ("more than 80",
        "at least 6", "up to 20", "fewer than 5") is a bound, not an estimate, so it is judged
        by its interval: "more than 80 percent" for 34 of 41 (82.9) holds exactly and is quiet,
        and so is a span of days any reading of the two periods allows. `--strict` makes this
        an error.
    Why an editor cares:
        The relation may hold, but only because the hedges are generous.
    """
    return _relation_hits(story, "inexact")


@rule("FC016", "relation-unchecked", Severity.WARNING, "A relation cannot be checked",
    example=Example(
        ledger="""
            [[claim]]
            id = "landfall"
            source = "agency"
            quote = "made landfall on October 12"
            when = "October 12, 2026"

            [[claim]]
            id = "restored"
            source = "agency"
            quote = "Power was back for every customer on October 26"
            when = "October 26, 2026"

            [[relation]]
            expect = "14 = restored - landfall"  # bare ids are amounts: these claims have dates
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Gulf Wire"
                published = 2026-10-27
                url = "https://news.example/power"
                +++
                The storm made landfall on October 12. Power was back for every customer on October 26.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "landfall"
            source = "agency"
            quote = "made landfall on October 12"
            when = "October 12, 2026"

            [[claim]]
            id = "restored"
            source = "agency"
            quote = "Power was back for every customer on October 26"
            when = "October 26, 2026"

            [[relation]]
            expect = "14 = when(restored) - when(landfall)"
        """,
        sources={
            "agency.md": """
                +++
                outlet = "Gulf Wire"
                published = 2026-10-27
                url = "https://news.example/power"
                +++
                The storm made landfall on October 12. Power was back for every customer on October 26.
            """,
        },
    ),
)
def relation_unchecked(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Each `[[relation]]` that parses (FC009) can be computed from the ledger: a bare id needs
        a claim with a figure, `when(id)` a claim with a `when`, and `year(when(id))` a period
        with both ends ("by June 2026" has no first year). A relation that cannot be computed is
        reported here, pointing at the claim id that stopped it, and is not checked; it never
        counts as a relation that fails (FC203).
    Why an editor cares:
        A relation that is not computed checks nothing. This is a warning, not an error: the
        ledger asks for something the figures cannot give, which is no evidence against the story.
    """
    return _relation_hits(story, "unchecked")


def _weekday_hits(c: ClaimCtx, p: Period, where: str) -> str | None:
    if p.weekday is None or p.start != p.end:
        return None
    actual = p.start.weekday()
    if actual == p.weekday:
        return None
    return (f"claim '{c.id}': {where} '{p.text.strip()}' but {p.start.strftime('%B')} {p.start.day}, "
            f"{p.start.year} was a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[p.weekday]}")


@rule(
    "FC205", "weekday-mismatch", Severity.ERROR, "A date carries a weekday it does not fall on",
    status=ClaimStatus.CONTRADICTED, tags=("timing",),
    example=Example(
        ledger="""
            [[claim]]
            id = "vote"
            source = "assembly"
            quote = "the vote on Friday, February 12, 2025"
            when = "Friday, February 12, 2025"  # February 12, 2025 is a Wednesday
        """,
        sources={
            "assembly.md": """
                +++
                outlet = "Assembly Gazette"
                published = 2025-02-14
                url = "https://news.example/vote"
                +++
                The bill passed in the vote on Friday, February 12, 2025.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "vote"
            source = "assembly"
            quote = "the vote on Wednesday, February 12, 2025"
            when = "Wednesday, February 12, 2025"
        """,
        sources={
            "assembly.md": """
                +++
                outlet = "Assembly Gazette"
                published = 2025-02-14
                url = "https://news.example/vote"
                +++
                The bill passed in the vote on Wednesday, February 12, 2025.
            """,
        },
    ),
)
def weekday_mismatch(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        A date written with its weekday, in a claim's `when` or in its quote, falls on that
        weekday.
    Why an editor cares:
        "Friday, February 12, 2025" was a Wednesday: the day or the date is wrong.
        The same wrong weekday in both the `when` and the quote is one problem and one finding.
    """
    for c in story.claims:
        said: tuple[date, int | None] | None = None
        if c.period is not None and c.period.weekday is not None:  # (_weekday_hits asks a weekday)
            msg = _weekday_hits(c, c.period, "when is")
            if msg:
                said = (c.period.start, c.period.weekday)
                same = [p for p in c.quote_periods if (p.start, p.weekday) == said and p.start == p.end]
                if same:
                    msg = msg.replace("when is", "when and quote both say", 1)
                yield Hit(msg, claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "when"),
                          evidence=c.claim.quote if same else None, figure=same[0].text if same else None)
        for p in c.quote_periods:
            if p.weekday is None or said is not None and (p.start, p.weekday) == said:
                continue  # no weekday written; or reported with the `when` above
            msg = _weekday_hits(c, p, "the quote says")
            if msg:
                yield Hit(msg, claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "quote"),
                          evidence=c.claim.quote, figure=p.text)


@rule(
    "FC206", "weekday-vs-date", Severity.ERROR, "A weekday ('on Thursday') does not fall on the date another claim gives",
    status=ClaimStatus.CONFLICTING, status_scope=StatusScope.ALL, tags=("timing",),
    example=Example(
        ledger="""
            [[claim]]
            id = "strike-rail"
            subject = "strike-start"
            source = "rail"  # published Friday, June 20, 2025: "on Thursday" is June 19
            quote = "The drivers' strike began on Thursday"
            when = "on Thursday"

            [[claim]]
            id = "strike-desk"
            subject = "strike-start"
            source = "desk"
            quote = "The strike started on June 18, 2025"
            when = "June 18, 2025"
        """,
        sources={
            "rail.md": """
                +++
                outlet = "Rail Weekly"
                published = 2025-06-20
                url = "https://news.example/strike"
                +++
                The drivers' strike began on Thursday and shut 40 lines.
            """,
            "desk.md": """
                +++
                outlet = "City Desk"
                published = 2025-06-21
                url = "https://news.example/desk"
                +++
                The strike started on June 18, 2025, union officials said.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "strike-rail"
            subject = "strike-start"
            source = "rail"
            quote = "The drivers' strike began on Thursday"
            when = "on Thursday"

            [[claim]]
            id = "strike-desk"
            subject = "strike-start"
            source = "desk"
            quote = "The strike started on June 19, 2025"
            when = "June 19, 2025"
        """,
        sources={
            "rail.md": """
                +++
                outlet = "Rail Weekly"
                published = 2025-06-20
                url = "https://news.example/strike"
                +++
                The drivers' strike began on Thursday and shut 40 lines.
            """,
            "desk.md": """
                +++
                outlet = "City Desk"
                published = 2025-06-21
                url = "https://news.example/desk"
                +++
                The strike started on June 19, 2025, union officials said.
            """,
        },
    ),
)
def weekday_vs_date(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Within a subject, a claim dated only by a weekday ("on Thursday", resolved to the
        latest such day on or before its source's date) names the same day as the subject's
        claims dated by a calendar date. Only claims that date an event (no figure) are
        compared, and not in a cumulative subject: figures of one subject reported on different
        days are not one event.
    Why an editor cares:
        "The banquet on Thursday" in a story of Friday June 20, 2025 is June 19; a ledger entry
        that dates it June 18 disagrees with it.
    """
    for subject, group in story.by_subject().items():
        info = story.subjects.get(subject)
        if info is not None and info.cumulative:
            continue  # a running total is reported on many days: its dates are not one event's
        # Only claims that date an event: a figure's period says when it held, and figures of one
        # subject on different days are FC303's to compare, not this rule's.
        weekday_claims = [c for c in group if (p := c.period) is not None and p.weekday_only and c.amount is None]
        if not weekday_claims:
            continue  # most subjects: no claim dated by a weekday alone
        events = [c for c in group if c.period is not None and c.amount is None]
        dated = [c for c in events if c.period is not None and not c.period.weekday_only
                 and c.period.start == c.period.end]
        for w in weekday_claims:
            assert w.period is not None
            for d in dated:
                assert d.period is not None
                if d.period.start == w.period.start:
                    continue
                wd = WEEKDAY_NAMES[w.period.start.weekday()]
                other = WEEKDAY_NAMES[d.period.start.weekday()]
                yield Hit(
                    f"claim '{w.id}' says '{w.claim.when}', which in a source dated {w.anchor} is {wd} "
                    f"{w.period.start.isoformat()}; claim '{d.id}' gives {d.period.start.isoformat()}, a {other}",
                    claims=[w.id, d.id], sources=sorted({w.claim.source, d.claim.source}),
                    location=story.claim_loc(w, "when"),
                    derivation=[f"latest {wd} on or before {w.anchor}: {w.period.start.isoformat()}",
                                f"{d.id}: {d.claim.when} = {d.period.start.isoformat()} ({other})"])
