"""Helpers for the hostile-input corpus: each case is built at test time in tmp_path (links,
FIFOs, odd names need a real file system), and the CLI runs in a subprocess where a regression
could hang (a FIFO) or must be seen as the editor sees it (exit status, stdout, stderr)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FM = "+++\noutlet = \"Daily\"\npublished = 2025-03-01\nurl = \"https://example.org/a\"\n+++\n"
SECRET = "SECRET-7f3a value 4,242 crates"


def run(args: list[str], cwd: Path, timeout: float = 60, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`factcheck ARGS` in a new process, as an editor's shell runs it."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})}
    full_env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, input=stdin, env=full_env, errors="backslashreplace")


def story(root: Path, claims: str = "", sources: dict[str, str] | None = None) -> Path:
    """A small story folder: one supported claim, plus `claims` and `sources`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    (root / "claims.toml").write_text('[[claim]]\nid = "buses"\nsource = "city"\nquote = "40 buses"\n\n' + claims,
                                      encoding="utf-8")
    (root / "sources" / "city.md").write_text(FM + "The city runs 40 buses.\n", encoding="utf-8")
    for name, text in (sources or {}).items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    return root


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32",
                                    reason="needs symbolic links")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
