"""The models: what the editor's files hold, and what a run produces.

File models are pydantic models, one per table (a claim, a relation, an accept, a source's front
matter), so a mistake inside one claim is reported against that claim and every other claim is
still checked; pydantic words the messages ("Input should be a valid date"). A model forbids
unknown keys, but the loader drops those first and reports them itself, with a suggestion.
Result models are plain dataclasses that reporters render and never compute on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

__all__ = ["ValidationError"]  # what a file model raises; callers catch it from here

ID_RE = re.compile(r"[A-Za-z0-9_.-]+\Z")  # \Z: "$" would let an id end in a newline


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


def _currency_code(v: str) -> str:
    if not (len(v) == 3 and v.isascii() and v.isalpha()):
        raise ValueError('the dollar is a three-letter currency code, such as "USD", "CAD" or "AUD"')
    return v.upper()


def _month_day(v: str) -> str:
    """`fiscal_year_start`: "MM-DD", a day every year has."""
    m = re.fullmatch(r"(\d\d)-(\d\d)", v)
    if m is None or not (1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 28):
        raise ValueError(f'"{v}" is not a month and day such as "04-01" (days 1 to 28)')
    return v


def _one_or_many(v: Any) -> Any:
    return [v] if isinstance(v, str) else v


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class FileModel(BaseModel):
    """A table of the editor's files: immutable, and no key it does not declare."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Claim(FileModel):
    """One [[claim]] table of the ledger, as the editor wrote it."""

    id: Annotated[str, AfterValidator(_plain_id)]
    source: str
    subject: str | None = None
    quote: str | None = None
    amount: Annotated[str | int | Decimal | None, BeforeValidator(_no_bool)] = None
    unit: str | None = None
    when: str | date | None = None
    via: str | list[str] | None = None
    total_of: list[str] = Field(default_factory=list)
    text: str | None = None
    note: str | None = None
    publish_review: bool = False  # the desk publishes a verdict on this claim (ClaimReview)

    @property
    def vias(self) -> list[str]:
        if self.via is None:
            return []
        return [self.via] if isinstance(self.via, str) else list(self.via)


class Relation(FileModel):
    """One [[relation]] table: an arithmetic expectation between claims."""

    expect: str
    because: str | None = None


class Accept(FileModel):
    """One [[accept]] table: a finding the desk has looked at and accepted, with its reason."""

    code: str
    claims: list[str] = Field(default_factory=list)
    reason: Annotated[str, AfterValidator(_has_reason)]


class SubjectInfo(FileModel):
    """One [subject."x"] table: what the ledger says about a subject."""

    cumulative: bool = False
    unit: str | None = None
    title: str | None = None


def _rule_codes(v: dict[str, Severity]) -> dict[str, Severity]:
    for code in v:
        if not re.fullmatch(r"FC\d\d\d", code.upper()):
            raise ValueError(f"'{code}' is not a rule code; codes look like FC501 (factcheck rules lists them)")
    return {code.upper(): sev for code, sev in v.items()}


class Settings(FileModel):
    """The [settings] table: tolerances, strictness, the sources a subject needs, severities."""

    tolerance: Annotated[Decimal, AfterValidator(_sane_tolerance)] = Decimal("0.10")
    tolerances: dict[str, Decimal] = Field(default_factory=dict)
    min_sources: int = 1
    strict: bool = False
    dollar: Annotated[str, AfterValidator(_currency_code)] = "USD"  # the currency a bare "$" or "dollars" means
    decimal_comma: bool = False  # "1,5 million" is 1.5 million (else it is refused, never guessed)
    fiscal_year_start: Annotated[str, AfterValidator(_month_day)] = "01-01"  # "FY2025" begins on this day of 2024
    hemisphere: Literal["north", "south"] = "north"  # which months "spring 2023" means
    # a rule's severity for this story: severity = {FC501 = "warning"}
    severity: Annotated[dict[str, Severity], AfterValidator(_rule_codes)] = Field(default_factory=dict)


class StoryInfo(FileModel):
    """The [story] table: title, publication date, draft, and where and by whom it is published."""

    title: str | None = None
    published: date | None = None
    draft: str | None = None
    url: str | None = None  # where the story will be published (used by ClaimReview)
    publisher: str | None = None  # the newsroom publishing the checks (ClaimReview's author)


class SourceMeta(FileModel):
    """A source's front matter (or a note's keys)."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    via: Annotated[list[str], BeforeValidator(_one_or_many)] = Field(default_factory=list)
    kind: Literal["text", "note"] = "text"
    summary: str | None = None


def error_text(err: Any) -> str:
    """A pydantic error's message for an editor (without pydantic's 'Value error, ' prefix)."""
    return str(err.get("msg", "")).removeprefix("Value error, ")


CLAIM_FIELDS = frozenset(Claim.model_fields)
RELATION_FIELDS = frozenset(Relation.model_fields)
ACCEPT_FIELDS = frozenset(Accept.model_fields)
SOURCE_FIELDS = frozenset(SourceMeta.model_fields)
TOP_LEVEL = frozenset({"story", "claim", "relation", "units", "subject", "accept", "settings"})


# -- results -------------------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class AmountOut:
    """A claim's amount in a report: its text and the ends of its interval."""

    text: str
    low: int | float | None
    high: int | float | None


@dataclass(frozen=True, slots=True)
class WhenOut:
    """A claim's period in a report: its text and first and last days (None: open-ended)."""

    text: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class FailedCheck:
    """A failed total or relation a claim is a part of (not its stated result): the finding's
    code and its index in the report's findings."""

    code: str
    finding: int


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
    # failed totals and relations this claim is a part of; its status is its own evidence's
    part_of_failed: list[FailedCheck] = field(default_factory=list)
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


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a report knows of a rule: the registry's metadata, so that reporters (SARIF's rule
    table, the timeline's timing marks, `rules` and `explain`) never import the rules."""

    code: str
    name: str
    severity: Severity
    summary: str
    sections: dict[str, str]  # the docstring's sections: "What it checks", "Why an editor cares"
    tags: tuple[str, ...] = ()  # what kind of finding it makes: "timing", "conflict" (rules.TAGS)
    about: str = "claim"  # what one finding is about: "claim", "subject" or "source"
    grouped: str = ""  # the terminal's line for several of its informational findings: "{n} subjects ..."
    # The rule's two small stories as a reader is shown them, (file or address, text) in order:
    # one that raises the rule and one that does not; `no_example` says why a rule has none.
    example: tuple[tuple[str, str], ...] | None = None
    passes: tuple[tuple[str, str], ...] | None = None
    no_example: str = ""

    @property
    def family(self) -> str:
        return self.code[:3]


def story_markdown(files: tuple[tuple[str, str], ...]) -> list[str]:
    """A rule's story as Markdown lines: each file's path (or a page's address), then its text in
    a fence (TOML for the ledger and notes, HTML for pages, text for the rest)."""
    out: list[str] = []
    for path, text in files:
        lang = "toml" if path.endswith(".toml") else "html" if path.endswith((".html", ".htm", " now serves")) else "text"
        out += ["", f"`{path}`", "", f"```{lang}", text.rstrip("\n"), "```"]
    return out[1:]


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
    # Every registered rule, in code order; not part of the JSON document (docs/json.md).
    rules: list[RuleInfo] = field(default_factory=list, metadata={"json": False})

    def tagged(self, tag: str) -> frozenset[str]:
        """The codes of the rules carrying `tag`."""
        return frozenset(r.code for r in self.rules if tag in r.tags)

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

    def to_json_dict(self) -> dict[str, Any]:
        """The SPEC section 6 document (plus additive fields): every field in declaration order,
        nested rows as objects, enums as their values."""
        return _plain(self)  # type: ignore[no-any-return]


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # each row class's field names, in declaration order


def json_fields(t: type) -> tuple[str, ...]:
    """The names of a row class's fields that the JSON document carries, in declaration order
    (looked up once per class)."""
    names = _FIELDS.get(t)
    if names is None:
        names = _FIELDS[t] = tuple(name for name, f in t.__dataclass_fields__.items()  # type: ignore[attr-defined]
                                   if f.metadata.get("json", True))
    return names


def json_row(v: Any) -> Any:
    """One level of a result value as JSON data, for an encoder's `default`: a row as the mapping
    of its fields (their values as they are: the encoder comes back here for a nested row),
    an enum as its value. `json.JSONEncoder(default=json_row)` writes what encoding
    `to_json_dict()` writes, without building the nested mappings first
    (tests/test_fast_paths.py holds the two to each other)."""
    make = _ROW_MAKERS.get(type(v))
    if make is None:
        if isinstance(v, Enum):
            return v.value
        if not hasattr(v, "__dataclass_fields__"):
            raise TypeError(f"{type(v).__name__} is not a result row")
        make = _ROW_MAKERS[type(v)] = _row_maker(json_fields(type(v)))
    return make(v)


_ROW_MAKERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _row_maker(names: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    """`lambda v: {"id": v.id, "status": v.status, ...}` for a row class's fields: a dict display
    builds a row's mapping in a third of the time a loop over the names takes (the dataclass
    module writes its __init__ the same way). The names are the class's own field names, never
    text from a file."""
    assert all(n.isidentifier() for n in names)
    maker: Callable[[Any], dict[str, Any]] = eval(  # noqa: S307
        "lambda v: {" + ", ".join(f"{n!r}: v.{n}" for n in names) + "}", {})
    return maker


def _plain(v: Any) -> Any:
    """A result value as JSON data: the one serialiser of rows, for every reporter.

    Scalars are told by their exact type and each class's fields are looked up once: a report
    of 10,000 claims holds some 200,000 values (tests/test_fast_paths.py holds this to the plain
    isinstance walk)."""
    t = type(v)
    if t in _SCALARS:
        return v
    if t is list:
        return [_plain(x) for x in v]
    names = _FIELDS.get(t)
    if names is None:
        if isinstance(v, Enum):
            return v.value
        if isinstance(v, list):
            return [_plain(x) for x in v]
        if not hasattr(v, "__dataclass_fields__"):
            return v
        names = json_fields(t)
    return {name: _plain(getattr(v, name)) for name in names}
