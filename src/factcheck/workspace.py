"""Writing files for the editor, safely: never over an existing file, reports atomically.

``init_story`` creates a story folder from the bundled example with exclusive creation, so a file
that exists (or appears meanwhile) is left untouched. ``write_atomic`` writes to a temporary file
beside the target and renames it into place, so a report is either the old one or the new one,
never half written.
"""

from __future__ import annotations

import os
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


def init_story(directory: Path) -> tuple[list[Path], list[Path]]:
    """(created, kept): the example files written, and those left because they exist."""
    created: list[Path] = []
    kept: list[Path] = []
    try:
        for sub in ("", "sources", "reports"):
            (directory / sub).mkdir(parents=True, exist_ok=True)
        for rel, data in _example_files():
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


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename; the target is never truncated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
