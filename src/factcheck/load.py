"""Reading a story folder from disk: claims.toml and sources/.

A ledger that cannot be read at all (missing, not UTF-8, invalid TOML) raises :class:`CannotRun`
with ``path:line:column``; the run cannot happen (exit status 2). Anything smaller, such as a
misspelt field in one claim or a source that is not text, becomes a :class:`Problem` that the
ledger rules report, so every other claim is still checked. Nothing here writes a file, and
nothing outside the story folder is read.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli  # the standard library tomllib's upstream, compiled: see pyproject.toml

from factcheck import front_matter
from factcheck.errors import CannotRun
from factcheck.model import ID_RE, Location, SourceMeta, ValidationError
from factcheck.model import error_text as _msg
from factcheck.spelling import did_you_mean

if TYPE_CHECKING:
    from factcheck.documents import LineIndex
    from factcheck.text import Sentences

SOURCE_SUFFIXES = (".md", ".txt", ".toml", ".html", ".htm", ".pdf")
DOCUMENT_SUFFIXES = (".html", ".htm", ".pdf")  # read by factcheck.documents, imported only for them
META_SUFFIX = ".meta.toml"  # sources/<id>.meta.toml: keys that override what <id>.html or .pdf declares
# The most factcheck reads from any one file (ledger, source, draft, front matter): far more than
# any article or ledger an editor writes (the bundled 10,000-claim benchmark ledger is 2 MB), and
# little enough that a wrong path (a log, a disk image, /dev/zero) cannot exhaust memory.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_SOURCE_BYTES = MAX_FILE_BYTES
# A saved page or a PDF report: a report's images make it far larger than its text (a 40-page
# assessment with charts runs to tens of MB); only its text is kept in memory once read.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
MAX_META_BYTES = 1024 * 1024  # sources/<id>.meta.toml: a few keys


LoadError = CannotRun  # the former name, for code written before the writers shared the error


class FileRefused(CannotRun):
    """A file factcheck will not read: missing, outside the story, not a regular file, too large.

    str() is "path: reason"; `reason` alone is what a finding about the file says."""

    def __init__(self, path: Path, reason: str, kind: str = "unreadable") -> None:
        from factcheck.safe_text import visible

        self.path, self.reason, self.kind = path, reason, kind  # kind: "missing", "outside", ...
        super().__init__(f"{visible(str(path))}: {reason}")


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


_KERNEL_FOLDERS = {("/", "proc"), ("/", "sys")}


def file_kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def confined(path: Path, inside: Path | None) -> Path:
    """`path` with every link resolved, or FileRefused when it does not exist or, with `inside`
    given, resolves outside that folder (itself resolved: a story reached through a link is fine)."""
    from factcheck.safe_text import visible

    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise FileRefused(path, "is a link to nothing; not read", "missing") from None
        raise FileRefused(path, "no such file", "missing") from None
    except (OSError, RuntimeError) as e:  # a link loop, a path through a file
        raise FileRefused(path, f"cannot be resolved: {getattr(e, 'strerror', None) or e}") from None
    if inside is not None:
        root = inside.resolve()
        if not target.is_relative_to(root):
            raise FileRefused(path, f"resolves to {visible(str(target))}, outside the story folder "
                              f"{visible(str(root))}; not read (copy the file into the story folder)", "outside")
    return target


def read_story_file(path: Path, inside: Path | None, cap: int = MAX_FILE_BYTES, *,
                    resolved: Path | None = None) -> bytes:
    """The bytes of `path`, which must resolve inside the folder `inside` (unless None: a file the
    editor named on the command line) and be a regular file of at most `cap` bytes.

    Every reader of the story's files goes through here, so none of them follows a link out of
    the story, blocks on a FIFO, reads a device or /proc, or reads a huge file into memory.
    Raises FileRefused (a CannotRun) with one line for the editor.

    `resolved`: what `path` resolves to, when the caller knows it is no link and lies in a folder
    already resolved inside `inside` (read_sources, for each plain file it lists); it is opened
    without following a link, and one that has become a link since is resolved and checked."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    target = resolved if resolved is not None and nofollow else confined(path, inside)
    if target.parts[:2] in _KERNEL_FOLDERS:  # "regular" files whose reading has effects or secrets
        raise FileRefused(path, f"is a {target.parts[1]} entry, not a file; not read")
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before reading.
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
        fd = os.open(target, flags | nofollow if target is resolved else flags)
    except OSError as e:
        if target is resolved and e.errno == errno.ELOOP:  # a link now: resolved and checked as any path
            return read_story_file(path, inside, cap)
        raise FileRefused(path, f"cannot be read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(path, f"is {file_kind(st.st_mode)}, not a regular file; not read")
        if st.st_size > cap:
            raise FileRefused(path, _too_big(st.st_size, cap))
        chunks, size = [], 0
        while size <= cap:
            chunk = os.read(fd, min(1 << 20, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > cap:  # it grew while being read
            raise FileRefused(path, _too_big(size, cap))
        return b"".join(chunks)
    except OSError as e:
        raise FileRefused(path, f"cannot be read: {e.strerror or e}") from None
    finally:
        os.close(fd)


def _too_big(size: int, cap: int) -> str:
    mib = 1024 * 1024
    shown = f"{size / mib:.1f} MiB" if size >= mib else f"{size:,} bytes"
    return f"is {shown}, over the {cap // mib} MiB factcheck reads from one file; not read"


class Fact(str, Enum):
    """What reading and resolving the files found wrong, as a fact about the files: which finding
    it makes, its code and its severity, is the ledger rules' judgement (rules/ledger.py)."""

    UNKNOWN_KEY = "unknown-field"  # a key or table factcheck does not read
    INVALID_VALUE = "invalid-field"  # a value of the wrong type, a required field missing
    DUPLICATE_ID = "duplicate-id"  # a claim id used twice
    MISSING_CLAIM = "dangling"  # a total or relation names a claim that is not in the ledger
    TOTAL_CYCLE = "cycle"  # a total is, through its parts, a part of itself
    UNREAD_AMOUNT = "bad-amount"  # an amount the figure reader cannot read
    UNREAD_PERIOD = "bad-period"  # a `when` the date reader cannot read
    UNANCHORED_DATE = "unanchored"  # a relative date with no publication date to anchor it
    NOTHING_TO_CHECK = "nothing-to-check"  # a claim with no figure and no date
    UNPARSED_RELATION = "bad-relation"  # a relation's `expect` that does not parse
    UNREADABLE_SOURCE = "unreadable-source"  # a source file that cannot be used
    SOURCE_NOT_AN_ID = "bad-source-id"  # a claim's source that is a path, not an id
    UNIT_IN_TWO_GROUPS = "unit-two-groups"  # a word under two [units] groups


@dataclass
class Problem:
    """One fact found in the files, where it stands and what it concerns; a ledger rule judges it."""

    kind: Fact
    message: str
    location: Location | None = None
    claims: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


KeyLines = Mapping[str, int]  # the line of each key of a table


@dataclass
class Table:
    """One [[claim]], [[relation]] or [[accept]] table with where it stands in the file."""

    data: dict[str, Any]
    line: int | None
    key_lines: KeyLines = field(default_factory=dict, repr=False)


@dataclass
class RawLedger:
    """The ledger as read: parsed data, where each table stands, the text itself."""

    path: Path
    data: dict[str, Any]
    claims: list[Table]
    relations: list[Table]
    accepts: list[Table]
    section_lines: dict[str, int]
    text: str = ""  # the ledger as read, for pointing at a column inside a value

    def location(self, line: int | None = None, column: int | None = None) -> Location:
        return Location(path=str(self.path), line=line, column=column)


@dataclass
class Source:
    """One source file: its metadata, its body and the body folded for quote matching."""

    id: str
    path: Path
    meta: SourceMeta
    body: str | None  # None for a note or an unreadable file
    body_line: int = 1  # the file line where the body starts
    error: str | None = None  # why the file could not be read
    # A page or a PDF: where each part of the body stands, (first body line, "p. 14" or "paragraph 4")
    places: list[tuple[int, str]] = field(default_factory=list)
    no_text: str | None = None  # a page or a PDF with no text to check against, and why
    saved: dict[str, Any] = field(default_factory=dict)  # from <id>.meta.toml: retrieved, sha256

    @cached_property
    def line_index(self) -> LineIndex:
        """The body's lines folded, to find where a quote stands (pages and PDFs only)."""
        from factcheck.documents import LineIndex

        return LineIndex(self.body or "")

    def where(self, line: int) -> str:
        """'report.pdf p. 14', 'page.html paragraph 4' or 'notes.md line 12' for a body line."""
        if self.places:
            from factcheck.documents import place_of

            return f"{self.path.name} {place_of(self.places, line)}"
        return f"{self.path.name} line {line}"

    @property
    def is_note(self) -> bool:
        return self.meta.kind == "note"

    @cached_property
    def folded(self) -> str:
        from factcheck.text import fold

        return fold(self.body or "")

    @cached_property
    def sentences(self) -> Sentences:
        """The body's sentences, for reading the one a quote comes from."""
        from factcheck.text import sentences

        return sentences(self.body or "")

    @cached_property
    def folded_paragraphs(self) -> list[str]:
        """The body's paragraphs, folded: a quote with an ellipsis must lie within one."""
        from factcheck.text import folded_paragraphs

        return folded_paragraphs(self.body or "")

    def label(self) -> str:
        """'Korea JoongAng Daily, 2025-06-20'; the id stands in for a missing outlet."""
        parts = [self.meta.outlet or self.id]
        if self.meta.published:
            parts.append(self.meta.published.isoformat())
        return ", ".join(parts)


# -- the ledger ----------------------------------------------------------------------------------

_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)\s*$", re.S)
_TOML_EOF = re.compile(r"^(?P<msg>.*?)\s*\(at end of document\)\s*$", re.S)
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*(?P<name>[A-Za-z0-9_\"'.-]+)\s*\]\]\s*(?:#.*)?$")
_TABLE_HEADER = re.compile(r"^\s*\[\s*(?P<name>[^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"^\s*(?P<key>[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")
# A line that may be a table header, for the one-pass mapper; searched for from the newline before
# it (the text is given one in front), which the regex engine finds far faster than a "^".


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 (a BOM tolerated), or CannotRun naming the first bad byte's line and column."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise CannotRun(
            f"{path}:{line}:{col}: not UTF-8 text (byte 0x{raw[e.start]:02x}); save the file as UTF-8"
        ) from None


def parse_toml(text: str, path: Path, line_offset: int = 0, parse_float: Callable[[str], Any] = Decimal) -> dict[str, Any]:
    """The TOML document `text` (from `path`, whose line 1 is `line_offset` lines into the file).

    Every failure is a CannotRun with path:line:column: a syntax error, and also the parser's
    limits (arrays or inline tables nested more than 400 deep, an integer of more than 4,300
    digits), which it raises as other exceptions without a position."""
    try:
        return tomli.loads(text, parse_float=parse_float)
    except tomli.TOMLDecodeError as e:
        raise CannotRun(toml_error_message(e, path, text, line_offset)) from None
    except (RecursionError, ValueError) as e:
        line, col, what = _over_limit(text, e)
        raise CannotRun(f"{path}:{line + line_offset}:{col}: invalid TOML: {what}") from None


_LONG_INTEGER = re.compile(r"[0-9][0-9_]{4300,}")
MAX_TOML_NESTING = 400  # tomli's own limit


def _over_limit(text: str, e: Exception) -> tuple[int, int, str]:
    """(line, column, what) for a parser limit that came without a position."""
    pos: int | None = None
    if isinstance(e, RecursionError):
        what = f"arrays or tables nested more than {MAX_TOML_NESTING} deep"
        depth = 0
        for b in re.finditer(r"[\[\]{}]", text):  # the brackets, strings and all: only to point near it
            depth = depth + 1 if b.group(0) in "[{" else max(0, depth - 1)
            if depth > MAX_TOML_NESTING:
                pos = b.start()
                break
    else:
        m = _LONG_INTEGER.search(text)
        if m is not None:
            pos = m.start()
            what = "a number of more than 4,300 digits; write such a figure as text (in quotes)"
        else:
            what = f"a value that cannot be read ({e})"
    if pos is None:
        return 1, 1, what
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1, what


def toml_error_message(e: tomli.TOMLDecodeError, path: Path, text: str, line_offset: int = 0) -> str:
    msg = str(e)
    line = getattr(e, "lineno", None)
    col = getattr(e, "colno", None)
    m = _TOML_POS.match(msg)
    if m:
        msg, line, col = m["msg"], int(m["line"]), int(m["col"])
    elif (m2 := _TOML_EOF.match(msg)) is not None:
        msg = m2["msg"] + " at the end of the file"
        lines = text.split("\n")
        line, col = len(lines), len(lines[-1]) + 1
    if line is None:
        return f"{path}: invalid TOML: {msg}"
    lines = text.split("\n")
    hint = _toml_hint(lines[int(line) - 1]) if 0 < int(line) <= len(lines) else ""
    return f"{path}:{int(line) + line_offset}:{col}: invalid TOML: {msg[:1].lower() + msg[1:]}{hint}"


_CURLY = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb"
_KEY_VALUE = re.compile(r"^\s*(?P<key>[A-Za-z0-9_.\"'-]+)\s*=\s*(?P<value>.*?)\s*$")
_TOML_SCALAR = re.compile(
    r"^(?:[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[+-]?\d[\d_]*|true|false|inf|nan|"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)\s*(?:#.*)?$")


def _toml_hint(line: str) -> str:
    """What an editor most likely meant on a line TOML refused: '; quote the figure: ...'."""
    m = _KEY_VALUE.match(line)
    if m is None:
        return ""
    key, value = m["key"], m["value"]
    if not value:
        return f"; give {key} a value, such as {key} = \"...\""
    if value[0] in _CURLY or (value[0] in "\"'" and any(ch in _CURLY for ch in value)):
        inner = value.strip(_CURLY + "\"'")
        return (f"; use straight quotes (\") around text, not curly ones: {key} = \"{inner}\" "
                "(a word processor may have changed them)")
    if value[0] in "\"'":
        q = value[0]
        body = value[3:] if value.startswith(q * 3) else value[1:]
        if value.startswith(q * 3) or q not in body:
            return f"; the text is not closed: end it with {q} on the same line (or use {q * 3} for several lines)"
        if q == '"' and body.count('"') > 1:
            return ("; a \" inside the text ends it: put text holding \" between single quotes, "
                    f"{key} = '...', or write it as \\\"")
        if q == '"' and "\\" in body:
            return "; a backslash starts an escape in \"...\"; use '...' for text with backslashes"
        return ""
    if value[0] in "[{" or _TOML_SCALAR.match(value):
        return ""
    text = value.split(" #")[0].strip()
    what = ("the date" if key in ("when", "published") else "the figure" if any(ch.isdigit() for ch in text)
            else "the text")
    return f"; put {what} in quotes: {key} = \"{text}\""


def read_ledger(path: Path) -> RawLedger:
    if not path.exists() and not path.is_symlink():
        raise CannotRun(f"{path}: no ledger here; run 'factcheck init' to start one, or pass --claims PATH")
    if path.is_dir():
        raise CannotRun(f"{path}: is a folder; --claims takes the ledger file (claims.toml)")
    raw = read_story_file(path, path.absolute().parent)
    text = decode_text(raw, path)
    data = parse_toml(text, path)
    claims, relations, accepts, sections = _map_lines(text)
    return RawLedger(
        path=path,
        data=data,
        claims=_tables(data.get("claim"), claims),
        relations=_tables(data.get("relation"), relations),
        accepts=_tables(data.get("accept"), accepts),
        section_lines=sections,
        text=text,
    )


def _tables(items: Any, lines: list[tuple[int, KeyLines]]) -> list[Table]:
    if items is None:
        return []
    if not isinstance(items, list):
        items = [items]
    out = []
    for n, item in enumerate(items):
        line, keys = lines[n] if n < len(lines) else (None, {})
        out.append(Table(item if isinstance(item, dict) else {"__not_a_table__": item}, line, keys))
    return out


Mapped = tuple[list[tuple[int, KeyLines]], list[tuple[int, KeyLines]], list[tuple[int, KeyLines]], dict[str, int]]

# What can change the map: a line that may be a header (searched for from the newline before it,
# which the regex engine finds far faster than a "^"), or one that opens or closes a multi-line
# string. Every other line is a key line or nothing, and key lines are found only when asked.
_MARK = re.compile(r"\n[^\S\n]*\[|\"\"\"|\'\'\'")


def _map_lines(text: str) -> Mapped:
    """Where each [[claim]], [[relation]] and [[accept]] starts, the line of each of its keys, and
    the line of each [table], stepping over multi-line strings; as if read one line at a time.

    Only the lines a header or a multi-line string mark can change where a table starts, so only
    they are read here; the lines of a table's keys (wanted for the few keys a finding points at)
    are read from its own lines when first asked (:class:`_KeyLines`)."""
    found: dict[str, list[tuple[int, KeyLines]]] = {"claim": [], "relation": [], "accept": []}
    sections: dict[str, int] = {}
    t = "\n" + text  # offsets below are into t; t's line n starts after its n-th newline
    in_multiline: str | None = None
    line_no, line_at = 0, 0  # the last line read and where it starts
    open_keys: _KeyLines | None = None  # the table whose key lines run to the next header
    for m in _MARK.finditer(t):
        start = m.start() + 1 if t[m.start()] == "\n" else t.rfind("\n", 0, m.start()) + 1
        if start <= line_at:
            continue  # a second mark on a line already read
        line_no += t.count("\n", line_at, start)
        line_at = start
        end = t.find("\n", start)
        line = t[start:] if end < 0 else t[start:end]
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        if line.lstrip().startswith("["):
            header = _ARRAY_HEADER.match(line)
            table = None if header else _TABLE_HEADER.match(line)
            if header or table:
                if open_keys is not None:
                    open_keys.end = start - 2  # the newline before the header, in text
                open_keys = None
                if header:
                    name = header["name"].strip("\"'")
                    if name in found:
                        open_keys = _KeyLines(text, len(text) if end < 0 else end - 1, line_no + 1)
                        found[name].append((line_no, open_keys))
                    else:
                        sections.setdefault(name, line_no)
                else:
                    assert table is not None
                    sections.setdefault(table["name"].replace('"', "").replace("'", ""), line_no)
                continue
        in_multiline = _opens_multiline(line)
    return found["claim"], found["relation"], found["accept"], sections


def _opens_multiline(line: str) -> str | None:
    if '"""' in line or "'''" in line:
        for delim in ('"""', "'''"):
            if line.count(delim) % 2 == 1:
                return delim
    return None


class _KeyLines(Mapping[str, int]):
    """The line of each key of one table: its lines (after the newline at text[start], up to
    text[end], the first being line `line`) read
    one at a time, stepping over multi-line strings, when a key's line is first asked for."""

    __slots__ = ("text", "start", "end", "line", "_lines")

    def __init__(self, text: str, start: int, line: int) -> None:
        self.text, self.start, self.end, self.line = text, start, len(text), line
        self._lines: dict[str, int] | None = None

    def _read(self) -> dict[str, int]:
        if self._lines is None:
            lines: dict[str, int] = {}
            in_multiline: str | None = None
            for n, line in enumerate(self.text[self.start + 1:self.end].split("\n"), self.line):
                if in_multiline:
                    if line.count(in_multiline) % 2 == 1:
                        in_multiline = None
                    continue
                km = _KEY_LINE.match(line)
                if km:
                    lines.setdefault(km["key"].strip("\"'"), n)
                in_multiline = _opens_multiline(line)
            self._lines = lines
        return self._lines

    def __getitem__(self, key: str) -> int:
        return self._read()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        return repr(self._read())


# -- sources -------------------------------------------------------------------------------------


def is_plain_id(source_id: str) -> bool:
    return bool(ID_RE.match(source_id)) and source_id not in (".", "..")


def read_sources(sources_dir: Path, story_root: Path, problems: list[Problem]) -> dict[str, Source]:
    """Every source file in `sources_dir`; problems for anything that cannot be used.

    Each file must resolve inside `story_root` (the story folder, or the folder --sources names)
    and be a regular file; one that does not is a finding and is never read."""
    from factcheck.safe_text import is_clean_name, show_name, visible

    out: dict[str, Source] = {}
    if not sources_dir.is_dir():
        return out
    try:
        # os.scandir knows each entry's type without a system call per file; by name is the order
        # sorting the paths would give, as they share their folder.
        with os.scandir(sources_dir) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        problems.append(Problem(Fact.UNREADABLE_SOURCE, f"cannot list {sources_dir}: {e.strerror or e}",
                                Location(path=str(sources_dir))))
        return out
    names = {e.name for e in entries}
    # A file that is no link, in a sources folder that resolves inside the story, resolves to
    # that folder's resolved path and its name: one resolution for the folder, not one per file.
    folder = sources_dir.resolve()
    known_inside = folder.is_relative_to(story_root.resolve())
    for entry in entries:
        name = entry.name
        if not is_clean_name(name):
            # Bytes that are not UTF-8, or control characters: shown as escapes, never raw, so
            # the terminal, JSON and Markdown all stay what they are.
            if name.startswith("."):
                continue
            shown = visible(show_name(name))
            problems.append(Problem(Fact.UNREADABLE_SOURCE, f"source file name '{shown}' is not plain UTF-8 "
                                    "text; not read (rename it with letters, digits, '-', '_', '.')",
                                    Location(path=visible(str(sources_dir / name)))))
            continue
        stem, dot, suffix = name.rpartition(".")
        if name.startswith(".") or not dot or "." + suffix.lower() not in SOURCE_SUFFIXES:
            continue
        if name.lower().endswith(META_SUFFIX):
            base = name[: -len(META_SUFFIX)]
            if not any(f"{base}{s}" in names for s in SOURCE_SUFFIXES):
                problems.append(Problem(Fact.UNREADABLE_SOURCE, f"{name} has no source beside it ({base}.html, "
                                        f"{base}.pdf, ...); its keys apply to nothing", Location(path=str(sources_dir / name)),
                                        sources=[]))
            continue
        sid = stem
        p = sources_dir / name
        loc = Location(path=str(p))
        if not is_plain_id(sid):
            problems.append(Problem(Fact.UNREADABLE_SOURCE, f"source file name '{p.name}' is not a plain id "
                                    "(letters, digits, '-', '_', '.'); rename it", loc, sources=[]))
            continue
        if entry.is_dir():
            continue  # a folder named like a source is not one
        if sid in out:
            problems.append(Problem(Fact.UNREADABLE_SOURCE, f"two files share the source id '{sid}' "
                                    f"({out[sid].path.name} and {p.name}); the second is not read", loc,
                                    sources=[sid]))
            continue
        resolved = folder / name if known_inside and not entry.is_symlink() else None
        out[sid] = _read_source(p, sid, problems, story_root, resolved)
        meta_name = sid + META_SUFFIX
        if meta_name in names and out[sid].error is None and not out[sid].is_note:
            _apply_meta_toml(out[sid], sources_dir / meta_name, story_root, problems)
    return out


def _read_source(p: Path, sid: str, problems: list[Problem], story_root: Path, resolved: Path | None = None) -> Source:
    loc = Location(path=str(p))

    def broken(why: str, location: Location = loc) -> Source:
        problems.append(Problem(Fact.UNREADABLE_SOURCE, why, location, sources=[sid]))
        return Source(sid, p, SourceMeta(), None, error=why)

    try:
        document = p.suffix.lower() in DOCUMENT_SUFFIXES
        raw = read_story_file(p, story_root, MAX_DOCUMENT_BYTES if document else MAX_SOURCE_BYTES, resolved=resolved)
    except FileRefused as e:
        if e.kind == "outside":
            return broken(f"{p.name} links outside the story folder; not read (copy the file into sources/ instead)")
        return broken(f"{p.name} {e.reason}")
    if document:
        return _read_document(p, sid, raw, problems)
    if b"\x00" in raw[:65536]:
        return broken(f"{p.name} is a binary file, not text; save the article as UTF-8 text")
    try:
        text = decode_text(raw, p)
    except CannotRun as e:
        return broken(str(e).split(": ", 1)[1] if ": " in str(e) else str(e), _loc_from_message(str(e), p))
    if p.suffix.lower() == ".toml":
        try:
            data = parse_toml(text, p, parse_float=float)
        except CannotRun as e:
            msg = str(e)
            return broken(msg.split(": ", 1)[1], _loc_from_message(msg, p))
        data.setdefault("kind", "note")
        meta = _meta(data, p, sid, problems, 1, text)
        return Source(sid, p, meta, None)
    text = text.replace("\r\n", "\n")
    fenced = front_matter.split(text)  # TOML between +++ lines, or key: value between --- lines
    body, meta_text, body_line = fenced.body, fenced.block, fenced.body_line
    meta = SourceMeta()
    if fenced.unclosed:
        problems.append(Problem(Fact.UNREADABLE_SOURCE, fenced.unclosed, Location(str(p), 1, 1), sources=[sid]))
    if meta_text is not None:
        from factcheck.model import SOURCE_FIELDS

        try:
            data = front_matter.read(fenced, p, parse_toml, SOURCE_FIELDS)
        except CannotRun as e:
            msg = str(e)
            problems.append(Problem(Fact.UNREADABLE_SOURCE, "front matter: " + msg.split(": ", 1)[1],
                                    _loc_from_message(msg, p), sources=[sid]))
            data = {}
        meta = _meta(data, p, sid, problems, 2, meta_text if fenced.fence == "+++" else front_matter.key_lines(meta_text))
    return Source(sid, p, meta, body, body_line)


def _read_document(p: Path, sid: str, raw: bytes, problems: list[Problem]) -> Source:
    """A saved page or a PDF: its text, and what it declares about itself as front matter."""
    from factcheck.documents import DocumentError, read_document

    try:
        doc = read_document(p, raw)
    except (DocumentError, ImportError) as e:
        # ImportError: an installation without the page or PDF readers; the rest of the story is
        # still checked.
        why = f"{p.name}: {e}" if isinstance(e, DocumentError) else (
            f"{p.name}: the reader for this kind of file is not installed ({e.name or e}); "
            "reinstall factcheck-ledger with its dependencies")
        problems.append(Problem(Fact.UNREADABLE_SOURCE, why, Location(path=str(p)), sources=[sid]))
        return Source(sid, p, SourceMeta(), None, error=why)
    meta = _meta(doc.declared(), p, sid, problems, 1)
    if doc.empty_why is not None:
        return Source(sid, p, meta, None, no_text=doc.empty_why)
    return Source(sid, p, meta, doc.text, 1, places=doc.places)


# What `sources add` records in <id>.meta.toml besides the front-matter keys.
SAVED_KEYS = frozenset({"retrieved", "sha256"})


def _apply_meta_toml(src: Source, p: Path, root: Path, problems: list[Problem]) -> None:
    """Keys of sources/<id>.meta.toml override what the source declares; a key it does not name
    is kept from the source."""
    try:
        text = decode_text(read_story_file(p, root, MAX_META_BYTES), p)
        data = parse_toml(text, p, parse_float=float)
    except FileRefused as e:
        why = f"{p.name} links outside the story folder; not read" if e.kind == "outside" else f"{p.name} {e.reason}"
        problems.append(Problem(Fact.UNREADABLE_SOURCE, why, Location(path=str(p)), sources=[src.id]))
        return
    except LoadError as e:  # not UTF-8, invalid TOML: the message has path:line:column
        msg = str(e)
        problems.append(Problem(Fact.UNREADABLE_SOURCE, msg.split(": ", 1)[-1], _loc_from_message(msg, p),
                                sources=[src.id]))
        return
    src.saved = {k: data.pop(k) for k in SAVED_KEYS & data.keys()}
    from factcheck.model import SOURCE_FIELDS

    declared = {k: getattr(src.meta, k) for k in SOURCE_FIELDS if getattr(src.meta, k) not in (None, [])}
    declared.pop("kind", None)
    src.meta = _meta({**declared, **data}, p, src.id, problems, 1)


def _loc_from_message(msg: str, p: Path) -> Location:
    m = re.match(re.escape(str(p)) + r":(\d+):(\d+):", msg)
    if m:
        return Location(path=str(p), line=int(m.group(1)), column=int(m.group(2)))
    return Location(path=str(p))


def _meta(data: dict[str, Any], p: Path, sid: str, problems: list[Problem], first_line: int,
          text: str = "") -> SourceMeta:
    """`first_line` is the file line of the first line of `text` (the front matter, or the note)."""
    from factcheck.model import SOURCE_FIELDS

    unknown = [k for k in data if k not in SOURCE_FIELDS]
    for k in unknown:
        line = next((first_line + n for n, t in enumerate(text.split("\n"))
                     if (km := _KEY_LINE.match(t)) is not None and km["key"].strip("\"'") == k), first_line)
        problems.append(Problem(Fact.UNKNOWN_KEY, f"source '{sid}' has an unknown key '{k}'"
                                + (did_you_mean(k, SOURCE_FIELDS) or front_matter.KEY_HINTS.get(k, "")),
                                Location(path=str(p), line=line),
                                sources=[sid]))
    clean = {k: v for k, v in data.items() if k in SOURCE_FIELDS}
    try:
        return SourceMeta.model_validate(clean)
    except ValidationError as e:
        for err in e.errors():
            key = ".".join(str(x) for x in err["loc"])
            problems.append(Problem(Fact.INVALID_VALUE, f"source '{sid}': '{key}': {_msg(err)}",
                                    Location(path=str(p), line=first_line), sources=[sid]))
        good = {k: v for k, v in clean.items() if k not in {str(err["loc"][0]) for err in e.errors() if err["loc"]}}
        try:
            return SourceMeta.model_validate(good)
        except ValidationError:
            return SourceMeta()
