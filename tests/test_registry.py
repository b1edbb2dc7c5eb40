"""The registry: one place for codes, severities, summaries and docs; it refuses bad entries."""

from __future__ import annotations

import pytest

from factcheck.model import Severity, story_markdown
from factcheck.rules import DOC_SECTIONS, FAMILIES, Example, load_rules, rule, select


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
        """
        return []

    with pytest.raises(ValueError, match="registered twice"):
        rule("FC102", "another", Severity.ERROR, "dup")(fn)
    with pytest.raises(ValueError, match="malformed rule code"):
        rule("FC7001", "bad", Severity.ERROR, "bad")(fn)
    with pytest.raises(ValueError, match="lacks"):
        rule("FC699", "undocumented", Severity.ERROR, "x")(lambda story: [])


def test_a_rule_without_its_two_stories_is_refused() -> None:
    """Each rule brings a story that raises it and one that does not (FC000 alone has no example:
    no story makes a rule crash on purpose)."""
    load_rules()

    def fn(story):  # type: ignore[no-untyped-def]
        """
        What it checks:
            x
        Why an editor cares:
            x
        """
        return []

    story = Example(ledger='[[claim]]\nid = "a"\nsource = "s"\n', sources={"s.md": "a 12 percent share\n"})
    with pytest.raises(ValueError, match=r"FC698: the rule lacks example= and passes="):
        rule("FC698", "no-stories", Severity.ERROR, "x")(fn)
    with pytest.raises(ValueError, match=r"FC698: the rule lacks example= \("):
        rule("FC698", "no-stories", Severity.ERROR, "x", passes=story)(fn)
    with pytest.raises(ValueError, match=r"FC698: the rule lacks passes= \("):
        rule("FC698", "no-stories", Severity.ERROR, "x", example=story)(fn)
    with pytest.raises(ValueError, match=r"FC698: passes source '\.\./s\.md' is not a file name in sources/"):
        rule("FC698", "no-stories", Severity.ERROR, "x", example=story,
             passes=Example(ledger="", sources={"../s.md": "x"}))(fn)
    with pytest.raises(ValueError, match=r"FC698: example source 's' is not a file name"):
        rule("FC698", "no-stories", Severity.ERROR, "x", example=Example(ledger="", sources={"s": "x"}),
             passes=story)(fn)
    bad_pages: list[tuple[dict[str, str | int], str]] = [
        ({"ftp://x.example/a": "<p>x</p>"}, r"is not an http\(s\) address"),
        ({"https://x.example/a": 302}, r"a status is an HTTP error \(400-599\), not 302"),
    ]
    for pages, why in bad_pages:
        with pytest.raises(ValueError, match=why):
            rule("FC698", "no-stories", Severity.ERROR, "x", example=story,
                 passes=Example(ledger="", pages=pages))(fn)
    assert "FC698" not in load_rules()


def test_a_story_shows_its_files_then_what_each_address_serves_now() -> None:
    """The stories of `sources check` carry what each source's URL serves now, or its status."""
    story = Example(ledger='[[claim]]\nid = "a"\n', sources={"wire.md": "  text\n"}, draft="Draft.",
                    pages={"https://news.example/a": "\n    <p>now</p>\n", "https://news.example/b": 404})
    assert story.shown() == [("claims.toml", '[[claim]]\nid = "a"\n'), ("sources/wire.md", "text\n"),
                             ("draft.md", "Draft.\n"), ("https://news.example/a now serves", "<p>now</p>\n"),
                             ("https://news.example/b now answers", "404 Not Found\n")]
    md = "\n".join(story_markdown(tuple(story.shown())))
    assert "`https://news.example/a now serves`\n\n```html\n<p>now</p>\n```" in md
    assert "`sources/wire.md`\n\n```text\ntext\n```" in md and "```toml\n[[claim]]" in md


def test_select_and_ignore_by_prefix() -> None:
    rules = load_rules()
    assert {r.code for r in select(rules, ["FC1"])} == {c for c in rules if c.startswith("FC1")}
    assert "FC102" not in {r.code for r in select(rules, [], ["fc10"])}
    assert {r.code for r in select(rules, ["FC2", "FC3"], ["FC202"])} == {
        c for c in rules if c[:3] in ("FC2", "FC3") and c != "FC202"}
