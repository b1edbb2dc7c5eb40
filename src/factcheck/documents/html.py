"""A saved web page: its article text and what it declares about itself.

The article text and the title, site name, author and canonical URL come from trafilatura, the
date of publication from htmldate; both are made for news pages (JSON-LD NewsArticle, OpenGraph
and the many ways sites mark a byline) and leave out what is not the article: menus, cookie
banners, related-article boxes, footers. The text is one line per paragraph, so a quote's place
is "paragraph 4", the fourth line that `factcheck sources show ID` prints.
"""

from __future__ import annotations

from datetime import date

from factcheck.documents import Document, DocumentError, clean_text

MIN_SENTENCE_WORDS = 6  # an article has at least one paragraph this long; a menu has none


def read_html(raw: bytes) -> Document:
    import logging

    import htmldate
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        # Their warnings about a page are not for the editor's terminal (with no handler of
        # its own, a logger's warning would reach stderr); what matters becomes a finding.
        logging.getLogger(name).addHandler(logging.NullHandler())

    html = _decode(raw)
    if not html.strip():
        return Document("", "html", empty_why="the page is empty: nothing to check against")
    try:
        # favor_recall: a paragraph left out would make a quote look missing, a false alarm;
        # a stray line kept costs nothing, since a quote must still match word for word.
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                          favor_recall=True, deduplicate=False)
    except Exception as e:  # the library's own failure on a broken page is the page's problem
        raise DocumentError(f"the page cannot be read: {type(e).__name__}: {e}") from None
    text = getattr(doc, "text", None) or ""
    paragraphs = [" ".join(clean_text(p).split()) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    out = Document("\n".join(paragraphs), "html",
                   places=[(n, f"paragraph {n}") for n in range(1, len(paragraphs) + 1)])
    if doc is not None:
        out.title = _one_line(getattr(doc, "title", None))
        out.outlet = _one_line(getattr(doc, "sitename", None))
        out.author = _one_line(getattr(doc, "author", None))
        url = _one_line(getattr(doc, "url", None))
        out.url = url if url and url.startswith(("http://", "https://")) else None
    out.published = _published(html, htmldate)
    if not any(len(p.split()) >= MIN_SENTENCE_WORDS for p in paragraphs):
        # Menus and buttons only ("Home", "Enable JavaScript."): a page whose article is drawn by
        # a script after it loads, or a page saved before it had finished loading.
        out.empty_why = "no article text found in the page (only menus or buttons): nothing to check against"
    return out


def _decode(raw: bytes) -> str:
    """The page as text: its declared or detected encoding, else UTF-8 with replacement."""
    from trafilatura.utils import decode_file

    try:
        return str(decode_file(raw))
    except Exception:
        return raw.decode("utf-8", errors="replace")


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(clean_text(value).split())
    return text or None


def _published(html: str, htmldate: object) -> date | None:
    """The date the page says it was first published (its metadata, not a date in the text)."""
    try:
        found = htmldate.find_date(html, original_date=True, extensive_search=False,  # type: ignore[attr-defined]
                                   outputformat="%Y-%m-%d")
    except Exception:
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(str(found))
    except ValueError:
        return None
