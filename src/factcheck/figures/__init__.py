"""Figures as reporters write them: "approximately 14,000", "nine million", "C$16.4m", "two-thirds".

The package reads text into :class:`Amount` values (an interval, a hedge and a unit): `tokens`
splits a text once, `numbers` reads digits and number words, `grammar` reads hedges, signs,
ranges, currencies and the counted noun, `units` compares units. The words it knows live in
:mod:`factcheck.lexicon`. Nothing here knows about claims, rules or files.
"""

from factcheck.figures.grammar import (
    DEFAULT_TOLERANCE,
    Amount,
    AmountError,
    ReadOptions,
    counted_noun,
    find_amounts,
    parse_amount,
)
from factcheck.figures.tokens import Token, tokenize
from factcheck.figures.units import PERCENT, POINTS, Unit, UnitKind, UnitTable, is_symbolic, kind_of, unit_key
from factcheck.lexicon import Hedge

__all__ = [
    "DEFAULT_TOLERANCE", "PERCENT", "POINTS", "Amount", "AmountError", "Hedge", "ReadOptions", "Token", "Unit",
    "UnitKind", "UnitTable", "counted_noun", "find_amounts", "is_symbolic", "kind_of", "parse_amount",
    "tokenize", "unit_key",
]
