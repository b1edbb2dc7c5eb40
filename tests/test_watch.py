"""verify --watch: a real process, real file changes, bounded waits; Ctrl-C ends it with status 0."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from factcheck.engine import Options
from factcheck.watch import describe, is_story_change, story_files
from tests.conftest import write_story

WAIT = 20.0  # seconds any one expected line may take on a loaded machine

LEDGER = """
[story]
title = "Harbour ferry"

[[claim]]
id = "ferry-riders"
subject = "ferry.riders"
source = "port-authority"
quote = "carried 2.4 million passengers last year"
amount = "2.4 million"
unit = "passengers"
"""
SOURCE = ("+++\noutlet = \"Port Authority bulletin\"\npublished = 2025-03-04\nurl = \"https://port.example/b\"\n+++\n"
          "The harbour ferry carried 2.4 million passengers last year, the authority said.\n")


class Watcher:
    """`factcheck verify --watch` in a story folder, its merged output read line by line."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "factcheck", "verify", "--watch"], cwd=cwd, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, text: str) -> list[str]:
        """The lines up to the first that holds `text`; fails after WAIT seconds."""
        got: list[str] = []
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got
        raise AssertionError(f"no line with {text!r} within {WAIT}s; saw: {self.seen[-20:]}")

    def quiet_for(self, seconds: float) -> list[str]:
        deadline = time.monotonic() + seconds
        got = []
        while time.monotonic() < deadline:
            try:
                got.append(self.lines.get(timeout=0.1))
            except queue.Empty:
                pass
        return got

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=WAIT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def story(tmp_path: Path) -> Path:
    write_story(tmp_path, LEDGER, {"port-authority.md": SOURCE})
    (tmp_path / "reports").mkdir()
    return tmp_path


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT as Ctrl-C is POSIX")
def test_watch_reruns_on_ledger_source_and_draft_changes_and_ctrl_c_exits_0(story: Path) -> None:
    w = Watcher(story)
    try:
        first = w.until("first run · watching the ledger, sources and draft; Ctrl-C stops")
        assert "No blocking findings; 1 note" in first  # FC501: one source

        # the ledger: a second claim the source contradicts
        with open(story / "claims.toml", "a", encoding="utf-8") as fh:
            fh.write('\n[[claim]]\nid = "ferry-trips"\nsource = "port-authority"\nquote = "12,000 sailings"\n')
        second = w.until("claims.toml changed · watching")
        assert "1 error blocks publication" in second and any("FC102 error" in line for line in second)

        # a source: now it holds the quote
        with open(story / "sources" / "port-authority.md", "a", encoding="utf-8") as fh:
            fh.write("It ran 12,000 sailings.\n")
        third = w.until("sources/port-authority.md changed · watching")
        assert not any("FC102" in line for line in third)

        # the draft: a figure no claim backs
        (story / "draft.md").write_text("The ferry carried 3 million passengers.\n", encoding="utf-8")
        fourth = w.until("draft.md changed · watching")
        assert any(line.startswith("FC6") for line in fourth)

        # what the run does not read makes no run: a report, a log, an editor's swap file
        (story / "reports" / "memo.md").write_text("x\n", encoding="utf-8")
        (story / "watch.log").write_text("x\n", encoding="utf-8")
        (story / ".claims.toml.swp").write_text("x\n", encoding="utf-8")
        assert not [line for line in w.quiet_for(1.5) if "changed" in line]
    finally:
        status = w.stop()
    rest = list(w.seen) + w.quiet_for(0.2)
    assert status == 0
    assert not any("Traceback" in line or "KeyboardInterrupt" in line for line in rest)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT as Ctrl-C is POSIX")
def test_a_ledger_mid_edit_says_why_and_the_watch_goes_on(story: Path) -> None:
    w = Watcher(story)
    try:
        w.until("first run · watching")
        good = (story / "claims.toml").read_text(encoding="utf-8")
        (story / "claims.toml").write_text(good + '\n[[claim]]\nid = "half-typed\n', encoding="utf-8")
        broken = w.until("claims.toml changed · watching")
        assert any(line.startswith("factcheck: ") and "claims.toml:" in line and "invalid TOML" in line
                   for line in broken)
        (story / "claims.toml").write_text(good, encoding="utf-8")
        fixed = w.until("claims.toml changed · watching")
        assert "No blocking findings; 1 note" in fixed
        assert w.proc.poll() is None  # still watching
    finally:
        assert w.stop() == 0


@pytest.mark.parametrize(("rel", "counts"), [
    ("claims.toml", True),
    ("sources/port-authority.md", True),
    ("sources/new.pdf", True),
    ("sources", True),
    ("draft.md", True),
    ("article.md", True),  # named by [story] draft
    ("reports/memo.md", False),
    ("watch.log", False),
    ("notes.md", False),
    (".claims.toml.swp", False),
    ("sources/.port-authority.md.tmp", False),
    ("claims.toml~", False),
])
def test_which_changes_make_a_run(story: Path, rel: str, counts: bool) -> None:
    ledger = story / "claims.toml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace('[story]\n', '[story]\ndraft = "article.md"\n'),
                      encoding="utf-8")
    files, sources = story_files(Options(claims=ledger))
    assert is_story_change(str((story / rel).resolve()), files, sources) is counts


def test_sources_elsewhere_and_draft_option_are_watched(tmp_path: Path) -> None:
    ledger = write_story(tmp_path / "story", LEDGER, {"port-authority.md": SOURCE})
    files, sources = story_files(Options(claims=ledger, sources=tmp_path / "shared", draft=tmp_path / "d" / "a.md"))
    assert sources == (tmp_path / "shared").resolve()
    assert is_story_change(str(tmp_path / "shared" / "x.md"), files, sources)
    assert is_story_change(str(tmp_path / "d" / "a.md"), files, sources)
    assert not is_story_change(str(ledger.parent / "sources" / "x.md"), files, sources)


def test_describe_names_what_changed(tmp_path: Path) -> None:
    opts = Options(claims=tmp_path / "claims.toml")
    root = tmp_path.resolve()
    assert describe([str(root / "claims.toml")], opts) == "claims.toml changed"
    assert describe([str(root / "sources" / "b.md"), str(root / "sources" / "a.md"), str(root / "sources" / "a.md")],
                    opts) == "sources/a.md and 1 more changed"


def test_watch_without_watchfiles_is_one_clear_line(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from tests.conftest import invoke

    monkeypatch.setitem(sys.modules, "watchfiles", None)  # as if it were not installed
    r = invoke(CliRunner(), ["verify", "--watch"], cwd=story)
    assert r.exit_code == 2
    assert r.output == "factcheck: --watch needs the watchfiles package, which is not installed (pip install watchfiles)\n"


def test_watch_watches_one_story(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tests.conftest import invoke

    for name in ("a", "b"):
        write_story(tmp_path / name, LEDGER, {"port-authority.md": SOURCE})
    r = invoke(CliRunner(), ["verify", "--watch", "a", "b"], cwd=tmp_path)
    assert r.exit_code == 2
    assert "--watch watches one story; name one story folder" in r.output
