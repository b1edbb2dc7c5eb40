"""SPEC 7: everything factcheck reads lies inside the story folder and is a regular file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hostile.conftest import FM, SECRET, needs_fifo, needs_symlinks, one_line, run, story


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(FM + SECRET + "\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize("setting", ["ABS", "../outside/secret.md", "sources/../../outside/secret.md",
                                     "/proc/self/environ", "sources"])
def test_a_draft_setting_outside_the_story_or_not_a_file_is_refused(tmp_path: Path, setting: str) -> None:
    secret = _outside(tmp_path)
    value = str(secret) if setting == "ABS" else setting
    root = tmp_path / "story"
    story(root)
    ledger = root / "claims.toml"
    ledger.write_text(f'[story]\ntitle = "Buses"\ndraft = "{value}"\n\n' + ledger.read_text(encoding="utf-8"),
                      encoding="utf-8")
    for fmt in ("text", "json", "github"):
        r = run(["verify", "--format", fmt], root, env={"FACTCHECK_SECRET": SECRET})
        assert r.returncode == 2, r
        line = one_line(r.stderr)
        assert line.startswith("factcheck: claims.toml:3:9: [story] draft = "), line
        assert SECRET not in r.stdout + r.stderr
        assert r.stdout == ""


@needs_symlinks
def test_a_draft_md_that_links_outside_is_refused(tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    root = story(tmp_path / "story")
    (root / "draft.md").symlink_to(secret)
    r = run(["verify", "--format", "json"], root)
    assert r.returncode == 2
    assert one_line(r.stderr).startswith("factcheck: draft.md: resolves to ")
    assert "outside the story folder" in r.stderr and SECRET not in r.stdout + r.stderr


def test_draft_option_outside_the_story_is_refused(tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    root = story(tmp_path / "story")
    r = run(["verify", "--draft", str(secret)], root)
    assert r.returncode == 2 and "outside the story folder" in one_line(r.stderr)
    assert SECRET not in r.stdout + r.stderr


def test_a_draft_inside_the_story_is_still_read(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    (root / "text").mkdir()
    (root / "text" / "article.md").write_text("The city runs 41 buses.\n", encoding="utf-8")
    ledger = root / "claims.toml"
    ledger.write_text('[story]\ndraft = "text/article.md"\n\n' + ledger.read_text(encoding="utf-8"), encoding="utf-8")
    r = run(["verify", "--format", "json"], root)
    assert [f["code"] for f in json.loads(r.stdout)["findings"]] == ["FC601"]


@needs_symlinks
def test_a_sources_folder_that_links_outside_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "city.md").write_text(FM + SECRET + "\n", encoding="utf-8")
    root = story(tmp_path / "story")
    for p in (root / "sources").iterdir():
        p.unlink()
    (root / "sources").rmdir()
    (root / "sources").symlink_to(elsewhere)
    for cmd in (["verify", "--format", "json"], ["sources"], ["report", "-o", "-", "--format", "md"]):
        r = run(cmd, root)
        assert r.returncode == 2, (cmd, r)
        line = one_line(r.stderr)
        assert line.startswith("factcheck: sources: resolves to ") and "outside the story folder" in line
        assert SECRET not in r.stdout + r.stderr


@needs_symlinks
def test_sources_option_may_point_elsewhere_but_its_files_stay_inside_it(tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    shared = tmp_path / "shared-sources"
    shared.mkdir()
    (shared / "city.md").write_text(FM + "The city runs 40 buses.\n", encoding="utf-8")
    (shared / "leak.md").symlink_to(secret)
    root = story(tmp_path / "story", '[[claim]]\nid = "leak"\nsource = "leak"\nquote = "4,242 crates"\n')
    r = run(["verify", "--format", "json", "--sources", str(shared)], root)
    doc = json.loads(r.stdout)
    assert {c["id"]: c["status"] for c in doc["claims"]} == {"buses": "supported", "leak": "unsupported"}
    assert [(f["code"], f["message"]) for f in doc["findings"] if f["code"] == "FC010"] == [
        ("FC010", "leak.md links outside the story folder; not read (copy the file into sources/ instead)")]
    assert SECRET not in r.stdout


@needs_symlinks
def test_a_ledger_that_links_outside_its_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = story(tmp_path / "elsewhere")
    root = tmp_path / "story"
    root.mkdir()
    (root / "claims.toml").symlink_to(elsewhere / "claims.toml")
    r = run(["verify"], root)
    assert r.returncode == 2 and "outside the story folder" in one_line(r.stderr)


@needs_fifo
def test_claims_at_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    os.mkfifo(root / "pipe.toml")
    r = run(["verify", "--claims", "pipe.toml"], root, timeout=30)
    assert r.returncode == 2
    assert one_line(r.stderr) == "factcheck: pipe.toml: is a named pipe (FIFO), not a regular file; not read"


@needs_fifo
def test_a_fifo_in_sources_or_as_the_draft_is_refused_without_waiting(tmp_path: Path) -> None:
    root = story(tmp_path / "story", '[[claim]]\nid = "p"\nsource = "pipe"\nquote = "40 buses"\n')
    os.mkfifo(root / "sources" / "pipe.md")
    r = run(["verify", "--format", "json"], root, timeout=30)
    doc = json.loads(r.stdout)
    assert [(f["code"], f["claims"], f["message"]) for f in doc["findings"] if f["code"] == "FC010"] == [
        ("FC010", ["p"], "pipe.md is a named pipe (FIFO), not a regular file; not read")]
    os.mkfifo(root / "draft.md")
    r = run(["verify"], root, timeout=30)
    assert r.returncode == 2
    assert one_line(r.stderr) == "factcheck: draft.md: is a named pipe (FIFO), not a regular file; not read"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_claims_at_dev_zero_is_refused(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    r = run(["verify", "--claims", "/dev/zero"], root, timeout=30)
    assert r.returncode == 2
    line = one_line(r.stderr)
    # /dev is outside the story folder, and not a regular file either way
    assert line.startswith("factcheck: /dev/zero: ") and "not read" in line


def test_a_ledger_or_source_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    root = story(tmp_path / "story", '[[claim]]\nid = "huge"\nsource = "huge"\nquote = "40 buses"\n')
    with open(root / "sources" / "huge.md", "wb") as fh:  # sparse: no disk is filled
        fh.truncate(17 * 1024 * 1024)
    r = run(["verify", "--format", "json"], root)
    doc = json.loads(r.stdout)
    assert [(f["claims"], f["message"]) for f in doc["findings"] if f["code"] == "FC010"] == [
        (["huge"], "huge.md is 17.0 MiB, over the 16 MiB factcheck reads from one file; not read")]
    assert {c["id"]: c["status"] for c in doc["claims"]}["buses"] == "supported"
    with open(root / "big.toml", "wb") as fh:
        fh.truncate(20 * 1024 * 1024)
    r = run(["verify", "--claims", "big.toml"], root)
    assert r.returncode == 2
    assert one_line(r.stderr) == ("factcheck: big.toml: is 20.0 MiB, over the 16 MiB factcheck reads from one "
                                  "file; not read")


@needs_fifo
def test_extract_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    os.mkfifo(root / "article.md")
    r = run(["extract", "article.md"], root, timeout=30)
    assert r.returncode == 2
    assert one_line(r.stderr) == "factcheck: article.md: is a named pipe (FIFO), not a regular file; not read"


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_extract_refuses_a_proc_entry_even_when_named(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    r = run(["extract", "/proc/self/environ"], root, env={"FACTCHECK_SECRET": SECRET})
    assert r.returncode == 2
    assert one_line(r.stderr) == "factcheck: /proc/self/environ: is a proc entry, not a file; not read"
    assert SECRET not in r.stdout


@needs_symlinks
def test_a_source_that_became_a_link_after_its_folder_was_listed_is_still_confined(tmp_path: Path) -> None:
    # read_sources resolves the sources folder once and opens each plain file it listed without
    # following links; a file swapped for a link in between is resolved and refused like any.
    from factcheck.errors import CannotRun
    from factcheck.load import read_story_file

    secret = _outside(tmp_path)
    root = tmp_path / "story"
    story(root)
    swapped = root / "sources" / "swapped.md"
    swapped.symlink_to(secret)
    with pytest.raises(CannotRun, match="outside the story folder"):
        read_story_file(swapped, root, resolved=swapped)
    plain = root / "sources" / "plain.md"
    plain.write_text("A line.\n", encoding="utf-8")
    assert read_story_file(plain, root, resolved=plain.resolve()) == b"A line.\n"
