"""Figures: the SPEC section 3 forms through parse_amount; round-trips; properties of the reader."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.figures import AmountError, Hedge, find_amounts, parse_amount
from factcheck.intervals import INF

N = None  # an unbounded end

TABLE = [
    # text, low, high, low open, high open, unit: an integer in full digits is exact; every other
    # number is good to half a unit of its last stated digit (SPEC section 3, rounding intervals)
    ("14,000", 14000, 14000, False, False, None),
    ("14000", 14000, 14000, False, False, None),
    ("1.5", Decimal("1.45"), Decimal("1.55"), False, False, None),
    ("exactly 10,900", 10900, 10900, False, False, None),
    ("9 million", 8_500_000, 9_500_000, False, False, None),
    ("nine million", 8_500_000, 9_500_000, False, False, None),
    ("9,000,000", 9_000_000, 9_000_000, False, False, None),
    ("twenty-one thousand", 20500, 21500, False, False, None),
    ("three hundred and forty", Decimal("340"), Decimal("340"), False, False, None),
    ("a million", 500_000, 1_500_000, False, False, None),
    ("two billion", 1_500_000_000, 2_500_000_000, False, False, None),
    ("1.2 billion", 1_150_000_000, 1_250_000_000, False, False, None),
    ("3.2bn", 3_150_000_000, 3_250_000_000, False, False, None),
    ("$1.2 billion", 1_150_000_000, 1_250_000_000, False, False, "USD"),
    ("€40m", 39_500_000, 40_500_000, False, False, "EUR"),
    ("£9.2m", 9_150_000, 9_250_000, False, False, "GBP"),
    ("₩5 trillion", 45 * 10**11, 55 * 10**11, False, False, "KRW"),
    ("USD 3m", 2_500_000, 3_500_000, False, False, "USD"),
    ("12%", Decimal("11.5"), Decimal("12.5"), False, False, "%"),
    ("5 percent", Decimal("4.5"), Decimal("5.5"), False, False, "%"),
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
    ("between 10 and 12 million", 9_500_000, 12_500_000, False, False, None),
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
        parse_amount(True)


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
    # Spelling a scaled number in words or digits never changes its interval.
    if n >= 1000 and n % 1000 == 0 and n % 1_000_000 and n < 1_000_000:
        assert parse_amount(f"{n // 1000} thousand").interval == parse_amount(words).interval


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



SCALED = ["thousand", "million", "billion"]


@given(st.integers(min_value=1, max_value=99), st.sampled_from(SCALED))
def test_scaled_number_reads_alike_in_words_and_digits(n: int, scale: str) -> None:
    """'9 million' = 'nine million'; 'twenty-one thousand' = '21 thousand'."""
    assert parse_amount(f"{n} {scale}").interval == parse_amount(f"{_spell(n)} {scale}").interval


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=3),
       st.sampled_from(["", " million", " billion", "%", " percent", "bn"]))
def test_rounding_interval_contains_the_value(n: int, places: int, tail: str) -> None:
    number = f"{n / 10**places:.{places}f}"
    a = parse_amount(number + tail)
    assert a.interval.contains(a.value)
    assert a.stated == a.interval  # no hedge: the interval is the rounding interval


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=2),
       st.sampled_from(["", " million", "%"]))
def test_or_more_holds_more_than(n: int, places: int, tail: str) -> None:
    """'X or more' holds every value 'more than X' does, and X itself."""
    number = f"{n / 10**places:.{places}f}"
    or_more = parse_amount(f"{number}{tail} or more").interval
    more_than = parse_amount(f"more than {number}{tail}").interval
    assert or_more.intersection(more_than) == more_than
    assert or_more.contains(or_more.lo)


@given(st.sampled_from(HEDGES[1:] + ["around", "some", "roughly"]), st.integers(min_value=1, max_value=999),
       st.integers(min_value=0, max_value=2), st.sampled_from(["", " million", "%"]),
       st.decimals(min_value=0, max_value="0.3", places=2))
def test_hedges_never_narrow_below_the_rounding_interval(hedge: str, n: int, places: int, tail: str,
                                                         t: Decimal) -> None:
    a = parse_amount(f"{hedge} {n / 10**places:.{places}f}{tail}", None, t)
    if a.hedge.direction == 0:
        assert a.interval.intersection(a.stated) == a.stated
    else:  # directional hedges bound at the stated value itself
        assert a.value in (a.interval.lo, a.interval.hi)


@pytest.mark.parametrize(("text", "kind"), [
    ("$5m", "currency"), ("5 trillion won", "currency"), ("125 million Australian dollars", "currency"),
    ("12%", "percent"), ("5 per cent", "percent"), ("3 percentage points", "percentage points"),
    ("25 basis points", "percentage points"), ("10,900 soldiers", "count"),
])
def test_a_unit_knows_its_kind(text: str, kind: str) -> None:
    """The Unit type replaces guessing a currency from three capital letters."""
    from factcheck.figures import Unit, UnitKind, kind_of

    unit = parse_amount(text).unit
    assert isinstance(unit, Unit) and unit.kind.value == kind and kind_of(unit) is unit.kind
    assert [kind_of(u) for u in ("soldiers", "USD", "FBI", None)] == [UnitKind.COUNT, UnitKind.CURRENCY,
                                                                       UnitKind.COUNT, None]


_FIGURE_TEXT = st.lists(st.sampled_from(
    ["4", "500", "110", "2023", ",", ".", " ", "\u2009", "\u202f", "-", "\u2212", "$", "%", "bn", "m", "k", "about",
     "over", "or", "more", "to", "million", "troops", "3rd", ":", "17", "a.m.", "nine", "two-thirds", "of", "1,5",
     "Rs", "HK$", "crore", "minus", "not", "page", "(", ")", "\n", "1."]),
    max_size=24).map("".join)


@given(_FIGURE_TEXT)
def test_a_figure_is_never_read_out_of_a_longer_one(text: str) -> None:
    for a in find_amounts(text):
        s, e = a.span
        assert a.text == text[s:e]
        before, after = text[max(s - 1, 0):s], text[e:e + 2]
        assert not (s and before.isdigit()), (text, a.text)
        assert not (s > 1 and before in ",." and text[s - 2].isdigit() and a.text[:1].isdigit()), (text, a.text)
        group = re.match(r"\d{3}(?!\d)", a.text)  # after a thin space, three digits would be a thousands group
        head = re.search(r"(?<![\d,.])\d{1,3}$", text[:s - 1]) if s > 1 else None  # "4" of "4 500", not "4500"
        assert not (before in "\u2009\u202f" and head and group), (text, a.text)
        assert not (after[:1].isdigit() and text[e - 1:e].isdigit()), (text, a.text)
        assert a.interval.contains(a.value) or a.hedge.direction == 1 or a.hedge.value == "under", (text, a)


def test_a_thousands_group_after_digits_glued_to_letters_is_not_a_figure() -> None:
    """"bn4\u2009500" (found by the property above): "4" is no number, glued to letters, and "500"
    after a thin space is its thousands group, not a figure of its own."""
    assert find_amounts("bn4\u2009500") == []
    assert [a.value for a in find_amounts("Rs4\u2009500 was paid")] == [4500]


def test_a_figure_of_a_thousand_digits_is_not_read() -> None:
    """Its exact integer could not even be printed in the JSON report."""
    huge = "9" * 5000
    assert find_amounts(f"They counted {huge} beans and 12 cups.") and [
        a.text for a in find_amounts(f"They counted {huge} beans and 12 cups.")] == ["12"]
    with pytest.raises(AmountError, match="digits is larger than any factcheck checks"):
        parse_amount(huge)


def test_the_dollar_setting_takes_a_currency_code(tmp_path: Path) -> None:
    from factcheck.engine import Options, run

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "s.md").write_text("They spent $5 million.\n", encoding="utf-8")
    (tmp_path / "claims.toml").write_text('[settings]\ndollar = "dollars"\n\n[[claim]]\nid = "a"\nsource = "s"\n'
                                          'quote = "They spent $5 million"\n', encoding="utf-8")
    report = run(Options(claims=tmp_path / "claims.toml"))
    bad = [f for f in report.findings if f.code == "FC002"]
    assert bad and 'the dollar is a three-letter currency code, such as "USD", "CAD" or "AUD"' in bad[0].message
    assert bad[0].location is not None and bad[0].location.line == 1  # the [settings] table


@pytest.mark.parametrize("text", ["around two-thirds of", "a third of the", "half the", "three-quarters",
                                  "nearly half of", "more than a third of", "two-fifths of"])
def test_a_share_reads_back_in_words(text: str) -> None:
    a = find_amounts(text)[0]
    assert "%" not in a.canonical and parse_amount(a.canonical).interval == a.interval


_END_UNITS = ["%", " per cent", " percent", " percentage points", " basis points", " euros", " won",
              " Australian dollars"]


@given(st.integers(min_value=1, max_value=900), st.integers(min_value=1, max_value=99), st.sampled_from(_END_UNITS),
       st.sampled_from(["{} to {}", "from {} to {}", "between {} and {}", "{}-{}", "{} \u2013 {}"]))
def test_a_unit_on_both_ends_of_a_range_is_the_unit_once(a: int, d: int, unit: str, pattern: str) -> None:
    """'22%-30%' means what '22-30%' means; 'between 5 euros and 7 euros' what 'between 5 and 7 euros' does."""
    both = parse_amount(pattern.format(f"{a}{unit}", f"{a + d}{unit}"))
    once = parse_amount(pattern.format(a, f"{a + d}{unit}"))
    assert both.hedge is Hedge.RANGE and once.hedge is Hedge.RANGE
    assert (both.interval, both.unit) == (once.interval, once.unit)


@given(st.integers(min_value=1, max_value=998), st.integers(min_value=1, max_value=400))
def test_a_range_in_words_means_what_it_means_in_digits(a: int, d: int) -> None:
    """'between thirteen thousand and nineteen thousand' = 'between 13 and 19 thousand'."""
    b = min(a + d, 999)
    if b == a:
        return
    words = parse_amount(f"between {_spell(a * 1000)} and {_spell(b * 1000)}")
    digits = parse_amount(f"between {a} and {b} thousand")
    assert words.interval == digits.interval
    found = find_amounts(f"Officials said between {_spell(a * 1000)} and {_spell(b * 1000)} people left.")
    assert [x.interval for x in found] == [digits.interval]


@given(st.integers(min_value=1800, max_value=2100), st.sampled_from(["exactly", "over", "nearly", "some", ""]))
def test_a_four_digit_number_that_counts_is_a_figure(n: int, hedge: str) -> None:
    """After a hedge or before the plural noun it counts, 1800-2100 is a figure, in a quote as in an amount."""
    from factcheck.dates import find_periods

    text = f"Officials said {hedge} {n} teachers were hired.".replace("  ", " ")
    periods = find_periods(text, None)
    assert periods == []
    assert [a.value for a in find_amounts(text, skip_spans=[p.span for p in periods])] == [n]


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _in_words(n: int) -> str:
    """0-999 as a reporter spells it: "two hundred and forty-one"."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS_WORDS[n // 10] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    rest = n % 100
    return _UNITS[n // 100] + " hundred" + ("" if rest == 0 else " and " + _in_words(rest))


@given(st.integers(min_value=0, max_value=999))
def test_words_without_a_scale_word_are_as_exact_as_digits(n: int) -> None:
    """"nine" is 9 and "two hundred and forty" is 240, as their digits are: every digit is stated."""
    worded, digits = parse_amount(_in_words(n)), parse_amount(str(n))
    assert worded.value == digits.value == n
    assert worded.interval == digits.interval
    assert (worded.interval.lo, worded.interval.hi) == (Decimal(n), Decimal(n))


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_words_with_a_scale_word_round_as_digits_with_one(n: int, scale: str) -> None:
    """"twenty-one thousand" rounds as "21 thousand" does: to half a thousand."""
    worded, digits = parse_amount(f"{_in_words(n)} {scale}"), parse_amount(f"{n} {scale}")
    assert worded.interval == digits.interval
    assert worded.interval.lo < worded.value < worded.interval.hi
