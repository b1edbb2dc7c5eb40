"""`verify --format github`: GitHub Actions workflow commands, one annotation per finding.

GitHub shows at most ten annotations of each level per step, so the CLI prints the full text
report after them and appends the Markdown memo to $GITHUB_STEP_SUMMARY when it is set.
"""

from __future__ import annotations

from factcheck.model import Report, Severity

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for f in report.findings:
        if f.accepted is not None:
            continue
        props = []
        if f.location is not None:
            props.append(f"file={escape_property(f.location.path)}")
            if f.location.line:
                props.append(f"line={f.location.line}")
            if f.location.column:
                props.append(f"col={f.location.column}")
        props.append(f"title={escape_property(f.code)}")
        body = f.message + "".join(f"\n{d}" for d in f.derivation)
        lines.append(f"::{LEVEL[f.severity]} {','.join(props)}::{escape_data(body)}")
    return "\n".join(lines) + ("\n" if lines else "")
