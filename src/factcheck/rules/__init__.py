"""The rule registry: the one place that knows every rule's code, severity, summary and docs.

A rule is a small function that takes the resolved :class:`~factcheck.resolve.Story` and yields
:class:`Hit` objects; it only detects. The engine stamps each hit with the rule's code and its
configured severity. ``verify``, ``--select/--ignore``, ``rules``, ``explain`` and the docs all
read this registry. Registering a malformed or duplicate code fails at import time.

Every rule's docstring has two sections, ``What it checks`` and ``Why an editor cares``; the
decorator also takes two small stories, ``example=`` (a story that raises the rule) and
``passes=`` (one that does not). The registry refuses a rule without all four; the tests run every
example through the engine, and ``explain``, SARIF's help and docs/rules.md print them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.model import ClaimStatus, Location, RuleInfo, Severity

if TYPE_CHECKING:
    from factcheck.resolve import Story

CODE_RE = re.compile(r"^FC[0-6]\d\d$")
FAMILIES = {
    "FC0": "the ledger itself",
    "FC1": "claim against its evidence",
    "FC2": "arithmetic",
    "FC3": "across sources",
    "FC4": "time",
    "FC5": "sourcing",
    "FC6": "the draft",
}
DOC_SECTIONS = ("What it checks", "Why an editor cares")
_SOURCE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.(md|txt|toml|html|htm)$")
# What a rule's findings are about, for the reporters that treat a kind of finding alike:
# "timing": a claim's period is at fault (the timeline draws its row red); "conflict": the first
# claim named is the outlier, the others the consensus it is measured against (charts draw only
# the outlier red).
TAGS = frozenset({"timing", "conflict"})


@dataclass
class Hit:
    """What a rule found, before the engine gives it a code and a severity."""

    message: str
    claims: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    location: Location | None = None
    derivation: list[str] = field(default_factory=list)
    evidence: str | None = None
    figure: str | None = None
    severity: Severity | None = None  # only for rules whose severity depends on the case
    strict_error: bool = False  # a hedged discrepancy that --strict turns into an error
    # The claims whose status the finding sets, when that is not the rule's scope: a failed total
    # or relation blames only its stated result (none when it has none); its other claims are the
    # parts, which keep their own status and list the finding in the report.
    blame: list[str] | None = None


RuleFn = Callable[["Story"], Iterable[Hit]]


@dataclass(frozen=True)
class Example:
    """A small story folder that shows a rule: the ledger, its source files and maybe a draft.

    ``sources`` maps a file name in sources/ ("nis.md", "call.toml", "page.html") to its text;
    ``draft`` is draft.md beside the ledger. Settings and `[story] published` go in the ledger.
    ``pages`` is for the rules of `factcheck sources check`: what each source's URL serves now
    (a page's HTML), or the HTTP status it answers with (404). The tests hold a rule's example to
    exactly its rule: no other warning or error (information is allowed).
    """

    ledger: str
    sources: Mapping[str, str] = field(default_factory=dict)
    draft: str | None = None
    pages: Mapping[str, str | int] = field(default_factory=dict)

    def files(self) -> list[tuple[str, str]]:
        """The story's files in reading order, as (path in the story folder, text)."""
        out = [("claims.toml", _block(self.ledger))]
        out += [(f"sources/{name}", _block(text)) for name, text in self.sources.items()]
        if self.draft is not None:
            out.append(("draft.md", _block(self.draft)))
        return out

    def shown(self) -> list[tuple[str, str]]:
        """What a reader is shown: the files, then what each URL serves now (`sources check`)."""
        from http import HTTPStatus

        out = self.files()
        for url, page in self.pages.items():
            if isinstance(page, int):
                out.append((f"{url} now answers", f"{page} {HTTPStatus(page).phrase}\n"))
            else:
                out.append((f"{url} now serves", _block(page)))
        return out

    def write(self, folder: Path) -> Path:
        """Write the story into `folder` (claims.toml, sources/, draft.md); returns the ledger."""
        (folder / "sources").mkdir(parents=True, exist_ok=True)
        for name, text in self.files():
            (folder / name).write_text(text, encoding="utf-8")
        return folder / "claims.toml"


def _block(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n") + "\n"


class StatusScope(str, Enum):
    """Which claims named by an unaccepted finding take the rule's status."""

    FIRST = "first"  # the claim the finding is about (the first named)
    ALL = "all"  # every claim named
    STATED = "stated"  # the stated result of a total or relation; none for an order ("a < b")


@dataclass(frozen=True)
class Rule:
    """A registered rule: its code, severity, summary and the function that checks."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    fn: RuleFn
    status: ClaimStatus | None = None  # what an unaccepted finding makes of its claims
    status_scope: StatusScope = StatusScope.FIRST
    status_min: Severity = Severity.ERROR  # findings below this severity leave statuses alone
    tags: tuple[str, ...] = ()  # see TAGS
    # What one finding is about ("claim": its first claim, "subject": that claim's subject,
    # "source": its first source), and the line the terminal prints for several informational
    # findings of this rule at once: "{n} subjects rest on one source" (a list of what they are
    # about follows). Without it the summary is used.
    about: str = "claim"
    grouped: str = ""
    example: Example | None = None  # a story that raises the rule (none only for FC000)
    passes: Example | None = None  # a story like it that does not

    @property
    def family(self) -> str:
        return self.code[:3]

    def sections(self) -> dict[str, str]:
        return parse_doc(self.doc)

    @cached_property
    def info(self) -> RuleInfo:
        """The rule's metadata as a report carries it."""
        return RuleInfo(self.code, self.name, self.severity, self.summary, self.sections(), self.tags, self.about,
                        self.grouped, example=tuple(self.example.shown()) if self.example else None,
                        passes=tuple(self.passes.shown()) if self.passes else None,
                        no_example=NO_EXAMPLE.get(self.code, ""))


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    status: ClaimStatus | None = None,
    status_scope: StatusScope = StatusScope.FIRST,
    status_min: Severity = Severity.ERROR,
    tags: Iterable[str] = (),
    about: str = "claim",
    grouped: str = "",
    *,
    example: Example | None = None,
    passes: Example | None = None,
) -> Callable[[RuleFn], RuleFn]:
    def deco(fn: RuleFn) -> RuleFn:
        if not CODE_RE.match(code):
            raise ValueError(f"malformed rule code {code!r}: FC followed by a family digit 0-6 and two digits")
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice ({REGISTRY[code].name} and {name})")
        if any(r.name == name for r in REGISTRY.values()):
            raise ValueError(f"rule name {name!r} registered twice")
        if not summary or "\n" in summary:
            raise ValueError(f"{code}: the summary is one line")
        doc = (fn.__doc__ or "").strip()
        missing = [s for s in DOC_SECTIONS if s not in parse_doc(doc)]
        if missing:
            raise ValueError(f"{code}: the docstring lacks {', '.join(missing)}")
        unknown = sorted(set(tags) - TAGS)
        if unknown:
            raise ValueError(f"{code}: unknown tag {', '.join(unknown)} (known: {', '.join(sorted(TAGS))})")
        if about not in ("claim", "subject", "source"):
            raise ValueError(f"{code}: about is 'claim', 'subject' or 'source', not {about!r}")
        if grouped and "{n}" not in grouped:
            raise ValueError(f"{code}: the grouped line counts its findings with {{n}}")
        _check_examples(code, example, passes)
        REGISTRY[code] = Rule(code, name, severity, summary, doc, fn, status, status_scope, status_min,
                              tuple(tags), about, grouped, example=example, passes=passes)
        return fn

    return deco


# The one rule no story can raise: the engine reports a rule that crashed.
NO_EXAMPLE = {"FC000": "No story raises it on purpose: the engine reports a rule that crashed."}


def _check_examples(code: str, example: Example | None, passes: Example | None) -> None:
    if passes is None or (example is None and code not in NO_EXAMPLE):
        lacking = " and ".join(w for w, e in (("example=", example), ("passes=", passes)) if e is None)
        raise ValueError(f"{code}: the rule lacks {lacking} (a story that raises it and one that does not)")
    for which, ex in (("example", example), ("passes", passes)):
        if ex is None:
            continue
        bad = [n for n in ex.sources if not _SOURCE_NAME.match(n)]
        if bad:
            raise ValueError(f"{code}: {which} source {bad[0]!r} is not a file name in sources/ "
                             "(id.md, .txt, .toml or .html)")
        for url, page in ex.pages.items():
            if not re.match(r"^https?://[^/\s]+/\S*$", url):
                raise ValueError(f"{code}: {which} page {url!r} is not an http(s) address")
            if isinstance(page, int) and not 400 <= page <= 599:
                raise ValueError(f"{code}: {which} page {url}: a status is an HTTP error (400-599), not {page}")


def parse_doc(doc: str) -> dict[str, str]:
    """Split a rule docstring into its named sections ('Heading:' lines)."""
    import textwrap

    doc = textwrap.dedent(doc)
    sections: dict[str, list[str]] = {}
    current = "intro"
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.endswith(":") and stripped[:-1] in DOC_SECTIONS:
            current = stripped[:-1]
            sections[current] = []
            continue
        sections.setdefault(current, []).append(line)
    return {k: textwrap.dedent("\n".join(v)).strip() for k, v in sections.items()}


_LOADED = False


def load_rules() -> dict[str, Rule]:
    """Import every family module once; returns the registry, sorted by code."""
    global _LOADED
    if not _LOADED:
        for mod in ("ledger", "evidence", "arithmetic", "cross_source", "order", "sourcing", "draft"):
            importlib.import_module(f"factcheck.rules.{mod}")
        _LOADED = True
    return dict(sorted(REGISTRY.items()))


def rule_infos() -> list[RuleInfo]:
    """Every rule's metadata, in code order: what a report carries and `rules`/`explain` show."""
    return [r.info for r in load_rules().values()]


def select(rules: dict[str, Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules whose code starts with any --select prefix (all when none) and no --ignore prefix."""
    sel = [s.upper() for s in select]
    ign = [s.upper() for s in ignore]
    return [
        r
        for code, r in rules.items()
        if (not sel or any(code.startswith(s) for s in sel)) and not any(code.startswith(i) for i in ign)
    ]

