"""The file models (pydantic): every field's mistakes, as the editor sees them — the finding's
code, its message and the line it points at — through a real run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import verify_report, write_story

SOURCE = {"wire.md": '+++\npublished = 2025-06-20\nurl = "https://wire.example/a"\n+++\nThe count was 40.\n'}

# (the ledger after its first claim's two lines, the code, the message, the line it points at)
CASES = [
    ('quote = "The count was 40"\namount = true\n', "FC002",
     "claim 'a': 'amount' is invalid: an amount is a figure such as \"about 3,000\", not true/false", 5),
    ('quote = "The count was 40"\namount = nan\n', "FC002",
     "claim 'a': 'amount' is invalid: NaN is not a figure; write the number the source states", 5),
    ('quote = "The count was 40"\ntotal_of = "b"\n', "FC002",
     "claim 'a': 'total_of' is invalid: Input should be a valid list", 5),
    ('quote = "The count was 40"\nwhen = 2025\n', "FC002",
     "claim 'a': 'when' is invalid: Input should be a valid string", 5),
    ('quote = "The count was 40"\nsubject = ["x"]\n', "FC002",
     "claim 'a': 'subject' is invalid: Input should be a valid string", 5),
    ('qoute = "The count was 40"\n', "FC001",
     "claim 'a' has an unknown field 'qoute' (did you mean 'quote'?); it is ignored", 4),
    ('quote = "The count was 40"\n\n[settings]\ntolerance = 1.5\n', "FC002",
     "[settings]: 'tolerance': a tolerance is a fraction from 0 up to (not including) 1, such as 0.10",
     6),
    ('quote = "The count was 40"\n\n[settings]\nmin_sources = "two"\n', "FC002",
     "[settings]: 'min_sources': Input should be a valid integer, unable to parse string as an integer", 6),
    ('quote = "The count was 40"\n\n[story]\npublished = "yesterday"\n', "FC002",
     "[story]: 'published': Input should be a valid date or datetime, input is too short", 6),
    ('quote = "The count was 40"\n\n[[accept]]\ncode = "FC501"\nclaims = ["a"]\nreason = " "\n', "FC002",
     "accept: 'reason': an accepted finding needs a reason an editor can read", 6),
    ('quote = "The count was 40"\n\n[[relation]]\nexpct = "a = 40"\n', "FC001",
     "a relation has an unknown field 'expct' (did you mean 'expect'?)", 7),
]


@pytest.mark.parametrize("rest, code, message, line", CASES, ids=[c[2][:40] for c in CASES])
def test_a_field_mistake_is_one_finding_at_its_line(tmp_path: Path, rest: str, code: str, message: str,
                                                    line: int) -> None:
    ledger = write_story(tmp_path, '[[claim]]\nid = "a"\nsource = "wire"\n' + rest, SOURCE)
    report = verify_report(ledger)
    found = [f for f in report.findings if f.code == code]
    assert [f.message for f in found] == [message]
    assert found[0].location is not None and found[0].location.line == line


def test_a_source_front_matter_mistake_names_the_source(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, '[[claim]]\nid = "a"\nsource = "wire"\nquote = "The count was 40"\n',
                         {"wire.md": '+++\npublished = "soon"\nkind = "memo"\n+++\nThe count was 40.\n'})
    messages = sorted(f.message for f in verify_report(ledger).findings if f.code == "FC002")
    assert messages == ["source 'wire': 'kind': Input should be 'text' or 'note'",
                        "source 'wire': 'published': Input should be a valid date or datetime, input is too short"]


def test_a_clean_table_keeps_its_values(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, '[settings]\ntolerance = 0.2\nmin_sources = 2\n\n'
                         '[[claim]]\nid = "a"\nsource = "wire"\nquote = "The count was 40"\namount = 40\n', SOURCE)
    report = verify_report(ledger)
    assert [f.code for f in report.findings if f.severity.value != "info"] == []
    assert report.claims[0].amount is not None and report.claims[0].amount.low == 40


SEVERITY_CASES = [
    # ([settings] severity value, the FC501 finding's severity, the FC002 messages)
    ('{FC501 = "warning"}', "warning", []),
    ('{fc501 = "error"}', "error", []),
    ('{FC501 = "info"}', "info", []),
    ('{FC999 = "warning"}', "info", ["[settings]: 'severity': no rule has the code FC999 (factcheck rules lists them)"]),
    ('{FC51 = "warning"}', "info",
     ["[settings]: 'severity': 'FC51' is not a rule code; codes look like FC501 (factcheck rules lists them)"]),
    ('{FC501 = "fatal"}', "info", ["[settings]: 'severity.FC501': Input should be 'error', 'warning' or 'info'"]),
    ('"warning"', "info", ["[settings]: 'severity': Input should be a valid dictionary"]),
]


@pytest.mark.parametrize("value, severity, errors", SEVERITY_CASES, ids=[c[0] for c in SEVERITY_CASES])
def test_settings_severity_changes_a_rules_severity(tmp_path: Path, value: str, severity: str,
                                                    errors: list[str]) -> None:
    ledger = write_story(tmp_path, f'[settings]\nseverity = {value}\n\n'
                         '[[claim]]\nid = "a"\nsource = "wire"\nquote = "The count was 40"\nsubject = "count"\n', SOURCE)
    report = verify_report(ledger)
    assert [f.severity.value for f in report.findings if f.code == "FC501"] == [severity]
    bad = [f for f in report.findings if f.code == "FC002"]
    assert [f.message for f in bad] == errors
    assert all(f.location is not None and f.location.line == 1 for f in bad)


def test_a_rule_raised_to_error_fails_the_run(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tests.conftest import invoke

    write_story(tmp_path, '[settings]\nseverity = {FC501 = "error"}\n\n'
                '[[claim]]\nid = "a"\nsource = "wire"\nquote = "The count was 40"\nsubject = "count"\n', SOURCE)
    assert invoke(CliRunner(), ["verify"], cwd=tmp_path).exit_code == 1
    (tmp_path / "claims.toml").write_text('[[claim]]\nid = "a"\nsource = "wire"\nquote = "The count was 40"\n'
                                          'subject = "count"\n', encoding="utf-8")
    assert invoke(CliRunner(), ["verify"], cwd=tmp_path).exit_code == 0
