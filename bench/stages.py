"""Where the time of one verify goes, stage by stage, through the engine's public functions.

    python bench/stages.py STORY [--repeat 5]

Prints the median of each stage over --repeat runs in this one process: imports, reading the
ledger, reading the sources, resolving claims (figures, dates, quotes), the rules, building the
report, and writing it as JSON. A later run reuses what the memo caches of the readers kept, so
the first run is printed too. For a profile of one stage, run under
`python -m cProfile -s cumtime bench/stages.py STORY --repeat 1`.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("story", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    gc.disable()  # as the command does (factcheck/entry.py): a collection would land in some stage
    t0 = time.perf_counter()
    from factcheck.engine import Options, check
    from factcheck.load import read_ledger, read_sources
    from factcheck.report import render
    from factcheck.resolve import resolve
    from factcheck.rules import load_rules, select

    rules = select(load_rules(), [], [])
    imports = time.perf_counter() - t0
    ledger = a.story / "claims.toml"
    runs: list[dict[str, float]] = []
    for _ in range(a.repeat):
        times: dict[str, float] = {}
        t = time.perf_counter()
        raw = read_ledger(ledger)
        times["ledger (TOML, line map)"] = time.perf_counter() - t
        t = time.perf_counter()
        problems: list = []  # type: ignore[type-arg]
        sources = read_sources(a.story / "sources", a.story, problems)
        times["sources (read, front matter, fold)"] = time.perf_counter() - t
        t = time.perf_counter()
        story = resolve(raw, sources, problems)
        draft = a.story / "draft.md"
        if draft.is_file():
            story.draft_text, story.draft_path = draft.read_text(encoding="utf-8"), draft
        times["resolve (models, figures, dates, quotes)"] = time.perf_counter() - t
        t = time.perf_counter()
        report = check(story, rules, Options(claims=ledger))
        times["rules, accepts, statuses, report rows"] = time.perf_counter() - t
        t = time.perf_counter()
        render(report, "json")
        times["JSON"] = time.perf_counter() - t
        runs.append(times)
    print(f"imports (pydantic, rules, reporters): {imports:.3f} s")
    for name in runs[0]:
        values = [r[name] for r in runs]
        print(f"{name:45s} first {values[0]:.3f} s, median {statistics.median(values):.3f} s")


if __name__ == "__main__":
    main()
