"""A repository of stories: which stories the paths on a command line name, and where paths in
machine output are measured from.

``verify stories/a/sources/wire.md stories/b`` checks two stories: each path belongs to the
nearest folder at or above it that holds a ``claims.toml`` (a folder holding stories below it
stands for each of them). Machine formats (json, sarif, github) give paths from the repository root —
``$GITHUB_WORKSPACE`` when set, else the git top level, else the current folder — so annotations
land on the pull request's diff whatever folder the command ran from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from factcheck.errors import CannotRun
from factcheck.model import Report

LEDGER = "claims.toml"
# Folders never searched for stories: a story's own sources and reports, tools' caches.
_SKIP_DIRS = frozenset({"sources", "reports", "node_modules", "__pycache__"})


@dataclass(frozen=True)
class Selection:
    """The ledgers the paths name, in a stable order, and the paths that belong to no story."""

    ledgers: list[Path]
    outside: list[Path]


def repo_root(cwd: Path | None = None) -> Path:
    """Where machine-readable paths start: $GITHUB_WORKSPACE, else the git top level above the
    current folder (a `.git` folder, or the `.git` file of a worktree), else the current folder."""
    here = Path(os.path.abspath(cwd or Path.cwd()))
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(os.path.abspath(workspace))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _has_ledger(folder: Path) -> bool:
    return (folder / LEDGER).is_file()


def _story_above(path: Path, stop: Path | None) -> Path | None:
    """The nearest folder at or above `path` (a folder) holding a ledger, not above `stop`."""
    absolute = Path(os.path.abspath(path))
    for folder in (absolute, *absolute.parents):
        if _has_ledger(folder):
            return folder
        if stop is not None and folder == stop:
            return None
    return None


def _stories_below(folder: Path) -> list[Path]:
    """Every story folder at or under `folder` (a story inside another included), hidden folders,
    sources/ and reports/ folders and tools' caches skipped."""
    found = []
    for top, dirs, files in os.walk(folder):
        if LEDGER in files and (Path(top) / LEDGER).is_file():
            found.append(Path(top))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
    return found


def _display(folder: Path, given: Path) -> Path:
    """The story folder spelt as the editor spells paths: relative to the current folder when the
    path given was relative, absolute when it was absolute."""
    if given.is_absolute():
        return folder
    rel = os.path.relpath(folder)
    return Path(rel)


def select_stories(paths: Sequence[Path], skip_outside: bool = False, root: Path | None = None) -> Selection:
    """The ledgers of the stories `paths` belong to, each once, sorted by path.

    A folder that holds stories (at it or below it) stands for them; any other path for the story
    at or above it. A path that does not exist is a CannotRun; so is a path that belongs to no story, unless
    `skip_outside` (a hook passes every changed file, and a README is no story's), in which case
    it is listed in `outside`.
    """
    stop = root or repo_root()
    seen: dict[str, Path] = {}
    outside: list[Path] = []
    for given in paths:
        if not os.path.lexists(given):
            raise CannotRun(f"{given}: no such file or folder")
        folders = _stories_below(given) if given.is_dir() else []  # a folder of stories: each of them
        if not folders:
            start = given if given.is_dir() else given.parent
            # Walk up no further than the repository root when the path lies inside it.
            absolute = Path(os.path.abspath(start))
            inside = absolute == stop or stop in absolute.parents
            story = _story_above(start, stop if inside else None)
            folders = [story] if story is not None else []
        if not folders:
            if skip_outside:
                outside.append(given)
                continue
            where = "in it, below it or " if given.is_dir() else ""
            raise CannotRun(f"{given}: belongs to no story (no {LEDGER} {where}in a folder above it)")
        for folder in folders:
            key = os.path.realpath(folder)
            if key not in seen:
                seen[key] = _display(folder, given)
    ledgers = sorted((folder / LEDGER for folder in seen.values()), key=lambda p: p.parts)
    return Selection(ledgers=ledgers, outside=outside)


def from_root(path: str, root: Path) -> str:
    """`path` (relative to the current folder, or absolute) as a POSIX path from `root`; a path
    outside the root stays absolute."""
    absolute = os.path.abspath(path)
    for a, r in ((absolute, str(root)), (os.path.realpath(absolute), os.path.realpath(root))):
        rel = os.path.relpath(a, r)
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            return PurePath(rel).as_posix()
    return PurePath(absolute).as_posix()


def rebase(reports: Iterable[Report], root: Path) -> None:
    """Rewrite every path a report carries (the ledger, sources, finding locations) from `root`."""
    cache: dict[str, str] = {}

    def move(path: str) -> str:
        out = cache.get(path)
        if out is None:
            out = cache[path] = from_root(path, root)
        return out

    for report in reports:
        report.ledger = move(report.ledger)
        for s in report.sources:
            s.path = move(s.path)
        moved: set[int] = set()  # a Location may be shared by several findings: moved once
        for f in report.findings:
            if f.location is not None and id(f.location) not in moved:
                moved.add(id(f.location))
                f.location.path = move(f.location.path)
