"""Generate a large, consistent story folder for the benchmark.

    python bench/generate.py OUT --claims 10000 --sources 1000 [--uniform]

By default the story is varied (bench/varied.py): every claim a sentence of its own, worded as
reporters word them, with every hedge, number spelling, scale, currency, percentage and period
form of the ledger contract, subjects of 1 to 12 claims and one of 1,000 claims with distinct but
agreeing intervals, sources of varied length and a draft of a few thousand lines.

--forms-known leaves out the forms today's readers misread (listed in varied.MISREAD_TODAY and
bench/README.md), for timing while those readers are fixed.

--uniform writes the older shape: one sentence template, five months, and one subject of 1,000
identical intervals. It is kept to compare with earlier figures; it flatters caches keyed on
repeated text.

Either way every claim quotes its source exactly and agrees with every other claim of its
subject, so a correct run reports no error and no warning.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from varied import generate_varied  # noqa: E402

OUTLETS = ["Daily Ledger", "Evening Post", "Wire Service", "Morning Star", "City Times"]


def hash_month(subject: str) -> int:
    """The same month for every claim of a subject, so periods agree."""
    return sum(map(ord, subject)) % 5


def generate(out: Path, n_claims: int, n_sources: int, shared: int = 1000, seed: int = 7,
             uniform: bool = False, forms_known: bool = False) -> None:
    """Write a benchmark story of n_claims claims over n_sources sources to out."""
    if uniform:
        generate_uniform(out, n_claims, n_sources, shared, seed)
    else:
        generate_varied(out, n_claims, n_sources, shared, seed, forms_known=forms_known)


def generate_uniform(out: Path, n_claims: int, n_sources: int, shared: int = 1000, seed: int = 7) -> None:
    rng = random.Random(seed)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    bodies: list[list[str]] = [[] for _ in range(n_sources)]
    claims: list[str] = ['[story]\ntitle = "Benchmark story"\npublished = 2025-06-30\n']
    subject_value: dict[str, int] = {}
    for i in range(n_claims):
        src = i % n_sources
        if i < shared:
            subject, value, hedge = "shared", 14000, rng.choice(["about", "around", "approximately", "some"])
        else:
            subject = f"subject-{i // 4}"
            value = subject_value.setdefault(subject, rng.randrange(100, 1_000_000))
            hedge = rng.choice(["", "about ", "nearly "]).strip()
        amount = f"{hedge} {value:,}".strip()
        month = ["January", "February", "March", "April", "May"][hash_month(subject)]
        sentence = (f"Officials in district {i} counted {amount} residents in {month} 2025, "
                    f"according to report number {i}.")
        bodies[src].append(sentence)
        claims.append(
            "[[claim]]\n"
            f'id = "c{i}"\n'
            f'subject = "{subject}"\n'
            f'source = "s{src}"\n'
            f'quote = "{amount} residents in {month} 2025"\n'
            f'amount = "{amount}"\n'
            'unit = "residents"\n'
            f'when = "{month} 2025"\n'
        )
    for s, lines in enumerate(bodies):
        outlet = OUTLETS[s % len(OUTLETS)]
        filler = " ".join(f"Paragraph {k} of background text without figures of note." for k in range(20))
        (out / "sources" / f"s{s}.md").write_text(
            f'+++\noutlet = "{outlet}"\npublished = 2025-06-{1 + s % 28:02d}\nurl = "https://bench.example/{s}"\n+++\n'
            + filler + "\n" + "\n".join(lines) + "\n",
            encoding="utf-8",
        )
    (out / "claims.toml").write_text("\n".join(claims), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--claims", type=int, default=10_000)
    ap.add_argument("--sources", type=int, default=1_000)
    ap.add_argument("--shared", type=int, default=1_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uniform", action="store_true", help="the older one-template story")
    ap.add_argument("--forms-known", action="store_true",
                    help="leave out the forms today's readers misread (varied.MISREAD_TODAY)")
    a = ap.parse_args()
    generate(a.out, a.claims, a.sources, min(a.shared, a.claims), a.seed, a.uniform, a.forms_known)


if __name__ == "__main__":
    main()
