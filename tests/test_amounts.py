"""Amounts: every form of SPEC section 3 with its interval; round-trips; free-text scanning."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.amounts import AmountError, Hedge, find_amounts, parse_amount
from factcheck.intervals import INF

N = None  # an unbounded end

TABLE = [
    # text, low, high, low open, high open, unit
    ("14,000", 14000, 14000, False, False, None),
    ("14000", 14000, 14000, False, False, None),
    ("1.5", Decimal("1.5"), Decimal("1.5"), False, False, None),
    ("exactly 10,900", 10900, 10900, False, False, None),
    ("9 million", 9_000_000, 9_000_000, False, False, None),
    ("nine million", 9_000_000, 9_000_000, False, False, None),
    ("9,000,000", 9_000_000, 9_000_000, False, False, None),
    ("twenty-one thousand", 21000, 21000, False, False, None),
    ("three hundred and forty", 340, 340, False, False, None),
    ("a million", 1_000_000, 1_000_000, False, False, None),
    ("two billion", 2_000_000_000, 2_000_000_000, False, False, None),
    ("1.2 billion", 1_150_000_000, 1_250_000_000, False, False, None),
    ("3.2bn", 3_150_000_000, 3_250_000_000, False, False, None),
    ("$1.2 billion", 1_150_000_000, 1_250_000_000, False, False, "USD"),
    ("€40m", 40_000_000, 40_000_000, False, False, "EUR"),
    ("£9.2m", 9_150_000, 9_250_000, False, False, "GBP"),
    ("₩5 trillion", 5 * 10**12, 5 * 10**12, False, False, "KRW"),
    ("USD 3m", 3_000_000, 3_000_000, False, False, "USD"),
    ("12%", 12, 12, False, False, "%"),
    ("5 percent", 5, 5, False, False, "%"),
    ("approximately 14,000", 12600, 15400, False, False, None),
    ("about 3,000", 2700, 3300, False, False, None),
    ("around 600", 540, 660, False, False, None),
    ("roughly 100", 90, 110, False, False, None),
    ("some 15,000", 13500, 16500, False, False, None),
    ("an estimated 200", 180, 220, False, False, None),
    ("nearly 11,000", 9900, 11000, False, False, None),
    ("almost 50", 45, 50, False, False, None),
    ("close to 20,000", 18000, 20000, False, False, None),
    ("just under 100", 90, 100, False, False, None),
    ("over 9 million", 9_000_000, N, True, True, None),
    ("more than 200", 200, N, True, True, None),
    ("above 5", 5, N, True, True, None),
    ("exceeding 5", 5, N, True, True, None),
    ("at least 600", 600, N, False, True, None),
    ("as many as nine million", 0, 9_000_000, False, False, None),
    ("up to 40", 0, 40, False, False, None),
    ("at most 40", 0, 40, False, False, None),
    ("under 40", 0, 40, False, True, None),
    ("less than 40", 0, 40, False, True, None),
    ("fewer than 40", 0, 40, False, True, None),
    ("below 40", 0, 40, False, True, None),
    ("between 10,000 and 12,000", 10000, 12000, False, False, None),
    ("10,000 to 12,000", 10000, 12000, False, False, None),
    ("10,000-12,000", 10000, 12000, False, False, None),
    ("between 10 and 12 million", 10_000_000, 12_000_000, False, False, None),
    ("dozens", 24, 100, False, True, None),
    ("hundreds", 200, 1000, False, True, None),
    ("thousands", 2000, 10000, False, True, None),
    ("tens of thousands", 20000, 100000, False, True, None),
]


@pytest.mark.parametrize(("text", "lo", "hi", "lo_open", "hi_open", "unit"), TABLE, ids=[t[0] for t in TABLE])
def test_every_spec_form(text: str, lo: object, hi: object, lo_open: bool, hi_open: bool, unit: str | None) -> None:
    a = parse_amount(text)
    assert a.interval.lo == Decimal(lo)  # type: ignore[arg-type]
    assert a.interval.hi == (INF if hi is None else Decimal(hi))  # type: ignore[arg-type]
    assert (a.interval.lo_open, a.interval.hi_open) == (lo_open, hi_open)
    assert a.unit == unit


def test_unit_words_follow_the_figure() -> None:
    a = parse_amount("10,900 soldiers")
    assert (a.value, a.unit) == (Decimal(10900), "soldiers")
    assert parse_amount("dozens of soldiers").unit == "soldiers"


def test_tolerance_settings() -> None:
    a = parse_amount("about 1,000", {"about": Decimal("0.05")})
    assert (a.interval.lo, a.interval.hi) == (Decimal(950), Decimal(1050))
    b = parse_amount("around 1,000", {"about": Decimal("0.05")}, Decimal("0.2"))
    assert (b.interval.lo, b.interval.hi) == (Decimal(800), Decimal(1200))


def test_toml_numbers_are_exact() -> None:
    assert parse_amount(Decimal("0.1")).interval.lo == Decimal("0.1")
    assert parse_amount(3000).value == 3000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a lot of soldiers", "no figure found in 'a lot of soldiers'"),
        ("", "the amount is empty"),
        ("10 and 20", "more than one figure"),
    ],
)
def test_errors_quote_the_text(text: str, message: str) -> None:
    with pytest.raises(AmountError, match=message):
        parse_amount(text)


def test_bool_is_not_an_amount() -> None:
    with pytest.raises(AmountError):
        parse_amount(True)  # type: ignore[arg-type]


HEDGES = ["", "about", "approximately", "nearly", "over", "at least", "as many as", "under", "exactly", "close to"]
SCALES = ["", "thousand", "million", "billion"]


@given(
    st.sampled_from(HEDGES),
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from(SCALES),
    st.sampled_from(["", "$", "€", "%"]),
)
def test_canonical_spelling_parses_back(hedge: str, n: int, decimals: int, scale: str, sign: str) -> None:
    number = f"{n / 10**decimals:.{decimals}f}" if scale else f"{n:,}"
    text = f"{hedge} " if hedge else ""
    text += (sign if sign in "$€" else "") + number + (f" {scale}" if scale else "") + ("%" if sign == "%" else "")
    a = parse_amount(text)
    b = parse_amount(a.canonical)
    assert b.interval == a.interval
    assert b.hedge is a.hedge
    assert b.unit == a.unit


@given(st.integers(min_value=0, max_value=999_999_999))
def test_number_words_equal_digits(n: int) -> None:
    words = _spell(n)
    assert parse_amount(words).value == n
    assert parse_amount(f"{n:,}").interval == parse_amount(words).interval


def _spell(n: int) -> str:
    ones = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

    def under_1000(k: int) -> list[str]:
        out: list[str] = []
        if k >= 100:
            out += [ones[k // 100], "hundred"]
            k %= 100
            if k:
                out.append("and")
        if k >= 20:
            out.append(tens[k // 10] + (f"-{ones[k % 10]}" if k % 10 else ""))
        elif k or not out:
            out.append(ones[k])
        return out

    if n == 0:
        return "zero"
    parts: list[str] = []
    for scale, word in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            parts += under_1000(n // scale) + [word]
            n %= scale
    if n:
        parts += under_1000(n)
    return " ".join(parts)


def test_find_amounts_in_a_sentence() -> None:
    text = ("North Korea has dispatched approximately 14,000 troops — 10,900 soldiers in late 2023 and "
            "around 3,000 more in 2025, the 79th anniversary; 1,500 left.")
    from factcheck.dates import find_periods

    spans = [p.span for p in find_periods(text)]
    got = [(a.text, a.hedge) for a in find_amounts(text, skip_spans=spans)]
    assert got == [("approximately 14,000", Hedge.APPROX), ("10,900", Hedge.EXACT),
                   ("around 3,000", Hedge.APPROX), ("1,500", Hedge.EXACT)]


@given(st.text(max_size=200))
def test_parser_returns_or_raises_its_own_error(text: str) -> None:
    try:
        parse_amount(text)
    except AmountError:
        pass
    find_amounts(text)


def _tokens_by_regex(text: str) -> list[tuple[str, str, int, int, str]]:
    """The tokens as one _TOKEN.finditer over the whole text gives them: tokenize's reference."""
    from factcheck.amounts import _TOKEN

    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("num", "suf"):
            out.append(("num", m.group("num"), m.start(), m.end(), (m.group("suf") or "").lower()))
        else:
            out.append((kind or "other", m.group(0).lower(), m.start(), m.end(), ""))
    return out


_TOKEN_TEXT = st.lists(st.sampled_from(
    list("aZ1 9,.-%$€£k\u00e9\u0130\u00df\u00b2\u00bd\u0663_\n\t\u2028\u00a0\u3000;:!?)\"'")
    + ["us$", "bn", "US", "2025", "said"]),
    max_size=30).map("".join)


@given(st.one_of(st.text(max_size=60), _TOKEN_TEXT))
@example("He Said, in 2025. that 14,000 (or 9) left; 1,200,000. 1,20 12,345.5, 1,234k 3% said \"no\" 5k 2x \u0663\u0664 \u00b2 5.")
def test_split_first_tokenizer_equals_one_regex_pass(text: str) -> None:
    from factcheck.amounts import tokenize

    assert [tuple(t) for t in tokenize(text)] == _tokens_by_regex(text)


_DATED = st.lists(st.sampled_from(
    ["in", "February", "2025", "2,025", "1999", "12", "to", "-", "%", "percent", "per", "cent", "million", "bn",
     "usd", "$", "about", "troops", ",", ".", "\n", "3.5", "June", "19,", "between", "and", "k", "mid-2024"]),
    max_size=14).map(" ".join)


@given(_DATED | st.text(max_size=40), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=3))
@example("12 to 2,025 troops", [(0, 2)])  # a range that starts inside the date is dropped whole
@example("12-2,025 troops", [(0, 2)])
def test_figures_inside_dates_are_dropped_alike_with_and_without_the_shortcut(
        text: str, spans: list[tuple[int, int]]) -> None:
    from factcheck.amounts import DEFAULT_TOLERANCE, _find_amounts
    from factcheck.dates import find_periods

    skip = tuple(p.span for p in find_periods(text)) + tuple((a, a + w) for a, w in spans)
    fast = _find_amounts.__wrapped__(text, (), DEFAULT_TOLERANCE, skip)
    assert fast == _find_amounts.__wrapped__(text, (), DEFAULT_TOLERANCE, skip, shortcut=False)
