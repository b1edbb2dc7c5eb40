"""A PDF report: its text page by page, cleaned of what typesetting adds.

The text layer is read with pypdfium2 (PDFium, the engine of Chrome's PDF viewer). On the tests'
generated reports it reads the same words as pypdf, folds ligatures itself, marks the hyphens it
judges to be line-end breaks, and is six times faster (docs/sources.md has the figures).

Then, for quotes to match as the report reads:
- a word hyphenated across a line end is rejoined ("approximat-" + "ely" -> "approximately"); a
  hyphen before a capital or a digit is kept ("COVID-" + "19" -> "COVID-19");
- ligatures are folded ("ﬁ" -> "fi", "ﬂ" -> "fl", ...);
- a line that repeats at the top or bottom of most pages (a running header, a footer, a page
  number: digits aside) is dropped, so it is never glued into a sentence that runs across a
  page break;
- each page's lines keep their place, so a quote is located as "p. 14".
A PDF without a text layer (a scan) has no text to check against, and says so.
"""

from __future__ import annotations

import re

from factcheck.documents import Document, DocumentError, clean_text

LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})
SCANNED = "scanned: no text to check against (a PDF of page images; save its text, or run OCR first)"

_EDGE = 3  # lines at the top and at the bottom of a page where headers and footers stand
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:page|p\.|pg\.?)?\s*(\d{1,4})\s*(?:(?:of|/)\s*\d{1,4})?[\W_]*$", re.I)
# A hyphen PDFium judged to be a line-end break (U+FFFE), or a hard hyphen ending a line, between
# word characters: the word continues on the next line.
_SOFT_BREAK = re.compile(r"(\w)\ufffe[ \t]*\n?[ \t]*(\S?)")
_HARD_BREAK = re.compile(r"([^\W\d_])-[ \t]*\n[ \t]*([^\W_])")


def read_pdf(raw: bytes) -> Document:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(raw)
    except Exception as e:  # PdfiumError, or a password the editor did not give
        raise DocumentError(f"not a PDF that can be read: {e}") from None
    try:
        pages: list[str] = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range() if textpage.count_chars() else "")
            textpage.close()
            page.close()
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception as e:  # a page PDFium cannot read: the file's problem, not the run's
        raise DocumentError(f"a page cannot be read: {e}") from None
    finally:
        pdf.close()
    lines = clean_pages(pages)
    doc = Document("", "pdf")
    body: list[str] = []
    for n, page_lines in enumerate(lines, 1):
        if page_lines:
            doc.places.append((len(body) + 1, f"p. {n}"))
            body.extend(page_lines)
    doc.text = "\n".join(body)
    if not body:
        doc.empty_why = SCANNED
    title = " ".join(clean_text(str(meta.get("Title", ""))).split())
    if title and not re.search(r"\.(docx?|odt|pdf|indd|rtf|tex)$", title, re.I):
        doc.title = title
    author = " ".join(clean_text(str(meta.get("Author", ""))).split())
    doc.author = author or None
    return doc


def clean_pages(pages: list[str]) -> list[list[str]]:
    """Each page's text as its lines: hyphenated words rejoined, ligatures folded, running headers,
    footers and page numbers dropped, empty lines gone."""
    split = [_page_lines(p) for p in pages]
    repeated = _repeated_edges(split)
    offsets = _page_number_offsets(split)
    out: list[list[str]] = []
    for n, lines in enumerate(split):
        keep = []
        last = len(lines) - 1
        for i, line in enumerate(lines):
            if i < _EDGE or i > last - _EDGE:
                if _edge_key(line) in repeated:
                    continue
                m = _PAGE_NUMBER.match(line) if i in (0, last) else None
                if m is not None and int(m.group(1)) - n in offsets:
                    continue
            keep.append(line)
        out.append(keep)
    return out


def _needed(pages: int) -> int:
    """On how many pages a line must repeat to be the document's, not the text's: every page of a
    short document, half the pages (and at least three) of a longer one."""
    return pages if pages <= 3 else max(3, (pages + 1) // 2)


def _page_number_offsets(pages: list[list[str]]) -> set[int]:
    """A number alone on the first or last line of a page is its page number when, page after
    page, it counts up with the pages ("3", "4", "5" or "Page 3 of 40"...); a number that ends a
    sentence wrapped onto a line of its own ("...rose to" / "120.") does not, and is kept."""
    with_text = [(n, p) for n, p in enumerate(pages) if p]
    if len(with_text) < 2:
        return set()
    counts: dict[int, int] = {}
    for n, lines in with_text:
        seen = set()
        for line in {lines[0], lines[-1]}:
            m = _PAGE_NUMBER.match(line)
            if m is not None:
                seen.add(int(m.group(1)) - n)
        for off in seen:
            counts[off] = counts.get(off, 0) + 1
    need = _needed(len(with_text))
    return {off for off, k in counts.items() if k >= need}


def _page_lines(text: str) -> list[str]:
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n").translate(LIGATURES))
    text = _SOFT_BREAK.sub(_join_soft, text)
    text = _HARD_BREAK.sub(_join_hard, text)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _join_soft(m: re.Match[str]) -> str:
    nxt = m.group(2)
    if nxt and (nxt[0].isupper() or nxt[0].isdigit()):
        return m.group(1) + "-" + nxt
    return m.group(1) + nxt


def _join_hard(m: re.Match[str]) -> str:
    nxt = m.group(2)
    if nxt.isupper() or nxt.isdigit():
        return m.group(1) + "-" + nxt  # "COVID-\n19", "Asia-\nPacific": the hyphen is the word's
    return m.group(1) + nxt


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _repeated_edges(pages: list[list[str]]) -> set[str]:
    """Lines (digits aside) at the top or bottom of enough pages (see _needed)."""
    with_text = [p for p in pages if p]
    if len(with_text) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in with_text:
        edge = set(lines[:_EDGE]) | set(lines[-_EDGE:])
        # A line of numbers alone is a page number or part of the text, never a header: see above.
        for key in {_edge_key(x) for x in edge if any(ch.isalpha() for ch in x) and not _PAGE_NUMBER.match(x)}:
            counts[key] = counts.get(key, 0) + 1
    need = _needed(len(with_text))
    return {k for k, n in counts.items() if n >= need}
