"""sources/<id>.meta.toml: keys that override what a page or a PDF declares, and its mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.documents import LineIndex
from tests.conftest import STORIES, found, verify_report, write_story

PAGE = (STORIES / "pages" / "sources" / "valley-tribune.html").read_bytes()
CLAIM = '[[claim]]\nid = "c"\nsource = "t"\nquote = "48 new low-floor vehicles"\n'


def _story(tmp_path: Path, meta: str | None) -> Path:
    ledger = write_story(tmp_path, CLAIM)
    (tmp_path / "sources" / "t.html").write_bytes(PAGE)
    if meta is not None:
        (tmp_path / "sources" / "t.meta.toml").write_text(meta, encoding="utf-8")
    return ledger


def test_keys_override_and_the_rest_is_kept(tmp_path: Path) -> None:
    report = verify_report(_story(tmp_path, 'outlet = "The Valley Tribune (print edition)"\nvia = ["City"]\n'
                                            'sha256 = "ab"\nretrieved = 2025-05-08T14:00:00Z\n'))
    (src,) = report.sources
    assert (src.outlet, src.via, src.published, src.author) == (
        "The Valley Tribune (print edition)", ["City"], "2025-05-08", "Dolores Ibarra")
    assert found(report) == set()


@pytest.mark.parametrize(("meta", "code", "message"), [
    ('outlet = "x"\npublised = 2025-01-01\n', "FC001", "source 't' has an unknown key 'publised' (did you mean 'published'?)"),
    ('published = "last week"\n', "FC002", "source 't': 'published': "),
    ('outlet = "x\n', "FC010", "invalid TOML"),
])
def test_mistakes_in_it_are_findings(tmp_path: Path, meta: str, code: str, message: str) -> None:
    report = verify_report(_story(tmp_path, meta))
    f = next(f for f in report.findings if f.code == code)
    assert message in f.message
    assert f.location is not None and f.location.path.endswith("t.meta.toml")


def test_a_meta_toml_with_no_source_beside_it(tmp_path: Path) -> None:
    ledger = _story(tmp_path, None)
    (tmp_path / "sources" / "gone.meta.toml").write_text('outlet = "x"\n', encoding="utf-8")
    report = verify_report(ledger)
    assert [f.message for f in report.findings if f.code == "FC010"] == [
        "gone.meta.toml has no source beside it (gone.html, gone.pdf, ...); its keys apply to nothing"]
    assert [s.id for s in report.sources] == ["t"]  # never read as a note called 'gone.meta'


def test_a_meta_toml_that_links_outside_the_story_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text('outlet = "Somebody else"\n', encoding="utf-8")
    story = tmp_path / "story"
    ledger = _story(story, None)
    (story / "sources" / "t.meta.toml").symlink_to(outside)
    report = verify_report(ledger)
    assert report.sources[0].outlet == "Valley Tribune"
    assert any(f.code == "FC010" and "links outside the story folder" in f.message for f in report.findings)


_word = st.from_regex(r"[a-z]{3,9}", fullmatch=True)


@given(st.lists(st.lists(_word, min_size=1, max_size=12), min_size=1, max_size=8, unique_by=tuple),
       st.data())
def test_a_quote_is_located_in_the_paragraph_that_holds_it(paragraphs: list[list[str]], data: st.DataObject) -> None:
    words = [f"{w}{i}x{j}" for i, p in enumerate(paragraphs) for j, w in enumerate(p)]  # every word unique
    lines, pos = [], 0
    for p in paragraphs:
        lines.append(" ".join(words[pos : pos + len(p)]))
        pos += len(p)
    k = data.draw(st.integers(0, len(lines) - 1))
    own = lines[k].split()
    a = data.draw(st.integers(0, len(own) - 1))
    b = data.draw(st.integers(a + 1, len(own)))
    places = [(n, f"paragraph {n}") for n in range(1, len(lines) + 1)]
    at = LineIndex("\n".join(lines)).locate(" ".join(own[a:b]).upper(), places)
    assert at is not None and at.place == f"paragraph {k + 1}" and at.passage == lines[k]
    across = LineIndex("\n".join(lines)).locate(f"{lines[0].split()[-1]} {lines[-1].split()[0]}", places)
    if len(lines) == 2:
        assert across is not None and across.place == "paragraph 1-2"
