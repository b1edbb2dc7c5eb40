"""The command line as an editor meets it: exit statuses, messages, JSON, and the terminal text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import STORIES, invoke, write_story

ONE_GOOD_ONE_BAD = STORIES / "quote-found-and-missing"


def test_findings_exit_1(cli: CliRunner) -> None:
    r = invoke(cli, ["verify"], cwd=ONE_GOOD_ONE_BAD)
    assert r.exit_code == 1
    assert "FC102 error  claims.toml:9" in r.output
    assert "1 error blocks publication" in r.output


def test_fail_on_never_and_select(cli: CliRunner) -> None:
    assert invoke(cli, ["verify", "--fail-on", "never"], cwd=ONE_GOOD_ONE_BAD).exit_code == 0
    assert invoke(cli, ["verify", "--ignore", "FC1"], cwd=ONE_GOOD_ONE_BAD).exit_code == 0
    assert invoke(cli, ["verify", "--select", "FC10"], cwd=ONE_GOOD_ONE_BAD).exit_code == 1
    assert invoke(cli, ["verify", "--select", "FC2"], cwd=ONE_GOOD_ONE_BAD).exit_code == 0


def test_fail_on_warning(cli: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(STORIES / "units", tmp_path / "s")
    assert invoke(cli, ["verify"], cwd=tmp_path / "s").exit_code == 0
    assert invoke(cli, ["verify", "--fail-on", "warning"], cwd=tmp_path / "s").exit_code == 1


def test_unknown_code_is_a_usage_error(cli: CliRunner) -> None:
    r = invoke(cli, ["verify", "--select", "FC9"], cwd=ONE_GOOD_ONE_BAD)
    assert r.exit_code == 2
    assert "no rule code starts with 'FC9'" in r.output


def test_no_ledger_exit_2(cli: CliRunner, tmp_path: Path) -> None:
    r = invoke(cli, ["verify"], cwd=tmp_path)
    assert r.exit_code == 2
    assert r.output == "factcheck: claims.toml: no ledger here; run 'factcheck init' to start one, or pass --claims PATH\n"


def test_invalid_toml_exit_2_with_line_and_column(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, '[[claim]]\nid = "a"\nsource = "s"\namount = "10\n')
    r = invoke(cli, ["verify"], cwd=tmp_path)
    assert r.exit_code == 2
    assert r.output.startswith("factcheck: claims.toml:4:")
    assert "invalid TOML" in r.output


def test_ledger_not_utf8_exit_2(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "claims.toml").write_bytes(b'[[claim]]\nid = "S\xe9oul"\n')
    r = invoke(cli, ["verify"], cwd=tmp_path)
    assert r.exit_code == 2
    assert r.output == "factcheck: claims.toml:2:8: not UTF-8 text (byte 0xe9); save the file as UTF-8\n"


def test_claims_option_finds_sources_beside_the_ledger(cli: CliRunner, tmp_path: Path) -> None:
    r = invoke(cli, ["verify", "--claims", str(ONE_GOOD_ONE_BAD / "claims.toml")], cwd=tmp_path)
    assert r.exit_code == 1
    assert "FC102" in r.output


def test_sources_option(cli: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ONE_GOOD_ONE_BAD, tmp_path / "s")
    shutil.move(str(tmp_path / "s" / "sources"), str(tmp_path / "elsewhere"))
    r = invoke(cli, ["verify", "--format", "json"], cwd=tmp_path / "s")
    assert {f["code"] for f in json.loads(r.output)["findings"]} == {"FC101"}
    r = invoke(cli, ["verify", "--sources", "../elsewhere", "--format", "json"], cwd=tmp_path / "s")
    assert {f["code"] for f in json.loads(r.output)["findings"]} == {"FC102"}
    r = invoke(cli, ["verify", "--sources", "../nowhere"], cwd=tmp_path / "s")
    assert r.exit_code == 2 and "no such folder" in r.output


def test_json_shape(cli: CliRunner, at_repo_root: Path) -> None:
    r = invoke(cli, ["verify", "--format", "json"], cwd=ONE_GOOD_ONE_BAD)
    assert r.exit_code == 1
    doc = json.loads(r.output)
    assert doc["version"] == 1
    assert doc["summary"] == {"claims": 2, "sources": 1, "error": 1, "warning": 0, "info": 0, "accepted": 0}
    good, bad = doc["claims"]
    assert good["id"] == "good" and good["status"] == "supported" and good["source"] == "joongang"
    assert good["amount"] == {"text": "10,900", "low": 10900, "high": 10900}
    assert good["when"] is None
    assert bad["status"] == "unsupported"
    (f,) = doc["findings"]
    assert set(f) >= {"code", "severity", "message", "claims", "sources", "accepted", "location"}
    assert (f["code"], f["severity"], f["claims"], f["sources"], f["accepted"]) == (
        "FC102", "error", ["bad"], ["joongang"], None)
    # from the repository root, whatever folder the command ran in
    assert f["location"] == {"path": "tests/stories/quote-found-and-missing/claims.toml", "line": 9, "column": None}


def test_json_unbounded_ends_are_null(cli: CliRunner) -> None:
    r = invoke(cli, ["verify", "--format", "json"], cwd=STORIES / "cross-sources")
    claims = {c["id"]: c for c in json.loads(r.output)["claims"]}
    assert claims["shells-jd"]["amount"] == {"text": "over 9 million", "low": 9000000, "high": None}
    assert claims["shells-jd"]["status"] == "conflicting"


def test_json_when_fields(cli: CliRunner) -> None:
    r = invoke(cli, ["verify", "--format", "json"], cwd=STORIES / "timing")
    claims = {c["id"]: c for c in json.loads(r.output)["claims"]}
    assert claims["first-deployment-nis"]["when"] == {"text": "earlier this month", "start": "2024-10-01",
                                                      "end": "2024-10-23"}


def test_markup_in_sources_is_printed_not_interpreted(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, '''
        [[claim]]
        id = "markup"
        source = "s"
        quote = "[bold red]10 boom[/] :fire: [link=http://x]y[/link]"
        ''', {"s.md": "Nothing of the kind, 12 times.\n"})
    r = invoke(cli, ["verify"], cwd=tmp_path)
    assert "[bold red]10 boom[/] :fire: [link=http://x]y[/link]" in r.output.replace("\n  ", " ")
    assert "🔥" not in r.output


def test_quiet_and_verbose(cli: CliRunner) -> None:
    quiet = invoke(cli, ["verify", "--quiet"], cwd=ONE_GOOD_ONE_BAD).output
    assert "FC102" in quiet and "status" not in quiet
    verbose = invoke(cli, ["verify", "--verbose"], cwd=ONE_GOOD_ONE_BAD).output
    assert "“10,900 soldiers in late 2023”" in verbose


def test_rules_and_explain(cli: CliRunner) -> None:
    r = invoke(cli, ["rules"])
    assert r.exit_code == 0
    assert "FC102" in r.output and "quote-not-found" in r.output
    e = invoke(cli, ["explain", "FC102"])
    assert e.exit_code == 0
    for section in ("What it checks", "Why an editor cares", "Example (raises FC102)",
                    "Passes (does not raise FC102)", "claims.toml", "sources/hospital.md",
                    'quote = "cost $310 million"'):
        assert section in e.output
    assert e.output.index("Example (raises") < e.output.index("Passes (does not")
    drafted = invoke(cli, ["explain", "fc611"]).output  # a story with a draft and [story] published
    assert "draft.md" in drafted and "published = 2023-02-20" in drafted
    crash = invoke(cli, ["explain", "FC000"]).output
    assert "No story raises it on purpose" in crash and "Passes (does not raise FC000)" in crash
    bad = invoke(cli, ["explain", "FC199"])
    assert bad.exit_code == 2 and "no rule FC199" in bad.output


def test_help_lists_commands(cli: CliRunner) -> None:
    r = invoke(cli, ["--help"])
    assert r.exit_code == 0 and "verify" in r.output and "explain" in r.output


@pytest.mark.skipif(shutil.which("factcheck") is None and not (Path(sys.executable).parent / "factcheck").exists(),
                    reason="the console script is not installed")
def test_installed_console_script(tmp_path: Path) -> None:
    """The real entry point, in a real process: findings exit 1, a clean story exit 0."""
    exe = shutil.which("factcheck") or str(Path(sys.executable).parent / "factcheck")
    env = {**os.environ, "NO_COLOR": "1"}
    r = subprocess.run([exe, "verify"], cwd=ONE_GOOD_ONE_BAD, capture_output=True, text=True, env=env)
    assert r.returncode == 1, r.stderr
    assert "FC102 error" in r.stdout and r.stderr == ""
    r2 = subprocess.run([exe, "verify", "--format", "json", "--ignore", "FC102"], cwd=ONE_GOOD_ONE_BAD,
                        capture_output=True, text=True, env=env)
    assert r2.returncode == 0 and json.loads(r2.stdout)["summary"]["error"] == 0
    r3 = subprocess.run([exe, "verify"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert r3.returncode == 2 and r3.stdout == "" and "no ledger here" in r3.stderr
    r4 = subprocess.run([sys.executable, "-m", "factcheck", "verify"], cwd=ONE_GOOD_ONE_BAD,
                        capture_output=True, text=True, env=env)
    assert r4.returncode == 1


@pytest.mark.parametrize(("story", "fail_on", "status"), [
    ("cumulative", "error", 1), ("cumulative", "never", 0),  # two errors
    ("units", "error", 0), ("units", "warning", 1), ("units", "info", 1), ("units", "never", 0),  # one warning
    ("sourcing", "error", 0), ("sourcing", "warning", 0), ("sourcing", "info", 1),  # three info
])
def test_report_exit_status_follows_fail_on_as_verify_does(cli: CliRunner, tmp_path: Path, story: str,
                                                           fail_on: str, status: int) -> None:
    shutil.copytree(STORIES / story, tmp_path / "s")
    cwd = tmp_path / "s"
    assert invoke(cli, ["verify", "--fail-on", fail_on], cwd=cwd).exit_code == status
    to_stdout = invoke(cli, ["report", "--format", "json", "--fail-on", fail_on, "-o", "-"], cwd=cwd)
    assert to_stdout.exit_code == status
    assert json.loads(to_stdout.stdout)["version"] == 1  # the report is written whatever the status
    to_file = invoke(cli, ["report", "--fail-on", fail_on, "-o", "memo.md"], cwd=cwd)
    assert to_file.exit_code == status
    assert (cwd / "memo.md").read_text(encoding="utf-8").startswith("# Fact-check memo")


def test_report_default_fail_on_is_error(cli: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(STORIES / "units", tmp_path / "s")
    assert invoke(cli, ["report", "-o", "-"], cwd=tmp_path / "s").exit_code == 0  # a warning only
    shutil.copytree(STORIES / "cumulative", tmp_path / "c")
    assert invoke(cli, ["report", "-o", "-"], cwd=tmp_path / "c").exit_code == 1


@pytest.mark.parametrize("command", [["verify"], ["report", "-o", "-"], ["timeline"], ["sources"]])
def test_claims_path_that_does_not_exist_names_the_path_tried(cli: CliRunner, tmp_path: Path,
                                                              command: list[str]) -> None:
    r = invoke(cli, [*command, "--claims", "elsewhere/claims.toml"], cwd=tmp_path)
    assert r.exit_code == 2
    tried = tmp_path / "elsewhere" / "claims.toml"
    assert r.output == f"factcheck: elsewhere/claims.toml: no such ledger (--claims; tried {tried})\n"
    assert "pass --claims" not in r.output


def test_claims_absolute_path_that_does_not_exist(cli: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "gone.toml"
    r = invoke(cli, ["verify", "--claims", str(missing)], cwd=tmp_path)
    assert r.exit_code == 2
    assert r.output == f"factcheck: {missing}: no such ledger (--claims; tried {missing})\n"
