"""PDF reports for the tests, laid out the way agencies' reports are: a running header and a page
footer on every page, justified paragraphs whose long words are hyphenated at line ends, and (when
a Unicode font is on the machine) ligature glyphs such as "ﬁ" in the text layer.

Nothing here is copied from a real report; the text is the tests' own.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

UNICODE_FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
]


def unicode_font() -> Path | None:
    return next((p for p in UNICODE_FONTS if p.is_file()), None)


class _Report(FPDF):
    def __init__(self, header_text: str, footer_text: str, font: Path | None) -> None:
        super().__init__(format="A4")
        self.header_text = header_text
        self.footer_text = footer_text
        if font is not None:
            self.add_font("body", "", str(font))
            self.family = "body"
        else:
            self.family = "Times"
        self.set_auto_page_break(False)

    def header(self) -> None:
        self.set_font(self.family, size=8)
        self.set_xy(20, 10)
        self.cell(170, 5, self.header_text, align="L")

    def footer(self) -> None:
        self.set_font(self.family, size=8)
        self.set_xy(20, 285)
        self.cell(170, 5, self.footer_text.format(page=self.page_no()), align="C")


def _lines(pdf: FPDF, paragraph: str, width: float, hyphenate: bool) -> list[str]:
    """Break a paragraph into lines of `width` mm; a long word that does not fit is split with a
    hyphen at the line end, as a typesetter does."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        trial = f"{current} {word}".strip()
        if pdf.get_string_width(trial) <= width:
            current = trial
            continue
        if hyphenate and len(word) >= 8 and word.isalpha():
            for cut in range(len(word) - 3, 3, -1):
                head = f"{current} {word[:cut]}-".strip()
                if pdf.get_string_width(head) <= width:
                    lines.append(head)
                    current = word[cut:]
                    break
            else:
                lines.append(current)
                current = word
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def make_report(path: Path, pages: list[list[str]], header: str = "Regional Audit Office · Review 2025/04",
                footer: str = "Page {page}", hyphenate: bool = True, ligatures: bool = True,
                width: float = 120) -> Path:
    """Write a PDF with one list of paragraphs per page."""
    font = unicode_font()
    pdf = _Report(header, footer, font)
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font(pdf.family, size=11)
        y = 25.0
        for para in paragraphs:
            text = para
            if ligatures and font is not None:
                text = text.replace("fi", "\ufb01").replace("fl", "\ufb02")
            for line in _lines(pdf, text, width, hyphenate):
                pdf.set_xy(20, y)
                pdf.cell(170, 5.5, line)
                y += 5.5
            y += 4
    pdf.output(str(path))
    return path


def make_scanned(path: Path) -> Path:
    """A PDF whose pages are drawings only, as a scanner makes them: no text layer."""
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        for n in range(30):
            pdf.line(20, 20 + n * 8, 190, 22 + n * 8)
    pdf.output(str(path))
    return path
