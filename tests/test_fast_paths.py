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


@pytest.mark.parametrize("story", _STORIES, ids=lambda p: p.name)
def test_json_document_is_the_plain_walk_of_the_report(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON reporter walks the rows through its encoder's default; with the standard
    library's C encoder built once, and without it, the document is the plain walk's data, keys
    in the same order, one row a line."""
    import importlib
    import json

    from factcheck.engine import Options, run
    from factcheck.report import json_report, render

    report = run(Options(claims=story / "claims.toml"))
    plain = _plain_walk(report)
    assert isinstance(plain, dict)
    fast = render(report, "json")
    assert json.dumps(json.loads(fast)) == json.dumps(plain)
    rows = sum(len(v) for v in plain.values() if isinstance(v, list))
    assert fast.count("\n    {") == rows
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    try:
        importlib.reload(json_report)  # builds its encoder the public way
        assert render(report, "json") == fast
    finally:
        monkeypatch.undo()
        importlib.reload(json_report)


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


@settings(max_examples=300)
@given(st.lists(_intervals(), max_size=12), _intervals())
def test_claimed_figures_yield_exactly_the_intervals_between_the_figures_ends(claimed: list[Interval],
                                                                               fig: Interval) -> None:
    index = ClaimedFigures([(iv, n) for n, iv in enumerate(claimed)])
    between = [n for n, iv in enumerate(claimed) if fig.lo <= iv.lo and iv.hi <= fig.hi]
    got = list(index.candidates(fig))
    assert sorted(got) == between  # each once, none left out, none outside
    assert [claimed[n].lo for n in got] == sorted(claimed[n].lo for n in got)  # in order of low end


# Figures as reporters write them, in the units a ledger and a draft share or do not.
_FIGURES = ["about 40 people", "more than 30 people", "40 troops", "at least 12 soldiers", "40",
            "$30 million", "US$34.2 billion", "12%", "12 per cent", "nearly 6,000", "over 9 million shells",
            "some 20,000 troops", "up to 45 tonnes", "between 30 and 50 people", "at most 50 people",
            "6,000 shells", "5,951", "almost 13 percent", "30 million dollars", "fewer than 45 people"]
_UNITS = [None, "people", "troops", "shells", "USD", "%", "tonnes"]


class _PlainBacking:
    """Every claim asked of every figure: the plain scan BackingIndex replaces."""

    def __init__(self, story: object, claims: list[object], known: set[str]) -> None:
        self.story, self.claims, self.known = story, claims, known

    def backed(self, fig: object) -> bool:
        from factcheck.rules.draft import backs

        return any(backs(self.story, c, fig, self.known) for c in self.claims)  # type: ignore[arg-type]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_FIGURES), st.sampled_from(_UNITS)), min_size=1, max_size=8),
       st.lists(st.sampled_from(_FIGURES), min_size=1, max_size=8), st.booleans())
def test_backing_index_finds_what_asking_every_claim_finds(claims: list[tuple[str, str | None]], drafted: list[str],
                                                           synonyms: bool) -> None:
    import tempfile
    from unittest import mock

    from factcheck.engine import Options, run
    from factcheck.rules import draft

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        ledger = ['[story]\npublished = 2025-06-23\n']
        if synonyms:
            ledger.append('[units]\ntroops = ["soldiers"]\n')
        for n, (quote, unit) in enumerate(claims):
            ledger.append(f'[[claim]]\nid = "c{n}"\nsource = "wire"\nquote = "{quote} were counted"\n'
                          + (f'unit = "{unit}"\n' if unit else ""))
        (root / "claims.toml").write_text("\n".join(ledger), encoding="utf-8")
        body = " ".join(f"{q} were counted." for q, _ in claims)
        (root / "sources" / "wire.md").write_text(
            f'+++\noutlet = "Wire"\npublished = 2025-06-20\nurl = "https://news.example/w"\n+++\n{body}\n',
            encoding="utf-8")
        (root / "draft.md").write_text("\n\n".join(f"Officials said {f} had left." for f in drafted), encoding="utf-8")
        opts = Options(claims=root / "claims.toml", select=["FC601"])
        fast = [(f.message, f.claims) for f in run(opts).findings]
        with mock.patch.object(draft, "BackingIndex", _PlainBacking):
            plain = [(f.message, f.claims) for f in run(opts).findings]
    assert fast == plain


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.sampled_from(["Tuesday, February 6", "Monday, February 6", "Wednesday, February 15"])),
                min_size=1, max_size=6),
       st.lists(st.sampled_from(["", "Crews said \"the road is shut again\". ", "The wall is 2 metres high. "]),
                min_size=6, max_size=6))
def test_draft_weekdays_inside_quotations_are_the_speakers(dates: list[tuple[bool, str]], fillers: list[str]) -> None:
    """FC611 leaves a weekday inside quotation marks alone, and reports every other one (the
    quotations are looked up by bisection over their starts)."""
    import tempfile

    from factcheck.engine import Options, run

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "claims.toml").write_text('[story]\npublished = 2023-02-20\n', encoding="utf-8")
        pieces = [fillers[n % len(fillers)] + (f'"Crews came on {d} with water," she said. ' if quoted
                                               else f"Crews came on {d} with water. ")
                  for n, (quoted, d) in enumerate(dates)]
        (root / "draft.md").write_text("".join(pieces), encoding="utf-8")
        report = run(Options(claims=root / "claims.toml", select=["FC611"]))
    # 2023: February 6 was a Monday, February 15 a Wednesday
    wrong = [f"on {d}" for quoted, d in dates if not quoted and d.startswith("Tuesday")]
    assert [f.figure for f in report.findings] == wrong


def test_json_document_escapes_what_escaping_it_whole_escapes(tmp_path: Path) -> None:
    """The JSON reporter escapes row by row, and only the rows that are not ASCII (or hold DEL):
    the document is the one escaping it whole gives, and no unsafe character is left raw."""
    import json
    import re

    from factcheck.engine import Options, run
    from factcheck.model import Report
    from factcheck.report import render
    from factcheck.safe_text import as_u_escapes

    (tmp_path / "sources").mkdir()
    (tmp_path / "claims.toml").write_text(
        '[story]\ntitle = "Flood \\u202eroll"\npublisher = "Desk\\u007f"\n\n'
        '[[claim]]\nid = "a"\nsource = "wire"\nquote = "About 40 homes\\u009b were lost"\n\n'
        '[[claim]]\nid = "b"\nsource = "wire"\nquote = "The bridge \\u2066closed\\u2069 on Monday"\n\n'
        '[[claim]]\nid = "c"\nsource = "wire"\nquote = "Plain words only"\ntext = "bell \\u0007, del \\u007f and tab \\t"\n',
        encoding="utf-8")
    (tmp_path / "sources" / "wire.md").write_text(
        '+++\noutlet = "W\u0085ire"\npublished = 2025-06-20\nurl = "https://news.example/w"\n+++\n'
        "About 40 homes\u009b were lost. The bridge \u2066closed\u2069 on Monday. Plain words only.\n", encoding="utf-8")
    report = run(Options(claims=tmp_path / "claims.toml"))
    doc = render(report, "json")
    whole = as_u_escapes("\n".join(
        f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in report.to_json_dict().items()))
    for esc in ("\\u007f", "\\u202e", "\\u009b", "\\u2066", "\\u0085"):
        assert esc in doc and esc in whole
    assert re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]", doc) is None
    assert json.loads(doc) == json.loads(json.dumps(_plain_walk(report)))
    assert isinstance(report, Report)
