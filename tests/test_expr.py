"""The relation language: parsed by recursive descent into a tree, never evaluated as code."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.expr import (
    BinOp,
    ExprError,
    Num,
    Ref,
    When,
    Year,
    evaluate,
    parse_relation,
    render,
)
from factcheck.intervals import Interval


def test_ids_with_dashes_and_spaced_operators() -> None:
    c = parse_relation("troops-total = troops-batch-1 + troops-batch-2")
    assert c.op == "="
    assert c.left == Ref("troops-total", 1)
    assert isinstance(c.right, BinOp) and c.right.op == "+"
    assert c.ids() == ["troops-total", "troops-batch-1", "troops-batch-2"]


def test_precedence_and_parentheses() -> None:
    c = parse_relation("share = part / total * 100")
    assert render(c.right) == "((part / total) * 100)"
    c2 = parse_relation("x = a * ( b + c )")
    assert render(c2.right) == "(a * (b + c))"


def test_periods_and_years() -> None:
    c = parse_relation("when(treaty) < when(deploy)")
    assert c.is_temporal and c.left == When("treaty", 6)
    y = parse_relation("79 = year(when(parade)) - year(when(victory))")
    assert isinstance(y.right, BinOp) and isinstance(y.right.left, Year)


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("a = b +c", "'+c' is neither an id nor an operator", 7),
        ("a = ( b + c", "expected ')', found the end", 12),
        ("a + b", "expected a comparison", 6),
        ("= b", "expected a claim id, a number or '('", 1),
        ("a = b c", "unexpected 'c' after the relation", 7),
        ("__import__('os') = 1", "''os'' is neither an id nor an operator", 12),
        ("", "the relation is empty", 1),
    ],
)
def test_errors_point_at_the_column(text: str, message: str, column: int) -> None:
    with pytest.raises(ExprError, match=re.escape(message)) as e:
        parse_relation(text)
    assert e.value.column == column


def test_deep_nesting_is_refused_not_a_crash() -> None:
    text = "a = " + "( " * 500 + "b" + " )" * 500
    with pytest.raises(ExprError, match="nests deeper"):
        parse_relation(text)


def test_evaluate_over_intervals() -> None:
    c = parse_relation("share = part / total * 100")
    amounts = {"part": Interval.point(12), "total": Interval.closed(90, 110)}
    got = evaluate(c.right, amounts.__getitem__, lambda i: (date(2024, 1, 1), date(2024, 1, 1)))
    assert got.lo < Decimal("10.92") and got.hi > Decimal("13.33")


IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 3 or draw(st.booleans()):
        return draw(st.one_of(IDS, st.integers(0, 10**6).map(str)))
    op = draw(st.sampled_from(["+", "-", "*", "/"]))
    return f"( {draw(expressions(depth + 1))} {op} {draw(expressions(depth + 1))} )"


@given(expressions(), st.sampled_from(["=", "<", ">", "<=", ">="]), expressions())
def test_render_parses_back_to_the_same_tree(left: str, op: str, right: str) -> None:
    c = parse_relation(f"{left} {op} {right}")
    again = parse_relation(f"{render(c.left)} {op} {render(c.right)}")
    assert render(again.left) == render(c.left) and render(again.right) == render(c.right)


@given(st.text(max_size=120))
def test_arbitrary_text_parses_or_raises_expr_error(text: str) -> None:
    try:
        parse_relation(text)
    except ExprError as e:
        assert e.column >= 1


def test_numbers_with_separators() -> None:
    c = parse_relation("total = 10,900 + 3,000")
    assert isinstance(c.right, BinOp) and c.right.left == Num(Decimal(10900), "10,900")


def test_long_expressions_are_refused_not_a_crash() -> None:
    with pytest.raises(ExprError, match="more than 200 terms"):
        parse_relation("a = " + " + ".join(["b"] * 300))


def test_pct_change_is_the_change_in_percent() -> None:
    """'rose 21.8% from C$51.6 million to C$58.2 million' is really 12.8%."""
    from factcheck.expr import evaluate, parse_relation, point_value
    from factcheck.figures import parse_amount

    amounts = {"new": parse_amount("C$58.2 million"), "old": parse_amount("C$51.6 million")}
    rel = parse_relation("growth = pct_change(new, old)")
    assert rel.ids() == ["growth", "new", "old"]
    iv = evaluate(rel.right, lambda i: amounts[i].interval, lambda i: (None, None))
    assert iv.overlaps(parse_amount("12.8%").interval)
    assert not iv.overlaps(parse_amount("21.8%").interval)
    point = point_value(rel.right, lambda i: amounts[i].value, lambda i: (None, None))
    assert round(point, 2) == Decimal("12.79")


@pytest.mark.parametrize(("text", "message"), [
    ("x = pct_change(a b)", "expected ',' between pct_change's new and old figures"),
    ("x = pct_change(a, b", "expected ')' to close pct_change("),
])
def test_pct_change_errors_name_the_column(text: str, message: str) -> None:
    from factcheck.expr import ExprError, parse_relation

    with pytest.raises(ExprError, match=re.escape(message)):
        parse_relation(text)


def test_a_comma_inside_a_number_is_not_an_argument_separator() -> None:
    from factcheck.expr import parse_relation, render

    assert render(parse_relation("x = pct_change(a, 1,000)").right) == "pct_change(a, 1,000)"
