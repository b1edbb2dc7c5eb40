"""`factcheck timeline` with no subject: every claim a timing finding names is drawn, beside the
claims the finding measures it against, even when it is its subject's only dated claim."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import STORIES, invoke, write_story


def _charts(output: str) -> dict[str, list[tuple[str, bool]]]:
    """Each chart's heading and its rows as (claim, marked ✗)."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for block in output.strip().split("\n\n"):
        head, *rows = block.splitlines()
        out[head] = [(r.split()[0], " ✗ " in r) for r in rows[:-1]]  # the last line is the axis
    return out


def test_the_overview_draws_every_claim_a_timing_finding_names(cli: CliRunner) -> None:
    r = invoke(cli, ["timeline"], cwd=STORIES / "timing")
    assert r.exit_code == 0, r.output
    assert _charts(r.output) == {
        # a subject with two dated claims: its own chart, as before (FC303 is within it)
        "first-deployment": [("first-deployment-jd", True), ("first-deployment-nis", True)],
        # the failed order across two subjects, on one axis: the treaty is its subject's only claim
        "FC401 order-violated: treaty-signed, first-deployment-jd": [("first-deployment-jd", True),
                                                                     ("treaty-signed", True)],
        # a claim with no subject, dated after its source
        "FC402 after-source: future-troops": [("future-troops", True)],
        "FC404 order-uncertain: blog-year, treaty-signed": [("blog-year", True), ("treaty-signed", True)],
    }


def test_a_subject_chart_is_still_one_subject(cli: CliRunner) -> None:
    r = invoke(cli, ["timeline", "treaty"], cwd=STORIES / "timing")
    assert r.exit_code == 0, r.output
    assert list(_charts(r.output)) == ["treaty"]


def test_a_finding_not_about_time_adds_no_chart(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, """
        [[claim]]
        id = "march"
        subject = "fair-crowd"
        source = "gazette"
        quote = "About 300 people attended the fair in March 2024"
        when = "March 2024"

        [[claim]]
        id = "april"
        subject = "fair-crowd"
        source = "gazette"
        quote = "The fair drew 500 visitors in April 2024"
        when = "April 2024"

        [[claim]]
        id = "parade"
        subject = "parade-crowd"
        source = "gazette"
        amount = "900"
        quote = "The parade drew 700 people in May 2024"
        when = "May 2024"
        """, {"gazette.md": "+++\npublished = 2024-06-01\n+++\nAbout 300 people attended the fair in March "
                            "2024. The fair drew 500 visitors in April 2024. The parade drew 700 people in May 2024.\n"})
    assert "FC103" in invoke(cli, ["verify"], cwd=tmp_path).output  # the parade's figure: not about time
    r = invoke(cli, ["timeline"], cwd=tmp_path)
    assert r.exit_code == 0, r.output
    # the fair's two months conflict (FC303, within the subject's own chart); the parade is not drawn
    assert _charts(r.output) == {"fair-crowd": [("march", False), ("april", True)]}


def test_a_weekday_against_a_date_marks_both(cli: CliRunner) -> None:
    """FC206 states no result, so neither side is the one at fault: both are drawn red, as for a
    failed order."""
    r = invoke(cli, ["timeline", "terminal-opening"], cwd=STORIES / "weekday-blame")
    assert r.exit_code == 0, r.output
    assert _charts(r.output) == {"terminal-opening": [("opening-council", True), ("opening-herald", True)]}
