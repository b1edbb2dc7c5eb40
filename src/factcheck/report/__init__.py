"""Reporters: one module per format, each renders a Report and computes nothing.

``render(report, fmt)`` returns the document as text for the machine formats; the terminal
reporter writes to a Rich console instead (see :mod:`factcheck.report.text`).
"""

from __future__ import annotations

import importlib

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


def render(report: Report, fmt: str) -> str:
    module = importlib.import_module(FORMATS[fmt])
    out: str = module.render(report)
    return out
