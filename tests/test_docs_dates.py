"""docs/dates.md shows what factcheck does: every row of its tables reads to the days it states."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from factcheck.dates import parse_period

DOC = Path(__file__).resolve().parent.parent / "docs" / "dates.md"
ROWS = re.findall(r"^\| `([^`]+)` \| ([^|]+) \|$", DOC.read_text(encoding="utf-8"), re.MULTILINE)


def test_the_doc_has_its_tables() -> None:
    assert len(ROWS) > 90


@pytest.mark.parametrize(("text", "days"), ROWS, ids=[r[0] for r in ROWS])
def test_each_documented_form_means_the_days_shown(text: str, days: str) -> None:
    assert parse_period(text, date(2025, 6, 20)).describe() == days.strip()
