"""Paired timing of two versions of factcheck on one story, to measure a change.

    python bench/ab.py STORY OLD_SRC [NEW_SRC] [--pairs 9] [-- VERIFY ARGS]

OLD_SRC (and NEW_SRC, by default the installed factcheck) is a directory holding the `factcheck`
package, such as a `git worktree`'s or `git archive`'s `src`. The two run alternately (A B B A
...), and the figure is the median of the per-pair ratios new/old, so drift on a shared machine
cancels.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import measure  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("story", type=Path)
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path, nargs="?")
    ap.add_argument("--pairs", type=int, default=9)
    ap.add_argument("args", nargs="*", default=["verify", "--format", "json"])
    a = ap.parse_args()

    def cmd(src: Path | None) -> list[str]:
        prefix = [] if src is None else ["env", f"PYTHONPATH={src.resolve()}"]
        return prefix + [sys.executable, "-m", "factcheck", *a.args]

    old, new = cmd(a.old), cmd(a.new)
    measure(old, a.story)
    measure(new, a.story)
    ratios, t_old, t_new = [], [], []
    for i in range(a.pairs):
        order = [(old, t_old), (new, t_new)] if i % 2 == 0 else [(new, t_new), (old, t_old)]
        for c, into in order:
            into.append(measure(c, a.story)[0])
        ratios.append(t_new[-1] / t_old[-1])
    print(f"old {statistics.median(t_old):.3f} s, new {statistics.median(t_new):.3f} s, "
          f"new/old {statistics.median(ratios):.3f} (median of {a.pairs} pairs; {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
