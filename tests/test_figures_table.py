"""Figures as reporters write them: each phrase with the exact interval, unit and hedge it means.

Two tables. PARSE holds amounts as an editor writes them in a ledger's `amount` (parse_amount);
COPY holds sentences of wire copy with every figure find_amounts must read in them, and nothing
else (times, years, phone and page numbers, durations are not figures). Intervals are written
as an editor would: "[8.5e6, 9.5e6]", "(9e6, inf)", "[0, 40)". The rounding rule of SPEC section
3 runs through both: an integer in full digits is exact; every other number is good to half a
unit of its last stated digit, and hedges never narrow below that.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.figures import AmountError, Hedge, find_amounts, parse_amount
from factcheck.intervals import INF, Interval


def iv(spec: str) -> Interval:
    """'[8.5e6, 9.5e6]' -> Interval; 'inf' is unbounded; ( ) are open ends."""
    lo_s, hi_s = (x.strip() for x in spec[1:-1].split(","))
    lo = -INF if lo_s == "-inf" else Decimal(lo_s)
    hi = INF if hi_s == "inf" else Decimal(hi_s)
    return Interval(lo, hi, spec[0] == "(", spec[-1] == ")")


E, A, N, O, L, U, B, R, V = (Hedge.EXACT, Hedge.APPROX, Hedge.NEARLY, Hedge.OVER, Hedge.AT_LEAST, Hedge.UP_TO,
                             Hedge.UNDER, Hedge.RANGE, Hedge.VAGUE)

# text, interval, unit, hedge
PARSE: list[tuple[str, str, str | None, Hedge]] = [
    # integers in full digits: exact
    ("14,000", "[14000, 14000]", None, E),
    ("14000", "[14000, 14000]", None, E),
    ("10,900", "[10900, 10900]", None, E),
    ("9,040,000", "[9040000, 9040000]", None, E),
    ("1,200,000", "[1200000, 1200000]", None, E),
    ("0", "[0, 0]", None, E),
    ("7", "[7, 7]", None, E),
    ("5,951", "[5951, 5951]", None, E),
    ("4 500", "[4500, 4500]", None, E),
    ("4\u2009500", "[4500, 4500]", None, E),
    ("4\u202f500", "[4500, 4500]", None, E),
    ("4\u00a0500", "[4500, 4500]", None, E),
    ("12 500 000", "[12500000, 12500000]", None, E),
    ("exactly 10,900", "[10900, 10900]", None, E),
    ("precisely 312", "[312, 312]", None, E),
    # decimals: half a unit of the last digit
    ("1.5", "[1.45, 1.55]", None, E),
    ("4.25", "[4.245, 4.255]", None, E),
    ("0.3", "[0.25, 0.35]", None, E),
    ("12,345.5", "[12345.45, 12345.55]", None, E),
    # signs
    ("-9.2", "[-9.25, -9.15]", None, E),
    ("\u221215", "[-15, -15]", None, E),
    ("-15", "[-15, -15]", None, E),
    ("minus 3", "[-3, -3]", None, E),
    ("negative 40", "[-40, -40]", None, E),
    ("-0.5%", "[-0.55, -0.45]", "%", E),
    ("\u22120.3 percent", "[-0.35, -0.25]", "%", E),
    ("-9.2m euros", "[-9250000, -9150000]", "EUR", E),
    # scales in words and stuck to the digits
    ("9 million", "[8500000, 9500000]", None, E),
    ("nine million", "[8500000, 9500000]", None, E),
    ("1.2 billion", "[1150000000, 1250000000]", None, E),
    ("3.2bn", "[3150000000, 3250000000]", None, E),
    ("3bn", "[2500000000, 3500000000]", None, E),
    ("10 bln", "[9500000000, 10500000000]", None, E),
    ("10bln", "[9500000000, 10500000000]", None, E),
    ("4 mln", "[3500000, 4500000]", None, E),
    ("4mln", "[3500000, 4500000]", None, E),
    ("7 mn", "[6500000, 7500000]", None, E),
    ("7mn", "[6500000, 7500000]", None, E),
    ("2.5m", "[2450000, 2550000]", None, E),
    ("10k", "[9500, 10500]", None, E),
    ("1.1tn", "[1050000000000, 1150000000000]", None, E),
    ("3 trillion", "[2500000000000, 3500000000000]", None, E),
    ("40 thousand", "[39500, 40500]", None, E),
    ("5 lakh", "[450000, 550000]", None, E),
    ("2 crore", "[15000000, 25000000]", None, E),
    ("4,500 crore", "[44995000000, 45005000000]", None, E),
    # number words
    ("twenty-one thousand", "[20500, 21500]", None, E),
    ("twenty one thousand", "[20500, 21500]", None, E),
    # words without a scale word state every digit: exact, as digits are
    ("three hundred and forty", "[340, 340]", None, E),
    ("two hundred and forty", "[240, 240]", None, E),
    ("two hundred", "[200, 200]", None, E),
    ("one hundred", "[100, 100]", None, E),
    ("twenty-one", "[21, 21]", None, E),
    ("twenty one", "[21, 21]", None, E),
    ("one", "[1, 1]", None, E),
    ("nine percent", "[8.5, 9.5]", "%", E),
    ("nine points", "[8.5, 9.5]", "pp", E),
    # the article marks a round number: "a hundred" is not "100"; a dozen counts roughly
    ("a hundred", "[99.5, 100.5]", None, E),
    ("a hundred and twenty", "[119.5, 120.5]", None, E),
    ("two dozen", "[23.5, 24.5]", None, E),
    # a scale word rounds, even with a remainder stated to the unit
    ("one thousand two hundred", "[1199.5, 1200.5]", None, E),
    ("a million", "[500000, 1500000]", None, E),
    ("one million", "[500000, 1500000]", None, E),
    ("two billion", "[1500000000, 2500000000]", None, E),
    ("nine", "[9, 9]", None, E),
    ("twelve", "[12, 12]", None, E),
    ("ninety-nine", "[99, 99]", None, E),
    ("a dozen", "[11.5, 12.5]", None, E),
    ("half a dozen", "[5.5, 6.5]", None, E),
    ("half a million", "[450000, 550000]", None, E),
    ("half a billion", "[450000000, 550000000]", None, E),
    ("one and a half million", "[1250000, 1750000]", None, E),
    ("two and a half", "[2.25, 2.75]", None, E),
    ("one hundred thousand", "[99500, 100500]", None, E),
    ("two hundred thousand", "[199500, 200500]", None, E),
    # fractions in words, read as shares (percent)
    ("two-thirds of", "[66.1667, 67.1667]", "%", E),
    ("two thirds of", "[66.1667, 67.1667]", "%", E),
    ("a third of", "[32.8333, 33.8333]", "%", E),
    ("one-third of", "[32.8333, 33.8333]", "%", E),
    ("three-quarters of", "[74.5, 75.5]", "%", E),
    ("a quarter of", "[24.5, 25.5]", "%", E),
    ("half of", "[49.5, 50.5]", "%", E),
    ("half the", "[49.5, 50.5]", "%", E),
    ("two-fifths of", "[39.5, 40.5]", "%", E),
    ("around two-thirds of", "[60, 73.33337]", "%", A),
    ("nearly half of", "[45, 50]", "%", N),
    ("more than a third of", "(33.3333, inf)", "%", O),
    ("a third", "[32.8333, 33.8333]", "%", E),  # a whole `amount`: the share, as "half" alone
    ("roughly a third", "[29.99997, 36.66663]", "%", A),
    # ratios, read as shares and rounded by their denominator ("one in five" for 18-22 percent)
    ("nine in ten", "[85.4887, 94.5113]", "%", E),
    ("Nine in ten of those infected", "[85.4887, 94.5113]", "%", E),
    ("one in five", "[17.9798, 22.0202]", "%", E),
    ("1 in 4", "[21.8254, 28.1746]", "%", E),
    ("one out of three", "[27.6190, 39.0476]", "%", E),
    ("nearly one in four", "[21.8254, 25]", "%", N),
    # percent, points, basis points
    ("12%", "[11.5, 12.5]", "%", E),
    ("5 percent", "[4.5, 5.5]", "%", E),
    ("53 per cent", "[52.5, 53.5]", "%", E),
    ("4.2%", "[4.15, 4.25]", "%", E),
    ("0.25 pct", "[0.245, 0.255]", "%", E),
    ("2 percentage points", "[1.5, 2.5]", "pp", E),
    ("1.5 points", "[1.45, 1.55]", "pp", E),
    ("0.5pp", "[0.45, 0.55]", "pp", E),
    ("3 pp", "[2.5, 3.5]", "pp", E),
    ("25 basis points", "[0.245, 0.255]", "pp", E),
    ("25 basis-point", "[0.245, 0.255]", "pp", E),
    ("50 bps", "[0.495, 0.505]", "pp", E),
    ("75 bp", "[0.745, 0.755]", "pp", E),
    ("about 20%", "[18, 22]", "%", A),
    ("more than 10%", "(10, inf)", "%", O),
    ("between 10% and 12%", "[9.5, 12.5]", "%", R),
    ("10 to 12 percent", "[9.5, 12.5]", "%", R),
    # currencies: sign, code or name
    ("$1.2 billion", "[1150000000, 1250000000]", "USD", E),
    ("$301 million", "[300500000, 301500000]", "USD", E),
    ("$18,000", "[18000, 18000]", "USD", E),
    ("US$34.2 billion", "[34150000000, 34250000000]", "USD", E),
    ("US$ 34.2 billion", "[34150000000, 34250000000]", "USD", E),
    ("C$16.4 million", "[16350000, 16450000]", "CAD", E),
    ("A$125 million", "[124500000, 125500000]", "AUD", E),
    ("AU$125 million", "[124500000, 125500000]", "AUD", E),
    ("HK$10.05 billion", "[10045000000, 10055000000]", "HKD", E),
    ("HK$2bn", "[1500000000, 2500000000]", "HKD", E),
    ("NZ$40m", "[39500000, 40500000]", "NZD", E),
    ("S$3.1 million", "[3050000, 3150000]", "SGD", E),
    ("R$12 billion", "[11500000000, 12500000000]", "BRL", E),
    ("€40m", "[39500000, 40500000]", "EUR", E),
    ("£9.2m", "[9150000, 9250000]", "GBP", E),
    ("¥500 billion", "[499500000000, 500500000000]", "JPY", E),
    ("₩5 trillion", "[4500000000000, 5500000000000]", "KRW", E),
    ("₹4,500 crore", "[44995000000, 45005000000]", "INR", E),
    ("Rs 4,500 crore", "[44995000000, 45005000000]", "INR", E),
    ("Rs. 500", "[500, 500]", "INR", E),
    ("Rs4,500", "[4500, 4500]", "INR", E),
    ("USD 3m", "[2500000, 3500000]", "USD", E),
    ("EUR 40 million", "[39500000, 40500000]", "EUR", E),
    ("40 million EUR", "[39500000, 40500000]", "EUR", E),
    ("125 million Australian dollars", "[124500000, 125500000]", "AUD", E),
    ("16.4 million Canadian dollars", "[16350000, 16450000]", "CAD", E),
    ("2 billion Hong Kong dollars", "[1500000000, 2500000000]", "HKD", E),
    ("301 million dollars", "[300500000, 301500000]", "USD", E),
    ("5 million US dollars", "[4500000, 5500000]", "USD", E),
    ("40 million euros", "[39500000, 40500000]", "EUR", E),
    ("9.2 million pounds", "[9150000, 9250000]", "GBP", E),
    ("500 billion yen", "[499500000000, 500500000000]", "JPY", E),
    ("5 trillion won", "[4500000000000, 5500000000000]", "KRW", E),
    ("4,500 crore rupees", "[44995000000, 45005000000]", "INR", E),
    ("10 billion rupees", "[9500000000, 10500000000]", "INR", E),
    ("3 billion yuan", "[2500000000, 3500000000]", "CNY", E),
    ("2 billion roubles", "[1500000000, 2500000000]", "RUB", E),
    ("800 million hryvnias", "[799500000, 800500000]", "UAH", E),
    ("20 million Swiss francs", "[19500000, 20500000]", "CHF", E),
    # hedges: about, around ... [v(1-t), v(1+t)], never narrower than the rounding interval
    ("approximately 14,000", "[12600, 15400]", None, A),
    ("approx. 14,000", "[12600, 15400]", None, A),
    ("about 3,000", "[2700, 3300]", None, A),
    ("around 600", "[540, 660]", None, A),
    ("roughly 100", "[90, 110]", None, A),
    ("some 15,000", "[13500, 16500]", None, A),
    ("an estimated 200", "[180, 220]", None, A),
    ("estimated 200", "[180, 220]", None, A),
    ("circa 1,000", "[900, 1100]", None, A),
    ("about 9 million", "[8100000, 9900000]", None, A),
    ("about 1", "[0.9, 1.1]", None, A),
    ("about two", "[1.8, 2.2]", None, A),  # as "about 2": words without a scale word are exact
    ("around $5 million", "[4500000, 5500000]", "USD", A),
    ("about $260 million", "[234000000, 286000000]", "USD", A),
    # nearly: [v(1-t), v]
    ("nearly 11,000", "[9900, 11000]", None, N),
    ("almost 50", "[45, 50]", None, N),
    ("close to 20,000", "[18000, 20000]", None, N),
    ("just under 100", "[90, 100]", None, N),
    ("just shy of 100", "[90, 100]", None, N),
    ("nearly 6,000", "[5400, 6000]", None, N),
    ("nearly one", "[0.9, 1]", None, N),  # as "nearly 1"
    # over: (v, inf)
    ("over 9 million", "(9000000, inf)", None, O),
    ("more than 200", "(200, inf)", None, O),
    ("above 5", "(5, inf)", None, O),
    ("exceeding 5", "(5, inf)", None, O),
    ("greater than 4,565", "(4565, inf)", None, O),
    ("upwards of 4,500", "(4500, inf)", None, O),
    ("upward of 4,500", "(4500, inf)", None, O),
    ("in excess of $2bn", "(2000000000, inf)", "USD", O),
    ("well over 1,000", "(1000, inf)", None, O),
    ("topped €40m", "(40000000, inf)", "EUR", O),
    ("exceeded 500", "(500, inf)", None, O),
    ("surpassed 1 million", "(1000000, inf)", None, O),
    ("just over 600", "(600, inf)", None, O),
    ("more than 50,000", "(50000, inf)", None, O),
    ("over 4,500", "(4500, inf)", None, O),
    # at least: [v, inf)
    ("at least 600", "[600, inf)", None, L),
    ("no fewer than 600", "[600, inf)", None, L),
    ("no less than 600", "[600, inf)", None, L),
    ("a minimum of 600", "[600, inf)", None, L),
    ("600 or more", "[600, inf)", None, L),
    ("five hundred or more", "[500, inf)", None, L),
    ("500 or above", "[500, inf)", None, L),
    ("500 and over", "[500, inf)", None, L),
    ("$5 million or more", "[5000000, inf)", "USD", L),
    ("10% or higher", "[10, inf)", "%", L),
    # as many as: [0, v]
    ("as many as nine million", "[0, 9000000]", None, U),
    ("as much as $2bn", "[0, 2000000000]", "USD", U),
    ("up to 40", "[0, 40]", None, U),
    ("up to 4,500", "[0, 4500]", None, U),
    ("at most 40", "[0, 40]", None, U),
    ("no more than 40", "[0, 40]", None, U),
    ("not more than 40", "[0, 40]", None, U),
    ("a maximum of 40", "[0, 40]", None, U),
    ("40 or fewer", "[0, 40]", None, U),
    ("40 or less", "[0, 40]", None, U),
    ("forty or fewer", "[0, 40]", None, U),
    # under: [0, v)
    ("under 40", "[0, 40)", None, B),
    ("less than 40", "[0, 40)", None, B),
    ("fewer than 40", "[0, 40)", None, B),
    ("below 40", "[0, 40)", None, B),
    ("less than 1%", "[0, 1)", "%", B),
    ("under $1 million", "[0, 1000000)", "USD", B),
    # ranges: [a, b] over the ends' rounding intervals
    ("between 10,000 and 12,000", "[10000, 12000]", None, R),
    ("between 10 and 12 million", "[9500000, 12500000]", None, R),
    ("from 200 to 300", "[200, 300]", None, R),
    ("200 to 300", "[200, 300]", None, R),
    ("10,000-12,000", "[10000, 12000]", None, R),
    ("10,000 \u2013 12,000", "[10000, 12000]", None, R),
    ("1,000 \u2013 5,000", "[1000, 5000]", None, R),
    ("1000 - 5000", "[1000, 5000]", None, R),
    ("1000 \u2014 5000", "[1000, 5000]", None, R),
    ("$1bn-$2bn", "[500000000, 2500000000]", "USD", R),
    ("between $1.5 billion and $2 billion", "[1450000000, 2500000000]", "USD", R),
    ("2.5-3 million", "[2450000, 3500000]", None, R),
    ("from 5% to 7%", "[4.5, 7.5]", "%", R),
    # each end carrying its unit; the two must agree
    ("45 per cent to 74 per cent", "[44.5, 74.5]", "%", R),
    ("22%-30%", "[21.5, 30.5]", "%", R),
    ("50% \u2013 55%", "[49.5, 55.5]", "%", R),
    ("between 5 percent and 7 percent", "[4.5, 7.5]", "%", R),
    ("20 basis points to 30 basis points", "[0.195, 0.305]", "pp", R),
    ("from 72 basis points to 94 basis points", "[0.715, 0.945]", "pp", R),
    ("0.44 percentage points to 0.67 percentage points", "[0.435, 0.675]", "pp", R),
    ("between 580 billion euros and 880 billion euros", "[579500000000, 880500000000]", "EUR", R),
    ("between 2.1bn Australian dollars and 3bn Australian dollars", "[2050000000, 3500000000]", "AUD", R),
    ("between 5tn won and 6tn won", "[4500000000000, 6500000000000]", "KRW", R),
    ("from 3m euros to 1.2bn euros", "[2500000, 1250000000]", "EUR", R),
    ("1.2 trillion won to 1.5 trillion won", "[1150000000000, 1550000000000]", "KRW", R),
    ("between $5bn and $6bn", "[4500000000, 6500000000]", "USD", R),
    # number words in ranges: a scale as large as one already read starts the other end
    ("between thirteen thousand and nineteen thousand", "[12500, 19500]", None, R),
    ("between two hundred and seventy thousand and three hundred and thirty thousand", "[269500, 330500]", None, R),
    ("between two hundred and three hundred", "[200, 300]", None, R),
    ("between forty-five million and sixty-two million", "[44500000, 62500000]", None, R),
    ("between fourteen thousand five hundred and nineteen thousand", "[14499.5, 19500]", None, R),
    ("between two hundred thousand and three hundred and fifty thousand", "[199500, 350500]", None, R),
    ("from twelve thousand to twenty thousand", "[11500, 20500]", None, R),
    # a four-digit number in a range is a figure
    ("between 1700 and 2000", "[1700, 2000]", None, R),
    ("from 1900 to 2000 workers", "[1900, 2000]", "workers", R),
    # fraction signs, bare half
    ("2\u00bd million", "[2250000, 2750000]", None, E),
    ("2\u00bd", "[2.25, 2.75]", None, E),
    ("3\u00be%", "[3.625, 3.875]", "%", E),
    ("half", "[49.5, 50.5]", "%", E),
    # verbs as hedges
    ("could top $5bn", "(5000000000, inf)", "USD", O),
    ("could exceed 5%", "(5, inf)", "%", O),
    ("fell short of 1,000", "[0, 1000)", None, B),
    ("just short of 1,000", "[900, 1000]", None, N),
    # vague counts
    ("dozens", "[24, 100)", None, V),
    ("hundreds", "[200, 1000)", None, V),
    ("thousands", "[2000, 10000)", None, V),
    ("tens of thousands", "[20000, 100000)", None, V),
    ("hundreds of thousands", "[200000, 1000000)", None, V),
    ("millions", "[2000000, 10000000)", None, V),
    ("tens of millions", "[20000000, 100000000)", None, V),
    ("billions", "[2000000000, 10000000000)", None, V),
    ("a couple of", "[2, 4)", None, V),
    ("several", "[3, 10)", None, V),
    ("several hundred", "[300, 1000)", None, V),
    ("a couple of thousand", "[2000, 4000)", None, V),
    ("several million", "[3000000, 10000000)", None, V),
    ("a couple of dozen", "[24, 48)", None, V),
    ("several dozen", "[36, 120)", None, V),
]


@pytest.mark.parametrize(("text", "interval", "unit", "hedge"), PARSE, ids=[r[0] for r in PARSE])
def test_amount(text: str, interval: str, unit: str | None, hedge: Hedge) -> None:
    a = parse_amount(text)
    got = a.interval
    want = iv(interval)
    assert (got.lo_open, got.hi_open) == (want.lo_open, want.hi_open), got
    assert abs(got.lo - want.lo) < Decimal("0.0001") and (got.hi == want.hi or abs(got.hi - want.hi) < Decimal("0.0001")), got
    assert (a.unit, a.hedge) == (unit, hedge)


# The story's dollar: "$" and "dollars" mean it; a currency named outright does not change.
DOLLAR = [("25 cents", "CAD"), ("$16.4 million", "CAD"), ("16.4 million dollars", "CAD"), ("US$16.4 million", "USD"), ("C$16.4m", "CAD"),
          ("A$16.4m", "AUD"), ("€16.4m", "EUR")]


@pytest.mark.parametrize(("text", "unit"), DOLLAR)
def test_the_story_dollar(text: str, unit: str) -> None:
    assert parse_amount(text, dollar="CAD").unit == unit


DECIMAL_COMMA = [("1,5 million", "[1450000, 1550000]"), ("1,5", "[1.45, 1.55]"), ("3,25%", "[3.245, 3.255]"),
                 ("1.500.000", "[1500000, 1500000]"), ("2,5 Mrd", "[2.45, 2.55]")]


@pytest.mark.parametrize(("text", "interval"), DECIMAL_COMMA)
def test_a_decimal_comma_where_the_story_allows_it(text: str, interval: str) -> None:
    a = parse_amount(text, decimal_comma=True)
    assert (a.interval.lo, a.interval.hi) == (iv(interval).lo, iv(interval).hi)


REFUSED = [
    ("1,5 million", "'1,5' is written with a decimal comma, which factcheck will not guess at; write 1.5, or set "
                    "[settings] decimal_comma = true"),
    ("about 2,75", "'2,75' is written with a decimal comma"),
    ("4:17", "'4:17' is a time of day, not a figure"),
    ("+44 20 7946 0958", "is a phone number, not a figure"),
    ("a great many", "no figure found in 'a great many'; write it as [hedge] number [scale] [unit]"),
    ("10 and 20", "more than one figure in '10 and 20'"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_what_cannot_be_read_says_why_and_what_would(text: str, message: str) -> None:
    with pytest.raises(AmountError) as e:
        parse_amount(text)
    assert message in str(e.value)


# Sentences of wire copy and every figure in them: (as written, interval, unit, hedge).
COPY: list[tuple[str, list[tuple[str, str, str | None, Hedge]]]] = [
    ("North Korea has dispatched approximately 14,000 troops to Russia.",
     [("approximately 14,000", "[12600, 15400]", "troops", A)]),
    ("Nine million people were affected by the disaster.", [("Nine million", "[8500000, 9500000]", "people", E)]),
    ("Damage to homes accounts for $18 billion (53 percent) of the total.",
     [("$18 billion", "[17500000000, 18500000000]", "USD", E), ("53 percent", "[52.5, 53.5]", "%", E)]),
    ("The damage equals 4 percent of GDP.", [("4 percent", "[3.5, 4.5]", "%", E)]),
    ("The first 200,000 new homes are due in mid-2024.", [("200,000", "[200000, 200000]", "homes", E)]),
    ("1,200 displaced families returned.", [("1,200", "[1200, 1200]", "families", E)]),
    ("Some 600 North Korean soldiers died.", [("Some 600", "[540, 660]", "soldiers", A)]),
    ("About 600 died in the strikes.", [("About 600", "[540, 660]", None, A)]),
    ("Of some 15,000 sent to the war, most returned.", [("some 15,000", "[13500, 16500]", None, A)]),
    ("approximately 600 of them deaths", [("approximately 600", "[540, 660]", None, A)]),
    ("The United States and 10 allies signed.", [("10", "[10, 10]", "allies", E)]),
    ("Seoul pledged 5 trillion won in aid.", [("5 trillion won", "[4500000000000, 5500000000000]", "KRW", E)]),
    ("The board approved a buyback of HK$2bn over three years.",
     [("HK$2bn", "[1500000000, 2500000000]", "HKD", E)]),
    ("The plan costs $2bn over three years.", [("$2bn", "[1500000000, 2500000000]", "USD", E)]),
    ("It will return A$1.5bn to shareholders over three years.",
     [("A$1.5bn", "[1450000000, 1550000000]", "AUD", E)]),
    ("It paid $2bn. Over three years, 40 staff left.", [("$2bn", "[1500000000, 2500000000]", "USD", E),
                                                       ("Over three", "(3, inf)", "years", O),
                                                       ("40", "[40, 40]", "staff", E)]),
    ("Aid of €40m across two days was pledged.", [("€40m", "[39500000, 40500000]", "EUR", E)]),
    ("The war has lasted over three years.", [("over three", "(3, inf)", "years", O)]),
    ("Revenue rose 21.8% from C$51.6 million to C$58.2 million.",
     [("21.8%", "[21.75, 21.85]", "%", E), ("C$51.6 million", "[51550000, 51650000]", "CAD", E),
      ("C$58.2 million", "[58150000, 58250000]", "CAD", E)]),
    # a hundredth of a currency: cents are the story's dollar, pence are pounds
    ("The budget raises the base fare by 25 cents, to $2.75.",
     [("25 cents", "[0.25, 0.25]", "USD", E), ("$2.75", "[2.745, 2.755]", "USD", E)]),
    ("Petrol duty rose by nearly 5 pence a litre.", [("nearly 5 pence", "[0.045, 0.05]", "GBP", N)]),
    ("Fares rose 25 per cent.", [("25 per cent", "[24.5, 25.5]", "%", E)]),
    ("The rate went from 2.5% to 2.25%.", [("2.5%", "[2.45, 2.55]", "%", E), ("2.25%", "[2.245, 2.255]", "%", E)]),
    # a verb of change, the thing it changed, then "from X to Y": a before and an after, not a range
    ("The 2019 increase raised the base fare from $2.25 to $2.50.",
     [("$2.25", "[2.245, 2.255]", "USD", E), ("$2.50", "[2.495, 2.505]", "USD", E)]),
    ("The board has raised its growth forecast from 2% to 3%.",
     [("2%", "[1.5, 2.5]", "%", E), ("3%", "[2.5, 3.5]", "%", E)]),
    ("The fall semester ran from 5 to 7.", [("from 5 to 7", "[5, 7]", None, R)]),
    ("Tickets cost from $2 to $3.", [("from $2 to $3", "[2, 3]", "USD", R)]),
    ("Sales were up 12% year on year.", [("12%", "[11.5, 12.5]", "%", E)]),
    ("The bank made a 25 basis-point cut.", [("25 basis-point", "[0.245, 0.255]", "pp", E)]),
    ("Turnout fell 3 percentage points.", [("3 percentage points", "[2.5, 3.5]", "pp", E)]),
    ("Around two-thirds of shareholders voted in favour.",
     [("Around two-thirds", "[60, 73.33337]", "%", A)]),
    ("Half the buildings collapsed.", [("Half", "[49.5, 50.5]", "%", E)]),
    ("A third of the budget went to housing.", [("A third", "[32.8333, 33.8333]", "%", E)]),
    ("Three-quarters of voters agreed.", [("Three-quarters", "[74.5, 75.5]", "%", E)]),
    ("A dozen reporters waited outside.", [("A dozen", "[11.5, 12.5]", "reporters", E)]),
    ("The central bank cut rates by 25bps.", [("25bps", "[0.245, 0.255]", "pp", E)]),
    ("Temperatures fell to \u221215 degrees overnight.", [("\u221215", "[-15, -15]", "degrees", E)]),
    ("The index was -0.5% lower.", [("-0.5%", "[-0.55, -0.45]", "%", E)]),
    ("It was minus 3 at dawn.", [("minus 3", "[-3, -3]", None, E)]),
    ("The port lost -9.2m euros.", [("-9.2m euros", "[-9250000, -9150000]", "EUR", E)]),
    ("The army said 4\u2009500 soldiers were deployed.", [("4\u2009500", "[4500, 4500]", "soldiers", E)]),
    ("It cost 110,500 dollars.", [("110,500 dollars", "[110500, 110500]", "USD", E)]),
    ("not 120 as first reported", [("120", "[120, 120]", None, E)]),
    ("Greater than 4,565 people attended.", [("Greater than 4,565", "(4565, inf)", "people", O)]),
    ("Five hundred or more attended.", [("Five hundred or more", "[500, inf)", None, L)]),
    ("Between 1,000 \u2013 5,000 were displaced.", [("1,000 \u2013 5,000", "[1000, 5000]", None, R)]),
    ("An estimated 1000 - 5000 were displaced.", [("An estimated 1000", "[900, 1100]", None, A),
                                                   ("5000", "[5000, 5000]", None, E)]),
    ("Rs 4,500 crore was set aside for housing.", [("Rs 4,500 crore", "[44995000000, 45005000000]", "INR", E)]),
    ("The city raised 10 bln rupees for roads.", [("10 bln rupees", "[9500000000, 10500000000]", "INR", E)]),
    ("It sold for 125 million Australian dollars.",
     [("125 million Australian dollars", "[124500000, 125500000]", "AUD", E)]),
    ("Up to 9 million shells were sent.", [("Up to 9 million", "[0, 9000000]", "shells", U)]),
    ("Over 9 million shells were sent.", [("Over 9 million", "(9000000, inf)", "shells", O)]),
    ("Tens of thousands fled.", [("Tens of thousands", "[20000, 100000)", None, V)]),
    ("Dozens of homes burned.", [("Dozens", "[24, 100)", "homes", V)]),
    ("At least 50,000 people died.", [("At least 50,000", "[50000, inf)", "people", L)]),
    ("Nearly 6,000 troops arrived.", [("Nearly 6,000", "[5400, 6000]", "troops", N)]),
    ("The firm employs 3,400 workers in 12 countries.",
     [("3,400", "[3400, 3400]", "workers", E), ("12", "[12, 12]", "countries", E)]),
    ("Police arrested 42 protesters and fined 7.", [("42", "[42, 42]", "protesters", E), ("7", "[7, 7]", None, E)]),
    ("The vaccine is 95% effective.", [("95%", "[94.5, 95.5]", "%", E)]),
    ("Inflation was 3.2 per cent in May.", [("3.2 per cent", "[3.15, 3.25]", "%", E)]),
    ("The deal is worth $1.2bn, or about 40% of revenue.",
     [("$1.2bn", "[1150000000, 1250000000]", "USD", E), ("about 40%", "[36, 44]", "%", A)]),
    ("Factories shed 20k jobs.", [("20k", "[19500, 20500]", "jobs", E)]),
    ("GDP grew 0.3 pct in the quarter.", [("0.3 pct", "[0.25, 0.35]", "%", E)]),
    ("The fund holds NZ$40m in bonds.", [("NZ$40m", "[39500000, 40500000]", "NZD", E)]),
    ("A fine of £9.2m was imposed.", [("£9.2m", "[9150000, 9250000]", "GBP", E)]),
    ("Prices rose 2-3% last year.", [("2-3%", "[1.5, 3.5]", "%", R)]),
    ("The vote was 52 to 48.", [("52", "[52, 52]", None, E), ("48", "[48, 48]", None, E)]),
    # ranges whose ends carry their unit, in copy
    ("Turnout was 45 per cent to 74 per cent in the districts.", [("45 per cent to 74 per cent", "[44.5, 74.5]", "%", R)]),
    ("Support stood at 22%-30% last year.", [("22%-30%", "[21.5, 30.5]", "%", R)]),
    ("The rise totalled from 72 basis points to 94 basis points.",
     [("from 72 basis points to 94 basis points", "[0.715, 0.945]", "pp", R)]),
    ("The rate rise in Oakhurst reached 1.2 percentage points to 1.4 percentage points.",
     [("1.2 percentage points to 1.4 percentage points", "[1.15, 1.45]", "pp", R)]),
    ("Output rose 5% to 7% of the total.", [("5%", "[4.5, 5.5]", "%", E), ("7%", "[6.5, 7.5]", "%", E)]),
    ("Rates rose by 2 points to 7%.", [("2 points", "[1.5, 2.5]", "pp", E), ("7%", "[6.5, 7.5]", "%", E)]),
    ("Between two hundred and seventy thousand and three hundred and thirty thousand complaints were lodged.",
     [("Between two hundred and seventy thousand and three hundred and thirty thousand", "[269500, 330500]",
       "complaints", R)]),
    ("Spending was between 580 billion euros and 880 billion euros.",
     [("between 580 billion euros and 880 billion euros", "[579500000000, 880500000000]", "EUR", R)]),
    # four-digit numbers that count
    ("Exactly 1801 teachers were hired.", [("Exactly 1801", "[1801, 1801]", "teachers", E)]),
    ("From 1700 to 2000 workers were laid off.", [("From 1700 to 2000", "[1700, 2000]", "workers", R)]),
    ("A total of 1801 teachers signed.", [("1801", "[1801, 1801]", "teachers", E)]),
    ("In 2023 teachers struck.", []),
    ("The 2022 elections were close.", []),
    ("From 2019 to 2021 prices rose.", []),
    # vague counts, fraction signs, verbs as hedges
    ("A couple of hundred protesters gathered.", [("A couple of hundred", "[200, 400)", "protesters", V)]),
    ("Several thousand homes lost power.", [("Several thousand", "[3000, 10000)", "homes", V)]),
    ("Some 2\u00bd million people fled.", [("Some 2\u00bd million", "[2250000, 2750000]", "people", A)]),
    ("Sales could top $5bn this year.", [("could top $5bn", "(5000000000, inf)", "USD", O)]),
    ("Receipts fell short of \u00a340m.", [("fell short of \u00a340m", "[0, 40000000)", "GBP", B)]),
    # the counted noun is the head of the phrase right after the figure
    ("Some 9 million shells Russia received were faulty.",
     [("Some 9 million", "[8100000, 9900000]", "shells", A)]),
    ("The city hired 5 police officers.", [("5", "[5, 5]", "officers", E)]),
    ("Inflation is expected to exceed 5% by winter.", [("to exceed 5%", "(5, inf)", "%", O)]),
    # scores and ratios are not figures; a date ending inside a spaced number leaves the rest
    ("The home side won 3-1 after extra time.", []),
    ("It was a 2-2 draw.", []),
    ("They suffered a 1-3 defeat.", []),
    ("Kessel United lost 0-2 on Sunday.", []),
    ("Damage could reach A$1.5 billion.", [("could reach A$1.5 billion", "[0, 1500000000]", "AUD", U)]),
    # a singular currency name: the figure used as an adjective ("a 25 billion peso bill")
    ("Ines left a 25 billion peso bill.", [("25 billion peso", "[24500000000, 25500000000]", "MXN", E)]),
    ("A 5 million Swiss franc fine was paid.", [("5 million Swiss franc", "[4500000, 5500000]", "CHF", E)]),
    ("A 3 million franc grant followed.", [("3 million franc", "[2500000, 3500000]", "CHF", E)]),
    ("It is a 2 billion US dollar loan.", [("2 billion US dollar", "[1500000000, 2500000000]", "USD", E)]),
    ("An 8 million American dollar fund opened.", [("8 million American dollar", "[7500000, 8500000]", "USD", E)]),
    ("A 2 billion Canadian dollar deal closed.", [("2 billion Canadian dollar", "[1500000000, 2500000000]", "CAD", E)]),
    ("A 6 million Australian dollar grant.", [("6 million Australian dollar", "[5500000, 6500000]", "AUD", E)]),
    ("A 4 million Hong Kong dollar bond.", [("4 million Hong Kong dollar", "[3500000, 4500000]", "HKD", E)]),
    ("A 9 million New Zealand dollar fund.", [("9 million New Zealand dollar", "[8500000, 9500000]", "NZD", E)]),
    ("A 7 million Singapore dollar plan.", [("7 million Singapore dollar", "[6500000, 7500000]", "SGD", E)]),
    ("A 1 billion Taiwan dollar order.", [("1 billion Taiwan dollar", "[500000000, 1500000000]", "TWD", E)]),
    ("A 10 million pound sterling loan.", [("10 million pound sterling", "[9500000, 10500000]", "GBP", E)]),
    ("Exports earned 1.5 million liras.", [("1.5 million liras", "[1450000, 1550000]", "TRY", E)]),
    ("They raised 12 real concerns.", [("12", "[12, 12]", "concerns", E)]),
    # not figures: times, years, dates' numbers, phone and page numbers, labels, ordinals, list markers
    ("The quake struck at 4:17 a.m. local time.", []),
    ("It struck at 04:17 GMT.", []),
    ("The session closed at 13:24.", []),
    ("The talks began at 4 p.m. on Monday.", []),
    ("The flight left at 0900 GMT.", []),
    ("About nine hours later a second quake struck.", []),
    ("Two days after the quake the airport reopened.", []),
    # a bounded duration before an event is a figure the quote states
    ("Contacts must stay home for up to 21 days after exposure.", [("up to 21", "[0, 21]", "days", U)]),
    ("Travellers need at least 14 days before departure.", [("at least 14", "[14, inf)", "days", L)]),
    ("Three weeks ago the talks stalled.", []),
    ("In 2023 prices rose sharply.", []),
    ("From 2014 to 2018 the plant was closed.", []),
    ("Call +44 20 7946 0958 for details.", []),
    ("Call (020) 7946 0958 for details.", []),
    ("Call 555-123-4567 today.", []),
    ("See page 12 of the report.", []),
    ("Under Resolution 2231 the sanctions lapsed.", []),
    ("It was his 3rd visit and the 21st summit.", []),
    ("The third batch arrived.", []),
    ("A third batch of troops arrived.", []),
    ("In the first half of 2023 exports fell.", []),
    ("No. 5 on the list was late.", []),
    ("The G7 leaders met about COVID-19 and F-16 jets in H1.", []),
    ("Su-27 fighters escorted T-90 tanks.", []),
    ("See https://example.org/photo/20627cc1-e200-4319-823b-9f.jpg for the image.", []),
    ("Half an hour later the power returned.", []),
    ("A 24-hour ceasefire began with a three-day visit.", [("24", "[24, 24]", "hour", E),
                                                         ("three", "[3, 3]", "day", E)]),
    ("Over the past 10 years and in the next three months, exports fell.", []),
    ("1. The first point.", []),
    ("A European partner reported a margin of 1,5 percent.", []),
]


@pytest.mark.parametrize(("text", "figures"), COPY, ids=[r[0][:40] for r in COPY])
def test_figures_in_copy(text: str, figures: list[tuple[str, str, str | None, Hedge]]) -> None:
    got = find_amounts(text)
    assert [a.text for a in got] == [f[0] for f in figures]
    for a, (_, interval, unit, hedge) in zip(got, figures, strict=True):
        want = iv(interval)
        assert (a.interval.lo_open, a.interval.hi_open) == (want.lo_open, want.hi_open), a
        assert abs(a.interval.lo - want.lo) < Decimal("0.0001"), a
        assert a.interval.hi == want.hi or abs(a.interval.hi - want.hi) < Decimal("0.0001"), a
        assert (a.unit, a.hedge) == (unit, hedge)


def test_a_denied_figure_is_marked() -> None:
    for text in ("not 120 as first reported", "rather than 120", "instead of 120"):
        assert [a.negated for a in find_amounts(text)] == [True]
    assert [a.negated for a in find_amounts("120 were first reported")] == [False]


def test_table_size() -> None:
    """The closing note of the figures issue gives this count."""
    assert len(PARSE) + len(COPY) + len(DOLLAR) + len(DECIMAL_COMMA) + len(REFUSED) >= 300
