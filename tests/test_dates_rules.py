"""Dates through the rules and the outputs: open ends, plans, unreadable `when`s, weekdays once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.model import Severity
from tests.conftest import STORIES, found, invoke, verify_report, write_story

SOURCE = "+++\npublished = 2023-03-22\nurl = \"https://example.org/a\"\n+++\n{body}\n"


def _one_claim(tmp_path: Path, quote: str, when: str) -> Path:
    q = quote.replace('"', '\\"')
    return write_story(tmp_path, f'[[claim]]\nid = "c"\nsource = "a"\nquote = "{q}"\nwhen = "{when}"\n',
                       {"a.md": SOURCE.format(body=quote + ".")})


PLANS = [
    ("The first 200,000 new homes are due in mid-2024", "mid-2024"),
    ("The bridge will reopen in June 2024", "June 2024"),
    ("The line is expected to open in late 2024", "late 2024"),
    ("The vote is scheduled for May 2024", "May 2024"),
    ("The city plans to finish the tunnel in 2025", "2025"),
    ("The agency is set to publish its audit in April 2024", "April 2024"),
    ("The council aims to house everyone in 2026", "2026"),
    ("The hospital is to open in autumn 2024", "autumn 2024"),
    ("Work on the depot is targeted for Q2 2024", "Q2 2024"),
    ("Both sides agreed to finish by June 2024", "by June 2024"),
    ("The two stations are due to open in 2025", "2025"),
    ("Estimated containment date: September 5, 2023", "September 5, 2023"),
    ("The council budgeted for the first half of 2024", "the first half of 2024"),
    ("Sales are projected to double in 2024", "2024"),
    ("A fare adjustment of $0.25, effective September 1, 2024, was approved", "September 1, 2024"),
    ("Albright takes office on January 6, 2024", "January 6, 2024"),
    ("The new limits take effect in March 2024", "March 2024"),
    ("The depot is due to reopen in May 2024", "May 2024"),
]


@pytest.mark.parametrize(("quote", "when"), PLANS, ids=[p[0] for p in PLANS])
def test_a_plan_may_be_dated_after_its_source(tmp_path: Path, quote: str, when: str) -> None:
    assert found(verify_report(_one_claim(tmp_path, quote, when))) == set()


@pytest.mark.parametrize(("quote", "when"), [("The bridge reopened in June 2024", "June 2024"),
                                             ("Troops left in May 2024", "May 2024"),
                                             ("The limits took effect in March 2024", "March 2024"),
                                             ("The effective rate rose in March 2024", "March 2024"),
                                             ("The estimated 600 troops left in May 2024", "May 2024")])
def test_a_report_dated_after_its_source_is_flagged(tmp_path: Path, quote: str, when: str) -> None:
    report = verify_report(_one_claim(tmp_path, quote, when))
    assert found(report) == {("FC402", ("c",))}


UNREADABLE = [
    ("sometime after the summit in 2023", 'the nearest form it reads is "in 2023"'),
    ("Febuary 2023", 'did you mean "february 2023"'),
    ("late Marhc 2023", 'did you mean "late march 2023"'),
    ("soon", 'try "2024-10", "late 2023", "by June 2024" or "June 19, 2024"'),
]


@pytest.mark.parametrize(("when", "hint"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_an_unreadable_when_is_a_warning_naming_the_nearest_form(tmp_path: Path, when: str, hint: str) -> None:
    ledger = write_story(tmp_path, f'[[claim]]\nid = "c"\nsource = "a"\nquote = "It was 12 percent"\nwhen = "{when}"\n',
                         {"a.md": SOURCE.format(body="It was 12 percent.")})
    report = verify_report(ledger)
    [f] = [f for f in report.findings if f.code == "FC007"]
    assert f.severity is Severity.WARNING
    assert f.message.startswith(f"claim 'c': when = \"{when}\" was not checked: ")
    assert hint in f.message
    assert f.location is not None and f.location.line == 5
    assert not report.failing("error")


def test_a_wrong_weekday_in_when_and_quote_is_one_finding() -> None:
    report = verify_report(STORIES / "weekdays" / "claims.toml")
    assert [f.claims for f in report.findings if f.code == "FC205"] == [["meeting"], ["talks"]]


def test_open_ends_are_null_in_json(cli: CliRunner) -> None:
    r = invoke(cli, ["verify", "--format", "json"], cwd=STORIES / "date-by-june")
    claims = {c["id"]: c for c in json.loads(r.output)["claims"]}
    assert claims["gazette"]["when"] == {"text": "by June 2024", "start": None, "end": "2024-06-30"}
    assert r.exit_code == 0


def test_an_order_over_an_open_end(tmp_path: Path) -> None:
    body = "Repairs ran until March 2024. The bridge reopened in 2023. It closed after May 2024."
    ledger = write_story(tmp_path, """\
        [[claim]]
        id = "repairs"
        source = "a"
        quote = "Repairs ran until March 2024"
        when = "until March 2024"

        [[claim]]
        id = "reopened"
        source = "a"
        quote = "The bridge reopened in 2023"
        when = "2023"

        [[claim]]
        id = "closed"
        source = "a"
        quote = "It closed after May 2024"
        when = "after May 2024"

        [[relation]]
        expect = "when(repairs) < when(closed)"

        [[relation]]
        expect = "when(closed) < when(reopened)"

        [[relation]]
        expect = "when(repairs) < when(reopened)"
        """, {"a.md": "+++\npublished = 2025-01-10\nurl = \"https://example.org/a\"\n+++\n" + body + "\n"})
    report = verify_report(ledger)
    assert found(report) == {("FC401", ("closed", "reopened")), ("FC404", ("repairs", "reopened"))}
    [f] = [f for f in report.findings if f.code == "FC401"]
    assert f.derivation == ["when(closed) = 'after May 2024' = on or after 2024-06-01",
                            "when(reopened) = '2023' = 2023"]


def test_the_timeline_draws_an_open_end_to_the_edge(cli: CliRunner) -> None:
    r = invoke(cli, ["timeline", "event"], cwd=STORIES / "date-by-june")
    assert r.exit_code == 0
    gazette = next(line for line in r.output.splitlines() if line.startswith("gazette"))
    assert "◀━" in gazette and "by June 2024" in gazette


def test_the_html_timeline_draws_an_open_end(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    invoke(cli, ["report", "--format", "html", "-o", str(out)], cwd=STORIES / "date-by-june")
    html = out.read_text(encoding="utf-8")
    assert "by June 2024: any time to 2024-06-30" in html


COPY = """+++
published = 2023-03-22
+++
Prices rose in early March 2023 and again in mid-March. The strike ran from February 6-8, 2023.
The first homes are due by June 2024, the ministry said on Tuesday. Sales fell three weeks ago,
as they did in spring 2022, at Christmas 2022, last quarter and earlier this year.
"""


def test_extract_proposes_each_date_as_a_when_with_its_days(cli: CliRunner, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    monkeypatch.setenv("COLUMNS", "400")  # one table row a line

    from factcheck.dates import parse_period

    write_story(tmp_path, "", {"wire.md": COPY})
    r = invoke(cli, ["extract", "sources/wire.md"], cwd=tmp_path)
    assert r.exit_code == 0
    whens = [c["when"] for c in tomllib.loads(r.stdout)["claim"] if "when" in c]
    assert whens == ["in early March 2023", "in mid-March", "from February 6-8, 2023", "by June 2024", "on Tuesday",
                     "three weeks ago", "in spring 2022", "at Christmas 2022", "last quarter", "earlier this year"]
    table = " ".join(r.stderr.split())
    for when in whens:  # each proposal is a `when` the ledger reads, and its days are shown
        assert parse_period(when, date(2023, 3, 22)).describe() in table
    assert "on or before 2024-06-30" in table and "between 2023-02-27 and 2023-03-05" in table


def test_periods_conflict_over_an_open_end(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, """\
        [[claim]]
        id = "deadline"
        subject = "reopening"
        source = "a"
        quote = "The bridge reopened by June 2024"
        when = "by June 2024"

        [[claim]]
        id = "late"
        subject = "reopening"
        source = "a"
        quote = "the bridge reopened in September 2024"
        when = "September 2024"
        """, {"a.md": '+++\npublished = 2025-01-10\nurl = "https://example.org/a"\n+++\n'
              "The bridge reopened by June 2024, one report said; another said the bridge reopened in "
              "September 2024.\n"})
    report = verify_report(ledger)
    [f] = [f for f in report.findings if f.code == "FC303"]
    assert "'by June 2024' (on or before 2024-06-30)" in f.message
    assert "deadline: on or before 2024-06-30" in f.derivation
