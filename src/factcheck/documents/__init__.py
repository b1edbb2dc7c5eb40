"""Sources as editors hold them: saved web pages (`.html`) and PDF reports (`.pdf`).

A reader turns the file's bytes into a :class:`Document`: the text factcheck checks quotes
against, one line per paragraph (a page) or per printed line (a PDF), what the file declares
about itself (title, outlet, author, URL, publication date), and where each part of the text
stands (`paragraph 4`, `p. 14`). The heavy libraries (trafilatura, htmldate, pypdfium2) are
imported only when a story holds such a file, so a story of Markdown sources never loads them.

Nothing here knows a rule, and nothing here prints.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DOCUMENT_SUFFIXES = (".html", ".htm", ".pdf")
# What a sources/<id>.meta.toml may hold: the front-matter keys, plus what `sources add` records.
META_SUFFIX = ".meta.toml"

# C0 and C1 control characters other than tab and newline: never part of an article's text, and
# never to reach an editor's terminal from a page somebody else wrote.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class DocumentError(Exception):
    """The file cannot be read as the kind its name says (not a PDF, a broken page)."""


@dataclass
class Document:
    """The text of a page or a report, what it declares about itself, and where each part is."""

    text: str  # one line per paragraph (a page) or per printed line (a PDF)
    kind: str  # "html" or "pdf"
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    # (first line of the text, its place): (1, "paragraph 1") or (1, "p. 1"), in line order
    places: list[tuple[int, str]] = field(default_factory=list)
    empty_why: str | None = None  # why there is no text to check against (a scanned PDF)

    def declared(self) -> dict[str, object]:
        """The front-matter keys the file itself declares (those it does not are left out)."""
        out: dict[str, object] = {}
        for key in ("title", "outlet", "author", "url", "published"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


def place_of(places: list[tuple[int, str]], line: int) -> str | None:
    """The place ('p. 14', 'paragraph 4') of a line of a document's text."""
    if not places:
        return None
    i = bisect_right([p[0] for p in places], line) - 1
    return places[max(i, 0)][1]


def clean_text(text: str) -> str:
    """Control characters (other than tab and newline) become spaces."""
    return _CONTROL.sub(" ", text)


def read_document(path: Path, raw: bytes) -> Document:
    """Read a saved page or a PDF from its bytes; DocumentError when it is not what its name says."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from factcheck.documents.pdf import read_pdf

        return read_pdf(raw)
    if suffix in (".html", ".htm"):
        from factcheck.documents.html import read_html

        return read_html(raw)
    raise DocumentError(f"{path.name}: not a page or a PDF")


def sniff_kind(raw: bytes, content_type: str | None = None) -> str | None:
    """'pdf' or 'html' from a content type or the first bytes, else None."""
    ct = (content_type or "").split(";")[0].strip().lower()
    if ct == "application/pdf" or raw[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    head = raw[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head:
        return "html"
    return None


def slug(text: str, limit: int = 40) -> str:
    """A file-name form of an outlet: 'The Coastline Courier' -> 'coastline-courier'."""
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_ = re.sub(r"^(the|www)\W+", "", ascii_)
    out = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    return out[:limit].rstrip("-")


def derive_id(doc: Document | None, url: str | None, fallback: str) -> str:
    """A source id from the outlet (else the URL's host) and the publication date:
    'coastline-courier-2025-03-14'; `fallback` (a file's stem) when neither is known."""
    name = ""
    if doc is not None and doc.outlet:
        name = slug(doc.outlet)
    if not name and url:
        from urllib.parse import urlsplit

        name = slug((urlsplit(url).hostname or "").removeprefix("www."))
    if not name:
        name = slug(fallback) or "source"
    if doc is not None and doc.published:
        name = f"{name}-{doc.published.isoformat()}"
    return name


@dataclass(frozen=True)
class Located:
    """Where a quote stands in a document: its place and the passage around it, as written."""

    place: str  # "p. 14", "pp. 14-15", "paragraph 4"
    passage: str  # the paragraph (a page) or the printed lines (a PDF) that hold the quote
    line: int  # the body line where it starts


class LineIndex:
    """A document's lines folded once, to find which lines hold a quote."""

    def __init__(self, text: str) -> None:
        from factcheck.text import fold

        self.lines = text.split("\n")
        folded = [fold(line) for line in self.lines]
        self.starts: list[int] = []
        pos = 0
        for f in folded:
            self.starts.append(pos)
            pos += len(f) + 1
        self.joined = " ".join(folded)

    def locate(self, quote: str, places: list[tuple[int, str]], context: int = 0) -> Located | None:
        """Where the quote stands; the passage is the lines that hold it, with `context` lines of
        the same place either side (a PDF's printed lines are short)."""
        from factcheck.text import find_folded, fold

        q = fold(quote)
        i = find_folded(self.joined, q) if q else -1
        if i < 0:
            return None
        first = bisect_right(self.starts, i) - 1
        last = bisect_right(self.starts, i + len(q) - 1) - 1
        start_place = place_of(places, first + 1) or f"line {first + 1}"
        end_place = place_of(places, last + 1) or start_place
        place = start_place
        if end_place != start_place:
            if start_place.startswith("p. ") and end_place.startswith("p. "):
                place = f"pp. {start_place[3:]}-{end_place[3:]}"
            else:
                place = f"{start_place}-{end_place.rsplit(' ', 1)[-1]}"
        lo, hi = first, last
        for _ in range(context):
            if lo > 0 and place_of(places, lo) == start_place:
                lo -= 1
            if hi + 1 < len(self.lines) and place_of(places, hi + 2) == end_place:
                hi += 1
        return Located(place, " ".join(self.lines[lo : hi + 1]), first + 1)


@dataclass
class Refetched:
    """A source fetched again from its URL by `sources check`: the text there now, or why not."""

    url: str
    text: str | None = None
    error: str | None = None
    sha256: str | None = None

    def folded(self) -> str:
        from factcheck.text import fold

        return fold(self.text or "")
