"""Checking one table of the editor's files against a file model (a frozen dataclass in model.py).

``validate(Model, data)`` returns a ``Model`` or raises :class:`InvalidFields`, whose
``errors()`` are pydantic's error dicts. Data that already has the declared types, which is
nearly every table of every ledger, is checked here in plain Python. Anything else (a value
pydantic would coerce, such as "3" for an int, or one it rejects) goes through pydantic itself,
imported only then. So every message an editor sees is pydantic's, and a run over a clean
ledger never pays the tenth of a second that importing pydantic costs. tests/test_validate.py
checks that the two ways agree.
"""

from __future__ import annotations

import dataclasses
import sys
import types
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


class Check:
    """A field's own rule, a function of its value that raises ValueError with the editor's
    message: run after the type is checked, or `before` it to normalise what the check sees.
    pydantic reads it through ``__get_pydantic_core_schema__``; the fast path calls it directly."""

    __slots__ = ("fn", "before")

    def __init__(self, fn: Callable[[Any], Any], before: bool = False) -> None:
        self.fn = fn
        self.before = before

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        inner = handler(source)
        if self.before:
            return core_schema.no_info_before_validator_function(self.fn, inner)
        return core_schema.no_info_after_validator_function(self.fn, inner)


class InvalidFields(ValueError):
    """A table that does not fit its model; errors() lists pydantic's error dicts."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} invalid field(s)")
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


def field_names(model: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(model))


def validate(model: type[T], data: Any) -> T:
    if type(data) is not dict:
        return _with_pydantic(model, data)
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = _plan(model)
    known, required, plain, fields = plan
    if required <= data.keys() and known >= data.keys():
        changed: dict[str, Any] | None = None
        try:
            for name, value in data.items():
                allowed = plain.get(name)
                if allowed is not None:  # most fields: "str | None" and no check of their own
                    if type(value) not in allowed:
                        break
                    continue
                is_type, checks_before, checks_after = fields[name]
                new = value
                for fn in checks_before:
                    new = fn(new)
                if not is_type(new):
                    break
                for fn in checks_after:
                    new = fn(new)
                if new is not value:
                    if changed is None:
                        changed = {}
                    changed[name] = new
            else:
                return model(**data) if changed is None else model(**{**data, **changed})
        except ValueError:
            pass  # pydantic words the message
    return _with_pydantic(model, data)


# -- the fast path ---------------------------------------------------------------------------

_Field = tuple[Callable[[Any], bool], tuple[Callable[[Any], Any], ...], tuple[Callable[[Any], Any], ...]]
_Plan = tuple[frozenset[str], frozenset[str], dict[str, frozenset[type]], dict[str, _Field]]
_PLANS: dict[type, _Plan] = {}


def _plan(model: type) -> _Plan:
    """For each field: a test that a value already has the declared type, and its Checks; and,
    for fields with no Check whose type is a union of plain types, just the set of those types."""
    fields: dict[str, _Field] = {}
    plain: dict[str, frozenset[type]] = {}
    required = set()
    hints: dict[str, Any] | None = None
    for f in dataclasses.fields(model):
        hint = f.type
        if isinstance(hint, str):  # a module with postponed annotations: evaluate them (slower)
            if hints is None:
                hints = get_type_hints(model, globalns=vars(sys.modules[model.__module__]), include_extras=True)
            hint = hints[f.name]
        before: list[Callable[[Any], Any]] = []
        after: list[Callable[[Any], Any]] = []
        if get_origin(hint) is Annotated:
            hint, *meta = get_args(hint)
            for m in meta:
                if isinstance(m, Check):
                    (before if m.before else after).append(m.fn)
        fields[f.name] = (_is_type(hint), tuple(before), tuple(after))
        types_ = _plain_types(hint)
        if types_ is not None and not before and not after:
            plain[f.name] = types_
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.add(f.name)
    return frozenset(fields), frozenset(required), plain, fields


_PLAIN = frozenset({str, int, bool, date, type(None)})  # types whose exact instances pydantic keeps as they are


def _plain_types(hint: Any) -> frozenset[type] | None:
    """The types of a plain type or a union of plain types ("str | None"), else None."""
    members = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    return frozenset(members) if all(m in _PLAIN for m in members) else None


def _is_type(hint: Any) -> Callable[[Any], bool]:
    """A test that a value is exactly of `hint`, so that pydantic would keep it as it is."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        members = get_args(hint)
        plain = _plain_types(hint)
        if plain is not None:
            return lambda v: type(v) in plain  # the common "str | None": one set lookup
        tests = [_is_type(a) for a in members]
        return lambda v: any(t(v) for t in tests)
    if hint is type(None):
        return lambda v: v is None
    if origin is list:
        (item,) = get_args(hint)
        t = _is_type(item)
        return lambda v: type(v) is list and all(t(x) for x in v)
    if origin is dict:
        k, val = get_args(hint)
        tk, tv = _is_type(k), _is_type(val)
        return lambda v: type(v) is dict and all(tk(a) and tv(b) for a, b in v.items())
    if origin is Literal:
        allowed = get_args(hint)
        return lambda v: type(v) is str and v in allowed
    if hint is Decimal:
        return lambda v: type(v) is Decimal and v.is_finite()  # pydantic refuses NaN and infinities
    if hint in _PLAIN:
        return lambda v: type(v) is hint
    raise TypeError(f"validate.py has no fast test for {hint!r}; add one")


# -- the pydantic path -----------------------------------------------------------------------

_ADAPTERS: dict[type, Any] = {}


def _with_pydantic(model: type[T], data: Any) -> T:
    from pydantic import TypeAdapter, ValidationError

    adapter = _ADAPTERS.get(model)
    if adapter is None:
        model.__pydantic_config__ = {"extra": "forbid"}  # type: ignore[attr-defined]
        adapter = _ADAPTERS[model] = TypeAdapter(model)
    try:
        return adapter.validate_python(data)  # type: ignore[no-any-return]
    except ValidationError as e:
        raise InvalidFields([dict(err) for err in e.errors()]) from None
