"""The documentation in the repository: the rule reference is what the registry says, and every
link in the README and docs/ leads to a file of the repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.docs import render
from factcheck.rules import StatusScope, load_rules

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Written by other changes in flight; a link to one is allowed only while the file does not exist.
IN_FLIGHT = {"sources.md", "verdicts.md"}


def test_rules_md_is_what_the_registry_says() -> None:
    """After changing a rule: python -m factcheck.docs"""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render()


def test_every_rule_has_its_anchor_and_sections() -> None:
    text = render()
    for code, r in load_rules().items():
        assert f'<a id="{code.lower()}"></a>\n\n### {code} {r.name}' in text
        assert f"| [{code}](#{code.lower()}) | {r.severity.value} |" in text
    assert text.count("**What it checks**") == len(load_rules())


def test_every_status_scope_is_used_by_a_rule() -> None:
    """A scope no rule has is dead code in the engine and a sentence the reference never prints."""
    used = {r.status_scope for r in load_rules().values() if r.status is not None}
    assert used == set(StatusScope)


def test_rules_md_shows_each_rules_two_stories() -> None:
    text = render()
    for code, r in load_rules().items():
        section = text.split(f'<a id="{code.lower()}"></a>')[1].split("<a id=")[0]
        assert f"**Passes** (a story that does not raise {code})" in section
        for example in (r.example, r.passes):
            for path, body in example.shown() if example is not None else []:
                assert f"`{path}`\n\n```" in section and body in section, (code, path)


def test_the_docs_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "rules.md"
    r = subprocess.run([sys.executable, "-m", "factcheck.docs", str(out)], capture_output=True, text=True)
    assert r.returncode == 0 and out.read_text(encoding="utf-8") == render()


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_links_stay_inside_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text and "/work/" not in text
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert ROOT in path.parents or path == ROOT, target
        assert path.exists() or path.name in IN_FLIGHT, f"{page.name} links to {target}, which is not there"
