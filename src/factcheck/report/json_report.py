"""`--format json`: the document of SPEC section 6, plus additive fields (sources, locations).

Each claim, source and finding sits on a line of its own: readable diffs, and json's C encoder
(which `indent=` would switch off) does the work, so a 10,000-claim report stays fast. Claim
rows, the bulk of a large report, are written out field by field (see _claim_line).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from json.encoder import encode_basestring  # the C function json itself escapes strings with
from typing import Any

from factcheck.model import AmountOut, ClaimResult, Report, Summary, WhenOut
from factcheck.safe_text import as_u_escapes

_dump = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call


def render(report: Report) -> str:
    doc = report.to_json_dict(without=frozenset({"claims"}))
    parts = []
    for key, value in doc.items():
        if key == "claims":
            rows = [_claim_line(r) for r in report.claims]
        elif isinstance(value, list):
            rows = [_dump(v) for v in value]
        else:
            parts.append(f"  {_dump(key)}: {_dump(value)}")
            continue
        inner = ",\n".join(f"    {row}" for row in rows)
        parts.append(f"  {_dump(key)}: [\n{inner}\n  ]" if rows else f"  {_dump(key)}: []")
    return as_u_escapes("{\n" + ",\n".join(parts) + "\n}\n")  # no raw C1 or bidi control on a terminal


def render_many(reports: Sequence[Report]) -> str:
    """Several stories: the version, the summary of them all, and each story's own document (as
    `render` writes it) in `stories`. docs/json.md describes both shapes."""
    total = Summary.total([r.summary for r in reports])
    docs = ["\n".join("    " + line for line in render(r).rstrip("\n").splitlines()) for r in reports]
    stories = "[\n" + ",\n".join(docs) + "\n  ]" if docs else "[]"
    return (f'{{\n  "version": {_dump(reports[0].version if reports else 1)},\n'
            f'  "summary": {_dump(asdict(total))},\n  "stories": {stories}\n}}\n')


def _text(v: str | None) -> str:
    return "null" if v is None else encode_basestring(v)


def _number(v: Any) -> str:
    # int and float print as json prints them (repr); anything else (None, nan) goes through json.
    t = type(v)
    if t is int:
        return int.__repr__(v)
    if t is float and v - v == 0:
        return float.__repr__(v)
    return _dump(v)


def _amount(a: AmountOut | None) -> str:
    if a is None:
        return "null"
    return f'{{"text": {_text(a.text)}, "low": {_number(a.low)}, "high": {_number(a.high)}}}'


def _when(w: WhenOut | None) -> str:
    if w is None:
        return "null"
    return f'{{"text": {_text(w.text)}, "start": {_text(w.start)}, "end": {_text(w.end)}}}'


def _claim_line(r: ClaimResult) -> str:
    """_dump(the row's JSON object), written out: a third of the time, on the row a report has most
    of. tests/test_reports.py holds it to json's own output."""
    line = "null" if r.line is None else _number(r.line)
    text = encode_basestring  # id, status and source are never None
    return (f'{{"id": {text(r.id)}, "status": {text(r.status.value)}, "source": {text(r.source)}, '
            f'"amount": {_amount(r.amount)}, "when": {_when(r.when)}, "subject": {_text(r.subject)}, '
            f'"unit": {_text(r.unit)}, "quote": {_text(r.quote)}, "line": {line}, "text": {_text(r.text)}, '
            f'"publish_review": {"true" if r.publish_review else "false"}, "found_in": {_text(r.found_in)}}}')
