"""SARIF as GitHub code scanning takes it: the official 2.1.0 schema (vendored in tests/sarif/ with
its licence) and each requirement GitHub documents, one test apiece."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.report.sarif import RULES_DOC
from factcheck.rules import load_rules
from tests.conftest import REPO, invoke, write_story

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
GOLDEN = REPO / "tests" / "golden"


def _valid(doc: Any) -> list[str]:
    validator = jsonschema.Draft4Validator(SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def _results(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [res for run_ in doc["runs"] for res in run_["results"]]


def _two_stories(root: Path) -> Path:
    """A repository holding two stories in subfolders: one clean, one with an error, an accepted
    finding, and a finding with no line (a binary source)."""
    (root / ".git").mkdir(parents=True)
    write_story(root / "stories" / "clean", """
        [[claim]]
        id = "jobs"
        source = "mill"
        quote = "1,100 jobs"
    """, {"mill.md": "+++\npublished = 2025-03-01\nurl = \"https://mill.example/jobs\"\n+++\nThe mill will cut 1,100 jobs.\n"})
    write_story(root / "stories" / "bad", """
        [story]
        title = "Ferry fares"

        [[claim]]
        id = "fare"
        source = "council"
        quote = "a rise of 12 percent"

        [[claim]]
        id = "total"
        source = "council"
        quote = "about 400 crossings"
        total_of = ["am", "pm"]

        [[claim]]
        id = "am"
        source = "council"
        quote = "150 morning crossings"

        [[claim]]
        id = "pm"
        source = "council"
        quote = "200 evening crossings"

        [[claim]]
        id = "scan"
        source = "scan"
        quote = "receipts"

        [[accept]]
        code = "FC201"
        claims = ["total"]
        reason = "the council rounds its own timetable"
    """, {"council.md": "+++\npublished = 2025-03-01\nurl = \"https://council.example/fares\"\n+++\n"
                        "Fares will rise 10 percent. There are about 400 crossings a week: 150 morning crossings "
                        "and 200 evening crossings.\n"})
    (root / "stories" / "bad" / "sources" / "scan.md").write_bytes(b"\x00\x01 receipts\n")  # binary: no line
    return root


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = _two_stories(tmp_path / "desk")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return root


def _sarif(cli: CliRunner, cwd: Path, *paths: str) -> dict[str, Any]:
    r = invoke(cli, ["verify", "--format", "sarif", *paths], cwd=cwd)
    assert r.exit_code in (0, 1), r.output
    doc: dict[str, Any] = json.loads(r.output)
    return doc


def test_golden_sarif_validates_against_the_official_schema() -> None:
    assert _valid(json.loads((GOLDEN / "report.sarif").read_text(encoding="utf-8"))) == []


def test_two_stories_validate_one_run_each(cli: CliRunner, desk: Path) -> None:
    doc = _sarif(cli, desk, "stories")
    assert _valid(doc) == []
    ids = [run_["automationDetails"]["id"] for run_ in doc["runs"]]
    assert ids == ["factcheck/stories/bad/", "factcheck/stories/clean/"]  # one category per story


def test_every_result_has_a_full_region_and_a_relative_uri_with_a_base(cli: CliRunner, desk: Path) -> None:
    doc = _sarif(cli, desk, "stories")
    uris = set()
    for res in _results(doc):
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        uris.add(phys["artifactLocation"]["uri"])
        region = phys["region"]
        assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert region["endLine"] >= region["startLine"] >= 1
        assert region["endColumn"] > region["startColumn"] >= 1
    assert "stories/bad/sources/scan.md" in uris and "stories/bad/claims.toml" in uris
    binary = [res for res in _results(doc) if res["ruleId"] == "FC010"]
    assert binary and binary[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}


def test_uris_are_from_the_repository_root_whatever_the_folder(cli: CliRunner, desk: Path) -> None:
    from_root = _sarif(cli, desk, "stories/bad")
    from_story = _sarif(cli, desk / "stories" / "bad")
    assert from_root["runs"][0]["results"] == from_story["runs"][0]["results"]
    assert from_root["runs"][0]["automationDetails"] == {"id": "factcheck/stories/bad/"}


def test_github_workspace_is_the_root_when_set(cli: CliRunner, desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(desk / "stories"))
    doc = _sarif(cli, desk, "stories/bad")
    uris = {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in _results(doc)}
    assert "bad/claims.toml" in uris


def test_fingerprints_are_on_every_result_and_survive_edits_that_move_lines(cli: CliRunner, desk: Path) -> None:
    before = _sarif(cli, desk, "stories")
    prints = [res["partialFingerprints"]["factcheck/v1"] for res in _results(before)]
    assert len(prints) == len(set(prints)) == len(_results(before))
    ledger = desk / "stories" / "bad" / "claims.toml"
    ledger.write_text("# a comment the desk added\n\n\n" + ledger.read_text(encoding="utf-8"), encoding="utf-8")
    after = _sarif(cli, desk, "stories")
    lines = {res["locations"][0]["physicalLocation"]["region"]["startLine"] for res in _results(after)}
    assert lines != {res["locations"][0]["physicalLocation"]["region"]["startLine"] for res in _results(before)}
    assert [res["partialFingerprints"] for res in _results(after)] == [
        res["partialFingerprints"] for res in _results(before)]


def test_the_same_finding_in_two_stories_has_two_fingerprints(cli: CliRunner, desk: Path) -> None:
    shutil.copytree(desk / "stories" / "bad", desk / "stories" / "bad-copy")
    doc = _sarif(cli, desk, "stories")
    prints = [res["partialFingerprints"]["factcheck/v1"] for res in _results(doc)]
    assert len(prints) == len(set(prints))


def test_suppressions_are_on_every_result_or_none(cli: CliRunner, desk: Path) -> None:
    doc = _sarif(cli, desk, "stories/bad")
    results = _results(doc)
    assert all("suppressions" in res for res in results)
    accepted = [res for res in results if res["suppressions"]]
    assert [res["ruleId"] for res in accepted] == ["FC201"]
    assert accepted[0]["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                            "justification": "the council rounds its own timetable"}]


def test_rules_link_their_anchor_in_the_rules_doc_and_carry_markdown_help() -> None:
    doc = json.loads((GOLDEN / "report.sarif").read_text(encoding="utf-8"))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(load_rules())
    for r in rules:
        assert r["helpUri"] == f"{RULES_DOC}#{r['id'].lower()}"
        assert re.match(r"^https://[^\s#]+/docs/rules\.md#fc\d{3}$", r["helpUri"])
        assert r["help"]["markdown"].startswith(f"**{r['id']} ") and r["help"]["text"]
    fc102 = next(r for r in rules if r["id"] == "FC102")
    # the rule's two stories, file by file: the ledger as TOML, the source as text
    md = fc102["help"]["markdown"]
    assert md.index("**Fails:**") < md.index("**Passes:**")
    assert "`claims.toml`\n\n```toml\n[[claim]]\n" in md and "`sources/hospital.md`\n\n```text\n+++\n" in md
    assert 'quote = "cost $310 million"' in md.split("**Passes:**")[0]
    assert 'quote = "cost $310 million"' not in md.split("**Passes:**")[1]
    assert "Fails:\nclaims.toml:\n[[claim]]" in fc102["help"]["text"]
    fc000 = next(r for r in rules if r["id"] == "FC000")
    assert "**Fails:**" not in fc000["help"]["markdown"] and "**Passes:**" in fc000["help"]["markdown"]


def test_the_rules_doc_link_is_the_projects_documentation_url() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Documentation"] == RULES_DOC


def test_a_story_with_no_findings_is_a_run_with_no_results(cli: CliRunner, desk: Path) -> None:
    doc = _sarif(cli, desk, "stories/clean")
    assert _valid(doc) == []
    (run_,) = doc["runs"]
    assert run_["results"] == [] and run_["tool"]["driver"]["rules"]


def test_a_draft_finding_keeps_its_fingerprint_when_another_appears_before_it(cli: CliRunner, desk: Path) -> None:
    story = desk / "stories" / "clean"

    def prints(draft: str) -> dict[str, str]:
        (story / "draft.md").write_text(draft, encoding="utf-8")
        out = {}
        for res in _results(_sarif(cli, desk, "stories/clean")):
            if res["ruleId"] == "FC601":
                figure = re.search(r"figure '([^']+)'", res["message"]["text"])
                assert figure is not None
                out[figure.group(1)] = res["partialFingerprints"]["factcheck/v1"]
        return out

    before = prints("The mill cut 1,100 jobs.\n\nIt blamed 70 percent of the losses on costs.\n")  # both near "jobs"
    after = prints("Some 900 staff remain. The mill cut 1,100 jobs.\n\nIt blamed 70 percent of the losses on costs.\n")
    assert list(before) == ["70 percent"] and sorted(after) == ["70 percent", "Some 900"]
    assert after["70 percent"] == before["70 percent"]


def test_a_story_at_the_root_is_the_category_factcheck(cli: CliRunner, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    root = tmp_path / "one"
    (root / ".git").mkdir(parents=True)
    write_story(root, 'x = 1\n[[claim]]\nid = "a"\nsource = "s"\nquote = "1,100 jobs"\n', {"s.md": "1,100 jobs.\n"})
    doc = _sarif(cli, root)
    assert _valid(doc) == []
    (run_,) = doc["runs"]
    assert run_["automationDetails"] == {"id": "factcheck/"}
    assert {res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in run_["results"]} >= {
        "claims.toml"}


def test_a_story_outside_the_repository_gets_absolute_file_uris(cli: CliRunner, desk: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(desk / "elsewhere"))
    doc = _sarif(cli, desk, "stories/bad")
    assert _valid(doc) == []
    for res in _results(doc):
        artifact = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert "uriBaseId" not in artifact
        assert artifact["uri"].startswith("file:///") and "/stories/bad/" in artifact["uri"]
