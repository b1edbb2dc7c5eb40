"""The libraries for pages, PDFs and URLs load only when a story holds such a source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

STORIES = Path(__file__).resolve().parent.parent / "stories"
HEAVY = ("trafilatura", "htmldate", "lxml", "pypdfium2", "httpx", "factcheck.documents")


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nprint(' '.join(sys.modules))"], capture_output=True,
                         text=True, check=True).stdout
    return {m for m in out.split() if m.split(".")[0] in {h.split(".")[0] for h in HEAVY}} & set(HEAVY)


def _run(story: str) -> str:
    ledger = STORIES / story / "claims.toml"
    return ("import sys, io, contextlib; from factcheck.cli import main; "
            f"sys.argv = ['factcheck', 'verify', '--claims', {str(ledger)!r}]; "
            "f = io.StringIO()\nwith contextlib.redirect_stdout(f):\n    try: main()\n    except SystemExit: pass")


def test_help_loads_none_of_them() -> None:
    code = "import sys; sys.argv = ['factcheck', '--help']; from factcheck.entry import main; main()"
    assert _loaded_after(code) == set()


def test_a_story_of_markdown_sources_loads_none_of_them() -> None:
    assert _loaded_after(_run("sourcing")) == set()


def test_a_story_of_pages_loads_the_page_readers_only() -> None:
    assert _loaded_after(_run("pages")) == {"trafilatura", "htmldate", "lxml", "factcheck.documents"}


def test_without_the_readers_installed_a_page_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    """Block the import of trafilatura: the page is FC010, every other source is still checked."""
    ledger = STORIES / "pages" / "claims.toml"
    code = ("import sys, json, io, contextlib\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('trafilatura', 'htmldate'): raise ImportError(name=name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "from factcheck.engine import Options, run\n"
            f"r = run(Options(claims=__import__('pathlib').Path({str(ledger)!r})))\n"
            "print(json.dumps(sorted({(f.code, f.message) for f in r.findings})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    import json

    findings = json.loads(out)
    unread = [m for code, m in findings if code == "FC010"]
    assert unread == [f"{name}.html: the reader for this kind of file is not installed (htmldate); reinstall "
                      "factcheck-ledger with its dependencies" for name in ("city-portal", "metro-wire", "valley-tribune")]
    assert any(code == "FC103" for code, _ in findings)  # the claims themselves are still checked
