"""Writing files for the editor, safely: never over an existing file, reports atomically.

``init_story`` creates a story folder (the bundled example in a new folder, only the missing
skeleton in an existing story), each file written whole to a temporary file and then linked into place only if nothing is there, so a file that exists (or
appears meanwhile) is left untouched and a full disk leaves no empty claims.toml. ``write_atomic``
writes to a temporary file beside the target and renames it into place, so a report is either the
old one or the new one, never half written. ``report_target`` decides where a report may go, and
``ledger_lock``/``append_to_ledger`` let `extract --append` add to the ledger without losing a
concurrent run's entries. SPEC section 7 is the contract; docs/safety.md explains it.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from factcheck.errors import CannotRun
from factcheck.load import FileRefused, confined, file_kind
from factcheck.safe_text import visible

LOCK_TIMEOUT = 60.0  # seconds to wait for another `extract --append` on the same ledger


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
    A sources/ or reports/ that is a link, or that resolves outside `directory`, is refused
    before anything is written: init writes only inside the folder it was given.
    """
    if example is None:
        example = not is_story(directory)
    created: list[Path] = []
    kept: list[Path] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for sub in ("sources", "reports"):
            folder = directory / sub
            if folder.is_symlink():
                raise CannotRun(f"{visible(str(folder))}: is a link; init writes only into real folders "
                                "inside the story (replace the link with a folder)")
            try:
                folder.mkdir()
                created.append(folder)
            except FileExistsError:
                if not folder.is_dir():
                    raise CannotRun(f"{visible(str(folder))}: exists and is not a folder") from None
        files = _example_files() if example else [("claims.toml", SKELETON_LEDGER.encode("utf-8"))]
        for rel, data in files:
            target = directory / rel
            if _create_new(target, data):
                created.append(target)
            else:
                kept.append(target)
    except OSError as e:
        raise CannotRun(f"{visible(str(getattr(e, 'filename', None) or directory))}: cannot write: "
                        f"{e.strerror or e}") from None
    return created, kept


def require_ledger(path: Path) -> None:
    """The ledger named by --claims must exist: say which path was tried, not how to pass one."""
    if not path.exists():
        tried = path if path.is_absolute() else Path.cwd() / path
        raise CannotRun(f"{visible(str(path))}: no such ledger (--claims; tried {visible(str(tried))})")


def _create_new(target: Path, data: bytes) -> bool:
    """Write `target` whole, or not at all; False (nothing written) when something is there.

    The bytes go to a temporary file beside it first; a hard link then puts it in place only if
    the name is free (atomic, like exclusive creation), so a full disk or a crash leaves no
    truncated file that a later init would keep and a later verify would find clean."""
    if target.exists() or target.is_symlink():
        return False
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        try:
            os.link(tmp, target)  # fails if target exists, even as a dangling link
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: rename, having just checked the name
            if target.exists() or target.is_symlink():
                return False
            os.rename(tmp, target)
        return True
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _keep_owner(path: Path, fd: int) -> None:
    try:
        st = os.stat(path)
    except OSError:
        return
    for uid in (st.st_uid, -1):  # both, else the group alone
        try:
            os.fchown(fd, uid, st.st_gid)
            return
        except (OSError, AttributeError):
            continue


def _mode_for(path: Path) -> int:
    """The permissions a rewritten file keeps (its own), or a new one gets (what the umask allows)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str | bytes, keep_owner: bool = False) -> None:
    """Write to `path` through a temporary file and a rename; the target is never truncated.

    With `keep_owner`, the new file takes the old one's owner and group where the process may
    (root may set both, an owner only the group of a group they belong to)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.chmod(tmp, _mode_for(path))  # mkstemp makes the file private (0600)
            if keep_owner:
                _keep_owner(path, fh.fileno())
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def ledger_target(ledger: Path) -> Path:
    """The file `extract --append` writes: the ledger with its links resolved (inside its folder),
    checked writable. CannotRun when it is read-only, not a regular file, or leads outside."""
    if not (ledger.exists() or ledger.is_symlink()):
        return ledger.absolute()
    target = confined(ledger, ledger.absolute().parent)
    st = os.stat(target)
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(ledger, "is not a regular file; not changed")
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        # The mode bits, not only access(): root may write anything, but a 0444 ledger is the
        # editor saying it must not change.
        raise FileRefused(ledger, "is read-only; not changed (make it writable to append to it)")
    return target


@contextmanager
def ledger_lock(ledger: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the ledger's lock (a `.claims.toml.lock` file beside it) for a read-modify-write.

    Every `extract --append` takes it before reading the ledger, so two runs on one ledger add
    their entries one after the other and neither loses the other's."""
    from filelock import FileLock, Timeout

    target = ledger_target(ledger)
    lock = FileLock(str(target.with_name(f".{target.name}.lock")), timeout=timeout)
    try:
        with lock:
            yield
    except Timeout:
        raise CannotRun(f"{visible(str(ledger))}: another factcheck run has held its lock for {timeout:.0f} s; "
                        "try again when it has finished") from None


def append_to_ledger(ledger: Path, addition: str) -> None:
    """Add text at the end of the ledger; every byte already there is kept as it is.

    The result is written through write_atomic to the file a link names (never replacing the
    link), keeping its mode and, where the process may, its owner and group; a failure leaves the
    old ledger whole. A read-only ledger is refused. A new ledger is created only if none exists.
    Line ends follow the file's own. Call it under ledger_lock.
    """
    from factcheck.load import read_story_file

    target = ledger_target(ledger)
    if not target.exists():
        try:
            if not _create_new(target, addition.encode("utf-8")):
                raise CannotRun(f"{visible(str(ledger))}: appeared while extract was running; run it again")
        except OSError as e:
            raise CannotRun(f"{visible(str(ledger))}: cannot write: {e.strerror or e}") from None
        return
    old = read_story_file(target, None)
    if b"\r\n" in old:
        addition = addition.replace("\r\n", "\n").replace("\n", "\r\n")
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    sep = b"" if not old or old.endswith(b"\n") else newline
    try:
        write_atomic(target, old + sep + newline + addition.encode("utf-8"), keep_owner=True)
    except OSError as e:
        raise CannotRun(f"{visible(str(ledger))}: cannot write: {e.strerror or e}") from None


def report_target(path: Path, protected: Iterable[Path], story_root: Path | None = None) -> Path:
    """Where a report asked for at `path` may be written: the path with links resolved, which must
    be a new name or a regular file, and none of the story's own files (`protected`: the ledger,
    the sources, the draft). With `story_root` (the default reports/ folder) it must also lie
    inside the story. FileRefused otherwise."""
    parent = path.absolute().parent
    if story_root is not None and (parent.exists() or parent.is_symlink()):
        try:
            confined(parent, story_root)
        except FileRefused as e:
            raise FileRefused(parent, e.reason.replace("copy the file into the story folder",
                                                       "make reports/ a folder of the story, or use -o PATH"),
                              e.kind) from None
    if path.is_symlink() or path.exists():
        target = confined(path, None)
        st = os.stat(target)
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(path, f"is {file_kind(st.st_mode)}; a report is written only to a regular file "
                              "or a new path")
    else:
        target = parent.resolve() / path.name
    mine = {_resolved(p) for p in protected}
    if target in mine or any(target.is_relative_to(p) for p in mine if p.is_dir()):
        raise FileRefused(path, "is one of the story's own files (the ledger, a source or the draft); "
                          "a report never replaces it: choose another -o PATH")
    return target


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except (OSError, RuntimeError):
        return p.absolute()
