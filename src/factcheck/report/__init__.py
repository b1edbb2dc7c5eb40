"""Reporters: one module per format behind one interface, and the registry of formats.

A format is a row of :data:`FORMATS`: its name (the `--format` choice), the module that renders
it, and how it is delivered: printed by `verify` only (a *stream* format, no file extension), or
also written by `report` to `reports/<story>-<date>.<extension>`. The command line reads its
`--format` choices, `report`'s file names, and the handling of paths and several stories from
here, so adding a format is one module and one :func:`register` call (docs/architecture.md).

Every reporter module has ``render(report) -> str`` (the document for one story), and renders a
:class:`~factcheck.model.Report` that already carries what it shows, the rules' metadata
included; a reporter computes nothing and imports no rule. A *terminal* format (text, github)
also has ``show(reports, sink, options)``, which prints to the editor's terminal through a
:class:`Sink`.

This module stays light: `factcheck verify --help` reads the choices without importing the
models, Rich or pydantic.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.model import Report


@dataclass(frozen=True)
class Format:
    """One output format and how the command line delivers it."""

    name: str  # the --format choice
    module: str  # the reporter: a module with render(report, **options) -> str
    help: str  # what it is for, one line
    extension: str | None = None  # the file `report` writes; None: a stream format `verify` prints
    many: bool = False  # several stories make one document (the module's render_many), not one each
    joiner: str = ""  # between the stories' documents when not `many`
    options: tuple[str, ...] = ()  # the command-line options its render takes ("all_claims")
    repo_paths: bool = False  # paths from the repository's root, where GitHub and other tools place them
    one_story: bool = False  # shows one story only (verify refuses several)
    terminal: bool = False  # prints to the terminal itself: the module's show(reports, sink, options)

    @property
    def stream(self) -> bool:
        """Printed by `verify` only; `report` does not write it to a file."""
        return self.extension is None

    def reporter(self) -> ModuleType:
        return importlib.import_module(self.module)


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format (or replace one of the same name); the command line offers it at once."""
    FORMATS[fmt.name] = fmt
    return fmt


for _fmt in (
    Format("text", "factcheck.report.terminal", "the report for people, in the terminal", terminal=True),
    Format("json", "factcheck.report.json_report", "the JSON document (docs/json.md)", extension="json",
           many=True, repo_paths=True),
    Format("md", "factcheck.report.markdown", "the memo, in Markdown", extension="md", joiner="\n"),
    Format("sarif", "factcheck.report.sarif", "SARIF 2.1.0 for code scanning", extension="sarif", many=True,
           repo_paths=True),
    Format("github", "factcheck.report.github", "GitHub Actions annotations, then the text report",
           repo_paths=True, terminal=True),
    Format("html", "factcheck.report.html", "a self-contained page", extension="html", one_story=True),
    Format("claimreview", "factcheck.report.claimreview", "schema.org ClaimReview (JSON-LD)",
           extension="jsonld", many=True, options=("all_claims",)),
):
    register(_fmt)


def names(files: bool = False) -> list[str]:
    """The --format choices: every format, or (`files`) those `report` writes to a file."""
    return [name for name, f in FORMATS.items() if not (files and f.stream)]


class RenderError(Exception):
    """The report cannot be written in this format (a field it requires is missing); str() is one
    line for the editor, naming the ledger field that would fill it."""


def _kw(fmt: Format, options: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (options or {}).items() if k in fmt.options}


def render(report: Report, fmt: str, options: Mapping[str, Any] | None = None) -> str:
    """One story's document. `options` (all_claims) go to the formats that take them."""
    return render_many([report], fmt, options)


def render_many(reports: Sequence[Report], fmt: str, options: Mapping[str, Any] | None = None) -> str:
    """One document for several stories (a repository's): one JSON document, one SARIF log with
    a run per story, one ClaimReview list; the other formats give each story's in turn."""
    f = FORMATS[fmt]
    module, kw = f.reporter(), _kw(f, options)
    if f.many and len(reports) != 1:
        many: str = module.render_many(reports, **kw)
        return many
    return f.joiner.join(module.render(r, **kw) for r in reports)


@dataclass(frozen=True)
class Sink:
    """Where `verify` prints: the terminal (a Rich console), the raw stream for documents, and the
    editor's one-line notes on stderr."""

    console: Any  # rich.console.Console, guarded against control characters
    write: Callable[[str], None]  # a document to stdout
    note: Callable[[str], None]  # one line to stderr


def show(reports: Sequence[Report], fmt: str, sink: Sink, options: Mapping[str, Any] | None = None) -> None:
    """Print the reports in `fmt`: a terminal format prints itself; a document goes to stdout,
    then any note its reporter has for the editor (its module's `notice(reports, **options)`)."""
    f = FORMATS[fmt]
    module = f.reporter()
    if f.terminal:
        module.show(reports, sink, dict(options or {}))
        return
    if reports:
        sink.write(render_many(reports, fmt, options))
        notice: Callable[..., str | None] | None = getattr(module, "notice", None)
        if notice is not None and (message := notice(reports, **_kw(f, options))):
            sink.note(message)


def figure_with_unit(text: str, unit: str | None) -> str:
    """A claim's figure as a report shows it: its own words, with its unit added when they do not
    already name it ("over 9 million" + rounds, "between 412 million and 415 million" + EUR;
    "$34.2bn", "53 percent" and "2 points" stay as they are)."""
    if not unit:
        return text
    low = text.lower()
    if unit.lower() in low:
        return text
    from factcheck.figures.units import UnitKind, kind_of
    from factcheck.lexicon import CURRENCY_NAMES, CURRENCY_SIGNS, PERCENT_WORDS, POINT_WORDS

    kind = kind_of(unit)
    if kind is UnitKind.CURRENCY:  # its sign or its name may stand for the code
        names = [n for n, code in (*CURRENCY_SIGNS.items(), *CURRENCY_NAMES.items()) if code == unit]
        if any(n in low for n in names) or ("$" in low and unit.endswith("D")):  # $, C$, HK$: a dollar
            return text
    elif kind is UnitKind.PERCENT:
        return text if any(w in low for w in PERCENT_WORDS) else f"{text}%"
    elif kind is UnitKind.POINTS:
        if any(w in low for w in POINT_WORDS):
            return text
    return f"{text} {unit}"


def claims_at_fault(report: Report, codes: frozenset[str] | None = None, exclude: frozenset[str] = frozenset()) -> set[str]:
    """The claims charts draw red: for each unaccepted error or warning (of `codes`, when given,
    and not of `exclude`), the outlier of a conflict, else the claims it names whose own
    evidence does not support them, else the claim it is about (every claim of a failed order:
    "a before b" states no result to blame). The consensus a conflict is
    measured against, and the parts of a total that do not add up, stay as they are. Sourcing
    (FC5xx) and draft (FC6xx) findings fault no claim: a thin source or a draft's figure is not a
    claim's figure being wrong, though a draft finding names the nearest claim."""
    from factcheck.model import ClaimStatus, Severity

    status = {c.id: c.status for c in report.claims}
    conflict = report.tagged("conflict")  # one claim outside a subject's consensus: the first named
    timing = report.tagged("timing")  # an order that fails: every claim in it, since none is its result
    out: set[str] = set()
    for f in report.findings:
        if f.accepted is not None or f.severity is Severity.INFO or not f.claims or f.code[:3] in ("FC5", "FC6"):
            continue
        if (codes is not None and f.code not in codes) or f.code in exclude:
            continue
        if f.code in conflict:
            out.add(f.claims[0])
            continue
        weak = [cid for cid in f.claims if status.get(cid, ClaimStatus.SUPPORTED) not in
                (ClaimStatus.SUPPORTED, ClaimStatus.CONFLICTING)]
        out.update(weak or (f.claims if f.code in timing else f.claims[:1]))
    return out
