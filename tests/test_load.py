"""Where the ledger's tables and keys stand, as read_ledger reports them: every finding's
path:line:column comes from it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.load import read_ledger

ROOT = Path(__file__).resolve().parent.parent

KEYS = ["id", "source", "quote", "amount", "when", "note", "x-y", "\"quoted key\""]
VALUES = st.one_of(st.text(max_size=12).map(lambda t: tomli_w.dumps({"v": t}).split("=", 1)[1].strip()),
                   st.integers().map(str),
                   st.just('"""\n[[claim]]\nid = \'x\'\n"""'), st.just("\'\'\'a\n[story]\nb\'\'\'"),
                   st.just('["a", "b"]'))


Case = tuple[str, list[tuple[str, int, dict[str, int]]], dict[str, int]]


@st.composite
def ledgers(draw: st.DrawFn) -> Case:
    """A valid ledger with indentation, comments, blank lines and multi-line strings, and where
    each array table and each of its keys, and each [table], stands."""
    lines: list[str] = []
    tables: list[tuple[str, int, dict[str, int]]] = []
    sections: dict[str, int] = {}

    def filler() -> None:
        for _ in range(draw(st.integers(0, 2))):
            lines.append(draw(st.sampled_from(["", "  ", "# [[claim]] id = 'not a key'", "\t# note"])))

    for name in draw(st.lists(st.sampled_from(["claim", "relation", "accept", "story", "settings"]), max_size=8)):
        filler()
        pad = draw(st.sampled_from(["", " ", "\t"]))
        if name in ("story", "settings"):
            if name in sections:
                continue
            lines.append(f"{pad}[{name}]{draw(st.sampled_from(['', ' # note']))}")
            sections[name] = len(lines)
            continue
        lines.append(f"{pad}[[{draw(st.sampled_from(['', ' ']))}{name}]]{draw(st.sampled_from(['', '  #[x]']))}")
        keys: dict[str, int] = {}
        tables.append((name, len(lines), keys))
        for key in draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=4)):
            filler()
            value = draw(VALUES)
            lines.append(f"{draw(st.sampled_from(['', '  ']))}{key}{draw(st.sampled_from(['', ' ']))}= {value}")
            keys[key.strip('"')] = len(lines)
            if "\n" in value:  # the value's own lines
                lines[-1:] = lines[-1].split("\n")
    return "\n".join(lines) + "\n", tables, sections


@settings(max_examples=200)
@given(case=ledgers())
def test_tables_and_keys_are_found_at_their_lines(case: Case) -> None:
    text, tables, sections = case
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "claims.toml"
        ledger.write_text(text, encoding="utf-8")
        raw = read_ledger(ledger)
    for name, got in (("claim", raw.claims), ("relation", raw.relations), ("accept", raw.accepts)):
        want = [(line, keys) for kind, line, keys in tables if kind == name]
        assert [(t.line, t.key_lines) for t in got] == want
    assert raw.section_lines == sections


def test_multi_line_strings_do_not_open_tables(tmp_path: Path) -> None:
    ledger = tmp_path / "claims.toml"
    ledger.write_text('[[claim]]\nid = "a"\nsource = "s"\nquote = """\n[[claim]]\nid = "x"\n"""\n'
                      'amount = "3"\n\n[[claim]]\nid = "b"\nsource = "s"\n', encoding="utf-8")
    raw = read_ledger(ledger)
    assert [(t.line, t.key_lines) for t in raw.claims] == [
        (1, {"id": 2, "source": 3, "quote": 4, "amount": 8}),
        (10, {"id": 11, "source": 12}),
    ]


def test_unicode_line_separators_inside_strings_do_not_shift_lines(tmp_path: Path) -> None:
    # TOML counts lines by \n; str.splitlines() would also break at U+2028 and U+0085.
    for text in ('[[claim]]\nid = "a\u2028b"\nsource = "s"\n', '[[claim]]\nid = """a\u0085b"""\nsource = "s"\n'):
        ledger = tmp_path / "claims.toml"
        ledger.write_text(text, encoding="utf-8")
        assert [(t.line, t.key_lines) for t in read_ledger(ledger).claims] == [(1, {"id": 2, "source": 3})]
