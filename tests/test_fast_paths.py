"""Fast paths held to the plain ones they replace (issue 21): each speed-up must give the same
answer as the obvious code, on any input."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates import Period
from factcheck.figures.tokens import Token, tokenize
from factcheck.rules.draft import ClaimedDays

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
