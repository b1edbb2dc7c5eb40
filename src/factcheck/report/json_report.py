"""`--format json`: the document of SPEC section 6, plus additive fields (sources, locations).

Each claim, source and finding sits on a line of its own: readable diffs, and json's C encoder
(which `indent=` would switch off) does the work, so a 10,000-claim report stays fast.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import Report


def _dump(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


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
