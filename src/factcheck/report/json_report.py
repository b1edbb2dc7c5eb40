"""`--format json`: the document of SPEC section 6, plus additive fields (sources, locations)."""

from __future__ import annotations

import json

from factcheck.model import Report


def render(report: Report) -> str:
    return json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
