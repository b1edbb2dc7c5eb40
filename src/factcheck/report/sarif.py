"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it, one run per story.

What code scanning needs, and where each is made here:
- a `partialFingerprints` entry on every result, stable across runs (the rule, the story and the
  claim ids, never a line number), so an alert stays one alert when the ledger is edited;
- a physical location with a full region (start and end line and column) on every result, paths
  relative to the repository root with `uriBaseId` `%SRCROOT%`;
- `suppressions` on every result or on none (SARIF 3.27.23): an accepted finding carries one with
  status `accepted` and the editor's reason, every other result an empty list;
- `runAutomationDetails.id` per story, so the runs of several stories in one upload stay apart;
- rules with `helpUri` (the rule's anchor in docs/rules.md) and `help.markdown`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.model import Finding, Location, Report, RuleInfo, Severity, story_markdown

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
# The rule reference in the project's repository; each rule has its anchor there (#fc202).
# Keep in step with [project.urls] Documentation in pyproject.toml (a test checks they agree).
RULES_DOC = "https://github.com/factcheck-ledger/factcheck/blob/main/docs/rules.md"
FINGERPRINT = "factcheck/v1"
_LINE = re.compile(r"\b(line|lines) [0-9][0-9,–-]*")


def render(report: Report) -> str:
    return render_many([report])


def render_many(reports: Sequence[Report]) -> str:
    rules = _rules(reports[0].rules if reports else [])  # every report carries every rule
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [_run(report, rules) for report in reports],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _rules(infos: Sequence[RuleInfo]) -> list[dict[str, Any]]:
    out = []
    for r in infos:
        code = r.code
        sections = r.sections
        checks = " ".join(sections.get("What it checks", r.summary).split())
        help_md = [f"**{code} {r.name}** ({r.severity.value}): {r.summary}", "", checks]
        if "Why an editor cares" in sections:
            help_md += ["", "**Why an editor cares.** " + " ".join(sections["Why an editor cares"].split())]
        help_text = "\n\n".join(f"{k}:\n{sections[k]}" for k in ("Why an editor cares",) if k in sections)
        for name, story in (("Fails", r.example), ("Passes", r.passes)):
            if story is not None:  # a small story folder, file by file
                help_md += ["", f"**{name}:**", "", *story_markdown(story)]
                help_text += f"\n\n{name}:\n" + "\n".join(f"{path}:\n{text}" for path, text in story)
        out.append({
            "id": code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": checks},
            "helpUri": f"{RULES_DOC}#{code.lower()}",
            "help": {"text": help_text or r.summary, "markdown": "\n".join(help_md)},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
            "properties": {"tags": ["factcheck", f"{r.family}xx"]},
        })
    return out


def story_folder(report: Report) -> str:
    """The story's folder as the report spells its ledger's path: 'stories/a', or '.'."""
    return PurePosixPath(report.ledger.replace("\\", "/")).parent.as_posix()


def _artifact(path: str) -> dict[str, Any]:
    posix = path.replace("\\", "/")
    if posix.startswith("/"):  # outside the repository: an absolute file URI, no base
        return {"uri": "file://" + quote(posix, safe="/")}
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _region(loc: Location) -> dict[str, int]:
    """A full region: the finding's line and column, one character wide (the line's start when
    the finding names no column; the file's start when it names no line)."""
    line = loc.line or 1
    column = loc.column or 1
    return {"startLine": line, "startColumn": column, "endLine": line, "endColumn": column + 1}


def _fingerprint(f: Finding, story: str, seen: dict[str, int]) -> str:
    """Stable across runs: the rule, the story, the claims and sources named, the figure it is
    about (a draft's figures near one claim); when the finding names no claim (a file's problem),
    its file and its message with any line number taken out; and which occurrence of that key it
    is. Never a line number."""
    what = [f.code, story, ",".join(f.claims), ",".join(f.sources), f.figure or ""]
    if not f.claims:
        what += [f.location.path if f.location is not None else "", _LINE.sub("line", f.message)]
    key = "\x1f".join(what)
    n = seen[key] = seen.get(key, 0) + 1
    return hashlib.sha256(f"{key}\x1f{n}".encode()).hexdigest()[:32]


def _run(report: Report, rules: list[dict[str, Any]]) -> dict[str, Any]:
    index = {r["id"]: n for n, r in enumerate(rules)}
    story = story_folder(report)
    seen: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    for f in report.findings:
        loc = f.location or Location(path=report.ledger)
        res: dict[str, Any] = {
            "ruleId": f.code,
            "level": LEVEL[f.severity],
            "message": {"text": f.message + "".join(f"\n- {d}" for d in f.derivation)},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(loc.path), "region": _region(loc)}}],
            "partialFingerprints": {FINGERPRINT: _fingerprint(f, story, seen)},
            "suppressions": [] if f.accepted is None else [
                {"kind": "inSource", "status": "accepted", "justification": f.accepted}],
            "properties": {"claims": f.claims, "sources": f.sources},
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        results.append(res)
    return {
        "tool": {"driver": {"name": "factcheck", "version": __version__, "informationUri": RULES_DOC,
                            "rules": rules}},
        "automationDetails": {"id": "factcheck/" if story == "." else f"factcheck/{story}/"},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
