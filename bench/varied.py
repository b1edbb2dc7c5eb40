"""The varied benchmark story: copy worded as reporters word it.

Every claim is a sentence of its own, composed from varied parts (lead-ins, subjects, verbs,
attributions) around a figure and a period drawn from every form the ledger contract names: each
hedge, number spelling, separator, scale word, currency, percentage, and absolute, relative,
open-ended and future period, relative ones anchored to the dates of the sources that print them.

The story is consistent by construction. Each subject has one true value and one true day; a
claim's figure is written only in a form whose interval (by the contract's table, tolerance 0.10,
rounding to half a unit of the last stated digit) holds that value, and its period only in a form
whose interval of days holds that day and, for a claim about the past, starts no later than its
source's date. So every pair of claims of a subject agrees, and a correct checker reports no error
and no warning. `FORMS` records which form each claim used, so a run's findings can be traced to
the forms a checker misreads (`bench/run.py --forms`).
"""

from __future__ import annotations

import bisect
import json
import math
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

INF = math.inf
T = 0.10  # the contract's default tolerance

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# ---------------------------------------------------------------------------------------------
# Words that vary the sentences. None holds a digit, a month, a weekday or a season, so the only
# figure and date of a quote are the ones the claim states.

PLACES = ["Harlow", "Kestrel Bay", "Ashford Vale", "Marrowby", "the northern province", "Port Elden",
          "the river delta", "Caldwell County", "the capital", "Lindenfield", "the coastal district",
          "Brackenridge", "the eastern region", "Oakhurst", "Sundermoor", "the border area", "Fenwick",
          "the island territories", "Greyhaven", "Thornbury", "the western plains", "Millbrook"]
COUNT_TOPICS = [("residents", "were displaced"), ("households", "lost power"), ("patients", "were treated"),
                ("students", "enrolled"), ("workers", "were laid off"), ("voters", "registered"),
                ("passengers", "were stranded"), ("homes", "were damaged"), ("jobs", "were created"),
                ("applications", "were filed"), ("vehicles", "were recalled"), ("trees", "were planted"),
                ("cases", "were confirmed"), ("complaints", "were lodged"), ("visitors", "came"),
                ("beds", "were added"), ("teachers", "were hired"), ("firms", "went bust"),
                ("flights", "were cancelled"), ("arrests", "were made")]
MONEY_TOPICS = ["spending on rail upgrades", "the flood relief fund", "the deficit", "the port's revenue",
                "the housing budget", "the bailout", "military aid", "the settlement", "export earnings",
                "the school building programme", "the insurer's losses", "the merger", "the stimulus package",
                "tax receipts", "the hospital's debt", "the grid investment", "the bond issue"]
RATE_TOPICS = ["the unemployment rate", "turnout", "the vacancy rate", "the approval rating",
               "the share of renewable power", "the literacy rate", "the default rate", "inflation",
               "the dropout rate", "the occupancy rate", "the vaccination rate", "the savings rate"]
CHANGE_TOPICS = ["output", "retail sales", "freight volumes", "the index", "home prices", "factory orders"]
LEADS = ["Officials said", "According to the ministry,", "The agency estimated that", "In a statement, the "
         "department said", "Figures released by the regulator show that", "A spokeswoman confirmed that",
         "The council's own records show that", "Investigators believe", "Preliminary data suggest",
         "The audit found that", "Union leaders claimed", "Local media reported that", "The watchdog said",
         "Aid groups say", "The company disclosed that", "Analysts noted that", "The minister told lawmakers",
         "A leaked memo shows that", "Police said", "The survey found that"]
TAILS = ["", "", "", ", a spokesman said", ", according to preliminary figures", ", officials added",
         ", the report said", ", though the tally may change", ", up sharply on the previous count",
         ", a figure disputed by the opposition", ", the latest count shows", ", sources told reporters",
         ", according to people familiar with the matter", ", the filing shows"]
FILLER = ["The figures were not independently verified.", "Critics questioned how the count was made.",
          "The ministry did not respond to a request for comment.", "Residents described long queues.",
          "The opposition called for an inquiry into the handling of the crisis.",
          "Officials cautioned that the numbers may be revised as more reports come in.",
          "The agency publishes its estimates without a breakdown by region.",
          "Several local groups disputed the official account.", "Weather hampered the work of inspectors.",
          "The findings are likely to feature in the coming debate.", "Earlier estimates had been lower.",
          "A senior official, speaking on condition of anonymity, described the situation as grave.",
          "The report did not say how the data were collected.", "Lawmakers are expected to take up the matter.",
          "Economists were divided on what the numbers mean for the wider economy.",
          "The governor's office declined to comment.", "It is the first such estimate the agency has issued.",
          "Independent monitors have long warned about gaps in the records.",
          "The company said it would cooperate fully with regulators.",
          "Witnesses said the scene was chaotic.", "Neighbours rallied to help those affected."]
VIA = ["NIS", "Reuters", "the statistics office", "the central bank", "Yonhap", "AP"]
OUTLETS = ["Daily Ledger", "Evening Post", "Wire Service", "Morning Star", "City Times", "Harbour Gazette",
           "The Courier", "Valley Herald"]

# ---------------------------------------------------------------------------------------------
# Numbers, spelled as writers spell them. An interval is (low, high) in the figure's base unit.


def words(n: int) -> str:
    """An integer below a trillion in words, British style ("two hundred and forty thousand")."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + words(rest))
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            tail = "" if rest == 0 else (" and " if rest < 100 else " ") + words(rest)
            return words(n // size) + " " + name + tail
    raise AssertionError(n)


def grouped(n: int, sep: str = ",") -> str:
    return f"{n:,}".replace(",", sep)


def decimals(x: float) -> int:
    s = repr(x)
    return len(s.split(".")[1]) if "." in s and not s.endswith(".0") else 0


def mantissa(x: float) -> str:
    return f"{x:.{decimals(x)}f}"


def rounding(x: float, scale: float, exact: bool) -> tuple[float, float]:
    """The rounding interval of x written with its own digits, times scale."""
    if exact:
        return x * scale, x * scale
    half = 0.5 * 10 ** -decimals(x)
    return (x - half) * scale, (x + half) * scale


HEDGES = {
    "approx": ["approximately", "about", "around", "roughly", "some", "an estimated", "circa"],
    "nearly": ["nearly", "almost", "close to", "just under"],
    "over": ["over", "more than", "above", "exceeding", "greater than", "upwards of"],
    "atleast": ["at least", "{} or more", "no fewer than", "no less than"],
    "atmost": ["as many as", "up to", "at most", "{} or fewer", "no more than"],
    "under": ["under", "less than", "fewer than", "below"],
    "none": ["", "exactly"],
}
RANGES = ["between {} and {}", "from {} to {}", "{} to {}", "{}-{}", "{} – {}"]


def hedged(kind: str, v: float, r: tuple[float, float]) -> tuple[float, float]:
    if kind == "approx":
        return min(v * (1 - T), r[0]), max(v * (1 + T), r[1])
    if kind == "nearly":
        return v * (1 - T), v
    if kind in ("over", "atleast"):
        return v, INF
    if kind in ("atmost", "under"):
        return 0.0, v
    return r


def holds(iv: tuple[float, float], x: float) -> bool:
    """x inside iv, off its edges (floating point never decides a case)."""
    m = abs(x) * 1e-6 + 1e-9
    return iv[0] + m <= x <= iv[1] - m or iv[0] == iv[1] == x


@dataclass
class Figure:
    text: str  # as it stands in the sentence, with its unit
    amount: str  # the claim's `amount`
    forms: tuple[str, ...]  # which contract forms it exercises
    interval: tuple[float, float] | None = None  # what it means, by the contract's table


# --- a figure's number, with its unit attached --------------------------------------------------

COUNT_SPELLINGS = ["comma", "comma", "comma", "plain", "space", "thin", "narrow", "words", "k"]
CURRENCIES = {
    "USD": [("$", ""), ("US$", ""), ("USD ", "")],
    "EUR": [("€", ""), ("", " euros"), ("EUR ", "")],
    "GBP": [("£", ""), ("GBP ", "")],
    "JPY": [("¥", ""), ("JPY ", "")],
    "KRW": [("₩", ""), ("", " won"), ("KRW ", "")],
    "INR": [("₹", ""), ("Rs ", ""), ("INR ", "")],
    "CAD": [("C$", ""), ("CAD ", "")],
    "AUD": [("A$", ""), ("", " Australian dollars"), ("AUD ", "")],
    "HKD": [("HK$", ""), ("HKD ", "")],
}
SCALES = {  # word -> (size, glued to the number)
    "thousand": (1e3, False), "k": (1e3, True), "million": (1e6, False), "m": (1e6, True),
    "mn": (1e6, True), "mln": (1e6, False), "billion": (1e9, False), "bn": (1e9, True), "b": (1e9, True),
    "bln": (1e9, False), "trillion": (1e12, False), "tn": (1e12, True), "lakh": (1e5, False),
    "crore": (1e7, False),
}


class Kind:
    """What a subject counts, and how its numbers are written."""

    def __init__(self, name: str, unit: str, claim_units: list[str]) -> None:
        self.name, self.unit, self.claim_units = name, unit, claim_units


def count_number(rng: random.Random, x: float, exact_ok: bool) -> tuple[str, tuple[float, float], str] | None:
    """x (a count) in one spelling: (text, rounding interval, form name)."""
    spelling = rng.choice(COUNT_SPELLINGS)
    if spelling == "k":
        if x < 1000:
            return None
        m = x / 1000
        if m != round(m, 1):
            return None
        return (f"{mantissa(round(m, 1))}k", rounding(round(m, 1), 1e3, False),
                "scale k" + (", whole number" if m == int(m) else ""))
    if spelling == "words":
        if x != int(x) or x >= 10**9:
            return None
        n = int(x)
        return words(n), _word_round(n), "number in words"
    if x != int(x):
        return None
    n = int(x)
    if spelling == "plain":
        return str(n), (n, n), "digits without separator" + (", 4 digits" if n < 10_000 else "")
    sep = {"comma": ",", "space": " ", "thin": "\u2009", "narrow": "\u202f"}[spelling]
    if n < 1000 and spelling != "comma":
        return None
    return grouped(n, sep), (n, n), f"separator {spelling}"


def _whole(m: float) -> str:
    """The tag of a whole number before a scale word ("9 million"): good to half a million."""
    return ", whole number" if m == int(m) else ""


def _word_round(n: int) -> tuple[float, float]:
    """The reader's rounding interval of words(n). Without a scale word every digit is stated, so
    "nine" and "two hundred and forty" are exact, as their digits are. A scale word rounds to the
    place of the last word: "fourteen thousand" and "two hundred and forty thousand" are good to
    half a thousand, "one thousand two hundred" to half a unit."""
    if n < 1000:
        return n, n
    for size in (10**9, 10**6, 10**3):
        if n % size == 0:
            return n - size / 2, n + size / 2
    return n - 0.5, n + 0.5


@dataclass
class Subject:
    sid: str
    kind: str  # count, bigcount, money, rate, points, change, vague, fraction
    value: float
    noun: str = ""
    verb: str = ""
    topic: str = ""
    currency: str = ""
    day: date = date(2024, 1, 1)
    future: bool = False


def number_forms(rng: random.Random, s: Subject) -> Figure | None:
    """One figure for subject s whose interval holds its value, or None to try again."""
    v = s.value
    if s.kind == "vague":
        word = {50: "dozens", 400: "hundreds", 4000: "thousands"}[int(v)]
        return Figure(f"{word} of {s.noun}", word, (f"vague count '{word}'",))
    if s.kind == "fraction":
        word = {0.5: "half", 2 / 3: "two-thirds"}[v]
        return Figure(f"{word} of the {s.noun}", word, (f"fraction '{word}'",))
    hedge = rng.choice(list(HEDGES) + ["range"])
    # A stated number near the value: the value itself, or rounded to one to three digits.
    if s.kind in ("count",):
        digits = rng.choice([None, 1, 2, 3])
        x = v if digits is None else float(_round_sig(v, digits))
    elif s.kind == "points":
        x = v
    else:
        x = _round_sig(v, rng.choice([2, 3, 3, 4]))
    if hedge in ("over", "atleast"):
        x = _round_sig(v * rng.uniform(0.6, 0.97), rng.choice([1, 2]))
    elif hedge in ("atmost", "under"):
        x = _round_sig(v * rng.uniform(1.03, 1.5), rng.choice([1, 2]))
    elif hedge == "nearly":
        x = _round_sig(v * rng.uniform(1.01, 1.09), 3)
    if s.kind == "change":
        hedge = "none"
        x = _round_sig(v, rng.choice([1, 2]))
    if hedge == "range":
        lo = _round_sig(v * rng.uniform(0.7, 0.97), 2)
        hi = _round_sig(v * rng.uniform(1.03, 1.4), 2)
        state = rng.getstate()  # both ends spelled alike, as writers do
        a = spell(rng, s, lo)
        rng.setstate(state)
        b = spell(rng, s, hi)
        if a is None or b is None or not lo < v < hi or lo == hi:
            return None
        if a[2] != b[2] and ("lakh" in a[2] + b[2] or "crore" in a[2] + b[2]):
            return None  # "Rs 4,500-5,000 crore": Indian scales are not mixed within a range
        pattern = rng.choice(RANGES)
        if pattern in ("{}-{}", "{} – {}") and (s.kind == "money" or " " in a[0]):
            pattern = "between {} and {}"
        amount = pattern.format(a[0], b[0])
        return Figure(amount + a[3], amount, (f"range '{pattern.replace('{}', 'a', 1).replace('{}', 'b')}'",
                                              a[2], b[2]), (lo, hi))
    sp = spell(rng, s, x)
    if sp is None:
        return None
    text, r, form, noun = sp
    iv = hedged(hedge, x, r)
    if not holds(iv, v):
        return None
    word = rng.choice(HEDGES[hedge])
    if word == "exactly" and r[0] != r[1]:
        return None
    phrase = word.format(text) if "{}" in word else f"{word} {text}".strip()
    hedge_form = f"hedge '{word.replace('{}', 'v')}'" if word else "no hedge"
    return Figure(phrase + noun, phrase, (hedge_form, form), iv)


def _round_sig(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    p = digits - 1 - math.floor(math.log10(abs(x)))
    r = round(x, p)
    return float(int(r)) if p <= 0 else r


def spell(rng: random.Random, s: Subject, x: float) -> tuple[str, tuple[float, float], str, str] | None:
    """(number text, rounding interval, form, text after it)"""
    if s.kind == "count":
        got = count_number(rng, x, True)
        return None if got is None else (got[0], got[1], got[2], f" {s.noun}")
    if s.kind == "bigcount":
        scale = rng.choice(["million", "million", "m", "mn", "mln", "words", "digits"])
        if scale == "words":
            m = x / 1e6
            if m != int(m) or m >= 1000:
                return None
            return words(int(m)) + " million", rounding(m, 1e6, False), "number in words", f" {s.noun}"
        if scale == "digits":
            if x != int(x):
                return None
            return grouped(int(x)), (x, x), "digits", f" {s.noun}"
        m = round(x / 1e6, 3)
        size, glued = SCALES[scale]
        return (mantissa(m) + ("" if glued else " ") + scale, rounding(m, size, False), f"scale {scale}" + _whole(m),
                f" {s.noun}")
    if s.kind == "money":
        pre, post = rng.choice(CURRENCIES[s.currency])
        scales = ["million", "m", "mn", "billion", "bn", "b", "bln", "trillion", "tn"]
        if s.currency == "INR":
            scales += ["lakh", "crore", "crore", "crore"]
        ok = [w for w in scales if 1 <= x / SCALES[w][0] < 100_000]
        if not ok:
            return None
        word = rng.choice(ok)
        size, glued = SCALES[word]
        m = x / size
        if m != round(m, 3) and abs(m - round(m, 3)) > 1e-9 * m or (m >= 1000 and m != round(m)):
            return None
        m = round(m, 3) if m < 1000 else float(round(m))
        num = grouped(int(m)) if m == int(m) and m >= 1000 else mantissa(m)
        glue = "" if glued else " "
        if post:
            return f"{num}{glue}{word}{post}", rounding(m, size, False), f"currency '{post.strip()}', {word}" + _whole(m), ""
        return f"{pre}{num}{glue}{word}", rounding(m, size, False), f"currency '{pre.strip()}', {word}" + _whole(m), ""
    if s.kind in ("rate", "change"):
        suffix = rng.choice(["%", " percent", " per cent"])
        num = mantissa(abs(x))
        if x < 0:
            num = rng.choice(["-", "\u2212"]) + num
        form = "negative figure" if x < 0 else f"percent '{suffix.strip()}'" + _whole(x)
        return f"{num}{suffix}", rounding(x, 1, False), form, ""
    if s.kind == "points":
        if rng.random() < 0.5:
            bp = round(x * 100)
            return f"{bp} basis points", (bp / 100, bp / 100), "basis points", ""
        return f"{mantissa(x)} percentage points", rounding(x, 1, False), "percentage points", ""
    raise AssertionError(s.kind)


# ---------------------------------------------------------------------------------------------
# Periods. A form is (text in the sentence, the claim's `when`, interval of days, form name).

DAY0, DAY_INF = date.min, date.max


def month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))


def easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def third(m: int) -> str:
    return "early" if m <= 4 else "mid" if m <= 8 else "late"


def period_forms(d: date, p: date, future: bool) -> list[tuple[str, str, date, date, str]]:
    """Every form whose interval holds day d, read in a source published on p."""
    y, mo = d.year, d.month
    mn = MONTHS[mo - 1]
    out: list[tuple[str, str, date, date, str]] = []

    def add(pre: str, when: str, lo: date, hi: date, form: str) -> None:
        out.append((f"{pre}{when}", when, lo, hi, form))

    add("on ", d.isoformat(), d, d, "ISO date")
    add("on ", f"{mn} {d.day}, {y}", d, d, "Month D, YYYY")
    add("on ", f"{d.day} {mn} {y}", d, d, "D Month YYYY")
    add("on ", f"{WEEKDAYS[d.weekday()]}, {mn} {d.day}, {y}", d, d, "date with its weekday")
    add("in ", f"{y}-{mo:02d}", date(y, mo, 1), month_end(y, mo), "YYYY-MM")
    add("in ", f"{mn} {y}", date(y, mo, 1), month_end(y, mo), "Month YYYY")
    add("in ", str(y), date(y, 1, 1), date(y, 12, 31), "year")
    lo3 = {"early": 1, "mid": 5, "late": 9}[third(mo)]
    add("in ", f"{third(mo)} {y}", date(y, lo3, 1), month_end(y, lo3 + 3), "early/mid/late YYYY")
    if third(mo) != "mid":
        word = rng_pick(["beginning", "start"]) if third(mo) == "early" else "end"
        add("at ", f"the {word} of {y}", date(y, lo3, 1), month_end(y, lo3 + 3), f"the {word} of YYYY")
    part = "early" if d.day <= 10 else "mid" if d.day <= 20 else "late"
    plo, phi = {"early": (1, 10), "mid": (11, 20), "late": (21, month_end(y, mo).day)}[part]
    add("in ", f"{part} {mn} {y}", date(y, mo, plo), date(y, mo, phi), "early/mid/late Month YYYY")
    if part == "mid":
        add("in ", f"mid-{mn} {y}", date(y, mo, plo), date(y, mo, phi), "mid-Month YYYY")
    h = 1 if mo <= 6 else 2
    hlo, hhi = date(y, 1 if h == 1 else 7, 1), date(y, 6, 30) if h == 1 else date(y, 12, 31)
    add("in ", f"the {['first', 'second'][h - 1]} half of {y}", hlo, hhi, "first/second half of YYYY")
    add("in ", f"H{h} {y}", hlo, hhi, "H1 YYYY")
    q = (mo - 1) // 3 + 1
    qlo, qhi = date(y, 3 * q - 2, 1), month_end(y, 3 * q)
    add("in ", f"Q{q} {y}", qlo, qhi, "Q1 YYYY")
    add("in ", f"the {['first', 'second', 'third', 'fourth'][q - 1]} quarter of {y}", qlo, qhi,
        "the Nth quarter of YYYY")
    add("in ", f"fiscal {y}", date(y, 1, 1), date(y, 12, 31), "fiscal YYYY")
    add("in ", f"FY{y}", date(y, 1, 1), date(y, 12, 31), "FYYYYY")
    season, sy = {12: ("winter", y), 1: ("winter", y - 1), 2: ("winter", y - 1), 3: ("spring", y),
                  4: ("spring", y), 5: ("spring", y), 6: ("summer", y), 7: ("summer", y), 8: ("summer", y),
                  9: ("autumn", y), 10: ("autumn", y), 11: ("autumn", y)}[mo]
    slo = {"winter": date(sy, 12, 1), "spring": date(sy, 3, 1), "summer": date(sy, 6, 1),
           "autumn": date(sy, 9, 1)}[season]
    shi = {"winter": month_end(sy + 1, 2), "spring": date(sy, 5, 31), "summer": date(sy, 8, 31),
           "autumn": date(sy, 11, 30)}[season]
    add("in ", f"{season} {sy}", slo, shi, "season YYYY")
    if season == "autumn":
        add("in ", f"fall {sy}", slo, shi, "fall YYYY")
    if (mo, d.day) == (12, 25):
        add("at ", f"Christmas {y}", d, d, "Christmas YYYY")
    if (mo, d.day) == (12, 31):
        add("on ", f"New Year's Eve {y}", d, d, "New Year's Eve YYYY")
    if d == easter(y):
        add("at ", f"Easter {y}", d, d, "Easter YYYY")
    if mo < 12:
        add("", f"between {mn} and {MONTHS[mo]} {y}", date(y, mo, 1), month_end(y, mo + 1),
            "between Month and Month YYYY")
    add("", f"from {y - 1} to {y + 1}", date(y - 1, 1, 1), date(y + 1, 12, 31), "from YYYY to YYYY")
    add("in ", f"{y - 2}-{y}", date(y - 2, 1, 1), date(y, 12, 31), "YYYY-YYYY")
    add("in ", f"{y - 1}\u2013{y % 100:02d}", date(y - 1, 1, 1), date(y, 12, 31), "YYYY–YY")
    if 2 <= d.day <= 27:
        add("on ", f"{mn} {d.day - 1}-{d.day + 1}, {y}", d - timedelta(1), d + timedelta(1), "Month D-D, YYYY")
        add("on ", f"{d.day - 1}\u2013{d.day + 1} {mn} {y}", d - timedelta(1), d + timedelta(1), "D–D Month YYYY")
    pm = p.month
    if not future:
        # open-ended: since (to the source's date), by, before, after, until
        sm = mo - 2 if mo > 2 else mo
        add("", f"since {MONTHS[sm - 1]} {y}", date(y, sm, 1), p, "since Month YYYY")
        add("", f"by {MONTHS[mo - 1]} {y}", DAY0, month_end(y, mo), "by Month YYYY")
        add("", f"before {y + 1}", DAY0, date(y, 12, 31), "before YYYY")
        if mo > 2:
            add("", f"after {MONTHS[mo - 3]} {y}", date(y, mo - 1, 1), DAY_INF, "after Month YYYY")
        if mo < 12 and (p.year > y or p.month > mo + 1):
            add("", f"until {MONTHS[mo]}", DAY0, month_end(y, mo + 1), "until Month")
        # relative to the source's date
        if y == p.year:
            add("", "this year", date(y, 1, 1), date(y, 12, 31), "this year")
            add("", "earlier this year", date(y, 1, 1), p, "earlier this year")
            if mo < pm:
                add("", f"in {mn} this year", date(y, mo, 1), month_end(y, mo), "in Month this year")
                if mo > 1:
                    add("", f"between {MONTHS[mo - 2]} and {mn} of this year", date(y, mo - 1, 1),
                        month_end(y, mo), "between Month and Month of this year")
        if y == p.year - 1:
            add("", "last year", date(y, 1, 1), date(y, 12, 31), "last year")
            add("", f"{mn} last year", date(y, mo, 1), month_end(y, mo), "Month last year")
            if mo > pm:
                add("", f"last {mn}", date(y, mo, 1), month_end(y, mo), "last Month")
            if mo >= 9:
                add("at ", "the end of last year", date(y, 9, 1), date(y, 12, 31), "the end of last year")
        prev = (p.replace(day=1) - timedelta(days=1))
        if (y, mo) == (prev.year, prev.month):
            add("", "last month", date(y, mo, 1), month_end(y, mo), "last month")
        if (y, mo) == (p.year, pm):
            add("", "earlier this month", date(y, mo, 1), p, "earlier this month")
        monday = p - timedelta(days=p.weekday())
        if monday <= d <= p:
            add("", "this week", monday, p, "this week")
        if monday - timedelta(7) <= d < monday:
            add("", "last week", monday - timedelta(7), monday - timedelta(1), "last week")
        pq = (pm - 1) // 3
        if (y, (mo - 1) // 3) == (p.year, pq):
            add("", "this quarter", date(y, 3 * pq + 1, 1), month_end(y, 3 * pq + 3), "this quarter")
        lq_y, lq = (p.year, pq - 1) if pq else (p.year - 1, 3)
        if (y, (mo - 1) // 3) == (lq_y, lq):
            add("", "last quarter", date(y, 3 * lq + 1, 1), month_end(y, 3 * lq + 3), "last quarter")
        back = (p - d).days
        if 0 <= back <= 6:
            wd = WEEKDAYS[d.weekday()]
            add("on ", wd, d, d, "on Weekday")
            add("", f"this past {wd}", d, d, "this past Weekday")
            if back >= 1:
                add("", f"last {wd}", d, d, "last Weekday")
        if back == 21:
            add("", "three weeks ago", d, d, "three weeks ago")
        if d == _years_back(p, 2):
            add("", "two years ago", d, d, "two years ago")
        if 0 < back < 300 and (mo, d.day) != (pm, p.day):
            add("on ", f"{mn} {d.day}", d, d, "Month D")
            part_ok = (y == p.year and mo < pm) or (y == p.year - 1 and mo > pm)
            if part_ok:
                add("in ", f"{part} {mn}", date(y, mo, plo), date(y, mo, phi), "early/mid/late Month")
                if part == "mid":
                    add("in ", f"mid-{mn}", date(y, mo, plo), date(y, mo, phi), "mid-Month")
                if part != "mid":
                    w = "end" if part == "late" else "beginning"
                    add("at ", f"the {w} of {mn}", date(y, mo, plo), date(y, mo, phi), f"the {w} of Month")
    else:
        if y == p.year:
            add("", "later this year", p, date(y, 12, 31), "later this year")
            if (y, mo) == (p.year, pm):
                add("", "later this month", p, month_end(y, mo), "later this month")
        if y == p.year + 1:
            add("", "next year", date(y, 1, 1), date(y, 12, 31), "next year")
        monday = p - timedelta(days=p.weekday())
        if monday + timedelta(7) <= d <= monday + timedelta(13):
            add("", "next week", monday + timedelta(7), monday + timedelta(13), "next week")
        pq = (pm - 1) // 3
        nq_y, nq = (p.year, pq + 1) if pq < 3 else (p.year + 1, 0)
        if (y, (mo - 1) // 3) == (nq_y, nq):
            add("", "next quarter", date(y, 3 * nq + 1, 1), month_end(y, 3 * nq + 3), "next quarter")
        ahead = (d - p).days
        if 1 <= ahead <= 7:
            add("", f"next {WEEKDAYS[d.weekday()]}", d, d, "next Weekday")
        if 0 < ahead < 200 and (mo, d.day) != (pm, p.day):
            add("on ", f"{mn} {d.day}", d, d, "Month D (future)")
        add("", f"by {mn} {y}", DAY0, month_end(y, mo), "by Month YYYY (plan)")
    keep = []
    for item in out:
        if not (item[2] <= d <= item[3]):
            raise AssertionError(item)
        if future or item[2] <= p:
            keep.append(item)
    return keep


# Forms today's readers misread (bench/README.md lists how): `--forms-known` leaves them out, so
# that the timing can be taken on a story the checker reads cleanly while readers are being fixed.
# Empty since the readers fix of 2026-11-30 (ranges whose ends carry their unit, number words in
# ranges, `half`, four-digit figures, year and day ranges after "in"/"on"); a form found misread
# later goes back in here until it is fixed.
MISREAD_TODAY: set[str] = set()


def misread_today(forms: tuple[str, ...] | list[str]) -> bool:
    """Whether a claim uses a form in MISREAD_TODAY."""
    return any(f in MISREAD_TODAY for f in forms)


_PICK = random.Random(0)
# Beside the ledger: for each claim id, the forms its quote exercises, the subject's true value,
# the interval its figure means and the days its period means (open ends as 0001-01-01/9999-12-31).
FORMS = "bench-forms.json"


def rng_pick(options: list[str]) -> str:
    return _PICK.choice(options)


def _years_back(p: date, n: int) -> date:
    try:
        return p.replace(year=p.year - n)
    except ValueError:
        return p.replace(year=p.year - n, day=28)


# ---------------------------------------------------------------------------------------------

FUTURE_VERBS = ["is expected to reach", "will reach", "is set to reach", "is expected to total", "will hit",
                "is set to top out at", "is to reach"]


def sentence(rng: random.Random, s: Subject, fig: Figure, when_text: str) -> tuple[str, str]:
    """(the source sentence, the quote: the verbatim part of it with the figure and the period)"""
    place = rng.choice(PLACES)
    lead = rng.choice(LEADS)
    tail = rng.choice(TAILS)
    core_fig = fig.text
    if s.kind in ("count", "bigcount", "vague", "fraction"):
        if s.future:
            done = s.verb[5:] if s.verb.startswith("were ") else "affected"
            # the quote holds the words that put the claim in the future
            core_fig = f"{core_fig} {rng.choice(['are expected to be', 'will be', 'are set to be'])} {done}"
            core = rng.choice([f"{core_fig} in {place} {when_text}", f"{when_text}, {core_fig} in {place}"])
        else:
            shape = rng.randrange(3)
            if shape == 0:
                core = f"{core_fig} {s.verb} in {place} {when_text}"
            elif shape == 1:
                core = f"{when_text}, {core_fig} {s.verb} in {place}"
            else:
                core = f"{core_fig} {s.verb} {when_text}"
        text = f"{lead} {core}{tail}."
    else:
        verb = rng.choice(FUTURE_VERBS) if s.future else rng.choice(
            ["stood at", "reached", "came to", "was put at", "was estimated at", "totalled", "was"])
        shape = rng.randrange(2)
        core = (f"{s.topic} in {place} {verb} {core_fig} {when_text}" if shape == 0
                else f"{when_text}, {s.topic} in {place} {verb} {core_fig}")
        text = f"{lead} {core}{tail}."
        if s.future:  # the quote holds the words that put the claim in the future
            core_fig = f"{verb} {core_fig}"
    start = min(text.index(core_fig), text.index(when_text))
    end = max(text.index(core_fig) + len(core_fig), text.index(when_text) + len(when_text))
    quote = text[start:end]
    if text[0].islower():
        text = text[0].upper() + text[1:]
    return text, quote


@dataclass
class Source:
    sid: str
    published: date
    outlet: str
    lines: list[str]
    via: str | None


def make_subjects(rng: random.Random, n_claims: int, shared: int) -> list[tuple[Subject, int]]:
    """Subjects and how many claims each has: one of `shared` claims, the rest of 1 to 12."""
    out: list[tuple[Subject, int]] = []
    left = n_claims
    k = 0

    def new(kind: str) -> Subject:
        nonlocal k
        k += 1
        sid = f"{kind}-{k}"
        noun, verb = rng.choice(COUNT_TOPICS)
        day = date(2022, 3, 1) + timedelta(days=rng.randrange(0, 1150))
        if rng.random() < 0.03:
            day = rng.choice([date(day.year, 12, 25), date(day.year, 12, 31), easter(day.year)])
        s = Subject(sid, kind, 0.0, noun=noun, verb=verb, day=day)
        if kind == "count":
            s.value = float(rng.choice([rng.randrange(120, 999), rng.randrange(1000, 99_999),
                                        rng.randrange(100_000, 999_999)]))
        elif kind == "bigcount":
            s.value = rng.randrange(12, 990) * 1e5
        elif kind == "money":
            s.currency = rng.choice(list(CURRENCIES))
            s.value = round(rng.uniform(1.0, 999.0), 1) * rng.choice([1e6, 1e9, 1e12])
            if s.currency == "INR" and rng.random() < 0.5:
                s.value = rng.randrange(100, 9999) * 1e7
            s.topic = rng.choice(MONEY_TOPICS)
        elif kind == "rate":
            s.value = round(rng.uniform(2.0, 95.0), 1)
            s.topic = rng.choice(RATE_TOPICS)
        elif kind == "points":
            s.value = rng.choice([0.25, 0.5, 0.75, 1.25, 0.1])
            s.topic = "the central bank's rate rise"
            s.kind = "points"
        elif kind == "change":
            s.value = -round(rng.uniform(1.0, 15.0), 1)
            s.topic = "growth in " + rng.choice(CHANGE_TOPICS)
        elif kind == "vague":
            s.value = float(rng.choice([50, 400, 4000]))
        elif kind == "fraction":
            s.value = rng.choice([0.5, 2 / 3])
            s.noun = rng.choice(["members", "delegates", "households", "shareholders"])
        s.future = kind in ("count", "money", "rate") and rng.random() < 0.08
        if s.future:
            s.day = date(2025, 7, 1) + timedelta(days=rng.randrange(0, 400))
        return s

    big = new("count")
    big.value = 14_250.0
    big.sid = "shared"
    out.append((big, shared))
    left -= shared
    kinds = ["count"] * 5 + ["bigcount"] * 2 + ["money"] * 4 + ["rate"] * 2 + ["points", "change"]
    while left > 0:
        kind = rng.choice(kinds)
        if rng.random() < 0.02:
            kind = rng.choice(["vague", "fraction"])
        size = 1 if kind in ("vague", "fraction") else min(left, rng.randint(1, 12))
        out.append((new(kind), size))
        left -= size
    return out


def claim_units(rng: random.Random, s: Subject) -> str | None:
    if rng.random() < 0.4:
        return None
    if s.kind in ("count", "bigcount"):
        return s.noun
    if s.kind == "money":
        return rng.choice([s.currency, s.currency])
    if s.kind in ("rate", "change"):
        return rng.choice(["%", "percent"])
    if s.kind == "points":
        return "percentage points"
    return None


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def generate_varied(out: Path, n_claims: int, n_sources: int, shared: int = 1000, seed: int = 7,
                    draft_lines: int | None = None, forms_known: bool = False) -> Counter[str]:
    """Write the varied story to out; return how many claims use each form. With forms_known,
    leave out the forms in MISREAD_TODAY."""
    rng = random.Random(seed)
    _PICK.seed(seed)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    story_day = date(2025, 6, 30)
    days = sorted(date(2022, 6, 1) + timedelta(days=rng.randrange(0, (story_day - date(2022, 6, 1)).days))
                  for _ in range(n_sources))
    sources = [Source(f"s{i}-{OUTLETS[i % len(OUTLETS)].lower().replace(' ', '-')}", days[i],
                      OUTLETS[i % len(OUTLETS)], [], rng.choice(VIA) if rng.random() < 0.3 else None)
               for i in range(n_sources)]
    used: Counter[str] = Counter()
    forms: dict[str, object] = {}
    claims: list[str] = []
    draft: list[str] = []
    n = 0
    # Twice the subjects needed: with forms_known some cannot be written and are skipped.
    for s, size in make_subjects(rng, 2 * n_claims, shared):
        if n >= n_claims:
            break
        for _ in range(min(size, n_claims - n)):
            fig = None
            for _ in range(1000):
                fig = number_forms(rng, s)
                if fig is not None and not (forms_known and misread_today(fig.forms)):
                    break
            else:
                continue  # forms_known and every form of this subject is misread today
            # candidate sources: any after the day, some close after it, some at set distances
            lo = bisect.bisect_left(days, s.day)
            if s.future:
                pool = list(range(max(0, bisect.bisect_left(days, s.day - timedelta(400))), lo))
                if not pool:
                    pool = [0]
                cands = [rng.choice(pool) for _ in range(3)] + pool[-3:]
            else:
                if lo >= n_sources:
                    lo = n_sources - 1
                near = bisect.bisect_right(days, s.day + timedelta(days=40))
                cands = [rng.randrange(lo, n_sources) for _ in range(3)]
                cands += [rng.randrange(lo, max(lo + 1, near)) for _ in range(3)]
                for gap in (timedelta(21), timedelta(days=730)):
                    j = bisect.bisect_left(days, s.day + gap)
                    if j < n_sources and days[j] == s.day + gap:
                        cands.append(j)
            if not s.future:
                cands = [j for j in cands if days[j] >= s.day]
            options = []
            for j in cands:
                for item in period_forms(s.day, days[j], s.future):
                    if forms_known and item[4] in MISREAD_TODAY:
                        continue
                    options.append((used[item[4]] + rng.random(), j, item))
            if not options:
                y = s.day.year
                options = [(0.0, lo, (f"in {y}", str(y), date(y, 1, 1), date(y, 12, 31), "year"))]
            _, j, (when_text, when, plo, phi, pform) = min(options)
            src = sources[j]
            used[pform] += 1
            used.update(fig.forms)
            forms[f"c{n}"] = {"forms": [pform, *fig.forms], "value": s.value, "interval": fig.interval,
                              "days": [plo.isoformat(), phi.isoformat()], "future": s.future}
            text, quote = sentence(rng, s, fig, when_text)
            src.lines.append(text)
            unit = claim_units(rng, s)
            if unit == "residents" and rng.random() < 0.3:
                unit = "inhabitants"  # a [units] synonym
            lines = ["[[claim]]", f'id = "c{n}"', f"subject = {toml_str(s.sid)}", f'source = "{src.sid}"',
                     f"quote = {toml_str(quote)}"]
            has_amount = rng.random() < 0.85 or s.kind in ("vague", "fraction")
            if has_amount:
                lines.append(f"amount = {toml_str(fig.amount)}")
            if unit:
                lines.append(f"unit = {toml_str(unit)}")
            if rng.random() < 0.9:
                lines.append(f"when = {toml_str(when)}")
            if src.via and rng.random() < 0.5:
                lines.append(f"via = {toml_str(src.via)}")
            claims.append("\n".join(lines) + "\n")
            if rng.random() < 0.3 and plo != DAY0 and phi != DAY_INF:
                line = draft_line(rng, s, fig, plo, phi)
                # The draft restates a figure only from a claim that records one (SPEC section 4:
                # a claim with a `when` and no `amount` asserts a date, and backs no figure).
                if has_amount or not claims[-1].count("\nwhen = "):
                    draft.append(line)
            n += 1
    for src in sources:
        body: list[str] = []
        for line in src.lines:
            body.extend(rng.choice(FILLER) for _ in range(rng.choice([0, 0, 1, 2, 5])))
            body.append(line)
        body.extend(rng.choice(FILLER) for _ in range(rng.choice([0, 3, 10, 40, 120])))
        paras, i = [], 0
        while i < len(body):
            step = rng.randint(1, 4)
            paras.append(" ".join(body[i:i + step]))
            i += step
        front = [f"title = {toml_str(src.outlet + ' report')}", f'outlet = "{src.outlet}"',
                 f"published = {src.published.isoformat()}", f'url = "https://bench.example/{src.sid}"']
        if src.via:
            front.append(f'via = ["{src.via}"]')
        (out / "sources" / f"{src.sid}.md").write_text("+++\n" + "\n".join(front) + "\n+++\n" + "\n\n".join(paras)
                                                      + "\n", encoding="utf-8")
    head = (f'[story]\ntitle = "Benchmark story, varied"\npublished = {story_day.isoformat()}\n\n'
            '[units]\nresidents = ["inhabitants", "people living there"]\n\n')
    (out / "claims.toml").write_text(head + "\n".join(claims), encoding="utf-8")
    target = draft_lines if draft_lines is not None else max(10, n_claims * 3 // 10)
    body = []
    for line in draft:
        body.append(line)
        body.append("")
        if rng.random() < 0.4:
            q = rng.choice(FILLER).rstrip(".")
            body.append(f"As one account put it, \u201c{q[0].lower() + q[1:]}.\u201d")
            body.append("")
    while len(body) < target:
        body.append(rng.choice(FILLER))
        body.append("")
    (out / "draft.md").write_text("# Benchmark story\n\n" + "\n".join(body[:target]) + "\n", encoding="utf-8")
    (out / FORMS).write_text(json.dumps(forms, ensure_ascii=False), encoding="utf-8")
    return used


def draft_line(rng: random.Random, s: Subject, fig: Figure, lo: date, hi: date) -> str:
    """A draft sentence restating a claim: its figure as the claim words it, and a period that
    holds the claim's, anchored to the story's date when relative."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        when = f"in {MONTHS[lo.month - 1]} {lo.year}"
    elif lo.year == hi.year:
        when = "last year" if lo.year == 2024 else f"in {lo.year}"
    else:
        when = ""
    who = s.topic or f"the count of {s.noun}"
    verb = "will be" if s.future else rng.choice(["was", "stood at", "was put at"])
    if s.kind in ("count", "bigcount", "vague", "fraction"):
        return f"{rng.choice(['By one account', 'Officials say', 'Records show'])}, {fig.text} " \
               f"{s.verb} {when}".rstrip() + "."
    return f"{who[0].upper() + who[1:]} {verb} {fig.text} {when}".rstrip() + "."
