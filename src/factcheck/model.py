"""The models: what the editor's files hold, and what a run produces.

File models validate one table each (a claim, a relation, an accept, a source's front matter), so
a mistake inside one claim is reported against that claim and every other claim is still checked.
Result models are plain data that reporters render and never compute on.
"""

# No `from __future__ import annotations`: the file models' field types are read at run time
# (validate.py), and evaluating annotation strings costs a compile() per field.

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

from factcheck.validate import Check, field_names

ID_RE = re.compile(r"[A-Za-z0-9_.-]+\Z")  # \Z: "$" would let an id end in a newline

# File models are frozen dataclasses. `validate(Model, data)` checks a table against one: the
# common, well-typed case in plain Python, anything else through pydantic, imported only then,
# so that its messages ("Input should be a valid date") reach the editor (see validate.py).


def _plain_id(v: str) -> str:
    if not ID_RE.match(v):
        raise ValueError("ids use letters, digits, '-', '_' and '.' only")
    return v


def _no_bool(v: Any) -> Any:
    if isinstance(v, bool):
        raise ValueError("an amount is a figure such as \"about 3,000\", not true/false")
    if isinstance(v, float):
        v = Decimal(repr(v))
    if isinstance(v, Decimal) and not v.is_finite():
        raise ValueError(f"{v} is not a figure; write the number the source states")
    return v


def _has_reason(v: str) -> str:
    if not v.strip():
        raise ValueError("an accepted finding needs a reason an editor can read")
    return v


def _sane_tolerance(v: Decimal) -> Decimal:
    if not (Decimal(0) <= v < Decimal(1)):
        raise ValueError("a tolerance is a fraction from 0 up to (not including) 1, such as 0.10")
    return v


def _month_day(v: str) -> str:
    """`fiscal_year_start`: "MM-DD", a day every year has."""
    m = re.fullmatch(r"(\d\d)-(\d\d)", v)
    if m is None or not (1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 28):
        raise ValueError(f'"{v}" is not a month and day such as "04-01" (days 1 to 28)')
    return v


def _one_or_many(v: Any) -> Any:
    return [v] if isinstance(v, str) else v


@dataclass(frozen=True, slots=True)
class Claim:
    """One [[claim]] table of the ledger, as the editor wrote it."""

    id: Annotated[str, Check(_plain_id)]
    source: str
    subject: str | None = None
    quote: str | None = None
    amount: Annotated[str | int | Decimal | None, Check(_no_bool, before=True)] = None
    unit: str | None = None
    when: str | date | None = None
    via: str | list[str] | None = None
    total_of: list[str] = field(default_factory=list)
    text: str | None = None
    note: str | None = None
    publish_review: bool = False  # the desk publishes a verdict on this claim (ClaimReview)

    @property
    def vias(self) -> list[str]:
        if self.via is None:
            return []
        return [self.via] if isinstance(self.via, str) else list(self.via)


@dataclass(frozen=True, slots=True)
class Relation:
    """One [[relation]] table: an arithmetic expectation between claims."""

    expect: str
    because: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Accept:
    """One [[accept]] table: a finding the desk has looked at and accepted, with its reason."""

    code: str
    claims: list[str] = field(default_factory=list)
    reason: Annotated[str, Check(_has_reason)]


@dataclass(frozen=True, slots=True)
class SubjectInfo:
    """One [subject."x"] table: what the ledger says about a subject."""

    cumulative: bool = False
    unit: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """The [settings] table: tolerances, strictness, the sources a subject needs."""

    tolerance: Annotated[Decimal, Check(_sane_tolerance)] = Decimal("0.10")
    tolerances: dict[str, Decimal] = field(default_factory=dict)
    min_sources: int = 1
    strict: bool = False
    fiscal_year_start: Annotated[str, Check(_month_day)] = "01-01"  # "FY2025" begins on this day of 2024
    hemisphere: Literal["north", "south"] = "north"  # which months "spring 2023" means


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """The [story] table: title, publication date, draft, and where and by whom it is published."""

    title: str | None = None
    published: date | None = None
    draft: str | None = None
    url: str | None = None  # where the story will be published (used by ClaimReview)
    publisher: str | None = None  # the newsroom publishing the checks (ClaimReview's author)


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """A source's front matter (or a note's keys)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    via: Annotated[list[str], Check(_one_or_many, before=True)] = field(default_factory=list)
    kind: Literal["text", "note"] = "text"
    summary: str | None = None


def error_text(err: Any) -> str:
    """A pydantic error's message for an editor (without pydantic's 'Value error, ' prefix)."""
    return str(err.get("msg", "")).removeprefix("Value error, ")


CLAIM_FIELDS = field_names(Claim)
RELATION_FIELDS = field_names(Relation)
ACCEPT_FIELDS = field_names(Accept)
SOURCE_FIELDS = field_names(SourceMeta)
TOP_LEVEL = frozenset({"story", "claim", "relation", "units", "subject", "accept", "settings"})


# -- results -------------------------------------------------------------------------------------


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class ClaimStatus(str, Enum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    CONFLICTING = "conflicting"
    UNSUPPORTED = "unsupported"
    UNVERIFIABLE = "unverifiable"

    @property
    def symbol(self) -> str:
        """A mark that survives NO_COLOR and plain text: ✓ ✗ ≠ ? ~."""
        return {"supported": "✓", "contradicted": "✗", "conflicting": "≠", "unsupported": "?",
                "unverifiable": "~"}[self.value]


# Results are plain dataclasses: a 10,000-claim report builds and serialises them in
# milliseconds, where pydantic models cost a third of a second.


@dataclass(slots=True)
class Location:
    """Where a finding points: a file, and the line and column when known."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        out = self.path
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out


@dataclass(slots=True)
class Finding:
    """One problem the engine found, as every reporter receives it."""

    code: str
    severity: Severity
    message: str
    claims: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    accepted: str | None = None
    location: Location | None = None
    derivation: list[str] = field(default_factory=list)
    evidence: str | None = None  # the source's own words, shown as a quote
    figure: str | None = None  # the figure in `evidence` a reporter may highlight

    @property
    def family(self) -> str:
        return self.code[:3] + "xx"


@dataclass(frozen=True, slots=True)  # shared by the rows of claims with the same figure or date
class AmountOut:
    """A claim's amount in a report: its text and the ends of its interval."""

    text: str
    low: int | float | None
    high: int | float | None


@dataclass(frozen=True, slots=True)  # shared by the rows of claims with the same figure or date
class WhenOut:
    """A claim's period in a report: its text and first and last days (None: open-ended)."""

    text: str
    start: str | None
    end: str | None


@dataclass(slots=True)
class ClaimResult:
    """One claim's row in a report."""

    id: str
    status: ClaimStatus
    source: str
    amount: AmountOut | None = None
    when: WhenOut | None = None
    subject: str | None = None
    unit: str | None = None
    quote: str | None = None
    line: int | None = None
    text: str | None = None  # the assertion in the story's words (ClaimReview's claimReviewed)
    publish_review: bool = False  # the desk publishes a verdict on it (ClaimReview)
    found_in: str | None = None  # where the quote stands in a page or a PDF: "report.pdf p. 14"


@dataclass(slots=True)
class SourceResult:
    """One source's row in a report."""

    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    via: list[str] = field(default_factory=list)
    kind: str = "text"
    cited_by: int = 0


@dataclass(slots=True)
class Summary:
    """The counts a report opens with."""

    claims: int
    sources: int
    error: int
    warning: int
    info: int
    accepted: int = 0

    @classmethod
    def total(cls, summaries: "list[Summary]") -> "Summary":
        """The counts of several stories added up (a repository's report)."""
        return cls(claims=sum(s.claims for s in summaries), sources=sum(s.sources for s in summaries),
                   error=sum(s.error for s in summaries), warning=sum(s.warning for s in summaries),
                   info=sum(s.info for s in summaries), accepted=sum(s.accepted for s in summaries))


@dataclass(slots=True, kw_only=True)
class Report:
    """What the engine returns and every reporter renders."""

    version: int = 1
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    ledger: str = "claims.toml"
    fail_on: str = "error"
    summary: Summary
    claims: list[ClaimResult]
    sources: list[SourceResult] = field(default_factory=list)
    findings: list[Finding]

    def failing(self, fail_on: str) -> list[Finding]:
        if fail_on == "never":
            return []
        floor = Severity(fail_on).rank
        return [f for f in self.findings if f.accepted is None and f.severity.rank >= floor]

    def verdict(self) -> tuple[str, Severity | None]:
        """The one-line verdict every reporter shows, and the severity it speaks of."""
        blocking = self.failing(self.fail_on)
        if blocking:
            n = len(blocking)
            worst = max(blocking, key=lambda f: f.severity.rank).severity
            same = all(f.severity is worst for f in blocking)
            noun = worst.value if same and worst is not Severity.INFO else "finding"
            return f"{n} {noun}{'s block' if n != 1 else ' blocks'} publication", worst
        s = self.summary
        if s.error:
            return f"{s.error} error{'s' if s.error != 1 else ''} (not blocking with --fail-on never)", Severity.ERROR
        if s.warning:
            return f"No blocking findings; {s.warning} warning{'s' if s.warning != 1 else ''} to look at", Severity.WARNING
        if s.info:
            return f"No blocking findings; {s.info} note{'s' if s.info != 1 else ''}", Severity.INFO
        return "Clean: every check passed", None

    def slug(self) -> str:
        """A file-name form of the story's title: 'north-korea-and-russia-troops-shells'."""
        import re
        import unicodedata

        base = self.title or Path(self.ledger).resolve().parent.name or "story"
        ascii_ = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
        return slug[:60].rstrip("-") or "story"

    def to_json_dict(self, without: frozenset[str] = frozenset()) -> dict[str, Any]:
        """The SPEC section 6 document (plus additive fields): every field in declaration order,
        nested rows as objects, enums as their values; `without` leaves fields out (None)."""
        if not without:
            return _plain(self)  # type: ignore[no-any-return]
        return {name: None if name in without else _plain(getattr(self, name))
                for name in self.__dataclass_fields__}


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(v: Any) -> Any:
    """A result value as JSON data. Rows are slotted dataclasses; their fields are read directly,
    and a scalar field costs no call (a report has tens of thousands of them)."""
    t = type(v)
    if t in _SCALARS:
        return v
    if t is ClaimResult:
        return _claim_row(v)
    if t is list:
        return [x if type(x) in _SCALARS else _plain(x) for x in v]
    if isinstance(v, Enum):
        return v.value
    names = _FIELDS.get(t)
    if names is None:
        names = _FIELDS[t] = tuple(t.__dataclass_fields__)
    out = {}
    for name in names:
        x = getattr(v, name)
        out[name] = x if type(x) in _SCALARS else _plain(x)
    return out


def _claim_row(r: ClaimResult) -> dict[str, Any]:
    """_plain for the row a report has most of, written out: a fifth of the time of the loop.
    tests/test_reports.py checks it gives what the general loop gives."""
    a, w = r.amount, r.when
    return {"id": r.id, "status": r.status.value, "source": r.source,
            "amount": None if a is None else {"text": a.text, "low": a.low, "high": a.high},
            "when": None if w is None else {"text": w.text, "start": w.start, "end": w.end},
            "subject": r.subject, "unit": r.unit, "quote": r.quote, "line": r.line, "text": r.text,
            "publish_review": r.publish_review, "found_in": r.found_in}
