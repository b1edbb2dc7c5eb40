"""Bad input: every broken story gives a clear message and the right exit status, never a
traceback; nothing is lost, nothing is executed, nothing outside the story folder is read.

tests/bad/<case>/ are broken story folders written by hand, each with expect.toml: the exit
status and either the exact message on stderr (exit 2) or the exact findings. Cases that need
binary or very large files are built here.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import invoke, write_story

BAD = Path(__file__).parent / "bad"
CASES = sorted(p.parent for p in BAD.glob("*/expect.toml"))
FM = '+++\noutlet = "Wire"\npublished = 2025-06-20\nurl = "https://wire.example/a"\n+++\n'


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_bad_story(cli: CliRunner, case: Path) -> None:
    expect = tomllib.loads((case / "expect.toml").read_text(encoding="utf-8"))
    r = invoke(cli, ["verify", "--format", "json"], cwd=case)
    assert r.exit_code == expect["exit"], r.output
    if expect["exit"] == 2:
        assert r.stdout == ""
        assert r.stderr == expect["stderr"]
        return
    doc = json.loads(r.stdout)
    got = {(f["code"], tuple(f["claims"])) for f in doc["findings"]}
    want = {(f["code"], tuple(f["claims"])) for f in expect["findings"]}
    assert got == want, [(f["code"], f["claims"], f["message"]) for f in doc["findings"]]
    for f in expect["findings"]:
        mine = [x for x in doc["findings"] if (x["code"], tuple(x["claims"])) == (f["code"], tuple(f["claims"]))]
        if "message" in f:
            assert any(f["message"] in x["message"] for x in mine), [x["message"] for x in mine]
        if "line" in f:
            assert mine[0]["location"]["line"] == f["line"]
    if "text" in expect:
        text = invoke(cli, ["verify"], cwd=case).output
        flat = " ".join(text.split())
        for needle in expect["text"]:
            assert needle in flat


def _codes(cli: CliRunner, root: Path) -> list[tuple[str, list[str], str]]:
    r = invoke(cli, ["verify", "--format", "json"], cwd=root)
    assert r.exit_code in (0, 1), r.output
    return [(f["code"], f["claims"], f["message"]) for f in json.loads(r.stdout)["findings"]]


def test_binary_and_latin1_sources(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, '[[claim]]\nid = "a"\nsource = "pdf"\nquote = "40"\n\n'
                          '[[claim]]\nid = "b"\nsource = "latin"\nquote = "40"\n')
    (tmp_path / "sources" / "pdf.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    (tmp_path / "sources" / "latin.md").write_bytes(b"line one\nS\xe9oul counted 40 buses\n")
    got = _codes(cli, tmp_path)
    assert ("FC010", ["a"], "pdf.txt is a binary file, not text; save the article as UTF-8 text") in got
    assert ("FC010", ["b"], "not UTF-8 text (byte 0xe9); save the file as UTF-8") in got


def test_a_megabyte_line_and_a_ten_megabyte_source(cli: CliRunner, tmp_path: Path) -> None:
    line = "filler " * 150_000  # about a megabyte on one line
    big = (FM + line + "\n") + ("Background paragraph without figures.\n" * 250_000) + "The fleet has 40 buses.\n"
    write_story(tmp_path, '[[claim]]\nid = "found"\nsource = "big"\nquote = "The fleet has 40 buses"\n\n'
                          '[[claim]]\nid = "missing"\nsource = "big"\nquote = "The fleet has 41 buses"\n\n'
                          f'[[claim]]\nid = "long-line-quote"\nsource = "big"\nquote = "{"filler " * 2000}x"\n',
                {"big.md": big})
    assert (tmp_path / "sources" / "big.md").stat().st_size > 10_000_000
    got = _codes(cli, tmp_path)
    assert sorted((c, ids) for c, ids, _ in got) == [("FC008", ["long-line-quote"]), ("FC102", ["long-line-quote"]),
                                                    ("FC102", ["missing"])]
    assert "41" in next(m for c, ids, m in got if ids == ["missing"])


def test_symlinks_that_leave_the_story_are_refused(cli: CliRunner, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(FM + "Secret: 40 buses.\n", encoding="utf-8")
    story = tmp_path / "story"
    write_story(story, '[[claim]]\nid = "a"\nsource = "leak"\nquote = "40 buses"\n\n'
                       '[[claim]]\nid = "b"\nsource = "inside"\nquote = "40 buses"\n',
                {"real.md": FM + "Here: 40 buses.\n"})
    (story / "sources" / "leak.md").symlink_to(outside)
    (story / "sources" / "inside.md").symlink_to(story / "sources" / "real.md")
    (story / "sources" / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    got = _codes(cli, story)
    assert ("FC010", ["a"], "leak.md links outside the story folder; not read (copy the file into sources/ "
                            "instead)") in got
    assert ("FC010", [], "dangling.md is a link to nothing; not read") in got
    assert not any(ids == ["b"] for _, ids, _ in got)  # a link inside the story folder is fine


def test_ledger_that_is_a_folder_or_binary(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "claims.toml").mkdir()
    r = invoke(cli, ["verify"], cwd=tmp_path)
    assert r.exit_code == 2
    assert r.stderr == "factcheck: claims.toml: is a folder; --claims takes the ledger file (claims.toml)\n"
    (tmp_path / "bin.toml").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    r2 = invoke(cli, ["verify", "--claims", "bin.toml"], cwd=tmp_path)
    assert r2.exit_code == 2 and r2.stderr == "factcheck: bin.toml:1:1: not UTF-8 text (byte 0x89); save the file as UTF-8\n"


def test_an_internal_error_is_one_line_and_exit_2(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import factcheck.engine

    def boom(opts: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(factcheck.engine, "run", boom)
    r = invoke(cli, ["verify"], cwd=BAD / "empty")
    assert r.exit_code == 2
    assert r.stderr == ("factcheck: internal error: RuntimeError: boom (this is a bug in factcheck; please report it "
                        "with the command you ran)\n")


def test_a_crashing_rule_is_a_finding(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from factcheck.resolve import Story
    from factcheck.rules import REGISTRY, Hit, load_rules

    load_rules()

    def broken(story: Story) -> Iterator[Hit]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(REGISTRY, "FC501", replace(REGISTRY["FC501"], fn=broken))
    r = invoke(cli, ["verify", "--format", "json"], cwd=BAD / "empty-source")
    doc = json.loads(r.stdout)
    assert r.exit_code == 1
    assert ("FC000", "rule FC501 (single-source) crashed: ZeroDivisionError: division by zero; this is a bug in "
            "factcheck, please report it") in [(f["code"], f["message"]) for f in doc["findings"]]


def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() + str(p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_reading_commands_never_write(cli: CliRunner, tmp_path: Path) -> None:
    import shutil

    story = tmp_path / "story"
    shutil.copytree(Path(__file__).resolve().parent / "stories" / "timing", story)
    before = _snapshot(story)
    for args in (["verify"], ["verify", "--format", "json"], ["verify", "--format", "sarif"], ["timeline"],
                 ["sources"], ["rules"], ["extract", "sources/jd.md"], ["report", "-o", "-"]):
        invoke(cli, args, cwd=story)
    assert _snapshot(story) == before
    assert sorted(p.name for p in story.iterdir()) == ["claims.toml", "expect.toml", "sources"]


def test_report_into_a_folder_that_refuses_writes(cli: CliRunner, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    story = tmp_path / "story"
    write_story(story, "", {})
    (story / "reports").mkdir()
    (story / "reports" / "old.md").write_text("yesterday's memo\n", encoding="utf-8")

    def refuse(*a: object, **k: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    r = invoke(cli, ["report", "-o", "reports/old.md"], cwd=story)
    assert r.exit_code == 2
    assert r.stderr == "factcheck: reports/old.md: cannot write the report: Permission denied\n"
    assert (story / "reports" / "old.md").read_text(encoding="utf-8") == "yesterday's memo\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes regardless of permissions")
def test_read_only_story_folder(cli: CliRunner, tmp_path: Path) -> None:  # pragma: no cover - not as root
    story = tmp_path / "story"
    write_story(story, "", {})
    story.chmod(0o555)
    try:
        assert invoke(cli, ["verify"], cwd=story).exit_code == 0
        r = invoke(cli, ["report"], cwd=story)
        assert r.exit_code == 2 and "cannot write the report" in r.stderr
    finally:
        story.chmod(0o755)
