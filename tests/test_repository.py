"""`verify [PATH]...` in a repository of stories: which story each path belongs to, each story
once, one report, the worst exit status, and paths from the repository root in machine formats."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.repo import from_root, repo_root
from tests.conftest import invoke, write_story

CLEAN = """
    [[claim]]
    id = "jobs"
    source = "mill"
    quote = "1,100 jobs"
"""
BAD = CLEAN.replace("1,100 jobs", "1,200 jobs")
MILL = "+++\npublished = 2025-03-01\nurl = \"https://mill.example/j\"\n+++\nThe mill will cut 1,100 jobs.\n"


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    root = tmp_path / "desk"
    (root / ".git").mkdir(parents=True)
    write_story(root / "stories" / "clean", CLEAN, {"mill.md": MILL})
    write_story(root / "stories" / "bad", BAD, {"mill.md": MILL})
    (root / "stories" / "bad" / "draft.md").write_text("The mill cuts 1,100 jobs.\n", encoding="utf-8")
    (root / "notes" / "sources").mkdir(parents=True)
    (root / "notes" / "sources" / "tip.md").write_text("A tip.\n", encoding="utf-8")
    (root / "README.md").write_text("Stories.\n", encoding="utf-8")
    return root


def _ledgers(cli: CliRunner, cwd: Path, *args: str) -> tuple[int, list[str], str]:
    """The exit status, the ledgers the JSON report covers, and stderr."""
    r = invoke(cli, ["verify", "--format", "json", *args], cwd=cwd)
    if not r.stdout.strip():
        return r.exit_code, [], r.stderr
    doc = json.loads(r.stdout)
    return r.exit_code, [s["ledger"] for s in doc.get("stories", [doc])], r.stderr


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(("paths", "status", "ledgers"), [
    (["stories/clean"], 0, ["stories/clean/claims.toml"]),
    (["stories/clean/claims.toml"], 0, ["stories/clean/claims.toml"]),
    (["stories/clean/sources/mill.md"], 0, ["stories/clean/claims.toml"]),
    (["stories/clean/sources"], 0, ["stories/clean/claims.toml"]),  # a folder inside a story
    (["stories/bad/draft.md"], 1, ["stories/bad/claims.toml"]),
    (["stories"], 1, ["stories/bad/claims.toml", "stories/clean/claims.toml"]),  # a folder of stories
    (["."], 1, ["stories/bad/claims.toml", "stories/clean/claims.toml"]),
    # each story once, however many of its files are named
    (["stories/bad/claims.toml", "stories/bad/sources/mill.md", "stories/bad", "stories/bad/draft.md"], 1,
     ["stories/bad/claims.toml"]),
    (["stories/clean/sources/mill.md", "stories/bad/claims.toml"], 1,
     ["stories/bad/claims.toml", "stories/clean/claims.toml"]),
])
def test_each_path_maps_to_its_story(cli: CliRunner, desk: Path, paths: list[str], status: int,
                                     ledgers: list[str]) -> None:
    assert _ledgers(cli, desk, *paths)[:2] == (status, ledgers)


@pytest.mark.parametrize(("paths", "message"), [
    (["stories/nope.md"], "factcheck: stories/nope.md: no such file or folder"),
    (["README.md"], "factcheck: README.md: belongs to no story (no claims.toml in a folder above it)"),
    (["notes"], "factcheck: notes: belongs to no story (no claims.toml in it, below it or in a folder above it)"),
    (["stories/clean", "notes/sources/tip.md"], "factcheck: notes/sources/tip.md: belongs to no story"),
])
def test_a_path_outside_every_story_stops_the_run(cli: CliRunner, desk: Path, paths: list[str], message: str) -> None:
    status, ledgers, err = _ledgers(cli, desk, *paths)
    assert (status, ledgers) == (2, [])
    assert err.startswith(message) and len(err.strip().splitlines()) == 1


def test_skip_outside_passes_over_files_of_no_story(cli: CliRunner, desk: Path) -> None:
    assert _ledgers(cli, desk, "--skip-outside", "README.md", "stories/clean/claims.toml")[:2] == (
        0, ["stories/clean/claims.toml"])
    status, ledgers, err = _ledgers(cli, desk, "--skip-outside", "README.md", "notes/sources/tip.md")
    assert (status, ledgers) == (0, []) and "no story among the paths given" in err
    # a path that does not exist is still an error: a hook never passes one
    assert _ledgers(cli, desk, "--skip-outside", "gone.md")[0] == 2


def test_the_status_is_the_worst_and_a_broken_story_does_not_hide_the_others(cli: CliRunner, desk: Path) -> None:
    write_story(desk / "stories" / "broken", "[[claim]\nid = 1\n")
    r = invoke(cli, ["verify", "--format", "json", "stories"], cwd=desk)
    assert r.exit_code == 2
    assert "stories/broken/claims.toml:1:" in r.stderr and "invalid TOML" in r.stderr
    doc = json.loads(r.stdout)
    assert [s["ledger"] for s in doc["stories"]] == ["stories/bad/claims.toml", "stories/clean/claims.toml"]
    assert doc["summary"]["error"] == 1


def test_with_no_path_the_current_folder_as_before(cli: CliRunner, desk: Path) -> None:
    assert _ledgers(cli, desk / "stories" / "clean")[:2] == (0, ["stories/clean/claims.toml"])
    r = invoke(cli, ["verify"], cwd=desk)
    assert r.exit_code == 2 and "claims.toml" in r.stderr


@pytest.mark.parametrize("option", [["--claims", "stories/bad/claims.toml"], ["--claims", "claims.toml"],
                                    ["--sources", "stories/bad/sources"],
                                    ["--draft", "stories/bad/draft.md"]])
def test_one_storys_options_do_not_mix_with_paths(cli: CliRunner, desk: Path, option: list[str]) -> None:
    r = invoke(cli, ["verify", *option, "stories/clean"], cwd=desk)
    assert r.exit_code == 2 and f"{option[0]} names one story's file" in r.stderr


def test_text_report_names_each_story(cli: CliRunner, desk: Path) -> None:
    r = invoke(cli, ["verify", "--quiet", "stories"], cwd=desk)
    assert r.exit_code == 1
    assert r.stdout.index("== stories/bad/claims.toml") < r.stdout.index("FC102") < r.stdout.index(
        "== stories/clean/claims.toml")


def test_md_gives_each_storys_memo_and_html_one_story_only(cli: CliRunner, desk: Path) -> None:
    r = invoke(cli, ["verify", "--format", "md", "stories"], cwd=desk)
    assert r.stdout.count("# Fact-check memo") == 2
    r = invoke(cli, ["verify", "--format", "html", "stories"], cwd=desk)
    assert r.exit_code == 2 and "--format html shows one story" in r.stderr


def test_claimreview_of_several_stories_is_one_list(cli: CliRunner, desk: Path) -> None:
    r = invoke(cli, ["verify", "--format", "claimreview", "stories"], cwd=desk)
    assert json.loads(r.stdout) == []


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_paths_are_from_the_repository_root_in_any_folder(cli: CliRunner, desk: Path, fmt: str) -> None:
    outputs = []
    for cwd, path in ((desk, "stories/bad"), (desk / "stories", "bad"), (desk / "stories" / "bad", ".")):
        r = invoke(cli, ["verify", "--format", fmt, path], cwd=cwd)
        assert r.exit_code == 1
        # github: the annotations, before the fenced text report (its token is random per run)
        outputs.append(r.stdout.split("::stop-commands::")[0] if fmt == "github" else r.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "stories/bad/claims.toml" in outputs[0]


def test_text_paths_stay_as_the_editor_typed_them(cli: CliRunner, desk: Path) -> None:
    r = invoke(cli, ["verify", "--quiet"], cwd=desk / "stories" / "bad")
    assert "FC102 error  claims.toml:" in r.stdout


def test_repository_root(desk: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert repo_root(desk / "stories" / "bad") == desk  # the folder holding .git
    worktree = tmp_path / "wt"
    (worktree / "a").mkdir(parents=True)
    (worktree / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")  # a worktree's .git file
    assert repo_root(worktree / "a") == worktree
    monkeypatch.setenv("GITHUB_WORKSPACE", str(desk / "stories"))
    assert repo_root(desk / "stories" / "bad") == desk / "stories"


def test_a_repository_that_is_no_git_checkout_starts_at_the_current_folder(tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    if any((p / ".git").exists() for p in (lone, *lone.parents)):
        pytest.skip("the temporary folder lies inside a git checkout")
    assert repo_root(lone) == lone


_segment = st.text(alphabet="abcxyz-_. é", min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))


@given(inside=st.lists(_segment, min_size=1, max_size=4), cwd_depth=st.integers(0, 3))
def test_from_root_is_the_path_below_the_root_wherever_it_is_named_from(inside: list[str], cwd_depth: int) -> None:
    root = Path("/r/desk")
    target = root.joinpath(*inside)
    here = Path(os.getcwd())
    cwd = root.joinpath(*inside[:min(cwd_depth, len(inside) - 1)])
    relative = os.path.relpath(target, cwd)
    assert from_root(str(target), root) == "/".join(inside)
    assert from_root(os.path.join(os.path.relpath(cwd, here), relative), root) == "/".join(inside)


def test_a_path_outside_the_root_stays_absolute() -> None:
    assert from_root("/elsewhere/story/claims.toml", Path("/r/desk")) == "/elsewhere/story/claims.toml"



_folder = st.lists(st.sampled_from(["x", "y", "z"]), min_size=0, max_size=3).map(tuple)


@given(stories=st.sets(_folder, min_size=1, max_size=5), file_in=_folder)
def test_a_file_belongs_to_the_nearest_story_above_it(stories: set[tuple[str, ...]], file_in: tuple[str, ...]) -> None:
    import tempfile

    from factcheck.errors import CannotRun
    from factcheck.repo import select_stories

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in stories:
            root.joinpath(*folder).mkdir(parents=True, exist_ok=True)
            root.joinpath(*folder, "claims.toml").write_text("", encoding="utf-8")
        root.joinpath(*file_in).mkdir(parents=True, exist_ok=True)
        target = root.joinpath(*file_in, "notes.md")
        target.write_text("", encoding="utf-8")
        above = [file_in[:n] for n in range(len(file_in), -1, -1) if file_in[:n] in stories]
        try:
            got = select_stories([target], root=root).ledgers
        except CannotRun:
            got = None
        assert got == ([root.joinpath(*above[0], "claims.toml")] if above else None)


@given(stories=st.sets(_folder, min_size=1, max_size=5), named=_folder)
def test_a_folder_stands_for_every_story_in_it_or_else_the_one_above(stories: set[tuple[str, ...]],
                                                                     named: tuple[str, ...]) -> None:
    import tempfile

    from factcheck.errors import CannotRun
    from factcheck.repo import select_stories

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in stories:
            root.joinpath(*folder).mkdir(parents=True, exist_ok=True)
            root.joinpath(*folder, "claims.toml").write_text("", encoding="utf-8")
        root.joinpath(*named).mkdir(parents=True, exist_ok=True)
        inside = sorted(f for f in stories if f[:len(named)] == named)
        above = [named[:n] for n in range(len(named), -1, -1) if named[:n] in stories]
        want = inside or above[:1]
        try:
            got = select_stories([root.joinpath(*named)], root=root).ledgers
        except CannotRun:
            got = None
        expected = sorted((root.joinpath(*f, "claims.toml") for f in want), key=lambda p: p.as_posix())
        assert got == (expected or None)
