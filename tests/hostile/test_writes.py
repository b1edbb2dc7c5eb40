"""SPEC 7: factcheck writes only reports/ and, with `extract --append`, the ledger; nothing an
editor wrote is lost, replaced, or written through a link it did not resolve."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.conftest import FM, needs_symlinks, one_line, run, story

try:
    import resource
except ImportError:  # not on Windows
    resource = None  # type: ignore[assignment]


def _article(root: Path, name: str, n: int) -> Path:
    p = root / name
    p.write_text(f"The depot in ward {n} holds {10_000 + n * 7:,} buses and {20_000 + n * 11:,} drivers.\n", encoding="utf-8")
    return p


def test_concurrent_appends_lose_no_entries(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    runs = 6
    for n in range(runs):
        _article(root, f"ward{n}.md", n)
    env = {**os.environ, "NO_COLOR": "1"}
    procs = [subprocess.Popen([sys.executable, "-m", "factcheck", "extract", "--append", f"ward{n}.md"], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for n in range(runs)]
    for p in procs:
        p.wait(timeout=120)
        assert p.returncode == 0, p.stderr.read() if p.stderr else ""
    text = (root / "claims.toml").read_text(encoding="utf-8")
    for n in range(runs):
        assert f'amount = "{10_000 + n * 7:,}"' in text, n
        assert f'amount = "{20_000 + n * 11:,}"' in text, n
    import tomllib

    ids = [c["id"] for c in tomllib.loads(text)["claim"]]
    assert len(ids) == len(set(ids))  # valid TOML, every id unique


def test_append_refuses_a_read_only_ledger(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    _article(root, "ward.md", 1)
    ledger = root / "claims.toml"
    before = ledger.read_bytes()
    os.chmod(ledger, 0o444)
    r = run(["extract", "--append", "ward.md"], root)
    assert r.returncode == 2
    assert one_line(r.stderr) == ("factcheck: claims.toml: is read-only; not changed (make it writable to "
                                  "append to it)")
    assert ledger.read_bytes() == before and stat.S_IMODE(ledger.stat().st_mode) == 0o444


def test_append_keeps_mode_and_owner(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    _article(root, "ward.md", 1)
    ledger = root / "claims.toml"
    os.chmod(ledger, 0o640)
    owner = (4321, 4322) if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    if owner:
        os.chown(ledger, *owner)
    r = run(["extract", "--append", "ward.md"], root)
    assert r.returncode == 0, r.stderr
    st = ledger.stat()
    assert stat.S_IMODE(st.st_mode) == 0o640
    if owner:  # only root may give a file to someone else; otherwise the owner is already ours
        assert (st.st_uid, st.st_gid) == owner
    assert "10,007" in ledger.read_text(encoding="utf-8")


@needs_symlinks
def test_append_writes_through_a_linked_ledger_to_its_target(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    (root / "ledgers").mkdir()
    (root / "claims.toml").rename(root / "ledgers" / "main.toml")
    (root / "claims.toml").symlink_to(Path("ledgers") / "main.toml")
    _article(root, "ward.md", 1)
    r = run(["extract", "--append", "ward.md"], root)
    assert r.returncode == 0, r.stderr
    assert (root / "claims.toml").is_symlink()
    assert "10,007" in (root / "ledgers" / "main.toml").read_text(encoding="utf-8")


@needs_symlinks
def test_report_never_replaces_a_link_a_device_or_the_storys_own_files(tmp_path: Path) -> None:
    root = story(tmp_path / "story", sources={"other.md": FM + "Nothing.\n"})
    (root / "draft.md").write_text("The city runs 40 buses.\n", encoding="utf-8")
    (root / "stdout-link").symlink_to("/proc/self/fd/1")
    cases = {"stdout-link": "is a ", "claims.toml": "is one of the story's own files",
             "sources/city.md": "is one of the story's own files", "draft.md": "is one of the story's own files",
             "sources/new.md": "is one of the story's own files"}
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe")
        cases["pipe"] = "is a named pipe (FIFO); a report is written only to a regular file or a new path"
    before = {p: (p.lstat().st_mode, p.read_bytes() if p.is_file() and not p.is_symlink() else b"")
              for p in root.rglob("*")}
    for name, why in cases.items():
        r = run(["report", "--format", "json", "-o", name], root, timeout=30)
        assert r.returncode == 2, (name, r)
        assert one_line(r.stderr).startswith(f"factcheck: {name}: {why}"), r.stderr
    after = {p: (p.lstat().st_mode, p.read_bytes() if p.is_file() and not p.is_symlink() else b"")
             for p in root.rglob("*")}
    assert after == before
    r = run(["report", "--format", "json", "-o", "out/memo.json"], root)
    assert r.returncode == 0 and (root / "out" / "memo.json").is_file()
    (root / "old.json").write_text("old", encoding="utf-8")
    assert run(["report", "--format", "json", "-o", "old.json"], root).returncode == 0  # a regular file: replaced
    assert (root / "old.json").read_text(encoding="utf-8").startswith("{")


@needs_symlinks
def test_report_refuses_a_reports_folder_that_links_outside(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = story(tmp_path / "story")
    (root / "reports").symlink_to(elsewhere)
    r = run(["report"], root)
    assert r.returncode == 2
    line = one_line(r.stderr)
    assert line.startswith("factcheck: ") and "reports: resolves to " in line and "outside the story folder" in line
    assert list(elsewhere.iterdir()) == []


@needs_symlinks
def test_init_refuses_linked_sources_or_reports(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for sub in ("sources", "reports"):
        root = tmp_path / f"story-{sub}"
        root.mkdir()
        (root / sub).symlink_to(elsewhere)
        r = run(["init"], root)
        assert r.returncode == 2
        assert one_line(r.stderr) == (f"factcheck: {sub}: is a link; init writes only into real folders inside "
                                      "the story (replace the link with a folder)")
        assert list(elsewhere.iterdir()) == [] and not (root / "claims.toml").exists()


@pytest.mark.skipif(resource is None or not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
def test_init_on_a_full_disk_leaves_no_empty_ledger(tmp_path: Path) -> None:
    root = tmp_path / "story"

    def full_disk() -> None:  # in the child: every file may hold 64 bytes, as if the disk filled up
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    r = subprocess.run([sys.executable, "-m", "factcheck", "init", str(root)], capture_output=True, text=True,
                       preexec_fn=full_disk, timeout=60)
    assert r.returncode == 2
    assert "cannot write: File too large" in one_line(r.stderr)
    assert [p.name for p in root.rglob("*") if p.is_file()] == []  # nothing half written, no temporary left
    again = run(["init", str(root)], tmp_path)
    assert again.returncode == 0 and "created" in again.stdout and "kept" not in again.stderr
    assert run(["verify", "--select", "FC0"], root).returncode == 0


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not hasattr(os, "mknod"),
                    reason="making a device node needs root")
def test_report_never_replaces_a_device_node(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    node = root / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # what /dev/full is
    r = run(["report", "--format", "json", "-o", "full"], root)
    assert r.returncode == 2
    assert one_line(r.stderr) == ("factcheck: full: is a device; a report is written only to a regular file or "
                                  "a new path")
    assert stat.S_ISCHR(node.lstat().st_mode)
