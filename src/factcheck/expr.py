"""The relation language of `[[relation]] expect = "..."`.

    relation := expr CMP expr                 CMP: = < > <= >=
    expr     := term (("+" | "-") term)*
    term     := unary (("*" | "/") unary)*
    unary    := "-" unary | atom
    atom     := NUMBER | ID | "when(" ID ")" | "year(" "when(" ID ")" ")" | "(" expr ")"
              | "pct_change(" expr "," expr ")"

Operators stand between spaces because ids may contain '-'. Text is tokenized and parsed by
recursive descent into a tree; nothing is ever handed to Python's eval. A bare id is a claim's
amount. ``year(when(id))`` is the years a claim's period spans, so anniversaries can be checked
(``79 = year(when(parade)) - year(when(victory))``). ``pct_change(new, old)`` is the change from
old to new in percent, ``(new / old - 1) * 100``, so "up 12%" can be checked
(``growth = pct_change(revenue-2024, revenue-2023)``).

``when(id)`` is a claim's period, and a period is not a number. It may stand in three places
only, checked when the relation is parsed (anything else is an ExprError at the `when`):

- alone on both sides of a comparison, ``when(a) < when(b)``: an order of periods (FC4xx);
- in ``when(b) - when(a)``, two periods subtracted: the days from a to b, a number like any other
  (``14 = when(power-restored) - when(landfall)``, ``when(b) - when(a) > 30``). Its interval runs
  from b's first day minus a's last day to b's last day minus a's first day, so the relation
  holds for any reading the two periods allow;
- inside ``year( )``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from factcheck.intervals import INF, NEG_INF, Interval

MAX_DEPTH = 64
MAX_TERMS = 200  # evaluation recurses over the tree; a relation is a line of arithmetic, not a program
COMPARATORS = ("<=", ">=", "=", "<", ">")


class ExprError(ValueError):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column  # 1-based position in the expression


PERIOD_USES = ("when(id) is a claim's period: compare it with another period (when(a) < when(b)), "
               "subtract one from another for the days between them (when(b) - when(a)), "
               "or take its year (year(when(id)))")


@dataclass(frozen=True)
class Num:
    """A figure in a relation."""

    value: Decimal
    text: str


@dataclass(frozen=True)
class Ref:
    """A claim id in a relation, standing for its amount."""

    id: str
    column: int


@dataclass(frozen=True)
class When:
    """when(id): a claim's period in a relation."""

    id: str
    column: int


@dataclass(frozen=True)
class Year:
    """year(id): the year of a claim's period."""

    inner: When


@dataclass(frozen=True)
class Neg:
    """A negated operand."""

    operand: Node


@dataclass(frozen=True)
class BinOp:
    """Two operands and an arithmetic operator."""

    op: str
    left: Node
    right: Node

    @property
    def is_days(self) -> bool:
        """when(b) - when(a): the days between two periods."""
        return self.op == "-" and isinstance(self.left, When) and isinstance(self.right, When)


@dataclass(frozen=True)
class PctChange:
    """pct_change(new, old): the change from old to new, in percent."""

    new: Node
    old: Node


Node = Num | Ref | When | Year | Neg | BinOp | PctChange


@dataclass(frozen=True)
class Comparison:
    """A whole relation: two sides and how they compare."""

    op: str
    left: Node
    right: Node
    text: str

    @property
    def is_temporal(self) -> bool:
        return isinstance(self.left, When) and isinstance(self.right, When)

    def ids(self) -> list[str]:
        out: list[str] = []
        _collect(self.left, out)
        _collect(self.right, out)
        return out


def _collect(n: Node, out: list[str]) -> None:
    if isinstance(n, (Ref, When)):
        if n.id not in out:
            out.append(n.id)
    elif isinstance(n, Year):
        _collect(n.inner, out)
    elif isinstance(n, Neg):
        _collect(n.operand, out)
    elif isinstance(n, PctChange):
        _collect(n.new, out)
        _collect(n.old, out)
    elif isinstance(n, BinOp):
        _collect(n.left, out)
        _collect(n.right, out)


_TOKEN = re.compile(
    r"\s+|(?P<fn>when|year|pct_change)\s*\(|(?P<lp>\()|(?P<rp>\))|(?P<word>(?:[^\s(),]|,(?=\d))+)|(?P<comma>,)")
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Tok:
    """A token of a relation, with its column for error messages."""

    kind: str  # fn | ( | ) | op | cmp | num | id | end
    text: str
    column: int


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:  # pragma: no cover - the pattern accepts every character
            raise ExprError(f"unexpected '{text[pos]}'", pos + 1)
        col = m.start() + 1
        if m["fn"]:
            out.append(Tok("fn", m["fn"], col))
        elif m["lp"]:
            out.append(Tok("(", "(", col))
        elif m["rp"]:
            out.append(Tok(")", ")", col))
        elif m["comma"]:
            out.append(Tok(",", ",", col))
        elif m["word"]:
            w = m["word"]
            if w in ("+", "-", "*", "/"):
                out.append(Tok("op", w, col))
            elif w in COMPARATORS or w == "==":
                out.append(Tok("cmp", "=" if w == "==" else w, col))
            elif _NUMBER.match(w):
                out.append(Tok("num", w, col))
            elif re.fullmatch(r"[A-Za-z0-9_.-]+", w):
                out.append(Tok("id", w, col))
            else:
                raise ExprError(
                    f"'{w}' is neither an id nor an operator (write operators with spaces around them)", col
                )
        pos = m.end()
    out.append(Tok("end", "", len(text) + 1))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.i = 0
        self.depth = 0
        self.terms = 0

    def peek(self) -> Tok:
        return self.toks[self.i]

    def take(self) -> Tok:
        t = self.toks[self.i]
        self.i += 1
        if t.kind in ("num", "id"):
            self.terms += 1
            if self.terms > MAX_TERMS:
                raise ExprError(f"the expression has more than {MAX_TERMS} terms", t.column)
        return t

    def expect(self, kind: str, what: str) -> Tok:
        t = self.peek()
        if t.kind != kind:
            found = f"'{t.text}'" if t.text else "the end"
            raise ExprError(f"expected {what}, found {found}", t.column)
        return self.take()

    def relation(self) -> Comparison:
        left = self.expr()
        t = self.peek()
        if t.kind != "cmp":
            found = f"'{t.text}'" if t.text else "the end"
            raise ExprError(f"expected a comparison (= < > <= >=), found {found}", t.column)
        self.take()
        right = self.expr()
        end = self.peek()
        if end.kind != "end":
            raise ExprError(f"unexpected '{end.text}' after the relation", end.column)
        if not (isinstance(left, When) and isinstance(right, When)):
            _no_bare_period(left)
            _no_bare_period(right)
        return Comparison(t.text, left, right, self.text)

    def _deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"the expression nests deeper than {MAX_DEPTH} levels", self.peek().column)

    def expr(self) -> Node:
        self._deeper()
        node = self.term()
        while self.peek().kind == "op" and self.peek().text in "+-":
            op = self.take().text
            node = BinOp(op, node, self.term())
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text in "*/":
            op = self.take().text
            node = BinOp(op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.peek().kind == "op" and self.peek().text == "-":
            self.take()
            self._deeper()
            node = Neg(self.unary())
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        t = self.peek()
        if t.kind == "num":
            self.take()
            try:
                return Num(Decimal(t.text.replace(",", "")), t.text)
            except InvalidOperation:  # pragma: no cover - the pattern admits only digits
                raise ExprError(f"'{t.text}' is not a number", t.column) from None
        if t.kind == "id":
            self.take()
            return Ref(t.text, t.column)
        if t.kind == "fn":
            self.take()
            if t.text == "pct_change":
                self._deeper()
                new = self.expr()
                self.expect(",", "',' between pct_change's new and old figures")
                old = self.expr()
                self.expect(")", "')' to close pct_change(")
                self.depth -= 1
                return PctChange(new, old)
            if t.text == "when":
                ident = self.expect("id", "a claim id inside when( )")
                self.expect(")", "')' to close when(")
                return When(ident.text, ident.column)
            inner_t = self.peek()
            if inner_t.kind != "fn" or inner_t.text != "when":
                raise ExprError("year( ) takes when(id)", inner_t.column)
            self.take()
            ident = self.expect("id", "a claim id inside when( )")
            self.expect(")", "')' to close when(")
            self.expect(")", "')' to close year(")
            return Year(When(ident.text, ident.column))
        if t.kind == "(":
            self.take()
            self._deeper()
            node = self.expr()
            self.expect(")", "')'")
            self.depth -= 1
            return node
        found = f"'{t.text}'" if t.text else "the end"
        raise ExprError(f"expected a claim id, a number or '(', found {found}", t.column)


def _no_bare_period(n: Node) -> None:
    """Refuse a period where a number is needed: only when(a) < when(b), when(b) - when(a) and
    year(when(a)) use one (see the module's docstring)."""
    if isinstance(n, When):
        raise ExprError(f"when({n.id}) is not a number; {PERIOD_USES}", n.column)
    if isinstance(n, Neg):
        _no_bare_period(n.operand)
    elif isinstance(n, PctChange):
        _no_bare_period(n.new)
        _no_bare_period(n.old)
    elif isinstance(n, BinOp) and not n.is_days:
        _no_bare_period(n.left)
        _no_bare_period(n.right)


def parse_relation(text: str) -> Comparison:
    """Parse `expect`; raises ExprError with the 1-based column of the problem."""
    if not isinstance(text, str) or not text.strip():
        raise ExprError("the relation is empty", 1)
    return _Parser(text).relation()


# -- evaluation ----------------------------------------------------------------------------------


class EvalError(ValueError):
    """A relation that cannot be computed from the ledger as it stands (a claim with no figure,
    no period, an open-ended year); `column` is the 1-based position of the claim id, or 0."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.column = column


Span = tuple[date | None, date | None]  # a period's first and last day; None where it is open
PeriodOf = Callable[[str], Span]


def _span(w: When, period_of: PeriodOf) -> Span:
    try:
        return period_of(w.id)
    except EvalError as e:
        raise EvalError(str(e), e.column or w.column) from None


def days_between(later: Span, earlier: Span) -> Interval:
    """when(later) - when(earlier) in days: from later's first day minus earlier's last day to
    later's last day minus earlier's first day (an open end leaves that side unbounded)."""
    (ls, le), (es, ee) = later, earlier
    lo = NEG_INF if ls is None or ee is None else Decimal((ls - ee).days)
    hi = INF if le is None or es is None else Decimal((le - es).days)
    return Interval(lo, hi, lo.is_infinite(), hi.is_infinite())


def _year(node: Year, period_of: PeriodOf) -> tuple[int, int]:
    s, e = _span(node.inner, period_of)
    if s is None or e is None:
        raise EvalError(f"claim '{node.inner.id}' is dated by an open-ended period, which has no first "
                        f"and last year; year(when(id)) needs a period with both ends", node.inner.column)
    return s.year, e.year


def evaluate(node: Node, amount_of: Callable[[str], Interval], period_of: PeriodOf) -> Interval:
    """The interval an arithmetic expression can take, given each claim's interval."""
    if isinstance(node, Num):
        return Interval.point(node.value)
    if isinstance(node, Ref):
        try:
            return amount_of(node.id)
        except EvalError as e:
            raise EvalError(str(e), e.column or node.column) from None
    if isinstance(node, Year):
        first, last = _year(node, period_of)
        return Interval.closed(first, last)
    if isinstance(node, When):  # parse_relation refuses it; kept for trees built by hand
        raise EvalError(f"when({node.id}) is not a number; {PERIOD_USES}", node.column)
    if isinstance(node, Neg):
        return -evaluate(node.operand, amount_of, period_of)
    if isinstance(node, PctChange):
        new = evaluate(node.new, amount_of, period_of)
        old = evaluate(node.old, amount_of, period_of)
        # new / old - 1 names old once, so the interval is as tight as the figures allow
        return (new / old - Interval.point(1)) * Interval.point(100)
    if node.is_days:
        assert isinstance(node.left, When) and isinstance(node.right, When)
        return days_between(_span(node.left, period_of), _span(node.right, period_of))
    left = evaluate(node.left, amount_of, period_of)
    right = evaluate(node.right, amount_of, period_of)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    return left / right


def point_value(node: Node, value_of: Callable[[str], Decimal], period_of: PeriodOf) -> Decimal:
    """The expression computed on the stated figures themselves (no hedges), for derivations.
    Days between periods have a single figure only when both are single days."""
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Ref):
        return value_of(node.id)
    if isinstance(node, Year):
        return Decimal(_year(node, period_of)[0])
    if isinstance(node, When):
        raise EvalError("a period has no single figure", node.column)
    if isinstance(node, Neg):
        return -point_value(node.operand, value_of, period_of)
    if isinstance(node, PctChange):
        new_v = point_value(node.new, value_of, period_of)
        old_v = point_value(node.old, value_of, period_of)
        if old_v == 0:
            raise EvalError("a change from zero has no percentage")
        return (new_v / old_v - 1) * 100
    if node.is_days:
        assert isinstance(node.left, When) and isinstance(node.right, When)
        days = days_between(_span(node.left, period_of), _span(node.right, period_of))
        if not days.is_point:
            raise EvalError("days between periods longer than a day have no single figure")
        return days.lo
    a = point_value(node.left, value_of, period_of)
    b = point_value(node.right, value_of, period_of)
    if node.op == "+":
        return a + b
    if node.op == "-":
        return a - b
    if node.op == "*":
        return a * b
    if b == 0:
        raise EvalError("division by zero")
    return a / b


def day_differences(node: Node) -> list[BinOp]:
    """Each when(b) - when(a) in an expression, for derivations that say the figure is days."""
    if isinstance(node, BinOp):
        if node.is_days:
            return [node]
        return day_differences(node.left) + day_differences(node.right)
    if isinstance(node, Neg):
        return day_differences(node.operand)
    if isinstance(node, PctChange):
        return day_differences(node.new) + day_differences(node.old)
    return []


def render(node: Node) -> str:
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Ref):
        return node.id
    if isinstance(node, When):
        return f"when({node.id})"
    if isinstance(node, Year):
        return f"year(when({node.inner.id}))"
    if isinstance(node, Neg):
        return f"-{render(node.operand)}"
    if isinstance(node, PctChange):
        return f"pct_change({render(node.new)}, {render(node.old)})"
    return f"({render(node.left)} {node.op} {render(node.right)})"
