"""A full disk under stdout is one line and exit status 2; a reader that stops early (`| head`)
leaves the run's own status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.conftest import FM, one_line, story

needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def _to_dev_full(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60,
                              env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"})


@needs_dev_full
@pytest.mark.parametrize("args", [["rules"], ["explain", "FC101"], ["sources"], ["--help"], ["verify"],
                                  ["verify", "-v"], ["verify", "--format", "json"], ["verify", "--format", "github"],
                                  ["report", "-o", "-"], ["timeline", "fleet"], ["extract", "article.md"],
                                  ["init", "new-story"]])
def test_a_full_stdout_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    root = story(tmp_path / "story", '[[claim]]\nid = "b2"\nsubject = "fleet"\nsource = "city"\nquote = "40 buses"\n'
                                     'when = "2025"\n')
    (root / "article.md").write_text("The depot holds 52 trams.\n", encoding="utf-8")
    r = _to_dev_full(args, root)
    assert r.returncode == 2, r.stderr
    message = "factcheck: cannot write the output: No space left on device"
    if args[0] == "extract":  # its table goes to stderr; the entries to stdout
        assert r.stderr.splitlines()[-1] == message and "Traceback" not in r.stderr
    else:
        assert one_line(r.stderr) == message


def _big_clean_story(root: Path, n: int = 600) -> Path:
    claims = "".join(f'[[claim]]\nid = "c{i}"\nsource = "s"\nquote = "{1000 + i:,} buses"\n\n' for i in range(n))
    body = " ".join(f"Depot {i} has {1000 + i:,} buses." for i in range(n))
    return story(root, claims, {"s.md": FM + body + "\n"})


@pytest.mark.parametrize("args", [["verify", "-v"], ["verify", "--format", "json"], ["rules"]])
def test_a_reader_that_stops_early_keeps_the_runs_status(tmp_path: Path, args: list[str]) -> None:
    root = _big_clean_story(tmp_path / "story")
    p = subprocess.Popen([sys.executable, "-m", "factcheck", *args], cwd=root, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"})
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()  # `| head -1`
    assert first
    assert p.wait(timeout=60) == 0
    assert p.stderr.read() == b""
