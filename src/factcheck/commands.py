"""The work behind the smaller commands (extract, sources), kept out of cli.py so it stays thin.

Each function takes plain arguments and a Rich console; domain errors are CannotRun.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.load import (
    DOCUMENT_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    MAX_FILE_BYTES,
    LoadError,
    Problem,
    Source,
    decode_text,
    read_ledger,
    read_sources,
    read_story_file,
)
from factcheck.model import Report
from factcheck.text import shorten


def run_extract(file: Path, ledger: Path, append: bool, console: Console) -> None:
    """List FILE's figures and dates; with `append`, add the new ones to the ledger, holding the
    ledger's lock from reading it (for the ids and figures it has) to writing it."""
    if not append:
        _run_extract(file, ledger, append, console)
        return
    from factcheck.workspace import ledger_lock

    with ledger_lock(ledger):
        _run_extract(file, ledger, append, console)


def _run_extract(file: Path, ledger: Path, append: bool, console: Console) -> None:
    from factcheck import extract
    from factcheck.model import SOURCE_FIELDS, SourceMeta
    from factcheck.resolve import resolve
    from factcheck.workspace import append_to_ledger

    document = file.suffix.lower() in DOCUMENT_SUFFIXES
    # The editor names it: any regular file, under the size cap (a PDF's images make it larger).
    raw = read_story_file(file, None, MAX_DOCUMENT_BYTES if document else MAX_FILE_BYTES)
    anchor = None
    if document:  # a page or a PDF: its text, as verify reads it
        from factcheck.documents import DocumentError, read_document

        try:
            doc = read_document(file, raw)
        except DocumentError as e:
            raise LoadError(f"{file}: {e}") from None
        body, body_line, anchor = doc.text, 1, doc.published
    else:
        from factcheck import front_matter
        from factcheck.load import parse_toml

        text = decode_text(raw, file).replace("\r\n", "\n")
        fenced = front_matter.split(text)  # either form: its keys are never proposed as figures
        body, body_line = fenced.body, fenced.body_line
        if fenced.block is not None:
            try:
                anchor = SourceMeta.model_validate({k: v for k, v in front_matter.read(
                    fenced, file, parse_toml, SOURCE_FIELDS).items() if k in SOURCE_FIELDS}).published
            except Exception:  # a broken front matter only costs the anchor here; verify reports it
                anchor = None
    sources_dir = ledger.parent / "sources"
    sid = extract.source_id_for(file, sources_dir)
    found = extract.find(body, anchor)
    found = [extract.Found(f.kind, f.line + body_line - 1, f.text, f.fragment, f.sentence, f.amount, f.period)
             for f in found]
    taken: set[str] = set()
    recorded: set[tuple[str, str]] = set()
    if ledger.exists() or ledger.is_symlink():
        problems: list[Problem] = []
        story = resolve(read_ledger(ledger), read_sources(sources_dir, ledger.parent, problems), problems)
        taken = {c.id for c in story.claims}
        recorded = extract.recorded_keys(story.claims)
    table = Table(show_header=True, header_style="bold", pad_edge=False)
    for col in ("line", "kind", "as written", "unit / when", "sentence"):
        table.add_column(col, overflow="fold")
    new = []
    skipped = 0
    for f in found:
        known = extract.already_recorded(f, sid, recorded)
        detail = ""
        if f.amount is not None:
            detail = f.amount.unit or ""
        elif f.period is not None:
            detail = f.period.describe()  # the days it means: "on or before 2024-06-30"
        style = "dim" if known else ""
        table.add_row(Text(str(f.line)), Text(f.kind), Text(f.text, style=style),
                      Text(detail + (" (in the ledger)" if known else ""), style=style),
                      Text(shorten(f.sentence, 90), style="dim"))
        if known:
            skipped += 1
        else:
            new.append(f)
    console.print(table)
    entries = extract.entries(new, sid, taken)
    toml = extract.as_toml(entries)
    if not append:
        if toml:
            from factcheck.output import write_stdout

            write_stdout(toml)
        console.print(Text(f"{len(entries)} entries" + (f"; {skipped} already in the ledger" if skipped else ""),
                           style="dim"))
        return
    if not entries:
        console.print(Text(f"nothing to add to {ledger}" + (f" ({skipped} already recorded)" if skipped else "")))
        return
    header = f"# Added by `factcheck extract {file.name}`: review each entry.\n"
    append_to_ledger(ledger, header + toml)
    console.print(Text(f"appended {len(entries)} claims to {ledger}" +
                       (f"; {skipped} already recorded, skipped" if skipped else "")))


def print_sources(report: Report, console: Console) -> None:
    table = Table(show_header=True, header_style="bold", pad_edge=False)
    for col in ("source", "outlet", "date", "via", "kind", "claims"):
        table.add_column(col, overflow="fold")
    uncited = 0
    for s in report.sources:
        mark = "" if s.cited_by else "  not cited"
        uncited += 0 if s.cited_by else 1
        table.add_row(Text(s.id), Text(s.outlet or "—"), Text(s.published or "—"), Text(", ".join(s.via) or "—"),
                      Text(s.kind), Text(f"{s.cited_by}{mark}", style="" if s.cited_by else "yellow"))
    console.print(table)
    if uncited:
        console.print(Text(f"{uncited} source{'s' if uncited != 1 else ''} cited by no claim", style="yellow"))


# -- sources show / add / check --------------------------------------------------------------------

def _printable(text: str) -> str:
    """Text from a file, safe for a terminal (the consoles strip the same again after layout)."""
    from factcheck.safe_text import for_terminal

    return for_terminal(text)


def _read_one_source(sources_dir: Path, sid: str) -> tuple[Source, list[Problem]]:
    from factcheck.spelling import did_you_mean

    problems: list[Problem] = []
    if not sources_dir.is_dir():
        raise LoadError(f"{sources_dir}: no such folder of sources")
    sources = read_sources(sources_dir, sources_dir.parent, problems)
    src = sources.get(sid)
    if src is None:
        raise LoadError(f"{sources_dir}: no source '{sid}'" + did_you_mean(sid, set(sources)))
    return src, [p for p in problems if sid in p.sources]


def show_source(sources_dir: Path, sid: str, console: Console) -> None:
    """What factcheck reads from one source: its declared keys, then its text with line numbers
    (and, for a page or a PDF, where each paragraph or page starts)."""
    src, problems = _read_one_source(sources_dir, sid)
    for p in problems:
        console.print(Text(f"{p.location or src.path}: {_printable(p.message)}", style="yellow"))
    meta = src.meta
    head = Table.grid(padding=(0, 2))
    head.add_column(style="dim")
    head.add_column(overflow="fold")
    rows = [("file", str(src.path)), ("title", meta.title), ("outlet", meta.outlet), ("author", meta.author),
            ("published", meta.published.isoformat() if meta.published else None), ("url", meta.url),
            ("via", ", ".join(meta.via) or None), ("kind", "note" if src.is_note else None),
            ("summary", meta.summary)]
    rows += [(k, str(v)) for k, v in sorted(src.saved.items())]
    for key, value in rows:
        if value:
            head.add_row(Text(key), Text(_printable(str(value))))
    console.print(head)
    console.print()
    if src.no_text is not None or src.error is not None:
        console.print(Text(_printable(src.no_text or src.error or ""), style="yellow"))
        return
    if src.body is None:
        console.print(Text("a note: no text of its own; quotes cannot be checked against it", style="dim"))
        return
    starts = dict(src.places)
    body = Table.grid(padding=(0, 2))
    body.add_column(justify="right", style="dim", no_wrap=True)
    body.add_column(overflow="fold")
    for n, line in enumerate(src.body.split("\n"), 1):
        place = starts.get(n)
        if place is not None and place.startswith("p. "):  # a PDF: where each page starts
            body.add_row(Text(""), Text(f"— {place} —", style="dim"))
        body.add_row(Text(str(n + src.body_line - 1)), Text(_printable(line)))
    console.print(body)


@dataclass
class Saved:
    """What `sources add` wrote."""

    id: str
    path: Path
    meta_path: Path
    kind: str
    note: str  # "The Coastline Courier, 2025-03-14: 12 paragraphs"
    warning: str | None = None  # "scanned: no text to check against"


_TEXT_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".md": "md", ".txt": "txt"}


def add_source(what: str, sources_dir: Path, sid: str | None, fetch: Any = None) -> Saved:
    """Save a local file or a fetched URL into sources/ as <id>.<kind>, with <id>.meta.toml
    (URL, time retrieved, SHA-256). Nothing is ever overwritten; LoadError says why not."""
    import hashlib
    from datetime import datetime, timezone

    from factcheck import documents
    from factcheck.load import META_SUFFIX, is_plain_id

    url: str | None = None
    if "://" in what:
        from factcheck.documents.fetch import FetchError
        from factcheck.documents.fetch import fetch as default_fetch

        try:
            got = (fetch or default_fetch)(what)
        except FetchError as e:
            raise LoadError(str(e)) from None
        raw, kind, url = got.body, got.kind, got.url
        fallback = what.rstrip("/").rsplit("/", 1)[-1]
    else:
        path = Path(what)
        kind = _TEXT_SUFFIXES.get(path.suffix.lower(), "")
        if not kind:
            raise LoadError(f"{path}: not a page (.html), a PDF (.pdf) or a text (.md, .txt)")
        if not path.exists():
            raise LoadError(f"{path}: no such file (sources add takes a file or an http(s) address)")
        # Only a regular file, under the cap verify itself reads a source of that kind with.
        raw = read_story_file(path, None, MAX_DOCUMENT_BYTES if kind in ("html", "pdf") else MAX_FILE_BYTES)
        if kind == "html" and documents.sniff_kind(raw) == "pdf":
            kind = "pdf"
        fallback = path.stem
    doc = None
    warning = None
    if kind in ("html", "pdf"):
        try:
            doc = documents.read_document(Path(f"new.{kind}"), raw)
        except documents.DocumentError as e:
            raise LoadError(f"{what}: {e}; not saved") from None
        warning = doc.empty_why
    derived = sid is None
    if sid is None:
        sid = documents.derive_id(doc, url, fallback) if kind in ("html", "pdf") else fallback
    if not is_plain_id(sid) or sid.endswith(".meta"):
        raise LoadError(f"--id {sid}: an id uses letters, digits, '-', '_' and '.' only")
    try:
        sources_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise LoadError(f"{sources_dir}: cannot create: {e.strerror or e}") from None
    if sources_dir.is_symlink() or not sources_dir.is_dir():
        raise LoadError(f"{sources_dir}: not a plain folder; nothing written")
    digest = hashlib.sha256(raw).hexdigest()
    same = _saved_with(sources_dir, digest)
    if same is not None:
        raise LoadError(f"{sources_dir / same}: these bytes are saved already (the same SHA-256); nothing written")
    base = sid
    for n in range(2, 100):
        taken = _files_of(sources_dir, sid)
        if not taken or not derived:
            break
        sid = f"{base}-{n}"  # another article of the same outlet and day
    ext = "html" if kind == "html" else kind
    target = sources_dir / f"{sid}.{ext}"
    meta_path = sources_dir / f"{sid}{META_SUFFIX}"
    if taken:
        raise LoadError(f"{sources_dir / taken[0]}: exists; nothing is overwritten (pass --id to save it under "
                        "another id)")
    meta: dict[str, Any] = {}
    if url:
        meta["url"] = url
    meta["retrieved"] = datetime.now(timezone.utc).replace(microsecond=0)
    meta["sha256"] = digest
    import tomli_w

    hint = "# Written by `factcheck sources add`. Keys added here (outlet, published, author, via, ...)\n" \
           "# override what the file itself declares.\n"
    if kind == "pdf":
        hint += "# A PDF declares no outlet or date: add them, e.g.\n# outlet = \"...\"\n# published = 2025-03-14\n"
    _write_new(target, raw)
    try:
        _write_new(meta_path, (hint + tomli_w.dumps(meta)).encode("utf-8"))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    parts = []
    if doc is not None:
        label = ", ".join(x for x in (doc.outlet, doc.published.isoformat() if doc.published else None) if x)
        if label:
            parts.append(label)
        n = len(doc.places)
        if doc.text:
            unit = "page" if kind == "pdf" else "paragraph"
            parts.append(f"{n} {unit}{'s' if n != 1 else ''} of text")
    return Saved(sid, target, meta_path, kind, _printable("; ".join(parts)), warning)


def _files_of(sources_dir: Path, sid: str) -> list[str]:
    """The files in sources/ that belong to source `sid`, the source itself first."""
    from factcheck.load import META_SUFFIX

    names = [p.name for p in sources_dir.iterdir()
             if p.name.rpartition(".")[0] == sid or p.name == f"{sid}{META_SUFFIX}"]
    return sorted(names, key=lambda n: (n.endswith(META_SUFFIX), n))


def _saved_with(sources_dir: Path, digest: str) -> str | None:
    """The source file whose meta.toml records this SHA-256, if any."""
    import tomli

    from factcheck.load import META_SUFFIX

    for meta in sorted(sources_dir.glob(f"*{META_SUFFIX}")):
        try:
            if not meta.is_file() or meta.is_symlink() or meta.stat().st_size > 1024 * 1024:
                continue
            if tomli.loads(meta.read_text(encoding="utf-8")).get("sha256") == digest:
                sid = meta.name[: -len(META_SUFFIX)]
                return next((n for n in _files_of(sources_dir, sid) if not n.endswith(META_SUFFIX)), meta.name)
        except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError):
            continue
    return None


def _write_new(target: Path, data: bytes) -> None:
    """Write a new file through a temporary one and a link: complete or absent, never over another."""
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise LoadError(f"{target.parent}: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private
        try:
            os.link(tmp, target)  # fails when the target exists: never overwrites
        except FileExistsError:
            raise LoadError(f"{target}: exists; nothing is overwritten") from None
        except OSError:  # a file system without hard links: exclusive creation instead
            with open(target, "xb") as out:
                out.write(data)
    except FileExistsError:
        raise LoadError(f"{target}: exists; nothing is overwritten") from None
    except OSError as e:
        raise LoadError(f"{target}: cannot write: {e.strerror or e}") from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def check_sources(opts: Any, fetch: Any = None) -> tuple[Report, int]:
    """Fetch every source that has a URL again and compare it with the saved copy: (the report of
    the sources-check rules, how many sources were fetched)."""
    import hashlib

    from factcheck import documents, engine
    from factcheck.documents.fetch import FetchError
    from factcheck.documents.fetch import fetch as default_fetch
    from factcheck.rules import load_rules, select
    from factcheck.rules.sourcing import REFETCH_CODES

    story = engine.load_story(opts)
    refetched: dict[str, documents.Refetched] = story.shared("refetched", dict)
    for sid, src in sorted(story.sources.items()):
        url = src.meta.url
        if not url or src.is_note or src.error is not None:
            continue
        try:
            got = (fetch or default_fetch)(url)
        except FetchError as e:
            refetched[sid] = documents.Refetched(url, error=str(e))
            continue
        try:
            doc = documents.read_document(Path(f"page.{got.kind}"), got.body)
        except documents.DocumentError as e:
            refetched[sid] = documents.Refetched(got.url, error=f"{got.url}: {e}")
            continue
        refetched[sid] = documents.Refetched(got.url, text=doc.text, sha256=hashlib.sha256(got.body).hexdigest())
    codes = [c for c in REFETCH_CODES if (not opts.select or any(c.startswith(s) for s in opts.select))
             and not any(c.startswith(i) for i in opts.ignore)]
    rules = select(load_rules(), codes) if codes else []
    return engine.check(story, rules, opts), len(refetched)
