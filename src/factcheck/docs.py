"""Write docs/rules.md from the rule registry: `python -m factcheck.docs [PATH]`.

Every rule has a section with an anchor of its code in lower case (`#fc202`), which SARIF's
helpUri and the README link to. tests/test_docs.py checks that the file in the repository is
what this writes, so a rule's documentation is changed in one place: its docstring and its `example=` and
`passes=` stories beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.model import story_markdown
from factcheck.rules import DOC_SECTIONS, FAMILIES, Rule, StatusScope, load_rules

DEFAULT = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def render() -> str:
    rules = load_rules()
    out = [
        "# Rules",
        "",
        "<!-- Generated from the rule registry by `python -m factcheck.docs`; edit the rules' docstrings "
        "and examples, not this file. -->",
        "",
        "Every finding has a stable code. The hundreds digit is the family. A rule's severity can be "
        "changed for one story in `[settings]` (`severity = {FC501 = \"warning\"}`), and a finding an "
        "editor has looked at can be accepted with `[[accept]]` (see [ledger.md](ledger.md)). "
        "`factcheck rules` lists the rules and `factcheck explain CODE` prints one of these sections. "
        "Each rule shows two small story folders: one that raises it and one that does not; the test "
        "suite runs both.",
        "",
        "| code | severity | name | summary |",
        "| --- | --- | --- | --- |",
    ]
    for r in rules.values():
        out.append(f"| [{r.code}](#{r.code.lower()}) | {r.severity.value} | {r.name} | {_cell(r.summary)} |")
    family = None
    for r in rules.values():
        if r.family != family:
            family = r.family
            out += ["", f"## {family}xx: {FAMILIES[family]}"]
        out += ["", f'<a id="{r.code.lower()}"></a>', "", f"### {r.code} {r.name}", "",
                f"**{r.severity.value}**: {r.summary}"]
        if r.status is not None:
            out += ["", status_sentence(r)]
        sections = r.sections()
        for name in DOC_SECTIONS:
            text = sections.get(name, "").strip()
            if text:
                out += ["", f"**{name}**", "", text]
        out += examples_markdown(r)
    return "\n".join(out) + "\n"


def examples_markdown(r: Rule) -> list[str]:
    """The rule's two stories, each file fenced: the one that raises it and the one that does not."""
    out: list[str] = []
    info = r.info
    for name, story in (("Example", info.example), ("Passes", info.passes)):
        if story is None:
            out += ["", f"**{name}**", "", info.no_example]
            continue
        verb = "raises" if name == "Example" else "does not raise"
        out += ["", f"**{name}** (a story that {verb} {r.code})", "", *story_markdown(story)]
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")



def status_sentence(r: Rule) -> str:
    """What an unaccepted finding of the rule does to the statuses of the claims it names."""
    status = f"*{r.status.value}*" if r.status is not None else ""
    if r.status_scope is StatusScope.STATED:
        return (f"An unaccepted finding makes its stated result {status}: the `total_of` claim, or the claim "
                "alone on the left of `=`. Its other claims keep their own status and list the failure; an "
                "order (`when(a) < when(b)`) states no result, so no claim is made " + status + ".")
    if r.status_scope is StatusScope.ALL:
        return f"An unaccepted finding makes every claim it names {status}."
    return f"An unaccepted finding makes the claim it is about {status}."

def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

