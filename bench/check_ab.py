"""Paired CPU time of the check stage (rules, accepts, statuses, report rows) and of writing JSON,
for two versions of factcheck on one story.

    python bench/check_ab.py STORY OLD_SRC NEW_SRC [--pairs 7]

Each run is a fresh process that reads and resolves the story, then times `engine.check` and
`report.render(report, "json")` in CPU seconds (steadier than wall time on a shared machine).
The trees run alternately (A B B A ...); the figure is the median of the per-pair ratios new/old.
Run each tree once first so its `__pycache__` is warm (with PYTHONDONTWRITEBYTECODE unset).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r'''
import gc, json, sys, time
from pathlib import Path
gc.disable()  # as the command does (factcheck/entry.py)
from factcheck.engine import Options, check
from factcheck.load import read_ledger, read_sources
from factcheck.report import render
from factcheck.resolve import resolve
from factcheck.rules import load_rules, select
d = Path(sys.argv[1])
rules = select(load_rules(), [], [])
problems = []
story = resolve(read_ledger(d / "claims.toml"), read_sources(d / "sources", d, problems), problems)
if (d / "draft.md").is_file():
    story.draft_text, story.draft_path = (d / "draft.md").read_text(encoding="utf-8"), d / "draft.md"
t = time.process_time(); report = check(story, rules, Options(claims=d / "claims.toml")); c = time.process_time() - t
t = time.process_time(); render(report, "json"); j = time.process_time() - t
print(json.dumps([c, j]))
'''


def _run(story: Path, src: Path) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    out = subprocess.run([sys.executable, "-c", CHILD, str(story)], env=env, capture_output=True, text=True,
                         check=True).stdout
    c, j = json.loads(out)
    return c, j


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("story", type=Path)
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--pairs", type=int, default=7)
    a = ap.parse_args()
    _run(a.story, a.old), _run(a.story, a.new)  # warm both
    olds, news, rc, rj = [], [], [], []
    for i in range(a.pairs):
        if i % 2 == 0:
            o = _run(a.story, a.old)
            n = _run(a.story, a.new)
        else:
            n = _run(a.story, a.new)
            o = _run(a.story, a.old)
        olds.append(o)
        news.append(n)
        rc.append(n[0] / o[0])
        rj.append(n[1] / o[1])
    med = statistics.median
    print(f"check: old {med(x[0] for x in olds):.3f} s, new {med(x[0] for x in news):.3f} s, "
          f"new/old {med(rc):.3f}; JSON: old {med(x[1] for x in olds):.3f} s, new {med(x[1] for x in news):.3f} s, "
          f"new/old {med(rj):.3f} ({a.pairs} pairs, CPU time)")


if __name__ == "__main__":
    main()
