"""The readers alone on a story's claims, first run, optionally paired against another tree.

    python bench/readers.py STORY [OLD_SRC] [--pairs 5]

Reads the story once to learn each claim's quote, anchor (its source's date), `amount` and
`when`, then times, in a fresh process each time, what resolve asks of the readers for them:
`speaks_of_future` and `find_periods_many` over the quotes, `find_amounts` over the quotes (told the date spans),
`parse_amount` of the amounts and `parse_period` of the `when`s. Times are CPU seconds of that
process (steadier than wall time on a shared machine). Given OLD_SRC (a directory holding a
`factcheck` package), the two trees run alternately and the figure is the median of the per-pair
ratios new/old; the two trees' readings are compared too, and any difference is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = ("speaks_of_future", "find_periods_many", "find_amounts", "parse_amount", "parse_period")


def collect(story: Path, out: Path) -> int:
    from factcheck.load import read_ledger, read_sources
    from factcheck.resolve import resolve

    problems: list = []  # type: ignore[type-arg]
    resolved = resolve(read_ledger(story / "claims.toml"), read_sources(story / "sources", story, problems), problems)
    s = resolved.settings
    items = [(c.claim.quote, c.anchor, c.speaks_of_future, c.claim.amount, c.claim.when) for c in resolved.claims]
    with out.open("wb") as f:
        pickle.dump({"items": items, "tol": s.tolerances, "dt": s.tolerance, "dollar": s.dollar,
                     "dcomma": s.decimal_comma, "conv": resolved.conventions}, f)
    return len(items)


def time_once(inputs: Path) -> None:
    """Run in a fresh process: time each stage, print the times and a digest of every reading."""
    from factcheck.dates import PeriodError, find_periods_many, parse_period, speaks_of_future
    from factcheck.figures import AmountError, find_amounts, parse_amount

    with inputs.open("rb") as f:
        d = pickle.load(f)
    items, tol, dt, dollar, dcomma, conv = d["items"], d["tol"], d["dt"], d["dollar"], d["dcomma"], d["conv"]
    quoted = [it for it in items if it[0]]
    times: dict[str, float] = {}
    digest = hashlib.sha256()

    t = time.process_time()
    futures = [speaks_of_future(q[0]) for q in quoted]
    times["speaks_of_future"] = time.process_time() - t
    t = time.process_time()
    periods = find_periods_many([q[0] for q in quoted], [q[1] for q in quoted], conv, [q[2] for q in quoted])
    times["find_periods_many"] = time.process_time() - t
    t = time.process_time()
    amounts = [find_amounts(q[0], tol, dt, [p.span for p in ps], dollar=dollar, decimal_comma=dcomma)
               for q, ps in zip(quoted, periods, strict=True)]
    times["find_amounts"] = time.process_time() - t
    t = time.process_time()
    parsed: list[object] = []
    for it in items:
        if it[3] is not None:
            try:
                parsed.append(parse_amount(it[3], tol, dt, dollar=dollar, decimal_comma=dcomma))
            except AmountError as e:
                parsed.append(str(e))
    times["parse_amount"] = time.process_time() - t
    t = time.process_time()
    whens: list[object] = []
    for it in items:
        if it[4] is not None:
            try:
                whens.append(parse_period(it[4], it[1], future=it[2], conventions=conv))
            except PeriodError as e:
                whens.append(str(e))
    times["parse_period"] = time.process_time() - t
    for part in (futures, periods, amounts, parsed, whens):
        for x in part:
            digest.update(repr(x).encode())
    print(json.dumps({"times": times, "digest": digest.hexdigest()}))


def run(inputs: Path, src: Path | None) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src.resolve())
    out = subprocess.run([sys.executable, __file__, "--time", str(inputs)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("story", type=Path, nargs="?")
    ap.add_argument("old", type=Path, nargs="?")
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--time", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.time is not None:
        time_once(a.time)
        return
    if a.story is None:
        ap.error("STORY is required")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.pickle"
        n = collect(a.story, inputs)
        print(f"{n} claims")
        news: list[dict] = []  # type: ignore[type-arg]
        olds: list[dict] = []  # type: ignore[type-arg]
        for i in range(a.pairs):
            order = [(None, news), (a.old, olds)] if i % 2 else [(a.old, olds), (None, news)]
            for src, into in order:
                if src is not None or into is news:
                    into.append(run(inputs, src))
        for name in (*STAGES, "total"):
            def total(r: dict, k: str = name) -> float:  # type: ignore[type-arg]
                return sum(r["times"].values()) if k == "total" else float(r["times"][k])
            line = f"{name:18s} new {statistics.median(total(r) for r in news):.3f} s"
            if olds:
                ratio = statistics.median(total(x) / total(y) for x, y in zip(news, olds, strict=True))
                line += f", old {statistics.median(total(r) for r in olds):.3f} s, new/old {ratio:.3f}"
            print(line)
        if olds:
            same = {r["digest"] for r in news} == {r["digest"] for r in olds}
            print("readings: identical" if same else "readings: DIFFER between the two trees")


if __name__ == "__main__":
    main()
