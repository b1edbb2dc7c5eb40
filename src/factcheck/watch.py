"""`factcheck verify --watch`: run, then run again whenever the ledger, a source or the draft
changes, redrawing the report, until the editor presses Ctrl-C.

The watching itself is the `watchfiles` package (native file-system events, debounced, so an
editor's save that writes several times makes one run); it is imported only here, so no other
command pays for it. A run that cannot happen (the ledger is mid-edit and not valid TOML) prints
its one-line message and waits for the next change instead of ending the watch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.engine import Options

DEBOUNCE_MS = 300  # changes closer together than this make one run
TICK_MS = 200  # how often the watch wakes with nothing changed (for the first run and Ctrl-C)


def watched_paths(opts: Options) -> list[Path]:
    """The folders to watch: the story folder, and the sources and draft where options put them
    elsewhere."""
    root = opts.claims.parent.resolve()
    out = [root]
    for extra in (opts.sources, opts.draft.parent if opts.draft is not None else None):
        if extra is None:
            continue
        p = extra.resolve()
        if p.is_dir() and not any(p == q or q in p.parents for q in out):
            out.append(p)
    return out


def story_files(opts: Options) -> tuple[frozenset[Path], Path]:
    """The files a run reads besides the sources (the ledger, and every draft it may check:
    --draft, `[story] draft`, draft.md), and the folder of sources."""
    root = opts.claims.parent.resolve()
    files = {opts.claims.resolve(), root / "draft.md"}
    if opts.draft is not None:
        files.add(opts.draft.resolve())
    try:  # the ledger names its draft; a ledger mid-edit that cannot be read names none
        import tomli

        named = tomli.loads(opts.claims.read_text(encoding="utf-8-sig")).get("story", {}).get("draft")
        if isinstance(named, str) and named:
            files.add((root / named).resolve())
    except Exception:
        pass
    sources = (opts.sources if opts.sources is not None else root / "sources").resolve()
    return frozenset(files), sources


def is_story_change(path: str, files: frozenset[Path], sources: Path) -> bool:
    """Whether a changed path is one a run reads: the ledger, the draft, or a file in the sources
    folder. Anything else in the story folder (reports, a log the output is piped to) is not,
    nor is a hidden or temporary file (an editor's swap file, an atomic save's temporary)."""
    p = Path(path)
    name = p.name
    if name.startswith(".") or name.endswith(("~", ".tmp", ".swp", ".swx")):
        return False
    return p in files or p == sources or sources in p.parents


def describe(changes: Iterable[str], opts: Options) -> str:
    """'claims.toml changed', 'sources/a.md and 2 more changed', relative to the story folder."""
    root = opts.claims.parent.resolve()
    names = []
    for path in sorted(set(changes)):
        p = Path(path)
        try:
            names.append(p.relative_to(root).as_posix())
        except ValueError:
            names.append(p.name)
    if not names:
        return "a file changed"
    return names[0] + (f" and {len(names) - 1} more" if len(names) > 1 else "") + " changed"


def watch(opts: Options, run_once: Callable[[str | None], None], stop_event: Any = None) -> None:
    """Call run_once(None), then run_once(what changed) after every change, until Ctrl-C or
    `stop_event` is set. Returns normally either way."""
    import watchfiles

    paths = watched_paths(opts)
    files, sources = story_files(opts)

    def flt(_change: Any, path: str) -> bool:
        return is_story_change(path, files, sources)

    first = True
    try:
        # The watch starts before the first run (its first, empty, yield comes after TICK_MS), so a
        # save made while a run is under way makes the next run.
        for changes in watchfiles.watch(*paths, watch_filter=flt, debounce=DEBOUNCE_MS, stop_event=stop_event,
                                        rust_timeout=TICK_MS, yield_on_timeout=True):
            if first:
                first = False
                run_once(None)
            if changes:
                run_once(describe((path for _change, path in changes), opts))
                files, sources = story_files(opts)  # the ledger may now name another draft
    except KeyboardInterrupt:  # Ctrl-C, while waiting or during a run: the watch is over
        return
