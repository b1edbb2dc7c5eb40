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

from factcheck.model import Report, Summary, json_fields, json_row
from factcheck.safe_text import as_u_escapes


def _row_encoder() -> Callable[[Any], str]:
    """One encoder for every row, whose `default` turns a result row into the mapping of its
    fields as the encoder meets it (model.json_row), so the report is walked once, by the
    encoder, not first copied into nested mappings. json builds its C encoder anew on every
    `encode`; where the standard library has that encoder, it is built once here, with what
    `json.JSONEncoder(ensure_ascii=False).encode` passes it, and a report writes a row per
    claim, source and finding (tests/test_fast_paths.py holds it to json.dumps of the plain walk)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(ensure_ascii=False, default=json_row).encode
    encode = make(None, json_row, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)

    def dump(value: Any) -> str:
        if isinstance(value, str):  # a bare string: JSONEncoder.encode writes it without the walk
            return json.encoder.encode_basestring(value)
        return "".join(encode(value, 0))

    return dump


_dump = _row_encoder()


def _safe(text: str) -> str:
    """`as_u_escapes` of one encoded value: no raw C1 or bidi control reaches a terminal. json
    already escapes every C0 control inside a string, so in ASCII text only DEL can be unsafe;
    the scan is left to the rows that are not ASCII (a pattern of one character escapes the
    rows one by one as it escapes the document whole)."""
    return text if text.isascii() and "\x7f" not in text else as_u_escapes(text)


def render(report: Report) -> str:
    parts = []
    for key in json_fields(Report):
        value = getattr(report, key)
        if isinstance(value, list):
            inner = ",\n".join(f"    {_safe(_dump(row))}" for row in value)
            parts.append(f"  {_dump(key)}: [\n{inner}\n  ]" if value else f"  {_dump(key)}: []")
        else:
            parts.append(f"  {_dump(key)}: {_safe(_dump(value))}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def render_many(reports: Sequence[Report]) -> str:
    """Several stories: the version, the summary of them all, and each story's own document (as
    `render` writes it) in `stories`. docs/json.md describes both shapes."""
    total = Summary.total([r.summary for r in reports])
    docs = ["\n".join("    " + line for line in render(r).rstrip("\n").splitlines()) for r in reports]
    stories = "[\n" + ",\n".join(docs) + "\n  ]" if docs else "[]"
    return (f'{{\n  "version": {_dump(reports[0].version if reports else 1)},\n'
            f'  "summary": {_dump(asdict(total))},\n  "stories": {stories}\n}}\n')
