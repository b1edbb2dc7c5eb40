"""init and atomic writes: nothing an editor wrote is ever overwritten or truncated."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.workspace import write_atomic
from tests.conftest import invoke


def test_init_creates_a_worked_example_that_verifies(cli: CliRunner, tmp_path: Path) -> None:
    r = invoke(cli, ["init", "story"], cwd=tmp_path)
    assert r.exit_code == 0
    story = tmp_path / "story"
    assert (story / "claims.toml").is_file() and (story / "reports").is_dir()
    assert sorted(p.name for p in (story / "sources").iterdir()) == ["council-minutes.md", "gazette.md"]
    v = invoke(cli, ["verify", "--format", "json"], cwd=story)
    doc = json.loads(v.output)
    assert v.exit_code == 1
    assert {(f["code"], tuple(f["claims"])) for f in doc["findings"]} == {
        ("FC301", ("cost-gazette", "cost-total")),
        ("FC202", ("cost-total", "cost-buses", "cost-chargers")),
    }


def test_init_never_overwrites(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims.toml").write_text("# my ledger\n", encoding="utf-8")
    (tmp_path / "sources" / "gazette.md").write_text("mine\n", encoding="utf-8")
    r = invoke(cli, ["init", "--example"], cwd=tmp_path)
    assert r.exit_code == 0
    assert (tmp_path / "claims.toml").read_text(encoding="utf-8") == "# my ledger\n"
    assert (tmp_path / "sources" / "gazette.md").read_text(encoding="utf-8") == "mine\n"
    assert "kept claims.toml (it exists; not overwritten)" in r.output
    assert "kept sources/gazette.md (it exists; not overwritten)" in r.output
    assert "created sources/council-minutes.md" in r.output


@pytest.mark.parametrize(("ledger", "sources", "created"), [
    (True, [], ["created reports/"]),  # a ledger alone: the folders it lacks
    (True, ["agency.md"], ["created reports/"]),
    (False, ["agency.md"], ["created reports/", "created claims.toml"]),  # sources alone: a ledger with no claims
])
def test_init_in_an_existing_story_adds_only_the_missing_skeleton(
        cli: CliRunner, tmp_path: Path, ledger: bool, sources: list[str], created: list[str]) -> None:
    if ledger:
        (tmp_path / "claims.toml").write_text("# my ledger\n", encoding="utf-8")
    if sources:
        (tmp_path / "sources").mkdir()
    for name in sources:
        (tmp_path / "sources" / name).write_text("The agency counted 1,200 people.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    r = invoke(cli, ["init", "."], cwd=tmp_path)
    assert r.exit_code == 0
    got = sorted(line for line in r.stdout.splitlines() if line.startswith("created"))
    assert got == sorted(created + ([] if sources else ["created sources/"]))
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == sources  # never the demo sources
    for name, data in before.items():
        assert next(tmp_path.rglob(name)).read_bytes() == data
    if not ledger:  # the skeleton ledger asserts nothing and verifies clean
        v = invoke(cli, ["verify", "--format", "json"], cwd=tmp_path)
        assert v.exit_code == 0 and json.loads(v.output)["claims"] == []


def test_init_twice_creates_nothing_and_says_so(cli: CliRunner, tmp_path: Path) -> None:
    assert invoke(cli, ["init"], cwd=tmp_path).exit_code == 0
    r = invoke(cli, ["init"], cwd=tmp_path)
    assert r.exit_code == 0
    assert "created" not in r.output
    assert ". already holds a story folder; nothing to create" in r.output


def test_init_no_example_in_an_empty_folder_writes_the_skeleton(cli: CliRunner, tmp_path: Path) -> None:
    r = invoke(cli, ["init", "--no-example", "new"], cwd=tmp_path)
    assert r.exit_code == 0
    assert list((tmp_path / "new" / "sources").iterdir()) == []
    assert "\n[[claim]]" not in (tmp_path / "new" / "claims.toml").read_text(encoding="utf-8")  # commented out only


def test_init_that_cannot_write_is_one_clear_line(cli: CliRunner, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object, mode: str = "r", *a: object, **k: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("factcheck.workspace.open", refuse, raising=False)
    r = invoke(cli, ["init", str(tmp_path / "ro")])
    assert r.exit_code == 2
    assert r.output.startswith("factcheck: ") and "cannot write: Permission denied" in r.output


def test_write_atomic_replaces_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "reports" / "memo.md"
    write_atomic(target, "first\n")
    assert target.read_text(encoding="utf-8") == "first\n"

    def boom(*a: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "second, half written")
    assert target.read_text(encoding="utf-8") == "first\n"
    assert [p.name for p in target.parent.iterdir()] == ["memo.md"]  # no temporary left behind


def test_timeline_marks_conflicts(cli: CliRunner) -> None:
    root = Path(__file__).resolve().parent.parent
    r = invoke(cli, ["timeline", "nk-troops.first-deployment"], cwd=root)
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0] == "nk-troops.first-deployment"
    jd = next(line for line in lines if line.startswith("first-deployment-jd"))
    nis = next(line for line in lines if line.startswith("first-deployment-nis"))
    assert "✗ late 2023" in jd and "✗ earlier this month" in nis
    assert jd.index("━") < nis.index("━")  # late 2023 sits before October 2024
    assert lines[-1].split() == ["2023-09-01", "2024-10-23"]


def test_timeline_without_dates_is_exit_2(cli: CliRunner) -> None:
    root = Path(__file__).resolve().parent.parent
    r = invoke(cli, ["timeline", "no-such-subject"], cwd=root)
    assert r.exit_code == 2 and "has no dated claims" in r.output


def test_write_atomic_keeps_a_files_permissions_and_gives_a_new_one_the_umasks(tmp_path: Path) -> None:
    import os
    import stat

    from factcheck.workspace import write_atomic

    ledger = tmp_path / "claims.toml"
    ledger.write_text("[story]\n", encoding="utf-8")
    os.chmod(ledger, 0o640)
    write_atomic(ledger, "[story]\ntitle = \"x\"\n")
    assert stat.S_IMODE(ledger.stat().st_mode) == 0o640  # a rewrite leaves the editor's permissions alone
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "reports" / "memo.md", "memo")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "reports" / "memo.md").stat().st_mode) == 0o644  # not mkstemp's 0600
