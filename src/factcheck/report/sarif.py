"""`--format sarif`: SARIF 2.1.0, so code-scanning tools show findings on claims.toml's lines."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from factcheck import __version__
from factcheck.model import Report, Severity
from factcheck.rules import load_rules

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def render(report: Report) -> str:
    rules = load_rules()
    index = {code: n for n, code in enumerate(rules)}
    driver_rules = []
    for code, r in rules.items():
        sections = r.sections()
        driver_rules.append({
            "id": code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": sections.get("What it checks", r.summary)},
            "help": {"text": "\n\n".join(f"{k}:\n{sections[k]}" for k in ("Why an editor cares", "Example", "Passes")
                                        if k in sections)},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
        })
    results: list[dict[str, Any]] = []
    for f in report.findings:
        res: dict[str, Any] = {
            "ruleId": f.code,
            "level": LEVEL[f.severity],
            "message": {"text": f.message + "".join(f"\n- {d}" for d in f.derivation)},
            "properties": {"claims": f.claims, "sources": f.sources},
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        if f.location is not None:
            phys: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.location.path)}}
            if f.location.line:
                region: dict[str, Any] = {"startLine": f.location.line}
                if f.location.column:
                    region["startColumn"] = f.location.column
                phys["region"] = region
            res["locations"] = [{"physicalLocation": phys}]
        if f.accepted is not None:
            res["suppressions"] = [{"kind": "inSource", "justification": f.accepted}]
        results.append(res)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": driver_rules}},
            "results": results,
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
