"""Start-up and exit: what `factcheck --help` loads, and the console script's exit status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_help_imports_neither_pydantic_nor_rich_nor_the_engine() -> None:
    code = ("import sys; sys.argv = ['factcheck', '--help']; from factcheck.entry import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert e.code in (None, 0)\n"
            "bad = [m for m in ('pydantic', 'rich', 'factcheck.engine', 'factcheck.model') if m in sys.modules]\n"
            "sys.stderr.write(','.join(bad))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "COLUMNS": "80"})
    assert r.returncode == 0
    assert r.stderr == ""
    assert r.stdout.startswith("Usage: factcheck [OPTIONS] COMMAND [ARGS]...")
    for command in ("verify", "report", "init", "extract", "rules", "explain", "sources", "timeline"):
        assert f"\n  {command} " in r.stdout


def test_help_imports_only_click_and_the_cli() -> None:
    """`factcheck --help` loads the standard library, click and the command line's own module:
    every subcommand imports what it needs when it runs (issue 21)."""
    code = "\n".join([
        "import sys",
        "sys.argv = ['factcheck', '--help']",
        "from factcheck.entry import main",
        "try:",
        "    main()",
        "except SystemExit:",
        "    pass",
        "outside = {m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)",
        "own = {m for m in sys.modules if m.startswith('factcheck.')}",
        "sys.stderr.write(' '.join(sorted(outside | own)))",
    ])
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    loaded = set(r.stderr.split())
    assert loaded - {"_distutils_hack", "sitecustomize", "__main__"} == {
        "click", "factcheck", "factcheck.entry", "factcheck.cli"}


def test_verify_as_a_document_never_loads_rich() -> None:
    """json and the other documents are written as text: Rich is for the terminal formats."""
    story = Path(__file__).resolve().parent / "stories" / "sourcing"
    code = ("import sys; sys.argv = ['factcheck', 'verify', '--format', '{fmt}']; from factcheck.entry import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))")
    for fmt, rich in (("json", False), ("sarif", False), ("text", True)):
        r = subprocess.run([sys.executable, "-c", code.format(fmt=fmt)], capture_output=True, text=True, cwd=story)
        assert r.stdout.strip(), r.stderr  # the report was written
        assert ("rich.console" in r.stderr.split()) is rich, (fmt, r.stderr[-300:])


def _modules_after_a_run(story: str) -> set[str]:
    ledger = Path(__file__).resolve().parent / "stories" / story / "claims.toml"
    code = ("import sys; from pathlib import Path; from factcheck.engine import Options, run; "
            f"run(Options(claims=Path({str(ledger)!r}))); print(' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_the_relation_parser_is_imported_only_by_a_ledger_with_relations() -> None:
    assert "factcheck.expr" not in _modules_after_a_run("sourcing")
    assert "factcheck.expr" in _modules_after_a_run("relations")


def test_exit_status_is_what_python_gives_sys_exit() -> None:
    import io

    from factcheck.entry import exit_status

    err = io.StringIO()
    assert [exit_status(None, err), exit_status(0, err), exit_status(2, err)] == [0, 0, 2]
    assert exit_status("factcheck: stopped", err) == 1 and err.getvalue() == "factcheck: stopped\n"


def _console(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    code = f"import sys; sys.argv = ['factcheck', *{args!r}]; from factcheck.entry import console; console()"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"})


def test_the_console_script_exits_at_once_with_every_byte_written(tmp_path: Path) -> None:
    import json

    story = Path(__file__).resolve().parent / "stories" / "sourcing"
    r = _console(["verify", "--format", "json"], story)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["summary"]["claims"] > 0  # the whole document, flushed before the exit
    bad = _console(["verify", "--format", "json", "--fail-on", "info"], story)
    assert bad.returncode == 1 and bad.stdout == r.stdout.replace('"fail_on": "error"', '"fail_on": "info"')
    missing = _console(["verify"], tmp_path)
    assert missing.returncode == 2 and missing.stdout == "" and "no ledger here" in missing.stderr
    usage = _console(["verify", "--format", "nonsense"], story)
    assert usage.returncode == 2 and "Invalid value for '--format'" in usage.stderr


def test_output_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    story = Path(__file__).resolve().parent / "stories" / "sourcing"
    code = ("import sys; sys.argv = ['factcheck', 'verify', '--format', 'json']; "
            "from factcheck.entry import console; console()")
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-c", code], cwd=story, stdout=full, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 2 and "cannot write the output" in r.stderr


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    story = Path(__file__).resolve().parent / "stories" / "sourcing"
    code = ("import sys; sys.argv = ['factcheck', 'verify', '--format', 'json']; "
            "from factcheck.entry import console; console()")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before a byte is written: every write breaks the pipe
    try:
        r = subprocess.run([sys.executable, "-c", code], cwd=story, stdout=write_end, stderr=subprocess.PIPE,
                           text=True)
    finally:
        os.close(write_end)
    assert r.returncode == 0 and r.stderr == ""
