"""SPEC 7: text from the editor's files reaches a terminal without control characters, a GitHub
log without workflow commands, and Markdown escaped; odd file names never break a report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.hostile.conftest import FM, run, story

ESC_SEQS = "\x1b[2J\x1b]0;pwned\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x9b31m\u202egnp.exe\u202c\u2066"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _hostile(tmp_path: Path) -> Path:
    """A story whose files carry terminal escapes, Rich markup, GitHub commands and Markdown."""
    root = tmp_path / "story"
    esc_toml = ESC_SEQS.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
    story(root, (
        '[story]\ntitle = "Buses [bold]" \n\n'
        '[[claim]]\nid = "fleet"\nsubject = "fleet"\nsource = "evil"\nwhen = "2024"\n'
        f'quote = "{esc_toml} [bold red]52 trams[/] ::warning::x"\n\n'
        '[[claim]]\nid = "fleet-2"\nsubject = "fleet"\nsource = "city"\nwhen = "2023"\nquote = "40 buses"\n\n'
        '[[claim]]\nid = "cmd"\nsource = "evil"\n'
        'quote = "::error file=x::pwned %0A::set-env name=A::B ##[error]legacy 12 trams"\n'
    ), {"evil.md": (FM.replace('outlet = "Daily"', f'outlet = "Evil{ESC_SEQS} Daily"')
                    + f"Intro.\n{ESC_SEQS} [bold red]52 trams[/] ::warning::x\n")})
    return root


def test_github_log_carries_no_command_outside_the_fence(tmp_path: Path) -> None:
    root = _hostile(tmp_path)
    tokens = set()
    for width in ("40", "200"):  # a narrow log wraps lines: a wrapped line may start with "::"
        r = run(["verify", "--format", "github", "-v"], root, env={"COLUMNS": width})
        assert r.returncode == 1, r.stderr
        lines = r.stdout.split("\n")
        assert lines[-1] == ""
        start = next(n for n, line in enumerate(lines) if line.startswith("::stop-commands::"))
        token = lines[start].removeprefix("::stop-commands::")
        assert re.fullmatch(r"[0-9a-f]{32}", token)
        tokens.add(token)
        assert lines[-2] == f"::{token}::" and f"::{token}::" not in lines[start + 1:-2]
        annotations = lines[:start]
        assert annotations and all(re.match(r"::(error|warning|notice) [^:]*::", a) for a in annotations)
        for a in annotations:  # one command each: the rest of the line is escaped data
            assert "##[" not in a and "\r" not in a, a
        fenced = "\n".join(lines[start + 1:-2])
        assert "set-env name=A" in fenced and "##[error]legacy" in fenced  # shown, but inert
        assert not UNSAFE.search(r.stdout)
    assert len(tokens) == 2  # random per run


def test_terminal_output_has_no_control_characters_and_no_markup(tmp_path: Path) -> None:
    root = _hostile(tmp_path)
    (root / "article.md").write_text(f"[bold]Today[/bold] the city runs 40 buses.{ESC_SEQS}\n", encoding="utf-8")
    for args in (["verify"], ["verify", "-v"], ["timeline"], ["sources"], ["extract", "sources/evil.md"],
                 ["extract", "article.md"], ["verify", "--format", "json"], ["verify", "--format", "md"],
                 ["report", "--format", "md", "-o", "-"], ["report", "--format", "html", "-o", "-"]):
        r = run(args, root)
        assert r.returncode in (0, 1), (args, r.stderr)
        assert not UNSAFE.search(r.stdout + r.stderr), (args, UNSAFE.findall(r.stdout + r.stderr))
        assert "Traceback" not in r.stderr
    verbose = run(["verify", "-v"], root).stdout
    assert "[bold red]52 trams[/]" in verbose  # Rich markup in a quote prints as written
    assert "Buses [bold]" in verbose
    assert "[bold]Today[/bold]" in run(["extract", "article.md"], root).stderr
    # JSON keeps the exact text, as escapes
    doc = json.loads(run(["verify", "--format", "json"], root).stdout)
    assert {c["id"]: c["quote"] for c in doc["claims"]}["fleet"].startswith(ESC_SEQS)


def _markdown_html(md: str) -> str:
    return str(MarkdownIt("commonmark").enable("table").render(md))


def test_markdown_names_urls_and_entities_cannot_break_out(tmp_path: Path) -> None:
    root = story(tmp_path / "story", sources={
        "x`<img src=x onerror=alert(1)>`.md": FM + "Nothing.\n",
        "pipes.md": FM.replace("https://example.org/a", "https://example.org/a|b|c").replace(
            '"Daily"', '"AT&amp;T &lt;b&gt; Daily"') + "Nothing.\n",
    })
    r = run(["report", "--format", "md", "-o", "-"], root)
    html = _markdown_html(r.stdout)
    assert "<img" not in html and "onerror=alert(1)>" in html.replace("&gt;", ">")  # shown, not live
    assert "AT&amp;amp;T &amp;lt;b&amp;gt; Daily" in html  # entities print as typed
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    source_rows = [row for row in rows if "pipes" in row]
    assert len(source_rows) == 1 and source_rows[0].count("<td>") == 5
    assert "https://example.org/a|b|c" in source_rows[0]


def test_an_id_ending_in_a_newline_is_not_an_id(tmp_path: Path) -> None:
    root = story(tmp_path / "story", '[[claim]]\nid = "nl\\n"\nsource = "city"\nquote = "40 buses"\n')
    doc = json.loads(run(["verify", "--format", "json"], root).stdout)
    assert [(f["code"], f["message"]) for f in doc["findings"] if f["code"] == "FC002"] == [
        ("FC002", "claim 'nl\n': 'id' is invalid: ids use letters, digits, '-', '_' and '.' only")]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8_is_a_finding_and_output_stays_utf8(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    try:
        with open(os.path.join(os.fsencode(root / "sources"), b"caf\xe9\x1b[2J.md"), "wb") as fh:
            fh.write(FM.encode() + b"Nothing.\n")
    except OSError:
        pytest.skip("the file system refuses a name that is not UTF-8")
    for fmt in ("json", "md", "html", "sarif", "claimreview"):
        p = subprocess.run([sys.executable, "-m", "factcheck", "report", "--format", fmt, "-o", "-"], cwd=root,
                           capture_output=True, timeout=60, env={**os.environ, "NO_COLOR": "1"})
        assert p.returncode in (0, 1), p.stderr
        out = p.stdout.decode("utf-8")  # strict: valid UTF-8
        assert not UNSAFE.search(out) and "Traceback" not in p.stderr.decode()
    doc = json.loads(subprocess.run([sys.executable, "-m", "factcheck", "verify", "--format", "json"], cwd=root,
                                    capture_output=True, timeout=60).stdout.decode("utf-8"))
    assert [(f["code"], f["message"]) for f in doc["findings"] if f["code"] == "FC010"] == [
        ("FC010", "source file name 'caf\\xe9\\x1b[2J.md' is not plain UTF-8 text; not read (rename it with "
                  "letters, digits, '-', '_', '.')")]
    assert run(["verify"], root).returncode == 1  # FC010 is an error


def test_an_error_line_shows_control_characters_as_escapes(tmp_path: Path) -> None:
    root = story(tmp_path / "story")
    ledger = root / "claims.toml"
    ledger.write_text('[story]\ndraft = "\\u001b]0;pwned\\u0007draft\\u202e.md"\n\n' + ledger.read_text(encoding="utf-8"),
                      encoding="utf-8")
    r = run(["verify"], root)
    assert r.returncode == 2 and not UNSAFE.search(r.stderr)
    assert r.stderr == ('factcheck: claims.toml:2:9: [story] draft = "\\x1b]0;pwned\\x07draft\\u202e.md": no such '
                        'file beside the ledger (\\x1b]0;pwned\\x07draft\\u202e.md)\n')
