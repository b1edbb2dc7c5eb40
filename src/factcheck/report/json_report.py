"""`--format json`: the document of SPEC section 6, plus additive fields (sources, locations).

Each claim, source and finding sits on a line of its own, for readable diffs; every value is
written by json itself.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import Report


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(report: Report) -> str:
    parts = []
    for key, value in report.to_json_dict().items():
        if isinstance(value, list):
            inner = ",\n".join(f"    {_dump(row)}" for row in value)
            parts.append(f"  {_dump(key)}: [\n{inner}\n  ]" if value else f"  {_dump(key)}: []")
        else:
            parts.append(f"  {_dump(key)}: {_dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
