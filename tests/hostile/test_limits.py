"""Resource limits: large inputs cost time in proportion to their size.

Each test times a large input in CPU seconds of this process (other work on the machine does
not count) against a bound several times what the linear code needs and far below what the
quadratic code it replaced took (measured when written; see docs/safety.md)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck import extract
from factcheck.engine import Options, run
from tests.hostile.conftest import FM, one_line
from tests.hostile.conftest import run as run_cli


def _cpu(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.process_time()
    out = fn()
    return time.process_time() - t, out


def test_extract_is_linear_in_a_long_line_of_figures_and_dates() -> None:
    text = "late late late 2023 1,1,1,1 " * 4000  # the case: 17 s before
    spent, found = _cpu(lambda: extract.entries(extract.find(text), "s", set()))
    assert len(found) == 4000  # "1,1,1,1" is no figure: a decimal comma is refused, never guessed
    assert len({e["id"] for e in found}) == 4000
    assert spent < 4.0, spent
    text = "late late late 2023 about 1,100 people " * 4000  # figures whose quotes must grow to be unique
    spent, found = _cpu(lambda: extract.entries(extract.find(text), "s", set()))
    assert len(found) == 8000
    assert len({e["id"] for e in found}) == 8000
    assert spent < 4.0, spent


def test_sentences_are_linear_in_a_paragraph_without_figures() -> None:
    text = "The council met again on the matter. " * 12000  # 444 KB, one paragraph
    spent, spans = _cpu(lambda: extract.sentences(text))
    assert len(spans) == 12000
    assert spent < 1.5, spent


def _story(root: Path, claims: str, draft: str | None = None) -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "city.md").write_text(FM + "The city runs 40 buses.\n", encoding="utf-8")
    (root / "claims.toml").write_text(claims, encoding="utf-8")
    if draft is not None:
        (root / "draft.md").write_text(draft, encoding="utf-8")
    return root / "claims.toml"


def test_the_draft_scan_is_linear(tmp_path: Path) -> None:
    n = 40_000  # 2.8 MB, a figure on every line and none backed: 17 s before, 2 s now
    lines = [f"By noon the depot had {10_000 + i:,} riders and the buses ran late again today.\n" for i in range(n)]
    ledger = _story(tmp_path, '[[claim]]\nid = "buses"\nsource = "city"\nquote = "40 buses"\n', "".join(lines))
    spent, report = _cpu(lambda: run(Options(claims=ledger, select=["FC6"])))
    assert [f.code for f in report.findings] == ["FC601"] * n
    assert [f.location.line for f in report.findings if f.location][-3:] == [n - 2, n - 1, n]
    assert spent < 8.0, spent


def test_accepts_are_matched_linearly(tmp_path: Path) -> None:
    n = 10_000
    claims = "".join(f'[[claim]]\nid = "c{i}"\nsource = "city"\nquote = "{i} trams"\namount = "{i}"\n\n'
                     for i in range(n))
    accepts = "".join(f'[[accept]]\ncode = "FC102"\nclaims = ["c{i}"]\nreason = "checked by phone"\n\n'
                      for i in range(n))
    ledger = _story(tmp_path, claims + accepts)
    spent, report = _cpu(lambda: run(Options(claims=ledger, select=["FC102", "FC012"])))
    assert report.summary.accepted == n and len(report.findings) == n
    assert spent < 12.0, spent


# -- huge numbers and deep nesting: a finding, or one exit-2 line with path:line:column ---------


def test_a_100000_digit_amount_is_a_finding_and_every_format_renders(tmp_path: Path) -> None:
    from factcheck.report import render

    huge = "1" + "0" * 100_000
    ledger = _story(tmp_path, f'[[claim]]\nid = "big"\nsource = "city"\nquote = "40 buses"\namount = "{huge}"\n\n'
                              '[[claim]]\nid = "exp"\nsource = "city"\nquote = "40 buses"\namount = 1e5000\n\n'
                              '[[claim]]\nid = "ok"\nsource = "city"\nquote = "40 buses"\n')
    report = run(Options(claims=ledger))
    bad = [(f.code, f.claims, f.message.rsplit(": ", 1)[1]) for f in report.findings if f.code == "FC006"]
    assert bad == [
        ("FC006", ["big"], "a figure of 100,001 digits is larger than any factcheck checks (under 10^1000)"),
        ("FC006", ["exp"], "a figure of 5,001 digits is larger than any factcheck checks (under 10^1000)"),
    ]
    assert {c.id: c.status.value for c in report.claims}["ok"] == "supported"
    for fmt in ("json", "html", "md", "sarif", "claimreview"):
        assert render(report, fmt)


@pytest.mark.parametrize("name, text, where, what", [
    ("note.toml", 'kind = "note"\nsummary = "a call"\nfigure = ' + "9" * 4401 + "\n", (3, 10),
     "invalid TOML: a number of more than 4,300 digits; write such a figure as text (in quotes)"),
    ("note.md", "+++\nvia = " + "[" * 5000 + "]" * 5000 + "\n+++\n40 buses.\n", (2, 407),
     "front matter: invalid TOML: arrays or tables nested more than 400 deep"),
])
def test_parser_limits_in_a_source_are_a_finding(tmp_path: Path, name: str, text: str, where: tuple[int, int],
                                                  what: str) -> None:
    ledger = _story(tmp_path, '[[claim]]\nid = "ok"\nsource = "city"\nquote = "40 buses"\n\n'
                              '[[claim]]\nid = "n"\nsource = "note"\nquote = "40 buses"\n')
    (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    report = run(Options(claims=ledger))
    got = [(f.claims, f.message, (f.location.line, f.location.column) if f.location else None)
           for f in report.findings if f.code == "FC010"]
    assert got == [(["n"], what, where)]
    assert {c.id: c.status.value for c in report.claims} == {"ok": "supported", "n": "unsupported"}


@pytest.mark.parametrize("text, message", [
    ("[story]\ntitle = " + "[" * 1000 + "]" * 1000 + "\n",
     "claims.toml:2:409: invalid TOML: arrays or tables nested more than 400 deep"),
    ('[[claim]]\nid = "x"\nsource = "city"\nnote = ' + "9" * 4401 + "\n",
     "claims.toml:4:8: invalid TOML: a number of more than 4,300 digits; write such a figure as text (in quotes)"),
])
def test_parser_limits_in_the_ledger_are_one_line_with_its_position(tmp_path: Path, text: str, message: str) -> None:
    _story(tmp_path, text)
    r = run_cli(["verify"], tmp_path)
    assert r.returncode == 2
    assert one_line(r.stderr) == "factcheck: " + message
