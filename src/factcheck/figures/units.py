"""Units: what a figure counts. A currency, a percentage, percentage points, or a counted noun.

A unit is kept as text (an `Amount.unit` is a `str`, so code comparing it with "%" keeps working);
`Unit.kind` and `kind_of` say which of the four it is, in place of guessing from letter case.
Currencies are ISO codes ("USD", "AUD"), percent is "%", percentage points are "pp"; a counted
noun is the word as written ("soldiers").
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from functools import lru_cache

from factcheck.lexicon import (
    BASIS_POINT_WORDS,
    CURRENCY_CODES,
    CURRENCY_NAMES,
    CURRENCY_PREFIX_WORDS,
    CURRENCY_SIGNS,
    DOLLAR,
    PERCENT_WORDS,
    POINT_WORDS,
)

PERCENT = "%"
POINTS = "pp"
_CODES_UPPER = frozenset(c.upper() for c in CURRENCY_CODES) | frozenset(
    v for v in CURRENCY_SIGNS.values() if v != DOLLAR)


class UnitKind(str, Enum):
    COUNT = "count"  # a counted noun: soldiers, homes
    CURRENCY = "currency"
    PERCENT = "percent"
    POINTS = "percentage points"

    @property
    def symbolic(self) -> bool:
        """A currency, a percentage or points: a unit the figure itself names, not a noun."""
        return self is not UnitKind.COUNT


def kind_of(unit: str | None) -> UnitKind | None:
    """The kind of a unit as stored on an Amount or written in a ledger's `unit`."""
    if unit is None or not unit.strip():
        return None
    key = unit_key(unit)
    if key == PERCENT:
        return UnitKind.PERCENT
    if key == POINTS:
        return UnitKind.POINTS
    if key in _CODES_UPPER:
        return UnitKind.CURRENCY
    return UnitKind.COUNT


def is_symbolic(unit: str | None) -> bool:
    """A currency, % or percentage points (the `isupper() and len == 3` guess, done properly)."""
    k = kind_of(unit)
    return k is not None and k.symbolic


class Unit(str):
    """A unit as text, with its kind."""

    __slots__ = ()

    @property
    def kind(self) -> UnitKind:
        return kind_of(self) or UnitKind.COUNT


def currency_code(word: str, dollar: str = "USD") -> str | None:
    """'€' -> 'EUR', 'australian dollars' -> 'AUD', '$' -> the story's dollar, 'usd' -> 'USD'."""
    w = word.strip().lower()
    code = CURRENCY_SIGNS.get(w) or CURRENCY_NAMES.get(w) or CURRENCY_PREFIX_WORDS.get(w.rstrip("."))
    if code is None and w in CURRENCY_CODES:
        code = w.upper()
    if code == DOLLAR:
        return dollar.upper()
    return code


@lru_cache(maxsize=4096)
def unit_key(word: str) -> str:
    """A comparison key: case-folded, singular, currencies as codes, '%' and 'pp'."""
    w = " ".join(word.strip().lower().split())
    code = currency_code(w)
    if code is not None:
        return code
    if w in PERCENT_WORDS:
        return PERCENT
    if w in POINT_WORDS or w in BASIS_POINT_WORDS:
        return POINTS
    return " ".join(_singular(p) for p in w.split())


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("es") and w[:-2].endswith(("x", "z", "ch", "sh", "ss")):
        return w[:-2]
    if len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


class UnitTable:
    """Names of the same unit: singular and plural alike, plus the ledger's `[units]` synonyms.

    `conflicts` lists each word that two `[units]` groups claim (SPEC: an error in the ledger);
    such a word keeps the group that named it first."""

    def __init__(self, synonyms: Mapping[str, list[str]] | None = None, dollar: str = "USD") -> None:
        self._head: dict[str, str] = {}
        self._keys: dict[str | None, str | None] = {None: None}
        self.dollar = dollar.upper()
        self.conflicts: list[tuple[str, str, str]] = []  # (word, first group, second group)
        owner: dict[str, str] = {}
        for head, words in (synonyms or {}).items():
            hk = unit_key(head)
            for w in [head, *words]:
                wk = unit_key(w)
                if wk in owner and owner[wk] != head:
                    self.conflicts.append((w, owner[wk], head))
                    continue
                owner[wk] = head
                self._head[wk] = hk

    def key(self, unit: str | None) -> str | None:
        try:
            return self._keys[unit]
        except KeyError:
            pass
        k: str | None = None
        if unit is not None and unit.strip():
            w = " ".join(unit.strip().lower().split())
            k = self.dollar if DOLLAR in (CURRENCY_SIGNS.get(w), CURRENCY_NAMES.get(w)) else unit_key(unit)
            k = self._head.get(k, k)
        self._keys[unit] = k
        return k

    def same(self, a: str | None, b: str | None) -> bool:
        return self.key(a) == self.key(b)

    def words_for(self, unit: str) -> set[str]:
        """Every key that names the same unit as `unit`."""
        k = self.key(unit)
        return {w for w, h in self._head.items() if h == k} | {k or ""}

    def synonyms(self, a: str | None, b: str | None) -> bool:
        """Two different words the `[units]` table makes one unit."""
        return a is not None and b is not None and unit_key(a) != unit_key(b) and self.same(a, b)
