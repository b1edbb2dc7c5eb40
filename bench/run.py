"""Time `factcheck verify` against the least possible work, on the varied benchmark story.

    python bench/run.py [--pairs 7] [--claims 10000] [--sources 1000] [--forms-known | --uniform]

Measures, each command as its own process, in pairs (A B A B ...: the two commands alternate,
and the figure is the median of the per-pair ratios, so drift on a shared machine cancels):

  1. `factcheck verify --format json` on 10,000 claims / 1,000 sources against bench/baseline.py
     (parse the ledger with tomllib, read and fold every source, find each quote with `in`);
     target: at most 2x;
  2. verify on 20,000 claims against verify on 10,000; target: at most 2.2x;
  3. `factcheck --help` against `python -c pass`; target: at most 2.5x;
  4. peak memory (os.wait4's ru_maxrss) of each verify and of the baseline.

First it checks that the story is read correctly: the story is consistent by construction, so
any error or warning is a checker's mistake. The findings are printed by code and by the form
that caused them (bench/varied.py records each claim's forms), and the run exits 1. A verify that
cannot run at all (exit 2) is reported the same way. Targets missed are printed, not failed.

Time a regular install (`pip install .`): an editable one under PYTHONDONTWRITEBYTECODE compiles
every module on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from varied import FORMS  # noqa: E402


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(seconds, peak MiB) of one run of cmd, which must exit 0 or 1.

    Linux keeps a process's peak memory across fork and exec, so a command's peak reads no less
    than this process's own size when it started the command: this process does no large work
    itself (about 12 MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return elapsed, usage.ru_maxrss / 1024


def paired(a: list[str], b: list[str], pairs: int, cwd_a: Path | None = None,
           cwd_b: Path | None = None) -> tuple[float, float, float, float, float]:
    """Run a and b alternately `pairs` times: (median ratio a/b, median a s, median b s,
    peak MiB of a, peak MiB of b)."""
    measure(a, cwd_a)  # warm the file cache for both before the first pair
    measure(b, cwd_b)
    ratios, ta, tb, ma, mb = [], [], [], 0.0, 0.0
    for i in range(pairs):
        if i % 2 == 0:
            sa, pa = measure(a, cwd_a)
            sb, pb = measure(b, cwd_b)
        else:
            sb, pb = measure(b, cwd_b)
            sa, pa = measure(a, cwd_a)
        ratios.append(sa / sb)
        ta.append(sa)
        tb.append(sb)
        ma, mb = max(ma, pa), max(mb, pb)
    return statistics.median(ratios), statistics.median(ta), statistics.median(tb), ma, mb


def check_story(exe: str, story: Path) -> int:
    """Verify the story once and print what a correct checker would not report. Returns the
    number of errors and warnings (or 1 when verify cannot run at all)."""
    proc = subprocess.run([exe, "verify", "--format", "json", "--fail-on", "never"], cwd=story,
                          capture_output=True, text=True)
    if proc.returncode == 2 or not proc.stdout.strip():
        print(f"verify could not run the story (exit {proc.returncode}): {proc.stderr.strip()[:300]}")
        return 1
    doc = json.loads(proc.stdout)
    bad = [f for f in doc["findings"] if f["severity"] in ("error", "warning")]
    if not bad:
        print(f"story read correctly: {doc['summary']['claims']} claims, no error, no warning")
        return 0
    forms_path = story / FORMS
    forms = json.loads(forms_path.read_text(encoding="utf-8")) if forms_path.exists() else {}
    by_code = Counter(f"{f['code']} {f['severity']}" for f in bad)
    by_form: Counter[str] = Counter()
    for f in bad:
        for form in {form for cid in f["claims"] for form in forms.get(cid, {}).get("forms", [])}:
            by_form[form] += 1
    print(f"story NOT read correctly: {len(bad)} errors and warnings on a consistent story")
    for code, n in by_code.most_common():
        print(f"  {n:6d} {code}")
    if by_form:
        print("  findings by the forms of the claims they name (most first):")
        for form, n in by_form.most_common(40):
            print(f"  {n:6d} {form}")
    return len(bad)


def verdict(ratio: float, target: float) -> str:
    return f"target <= {target}: {'met' if ratio <= target else 'NOT met'}"


def main() -> int:
    if sys.argv[1:2] == ["--check"]:
        exe = shutil.which("factcheck") or str(Path(sys.executable).parent / "factcheck")
        return 1 if check_story(exe, Path(sys.argv[2])) else 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=10_000)
    ap.add_argument("--sources", type=int, default=1_000)
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=7)
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--forms-known", action="store_true",
                      help="leave out the forms today's readers misread (see bench/README.md)")
    kind.add_argument("--uniform", action="store_true", help="the older one-template story")
    ap.add_argument("--keep", type=Path, help="write the stories here and keep them")
    a = ap.parse_args()
    exe = shutil.which("factcheck") or str(Path(sys.executable).parent / "factcheck")
    shape = "uniform" if a.uniform else "varied, forms known today" if a.forms_known else "varied"
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; story: {shape}, seed {a.seed}; {a.pairs} pairs")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = a.keep or Path(tmp)
        stories = {}
        for n in (a.claims, 2 * a.claims):
            stories[n] = root / f"story-{n}"
            if stories[n].exists():
                shutil.rmtree(stories[n])
            # In a process of its own: a child forked from a large parent would report the
            # parent's memory as its own peak.
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(stories[n]), "--claims", str(n),
                            "--sources", str(a.sources), "--seed", str(a.seed)]
                           + ["--uniform"] * a.uniform + ["--forms-known"] * a.forms_known, check=True)
        # In a process of its own, like the stories: this one stays small (see measure).
        failed = subprocess.run([sys.executable, __file__, "--check", str(stories[a.claims])]).returncode
        if failed and not a.forms_known and not a.uniform:
            print("(time the story the readers know with --forms-known while these are fixed)")
        if not failed:
            small, big = stories[a.claims], stories[2 * a.claims]
            verify = [exe, "verify", "--format", "json"]
            base = [sys.executable, str(HERE / "baseline.py"), str(small)]
            r, t_fc, t_base, m_fc, m_base = paired(verify, base, a.pairs, cwd_a=small)
            print(f"verify {a.claims:,} claims / {a.sources:,} sources: {t_fc:.2f} s, {m_fc:.0f} MiB; baseline "
                  f"{t_base:.2f} s, {m_base:.0f} MiB; ratio {r:.2f} ({verdict(r, 2.0)})")
            g, t_big, _, m_big, _ = paired(verify, verify, a.pairs, cwd_a=big, cwd_b=small)
            print(f"verify {2 * a.claims:,} claims: {t_big:.2f} s, {m_big:.0f} MiB; against {a.claims:,} claims "
                  f"{g:.2f}x ({verdict(g, 2.2)})")
    h, t_help, t_pass, m_help, _ = paired([exe, "--help"], [sys.executable, "-c", "pass"], max(a.pairs, 15))
    print(f"factcheck --help {t_help * 1000:.0f} ms, {m_help:.0f} MiB; python -c pass {t_pass * 1000:.0f} ms; "
          f"ratio {h:.2f} ({verdict(h, 2.5)})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
