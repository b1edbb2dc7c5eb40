"""Reporters: one module per format, each renders a Report and computes nothing.

``render(report, fmt)`` returns the document as text for the machine formats; the terminal
reporter writes to a Rich console instead (see :mod:`factcheck.report.text`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.model import Report

FORMATS = {
    "json": "factcheck.report.json_report",
    "md": "factcheck.report.markdown",
    "html": "factcheck.report.html",
    "sarif": "factcheck.report.sarif",
    "github": "factcheck.report.github",
    "claimreview": "factcheck.report.claimreview",
}
EXTENSIONS = {"json": "json", "md": "md", "html": "html", "sarif": "sarif", "claimreview": "jsonld"}


class RenderError(Exception):
    """The report cannot be written in this format (a field it requires is missing); str() is one
    line for the editor, naming the ledger field that would fill it."""


# Formats whose document for several stories is not the documents of each, one after the other.
_MANY = {"json", "sarif", "claimreview"}


def render(report: Report, fmt: str, options: Mapping[str, Any] | None = None) -> str:
    """One story's document. `options` (all_claims) go to the formats that take them."""
    return render_many([report], fmt, options)


def render_many(reports: Sequence[Report], fmt: str, options: Mapping[str, Any] | None = None) -> str:
    """One document for several stories (a repository's): one JSON document, one SARIF log with
    a run per story, one ClaimReview list; the other formats give each story's in turn."""
    module = importlib.import_module(FORMATS[fmt])
    kw = dict(options or {}) if fmt == "claimreview" else {}
    if fmt in _MANY and len(reports) != 1:
        many: str = module.render_many(reports, **kw)
        return many
    return ("\n" if fmt == "md" else "").join(module.render(r, **kw) for r in reports)


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


# Findings about time: the claims they fault are drawn red (and marked ✗) on a timeline.
TIMING_CODES = frozenset({"FC107", "FC205", "FC206", "FC303", "FC401", "FC402", "FC404"})
# Findings that report one claim outside a subject's consensus against a consensus claim: the
# first claim named is the outlier, the others are the consensus it contradicts.
CONFLICT_CODES = frozenset({"FC301", "FC302", "FC303", "FC305"})


def claims_at_fault(report: Report, codes: frozenset[str] | None = None, exclude: frozenset[str] = frozenset()) -> set[str]:
    """The claims charts draw red: for each unaccepted error or warning (of `codes`, when given,
    and not of `exclude`), the outlier of a conflict, else the claims it names whose own
    evidence does not support them, else the claim it is about. The consensus a conflict is
    measured against, and the parts of a total that do not add up, stay as they are. Sourcing
    (FC5xx) and draft (FC6xx) findings fault no claim: a thin source or a draft's figure is not a
    claim's figure being wrong, though a draft finding names the nearest claim."""
    from factcheck.model import ClaimStatus, Severity

    status = {c.id: c.status for c in report.claims}
    out: set[str] = set()
    for f in report.findings:
        if f.accepted is not None or f.severity is Severity.INFO or not f.claims or f.code[:3] in ("FC5", "FC6"):
            continue
        if (codes is not None and f.code not in codes) or f.code in exclude:
            continue
        if f.code in CONFLICT_CODES:
            out.add(f.claims[0])
            continue
        weak = [cid for cid in f.claims if status.get(cid, ClaimStatus.SUPPORTED) not in
                (ClaimStatus.SUPPORTED, ClaimStatus.CONFLICTING)]
        out.update(weak or f.claims[:1])
    return out
