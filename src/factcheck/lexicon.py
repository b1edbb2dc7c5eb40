"""Every word the figure reader knows, each in exactly one class.

A word's class decides what the reader does with it: a hedge bends a figure's interval, a number
word is a figure, a scale multiplies it, a currency or percent word is its unit, a verb or a stop
word ends the noun a figure counts, a time word makes "4 p.m." a time of day rather than a figure.
`tests/test_lexicon.py` holds every class apart: a word in two classes ("won", a verb and a
currency) would be read two ways. Adding a word is a one-line change here.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum


class Hedge(str, Enum):
    """How a hedge word bends the interval around the stated figure (SPEC section 3)."""

    EXACT = "exact"  # none, "exactly"
    APPROX = "approx"  # about, around: [v(1-t), v(1+t)], never narrower than the rounding interval
    NEARLY = "nearly"  # nearly, almost: [v(1-t), v]
    OVER = "over"  # over, more than: (v, inf)
    AT_LEAST = "at_least"  # at least, v or more: [v, inf)
    PASSED = "passed"  # passed, crossed: [v, inf), for "passed 60,000" (more than) and "passed 3 bills" (exactly)
    UP_TO = "up_to"  # as many as, up to: [0, v]
    UNDER = "under"  # under, fewer than: [0, v)
    RANGE = "range"  # between a and b
    VAGUE = "vague"  # dozens, hundreds, thousands

    @property
    def direction(self) -> int:
        """+1 for a floor ("over"), -1 for a ceiling ("as many as"), 0 otherwise."""
        if self in (Hedge.OVER, Hedge.AT_LEAST):
            return 1
        if self in (Hedge.UP_TO, Hedge.UNDER, Hedge.NEARLY):
            return -1
        return 0


# -- hedges ---------------------------------------------------------------------------------------
# Before the figure. Matched longest first, so "more than" wins over a bare "more".
HEDGES: dict[str, Hedge] = {
    "approximately": Hedge.APPROX, "approx": Hedge.APPROX, "about": Hedge.APPROX,
    "around": Hedge.APPROX, "roughly": Hedge.APPROX, "some": Hedge.APPROX,
    "an estimated": Hedge.APPROX, "estimated": Hedge.APPROX, "circa": Hedge.APPROX, "ca": Hedge.APPROX,
    "nearly": Hedge.NEARLY, "almost": Hedge.NEARLY, "close to": Hedge.NEARLY, "just under": Hedge.NEARLY,
    "just shy of": Hedge.NEARLY,
    "over": Hedge.OVER, "more than": Hedge.OVER, "above": Hedge.OVER, "exceeding": Hedge.OVER,
    "just over": Hedge.OVER, "greater than": Hedge.OVER, "upwards of": Hedge.OVER, "upward of": Hedge.OVER,
    "in excess of": Hedge.OVER, "well over": Hedge.OVER, "well above": Hedge.OVER,
    "topped": Hedge.OVER, "tops": Hedge.OVER, "exceeded": Hedge.OVER, "exceeds": Hedge.OVER,
    "surpassed": Hedge.OVER, "surpasses": Hedge.OVER,
    # A verb that says either "went beyond" ("the toll passed 60,000") or counts exactly ("the Senate
    # passed 3 bills"): read as at least the figure, which both readings satisfy.
    "passed": Hedge.PASSED, "passes": Hedge.PASSED, "crossed": Hedge.PASSED, "crosses": Hedge.PASSED,
    "could reach": Hedge.UP_TO, "may reach": Hedge.UP_TO, "might reach": Hedge.UP_TO,
    "could hit": Hedge.UP_TO, "may hit": Hedge.UP_TO, "might hit": Hedge.UP_TO,
    "could top": Hedge.OVER, "will top": Hedge.OVER, "would top": Hedge.OVER, "may top": Hedge.OVER,
    "might top": Hedge.OVER, "to top": Hedge.OVER, "could exceed": Hedge.OVER, "will exceed": Hedge.OVER,
    "to exceed": Hedge.OVER, "could surpass": Hedge.OVER, "to surpass": Hedge.OVER,
    "at least": Hedge.AT_LEAST, "no fewer than": Hedge.AT_LEAST, "no less than": Hedge.AT_LEAST,
    "a minimum of": Hedge.AT_LEAST,
    "as many as": Hedge.UP_TO, "as much as": Hedge.UP_TO, "up to": Hedge.UP_TO, "at most": Hedge.UP_TO,
    "no more than": Hedge.UP_TO, "a maximum of": Hedge.UP_TO, "not more than": Hedge.UP_TO,
    "under": Hedge.UNDER, "less than": Hedge.UNDER, "fewer than": Hedge.UNDER, "below": Hedge.UNDER,
    "fell short of": Hedge.UNDER, "falls short of": Hedge.UNDER, "fall short of": Hedge.UNDER,
    "fallen short of": Hedge.UNDER, "just short of": Hedge.NEARLY,
    "exactly": Hedge.EXACT, "precisely": Hedge.EXACT,
}  # fmt: skip
# After the figure: "500 or more".
POSTFIX_HEDGES: dict[str, Hedge] = {
    "or more": Hedge.AT_LEAST, "or above": Hedge.AT_LEAST, "or over": Hedge.AT_LEAST,
    "or higher": Hedge.AT_LEAST, "and over": Hedge.AT_LEAST, "and above": Hedge.AT_LEAST,
    "or fewer": Hedge.UP_TO, "or less": Hedge.UP_TO, "or below": Hedge.UP_TO, "or under": Hedge.UP_TO,
    "or lower": Hedge.UP_TO,
}  # fmt: skip
# The canonical spelling of a postfix hedge, as a prefix ("500 or more" describes as "at least 500").
POSTFIX_AS_PREFIX = {Hedge.AT_LEAST: "at least", Hedge.UP_TO: "at most"}

# -- numbers --------------------------------------------------------------------------------------
ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
HUNDRED = {"hundred": 100}
DOZEN = {"dozen": 12}
# Fractions in words, read as shares (percent): "two-thirds", "a third of", "half the".
FRACTIONS: dict[str, Decimal] = {
    "half": Decimal(2), "halves": Decimal(2), "third": Decimal(3), "thirds": Decimal(3),
    "quarter": Decimal(4), "quarters": Decimal(4), "fifth": Decimal(5), "fifths": Decimal(5),
    "tenth": Decimal(10), "tenths": Decimal(10),
}  # fmt: skip

# -- scales ---------------------------------------------------------------------------------------
# Written as words after the figure ("9 million", "10 bln", "Rs 4,500 crore").
SCALE_WORDS: dict[str, Decimal] = {
    "thousand": Decimal(10**3), "million": Decimal(10**6), "billion": Decimal(10**9),
    "trillion": Decimal(10**12), "mn": Decimal(10**6), "mln": Decimal(10**6), "bn": Decimal(10**9),
    "bln": Decimal(10**9), "tn": Decimal(10**12), "trn": Decimal(10**12),
    "lakh": Decimal(10**5), "lakhs": Decimal(10**5), "crore": Decimal(10**7), "crores": Decimal(10**7),
}  # fmt: skip
# Only stuck to the digits ("3bn", "€40m", "10k"): "10 m" is ten metres, not ten million.
SCALE_SUFFIXES: dict[str, Decimal] = {
    "k": Decimal(10**3), "m": Decimal(10**6), "mn": Decimal(10**6), "mln": Decimal(10**6),
    "b": Decimal(10**9), "bn": Decimal(10**9), "bln": Decimal(10**9), "tn": Decimal(10**12),
    "trn": Decimal(10**12),
}  # fmt: skip
# How a scale is spelt when a figure is described again.
SCALE_NAMES = {Decimal(10**3): "thousand", Decimal(10**6): "million", Decimal(10**9): "billion",
               Decimal(10**12): "trillion", Decimal(10**5): "lakh", Decimal(10**7): "crore"}
# Vague counts: "dozens of" is at least two dozen and fewer than a hundred, and so on.
# "a couple of" and "several" are small counts; before "hundred" or a scale word they multiply it
# ("several hundred" is at least 300 and fewer than 1,000).
VAGUE: dict[tuple[str, ...], tuple[Decimal, Decimal]] = {
    ("a", "couple", "of"): (Decimal(2), Decimal(4)),
    ("several",): (Decimal(3), Decimal(10)),
    ("dozens",): (Decimal(24), Decimal(100)),
    ("hundreds",): (Decimal(200), Decimal(1000)),
    ("thousands",): (Decimal(2000), Decimal(10000)),
    ("tens", "of", "thousands"): (Decimal(20000), Decimal(100000)),
    ("hundreds", "of", "thousands"): (Decimal(200000), Decimal(10**6)),
    ("millions",): (Decimal(2 * 10**6), Decimal(10**7)),
    ("tens", "of", "millions"): (Decimal(2 * 10**7), Decimal(10**8)),
    ("billions",): (Decimal(2 * 10**9), Decimal(10**10)),
}

# -- currencies -----------------------------------------------------------------------------------
# A bare "$" (and "dollars") is the story's dollar: USD unless `[settings] dollar` says otherwise.
DOLLAR = "$"
CURRENCY_SIGNS: dict[str, str] = {
    "$": DOLLAR, "us$": "USD", "u.s.$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "mx$": "MXN", "nt$": "TWD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "₽": "RUB", "₴": "UAH", "₺": "TRY",
}  # fmt: skip
# Written before the figure as a word: "Rs 4,500 crore", "Rs. 500", "USD 3m".
CURRENCY_PREFIX_WORDS: dict[str, str] = {"rs": "INR"}
CURRENCY_CODES = frozenset({
    "usd", "eur", "gbp", "krw", "jpy", "cny", "rmb", "rub", "uah", "chf", "cad", "aud", "inr", "hkd",
    "nzd", "sgd", "brl", "mxn", "twd", "try", "zar", "sek", "nok", "dkk", "pln",
})  # fmt: skip
# Names after the figure, longest first when matched ("Australian dollars" before "dollars").
CURRENCY_NAMES: dict[str, str] = {
    "dollars": DOLLAR, "dollar": DOLLAR, "us dollars": "USD", "us dollar": "USD",
    "american dollars": "USD", "american dollar": "USD", "canadian dollars": "CAD", "canadian dollar": "CAD",
    "australian dollars": "AUD", "australian dollar": "AUD", "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD", "singapore dollars": "SGD", "singapore dollar": "SGD",
    "taiwan dollars": "TWD", "taiwan dollar": "TWD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
    "pounds sterling": "GBP", "pound sterling": "GBP", "sterling": "GBP", "yen": "JPY", "won": "KRW", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "rubles": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rouble": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "swiss francs": "CHF", "swiss franc": "CHF",
    "francs": "CHF", "franc": "CHF", "reais": "BRL", "pesos": "MXN", "peso": "MXN", "lira": "TRY", "liras": "TRY",
    "rand": "ZAR",
}  # fmt: skip
# The singular of every name is here too, for a figure used as an adjective: "a 25 billion peso bill",
# "a 5 million euro fund". Not "real" (the Brazilian real): "12 real problems" is no money.
# After the figure, a hundredth of a currency: "25 cents" is $0.25 in the story's dollar, "50 pence"
# is £0.50. (Not a glued "p": "1080p" and "17p" are not money.)
CURRENCY_HUNDREDTHS: dict[str, str] = {"cents": DOLLAR, "cent": DOLLAR, "pence": "gbp", "penny": "gbp"}
# How a currency is written when a figure is described again.
SIGN_FOR_CODE = {"USD": "$", "EUR": "€", "GBP": "£", "KRW": "₩", "JPY": "¥", "INR": "₹", "CAD": "C$",
                 "AUD": "A$", "HKD": "HK$", "NZD": "NZ$", "SGD": "S$"}

# -- percent and points ---------------------------------------------------------------------------
PERCENT_WORDS = frozenset({"percent", "per cent", "pct", "%", "percentage"})
POINT_WORDS = frozenset({"percentage points", "percentage point", "points", "point", "pp", "ppt", "pts"})
BASIS_POINT_WORDS = frozenset({"basis points", "basis point", "bps", "bp"})

# -- not figures ----------------------------------------------------------------------------------
# After a number, these make it a time of day: "4 p.m.", "0417 GMT", "9 o'clock".
CLOCK_WORDS = frozenset({"am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "est", "edt", "pst",
                         "kst", "hrs", "o'clock", "oclock"})
# Units of time: "over three years" after a figure is its duration, not a hedge.
TIME_UNITS = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
                        "weeks", "month", "months", "year", "years", "decade", "decades"})
# "three weeks later": a span of time in passing, not a figure to back.
TIME_RELATIVES = frozenset({"later", "earlier", "ago", "afterwards", "before", "after", "beforehand"})
# Before a number, these make it a label: "page 12", "No. 5", "Resolution 2231".
LABELS = frozenset({"page", "p", "chapter", "section", "article", "paragraph", "para", "item", "clause",
                    "no", "nos", "number", "resolution", "flight", "route", "highway", "room", "platform",
                    "gate", "channel", "episode", "vol", "volume", "figure", "fig", "table", "lot",
                    "unit", "apt", "suite", "block", "district", "division", "squad", "grade", "level",
                    "phase", "stage", "round"})
# Before a figure, a sign in words: "minus 3".
SIGN_WORDS = frozenset({"minus", "negative"})
# Before a figure, these deny it: "not 120 as first reported".
NEGATIONS: dict[str, int] = {"not": 1, "rather than": 2, "instead of": 2, "never": 1}

# -- the noun a figure counts ---------------------------------------------------------------------
# Words that end the counted noun; a figure followed by one of these counts nothing named.
STOP_WORDS = frozenset({
    "the", "an", "in", "on", "at", "by", "for", "with", "than", "that", "which", "who", "whom",
    "whose", "were", "was", "are", "is", "have", "has", "had", "be", "been", "being", "as", "into",
    "onto", "per", "each", "it", "its", "them", "they", "their", "those", "these", "this", "we",
    "our", "you", "he", "she", "his", "her", "him", "me", "my", "us", "if", "but", "so", "yet",
    "because", "while", "when", "where", "since", "until", "against", "through", "toward",
    "towards", "during", "among", "amid", "via", "like", "including", "compared", "versus", "vs",
    "all", "both", "either", "neither", "nor", "only", "just", "even", "still", "then", "there",
    "here", "more", "less", "fewer", "worth", "apiece", "respectively", "year-on-year", "last", "next",
    "dead", "homeless", "alive", "total", "altogether", "overall", "combined", "annually", "every",
    "overnight", "today", "yesterday", "tomorrow", "tonight", "daily", "weekly", "monthly", "yearly",
    "now", "again", "already", "abroad", "nationwide", "worldwide", "too", "instead",
})  # fmt: skip
# Words the grammar reads between figures: "between 10 and 12", "from 200 to 300", "a hundred".
CONNECTIVES = frozenset({"a", "and", "or", "to", "of", "between", "from"})
# Verbs right after a figure: "600 died", "40 said" count nothing named.
VERBS = frozenset({
    "said", "say", "says", "left", "died", "die", "dies", "fled", "came", "lost", "saw", "remain", "remained", "remains", "will",
    "would", "could", "can", "may", "might", "must", "should", "shall", "also", "sent", "got",
    "made", "took", "gave", "told", "did", "do", "does", "became", "become", "stood", "stand",
    "stands", "held", "hold", "holds", "met", "meet", "paid", "spent", "built", "cost", "costs",
    "reached", "reach", "reaches", "arrived", "arrive", "arrives",
    "live", "lives", "lived", "work", "worked", "go", "goes", "gone", "ran", "run", "struck", "hit",
    "shook", "began", "broke", "brought", "caught", "fought", "found", "kept", "led", "put", "set",
    "sank", "spread", "swept", "threw", "tore", "felt", "heard", "sold", "bought", "beat", "drove",
    "flew", "wrote", "chose", "stole", "won't", "killed",
})  # fmt: skip
# Verbs of change: "rose from 5% to 7%" is two figures, not a range.
CHANGE_VERBS = frozenset({
    "rose", "risen", "rise", "rises", "fell", "fallen", "fall", "falls", "grew", "grown", "grow",
    "grows", "increased", "increase", "increases", "decreased", "decrease", "jumped", "climbed",
    "dropped", "declined", "surged", "soared", "plunged", "slipped", "slid", "edged", "went",
    "changed", "revised", "moved", "shifted", "widened", "narrowed", "cut", "raised", "lowered",
    "slashed", "up", "down", "doubled", "tripled", "halved",
})  # fmt: skip
# After a verb of change, what may open the thing changed: "raised the base fare from $2.25 to $2.50".
CHANGED_THING_OPENERS = frozenset({"the", "its", "their", "his", "her", "our", "this", "that", "a", "an"})
# A word ending so after a figure is a participle, not a noun ("600 killed"), unless a noun follows.
PARTICIPLE_ENDINGS = ("ed", "ing")

# -- contexts -------------------------------------------------------------------------------------
# Not classes of their own: words of the classes above that, next to a figure, change its reading.
# After a fraction in words, what makes it a share of something: "a third of", "half the".
SHARE_FOLLOWERS = frozenset({"of", "the", "its", "their", "his", "her", "our", "all"})
# Before "half" or "quarter", a part of a period or a thing: "the first half of 2023".
PART_NAMERS = frozenset({"first", "second", "third", "fourth", "last", "latter", "former", "other", "back", "front"})
# Before a number of time units after a figure, its duration: "$2bn over three years".
DURATION_LEADS = frozenset({"over", "across", "within", "in", "for"})
# Before a number of time units, a span of time: "the past 10 years", "the next three months".
SPAN_OPENERS = frozenset({"past", "last", "next", "first", "coming", "previous", "following", "final"})

# A number of 1800 to 2100 is a year in a date context ("in 2023", "the 2023 budget") and a figure
# after a hedge ("exactly 1801") or before the plural noun it counts ("1801 teachers"). Before
# the number, these keep it a year even then: "the 2022 elections", "its 2023 results".
YEAR_KEEPERS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those",
    "whose", "in", "on", "at", "since", "by", "before", "after", "until", "till", "through", "during",
    "fiscal", "year", "from", "early", "mid", "late", "summer", "winter", "spring", "autumn", "fall",
})  # fmt: skip
# After "3-1" (glued, no unit), what makes it a score or a ratio, not a range: "a 1-3 defeat".
SCORE_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw", "lead", "vote", "ratio", "margin",
                         "scoreline", "split", "majority", "decision", "ruling", "verdict", "series", "aggregate"})
# Before "3-1", what makes it a score whichever way it runs: "lost 0-2", "led 1-3".
SCORE_VERBS = frozenset({"won", "lost", "drew", "beat", "led", "trailed", "leads", "trails", "defeated", "edged",
                         "lose", "win", "beating", "winning", "losing", "trailing", "leading"})
# Before "of" and a year, these make "of" date it: "the first half of 2023 exports", not "a total of
# 1801 teachers".
PERIOD_OF = frozenset({
    "half", "quarter", "end", "start", "beginning", "middle", "rest", "spring", "summer", "autumn", "fall",
    "winter", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "course",
})  # fmt: skip
# Nouns a year dates rather than a number counts: "below 2019 levels", "2022 elections".
YEAR_NOUNS = frozenset({"levels", "figures", "prices", "rates", "values", "terms", "highs", "lows", "peaks",
                        "results", "elections", "accounts", "earnings", "returns", "standards", "olympics",
                        "games", "championships", "midterms", "polls", "budgets", "forecasts", "estimates"})
# Plural nouns that do not end in "s": "1801 people".
PLURALS = frozenset({"people", "children", "men", "women", "staff", "police", "personnel", "cattle", "sheep",
                     "troops", "crew", "livestock", "faculty", "clergy"})


def plural_noun(word: str) -> bool:
    """A word that reads as a plural noun: what a number of 1800 or more counts."""
    w = word.lower()
    if w in PLURALS:
        return True
    return (w not in YEAR_NOUNS and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
            and w not in _NOT_PLURAL)


# Words ending in "s" that are not plural nouns after a year: "2023 was", "2019 levels" is plural.
_NOT_PLURAL = frozenset({"was", "has", "does", "is", "as", "always", "perhaps", "whereas", "thus", "its", "this",
                         "plus", "minus", "towards", "afterwards", "besides", "unless", "across", "nevertheless"})

CLASSES: dict[str, frozenset[str]] = {
    "hedge": frozenset(HEDGES),
    "postfix hedge": frozenset(POSTFIX_HEDGES),
    "number": frozenset(ONES) | frozenset(TENS) | frozenset(HUNDRED) | frozenset(DOZEN),
    "fraction": frozenset(FRACTIONS),
    "scale": frozenset(SCALE_WORDS),
    "vague count": frozenset(k[0] for k in VAGUE if k[0] != "a") | {"couple"},  # "a" is a connective
    "currency": (frozenset(CURRENCY_NAMES) | CURRENCY_CODES | frozenset(CURRENCY_PREFIX_WORDS)
                 | frozenset(CURRENCY_HUNDREDTHS)),
    "percent": PERCENT_WORDS - {"%"},
    "points": POINT_WORDS,
    "basis points": BASIS_POINT_WORDS,
    "clock": CLOCK_WORDS,
    "time unit": TIME_UNITS,
    "time relative": TIME_RELATIVES,
    "label": LABELS,
    "negation": frozenset(NEGATIONS),
    "stop": STOP_WORDS,
    "connective": CONNECTIVES,
    "verb": VERBS,
    "change verb": CHANGE_VERBS,
    "sign": SIGN_WORDS,
}
"""Every class of single words and phrases, for the test that keeps them apart."""
