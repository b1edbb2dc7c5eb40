"""The benchmark's story: every form of the contract is in it, and on the forms the readers know
a correct run is clean (bench/run.py fails when it is not)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import invoke

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402
from varied import FORMS, HEDGES, MISREAD_TODAY, RANGES, generate_varied  # noqa: E402


def test_the_varied_story_uses_every_hedge_and_range_and_many_period_forms(tmp_path: Path) -> None:
    used = generate_varied(tmp_path, 3000, 300, shared=300)
    hedges = {f"hedge '{w.replace('{}', 'v')}'" for words in HEDGES.values() for w in words if w}
    ranges = {f"range '{r.replace('{}', 'a', 1).replace('{}', 'b')}'" for r in RANGES}
    assert hedges | ranges <= set(used)
    periods = {"ISO date", "Q1 YYYY", "season YYYY", "fiscal YYYY", "last month", "on Weekday", "three weeks ago",
               "since Month YYYY", "by Month YYYY", "next year", "Easter YYYY", "Christmas YYYY"}
    assert periods <= set(used), periods - set(used)
    forms = json.loads((tmp_path / FORMS).read_text(encoding="utf-8"))
    assert len(forms) == 3000
    quotes = [line for line in (tmp_path / "claims.toml").read_text(encoding="utf-8").splitlines()
              if line.startswith("quote = ")]
    assert len(set(quotes)) > 0.95 * len(quotes)  # a sentence of its own per claim


def test_the_known_forms_story_reads_clean(tmp_path: Path) -> None:
    used = generate_varied(tmp_path, 600, 60, shared=100, forms_known=True)
    assert not MISREAD_TODAY & set(used)
    r = invoke(CliRunner(), ["verify", "--format", "json"], cwd=tmp_path)
    doc = json.loads(r.stdout)
    bad = [(f["code"], f["message"]) for f in doc["findings"] if f["severity"] != "info"]
    assert bad == []
    assert r.exit_code == 0 and doc["summary"]["claims"] == 600


def test_the_full_varied_story_reads_clean(tmp_path: Path) -> None:
    """Every form of the varied story, the ones once misread included: a correct run is clean."""
    assert MISREAD_TODAY == set()  # every form reads; a form found misread later goes back in the set
    generate_varied(tmp_path, 1500, 150, shared=150, seed=3)
    r = invoke(CliRunner(), ["verify", "--format", "json"], cwd=tmp_path)
    doc = json.loads(r.stdout)
    bad = [(f["code"], f["message"]) for f in doc["findings"] if f["severity"] != "info"]
    assert bad == []
    assert r.exit_code == 0 and doc["summary"]["claims"] == 1500


def test_the_uniform_story_reads_clean(tmp_path: Path) -> None:
    generate(tmp_path, 200, 20, shared=50, uniform=True)
    r = invoke(CliRunner(), ["verify", "--format", "json"], cwd=tmp_path)
    assert r.exit_code == 0 and json.loads(r.stdout)["summary"]["warning"] == 0
