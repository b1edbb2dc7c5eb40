"""`--format json`: the document described in docs/json.md (SPEC section 6, plus additive fields:
sources, locations).

Each claim, source and finding sits on a line of its own, for readable diffs; every value is
written by json itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from factcheck.model import Report, Summary
from factcheck.safe_text import as_u_escapes

# One encoder for every row: json.dumps with any option but the defaults builds a new
# JSONEncoder on each call, and a report writes a row per claim, source and finding.
_dump: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False).encode


def render(report: Report) -> str:
    parts = []
    for key, value in report.to_json_dict().items():
        if isinstance(value, list):
            inner = ",\n".join(f"    {_dump(row)}" for row in value)
            parts.append(f"  {_dump(key)}: [\n{inner}\n  ]" if value else f"  {_dump(key)}: []")
        else:
            parts.append(f"  {_dump(key)}: {_dump(value)}")
    return as_u_escapes("{\n" + ",\n".join(parts) + "\n}\n")  # no raw C1 or bidi control on a terminal


def render_many(reports: Sequence[Report]) -> str:
    """Several stories: the version, the summary of them all, and each story's own document (as
    `render` writes it) in `stories`. docs/json.md describes both shapes."""
    total = Summary.total([r.summary for r in reports])
    docs = ["\n".join("    " + line for line in render(r).rstrip("\n").splitlines()) for r in reports]
    stories = "[\n" + ",\n".join(docs) + "\n  ]" if docs else "[]"
    return (f'{{\n  "version": {_dump(reports[0].version if reports else 1)},\n'
            f'  "summary": {_dump(asdict(total))},\n  "stories": {stories}\n}}\n')
