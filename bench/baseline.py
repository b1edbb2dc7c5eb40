"""The least work any checker must do: parse the ledger with tomllib, read every source once,
fold it, and find each quote with `in`. The benchmark compares factcheck against this.

    python bench/baseline.py STORY [--tomli]

--tomli parses with the compiled tomli that factcheck itself uses, for the ratio against the
same parser (the issue's target is against tomllib).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_TABLE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": '"', "\u2019": '"', "'": '"', "\u2013": "-",
                        "\u2014": "-", "\u00a0": " "})
_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    return _WS.sub(" ", text.translate(_TABLE).casefold()).strip()


def main(story: Path, use_tomli: bool = False) -> int:
    loads = tomllib.loads
    if use_tomli:
        import tomli

        loads = tomli.loads
    ledger = loads((story / "claims.toml").read_text(encoding="utf-8"))
    sources = {p.stem: fold(p.read_text(encoding="utf-8")) for p in (story / "sources").iterdir()}
    missing = sum(1 for c in ledger.get("claim", []) if fold(c.get("quote", "")) not in sources.get(c["source"], ""))
    print(missing)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), "--tomli" in sys.argv[2:]))
