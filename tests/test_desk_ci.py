"""A desk's CI, for real: a scratch git repository with two stories in subfolders passes and fails
exactly as its stories do — under the pre-commit hook this checkout offers, under the README's
.pre-commit-config.yaml, and under the README's GitHub Actions commands run locally."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, write_story

yaml = pytest.importorskip("yaml")  # comes with pre-commit (the test extra)

BIN = Path(sys.executable).parent  # where this environment's `factcheck` is
README = (REPO / "README.md").read_text(encoding="utf-8")
GIT = shutil.which("git")

CLEAN = """
    [story]
    title = "Harbour dredging"
    published = 2025-03-02

    [[claim]]
    id = "cost"
    source = "port"
    quote = "the dredging will cost €40m over three years"
    amount = "€40m"
"""
PORT = "+++\noutlet = \"Port Gazette\"\npublished = 2025-03-01\nurl = \"https://port.example/d\"\n+++\n" \
       "Officials said the dredging will cost €40m over three years.\n"
BAD = """
    [story]
    title = "Mill closure"

    [[claim]]
    id = "jobs"
    source = "mill"
    quote = "the mill will cut 1,200 jobs"
"""
MILL = "+++\noutlet = \"Mill Times\"\npublished = 2025-03-01\nurl = \"https://mill.example/j\"\n+++\n" \
       "The mill will cut 1,100 jobs by spring.\n"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PRE_COMMIT"))}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", NO_COLOR="1", GIT_AUTHOR_NAME="Desk",
               GIT_AUTHOR_EMAIL="desk@example.org", GIT_COMMITTER_NAME="Desk",
               GIT_COMMITTER_EMAIL="desk@example.org", GIT_CONFIG_NOSYSTEM="1", HOME=extra.pop("HOME", ""))
    env.update(extra)
    return env


def _run(args: list[str] | str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=_env(**env), capture_output=True, text=True, timeout=600,
                          shell=isinstance(args, str), executable="/bin/bash" if isinstance(args, str) else None)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """stories/harbour (clean) and stories/mill (a misquoted figure), a README and a folder of
    notes whose sources/ belongs to no story, committed in a git repository."""
    if GIT is None:
        pytest.skip("git is not installed")
    root = tmp_path / "desk"
    write_story(root / "stories" / "harbour", CLEAN, {"port.md": PORT})
    write_story(root / "stories" / "mill", BAD, {"mill.md": MILL})
    (root / "notes" / "sources").mkdir(parents=True)
    (root / "notes" / "sources" / "tips.md").write_text("A tip about 3,000 jobs.\n", encoding="utf-8")
    (root / "README.md").write_text("Our stories.\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    for cmd in (["git", "init", "-q", "."], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "stories"]):
        assert _run(cmd, root, HOME=str(home)).returncode == 0
    return root


def _fix_mill(root: Path) -> None:
    ledger = root / "stories" / "mill" / "claims.toml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("1,200", "1,100"), encoding="utf-8")


# -- the README's GitHub Actions workflow, run locally --------------------------------------------


def _workflow() -> dict[str, Any]:
    blocks = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)
    (block,) = [b for b in blocks if "upload-sarif" in b]
    doc: dict[str, Any] = yaml.safe_load(block)
    return doc


def _factcheck_steps() -> list[str]:
    steps = _workflow()["jobs"]["verify"]["steps"]
    return [s["run"] for s in steps if "run" in s and s["run"].startswith("factcheck ")]


def test_the_readme_workflow_is_complete() -> None:
    wf = _workflow()
    steps = wf["jobs"]["verify"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    assert "github/codeql-action/upload-sarif" in uses
    assert wf["permissions"]["security-events"] == "write"
    assert all("working-directory" not in s for s in steps)  # everything from the repository root
    runs = _factcheck_steps()
    assert any("--format sarif" in r for r in runs) and any("--format github" in r for r in runs)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] in next(r for r in runs if "--format sarif" in r)


def _run_workflow(root: Path, tmp_path: Path) -> tuple[list[subprocess.CompletedProcess[str]], Path]:
    summary = tmp_path / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    done = [_run(cmd, root, GITHUB_WORKSPACE=str(root), GITHUB_STEP_SUMMARY=str(summary), GITHUB_ACTIONS="true")
            for cmd in _factcheck_steps()]
    return done, summary


# Annotation commands; the text report after them is fenced by ::stop-commands:: lines.
_ANNOTATION = ("::error ", "::warning ", "::notice ")


def test_the_readme_workflow_fails_on_the_story_with_an_error(desk: Path, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    (sarif_step, check_step), summary = _run_workflow(desk, tmp_path)
    assert sarif_step.returncode == 0, sarif_step.stderr  # --fail-on never: the upload always happens
    doc = json.loads((desk / "factcheck.sarif").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(doc)) == []
    assert [r["automationDetails"]["id"] for r in doc["runs"]] == ["factcheck/stories/harbour/",
                                                                  "factcheck/stories/mill/"]
    assert [len(r["results"]) for r in doc["runs"]] == [0, 1]
    assert check_step.returncode == 1, check_step.stderr
    annotations = [line for line in check_step.stdout.splitlines() if line.startswith(_ANNOTATION)]
    assert len(annotations) == 1 and annotations[0].startswith("::error file=stories/mill/claims.toml,line=")
    memo = summary.read_text(encoding="utf-8")
    assert memo.count("# Fact-check memo") == 2 and "Mill closure" in memo and "Harbour dredging" in memo


def test_the_readme_workflow_passes_when_every_story_does(desk: Path, tmp_path: Path) -> None:
    _fix_mill(desk)
    (sarif_step, check_step), _ = _run_workflow(desk, tmp_path)
    assert (sarif_step.returncode, check_step.returncode) == (0, 0), check_step.stdout + check_step.stderr
    assert not [line for line in check_step.stdout.splitlines() if line.startswith(_ANNOTATION)]


# -- pre-commit -----------------------------------------------------------------------------------


def _pre_commit(args: list[str], root: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-m", "pre_commit", *args], root, PRE_COMMIT_HOME=str(home / "cache"),
                HOME=str(home))


def _readme_config() -> str:
    blocks: list[str] = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)
    (block,) = [b for b in blocks if b.startswith("repos:")]
    return block


@pytest.mark.parametrize(("files", "status", "checked"), [
    (["stories/harbour/claims.toml"], 0, ["harbour"]),
    (["stories/harbour/sources/port.md", "stories/harbour/claims.toml"], 0, ["harbour"]),
    (["stories/mill/sources/mill.md"], 1, ["mill"]),
    (["stories/harbour/claims.toml", "stories/mill/claims.toml"], 1, ["harbour", "mill"]),
    (["notes/sources/tips.md"], 0, []),  # matches the hook's pattern, belongs to no story
    (["README.md"], 0, []),  # not the hook's business at all
])
def test_the_readme_pre_commit_config(desk: Path, tmp_path: Path, files: list[str], status: int,
                                      checked: list[str]) -> None:
    pytest.importorskip("pre_commit")
    (desk / ".pre-commit-config.yaml").write_text(_readme_config(), encoding="utf-8")
    home = tmp_path / "home"
    assert _run(["git", "add", ".pre-commit-config.yaml"], desk, HOME=str(home)).returncode == 0
    r = _pre_commit(["run", "--files", *files], desk, home)
    assert r.returncode == status, r.stdout + r.stderr
    if status:
        assert "FC102" in r.stdout and "stories/mill/claims.toml" in r.stdout
    if "harbour" not in checked:
        assert "Harbour" not in r.stdout


def test_the_hook_this_checkout_offers_with_try_repo(desk: Path, tmp_path: Path) -> None:
    """`pre-commit try-repo` installs the hook from this checkout (language: python: a local build,
    nothing fetched but the build's own requirements) and runs it on files of both stories, a
    source outside any story and the README. One run, as it installs the hook (the README config's
    runs above cover a commit that passes): each story is reported once, as it stands."""
    pytest.importorskip("pre_commit")
    home = tmp_path / "home"
    r = _pre_commit(["try-repo", str(REPO), "factcheck", "--files", "stories/harbour/claims.toml",
                     "stories/harbour/sources/port.md", "stories/mill/sources/mill.md", "notes/sources/tips.md",
                     "README.md"], desk, home)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    sections = re.split(r"^== ", out, flags=re.M)[1:]
    assert [s.splitlines()[0] for s in sections] == ["stories/harbour/claims.toml", "stories/mill/claims.toml"]
    harbour, mill = sections
    assert "no findings" in harbour
    assert "FC102" in mill and "1,200" in mill
    assert "tips.md" not in out
