"""Saved web pages: the article text and what the page declares, read through the public reader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import read_document

STORY = Path(__file__).resolve().parent.parent / "stories" / "pages" / "sources"

BODY = """<article><h1>{h1}</h1>
<p>The regional water board said on Monday that it would raise rates by 6 percent from July.</p>
<p>The board serves about 410,000 households across the three counties of the basin.</p>
</article>"""


def page(head: str, body: str = "", h1: str = "Water rates to rise") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
            f"{body}{BODY.format(h1=h1)}</body></html>").encode("utf-8")


JSON_LD = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Water rates to rise","datePublished":"2024-11-04T09:00:00Z",
"author":{"@type":"Person","name":"Priya Nair"},
"publisher":{"@type":"Organization","name":"Basin Ledger"},
"url":"https://basinledger.example/2024/11/04/water-rates"}</script>"""
OPEN_GRAPH = """<meta property="og:site_name" content="Basin Ledger">
<meta property="og:title" content="Water rates to rise">
<meta property="og:url" content="https://basinledger.example/2024/11/04/water-rates">
<meta property="article:published_time" content="2024-11-04T09:00:00+00:00">
<meta name="author" content="Priya Nair">"""
PLAIN_META = """<title>Water rates to rise - Basin Ledger</title>
<link rel="canonical" href="https://basinledger.example/2024/11/04/water-rates">
<meta name="date" content="2024-11-04"><meta name="author" content="Priya Nair">"""


URL = "https://basinledger.example/2024/11/04/water-rates"


@pytest.mark.parametrize(("head", "outlet", "url"), [
    (JSON_LD, "Basin Ledger", None),  # the URL is the page's canonical link or og:url, not JSON-LD's
    (JSON_LD + f'<link rel="canonical" href="{URL}">', "Basin Ledger", URL),
    (OPEN_GRAPH, "Basin Ledger", URL),
    (PLAIN_META, None, URL),  # no site name declared: the editor adds outlet in <id>.meta.toml
], ids=["json-ld", "json-ld-canonical", "opengraph", "plain-meta"])
def test_metadata_as_the_page_declares_it(head: str, outlet: str | None, url: str | None) -> None:
    doc = read_document(Path("p.html"), page(head))
    assert doc.title == "Water rates to rise"
    assert doc.author == "Priya Nair"
    assert doc.url == url
    assert doc.published == date(2024, 11, 4)
    if outlet is not None:
        assert doc.outlet == outlet
    assert doc.text.split("\n")[1:] == [
        "The regional water board said on Monday that it would raise rates by 6 percent from July.",
        "The board serves about 410,000 households across the three counties of the basin.",
    ]
    assert doc.places[:3] == [(1, "paragraph 1"), (2, "paragraph 2"), (3, "paragraph 3")]


def test_a_date_in_the_text_is_not_the_publication_date() -> None:
    """Only what the page declares: a date named in the article never anchors "last year"."""
    doc = read_document(Path("p.html"), page("<title>Water rates</title>",
                                             "<p>The last increase took effect on March 3, 2021 after a vote.</p>"))
    assert doc.published is None


def test_cookie_banners_menus_and_related_boxes_are_not_article_text() -> None:
    doc = read_document(Path("p.html"), (STORY / "valley-tribune.html").read_bytes())
    assert "partners store and access" not in doc.text  # the consent dialog
    assert "Subscribe for $1" not in doc.text  # the menu
    assert "Bus fares to rise" not in doc.text  # the related-stories box
    assert "All rights reserved" not in doc.text
    assert "The city has ordered 48 new low-floor vehicles" in doc.text
    assert (doc.outlet, doc.author, doc.published) == ("Valley Tribune", "Dolores Ibarra", date(2025, 5, 8))


def test_a_page_in_its_declared_encoding() -> None:
    raw = ("<html><head><meta charset='iso-8859-1'><title>Caf\u00e9 closes</title></head><body><article>"
           "<p>The caf\u00e9 on the quay served its last espresso on Sunday after 42 years in business.</p>"
           "</article></body></html>").encode("iso-8859-1")
    doc = read_document(Path("p.html"), raw)
    assert "The caf\u00e9 on the quay served its last espresso" in doc.text


def test_control_characters_never_reach_the_text() -> None:
    raw = page("<title>x</title>", "<p>An escape \x1b[31mred\x1b[0m sequence in a paragraph of the article text.</p>")
    doc = read_document(Path("p.html"), raw)
    assert "\x1b" not in doc.text and "red" in doc.text


@pytest.mark.parametrize("raw", [b"", b"   ", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"],
                         ids=["empty", "blank", "menu-only"])
def test_a_page_without_article_text_says_so(raw: bytes) -> None:
    doc = read_document(Path("p.html"), raw)
    assert doc.empty_why is not None and "nothing to check against" in doc.empty_why


_VOCABULARY = ("the council said that about 4,500 residents had been moved from homes near river after "
               "flood warnings were issued on Tuesday officials expect more rain this week and schools will "
               "stay closed while engineers inspect 12 bridges across region according to a statement").split()
_sentence = st.lists(st.sampled_from(_VOCABULARY), min_size=8, max_size=30)


@settings(max_examples=40, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=6, unique_by=tuple))
def test_every_paragraph_of_an_article_is_one_line_of_the_text(paragraphs: list[list[str]]) -> None:
    """Whatever the article says, each <p> is read whole, as one line, in order, and the
    boilerplate around it is not."""
    texts = [" ".join(words) + "." for words in paragraphs]
    html = ("<html><head><meta charset='utf-8'><title>T</title></head><body>"
            "<div class='cookie-banner'><p>We use cookies and similar technologies on this site.</p></div>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Headline</h1>"
            + "".join(f"<p>{t}</p>" for t in texts)
            + "</article><footer>© Example News Ltd</footer></body></html>")
    doc = read_document(Path("p.html"), html.encode("utf-8"))
    lines = doc.text.split("\n")
    assert [line for line in lines if line in texts] == texts
