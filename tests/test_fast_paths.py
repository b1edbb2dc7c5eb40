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
        from factcheck.rules.draft import backs, same_thing

        return any(backs(self.story, c, fig, self.known) and same_thing(self.story, c, fig)  # type: ignore[arg-type]
                   for c in self.claims)


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


# -- a `when` or `amount` taken from its quote's reading (resolve.amount_alone, period_alone) ---

def _same_amount(got: object, plain: object) -> None:
    from factcheck.figures import Amount

    assert isinstance(got, Amount) and isinstance(plain, Amount)
    assert got == plain and got.tolerance == plain.tolerance  # tolerance is left out of ==
    assert type(got.unit) is type(plain.unit)


def _amounts_read_alone_as_in_their_quote(quote: str, **settings: object) -> int:
    """Every figure found in `quote` that amount_alone would take must be what parse_amount reads
    from its words alone; the number of figures checked."""
    from factcheck.figures import AmountError, find_amounts, parse_amount
    from factcheck.resolve import amount_alone

    found = find_amounts(quote, **settings)  # type: ignore[arg-type]
    checked = 0
    for a in found:
        got = amount_alone(found, a.text, quote)
        if got is None:  # "5 pp": read alone by resolve
            continue
        checked += 1
        try:
            plain = parse_amount(a.text, **settings)  # type: ignore[arg-type]
        except AmountError as e:  # taken from the quote, the amount would have been read
            raise AssertionError(f"{a.text!r} in {quote!r}: read in the quote, refused alone ({e})") from None
        _same_amount(got, plain)
    return checked


def _figure_phrases() -> list[str]:
    from tests.test_figures_table import COPY, DECIMAL_COMMA, DOLLAR, PARSE, REFUSED

    return ([p[0] for p in PARSE] + [s for s, _ in COPY] + [p[0] for p in DOLLAR] + [p[0] for p in DECIMAL_COMMA]
            + [r if isinstance(r, str) else r[0] for r in REFUSED])


# Context a reporter puts around a figure: a hedge or a negation before it, a range around it,
# unit words, nouns and durations after it, a date beside it.
_BEFORE = ["", "about ", "not ", "nearly ", "between ", "from ", "up to ", "some ", "the ", "a ", "fell to ",
           "On May 12 ", "in 2023, ", "(", "US", "-", "between 3 and ", "$", "No. ", "page ", "more than "]
_AFTER = ["", " people", " troops were killed", " percent", " per cent of voters", "%", " points", " to 40,000",
          " and 12", " million", " bn", " dollars", " euros", " over three years", " a year", " in 2023", ")",
          ", officials said", " or more", " hours later", "-year", " of them", ".", " EUR", " basis points"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_BEFORE), st.integers(0, 10**6).map(str) | st.sampled_from(
    ["1.2", "3,000", "14 000", "two-thirds", "half", "a third", "nine", "twenty-one", "1,5", "0.5", "2021", "12"]),
    st.sampled_from(_AFTER), st.booleans())
def test_an_amount_taken_from_its_quote_is_the_amount_read_alone(before: str, number: str, after: str,
                                                                 comma: bool) -> None:
    _amounts_read_alone_as_in_their_quote(before + number + after, decimal_comma=comma)


@pytest.mark.parametrize("comma", [False, True])
def test_amounts_of_the_figure_tables_taken_from_a_quote_are_read_alone(comma: bool) -> None:
    checked = 0
    for phrase in _figure_phrases():
        for before, after in (("", ""), ("officials said ", " had left"), ("not ", " of them"), ("between 3 and ", ""),
                              ("on May 12 ", " people"), ("", " to 90 percent")):
            checked += _amounts_read_alone_as_in_their_quote(before + phrase + after, decimal_comma=comma)
            checked += _amounts_read_alone_as_in_their_quote(before + phrase + after, dollar="CAD",
                                                             decimal_comma=comma)
    assert checked > 2000


def test_an_amount_not_of_its_quote_is_read_alone() -> None:
    from factcheck.figures import find_amounts
    from factcheck.resolve import amount_alone

    found = find_amounts("over 11,000 beds were added")
    assert [a.text for a in found] == ["over 11,000"]
    quote = "over 11,000 beds were added"
    assert amount_alone(found, "11,000", quote) is None  # the hedge is the quote's: the amount is read alone
    assert amount_alone(found, "over 11,000 beds", quote) is None
    assert amount_alone(found, 11000, quote) is None
    taken = amount_alone(found, "over 11,000", quote)
    assert taken is not None and taken.unit is None and found[0].unit == "beds"  # the noun is the quote's


def _periods_read_alone_as_in_their_quote(quote: str, anchor: date | None, future: bool) -> int:
    from factcheck.dates import Conventions, PeriodError, find_periods, parse_period
    from factcheck.resolve import period_alone

    checked = 0
    for conv in (Conventions(), Conventions((4, 1), True)):
        found = find_periods(quote, anchor, conv, future)
        for p in found:
            # the period's words, and each tail of them after a space: "in late 2023", "late 2023", "2023"
            for when in [p.text] + [p.text[k + 1:] for k, ch in enumerate(p.text) if ch == " "]:
                got = period_alone(found, when)
                if got is None:
                    continue
                try:
                    plain = parse_period(when, anchor, future=future, conventions=conv)
                except PeriodError as e:
                    raise AssertionError(f"{when!r} in {quote!r}: taken from the quote, refused alone ({e})") from None
                assert got == plain, (quote, when)
                checked += 1
    return checked


def test_periods_of_the_date_table_taken_from_a_quote_are_read_alone() -> None:
    from tests.test_dates_table import COUNTS_NOT_YEARS, FUTURE, TABLE

    phrases = [row[0] for row in TABLE] + [row[0] for row in COUNTS_NOT_YEARS] + [row[0] for row in FUTURE]
    checked = 0
    for phrase in phrases:
        for before, after in (("", ""), ("the vote was held ", ", officials said"), ("the ", ""), ("by ", ""),
                              ("since ", " ago"), ("it will open ", " at the earliest"), ("between 2021 and ", ""),
                              ("in ", ""), ("on ", ""), ("at ", ""), ("it opens in ", " or later")):
            for anchor in (date(2025, 6, 20), date(2023, 3, 22), None):
                for future in (False, True):
                    checked += _periods_read_alone_as_in_their_quote(before + phrase + after, anchor, future)
    assert checked > 5000


_DATE_WORDS = ["in", "on", "at", "or", "the", "by", "since", "until", "after", "before", "from", "to", "between", "and", "of",
               "early", "late", "mid", "end", "last", "next", "this", "year", "month", "week", "ago", "May", "June",
               "March", "2023", "2024", "1990s", "Q3", "H1", "fiscal", "spring", "Christmas", "Monday", "12",
               "3", "2021-2023", "2022–23", "September 1-3,", "June 19,", "yesterday", "three", "weeks", "first",
               "half", "quarter", "said", "will", "-", ","]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), min_size=1, max_size=8).map(" ".join),
       st.sampled_from([date(2025, 6, 20), date(2024, 1, 10), None]), st.booleans())
def test_a_period_taken_from_its_quote_is_the_period_read_alone(quote: str, anchor: date | None,
                                                                future: bool) -> None:
    _periods_read_alone_as_in_their_quote(quote, anchor, future)


def test_a_resolved_story_reads_each_amount_and_when_as_the_plain_readers_do(tmp_path: Path) -> None:
    """End to end on the benchmark's varied story: every claim's amount and period is what
    parse_amount and parse_period give, whether or not it was taken from the quote."""
    import sys

    from factcheck.dates import parse_period
    from factcheck.engine import Options, load_story
    from factcheck.figures import parse_amount

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from varied import generate_varied

    generate_varied(tmp_path, 1500, 150, shared=150)
    story = load_story(Options(claims=tmp_path / "claims.toml"))
    s = story.settings
    taken = 0
    for c in story.claims:
        cl = c.claim
        if cl.amount is not None:
            _same_amount(c.amount, parse_amount(cl.amount, s.tolerances, s.tolerance, dollar=s.dollar,
                                                decimal_comma=s.decimal_comma))
            taken += any(a.text == cl.amount for a in c.quote_amounts)
        if cl.when is not None:
            assert c.period == parse_period(cl.when, c.anchor, future=c.speaks_of_future,
                                            conventions=story.conventions)
            taken += any(isinstance(cl.when, str) and p.text.endswith(cl.when) for p in c.quote_periods)
    assert taken > 2000  # most were taken from the quote: the test compares the fast path


# -- FC116: attributions ------------------------------------------------------------------------

def _plain_attributions(sentence: str) -> list[str]:
    """attributions() without its fast paths: one case-insensitive trigger search, then every pattern tried."""
    from factcheck.rules import evidence as E

    out: list[str] = []
    if E._TRIGGER.search(sentence) is None:
        return out
    for n, pattern in enumerate(E._ATTRIBUTED):
        for m in pattern.finditer(sentence):
            party = E._party(sentence, m, n)  # what a match names is not the fast path's concern
            if party is not None and party not in out:
                out.append(party)
    return out


_ATTRIBUTION_WORDS = [
    "according to", "According To", "ACCORDING TO", "citing", "Citing", "quoting", "QUOTING", "said", "Said",
    "SAID", "says", "told", "reported", "Reports", "estimated", "estimates", "claimed", "claims", "confirmed",
    "stated", "announced", "Announced", "the", "The", "Ukrainian", "intelligence", "Zelensky", "Rustem Umerov",
    "officials", "Officials", "Police", "he", "of", "Ministry", "Defence", "NIS", "(NIS)", "has", "had", "North",
    "Korea", "would", "win", ",", ".", ";", ":", "\u2014", "\u201c", "\u201d", "'", "\u2019s", "-",
    "\u0130", "\u0131", "\u017f", "\u212a", "sa\u0130d", "\u017faid", "\u017fays", "ci\u0131ting", "\u212aim",
    "cıting", "é", "Éric", "ACCORD\u0130NG TO", "quot\u0131ng",
]


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_ATTRIBUTION_WORDS), max_size=14).map(" ".join))
def test_attributions_are_the_plain_search_of_every_pattern(sentence: str) -> None:
    from factcheck.rules.evidence import attributions

    assert attributions(sentence) == _plain_attributions(sentence)


@given(st.text(alphabet=st.sampled_from(list("acdgiknoqrstuyACDGIKNOQRSTUY \u0130\u0131\u017f\u212a,.")),
               max_size=40))
def test_attributions_trigger_on_any_letters_as_the_case_insensitive_search(sentence: str) -> None:
    from factcheck.rules.evidence import attributions

    assert attributions(sentence) == _plain_attributions(sentence)
