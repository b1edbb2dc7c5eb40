"""Reporters, golden-tested on one small story (tests/golden/story).

Regenerate after an intended change with FACTCHECK_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine import Options, run
from factcheck.model import AmountOut, ClaimResult, ClaimStatus, FailedCheck, WhenOut
from factcheck.report.github import escape_data, escape_property
from tests.conftest import invoke

GOLDEN = Path(__file__).parent / "golden"
STORY = GOLDEN / "story"


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "name"), [("md", "report.md"), ("json", "report.json"), ("sarif", "report.sarif"),
                                           ("claimreview", "report.jsonld")])
def test_report_golden(cli: CliRunner, fmt: str, name: str, at_repo_root: Path) -> None:
    r = invoke(cli, ["report", "--format", fmt, "-o", "-"], cwd=STORY)
    assert r.exit_code == 1  # the story has errors, and report's status follows --fail-on
    _check_golden(name, r.output)


def test_text_golden_at_80_columns(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = invoke(cli, ["verify"], cwd=STORY)
    assert r.exit_code == 1
    lines = [line.rstrip() for line in r.output.splitlines()]
    _check_golden("report.txt", "\n".join(lines) + "\n")


def test_markdown_escapes_what_github_would_render() -> None:
    text = (GOLDEN / "report.md").read_text(encoding="utf-8")
    assert r"10,900 soldiers \| \*late\* 2023" in text
    assert r"over 9 million \`shells\`" in text
    assert r"\<b\>troops\</b\>" in text
    assert "# Fact-check memo: Golden \\| story\\_\\*with\\* \\`marks\\`" in text
    for line in text.splitlines():
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) == line.count("|") - line.count("\\|")


def test_sarif_structure() -> None:
    doc = json.loads((GOLDEN / "report.sarif").read_text(encoding="utf-8"))
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = doc["runs"]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and "FC102" in ids
    for r in rules:
        assert r["shortDescription"]["text"] and r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for res in run_["results"]:
        assert res["ruleId"] == ids[res["ruleIndex"]]
        assert res["level"] in ("error", "warning", "note")
        assert res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "tests/golden/story/claims.toml", "uriBaseId": "%SRCROOT%"}
        assert loc["region"]["startLine"] >= 1
    accepted = [r for r in run_["results"] if r["suppressions"]]
    assert [r["ruleId"] for r in accepted] == ["FC202"]
    assert accepted[0]["suppressions"][0]["justification"].startswith("the agency's own rounding")


def test_claimreview_ratings() -> None:
    reviews = json.loads((GOLDEN / "report.jsonld").read_text(encoding="utf-8"))
    by = {r["claimReviewed"]: r for r in reviews}
    assert len(reviews) == 4  # only the claims marked publish_review = true
    assert all(r["@type"] == "ClaimReview" and r["@context"] == "https://schema.org" for r in reviews)
    ok = by["10,900 soldiers | *late* 2023"]
    assert ok["reviewRating"]["ratingValue"] == 5
    assert ok["itemReviewed"]["author"] == {"@type": "Person", "name": "A. Writer"}
    assert ok["itemReviewed"]["appearance"][0]["url"] == "https://agency.example/report"
    assert ok["author"] == {"@type": "Organization", "name": "Example Desk", "url": "https://news.example"}
    assert by["12,000 soldiers"]["reviewRating"]["alternateName"] == "Not supported by its source"
    assert by["over 9 million `shells`"]["reviewRating"]["alternateName"] == "Sources disagree"
    assert by["Officials put the shells shipped at as many as nine million"]["url"] == (
        "https://news.example/golden#claim-shells-b")


def test_html_is_self_contained_and_escaped() -> None:
    from factcheck.report.html import render

    html = render(run(Options(claims=STORY / "claims.toml")))
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(?!https://agency\.example|https://desk\.example)(https?:)?//""", html)
    assert "&lt;b&gt;troops&lt;/b&gt;" in html and "<b>troops</b>" not in html
    assert html.count("<svg") == 1  # the shells subject: no timeline (no dates), one number line
    assert "Golden | story_*with* `marks`" in html


def test_github_annotations(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            at_repo_root: Path) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    r = invoke(cli, ["verify", "--format", "github"], cwd=STORY)
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert lines[0].startswith("::error file=tests/golden/story/claims.toml,line=")  # from the repository root
    assert any(line.startswith("::notice ") for line in lines)
    assert not any("FC202" in line and line.startswith("::") for line in lines)  # accepted: no annotation
    assert "Golden" in r.output  # the full report follows the annotations
    assert summary.read_text(encoding="utf-8").startswith("# Fact-check memo")


def test_github_escaping() -> None:
    assert escape_data("50% of a\r\nb") == "50%25 of a%0D%0Ab"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_report_writes_atomically_to_reports(cli: CliRunner, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(STORY, tmp_path / "s")
    r = invoke(cli, ["report"], cwd=tmp_path / "s")
    assert r.exit_code == 1  # written, and the story's errors set the status
    target = tmp_path / "s" / "reports" / "golden-story-with-marks-2025-06-21.md"
    assert f"wrote reports/{target.name}" in r.output
    assert target.read_text(encoding="utf-8").startswith("# Fact-check memo")
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    r2 = invoke(cli, ["report", "--format", "html", "-o", "out/page.html", "--fail-on", "never"], cwd=tmp_path / "s")
    assert r2.exit_code == 0 and (tmp_path / "s" / "out" / "page.html").is_file()


@pytest.mark.parametrize("width", ["40", "60", "200"])
def test_terminal_report_at_any_width(cli: CliRunner, monkeypatch: pytest.MonkeyPatch, width: str) -> None:
    monkeypatch.setenv("COLUMNS", width)
    r = invoke(cli, ["verify"], cwd=STORY)
    assert r.exit_code == 1
    assert all(len(line) <= int(width) for line in r.output.splitlines())
    assert "FC302" in r.output and "2 errors block publication" in r.output


def test_large_story_terminal_report_is_summarized(tmp_path: Path) -> None:
    """100 sources each giving a different figure for one subject: one consensus, 99 conflicts
    (one finding per claim outside it, never one per pair), rows and findings capped."""
    from factcheck.report.terminal import CLAIM_ROWS, PER_CODE, print_report
    from tests.conftest import console, write_story

    claims, sources = [], {}
    for i in range(100):
        sources[f"s{i}.md"] = f"+++\noutlet = \"Outlet {i}\"\npublished = 2025-06-01\nurl = \"https://x.example/{i}\"\n+++\n" \
                              f"The count was {3000 + i * 10} people.\n"
        claims.append(f'[[claim]]\nid = "c{i}"\nsubject = "count"\nsource = "s{i}"\nquote = "{3000 + i * 10} people"\n')
    ledger = write_story(tmp_path, "\n".join(claims), sources)
    report = run(Options(claims=ledger))
    assert [f.code for f in report.findings] == ["FC301"] * 99
    con, buf = console(100)
    print_report(report, con)
    out = buf.getvalue()
    assert out.count("FC301 error") == PER_CODE
    assert f"… {99 - PER_CODE} more FC301 findings; --verbose prints them all" in out
    assert f"{100 - CLAIM_ROWS} more claims not listed" in out
    con2, buf2 = console(100)
    print_report(report, con2, verbose=True)
    assert buf2.getvalue().count("FC301 error") == 99


_json_text = st.text(max_size=20) | st.sampled_from(['"', "\\", "\u2028", "\x00", "caf\u00e9", "\U0001f600"])
_json_num = st.none() | st.integers(-10**20, 10**20) | st.floats(allow_nan=False, allow_infinity=False)


@given(id_=_json_text, source=_json_text, status=st.sampled_from(list(ClaimStatus)),
       amount=st.none() | st.builds(AmountOut, _json_text, _json_num, _json_num),
       when=st.none() | st.builds(WhenOut, _json_text, _json_text, _json_text),
       subject=st.none() | _json_text, unit=st.none() | _json_text, quote=st.none() | _json_text,
       line=st.none() | st.integers(0, 10**6),
       failed=st.lists(st.builds(FailedCheck, _json_text, st.integers(0, 10**6)), max_size=3),
       found_in=st.none() | _json_text)
def test_json_rows_read_back_as_the_report(id_: str, source: str, status: ClaimStatus, amount: AmountOut | None,
                                           when: WhenOut | None, subject: str | None, unit: str | None,
                                           quote: str | None, line: int | None, failed: list[FailedCheck],
                                           found_in: str | None) -> None:
    from factcheck.model import Report, Summary
    from factcheck.report.json_report import render

    row = ClaimResult(id_, status, source, amount, when, subject, unit, quote, line, part_of_failed=failed,
                      found_in=found_in)
    report = Report(summary=Summary(1, 0, 0, 0, 0), claims=[row, row], findings=[])
    text = render(report)
    doc = json.loads(text)
    assert doc == report.to_json_dict()
    assert doc["claims"][0] == {"id": id_, "status": status.value, "source": source,
                                "amount": None if amount is None else
                                {"text": amount.text, "low": amount.low, "high": amount.high},
                                "when": None if when is None else {"text": when.text, "start": when.start,
                                                                   "end": when.end},
                                "subject": subject, "unit": unit, "quote": quote, "line": line, "text": None,
                                "publish_review": False,
                                "part_of_failed": [{"code": f.code, "finding": f.finding} for f in failed],
                                "found_in": found_in}
    claim_lines = [ln for ln in text.splitlines() if ln.startswith("    {")]
    assert len(claim_lines) == 2  # one row per line, whatever the strings hold


def test_large_clean_story_prints_no_empty_table(tmp_path: Path) -> None:
    from factcheck.report.terminal import SUMMARY_LIMIT, print_report
    from tests.conftest import console, write_story

    n = SUMMARY_LIMIT + 10
    sources = {f"s{i}.md": f"+++\npublished = 2025-06-01\nurl = \"https://x.example/{i}\"\n+++\nSome 3,000 people.\n"
               for i in range(2)}
    claims = [f'[[claim]]\nid = "c{i}"\nsubject = "count"\nsource = "s{i % 2}"\nquote = "Some 3,000 people"\n'
              for i in range(n)]
    report = run(Options(claims=write_story(tmp_path, "\n".join(claims), sources)))
    assert report.summary.error == report.summary.warning == 0
    con, buf = console(100)
    print_report(report, con)
    out = buf.getvalue()
    assert f"All {n} claims are supported; --verbose lists them" in out
    assert "┏" not in out and "claim ┃" not in out  # no table of no rows


@pytest.mark.parametrize(("text", "unit", "shown"), [
    ("over 9 million", "rounds", "over 9 million rounds"),
    ("10,900 soldiers", "soldiers", "10,900 soldiers"),
    ("between 412 million and 415 million", "EUR", "between 412 million and 415 million EUR"),
    ("between 412 million and 415 million euros", "EUR", "between 412 million and 415 million euros"),
    ("$34.2bn", "USD", "$34.2bn"),
    ("HK$10.05 billion", "HKD", "HK$10.05 billion"),
    ("€40m", "EUR", "€40m"),
    ("53 percent", "%", "53 percent"),
    ("62%", "%", "62%"),
    ("2", "%", "2%"),
    ("1.5 percentage points", "pp", "1.5 percentage points"),
    ("12", None, "12"),
])
def test_a_figure_keeps_its_unit_once(text: str, unit: str | None, shown: str) -> None:
    from factcheck.report import figure_with_unit

    assert figure_with_unit(text, unit) == shown
