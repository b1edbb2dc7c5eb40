"""Measure two date libraries against factcheck's own reader on the phrase table.

Run in a separate virtual environment that has the libraries (they are not dependencies):

    python -m venv /tmp/dl && /tmp/dl/bin/pip install dateparser recognizers-text-date-time "emoji<2"
    /tmp/dl/bin/python bench/date_libraries.py

For each phrase of tests/test_dates_table.py (its anchor and exact days) it counts what each
library reads at all, what it resolves to the SPEC's exact interval, the time per phrase, and
the import cost (in a fresh interpreter).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = {"FRI": date(2025, 6, 20), "WED": date(2023, 3, 22), "JAN": date(2024, 1, 10), "NOV": date(2024, 11, 28)}


def table() -> list[tuple[str, date, str | None, str | None]]:
    tree = ast.parse((ROOT / "tests" / "test_dates_table.py").read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "TABLE")
    assert isinstance(node.value, ast.List)
    rows = []
    for elt in node.value.elts:
        assert isinstance(elt, ast.Tuple)
        text, anchor, start, end = elt.elts
        if isinstance(anchor, ast.Name):
            a = ANCHORS[anchor.id]
        else:  # date(y, m, d)
            assert isinstance(anchor, ast.Call)
            a = date(*(ast.literal_eval(x) for x in anchor.args))
        value = [None if isinstance(x, ast.Name) else ast.literal_eval(x) for x in (text, start, end)]
        rows.append((value[0], a, value[1], value[2]))
    return rows


def import_cost(stmt: str) -> str:
    code = f"import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src")})
    return f"{float(out.stdout.split()[-1]) * 1000:.0f} ms" if out.returncode == 0 else "failed"


def dateparser_row(text: str, anchor: date) -> tuple[bool, tuple[str, str] | None]:
    import dateparser

    d = dateparser.parse(text, settings={"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
                                         "PREFER_DATES_FROM": "past"})
    return d is not None, None if d is None else (d.date().isoformat(), d.date().isoformat())


def recognizers_rows() -> object:
    from recognizers_date_time import DateTimeRecognizer

    model = DateTimeRecognizer("en-us").get_datetime_model()

    def row(text: str, anchor: date) -> tuple[bool, set[tuple[str | None, str | None]]]:
        results = model.parse(text, datetime(anchor.year, anchor.month, anchor.day))
        full = any(r.start == 0 and r.end == len(text) - 1 for r in results)
        got: set[tuple[str | None, str | None]] = set()
        for r in results:
            for v in (r.resolution or {}).get("values", []):
                if "value" in v:
                    got.add((v["value"][:10], v["value"][:10]))
                s, e = v.get("start"), v.get("end")
                got.add((s and s[:10], e and e[:10]))
                try:  # its ranges end on the day after: accept that reading too
                    got.add((s and s[:10], e and (date.fromisoformat(e[:10]) - timedelta(days=1)).isoformat()))
                except ValueError:
                    pass
        return full, got

    return row


def main() -> None:
    rows = table()
    print(f"{len(rows)} phrases")
    print("import dateparser:", import_cost("import dateparser"))
    print("import recognizers_date_time:", import_cost("import recognizers_date_time"))
    print("import factcheck.dates (+ compiling its patterns):",
          import_cost("import factcheck.dates as d; d.parse_period('late 2023')"))

    t = time.perf_counter()
    read = exact = 0
    for text, anchor, s, e in rows:
        ok, days = dateparser_row(text, anchor)
        read += ok
        exact += days == (s, e)
    print(f"dateparser: reads {read}, exact interval {exact}, {(time.perf_counter() - t) / len(rows) * 1000:.1f} ms/phrase")

    rec = recognizers_rows()
    t = time.perf_counter()
    read = exact = 0
    for text, anchor, s, e in rows:
        full, got = rec(text, anchor)  # type: ignore[operator]
        read += full
        exact += (s, e) in got
    print(f"recognizers: whole phrase {read}, exact interval {exact}, "
          f"{(time.perf_counter() - t) / len(rows) * 1000:.1f} ms/phrase")

    sys.path.insert(0, str(ROOT / "src"))
    from factcheck.dates import parse_period

    t = time.perf_counter()
    exact = 0
    for text, anchor, s, e in rows:
        p = parse_period(text, anchor)
        exact += (p.first and p.first.isoformat(), p.last and p.last.isoformat()) == (s, e)
    print(f"factcheck.dates: exact interval {exact}, {(time.perf_counter() - t) / len(rows) * 1000:.2f} ms/phrase")


if __name__ == "__main__":
    main()
