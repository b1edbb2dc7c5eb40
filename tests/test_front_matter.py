"""A text source's `---` key: value front matter (the form site generators and CMS exports write):
read for the contract's keys, never body text, and every form it does not take is one line with
path:line:column saying how to write it."""

from __future__ import annotations

import json
import textwrap
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck import front_matter
from factcheck.errors import CannotRun
from factcheck.model import SOURCE_FIELDS
from tests.conftest import invoke, verify_report, write_story

P = Path("sources/s.md")

READ = [
    # (front matter lines, keys read)
    ("title: Council passes budget", {"title": "Council passes budget"}),
    ("title: Budget: the vote", {"title": "Budget: the vote"}),
    ("title: No", {"title": "No"}),  # text, not YAML's false
    ("title: 1984", {"title": "1984"}),  # text, not a number
    ('title: "Council \\"passes\\" budget"  # a comment', {"title": 'Council "passes" budget'}),
    ("title: 'Ana O''Neil writes'", {"title": "Ana O'Neil writes"}),
    ('title: "caf\\u00e9 owners"', {"title": "café owners"}),
    ("title: Council passes budget # a comment", {"title": "Council passes budget"}),
    ("url: https://t.example/a#section", {"url": "https://t.example/a#section"}),
    ("title: A long headline\n  that goes on", {"title": "A long headline that goes on"}),
    ("title: >\n  A folded\n  headline", {"title": "A folded headline"}),
    ("title: |-\n  Two\n  lines", {"title": "Two\nlines"}),
    ("published: 2024-03-01", {"published": date(2024, 3, 1)}),
    ("published: 2024-03-01T09:30:00-05:00", {"published": date(2024, 3, 1)}),
    ("published: 2024-03-01 09:30:00 +0100", {"published": date(2024, 3, 1)}),
    ('published: "2024-03-01"', {"published": date(2024, 3, 1)}),
    ("published: March 1, 2024", {"published": "March 1, 2024"}),  # the model refuses it, by name
    ("via: NIS", {"via": "NIS"}),
    ("via: [NIS, 'Yonhap', \"State Audit Office\"]", {"via": ["NIS", "Yonhap", "State Audit Office"]}),
    ("via: []", {"via": []}),
    ("via:\n  - NIS\n  - Yonhap", {"via": ["NIS", "Yonhap"]}),
    ("via:\n- NIS\n\n- Yonhap\nauthor: Bo", {"via": ["NIS", "Yonhap"], "author": "Bo"}),
    ("title:", {}),
    ("title: ~", {}),
    ("# a comment\n\ntitle: x", {"title": "x"}),
    # keys of the site's own are left alone, whatever they hold; a misspelt key is kept to be flagged
    ("layout: post\ntags: [a, b]\ncategories:\n  - news\nseo:\n  image: x.png\ntitle: t", {"title": "t"}),
    ("pubished: 2024-03-01", {"pubished": None}),
    ("date: 2024-03-01", {"date": None}),
]


@pytest.mark.parametrize(("block", "want"), READ, ids=[r[0] for r in READ])
def test_reads_key_values(block: str, want: dict[str, Any]) -> None:
    assert front_matter.read_key_values(block, P, SOURCE_FIELDS) == want


REFUSED = [
    # (front matter lines, line:column in the file (the block starts on line 2), message start)
    ("title Council passes", "2:1", "a line that is not 'key: value'"),
    ("  title: x", "2:3", "an indented line under no key"),
    ("title: a\ntitle: b", "3:1", "'title' is given twice (first on line 2)"),
    ('title: "open', "2:8", "a quoted value with no closing '\"'"),
    ("title: 'open", "2:8", "a quoted value with no closing \"'\""),
    ('title: "a" b', "2:12", "text after the closing quote"),
    ('title: "a\\q"', "2:10", "unknown escape '\\q'"),
    ("author:\n  name: Bo", "3:3", "'author' holds a nested table, which it cannot; write its value on the 'author:' line"),
    ("author: {name: Bo}", "2:9", "a table is not read here"),
    ("title: &t x", "2:8", "an anchor is not read here"),
    ("title: *t", "2:8", "an alias is not read here"),
    ("title: !!str x", "2:8", "a tag is not read here"),
    ("via: [NIS, Yonhap", "2:6", "a list with no closing ']'"),
    ("via: [NIS, [a]]", "2:12", "a list inside a list"),
    ("via:\n  - [NIS]", "3:4", "a list item that is itself a list or a table"),
    ('title: "a\n  b"', "3:1", "a quoted value or a list that runs over several lines"),
    ("published: 2024-02-30", "2:12", "'2024-02-30' is not a date of the calendar"),
    ("title: > x", "2:8", "unexpected text after '>'"),
]


@pytest.mark.parametrize(("block", "where", "why"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refuses_with_place_and_fix(block: str, where: str, why: str) -> None:
    with pytest.raises(CannotRun) as e:
        front_matter.read_key_values(block, P, SOURCE_FIELDS)
    assert str(e.value).startswith(f"{P}:{where}: {why}"), str(e.value)


SPLIT = [
    # (text, body, block, body line)
    ("---\ntitle: x\n---\nBody", "Body", "title: x", 4),
    ("---\ntitle: x\n...\nBody", "Body", "title: x", 4),
    ("+++\ntitle = 'x'\n+++\nBody", "Body", "title = 'x'", 4),
    ("---\n\n# c\ntitle: x\n---\nBody\n---\nmore", "Body\n---\nmore", "\n# c\ntitle: x", 6),
    # a Markdown rule at the top of an article is not front matter
    ("---\nThe council met.\n---\nBody", "---\nThe council met.\n---\nBody", None, 1),
    ("---\n\nThe end: near\n---", "---\n\nThe end: near\n---", None, 1),
    ("---\nUPDATE: The council revised its figures.\n---\nBody", "---\nUPDATE: The council revised its "
     "figures.\n---\nBody", None, 1),
    ("---\nNote: corrected\n---\nBody", "---\nNote: corrected\n---\nBody", None, 1),
    ("---\nTitle: x\n---\nBody", "Body", "Title: x", 4),  # a known key, capitalised: flagged by FC001
    ("Body\n---\ntitle: x\n---", "Body\n---\ntitle: x\n---", None, 1),
]


@pytest.mark.parametrize(("text", "body", "block", "line"), SPLIT, ids=[s[0] for s in SPLIT])
def test_split(text: str, body: str, block: str | None, line: int) -> None:
    got = front_matter.split(text)
    assert (got.body, got.block, got.body_line, got.unclosed) == (body, block, line, None)


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_unclosed_front_matter_is_said(fence: str) -> None:
    key = "title: x" if fence == "---" else "title = 'x'"
    got = front_matter.split(f"{fence}\n{key}\nBody")
    assert got.block is None and got.body == f"{fence}\n{key}\nBody"
    assert got.unclosed == (f"front matter opened by '{fence}' on line 1 has no closing '{fence}' line, "
                            f"so the whole file is read as text; end the front matter with a line '{fence}'")


text_values = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)


def _double(v: str) -> str:
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


@given(title=text_values, author=text_values, via=st.lists(text_values.filter(lambda v: v != ""), max_size=4))
def test_quoted_values_read_back(title: str, author: str, via: list[str]) -> None:
    block = "\n".join([f"title: {_double(title)}", "author: '" + author.replace("'", "''") + "'",
                       "via: [" + ", ".join(_double(v) for v in via) + "]"])
    assert front_matter.read_key_values(block, P, SOURCE_FIELDS) == {"title": title, "author": author, "via": via}


@given(body=st.text(max_size=80), title=text_values)
def test_front_matter_is_never_body(body: str, title: str) -> None:
    got = front_matter.split(f"---\ntitle: {_double(title)}\n---\n{body}")
    assert got.body == body and got.block == f"title: {_double(title)}"


# -- through verify ------------------------------------------------------------------------------

CLAIMS = """
    [[claim]]
    id = "buses"
    subject = "bus-budget"
    source = "tribune"
    quote = "approved $12 million for buses on Thursday"
    amount = "$12 million"
    when = "Thursday"
"""


def _json(cli: CliRunner, root: Path) -> dict[str, Any]:
    r = invoke(cli, ["verify", "--format", "json", "--fail-on", "never"], cwd=root)
    assert r.exit_code == 0, r.output
    out: dict[str, Any] = json.loads(r.output)
    return out


def test_key_values_anchor_relative_dates(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, CLAIMS, {"tribune.md": """\
        ---
        outlet: Valley Tribune
        url: https://tribune.example/budget
        published: 2024-03-01
        ---
        The council approved $12 million for buses on Thursday.
    """})
    got = _json(cli, tmp_path)
    assert got["claims"][0]["status"] == "supported"
    assert got["claims"][0]["when"] == {"text": "Thursday", "start": "2024-02-29", "end": "2024-02-29"}
    assert [f["code"] for f in got["findings"]] == ["FC501"]


def test_unreadable_key_values_are_one_line_with_place(cli: CliRunner, tmp_path: Path) -> None:
    write_story(tmp_path, CLAIMS, {"tribune.md": """\
        ---
        outlet: Valley Tribune
        author:
          name: Ana Ruiz
        ---
        The council approved $12 million for buses on Thursday.
    """})
    r = invoke(cli, ["verify"], cwd=tmp_path)
    assert r.exit_code == 1
    assert "FC010 error  sources/tribune.md:4:3" in r.output
    assert ("front matter: 'author' holds a nested table, which it cannot; write its value on the 'author:' line"
            in " ".join(r.output.split()))


def test_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    ledger = write_story(tmp_path, CLAIMS, {"tribune.md": "---\npublished: 2024-03-01\nThe council approved "
                                            "$12 million for buses on Thursday.\n"})
    got = [(f.code, str(f.location).removeprefix(f"{tmp_path}/"), f.message)
           for f in verify_report(ledger).findings if f.code == "FC010"]
    assert got == [("FC010", "sources/tribune.md:1:1", "front matter opened by '---' on line 1 has no closing "
                    "'---' line, so the whole file is read as text; end the front matter with a line '---'")]


def test_extract_skips_key_values_and_anchors(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wire.md").write_text(textwrap.dedent("""\
        ---
        published: 2024-03-01
        title: 40 buses for 2025
        ---
        The council approved $12 million on Thursday.
    """), encoding="utf-8")
    r = invoke(cli, ["extract", "sources/wire.md"], cwd=tmp_path)
    assert r.exit_code == 0, r.output
    assert "2024-03-01" not in r.output.replace('when = "2024-02-29"', "")  # the key is not a date of the text
    assert "40 buses" not in r.output and "2025" not in r.output
    assert "$12 million" in r.output and "2024-02-29" in r.output  # "Thursday", anchored by published


def test_many_site_keys_stay_linear() -> None:
    """The misspelling check runs for the first keys only: 200,000 keys of the site's own (1.4 MB)
    took 4.6 CPU seconds when each was checked, 0.3 s now."""
    block = "\n".join(f"k{i}: v" for i in range(200_000)) + "\npubished: 2024-03-01"
    t = time.process_time()
    got = front_matter.read_key_values(block, P, SOURCE_FIELDS)
    assert time.process_time() - t < 1.5
    assert got == {}  # far past the first 200: taken for the site's own
    assert front_matter.read_key_values("k1: v\npubished: 2024-03-01", P, SOURCE_FIELDS) == {"pubished": None}


def test_a_date_key_says_to_name_it_published(tmp_path: Path) -> None:
    """Site generators call the publication date `date`: it is not taken for `published` (it may be
    the date of an edit), but the warning says how to make it the anchor."""
    ledger = write_story(tmp_path, CLAIMS, {"tribune.md": "---\ndate: 2024-03-01\nlayout: post\n---\n"
                                            "The council approved $12 million for buses on Thursday.\n"})
    got = [(f.code, f.severity.value, f.location.line if f.location else None, f.message)
           for f in verify_report(ledger).findings if f.code in ("FC001", "FC403")]
    assert got == [
        ("FC001", "warning", 2, "source 'tribune' has an unknown key 'date' (name it 'published' if it is the "
         "date the source was published)"),
        ("FC403", "warning", 8, "claim 'buses': 'thursday' is relative and its source has no publication date "
         "to anchor it"),
    ]
