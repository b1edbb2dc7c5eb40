"""Every rule's two stories, run through the engine as an editor would run them.

The story in a rule's `example=` must raise that rule and no other warning or error (the example
shows one problem, not several); the story in `passes=` must raise neither the rule nor any
warning or error. Information findings (one source only, a source without a URL) are allowed.
The stories of `sources check` (those with `pages`) run that command's rules against a real
server on the loopback that serves each page as the story says its URL serves it now. `explain`,
SARIF and docs/rules.md print these same stories, so what the documentation shows is what the
tool does.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from factcheck.engine import Options, run
from factcheck.model import Report, Severity
from factcheck.rules import NO_EXAMPLE, Example, load_rules
from tests.conftest import invoke

RULES = load_rules()
EXAMPLES = [(code, r.example) for code, r in RULES.items() if r.example is not None]
PASSES = [(code, r.passes) for code, r in RULES.items() if r.passes is not None]


def _run(example: Example, folder: Path, request: pytest.FixtureRequest) -> Report:
    ledger = example.write(folder)
    if not example.pages:
        return run(Options(claims=ledger))
    # The rules of `sources check` fetch each source's URL again: a real server on the loopback
    # serves the example's pages, at the addresses the story's files give, rewritten to it.
    from factcheck.commands import check_sources

    server: HTTPServer = request.getfixturevalue("httpserver")
    for url, page in example.pages.items():
        path = urlsplit(url).path
        if isinstance(page, int):
            server.expect_request(path).respond_with_data("", status=page)
        else:
            server.expect_request(path).respond_with_data(dict(example.shown())[f"{url} now serves"],
                                                          content_type="text/html; charset=utf-8")
        for f in folder.rglob("*.*"):
            f.write_text(f.read_text(encoding="utf-8").replace(url, server.url_for(path)), encoding="utf-8")
    return check_sources(Options(claims=ledger))[0]


def _loud(report: Report) -> set[str]:
    """Codes of the warnings and errors an editor would have to act on (not accepted, not info)."""
    return {f.code for f in report.findings if f.severity is not Severity.INFO and f.accepted is None}


def _show(report: Report) -> str:
    return "\n".join(f"{f.code} {f.severity.value}: {f.message}" for f in report.findings) or "(no findings)"


@pytest.mark.parametrize(("code", "example"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_the_example_raises_its_rule_and_only_it(code: str, example: Example, tmp_path: Path,
                                                 request: pytest.FixtureRequest) -> None:
    report = _run(example, tmp_path, request)
    codes = {f.code for f in report.findings}
    assert code in codes, _show(report)
    assert _loud(report) <= {code}, _show(report)


@pytest.mark.parametrize(("code", "example"), PASSES, ids=[c for c, _ in PASSES])
def test_the_passing_story_is_quiet_about_the_rule(code: str, example: Example, tmp_path: Path,
                                                   request: pytest.FixtureRequest) -> None:
    report = _run(example, tmp_path, request)
    assert code not in {f.code for f in report.findings}, _show(report)
    assert not _loud(report), _show(report)


def test_every_rule_has_both_stories() -> None:
    assert len(RULES) >= 44
    assert {c for c, r in RULES.items() if r.passes is None} == set()
    assert {c for c, r in RULES.items() if r.example is None} == set(NO_EXAMPLE) == {"FC000"}


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_ledgers_are_toml_and_the_files_are_named(code: str) -> None:
    for example in (RULES[code].example, RULES[code].passes):
        if example is None:
            continue
        files = dict(example.files())
        tomllib.loads(files["claims.toml"])
        assert all(p == "claims.toml" or p == "draft.md" or p.startswith("sources/") for p in files)
        assert all(text.endswith("\n") and not text.startswith((" ", "\n")) for text in files.values())


@pytest.mark.parametrize("code", sorted(RULES))
def test_explain_prints_the_stories_the_tests_run(cli: CliRunner, code: str) -> None:
    out = "\n".join(line.rstrip() for line in invoke(cli, ["explain", code]).output.splitlines()) + "\n"
    head, passes = out.split("\nPasses (does not raise " + code + ")\n")
    example = head.split("\nExample")[1]
    r = RULES[code]
    if r.example is None:
        assert example == "\n  " + NO_EXAMPLE[code] + "\n"
    for part, story in ((example, r.example), ("\n" + passes, r.passes)):
        for path, text in story.shown() if story is not None else []:
            assert f"\n  {path}\n" in part, (code, path)
            for line in text.splitlines():
                if len(line) < 90:  # longer lines fold at the terminal's width
                    assert f"\n    {line}".rstrip() + "\n" in part, (code, path, line)
