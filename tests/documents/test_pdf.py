"""PDF reports: text page by page, hyphenation undone, ligatures folded, running headers and
footers kept out of sentences, quotes located by page; a scan says it has no text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.documents import read_document
from factcheck.documents.pdf import clean_pages
from tests.conftest import found, verify_report, write_story
from tests.documents.pdfmaker import make_report, make_scanned, unicode_font

PAGE_1 = [
    "Summary of findings.",
    "The review examined every payment made under the harbour dredging contract between January 2021 "
    "and December 2024, a total of 212 invoices.",
    "Surveys commissioned by the office found that approximately 900,000 cubic metres of sediment had been "
    "removed, against 1.2 million cubic metres certified for payment by the resident engineer.",
]
PAGE_2 = [
    "The office recommends that further payments be suspended until an independent bathymetric survey is "
    "completed and that the financial oversight committee reconsider the certification arrangements.",
    "Officials confirmed that fourteen additional inspectors were recruited in 2024.",
]
PAGE_3 = ["The council's response to these recommendations is reproduced in full in the annex to this report."]


@pytest.fixture()
def report_pdf(tmp_path: Path) -> Path:
    return make_report(tmp_path / "audit.pdf", [PAGE_1, PAGE_2, PAGE_3])


def _lines(path: Path) -> list[str]:
    return read_document(path, path.read_bytes()).text.split("\n")


def test_text_by_page_without_headers_footers_or_line_end_hyphens(report_pdf: Path) -> None:
    doc = read_document(report_pdf, report_pdf.read_bytes())
    assert [p for _, p in doc.places] == ["p. 1", "p. 2", "p. 3"]
    assert "Regional Audit Office" not in doc.text  # the running header
    assert not any(line.startswith("Page ") for line in doc.text.split("\n"))  # the footer
    joined = " ".join(doc.text.split())
    for para in PAGE_1 + PAGE_2 + PAGE_3:
        assert para in joined, para  # every word as written, hyphenated words whole again
    assert "-\n" not in doc.text


@pytest.mark.skipif(unicode_font() is None, reason="no Unicode font on this machine to set ligatures with")
def test_ligatures_are_folded(tmp_path: Path) -> None:
    pdf = make_report(tmp_path / "l.pdf", [["The office identified significant flaws in the certification."],
                                           ["Its findings were final."]])
    doc = read_document(pdf, pdf.read_bytes())
    assert "identified significant flaws in the certification" in doc.text
    assert not any(ch in doc.text for ch in "\ufb00\ufb01\ufb02\ufb03\ufb04")


def _story(tmp_path: Path, claims: str) -> Path:
    ledger = write_story(tmp_path, claims)
    make_report(tmp_path / "sources" / "audit.pdf", [PAGE_1, PAGE_2, PAGE_3])
    (tmp_path / "sources" / "audit.meta.toml").write_text(
        'outlet = "Regional Audit Office"\npublished = 2025-03-13\nurl = "https://audit.example/r/2025-04"\n',
        encoding="utf-8")
    return ledger


def test_quotes_are_located_by_page_even_across_a_page_break(tmp_path: Path) -> None:
    ledger = _story(tmp_path, """
        [[claim]]
        id = "silt"
        source = "audit"
        quote = "approximately 900,000 cubic metres of sediment had been removed"
        amount = "about 900,000"

        [[claim]]
        id = "inspectors"
        source = "audit"
        quote = "fourteen additional inspectors were recruited in 2024"
        amount = "14"

        [[claim]]
        id = "across"
        source = "audit"
        quote = "1.2 million cubic metres certified for payment by the resident engineer. The office recommends"
        amount = "1.2 million"
    """)
    report = verify_report(ledger)
    assert found(report) == set()
    where = {c.id: (c.status.value, c.found_in) for c in report.claims}
    assert where == {"silt": ("supported", "audit.pdf p. 1"), "inspectors": ("supported", "audit.pdf p. 2"),
                     "across": ("supported", "audit.pdf pp. 1-2")}
    src = next(s for s in report.sources if s.id == "audit")
    assert (src.kind, src.outlet, src.published) == ("pdf", "Regional Audit Office", "2025-03-13")


def test_a_finding_shows_the_page_and_the_passage(tmp_path: Path) -> None:
    ledger = _story(tmp_path, """
        [[claim]]
        id = "invoices"
        source = "audit"
        quote = "a total of 212 invoices"
        amount = "221"

        [[claim]]
        id = "misquote"
        source = "audit"
        quote = "fifteen additional inspectors were recruited in 2024"
    """)
    report = verify_report(ledger)
    assert found(report) == {("FC103", ("invoices",)), ("FC102", ("misquote",))}
    fc103 = next(f for f in report.findings if f.code == "FC103")
    assert fc103.derivation == ["quote found in audit.pdf p. 1"]
    assert fc103.evidence is not None and "a total of 212 invoices" in fc103.evidence
    fc102 = next(f for f in report.findings if f.code == "FC102")
    assert fc102.derivation[0].startswith("closest passage, audit.pdf p. 2: ")
    assert "fifteen" in " ".join(fc102.derivation[1:])


def test_a_scanned_pdf_is_a_finding_and_its_claims_are_unverifiable(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, """
        [[claim]]
        id = "scan"
        source = "scan"
        quote = "1.2 million cubic metres"
    """)
    make_scanned(tmp_path / "sources" / "scan.pdf")
    report = verify_report(ledger)
    assert ("FC109", ("scan",)) in found(report)
    f = next(f for f in report.findings if f.code == "FC109")
    assert f.message.startswith("scan.pdf: scanned: no text to check against")
    assert f.severity.value == "warning"
    assert {c.id: c.status.value for c in report.claims} == {"scan": "unverifiable"}


def test_a_file_that_is_not_a_pdf_is_unreadable(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, '[[claim]]\nid = "a"\nsource = "fake"\nquote = "x"\n')
    (tmp_path / "sources" / "fake.pdf").write_bytes(b"<html>saved with the wrong name</html>")
    report = verify_report(ledger)
    f = next(f for f in report.findings if f.code == "FC010")
    assert f.message.startswith("fake.pdf: not a PDF that can be read") and f.claims == ["a"]


def test_sources_show_prints_pages_and_numbered_lines(report_pdf: Path, tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    report_pdf.rename(tmp_path / "sources" / "audit.pdf")
    r = CliRunner().invoke(main, ["sources", "--sources", str(tmp_path / "sources"), "show", "audit"])
    assert r.exit_code == 0, r.output
    lines = [line.strip() for line in r.output.splitlines()]
    first = lines.index("— p. 1 —")
    assert lines[first + 1] == "1  Summary of findings."
    assert any("— p. 3 —" in line for line in lines)
    assert "Regional Audit Office" not in r.output


def test_json_report_carries_found_in(tmp_path: Path) -> None:
    ledger = _story(tmp_path, '[[claim]]\nid = "s"\nsource = "audit"\nquote = "a total of 212 invoices"\n')
    r = CliRunner().invoke(main, ["verify", "--claims", str(ledger), "--format", "json"])
    assert json.loads(r.output)["claims"][0]["found_in"] == "audit.pdf p. 1"


# -- the cleaning itself, on the text a PDF's pages give -----------------------------------------

_words = st.lists(st.from_regex(r"[a-z]{2,12}", fullmatch=True), min_size=1, max_size=40)


@given(_words, st.integers(3, 30))
def test_words_broken_at_any_line_end_come_back_whole(words: list[str], width: int) -> None:
    """Lay words out in lines of `width` characters, hyphenating a word that does not fit, as a
    typesetter does; the cleaned text is the words again."""
    lines: list[str] = []
    current = ""
    for w in words:
        if len(current) + 1 + len(w) <= width or not current:
            current = f"{current} {w}".strip()
        elif len(w) >= 4:
            cut = len(w) // 2
            lines.append(f"{current} {w[:cut]}-")
            current = w[cut:]
        else:
            lines.append(current)
            current = w
    lines.append(current)
    (page,) = clean_pages(["\n".join(lines)])
    assert " ".join(page).split() == words


@given(st.lists(_words, min_size=2, max_size=6, unique_by=tuple), st.integers(1, 500))
def test_a_running_header_and_page_numbers_never_reach_the_text(bodies: list[list[str]], first: int) -> None:
    pages = [f"Annual Report 2025 | Harbour Authority\n{' '.join(b)}.\n{first + n}"
             for n, b in enumerate(bodies)]
    cleaned = clean_pages(pages)
    assert [" ".join(p) for p in cleaned] == [" ".join(b) + "." for b in bodies]


@given(st.text(alphabet="abc \ufb00\ufb01\ufb02\ufb03\ufb04\n", max_size=60))
def test_no_ligature_survives(text: str) -> None:
    assert not any(ch in line for page in clean_pages([text]) for line in page for ch in "\ufb00\ufb01\ufb02\ufb03\ufb04")


def test_a_hyphen_before_a_capital_or_a_digit_is_the_words_own() -> None:
    assert clean_pages(["cases of COVID-\n19 rose in the Asia-\nPacific region, a well-\nknown trend"]) == [
        ["cases of COVID-19 rose in the Asia-Pacific region, a wellknown trend"]]


def test_a_number_alone_on_a_line_is_text_unless_it_counts_the_pages() -> None:
    """A year or a figure that a sentence wraps onto a line of its own stays; page numbers go."""
    pages = ["Report to the Board, meeting of 11 September\n2024.\nThe list stood at\n96,250.\n1",
             "Of those waiting, the longest waits totalled\n7,412.\n2"]
    assert clean_pages(pages) == [
        ["Report to the Board, meeting of 11 September", "2024.", "The list stood at", "96,250."],
        ["Of those waiting, the longest waits totalled", "7,412."],
    ]
    assert clean_pages(["The count was\n120."]) == [["The count was", "120."]]  # one page: nothing to compare
    # Figures ending each page that do not count up with the pages are the text's own.
    assert clean_pages(["rose to\n120.", "fell to\n95."]) == [["rose to", "120."], ["fell to", "95."]]


def test_a_year_wrapped_onto_its_own_line_in_a_generated_report(tmp_path: Path) -> None:
    pdf = make_report(tmp_path / "y.pdf", [["Performance Report to the Board, Meeting of 11 September 2024."],
                                           ["Elective care figures follow."]], width=105)
    doc = read_document(pdf, pdf.read_bytes())
    assert "Meeting of 11 September 2024." in " ".join(doc.text.split())
