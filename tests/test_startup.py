"""The fast path for `factcheck --help` prints exactly what click would, without importing it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HELP = Path(__file__).resolve().parent.parent / "src" / "factcheck" / "help.txt"


def _click_help() -> str:
    """What click itself prints for `factcheck --help` in an 80-column terminal."""
    code = "import sys; sys.argv = ['factcheck', '--help']; from factcheck.cli import main; main()"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "80"})
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_help_txt_is_what_click_renders() -> None:
    """After changing a command or its docstring: FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_startup.py."""
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        HELP.write_text(_click_help(), encoding="utf-8")
    assert HELP.read_text(encoding="utf-8") == _click_help()


def test_fast_help_imports_neither_click_nor_pydantic() -> None:
    code = ("import sys; sys.argv = ['factcheck', '--help']; from factcheck.entry import main; main(); "
            "bad = [m for m in ('click', 'pydantic', 'rich') if m in sys.modules]; "
            "sys.stderr.write(','.join(bad))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "COLUMNS": "100"})
    assert r.returncode == 0
    assert r.stderr == ""
    assert r.stdout == HELP.read_text(encoding="utf-8")


def test_narrow_terminal_falls_back_to_click() -> None:
    code = "import sys; sys.argv = ['factcheck', '--help']; from factcheck.entry import main; main()"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "COLUMNS": "50"})
    assert r.returncode == 0 and "Usage: factcheck" in r.stdout


def _modules_after_a_run(story: str) -> set[str]:
    ledger = Path(__file__).resolve().parent / "stories" / story / "claims.toml"
    code = ("import sys; from pathlib import Path; from factcheck.engine import Options, run; "
            f"run(Options(claims=Path({str(ledger)!r}))); print(' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_relation_parser_is_imported_only_by_a_ledger_with_relations() -> None:
    assert "factcheck.expr" not in _modules_after_a_run("sourcing")
    assert "factcheck.expr" in _modules_after_a_run("relations")
