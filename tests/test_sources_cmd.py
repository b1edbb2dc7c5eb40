"""`factcheck sources add|show|check` against a real HTTP server on the loopback interface."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from factcheck.cli import main
from factcheck.documents.fetch import FetchError, check_url, fetch
from tests.conftest import STORIES, write_story
from tests.documents.pdfmaker import make_report

TRIBUNE = (STORIES / "pages" / "sources" / "valley-tribune.html").read_bytes()
HTML = "text/html; charset=utf-8"


def cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


# -- sources add ----------------------------------------------------------------------------------


def test_add_a_url_saves_the_page_and_its_provenance(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/local/tram").respond_with_data(TRIBUNE, content_type=HTML)
    url = httpserver.url_for("/local/tram")
    status, out, err = cli("sources", "--sources", str(tmp_path / "sources"), "add", url)
    assert status == 0, err
    page = tmp_path / "sources" / "valley-tribune-2025-05-08.html"
    assert page.read_bytes() == TRIBUNE
    meta = tomllib.loads((tmp_path / "sources" / "valley-tribune-2025-05-08.meta.toml").read_text("utf-8"))
    assert meta["url"] == url
    assert meta["sha256"] == hashlib.sha256(TRIBUNE).hexdigest()
    assert meta["retrieved"].tzinfo is not None
    assert out.splitlines() == [f"saved {page} (Valley Tribune, 2025-05-08; 6 paragraphs of text)",
                                f"wrote {page.with_name('valley-tribune-2025-05-08.meta.toml')}"]
    assert sorted(_listing(tmp_path / "sources")) == ["valley-tribune-2025-05-08.html",
                                                      "valley-tribune-2025-05-08.meta.toml"]  # no temp files left


def test_add_never_overwrites(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/a").respond_with_data(TRIBUNE, content_type=HTML)
    httpserver.expect_request("/b").respond_with_data(TRIBUNE.replace(b"48 new", b"46 new"), content_type=HTML)
    sources = tmp_path / "sources"
    assert cli("sources", "--sources", str(sources), "add", httpserver.url_for("/a"), "--id", "tribune")[0] == 0
    before = _listing(sources)
    status, out, err = cli("sources", "--sources", str(sources), "add", httpserver.url_for("/b"), "--id", "tribune")
    assert status == 2 and out == ""
    assert err.strip() == (f"factcheck: {sources / 'tribune.html'}: exists; nothing is overwritten (pass --id to "
                           "save it under another id)")
    status, out, err = cli("sources", "--sources", str(sources), "add", httpserver.url_for("/a"))
    assert status == 2 and err.strip() == (f"factcheck: {sources / 'tribune.html'}: these bytes are saved already "
                                           "(the same SHA-256); nothing written")
    assert _listing(sources) == before


def test_two_articles_of_one_outlet_and_day(httpserver: HTTPServer, tmp_path: Path) -> None:
    """The second gets the next free id; nothing of the first is touched."""
    other = TRIBUNE.replace(b"The city has ordered 48", b"The city has now ordered 48")
    httpserver.expect_request("/a").respond_with_data(TRIBUNE, content_type=HTML)
    httpserver.expect_request("/b").respond_with_data(other, content_type=HTML)
    sources = tmp_path / "sources"
    assert cli("sources", "--sources", str(sources), "add", httpserver.url_for("/a"))[0] == 0
    status, out, _ = cli("sources", "--sources", str(sources), "add", httpserver.url_for("/b"))
    assert status == 0 and out.startswith(f"saved {sources / 'valley-tribune-2025-05-08-2.html'}")
    assert (sources / "valley-tribune-2025-05-08.html").read_bytes() == TRIBUNE
    assert (sources / "valley-tribune-2025-05-08-2.html").read_bytes() == other


@pytest.mark.parametrize(("given", "why"), [
    ("../outside", "--id ../outside: an id uses letters, digits, '-', '_' and '.' only"),
    ("a/b", "--id a/b: an id uses letters, digits, '-', '_' and '.' only"),
    ("x.meta", "--id x.meta: an id uses letters, digits, '-', '_' and '.' only"),
])
def test_add_writes_nothing_outside_sources(httpserver: HTTPServer, tmp_path: Path, given: str, why: str) -> None:
    httpserver.expect_request("/a").respond_with_data(TRIBUNE, content_type=HTML)
    status, _, err = cli("sources", "--sources", str(tmp_path / "s"), "add", httpserver.url_for("/a"), "--id", given)
    assert status == 2 and err.strip() == f"factcheck: {why}"
    assert sorted(p.name for p in tmp_path.rglob("*")) == []


def test_add_a_pdf_from_a_url(httpserver: HTTPServer, tmp_path: Path) -> None:
    pdf = make_report(tmp_path / "r.pdf", [["The audit counted 212 invoices in all."], ["Its findings are final."]])
    httpserver.expect_request("/r").respond_with_data(pdf.read_bytes(), content_type="application/pdf")
    status, out, err = cli("sources", "--sources", str(tmp_path / "sources"), "add", httpserver.url_for("/r"))
    assert status == 0, err
    saved = tmp_path / "sources" / "localhost.pdf"  # a PDF declares no outlet: the host names it
    assert saved.read_bytes() == pdf.read_bytes()
    assert out.startswith(f"saved {saved} (2 pages of text)")
    meta_text = (tmp_path / "sources" / "localhost.meta.toml").read_text("utf-8")
    assert "# outlet = " in meta_text  # the hint to add what a PDF does not declare


def test_redirects_are_followed_to_http_only(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(TRIBUNE, content_type=HTML)
    httpserver.expect_request("/ftp").respond_with_data("", status=302, headers={"Location": "ftp://files/x.pdf"})
    httpserver.expect_request("/file").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    sources = tmp_path / "sources"
    assert cli("sources", "--sources", str(sources), "add", httpserver.url_for("/old"), "--id", "t")[0] == 0
    assert tomllib.loads((sources / "t.meta.toml").read_text("utf-8"))["url"] == httpserver.url_for("/new")
    for path, target in (("/ftp", "ftp://files/x.pdf"), ("/file", "file:///etc/passwd")):
        status, _, err = cli("sources", "--sources", str(sources), "add", httpserver.url_for(path), "--id", "u")
        assert status == 2 and err.strip() == f"factcheck: {target}: only http and https addresses are fetched"
    assert sorted(_listing(sources)) == ["t.html", "t.meta.toml"]


@pytest.mark.parametrize(("respond", "why"), [
    ({"response_data": b"\x89PNG....", "content_type": "image/png"}, "not a web page or a PDF (content type 'image/png')"),
    ({"response_data": b"{}", "content_type": "application/json"},
     "not a web page or a PDF (content type 'application/json')"),
    ({"response_data": b"gone", "status": 404, "content_type": "text/html"}, "the server answered 404 NOT FOUND"),
    ({"response_data": b"gone", "status": 410, "content_type": "text/html"}, "the server answered 410 GONE"),
])
def test_what_is_not_a_page_or_a_pdf_is_refused(httpserver: HTTPServer, tmp_path: Path, respond: dict[str, object],
                                                why: str) -> None:
    httpserver.expect_request("/x").respond_with_data(**respond)  # type: ignore[arg-type]
    status, _, err = cli("sources", "--sources", str(tmp_path / "s"), "add", httpserver.url_for("/x"))
    assert status == 2
    assert err.strip().lower() == f"factcheck: {httpserver.url_for('/x')}: {why}".lower()
    assert not (tmp_path / "s").exists() or _listing(tmp_path / "s") == {}


def test_the_size_cap_stops_the_download(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"<html>" + b"x" * 50_000, content_type=HTML)
    with pytest.raises(FetchError, match="over the 0 MB a source may be"):
        fetch(httpserver.url_for("/big"), max_bytes=10_000)
    assert fetch(httpserver.url_for("/big"), max_bytes=100_000).body.startswith(b"<html>")


def test_a_server_that_does_not_answer_in_time(httpserver: HTTPServer) -> None:
    import time

    from werkzeug import Request, Response

    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response("late", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchError, match="no answer within 0.2 seconds"):
        fetch(httpserver.url_for("/slow"), timeout=0.2)


def test_add_a_local_file(tmp_path: Path) -> None:
    page = tmp_path / "download.html"
    page.write_bytes(TRIBUNE)
    status, out, err = cli("sources", "--sources", str(tmp_path / "sources"), "add", str(page))
    assert status == 0, err
    assert (tmp_path / "sources" / "valley-tribune-2025-05-08.html").read_bytes() == TRIBUNE
    meta = tomllib.loads((tmp_path / "sources" / "valley-tribune-2025-05-08.meta.toml").read_text("utf-8"))
    assert "url" not in meta and meta["sha256"] == hashlib.sha256(TRIBUNE).hexdigest()


@pytest.mark.parametrize(("name", "why"), [
    ("missing.html", "no such file (sources add takes a file or an http(s) address)"),
    ("photo.jpg", "not a page (.html), a PDF (.pdf) or a text (.md, .txt)"),
])
def test_add_a_local_file_that_will_not_do(tmp_path: Path, name: str, why: str) -> None:
    if name.endswith(".jpg"):
        (tmp_path / name).write_bytes(b"\xff\xd8")
    status, _, err = cli("sources", "--sources", str(tmp_path / "sources"), "add", str(tmp_path / name))
    assert status == 2 and err.strip() == f"factcheck: {tmp_path / name}: {why}"


# -- sources show -----------------------------------------------------------------------------------


def test_show_prints_the_text_read_with_paragraph_numbers() -> None:
    status, out, _ = cli("sources", "--sources", str(STORIES / "pages" / "sources"), "show", "valley-tribune")
    assert status == 0
    lines = [line.rstrip() for line in out.splitlines()]
    assert "outlet     Valley Tribune" in lines and "published  2025-05-08" in lines
    assert any(line.startswith("5  The city has ordered 48 new low-floor vehicles") for line in lines)
    assert "Related" not in out and "Accept" not in out


def test_show_keeps_control_characters_off_the_terminal(tmp_path: Path) -> None:
    write_story(tmp_path, "", {"wire.md": "+++\noutlet = \"Wire\x1b]0;pwned\x07\"\n+++\nA line \x1b[2J with 12 words.\n"})
    status, out, _ = cli("sources", "--sources", str(tmp_path / "sources"), "show", "wire")
    assert "\x1b" not in out and "\x07" not in out and "A line [2J with 12 words." in out


def test_show_an_unknown_id(tmp_path: Path) -> None:
    status, _, err = cli("sources", "--sources", str(STORIES / "pages" / "sources"), "show", "valley-tribun")
    assert status == 2 and "no source 'valley-tribun' (did you mean 'valley-tribune'?)" in err


# -- sources check ----------------------------------------------------------------------------------

CLAIMS = """
[[claim]]
id = "vehicles"
source = "tribune"
quote = "ordered 48 new low-floor vehicles"

[[claim]]
id = "riders"
source = "tribune"
quote = "38,000 daily riders by 2030"
"""


def _saved_story(httpserver: HTTPServer, tmp_path: Path) -> Path:
    httpserver.expect_oneshot_request("/tram").respond_with_data(TRIBUNE, content_type=HTML)
    ledger = write_story(tmp_path, CLAIMS)
    assert cli("sources", "--claims", str(ledger), "add", httpserver.url_for("/tram"), "--id", "tribune")[0] == 0
    return ledger


def _check(httpserver: HTTPServer, ledger: Path, page: bytes | None, status: int = 200) -> tuple[int, dict[str, object]]:
    if page is not None:
        httpserver.expect_request("/tram").respond_with_data(page, status=status, content_type=HTML)
    code, out, _ = cli("sources", "--claims", str(ledger), "check", "--format", "json")
    return code, json.loads(out)


def _codes(doc: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(f["code"], f["claims"]) for f in doc["findings"]]


def test_check_an_unchanged_page(httpserver: HTTPServer, tmp_path: Path) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    code, doc = _check(httpserver, ledger, TRIBUNE)
    assert (code, _codes(doc)) == (0, [])


def test_check_a_quoted_figure_that_changed(httpserver: HTTPServer, tmp_path: Path) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    code, doc = _check(httpserver, ledger, TRIBUNE.replace(b"48 new low-floor", b"44 new low-floor"))
    assert (code, _codes(doc)) == (1, [("FC504", ["vehicles"])])
    f = doc["findings"][0]  # type: ignore[index]
    assert f["message"] == ("claim 'vehicles': the quote \"ordered 48 new low-floor vehicles\" is altered from the "
                            f"page at {httpserver.url_for('/tram')}")
    assert "the quote has '48' where the source has '44'" in f["derivation"]


def test_check_a_quote_gone_from_the_page(httpserver: HTTPServer, tmp_path: Path) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    page = TRIBUNE.replace(b"The department said the 11-mile line would carry 38,000 daily riders by 2030.", b"")
    code, doc = _check(httpserver, ledger, page)
    assert (code, _codes(doc)) == (1, [("FC504", ["riders"])])
    assert " is gone from the page at " in doc["findings"][0]["message"]  # type: ignore[index]


def test_check_a_correction_added(httpserver: HTTPServer, tmp_path: Path) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    page = TRIBUNE.replace(b"</div>\n      <div class=\"newsletter",
                           b"<p><em>Correction: An earlier version of this article misstated the length of the line."
                           b"</em></p></div>\n      <div class=\"newsletter")
    assert page != TRIBUNE
    code, doc = _check(httpserver, ledger, page)
    assert (code, _codes(doc)) == (1, [("FC505", ["vehicles", "riders"])])
    assert doc["findings"][0]["evidence"].startswith("Correction: An earlier version")  # type: ignore[index]


def test_check_a_page_taken_down(httpserver: HTTPServer, tmp_path: Path) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    code, doc = _check(httpserver, ledger, b"Not here", status=404)
    assert (code, _codes(doc)) == (1, [("FC506", ["vehicles", "riders"])])
    assert doc["findings"][0]["message"] == (  # type: ignore[index]
        f"source 'tribune': {httpserver.url_for('/tram')}: the server answered 404 NOT FOUND")


def test_check_a_page_with_new_text_but_every_quote_in_place(httpserver: HTTPServer, tmp_path: Path) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    page = TRIBUNE.replace(b"<p>The department said", b"<p>The mayor defended the project at a news conference on "
                           b"Thursday afternoon.</p><p>The department said")
    code, doc = _check(httpserver, ledger, page)
    assert (code, _codes(doc)) == (0, [("FC507", ["vehicles", "riders"])])  # info: below --fail-on warning
    assert "(1 passage new, 0 gone or changed); every quote is still there" in doc["findings"][0]["message"]  # type: ignore[index]


def test_check_prints_findings_for_people(httpserver: HTTPServer, tmp_path: Path) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    httpserver.expect_request("/tram").respond_with_data(b"Not here", status=404, content_type=HTML)
    status, out, err = cli("sources", "--claims", str(ledger), "check")
    assert status == 1
    assert err.startswith("fetched 1 source with a URL again")
    assert "FC506 warning" in out and "the server answered 404" in out


# -- the story the issue asks for: a saved page, a PDF report and a fetched URL ---------------------


def test_a_story_of_a_saved_page_a_pdf_and_a_fetched_url(httpserver: HTTPServer, tmp_path: Path) -> None:
    wire = (STORIES / "pages" / "sources" / "metro-wire.html").read_bytes()
    httpserver.expect_request("/2025/05/09/tram").respond_with_data(wire, content_type=HTML)
    ledger = write_story(tmp_path, """
        [story]
        published = 2025-05-10

        [[claim]]
        id = "cost"
        subject = "tram.cost"
        source = "valley-tribune"
        quote = "will cost an estimated $1.3 billion"
        amount = "about $1.3 billion"

        [[claim]]
        id = "cost-wire"
        subject = "tram.cost"
        source = "wire"
        quote = "the price tag of the Eastside tram at $1.3bn"
        amount = "$1.3bn"

        [[claim]]
        id = "cost-audit"
        subject = "tram.cost"
        source = "audit"
        quote = "a projected outturn of $1.31 billion"
        amount = "$1.31 billion"
    """)
    (tmp_path / "sources" / "valley-tribune.html").write_bytes(TRIBUNE)
    make_report(tmp_path / "sources" / "audit.pdf", [
        ["Chapter 1. Scope of the review of the Eastside tram programme and its governance."],
        ["Chapter 2. The programme's budget has been revised twice since the ballot measure, and stands at "
         "a projected outturn of $1.31 billion as of March 2025."],
    ])
    assert cli("sources", "--claims", str(ledger), "add", httpserver.url_for("/2025/05/09/tram"), "--id", "wire")[0] == 0
    status, out, err = cli("verify", "--claims", str(ledger), "--format", "json")
    doc = json.loads(out)
    assert [(c["id"], c["status"], c["found_in"]) for c in doc["claims"]] == [
        ("cost", "supported", "valley-tribune.html paragraph 2"),
        ("cost-wire", "supported", "wire.html paragraph 2"),
        ("cost-audit", "supported", "audit.pdf p. 2"),
    ]
    # The audit PDF declares no date or URL, nor does the wire's page declare a date.
    assert [(f["code"], f["message"]) for f in doc["findings"]] == [
        ("FC503", "source 'audit' has no publication date and no URL"),
        ("FC503", "source 'wire' has no publication date"),
    ]
    assert status == 0


def test_check_a_text_source_compares_its_quotes_only(httpserver: HTTPServer, tmp_path: Path) -> None:
    """A .md source holds excerpts: its quotes are looked for on the page, its text is not compared."""
    url = httpserver.url_for("/tram")
    ledger = write_story(tmp_path, CLAIMS.replace('"tribune"', '"wire"'), {
        "wire.md": f'+++\nurl = "{url}"\n+++\nThe city has ordered 48 new low-floor vehicles.\n'
                   "The line would carry 38,000 daily riders by 2030.\n"})
    page = TRIBUNE.replace(b"would carry 38,000 daily riders by 2030", b"would carry 35,000 daily riders by 2031")
    code, doc = _check(httpserver, ledger, page)
    assert (code, _codes(doc)) == (1, [("FC504", ["riders"])])


def test_extract_reads_a_page_as_verify_does(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, "")
    (tmp_path / "sources" / "tribune.html").write_bytes(TRIBUNE)
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "sources" / "tribune.html"), "--claims", str(ledger)])
    assert r.exit_code == 0, r.output
    entries = tomllib.loads(r.stdout)["claim"]
    assert {e["source"] for e in entries} == {"tribune"}
    quotes = " | ".join(e["quote"] for e in entries)
    assert "48 new" in quotes and "<p>" not in quotes and "partners" not in quotes
    # "last year" in the page is resolved against the page's own date (2025-05-08): 2024
    import re

    assert "last year" in quotes and re.search(r"last year\s*│\s*2024\s", r.stderr), r.stderr


def test_a_redirect_with_control_characters_is_shown_escaped(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/r").respond_with_data("", status=302, headers={"Location": "gopher://x/\x1b[2J"})
    status, _, err = cli("sources", "--sources", str(tmp_path / "s"), "add", httpserver.url_for("/r"))
    assert status == 2 and "\x1b" not in err
    assert err.startswith("factcheck: gopher://x/") and err.strip().endswith(": only http and https addresses are fetched")
    with pytest.raises(FetchError) as e:
        check_url("gopher://x/\x1b[2J")
    assert str(e.value) == "gopher://x/\\x1b[2J: only http and https addresses are fetched"


@pytest.mark.parametrize(("notice", "codes"), [
    (b"Clarification: the cost figure refers to the whole line.", ["FC505"]),
    (b"Editor\xe2\x80\x99s note: this story was amended to correct the number of stations.", ["FC505"]),
    (b"This article was amended on 9 May 2025 to give the correct length of the line.", ["FC505"]),
    (b"Updated: 10:32, 9 May 2025. Council members met the mayor on Friday afternoon.", ["FC507"]),
], ids=["clarification", "editors-note", "amended", "an-update-is-not-a-correction"])
def test_what_counts_as_a_correction(httpserver: HTTPServer, tmp_path: Path, notice: bytes, codes: list[str]) -> None:
    ledger = _saved_story(httpserver, tmp_path)
    page = TRIBUNE.replace(b"</div>\n      <div class=\"newsletter",
                           b"<p>" + notice + b"</p></div>\n      <div class=\"newsletter")
    _, doc = _check(httpserver, ledger, page)
    assert [c for c, _ in _codes(doc)] == codes


def test_verbose_report_says_where_each_quote_was_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    r = CliRunner().invoke(main, ["verify", "--claims", str(STORIES / "pages" / "claims.toml"), "-v"])
    table = r.stdout.split("errors ─")[0]  # the claims table, before the findings
    assert table.count(" paragraph ") == 6  # six quotes found; 'vehicles' (misquoted) and the scan have none
    for place in ("valley-tribune.html paragraph 2", "metro-wire.html paragraph 4", "valley-tribune.html paragraph 3"):
        assert place in r.stdout, r.stdout
