"""docs/factcheck.schema.json describes `--format json` exactly, and docs/json.md every field of it.

Every golden JSON report, the report of every story under tests/stories/ and of the bundled story,
and a several-stories document validate against the schema; a field the reporter adds without
documenting it fails here (the schema allows no other fields). A new field: add it to the
schema (under `properties`, and `required` when it is always written) and a row to docs/json.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck.engine import Options, run
from factcheck.report import render, render_many
from tests.conftest import REPO, STORIES, invoke

jsonschema = pytest.importorskip("jsonschema")

SCHEMA_PATH = REPO / "docs" / "factcheck.schema.json"
DOC = REPO / "docs" / "json.md"
STORY_DIRS = sorted(p.parent for p in STORIES.glob("*/claims.toml"))


def _validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


VALIDATOR = _validator()


def _errors(doc: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(doc)]


def test_golden_json_validates() -> None:
    doc = json.loads((REPO / "tests" / "golden" / "report.json").read_text(encoding="utf-8"))
    assert _errors(doc) == []


@pytest.mark.parametrize("story", STORY_DIRS, ids=[p.name for p in STORY_DIRS])
def test_every_story_json_validates(story: Path) -> None:
    doc = json.loads(render(run(Options(claims=story / "claims.toml")), "json"))
    assert _errors(doc) == []


def test_bundled_story_json_validates() -> None:
    doc = json.loads(render(run(Options(claims=REPO / "claims.toml")), "json"))
    assert doc["findings"] and _errors(doc) == []


def test_several_stories_validate_and_add_up(cli: CliRunner, at_repo_root: Path) -> None:
    r = invoke(cli, ["verify", "--format", "json", "stories"], cwd=REPO / "tests")
    doc = json.loads(r.output)
    assert _errors(doc) == []
    assert [s["ledger"] for s in doc["stories"]] == [
        f"tests/stories/{p.name}/claims.toml" for p in STORY_DIRS]
    for key in ("claims", "sources", "error", "warning", "info", "accepted"):
        assert doc["summary"][key] == sum(s["summary"][key] for s in doc["stories"])


def test_an_empty_list_of_stories_is_a_valid_document() -> None:
    assert _errors(json.loads(render_many([], "json"))) == []


@pytest.mark.parametrize(("path", "value"), [
    ((), {"version": 1}),  # neither shape
    (("claims", 0, "status"), "maybe"),
    (("claims", 0, "surprise"), 1),  # an undocumented field
    (("findings", 0, "code"), "XX102"),
    (("findings", 0, "location", "line"), 0),
    (("published",), "21 June 2025"),
    (("sources", 0, "cited_by"), -1),
])
def test_the_schema_rejects_what_the_document_never_holds(path: tuple[Any, ...], value: Any) -> None:
    doc = json.loads((REPO / "tests" / "golden" / "report.json").read_text(encoding="utf-8"))
    if not path:
        doc = value
    else:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    assert _errors(doc)


def _properties(node: Any, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            out.add(name)
            _properties(sub, out)
        for key, sub in node.items():
            if key != "properties":
                _properties(sub, out)
    elif isinstance(node, list):
        for sub in node:
            _properties(sub, out)
    return out


def test_json_md_documents_every_field_of_the_schema() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)`", text, flags=re.M))
    documented |= set(re.findall(r"`([a-z_]+)`", text))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    missing = sorted(_properties(schema, set()) - documented)
    assert not missing, f"fields of the schema docs/json.md does not describe: {missing}"


def test_json_md_example_validates() -> None:
    (block,) = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert _errors(json.loads(block)) == []
