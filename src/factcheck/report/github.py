"""`verify --format github`: GitHub Actions workflow commands, one annotation per finding.

GitHub shows at most ten annotations of each level per step, so `show` prints the full text
report after them and appends the Markdown memo to $GITHUB_STEP_SUMMARY when it is set.

A pull request from anyone may put text in a quote, an id or a file name, and GitHub runs any
log line that starts with `::` (or holds `##[`, the older form) as a command. So every annotation
is escaped the way GitHub documents (`%`, CR and LF in the message; also `:` and `,` in a property)
and stays on one line, `##[` is broken up, and the human report printed after the annotations is
fenced with `::stop-commands::<token>` ... `::<token>::` under a random token the text cannot know.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.model import Report, Severity
from factcheck.safe_text import for_terminal

if TYPE_CHECKING:
    from factcheck.report import Sink

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """GitHub's escapes, then no control character and no `##[` (GitHub's older command form,
    recognised anywhere in a line)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return for_terminal(text).replace("##[", "# #[")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True)
class Fence:
    """The lines that stop and resume GitHub's command processing around untrusted text."""

    start: str
    end: str


def stop_commands(token: str | None = None) -> Fence:
    token = token or secrets.token_hex(16)
    return Fence(f"::stop-commands::{token}\n", f"::{token}::\n")


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


def show(reports: Sequence[Report], sink: Sink, options: Mapping[str, Any]) -> None:
    """Annotations first; the memo to the step summary when GitHub provides one; then the text
    report, fenced so that GitHub runs no line of it (it quotes the files) as a command."""
    from factcheck.report import markdown, terminal

    sink.write("".join(render(r) for r in reports))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with open(summary, "a", encoding="utf-8") as fh:  # GitHub's own file: appended to
                for r in reports:
                    fh.write(markdown.render(r) + "\n")
        except OSError as e:
            sink.note(f"cannot write the step summary {summary}: {e.strerror or e}")
    fence = stop_commands() if reports else None
    if fence is not None:
        sink.write(fence.start)
    terminal.show(reports, sink, options)
    if fence is not None:
        sink.write(fence.end)
