"""The registry of formats: one `register` call is all a new format needs, and the reporters
render only what the Report carries (the rules' metadata included)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.model import Report, Severity
from factcheck.report import FORMATS, Format, names, register
from tests.conftest import REPO, STORIES, invoke, write_story

STORY = STORIES / "sourcing"


def render(report: Report) -> str:
    """A throwaway format: one comma-separated row per claim (this module is its reporter)."""
    return "claim,status\n" + "".join(f"{c.id},{c.status.value}\n" for c in report.claims)


@pytest.fixture
def rows_format() -> Iterator[Format]:
    fmt = register(Format("rows", __name__, "claims as comma-separated rows", extension="csv"))
    yield fmt
    del FORMATS["rows"]


@pytest.fixture
def stream_format() -> Iterator[Format]:
    fmt = register(Format("rowstream", __name__, "claims as rows, on stdout only"))
    yield fmt
    del FORMATS["rowstream"]


def test_a_registered_format_is_a_format_choice(cli: CliRunner, rows_format: Format) -> None:
    assert "rows" in names() and "rows" in names(files=True)
    for command in ("verify", "report"):
        r = invoke(cli, [command, "--help"])
        assert "rows" in r.output.replace("\n", " ")
    r = invoke(cli, ["verify", "--format", "nope"])
    assert r.exit_code == 2
    assert "'rows'" in r.output  # click's list of choices comes from the registry too


def test_verify_prints_a_registered_format(cli: CliRunner, rows_format: Format) -> None:
    r = invoke(cli, ["verify", "--format", "rows", "--fail-on", "never"], cwd=STORY)
    assert r.exit_code == 0, r.output
    import json

    report = invoke(cli, ["verify", "--format", "json", "--fail-on", "never"], cwd=STORY)
    claims = json.loads(report.output)["claims"]
    assert r.output == "claim,status\n" + "".join(f"{c['id']},{c['status']}\n" for c in claims)


def test_report_writes_a_registered_format_under_its_extension(cli: CliRunner, rows_format: Format,
                                                               tmp_path: Path) -> None:
    import shutil

    story = tmp_path / "story"
    shutil.copytree(STORY, story)
    r = invoke(cli, ["report", "--format", "rows", "--fail-on", "never"], cwd=story)
    assert r.exit_code == 0, r.output
    written = list((story / "reports").iterdir())
    assert [p.suffix for p in written] == [".csv"]
    assert written[0].read_text(encoding="utf-8").startswith("claim,status\n")


def test_a_stream_format_is_printed_by_verify_and_refused_by_report(cli: CliRunner, stream_format: Format) -> None:
    assert "rowstream" in names() and "rowstream" not in names(files=True)
    assert invoke(cli, ["verify", "--format", "rowstream", "--fail-on", "never"], cwd=STORY).exit_code == 0
    r = invoke(cli, ["report", "--format", "rowstream", "-o", "-"], cwd=STORY)
    assert r.exit_code == 2
    assert "Invalid value for '--format'" in r.output


@pytest.mark.parametrize(("name", "extension"), [("text", None), ("github", None), ("json", "json"), ("md", "md"),
                                                 ("sarif", "sarif"), ("html", "html"), ("claimreview", "jsonld")])
def test_the_built_in_formats(name: str, extension: str | None) -> None:
    assert FORMATS[name].extension == extension
    assert FORMATS[name].stream is (extension is None)


def test_no_reporter_imports_the_rules() -> None:
    """Reporters render what the Report carries; SARIF's rule table and the timeline's timing
    marks come from its rules' metadata, not from the registry."""
    modules = sorted(f.module for f in FORMATS.values()) + ["factcheck.report.timeline_chart", "factcheck.report.reference"]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(' '.join(m for m in sys.modules if m.startswith('factcheck.rules') or m == 'factcheck.engine'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == ""


def test_the_report_carries_every_rule_and_its_tags() -> None:
    from factcheck.engine import Options, run
    from factcheck.rules import load_rules

    report = run(Options(claims=STORY / "claims.toml"))
    assert [r.code for r in report.rules] == list(load_rules())
    assert report.tagged("timing") == {"FC107", "FC205", "FC206", "FC303", "FC401", "FC402", "FC404"}
    assert "rules" not in report.to_json_dict()  # the JSON document is unchanged (docs/json.md)


def test_an_unknown_tag_is_refused_at_registration() -> None:
    from factcheck.rules import Hit, rule

    with pytest.raises(ValueError, match="unknown tag tming"):
        @rule("FC699", "never-registered", Severity.INFO, "a test", tags=("tming",))
        def _never(story: object) -> Iterator[Hit]:
            """
            What it checks:
                Nothing.
            Why an editor cares:
                It is a test.
            Example:
                none
            Passes:
                all
            """
            return iter(())


def test_the_timeline_marks_claims_only_for_findings_of_rules_tagged_timing(cli: CliRunner, tmp_path: Path) -> None:
    from factcheck.engine import Options, run

    ledger = write_story(tmp_path, """
        [[claim]]
        id = "march-crowd"
        subject = "fair-crowd"
        source = "gazette"
        amount = "about 300"
        quote = "About 300 people attended the fair in March 2024"
        when = "April 2024"

        [[claim]]
        id = "april-crowd"
        subject = "fair-crowd"
        source = "gazette"
        amount = "900"
        quote = "The fair drew 500 visitors in April 2024"
        when = "April 2024"
        """, {"gazette.md": "+++\npublished = 2024-05-01\nurl = \"https://gazette.example/fair\"\n+++\n"
                            "About 300 people attended the fair in March 2024. The fair drew 500 visitors in April 2024.\n"})
    codes = {f.code: f.claims for f in run(Options(claims=ledger)).findings}
    assert codes["FC107"] == ["march-crowd"] and codes["FC103"] == ["april-crowd"]  # timing, and not
    r = invoke(cli, ["timeline"], cwd=tmp_path)
    assert r.exit_code == 0
    marked = {line.split()[0] for line in r.output.splitlines() if " ✗ " in line}
    assert marked == {"march-crowd"}


def test_the_format_choices_cost_no_heavy_import() -> None:
    code = ("import sys; sys.argv = ['factcheck', 'verify', '--help']\n"
            "from factcheck.entry import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED', [m for m in ('pydantic', 'rich', 'factcheck.model', 'factcheck.engine') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert "[text|json|md|sarif|github|html|claimreview]" in out.replace("\n", "").replace(" ", "")
    assert "LOADED []" in out
