from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from factcheck.cli import main
from factcheck.engine import Options, run
from factcheck.model import Report

STORIES = Path(__file__).parent / "stories"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _no_github_workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    """Machine formats give paths from the repository root, $GITHUB_WORKSPACE first: a test run
    on a GitHub runner must not see the runner's. Tests that need a root set it (at_repo_root)."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


@pytest.fixture
def at_repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Paths from this checkout's top, as in a git clone, an unpacked archive or on a runner."""
    monkeypatch.setenv("GITHUB_WORKSPACE", str(REPO))
    return REPO


def write_story(root: Path, claims: str, sources: dict[str, str] | None = None) -> Path:
    """A story folder under `root`: claims.toml and sources/<name> files. Returns the ledger."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    ledger = root / "claims.toml"
    ledger.write_text(textwrap.dedent(claims), encoding="utf-8")
    for name, text in (sources or {}).items():
        (root / "sources" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return ledger


def verify_report(ledger: Path, **kw: object) -> Report:
    return run(Options(claims=ledger, **kw))  # type: ignore[arg-type]


def found(report: Report) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.code, tuple(f.claims)) for f in report.findings}


def console(width: int = 100) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, width=width, color_system=None, highlight=False, emoji=False), buf


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return CliRunner()


def invoke(cli: CliRunner, args: list[str], cwd: Path | None = None):  # type: ignore[no-untyped-def]
    if cwd is None:
        return cli.invoke(main, args, catch_exceptions=False)
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return cli.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
