"""Where the ledger's tables and keys stand: the one-pass mapper must agree with the line-by-line
one it stands in for, since every finding's path:line:column comes from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from factcheck.load import Table, _map_lines, _map_lines_by_line, read_ledger

ROOT = Path(__file__).resolve().parent.parent

KEYS = st.sampled_from(["id", "source", "quote", "amount", "when", "total_of", "expect", "code", "reason",
                        "title", "x-y", "\"quoted key\""])
VALUES = st.one_of(st.text(max_size=20), st.integers(), st.lists(st.text(max_size=5), max_size=3))


@st.composite
def ledger_texts(draw: st.DrawFn) -> str:
    """Ledger-shaped text: headers and keys with indentation, comments, blank lines and CRLF."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["array", "table", "key", "key", "key", "blank", "comment"]))
        pad = draw(st.sampled_from(["", " ", "\t", "  "]))
        comment = draw(st.sampled_from(["", " # note", "  #[x]"]))
        if kind == "array":
            name = draw(st.sampled_from(["claim", "relation", "accept", "other", "\"claim\""]))
            lines.append(f"{pad}[[{draw(st.sampled_from(['', ' ']))}{name}]]{comment}")
        elif kind == "table":
            table = draw(st.sampled_from(["story", "settings", 'subject."a b"', "units"]))
            lines.append(f"{pad}[{table}]{comment}")
        elif kind == "key":
            key = draw(KEYS)
            value = tomli_w.dumps({"v": draw(VALUES)}).split("=", 1)[1].strip()
            lines.append(f"{pad}{key}{draw(st.sampled_from(['', ' ']))}= {value}{comment}")
        elif kind == "blank":
            lines.append(pad)
        else:
            lines.append(f"{pad}# [[claim]] id = 'not a key'")
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


def resolved(mapped: Any) -> Any:
    """_map_lines' answer with every table's keys looked up."""
    *arrays, sections = mapped
    return [[(n, Table({}, n, keys).key_lines) for n, keys in tables] for tables in arrays], sections


@given(ledger_texts())
def test_one_pass_mapper_agrees_with_line_by_line(text: str) -> None:
    assert resolved(_map_lines(text)) == resolved(_map_lines_by_line(text))


def test_bundled_ledger_maps_the_same_both_ways() -> None:
    text = (ROOT / "claims.toml").read_text(encoding="utf-8")
    assert resolved(_map_lines(text)) == resolved(_map_lines_by_line(text))


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
        assert resolved(_map_lines(text))[0][0] == [(1, {"id": 2, "source": 3})]
