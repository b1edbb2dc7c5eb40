"""The bundled story at the top level: what verify must flag, pinned in a golden file.

Regenerate the golden file after an intended change with
    FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_bundled_story.py
and review the diff: every line is a finding an editor will see.
"""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.engine import Options, run

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "bundled-story-findings.txt"


def _lines() -> list[str]:
    report = run(Options(claims=ROOT / "claims.toml"))
    out = [f"{f.code} {f.severity.value} {' '.join(f.claims)}" for f in report.findings]
    out += [f"status {c.id} {c.status.value}" for c in report.claims]
    return out


def test_bundled_story_matches_golden() -> None:
    got = "\n".join(_lines()) + "\n"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_bundled_story_flags_what_the_articles_get_wrong() -> None:
    report = run(Options(claims=ROOT / "claims.toml"))
    by = {(f.code, tuple(f.claims)): f for f in report.findings}
    total = by[("FC202", ("troops-total", "troops-batch-1", "troops-batch-2"))]
    assert total.severity.value == "warning"
    assert total.derivation == ["10,900 + around 3,000 (2,700-3,300) = 13,600-14,200",
                                "stated approximately 14,000 (12,600-15,400)",
                                "parts' figures sum to 13,900, 100 short"]
    assert by[("FC303", ("first-deployment-nis", "first-deployment-jd"))].severity.value == "error"
    assert by[("FC401", ("treaty-signed", "first-deployment-jd"))].severity.value == "error"
    # "over 9 million" cannot agree with either "as many as nine million": both are named
    assert ("FC302", ("shells-jd", "shells-2023", "shells-msmt")) in by
    assert ("FC303", ("shells-msmt", "shells-2023")) in by
    assert by[("FC501", ("nk-deaths-jun",))].severity.value == "info"
    statuses = {c.id: c.status.value for c in report.claims}
    assert statuses["treaty-signed"] == "supported"  # five sources agree on June 19, 2024
    # late 2023 conflicts with the NIS's date (FC303); the failed order (FC401) states no result,
    # so it contradicts neither side, and still blocks the story
    assert statuses["first-deployment-jd"] == "conflicting"
    assert report.failing("error")


def test_every_quote_of_the_bundled_story_is_in_its_source() -> None:
    report = run(Options(claims=ROOT / "claims.toml", select=["FC0", "FC1"]))
    assert [f for f in report.findings if f.severity.value != "info"] == []
