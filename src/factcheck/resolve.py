"""Resolving a story: from the raw ledger and sources to claims with parsed amounts, periods and
located quotes: the resolve stage. What is wrong on the way is recorded as a fact (a Problem of a
kind in load.Fact) for the ledger rules to judge; nothing here decides what is a finding and
nothing here prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from factcheck.dates import (
    Conventions,
    NeedsAnchor,
    Period,
    PeriodError,
    find_periods_many,
    parse_period,
    speaks_of_future,
)
from factcheck.figures import (
    PERCENT,
    POINTS,
    Amount,
    AmountError,
    UnitTable,
    find_amounts,
    is_symbolic,
    parse_amount,
)
from factcheck.load import Fact, Problem, RawLedger, Source, Table, is_plain_id
from factcheck.model import (
    ACCEPT_FIELDS,
    CLAIM_FIELDS,
    RELATION_FIELDS,
    TOP_LEVEL,
    Accept,
    Claim,
    Location,
    Relation,
    Settings,
    StoryInfo,
    SubjectInfo,
    ValidationError,
)
from factcheck.model import (
    error_text as _msg,
)
from factcheck.spelling import did_you_mean
from factcheck.text import Passage, closest_passage, find_folded, fold, match_quote

T = TypeVar("T")

if TYPE_CHECKING:  # relations are parsed only by ledgers that have some (see _relations)
    from factcheck.documents import Located
    from factcheck.expr import Comparison

_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_ORDINAL_WORDS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", re.IGNORECASE)


@dataclass
class ClaimCtx:
    """A claim with everything resolved for the rules: source, amount, period, quote figures."""

    claim: Claim
    table: Table
    source: Source | None = None
    amount: Amount | None = None
    amount_from_quote: bool = False
    period: Period | None = None
    quote_found: bool | None = None  # None: nothing to look for (no quote, note, unreadable source)
    quote_amounts: list[Amount] = field(default_factory=list)
    quote_periods: list[Period] = field(default_factory=list)
    unit: str | None = None  # the claim's unit: `unit`, else the amount's own
    quote_insertions: list[tuple[str, str]] = field(default_factory=list)  # ("[Kim]", "he") found in the source
    quote_folded: str = ""  # the quote folded (text.fold), as it was looked for in its source
    id: str = field(init=False)  # the claim's id, read by every rule: an attribute, not a property

    def __post_init__(self) -> None:
        self.id = self.claim.id

    @property
    def line(self) -> int | None:
        return self.table.line

    @property
    def anchor(self) -> date | None:
        return self.source.meta.published if self.source else None

    @property
    def vias(self) -> list[str]:
        own = self.claim.vias
        return own or (list(self.source.meta.via) if self.source else [])

    @cached_property
    def passage(self) -> Passage | None:
        if self.source is None or self.source.body is None or not self.claim.quote:
            return None
        p = closest_passage(self.source.body, self.claim.quote)
        if p is None:
            return None
        return Passage(p.text, p.line + self.source.body_line - 1, p.score, p.differences)

    @cached_property
    def located(self) -> Located | None:
        """Where the quote stands in a page or a PDF ("p. 14", "paragraph 4"); None for a text
        source or a quote that is not there."""
        s = self.source
        if s is None or not s.places or not self.quote_found or not self.claim.quote:
            return None
        pdf = s.path.suffix.lower() == ".pdf"  # a printed line is short: show the lines around it
        return s.line_index.locate(self.claim.quote, s.places, context=1 if pdf else 0)

    @cached_property
    def speaks_of_future(self) -> bool:
        """The quote is a plan or a forecast ("will", "is due", "plans to"), not a report.
        (Kept: the quote's dates and the claim's `when` both ask, and the claim never changes.)"""
        return bool(self.claim.quote) and speaks_of_future(self.claim.quote or "")

    def date_for_order(self) -> date | None:
        """When a figure was true: the claim's own period end, else its source's date."""
        if self.period is not None:
            return self.period.end
        return self.anchor


@dataclass
class RelationCtx:
    """A relation with its parsed expression."""

    relation: Relation
    table: Table
    parsed: Comparison | None = None


@dataclass
class Story:
    """Everything the rules read: the resolved ledger, sources and draft."""

    raw: RawLedger
    info: StoryInfo
    settings: Settings
    units: UnitTable
    subjects: dict[str, SubjectInfo]
    sources: dict[str, Source]
    claims: list[ClaimCtx]
    relations: list[RelationCtx]
    accepts: list[tuple[Accept, Table]]
    problems: list[Problem]
    strict: bool = False
    draft_path: Path | None = None
    draft_text: str | None = None
    cache: dict[str, object] = field(default_factory=dict)  # results rules share within one run

    @cached_property
    def conventions(self) -> Conventions:
        """The `[settings]` that change what a date means (fiscal years, seasons)."""
        month, day = (int(x) for x in self.settings.fiscal_year_start.split("-"))
        return Conventions((month, day), self.settings.hemisphere == "south")

    @cached_property
    def by_id(self) -> dict[str, ClaimCtx]:
        return {c.id: c for c in self.claims}

    def loc(self, table: Table | None, key: str | None = None) -> Location:
        if table is None:
            return self.raw.location()
        line = table.key_lines.get(key, table.line) if key else table.line
        return self.raw.location(line)

    def claim_loc(self, c: ClaimCtx, key: str | None = None) -> Location:
        return self.loc(c.table, key)

    def expect_loc(self, table: Table, expr_column: int) -> Location:
        """The place in claims.toml of a character of a relation's `expect` (1-based; 0 for the
        line alone)."""
        line = table.key_lines.get("expect", table.line)
        col = _expect_column(self, line, expr_column) if expr_column else None
        return self.raw.location(line, col)

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """A result several rules use, worked out by the first that asks and kept for the run
        (callers must not mutate it unless it is a memo meant to grow, such as a dict)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return cast(T, self.cache[key])

    def by_subject(self) -> dict[str, list[ClaimCtx]]:
        """Claims grouped by subject, in ledger order (computed once; callers must not mutate)."""
        return self.shared("by-subject", self._group_by_subject)

    def _group_by_subject(self) -> dict[str, list[ClaimCtx]]:
        groups: dict[str, list[ClaimCtx]] = {}
        for c in self.claims:
            if c.claim.subject:
                groups.setdefault(c.claim.subject, []).append(c)
        return groups

    def citing(self) -> dict[str, list[str]]:
        """The ids of the claims citing each source id, in ledger order (computed once; callers
        must not mutate: a finding takes a copy)."""
        return self.shared("citing", self._group_citing)

    def _group_citing(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for c in self.claims:
            sid = c.claim.source
            if sid in out:
                out[sid].append(c.id)
            else:
                out[sid] = [c.id]
        return out

    def source_label(self, sid: str | None) -> str:
        if sid is None:
            return "?"
        s = self.sources.get(sid)
        return f"{sid} ({s.label()})" if s is not None and s.label() != sid else sid


def resolve(raw: RawLedger, sources: dict[str, Source], problems: list[Problem], strict: bool = False) -> Story:
    data = raw.data
    loc0 = raw.location
    for key in data:
        if key not in TOP_LEVEL:
            value = data[key]
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                what, near = f"table [[{key}]]", did_you_mean(key, TOP_LEVEL).replace("'", "")
                near = near.replace("mean ", "mean [[").replace("?)", "]]?)") if near else ""
            elif isinstance(value, dict):
                what, near = f"table [{key}]", did_you_mean(key, TOP_LEVEL).replace("'", "")
                near = near.replace("mean ", "mean [").replace("?)", "]?)") if near else ""
            else:
                what, near = f"top-level key '{key}'", did_you_mean(key, TOP_LEVEL)
            line = raw.section_lines.get(key)
            if line is None:  # [subjects."x"] has a header for each of its tables, none for itself
                line = min((n for k, n in raw.section_lines.items() if k.startswith(key + ".")), default=None)
            problems.append(Problem(Fact.UNKNOWN_KEY, f"unknown {what}{near}; nothing in it is checked",
                                    loc0(line)))
    info = _section(raw, "story", StoryInfo, problems) or StoryInfo()
    settings = _section(raw, "settings", Settings, problems) or Settings()
    settings = _known_codes(raw, settings, problems)
    units_raw = data.get("units", {})
    units: dict[str, list[str]] = {}
    if isinstance(units_raw, dict):
        for k, v in units_raw.items():
            if isinstance(v, list) and all(isinstance(x, str) for x in v):
                units[k] = v
            else:
                problems.append(Problem(Fact.INVALID_VALUE, f"[units] {k} must be a list of words, such as "
                                        f'{k} = ["soldiers", "personnel"]', loc0(raw.section_lines.get("units"))))
    else:
        problems.append(Problem(Fact.INVALID_VALUE, "[units] must be a table of word lists", loc0()))
    subjects: dict[str, SubjectInfo] = {}
    subj_raw = data.get("subject", {})
    if isinstance(subj_raw, dict):
        for k, v in subj_raw.items():
            line = raw.section_lines.get(f"subject.{k}")
            try:
                subjects[k] = SubjectInfo.model_validate(v)
            except ValidationError as e:
                problems.append(Problem(Fact.INVALID_VALUE, f"[subject.\"{k}\"]: {_first_error(e)}", loc0(line)))

    claims = _claims(raw, sources, problems)
    unit_table = UnitTable(units, settings.dollar)
    for word, first, second in unit_table.conflicts:
        problems.append(Problem(Fact.UNIT_IN_TWO_GROUPS, f"[units]: '{word}' is listed under both '{first}' and "
                                f"'{second}'; a word can name only one unit, so keep it in one group",
                                loc0(raw.section_lines.get("units"))))
    story = Story(raw, info, settings, unit_table, subjects, sources, claims, [], [], problems, strict)
    _resolve_claims(story)
    _check_references(story)
    story.relations = _relations(story)
    story.accepts = _accepts(story)
    return story


def _known_codes(raw: RawLedger, settings: Settings, problems: list[Problem]) -> Settings:
    """[settings] severity names only registered rules; an unknown code is reported and dropped."""
    if not settings.severity:
        return settings
    from factcheck.rules import REGISTRY, load_rules

    load_rules()
    unknown = [code for code in settings.severity if code not in REGISTRY]
    for code in unknown:
        problems.append(Problem(Fact.INVALID_VALUE, f"[settings]: 'severity': no rule has the code {code} "
                                "(factcheck rules lists them)", raw.location(raw.section_lines.get("settings"))))
    if not unknown:
        return settings
    known = {code: sev for code, sev in settings.severity.items() if code not in unknown}
    return settings.model_copy(update={"severity": known})


def _section(raw: RawLedger, name: str, model: Any, problems: list[Problem]) -> Any:
    value = raw.data.get(name)
    if value is None:
        return None
    line = raw.section_lines.get(name)
    if not isinstance(value, dict):
        problems.append(Problem(Fact.INVALID_VALUE, f"[{name}] must be a table", raw.location(line)))
        return None
    fields = set(model.model_fields)
    clean = {}
    for k, v in value.items():
        if k in fields:
            clean[k] = v
        else:
            problems.append(Problem(Fact.UNKNOWN_KEY, f"[{name}] has an unknown key '{k}'" + did_you_mean(k, fields),
                                    raw.location(line)))
    try:
        return model.model_validate(clean)
    except ValidationError as e:
        problems.append(Problem(Fact.INVALID_VALUE, f"[{name}]: {_first_error(e)}", raw.location(line)))
        bad = {str(err["loc"][0]) for err in e.errors() if err["loc"]}
        try:
            return model.model_validate({k: v for k, v in clean.items() if k not in bad})
        except ValidationError:
            return None


def _first_error(e: ValidationError) -> str:
    errs = e.errors()
    parts = []
    for err in errs[:3]:
        where = ".".join(str(x) for x in err["loc"])
        parts.append(f"'{where}': {_msg(err)}" if where else _msg(err))
    return "; ".join(parts)


def _label(cid: str | None) -> str:
    return f"claim '{cid}'" if cid else "a claim"


def _claims(raw: RawLedger, sources: dict[str, Source], problems: list[Problem]) -> list[ClaimCtx]:
    out: list[ClaimCtx] = []
    seen: dict[str, int | None] = {}
    for table in raw.claims:
        data = table.data
        if "__not_a_table__" in data:
            problems.append(Problem(Fact.INVALID_VALUE, "'claim' must be an array of tables ([[claim]])",
                                    raw.location(table.line)))
            continue
        cid = data.get("id") if isinstance(data.get("id"), str) else None
        clean: dict[str, Any] = data if data.keys() <= CLAIM_FIELDS else {}  # copied only to drop keys
        if clean is not data:
            for k, v in data.items():
                if k in CLAIM_FIELDS:
                    clean[k] = v
                else:
                    problems.append(Problem(Fact.UNKNOWN_KEY, f"{_label(cid)} has an unknown field '{k}'"
                                            + did_you_mean(k, CLAIM_FIELDS) + "; it is ignored",
                                            raw.location(table.key_lines.get(k, table.line)),
                                            claims=[cid] if cid else []))
        claim: Claim | None = None
        try:
            claim = Claim.model_validate(clean)
        except ValidationError as e:
            clean = dict(clean)  # never the table itself: fields are dropped below
            fatal = False
            seen_keys: set[str] = set()
            for err in e.errors():
                key = str(err["loc"][0]) if err["loc"] else ""
                if key in seen_keys:
                    continue  # a field of several types fails once per type: report it once
                seen_keys.add(key)
                if key in ("id", "source"):
                    fatal = True
                what = "is missing" if err["type"] == "missing" else f"is invalid: {_msg(err)}"
                problems.append(Problem(Fact.INVALID_VALUE, f"{_label(cid)}: '{key}' {what}",
                                        raw.location(table.key_lines.get(key, table.line)),
                                        claims=[cid] if cid and key != "id" else []))
                clean.pop(key, None)
            if not fatal:
                try:
                    claim = Claim.model_validate(clean)
                except ValidationError:
                    claim = None
        if claim is None:
            continue
        if claim.id in seen:
            problems.append(Problem(Fact.DUPLICATE_ID, f"claim id '{claim.id}' is used twice (first at line "
                                    f"{seen[claim.id]}); the second is not checked", raw.location(table.line),
                                    claims=[claim.id]))
            continue
        seen[claim.id] = table.line
        ctx = ClaimCtx(claim, table)
        if claim.source in sources:  # every source read has a plain id: no need to test it again
            ctx.source = sources[claim.source]
        elif not is_plain_id(claim.source):
            problems.append(Problem(Fact.SOURCE_NOT_AN_ID, f"claim '{claim.id}': source '{claim.source}' is not a plain "
                                    "id (a file name in sources/ without its extension); nothing was read",
                                    raw.location(table.key_lines.get("source", table.line)), claims=[claim.id]))
        else:
            ctx.source = sources.get(claim.source)
        out.append(ctx)
    return out


def _resolve_claims(story: Story) -> None:
    tol = story.settings.tolerances
    dt = story.settings.tolerance
    dollar, dcomma = story.settings.dollar, story.settings.decimal_comma
    conv = story.conventions
    quoted = [c for c in story.claims if c.claim.quote]
    for c, periods in zip(quoted, find_periods_many([c.claim.quote or "" for c in quoted],
                                                    [c.anchor for c in quoted], conv,
                                                    [c.speaks_of_future for c in quoted]), strict=True):
        c.quote_periods = periods
    folded: dict[str, str] = {}  # claims of a subject often quote the same words
    for c in story.claims:
        cl = c.claim
        src = c.source
        anchor = c.anchor
        if cl.quote:
            c.quote_amounts = find_amounts(cl.quote, tol, dt, [p.span for p in c.quote_periods], dollar=dollar,
                                           decimal_comma=dcomma)
        if cl.when is not None:
            try:
                # Most `when`s are words of their own quote, already read there (see period_alone).
                c.period = period_alone(c.quote_periods, cl.when) or parse_period(
                    cl.when, anchor, future=c.speaks_of_future, conventions=conv)
            except NeedsAnchor as e:
                story.problems.append(Problem(Fact.UNANCHORED_DATE, f"claim '{c.id}': {e}", story.claim_loc(c, "when"),
                                              claims=[c.id], sources=[cl.source]))
            except PeriodError as e:
                story.problems.append(Problem(Fact.UNREAD_PERIOD, f"claim '{c.id}': when = \"{cl.when}\" was not "
                                              f"checked: {e}",
                                              story.claim_loc(c, "when"), claims=[c.id]))
        if cl.amount is not None:
            try:
                c.amount = amount_alone(c.quote_amounts, cl.amount, cl.quote or "") or parse_amount(
                    cl.amount, tol, dt, dollar=dollar, decimal_comma=dcomma)
            except AmountError as e:
                story.problems.append(Problem(Fact.UNREAD_AMOUNT, f"claim '{c.id}': amount = \"{cl.amount}\" was not "
                                              f"checked: {e}",
                                              story.claim_loc(c, "amount"), claims=[c.id]))
        if cl.quote and src is not None and src.body is not None and not src.is_note:
            q = folded.get(cl.quote)
            if q is None:
                q = folded[cl.quote] = fold(cl.quote)
            c.quote_folded = q
            c.quote_found = bool(q) and find_folded(src.folded, q) >= 0
            if not c.quote_found:
                # An ellipsis, [bracketed words], [sic], a comma inside the quotation marks:
                # matched as reporters quote (text.py).
                m = match_quote(src.folded, src.folded_paragraphs, cl.quote)
                c.quote_found = m is not None
                c.quote_insertions = list(m.insertions) if m is not None else []
        if cl.quote:
            if not c.quote_amounts and c.amount is not None:
                # "the 79th anniversary" states 79 for a claim of 79; an ordinal only ever confirms a
                # figure ("a third batch" does not say 3 troops), so only an equal one is kept.
                ordinals = [parse_amount(m.group(1)) for m in _ORDINAL.finditer(cl.quote)] + [
                    parse_amount(_ORDINAL_WORDS[m.group(1).lower()]) for m in _ORDINAL_WORD.finditer(cl.quote)]
                c.quote_amounts = [o for o in ordinals if o.value == c.amount.value]
        if cl.amount is None and cl.when is None:
            if len(c.quote_amounts) == 1:
                c.amount = c.quote_amounts[0]
                c.amount_from_quote = True
            elif cl.quote and c.quote_amounts:
                figures = ", ".join(f"'{a.text}'" for a in c.quote_amounts)
                story.problems.append(Problem(Fact.NOTHING_TO_CHECK, f"claim '{c.id}': the quote holds "
                                              f"{len(c.quote_amounts)} figures ({figures}); say which one with "
                                              "`amount`", story.claim_loc(c), claims=[c.id]))
            else:
                story.problems.append(Problem(Fact.NOTHING_TO_CHECK, f"claim '{c.id}' has neither `amount` nor "
                                              "`when`" + (" and its quote holds no figure" if cl.quote else "")
                                              + ", so it asserts nothing that can be checked",
                                              story.claim_loc(c), claims=[c.id]))
        c.unit = cl.unit or (c.amount.unit if c.amount and _counts_as_unit(c) else None)
        if c.unit is None and cl.subject and cl.subject in story.subjects:
            c.unit = story.subjects[cl.subject].unit


def amount_alone(found: list[Amount], text: object, quote: str) -> Amount | None:
    """What `parse_amount(text)` gives, taken from a figure of the reading of `quote` whose text
    is exactly `text` and stands apart in it (white space or the quote's start before it, white
    space, punctuation or the end after it: "US3,000" is not read as "3,000" is); None when no
    figure is, and the amount must be read on its own.

    A figure read in running text (find_amounts, same settings) differs from the same words read
    alone only in what the context adds: where it stands (`span`), a noun after it that it
    counts (`unit`) and a negation before it (`negated`). Whatever the context changes in the
    reading itself, a hedge before it, a range around it, unit words after it, is part of the
    figure's text, so a figure whose text differs is never taken. The unit a figure names itself
    is % or a currency code in capitals, while a counted noun is a word as read, in lower case
    ("12 rs" counts "rs", "12 Rs" is rupees); "pp" may be either ("5 pp", "5 of pp"), so such a
    figure is read alone. tests/test_fast_paths.py holds this to parse_amount."""
    if type(text) is not str:
        return None
    for a in found:
        if a.text == text:
            s, e = a.span
            if s > 0 and not quote[s - 1].isspace() or e < len(quote) and quote[e] not in _AFTER_A_FIGURE:
                return None
            unit = a.unit
            if unit is not None and unit != PERCENT and not unit.isupper():
                if unit == POINTS:
                    return None
                unit = None  # the noun after the figure in the quote
            if a.span == (0, len(text)) and a.unit is unit and not a.negated:
                return a
            return replace(a, span=(0, len(text)), unit=unit, negated=False)
    return None


_AFTER_A_FIGURE = frozenset(" \t\n,.;:!?)\"'\u201d\u2019")


def period_alone(found: list[Period], text: object) -> Period | None:
    """What `parse_period(text, ...)` gives, taken from a period of the quote's reading (read
    with the same anchor, conventions and `future`) whose text is exactly `text`; None when no
    period is, and the `when` must be read on its own. A period read in running text differs
    from the same words read alone only in where it stands, and in the word "in", "on" or "at"
    the reading takes in before a period closed at both ends ("in late 2023", "on September 2"),
    which places it and says nothing of its days ("on or before" is one open-ended phrase); one
    that runs backwards, which the plain reader refuses, is never taken.
    tests/test_fast_paths.py holds this to parse_period."""
    if type(text) is not str or not text:
        return None
    n = len(text)
    for p in found:
        if p.start > p.end:
            continue
        t = p.text
        if t == text:
            return p if p.span == (0, n) else replace(p, span=(0, n))
        if (len(t) > n and t.endswith(text) and t[: len(t) - n].lower() in _PLACING_WORDS
                and not (p.open_start or p.open_end)):  # "on or before May 1": "on" is of its phrase
            return replace(p, text=text, span=(0, n))
    return None


_PLACING_WORDS = frozenset({"in ", "on ", "at "})  # before a period, with the one space between


def _counts_as_unit(c: ClaimCtx) -> bool:
    """The editor's own unit words count; a noun guessed from the quote counts only when it is a
    currency or %, since "shells" and "rounds" in two quotes are often the same thing."""
    assert c.amount is not None
    u = c.amount.unit or ""
    return not c.amount_from_quote or is_symbolic(u)


def _unreadable_ids(story: Story) -> set[str]:
    """Ids of claims in the ledger that could not be read (FC002 reports each): a reference to
    one is not also a reference to a claim that does not exist."""
    return {cid for p in story.problems if p.kind is Fact.INVALID_VALUE for cid in p.claims}


def _check_references(story: Story) -> None:
    ids = story.by_id
    graph: dict[str, list[str]] = {}  # only claims with parts: a claim without any closes no cycle
    unreadable: set[str] | None = None
    for c in story.claims:
        if not c.claim.total_of:
            continue
        for part in c.claim.total_of:
            if part not in ids:
                if unreadable is None:
                    unreadable = _unreadable_ids(story)
                if part in unreadable:
                    continue
                story.problems.append(Problem(Fact.MISSING_CLAIM, f"claim '{c.id}': total_of names '{part}', which is not a "
                                              "claim" + did_you_mean(part, set(ids)), story.claim_loc(c, "total_of"),
                                              claims=[c.id]))
        graph[c.id] = [p for p in c.claim.total_of if p in ids]
    # Cycles in total_of (a claim that is, through its parts, a part of itself).
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    for start in graph:
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, idx = stack.pop()
            if idx == 0:
                state[node] = 1
                path.append(node)
            children = graph.get(node, [])
            if idx < len(children):
                stack.append((node, idx + 1))
                child = children[idx]
                if state.get(child) == 1:
                    cyc = path[path.index(child):] + [child]
                    key = frozenset(cyc)
                    if key not in reported:
                        reported.add(key)
                        first = ids[cyc[0]]
                        what = "is a part of itself" if len(cyc) == 2 else "is its own total through " + " -> ".join(cyc)
                        story.problems.append(Problem(Fact.TOTAL_CYCLE, f"claim '{cyc[0]}' {what}; totals in a cycle are "
                                                      "not checked", story.claim_loc(first, "total_of"),
                                                      claims=cyc[:-1]))
                elif not state.get(child):
                    stack.append((child, 0))
            else:
                state[node] = 2
                path.pop()


def in_cycle(story: Story) -> set[str]:
    out: set[str] = set()
    for p in story.problems:
        if p.kind is Fact.TOTAL_CYCLE:
            out.update(p.claims)
    return out


def _table(story: Story, table: Table, kind: str, model: Any, fields: frozenset[str]) -> Any:
    """Validate one [[relation]] or [[accept]] table; problems are recorded, None when unusable."""
    data = table.data
    if "__not_a_table__" in data:
        story.problems.append(Problem(Fact.INVALID_VALUE, f"'{kind}' must be an array of tables ([[{kind}]])",
                                      story.loc(table)))
        return None
    for k in data:
        if k not in fields:
            story.problems.append(Problem(Fact.UNKNOWN_KEY, f"a {kind} has an unknown field '{k}'"
                                          + did_you_mean(k, fields), story.loc(table, k)))
    try:
        return model.model_validate({k: v for k, v in data.items() if k in fields})
    except ValidationError as e:
        story.problems.append(Problem(Fact.INVALID_VALUE, f"{kind}: {_first_error(e)}", story.loc(table)))
        return None


def _relations(story: Story) -> list[RelationCtx]:
    out: list[RelationCtx] = []
    if not story.raw.relations:
        return out
    from factcheck.expr import ExprError, parse_relation  # not imported by a ledger without relations

    for table in story.raw.relations:
        rel = _table(story, table, "relation", Relation, RELATION_FIELDS)
        if rel is None:
            continue
        ctx = RelationCtx(rel, table)
        out.append(ctx)
        try:
            ctx.parsed = parse_relation(rel.expect)
        except ExprError as e:
            story.problems.append(Problem(Fact.UNPARSED_RELATION, f"relation \"{rel.expect}\": {e} (at character "
                                          f"{e.column})", story.expect_loc(table, e.column)))
            continue
        missing = [i for i in ctx.parsed.ids() if i not in story.by_id]
        unreadable = _unreadable_ids(story) if missing else set()
        for m in missing:
            if m in unreadable:
                continue
            story.problems.append(Problem(Fact.MISSING_CLAIM, f"relation \"{rel.expect}\" names '{m}', which is not a claim"
                                          + did_you_mean(m, set(story.by_id)), story.loc(table, "expect")))
        if missing:
            ctx.parsed = None
    return out


def _expect_column(story: Story, line: int | None, expr_col: int) -> int | None:
    """The column in claims.toml of a position inside the expect string, when it is on one line."""
    if line is None:
        return None
    try:
        text = story.raw.text.splitlines()[line - 1]
    except IndexError:
        return None
    q = text.find('"', text.find("="))
    if q < 0:
        q = text.find("'", text.find("="))
    return q + 1 + expr_col if q >= 0 else None


def _accepts(story: Story) -> list[tuple[Accept, Table]]:
    out = []
    for table in story.raw.accepts:
        acc = _table(story, table, "accept", Accept, ACCEPT_FIELDS)
        if acc is not None:
            out.append((acc, table))
    return out
