"""extract and sources: figures and dates out of free text, appended without rewriting a byte."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from factcheck.extract import find, sentences
from tests.conftest import invoke, write_story

ARTICLE = """+++
outlet = "Wire"
published = 2025-06-20
url = "https://wire.example/a"
+++
North Korea has sent approximately 14,000 troops since late 2023. Officials said about 600 died
last month, Jun. 12 figures show.

1. A list item, not a figure.
The ministry spent $1.2 billion on Thursday.
"""


def test_find_figures_and_dates_with_lines() -> None:
    from datetime import date

    body = ARTICLE.split("+++\n", 2)[2]
    got = [(f.kind, f.line, f.text, f.fragment) for f in find(body, date(2025, 6, 20))]
    assert got == [
        ("figure", 1, "approximately 14,000", "approximately 14,000 troops"),
        ("date", 1, "since late 2023", "since late 2023"),
        ("figure", 1, "about 600", "said about 600"),
        ("date", 2, "last month", "last month"),
        ("date", 2, "Jun. 12", "Jun. 12"),
        ("figure", 5, "$1.2 billion", "spent $1.2 billion"),
        ("date", 5, "on Thursday", "on Thursday"),
    ]


QUAKE = """A magnitude 7.8 earthquake struck at 4:17 a.m. local time, followed about nine hours later by a
magnitude 7.5 quake. An aftershock of magnitude 4 was felt at 13:24 and another of magnitude 4 at 04:17 GMT.

More than 50,000 people died and 200,000 new homes will be built. Call +90 312 555 0100 or see page 12.
"""


def test_quotes_carry_the_figure_with_words_enough_to_be_unique() -> None:
    from factcheck.text import find_folded, fold

    got = [f for f in find(QUAKE) if f.kind == "figure"]
    assert [(f.text, f.fragment) for f in got] == [
        ("7.8", "magnitude 7.8 earthquake"),
        ("7.5", "magnitude 7.5 quake"),
        ("4", "aftershock of magnitude 4"),
        ("4", "another of magnitude 4"),
        ("More than 50,000", "More than 50,000 people"),
        ("200,000", "200,000 new homes"),
    ]
    folded = fold(QUAKE)
    for f in got:
        first = find_folded(folded, fold(f.fragment))
        assert first >= 0 and find_folded(folded[first + 1:], fold(f.fragment)) < 0, f.fragment
        assert len(f.fragment.split()) >= 3


def test_times_phones_pages_and_time_passing_are_not_figures() -> None:
    texts = {f.text for f in find(QUAKE)}
    assert not texts & {"4:17", "13:24", "04:17", "17", "24", "nine", "about nine", "12", "312", "0100"}
    assert [f.amount.unit for f in find(QUAKE) if f.amount is not None and f.text == "200,000"] == ["homes"]


def test_sentences_respect_abbreviations() -> None:
    text = "It rose in Jun. and the U.S. said so. Then it fell! A new line"
    assert [text[s:e] for s, e in sentences(text)] == ["It rose in Jun. and the U.S. said so.", "Then it fell!",
                                                       "A new line"]


def test_extract_prints_entries_that_parse(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, "", {"wire.md": ARTICLE})
    r = invoke(cli, ["extract", "sources/wire.md"], cwd=tmp_path)
    assert r.exit_code == 0
    assert "7 entries" in r.stderr and "┃" not in r.stdout  # the table on stderr, the entries on stdout
    claims = tomllib.loads(r.stdout)["claim"]
    assert claims[0] == {"id": "wire-approximately-14-000", "source": "wire", "quote": "approximately 14,000 troops",
                         "amount": "approximately 14,000", "unit": "troops"}
    assert {c["id"] for c in claims} >= {"wire-since-late-2023", "wire-1-2-billion", "wire-on-thursday"}


def test_append_keeps_every_byte_and_skips_what_is_recorded(cli: CliRunner, tmp_path: Path) -> None:
    ledger = write_story(tmp_path, '''\
        # the desk's own notes, kept as written\r
        [[claim]]\r
        id = "troops"   # an inline comment\r
        source = "wire"\r
        quote = "approximately 14,000 troops"\r
        ''', {"wire.md": ARTICLE})
    before = ledger.read_bytes()
    r = invoke(cli, ["extract", "--append", "sources/wire.md"], cwd=tmp_path)
    assert r.exit_code == 0
    assert "appended 6 claims to claims.toml; 1 already recorded, skipped" in r.output
    after = ledger.read_bytes()
    assert after.startswith(before)
    assert b"\n" not in after.replace(b"\r\n", b"")  # the file's CRLF line ends are kept
    doc = tomllib.loads(after.decode())
    assert [c["id"] for c in doc["claim"]][:2] == ["troops", "wire-since-late-2023"]
    v = invoke(cli, ["verify", "--format", "json", "--select", "FC0", "--select", "FC1"], cwd=tmp_path)
    assert [f for f in json.loads(v.output)["findings"] if f["severity"] == "error"] == []
    again = invoke(cli, ["extract", "--append", "sources/wire.md"], cwd=tmp_path)
    assert "nothing to add to claims.toml (7 already recorded)" in again.output
    assert ledger.read_bytes() == after


def test_append_creates_a_missing_ledger(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Some 40 buses were bought in March 2026.\n", encoding="utf-8")
    r = invoke(cli, ["extract", "--append", "notes.txt"], cwd=tmp_path)
    assert r.exit_code == 0
    doc = tomllib.loads((tmp_path / "claims.toml").read_text(encoding="utf-8"))
    assert [c["quote"] for c in doc["claim"]] == ["Some 40 buses", "in March 2026"]
    assert "source" not in doc["claim"][0]  # not in sources/: the editor names the source


def test_extract_unreadable_file(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"caf\xe9 40 buses\n")
    r = invoke(cli, ["extract", "x.txt"], cwd=tmp_path)
    assert r.exit_code == 2 and r.output == "factcheck: x.txt:1:4: not UTF-8 text (byte 0xe9); save the file as UTF-8\n"


def test_sources_table_flags_uncited(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, '[[claim]]\nid = "a"\nsource = "wire"\nquote = "approximately 14,000 troops"\n',
                {"wire.md": ARTICLE, "unused.md": "+++\noutlet = \"Blog\"\n+++\ntext\n"})
    r = invoke(cli, ["sources"], cwd=tmp_path)
    assert r.exit_code == 0
    assert "not cited" in r.output and "1 source cited by no claim" in r.output


def test_draft_option_and_story_draft(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, '''
        [story]
        draft = "article.md"

        [[claim]]
        id = "troops"
        source = "wire"
        quote = "approximately 14,000 troops"
        ''', {"wire.md": ARTICLE})
    (tmp_path / "article.md").write_text("Intro.\nSome 14,000 troops and 900 tanks.\n", encoding="utf-8")
    r = invoke(cli, ["verify", "--format", "json"], cwd=tmp_path)
    (f,) = [f for f in json.loads(r.output)["findings"] if f["code"] == "FC601"]
    assert f["location"] == {"path": "article.md", "line": 2, "column": 24}
    assert "'900'" in f["message"]
    (tmp_path / "other.md").write_text("About 14,000 troops.\n", encoding="utf-8")
    r2 = invoke(cli, ["verify", "--format", "json", "--draft", "other.md"], cwd=tmp_path)
    assert [f for f in json.loads(r2.output)["findings"] if f["code"].startswith("FC6")] == []
    r3 = invoke(cli, ["verify", "--draft", "missing.md"], cwd=tmp_path)
    assert r3.exit_code == 2 and "missing.md: no such draft" in r3.output
