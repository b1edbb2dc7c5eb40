"""Validating a table: the plain-Python fast path must give exactly what pydantic gives, and a
clean ledger must never need pydantic at all."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.model import Accept, Claim, Relation, Settings, SourceMeta, StoryInfo, SubjectInfo
from factcheck.validate import InvalidFields, _with_pydantic, validate

ROOT = Path(__file__).resolve().parent.parent
MODELS = [Claim, Relation, Accept, SubjectInfo, Settings, StoryInfo, SourceMeta]

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**6), st.text(max_size=8),
    st.sampled_from(["a.b", "../x", "", " ", "text", "note", "about 3,000", "2024-06-19", "3", "true", "0.2"]),
    st.decimals(allow_nan=True, allow_infinity=True, places=2), st.floats(allow_nan=True),
    st.dates(), st.datetimes(), st.just(datetime(2024, 6, 19)),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.text(max_size=4), SCALARS, max_size=2))


def outcome(fn: Any, model: type, data: Any) -> tuple[str, Any]:
    try:
        got = fn(model, data)
    except InvalidFields as e:
        return "invalid", [(err["loc"], err["type"], err["msg"]) for err in e.errors()]
    return "ok", repr(got)


@given(st.sampled_from(MODELS), st.data())
def test_fast_path_agrees_with_pydantic(model: type, data: st.DataObject) -> None:
    names = [f.name for f in dataclasses.fields(model)]
    table = data.draw(st.dictionaries(st.sampled_from(names), VALUES, max_size=len(names)))
    assert outcome(validate, model, table) == outcome(_with_pydantic, model, table)


TRICKY = [None, True, 0, 7, -1, 3.5, float("nan"), "", "x", "3", "true", "2024-06-19", "note", Decimal("0.2"),
          Decimal("NaN"), Decimal("-Infinity"), date(2024, 6, 19), datetime(2024, 6, 19), datetime(2024, 6, 19, 12)]
GRID = [(m, f.name, v) for m in MODELS for f in dataclasses.fields(m)
        for v in [*TRICKY, *([x] for x in TRICKY), *({"about": x} for x in TRICKY)]]


@pytest.mark.parametrize("model, name, value", GRID)
def test_every_field_with_every_awkward_value(model: type, name: str, value: Any) -> None:
    base = {"id": "a", "source": "s", "expect": "a = 1", "code": "FC501", "reason": "checked"}
    names = {f.name for f in dataclasses.fields(model)}
    table = {k: v for k, v in base.items() if k in names} | {name: value}
    assert outcome(validate, model, table) == outcome(_with_pydantic, model, table)


@pytest.mark.parametrize("model, table", [
    (Claim, {"id": "a", "source": "s", "amount": 3.5, "when": date(2024, 1, 1), "via": "Yonhap"}),
    (Settings, {"tolerance": Decimal("0.2"), "tolerances": {"about": Decimal("0.05")}, "min_sources": 2}),
    (SourceMeta, {"via": "Yonhap", "kind": "note", "published": date(2025, 6, 20)}),
    (Accept, {"code": "FC501", "reason": "one source is enough here", "claims": ["a"]}),
])
def test_well_typed_tables_take_the_fast_path(model: type, table: dict[str, Any]) -> None:
    assert outcome(validate, model, table) == outcome(_with_pydantic, model, table)
    assert outcome(validate, model, table)[0] == "ok"


def test_pydantic_words_the_errors() -> None:
    with pytest.raises(InvalidFields) as e:
        validate(StoryInfo, {"published": "June"})
    assert [(err["loc"], err["msg"]) for err in e.value.errors()] == [(("published",), "Input should be a valid date "
                                                                       "or datetime, input is too short")]


def test_a_clean_ledger_never_imports_pydantic() -> None:
    code = ("import sys; from pathlib import Path; from factcheck.engine import Options, run; "
            f"run(Options(claims=Path({str(ROOT / 'claims.toml')!r}))); print('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
