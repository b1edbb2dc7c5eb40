"""Writing files for the editor, safely: never over an existing file, reports atomically.

``init_story`` creates a story folder (the bundled example in a new folder, only the missing
skeleton in an existing story) with exclusive creation, so a file that exists (or appears
meanwhile) is left untouched. ``write_atomic`` writes to a temporary file
beside the target and renames it into place, so a report is either the old one or the new one,
never half written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from importlib import resources
from pathlib import Path

from factcheck.load import LoadError


def _example_files() -> list[tuple[str, bytes]]:
    root = resources.files("factcheck") / "example"
    out = [("claims.toml", (root / "claims.toml").read_bytes())]
    for entry in sorted((root / "sources").iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".md", ".txt", ".toml")):
            out.append((f"sources/{entry.name}", entry.read_bytes()))
    return out


# The ledger `init` writes into a folder that already holds sources: the shape of an entry, no claim.
SKELETON_LEDGER = """\
# The claim ledger: one [[claim]] for each figure or date the story relies on.
# `factcheck extract sources/<file>` proposes entries; `factcheck explain FC101` shows the rules.

[story]
title = ""
# published = 2026-01-31   # the story's own date: anchors "this year", "last month"

# [[claim]]
# id = "budget-total"            # unique; letters, digits, '-', '_', '.'
# subject = "city.budget"        # claims sharing a subject are cross-checked
# source = "council-minutes"     # sources/council-minutes.md
# quote = "a budget of $4.2 million"
# amount = "$4.2 million"
# when = "2026"
"""


def is_story(directory: Path) -> bool:
    """Whether the folder already holds an editor's story: a ledger, or a sources/ with files in it."""
    if (directory / "claims.toml").exists():
        return True
    sources = directory / "sources"
    try:
        return sources.is_dir() and any(sources.iterdir())
    except OSError:
        return True  # a sources/ we cannot list is the editor's, not ours to fill


def init_story(directory: Path, example: bool | None = None) -> tuple[list[Path], list[Path]]:
    """(created, kept): the files and folders written, and those left because they exist.

    A new or empty folder gets the worked example. A folder that already holds a story (see
    `is_story`) gets only what its skeleton lacks (sources/, reports/, a ledger with no claims)
    and never the example's files, unless `example` is True; `example=False` never writes it.
    """
    if example is None:
        example = not is_story(directory)
    created: list[Path] = []
    kept: list[Path] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for sub in ("sources", "reports"):
            try:
                (directory / sub).mkdir()
                created.append(directory / sub)
            except FileExistsError:
                if not (directory / sub).is_dir():
                    raise LoadError(f"{directory / sub}: exists and is not a folder") from None
        files = _example_files() if example else [("claims.toml", SKELETON_LEDGER.encode("utf-8"))]
        for rel, data in files:
            target = directory / rel
            try:
                with open(target, "xb") as fh:  # exclusive: fails if the file exists
                    fh.write(data)
                created.append(target)
            except FileExistsError:
                kept.append(target)
    except OSError as e:
        raise LoadError(f"{getattr(e, 'filename', None) or directory}: cannot write: {e.strerror or e}") from None
    return created, kept


def require_ledger(path: Path) -> None:
    """The ledger named by --claims must exist: say which path was tried, not how to pass one."""
    if not path.exists():
        tried = path if path.is_absolute() else Path.cwd() / path
        raise LoadError(f"{path}: no such ledger (--claims; tried {tried})")


def _mode_for(path: Path) -> int:
    """The permissions a rewritten file keeps (its own), or a new one gets (what the umask allows)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write to `path` through a temporary file and a rename; the target is never truncated."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.chmod(tmp, _mode_for(path))  # mkstemp makes the file private (0600)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def append_to_ledger(ledger: Path, addition: str) -> None:
    """Add text at the end of the ledger; every byte already there is kept as it is.

    The result is written through write_atomic, so a failure leaves the old ledger whole. A new
    ledger is created only if none exists (exclusively). Line ends follow the file's own.
    """
    if not ledger.exists():
        try:
            with open(ledger, "xb") as fh:
                fh.write(addition.encode("utf-8"))
        except OSError as e:
            raise LoadError(f"{ledger}: cannot write: {e.strerror or e}") from None
        return
    try:
        old = ledger.read_bytes()
    except OSError as e:
        raise LoadError(f"{ledger}: cannot be read: {e.strerror or e}") from None
    if b"\r\n" in old:
        addition = addition.replace("\r\n", "\n").replace("\n", "\r\n")
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    sep = b"" if not old or old.endswith(b"\n") else newline
    try:
        write_atomic(ledger, old + sep + newline + addition.encode("utf-8"))
    except OSError as e:
        raise LoadError(f"{ledger}: cannot write: {e.strerror or e}") from None
