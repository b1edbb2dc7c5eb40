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
