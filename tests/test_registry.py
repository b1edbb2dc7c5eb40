"""The registry: one place for codes, severities, summaries and docs; it refuses bad entries."""

from __future__ import annotations

import pytest

from factcheck.model import Severity
from factcheck.rules import DOC_SECTIONS, FAMILIES, load_rules, rule, select


def test_every_rule_is_documented() -> None:
    rules = load_rules()
    assert len(rules) >= 30
    for code, r in rules.items():
        assert code[:3] in FAMILIES
        assert r.summary and "\n" not in r.summary
        sections = r.sections()
        for s in DOC_SECTIONS:
            assert sections.get(s), f"{code} lacks '{s}'"


def test_duplicate_and_malformed_codes_are_refused() -> None:
    load_rules()

    def fn(story):  # type: ignore[no-untyped-def]
        """
        What it checks:
            x
        Why an editor cares:
            x
        Example:
            x
        Passes:
            x
        """
        return []

    with pytest.raises(ValueError, match="registered twice"):
        rule("FC102", "another", Severity.ERROR, "dup")(fn)
    with pytest.raises(ValueError, match="malformed rule code"):
        rule("FC7001", "bad", Severity.ERROR, "bad")(fn)
    with pytest.raises(ValueError, match="lacks"):
        rule("FC699", "undocumented", Severity.ERROR, "x")(lambda story: [])


def test_select_and_ignore_by_prefix() -> None:
    rules = load_rules()
    assert {r.code for r in select(rules, ["FC1"])} == {c for c in rules if c.startswith("FC1")}
    assert "FC102" not in {r.code for r in select(rules, [], ["fc10"])}
    assert {r.code for r in select(rules, ["FC2", "FC3"], ["FC202"])} == {
        c for c in rules if c[:3] in ("FC2", "FC3") and c != "FC202"}
