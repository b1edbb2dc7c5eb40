"""Fast paths held to the plain ones they replace (issue 21): each speed-up must give the same
answer as the obvious code, on any input."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.dates import Period
from factcheck.figures.tokens import Token, tokenize
from factcheck.intervals import INF, Interval
from factcheck.rules.draft import ClaimedDays, ClaimedFigures

_TOKEN_ALPHABET = list("ab Zé’'$€%-–—−+(),.:0123456789\u00a0\u2009\u202f\n") + ["bn", "pp", "rs", "us$", "a.m."]


@given(st.lists(st.sampled_from(_TOKEN_ALPHABET), max_size=30).map("".join))
def test_tokens_are_tokens_built_the_plain_way(text: str) -> None:
    kinds = {"num", "dcomma", "time", "phone", "cur", "word", "pct", "dash", "other"}
    last = 0
    for t in tokenize(text):
        assert type(t) is Token
        assert t == Token(t.kind, t.text, t.start, t.end, t.suffix)
        assert (t.kind, t.text, t.start, t.end, t.suffix) == tuple(t)
        assert t.kind in kinds and last <= t.start < t.end <= len(text)
        written = text[t.start:t.end].lower()
        if t.kind == "word":
            assert t.text == written.replace("’", "'")
        elif t.kind in ("num", "dcomma"):
            assert written == t.text + t.suffix
        else:
            assert t.suffix == "" and t.text == written
        last = t.end


_DAY0 = date(2023, 1, 1)
_periods = st.builds(lambda a, n, os_, oe: _period(a, n, os_, oe), st.integers(0, 60), st.integers(0, 30),
                     st.booleans(), st.booleans())


def _period(a: int, n: int, open_start: bool, open_end: bool) -> Period:
    start = date.min if open_start else _DAY0 + timedelta(days=a)
    end = date.max if open_end else _DAY0 + timedelta(days=a + n)
    return Period("x", start, end, open_start=open_start, open_end=open_end)


@given(st.lists(_periods, max_size=12), _periods)
def test_claimed_days_answer_as_asking_every_claim(claimed: list[Period], draft: Period) -> None:
    assert ClaimedDays(claimed).within(draft) == any(q.within(draft) for q in claimed)


def _plain_walk(v: object) -> object:
    """Report.to_json_dict written the plain way: isinstance at every value."""
    from dataclasses import fields, is_dataclass
    from enum import Enum

    if isinstance(v, Enum):
        return v.value
    if isinstance(v, list):
        return [_plain_walk(x) for x in v]
    if is_dataclass(v) and not isinstance(v, type):
        return {f.name: _plain_walk(getattr(v, f.name)) for f in fields(v) if f.metadata.get("json", True)}
    return v


_STORIES = sorted(p for p in (Path(__file__).parent / "stories").iterdir() if (p / "claims.toml").is_file())


@pytest.mark.parametrize("story", _STORIES, ids=lambda p: p.name)
def test_json_rows_are_the_plain_walk_of_the_report(story: Path) -> None:
    from factcheck.engine import Options, run

    report = run(Options(claims=story / "claims.toml"))
    import json

    assert json.dumps(report.to_json_dict()) == json.dumps(_plain_walk(report))  # keys in the same order


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    # Few distinct ends, so that ends meet often: touching ends are where open and closed differ.
    ends = st.sampled_from([-INF, INF, Decimal("-1"), Decimal("0.5"), Decimal("2"), Decimal("3")])
    a, b = sorted((draw(ends), draw(ends)))
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if a == b:
        if a.is_infinite():
            return Interval(Decimal(0), Decimal(1), lo_open, hi_open)
        return Interval(a, b)
    return Interval(a, b, lo_open, hi_open)


@settings(max_examples=500)
@given(st.lists(_intervals(), max_size=8), _intervals())
def test_claimed_figures_leave_out_no_interval_within_the_figure(claimed: list[Interval], fig: Interval) -> None:
    from factcheck.rules.draft import implies

    index = ClaimedFigures([(iv, n) for n, iv in enumerate(claimed)])
    within = {n for n, iv in enumerate(claimed) if implies(iv, fig)}
    assert within <= set(index.candidates(fig))
