"""Time `factcheck verify --format json` against the baseline (bench/baseline.py), and start-up.

    python bench/run.py [--sizes 10000 20000] [--repeat 3]

Each command runs as its own process; the best of --repeat runs is kept, and peak memory comes
from os.wait4 for that process alone. Prints the figures the README quotes. Time a regular
install (`pip install .`): an editable one under PYTHONDONTWRITEBYTECODE compiles every module
on every run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(seconds, peak MiB) of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float]:
    runs = [measure(cmd, cwd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000])
    ap.add_argument("--sources", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    exe = shutil.which("factcheck") or str(Path(sys.executable).parent / "factcheck")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    pass_t, _ = best([sys.executable, "-c", "pass"], 10)
    help_t, help_mem = best([exe, "--help"], 10)
    print(f"start-up: factcheck --help {help_t * 1000:.0f} ms, python -c pass {pass_t * 1000:.0f} ms, "
          f"ratio {help_t / pass_t:.2f} (target <= 2.5)")
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in a.sizes:
            story = Path(tmp) / f"story-{n}"
            generate(story, n, a.sources)
            base_t, base_mem = best([sys.executable, str(HERE / "baseline.py"), str(story)], a.repeat)
            tomli_t, _ = best([sys.executable, str(HERE / "baseline.py"), str(story), "--tomli"], a.repeat)
            fc_t, fc_mem = best([exe, "verify", "--format", "json"], a.repeat, cwd=story)
            times[n] = fc_t
            print(f"{n:>6} claims / {a.sources} sources: factcheck {fc_t:.2f} s ({fc_mem:.0f} MiB), "
                  f"baseline {base_t:.2f} s ({base_mem:.0f} MiB), ratio {fc_t / base_t:.2f} (target <= 2); "
                  f"baseline with tomli {tomli_t:.2f} s, ratio {fc_t / tomli_t:.2f}")
    if len(times) >= 2:
        ns = sorted(times)
        print(f"growth {ns[0]} -> {ns[-1]}: {times[ns[-1]] / times[ns[0]]:.2f}x for "
              f"{ns[-1] / ns[0]:.1f}x the claims (target <= 2.2)")


if __name__ == "__main__":
    main()
