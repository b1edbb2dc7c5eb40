"""`--format json`: the document of SPEC section 6, plus additive fields (sources, locations).

Each claim, source and finding sits on a line of its own: readable diffs, and json's C encoder
(which `indent=` would switch off) does the work, so a 10,000-claim report stays fast.
"""

from __future__ import annotations

import json

from factcheck.model import Report

_dump = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call


def render(report: Report) -> str:
    doc = report.to_json_dict()
    parts = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {_dump(v)}" for v in value)
            parts.append(f"  {_dump(key)}: [\n{items}\n  ]")
        else:
            parts.append(f"  {_dump(key)}: {_dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
