"""The terminal report an editor reads at 60, 80 and 120 columns: ids, figures and statuses whole,
informational findings of one rule on one entry, every finding still in md and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine import Options, run
from factcheck.model import AmountOut, ClaimResult, ClaimStatus, Report, SourceResult, Summary, WhenOut
from factcheck.report.terminal import print_report
from tests.conftest import console, invoke, write_story

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "claims.toml"


def _render(report: Report, width: int, verbose: bool = False) -> list[str]:
    con, buf = console(width)
    print_report(report, con, verbose=verbose)
    return buf.getvalue().splitlines()


def _figure(report: Report, cid: str) -> str:
    from factcheck.report.terminal import _figure as figure  # the text the table shows for a claim

    return figure(next(c for c in report.claims if c.id == cid))


@pytest.fixture(scope="module")
def bundled() -> Report:
    return run(Options(claims=BUNDLED))


@pytest.mark.parametrize("verbose", [False, True], ids=["", "verbose"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_ids_figures_and_statuses_stay_whole(bundled: Report, width: int, verbose: bool) -> None:
    lines = _render(bundled, width, verbose)
    assert all(len(line) <= width for line in lines)
    listed = [c for c in bundled.claims if verbose or c.status.value != "supported"]
    assert len(listed) == (44 if verbose else 10)
    assert any("“10,900 soldiers in late" in line for line in lines) is verbose  # --verbose: each quote
    for c in listed:  # the id and its status on one line, never broken
        assert any(c.id in line and c.status.value in line for line in lines), (width, c.id)
        if c.amount is not None:
            assert any(_figure(bundled, c.id) in line for line in lines), (width, c.id)
        if c.when is not None:
            assert any(c.when.text in line for line in lines), (width, c.id)


@pytest.mark.parametrize(("width", "table"), [(60, False), (80, False), (120, True)])
def test_table_when_it_fits_stacked_otherwise(bundled: Report, width: int, table: bool) -> None:
    out = "\n".join(_render(bundled, width))
    assert ("┃ claim" in out) is table
    if table:
        assert any(line.startswith("│≠ │ shells-2023 ") and "│ as many as nine million rounds " in line
                   and line.endswith("│ conflicting │") for line in out.splitlines())
    else:
        assert "≠ shells-2023                conflicting\n  as many as nine million rounds · 2023\n" \
               "  shoigu-2025-06-05, 2025-06-05\n" in out


def test_stacked_layout_puts_figure_and_date_on_separate_lines_rather_than_break_a_figure(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, """
        [[claim]]
        id = "council-budget-approved-for-the-fiscal-year"
        source = "minutes"
        quote = "between 412 million and 415 million euros for the first half of 2026"
        amount = "between 412 million and 415 million euros"
        when = "first half of 2026"
        """, {"minutes.md": "+++\noutlet = \"Town hall minutes\"\npublished = 2026-07-01\nurl = \"https://town.example/m\"\n+++\n"
                            "The council passed a budget of between 412 million and 415 million euros for the "
                            "first half of 2026.\n"})
    report = run(Options(claims=ledger))
    assert [f.code for f in report.findings] == []
    lines = _render(report, 60)
    assert lines[5:9] == [
        "✓ council-budget-approved-for-the-fiscal-year  supported",
        "  between 412 million and 415 million euros",  # the currency in its words: no code added
        "  first half of 2026",
        "  Town hall minutes, 2026-07-01",
    ]
    narrow = _render(report, 46)  # the id fills the line: the status goes under it, whole
    at = narrow.index("✓ council-budget-approved-for-the-fiscal-year")
    assert narrow[at + 1] == "  supported"


def test_info_findings_of_one_rule_make_one_entry_at_80_columns(bundled: Report) -> None:
    lines = _render(bundled, 80)
    start = next(n for n, line in enumerate(lines) if line.startswith("26 info ─"))
    assert lines[start + 1:start + 12] == [
        "claims against their evidence",
        "FC108 info  7 claims rest on a note or have no quote: first-deployment-nis,",
        "  deployment-confirmed-kcna, shells-msmt, msmt-report-released, … +3 more",
        "sourcing",
        "FC501 info  12 subjects rest on one source: nk-troops.batch-1,",
        "  nk-troops.batch-2, nk-troops.batch-3, nk-troops.sent, … +8 more",
        "FC502 info  2 subjects trace back to one origin each: nk-confirms-deployment,",
        "  nk-shells.shipped",
        "FC503 info  5 sources lack a publication date or URL: joongang-2025-06-20,",
        "  koreadaily-2025-05-02, koreatimes-2025-03-30, multipolar-2025-04-30, … +1 more",
        "--verbose prints each info finding; the md and JSON reports list them all",
    ]
    assert sum(line.startswith("FC5") or line.startswith("FC1") for line in lines[start:]) == 4


def test_verbose_md_and_json_keep_every_info_finding(bundled: Report, cli: CliRunner) -> None:
    verbose = "\n".join(_render(bundled, 80, verbose=True))
    assert verbose.count("FC501 info  ") == 12 and verbose.count("FC503 info  ") == 5
    assert "rest on one source:" not in verbose
    md = invoke(cli, ["report", "--format", "md", "-o", "-"], cwd=ROOT).output
    assert md.count("**FC501**") == 12 and md.count("**FC108**") == 7
    doc = json.loads(invoke(cli, ["verify", "--format", "json"], cwd=ROOT).output)
    assert sum(f["code"] == "FC501" for f in doc["findings"]) == 12
    assert sum(f["severity"] == "info" for f in doc["findings"]) == 26


def test_a_single_info_finding_is_printed_in_full(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, """
        [[claim]]
        id = "riders"
        subject = "tram.riders"
        source = "paper"
        quote = "some 41,000 riders a day"
        """, {"paper.md": "+++\npublished = 2025-02-03\nurl = \"https://paper.example/tram\"\n+++\n"
                          "The tram now carries some 41,000 riders a day.\n"})
    lines = _render(run(Options(claims=ledger)), 200)
    assert f"FC501 info  {ledger}:2" in lines
    assert "  subject 'tram.riders' rests on 1 source (paper)" in lines
    assert not any("--verbose prints each info finding" in line for line in lines)


@pytest.mark.parametrize("width", ["60", "80", "120"])
def test_bundled_story_through_the_cli_at_columns(cli: CliRunner, monkeypatch: pytest.MonkeyPatch,
                                                  width: str) -> None:
    monkeypatch.setenv("COLUMNS", width)
    r = invoke(cli, ["verify"], cwd=ROOT)
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert all(len(line) <= int(width) for line in lines)
    assert any("first-deployment-jd" in line and "conflicting" in line for line in lines)
    assert sum(line.startswith("FC501 ") for line in lines) == 1
    assert "4 errors block publication" in lines


def test_readme_shows_the_bundled_story_as_it_prints_at_80_columns(cli: CliRunner,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import re

    monkeypatch.setenv("COLUMNS", "80")
    r = invoke(cli, ["verify"], cwd=ROOT)
    printed = "\n".join(line.rstrip() for line in r.output.splitlines())
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = re.compile(r"(<!-- verify-80:[^\n]*-->\n```\n)(.*?)(```\n<!-- /verify-80 -->)", re.S)
    m = block.search(text)
    assert m is not None, "the README has lost its verify-80 block"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        readme.write_text(text[:m.start(2)] + printed + "\n" + text[m.end(2):], encoding="utf-8")
        m = block.search(readme.read_text(encoding="utf-8"))
        assert m is not None
    assert m[2] == printed + "\n"


_id = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=36)
_fig = st.sampled_from(["12", "about 1,500 soldiers", "as many as nine million rounds", "$34.2 billion",
                        "between 412 million and 415 million", "62%", "more than 3,000 residents"])


@given(rows=st.lists(st.tuples(_id, st.none() | _fig, st.none() | st.sampled_from(["late 2023", "on Tuesday",
                                                                                   "between January and March"]),
                               st.sampled_from(list(ClaimStatus))), min_size=1, max_size=8, unique_by=lambda r: r[0]),
       outlet=st.sampled_from(["Wire", "Spotlight Nepal (relaying the NIS briefing)", "Korea JoongAng Daily"]),
       width=st.integers(40, 160))
@settings(max_examples=150, deadline=None)
def test_any_claim_list_keeps_ids_figures_and_statuses_whole(rows: list[tuple[str, str | None, str | None,
                                                                                ClaimStatus]],
                                                             outlet: str, width: int) -> None:
    claims = [ClaimResult(id=cid, status=status, source="s", amount=AmountOut(fig, 1, 2) if fig else None,
                          when=WhenOut(when, "2023-09-01", "2023-12-31") if when else None)
              for cid, fig, when, status in rows]
    report = Report(summary=Summary(claims=len(claims), sources=1, error=0, warning=0, info=0), claims=claims,
                    sources=[SourceResult(id="s", path="sources/s.md", outlet=outlet, published="2025-06-20")],
                    findings=[])
    lines = _render(report, width)
    assert all(len(line) <= width for line in lines)
    for c in claims:
        if len(c.id) + 2 <= width:  # an id that fits the terminal is never broken
            assert any(c.id in line for line in lines), c.id
        assert any(c.status.value in line for line in lines)
        if c.amount is not None and len(c.amount.text) + 2 <= width:
            assert any(c.amount.text in line for line in lines), c.amount.text
