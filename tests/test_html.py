"""The HTML report's charts: units on every number line, axis labels that never overlap, the
outlier red and the consensus not, the same red as `factcheck timeline`'s ✗; and the page as a
browser draws it (headless Chromium, skipped where none is installed)."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.engine import Options, run
from factcheck.model import AmountOut, ClaimResult, ClaimStatus, Report, Summary, WhenOut
from factcheck.report.html import CHAR_PX, RED, TICK_GAP_PX, render
from tests.conftest import STORIES, console, invoke

ROOT = Path(__file__).resolve().parent.parent
WILDFIRE = STORIES / "wildfire-charts"


def _page(ledger: Path) -> str:
    return render(run(Options(claims=ledger, fail_on="never")))


def _charts(html: str) -> dict[tuple[str, str], str]:
    """(kind, subject) -> the chart's SVG."""
    out = {}
    for m in re.finditer(r'<svg [^>]*class="chart ([\w-]+)"[^>]*aria-label="[\w-]+ of ([^"]+)".*?</svg>', html):
        out[(m[1], m[2])] = m[0]
    return out


def _ticks(svg: str) -> list[tuple[float, str]]:
    return [(float(x), t) for x, t in re.findall(r'<text class="tick" x="([\d.]+)"[^>]*>([^<]*)</text>', svg)]


def _bars(svg: str) -> dict[str, bool]:
    """claim id -> drawn red."""
    out = {}
    for m in re.finditer(r'<(?:rect|g) class="bar( at-fault)?" data-claim="([^"]+)"(.*?)(?:</rect>|</g>)', svg):
        red = m[1] is not None
        assert red == (RED in m[3]), m[0]  # the class and the colour agree
        out[m[2]] = red
    return out


def _words(svg: str) -> list[str]:
    return [t for t in re.findall(r'<text class="words"[^>]*><title>[^<]*</title>([^<]*)</text>', svg)]


@pytest.fixture(scope="module")
def bundled() -> str:
    return _page(ROOT / "claims.toml")


@pytest.fixture(scope="module")
def wildfire() -> str:
    return _page(WILDFIRE / "claims.toml")


def test_every_axis_has_distinct_labels_that_do_not_overlap(bundled: str, wildfire: str) -> None:
    charts = {**_charts(bundled), **_charts(wildfire)}
    assert len(charts) == 14  # 9 in the bundled story (8 timelines, 1 number line), 5 in the wildfire
    for key, svg in charts.items():
        ticks = _ticks(svg)
        assert len(ticks) >= 2, key
        assert len({t for _, t in ticks}) == len(ticks), key
        for (xa, a), (xb, b) in zip(ticks, ticks[1:], strict=False):
            assert xb - xa >= (len(a) + len(b)) * CHAR_PX / 2 + TICK_GAP_PX, (key, a, b)


def test_a_subject_on_one_day_gets_separate_day_labels(bundled: str) -> None:
    svg = _charts(bundled)[("timeline", "pak-speech")]
    assert [t for _, t in _ticks(svg)] == ["2025-04-28", "2025-04-29", "2025-04-30", "2025-05-01", "2025-05-02"]
    assert "2025-04-302025-04-30" not in re.sub(r"<[^>]+>", "", svg)


@pytest.mark.parametrize(("subject", "caption", "first_tick", "words"), [
    ("nk-shells.shipped", "rounds", "0", ["✗ over 9 million rounds", "as many as nine million rounds",
                                         "as many as nine million rounds"]),
    ("fire.cost", "USD", "$3.6 million", ["$4.2 million", "an estimated $4 million"]),
    ("fire.containment", "percent", "61.5%", ["62%", "62 percent"]),  # 62% is 61.5-62.5%
    ("fire.acres", "acres", "10,000", ["12,400 acres", "roughly 12,000 acres", "✗ some 21,000 acres"]),
    ("fire.evacuated", "residents", "3,000", ["more than 3,000 residents", "about 3,500 residents"]),
])
def test_number_lines_carry_the_unit(bundled: str, wildfire: str, subject: str, caption: str, first_tick: str,
                                     words: list[str]) -> None:
    svg = {**_charts(bundled), **_charts(wildfire)}[("number-line", subject)]
    assert re.search(rf'<text class="unit"[^>]*>{re.escape(caption)}</text>', svg)
    assert _ticks(svg)[0][1] == first_tick
    assert _words(svg) == words


@pytest.mark.parametrize(("page", "kind", "subject", "red", "blue"), [
    ("bundled", "number-line", "nk-shells.shipped", ["shells-jd"], ["shells-2023", "shells-msmt"]),
    ("bundled", "timeline", "nk-shells.shipped", ["shells-msmt"], ["shells-2023"]),
    ("bundled", "timeline", "nk-troops.first-deployment", ["first-deployment-jd", "first-deployment-nis"], []),
    # a failed order ("the treaty before the first deployment") blames neither side: both are drawn red
    ("bundled", "timeline", "treaty.signed", ["treaty-signed"], ["treaty-signed-jd", "treaty-signed-kcna",
                                                                 "treaty-signed-kt", "treaty-signed-shoigu"]),
    ("wildfire", "number-line", "fire.acres", ["acres-radio"], ["acres-cal-fire", "acres-chronicle"]),
    ("wildfire", "timeline", "fire.start", [], ["fire-started-cal-fire", "fire-started-chronicle"]),
])
def test_the_outlier_is_red_and_the_consensus_is_not(bundled: str, wildfire: str, page: str, kind: str, subject: str,
                                                      red: list[str], blue: list[str]) -> None:
    svg = _charts(bundled if page == "bundled" else wildfire)[(kind, subject)]
    bars = _bars(svg)
    assert sorted(c for c, r in bars.items() if r) == sorted(red)
    assert sorted(c for c, r in bars.items() if not r) == sorted(blue)


@pytest.mark.parametrize("ledger", [ROOT / "claims.toml", WILDFIRE / "claims.toml"], ids=["bundled", "wildfire"])
def test_html_timelines_are_red_where_the_text_timeline_marks_x(ledger: Path) -> None:
    from factcheck.report.timeline_chart import print_timeline

    report = run(Options(claims=ledger))
    con, buf = console(160)
    assert print_timeline(report, con)
    crossed = {line.split()[0] for line in buf.getvalue().splitlines() if " ✗ " in line}
    red = {cid for (kind, _), svg in _charts(render(report)).items() if kind == "timeline"
           for cid, is_red in _bars(svg).items() if is_red}
    assert red == crossed
    if ledger.parent == ROOT:
        assert crossed == {"first-deployment-jd", "first-deployment-nis", "shells-msmt", "treaty-signed"}


def test_figure_column_keeps_the_unit(bundled: str, wildfire: str) -> None:
    assert "<td>over 9 million rounds</td>" in bundled
    assert "<td>10,900 soldiers</td>" in bundled
    assert "<td>$4.2 million</td>" in wildfire and "<td>62%</td>" in wildfire
    assert "<td>12,400 acres</td>" in wildfire


def test_errors_let_through_are_not_shown_green(bundled: str) -> None:
    assert '<div class="verdict v-warning">4 errors (not blocking with --fail-on never)</div>' in bundled


CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed (Debian: apt-get install chromium)")
@pytest.mark.parametrize("story", [ROOT, WILDFIRE], ids=["bundled", "wildfire"])
def test_the_page_renders_in_headless_chromium(cli: CliRunner, tmp_path: Path, story: Path) -> None:
    page = tmp_path / "report.html"
    r = invoke(cli, ["report", "--format", "html", "--fail-on", "never", "-o", str(page)], cwd=story)
    assert r.exit_code == 0
    shot = tmp_path / "report.png"
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         f"--screenshot={shot}", "--window-size=1100,3000", page.as_uri()],
        capture_output=True, timeout=120, check=False)
    assert shot.is_file(), done.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1100, 3000)
    assert len(data) > 40_000  # a page with text and charts, not a blank one


_value = st.floats(min_value=-1e13, max_value=1e13, allow_nan=False) | st.integers(-10**6, 10**12)
def _ordered(t: tuple[float | int | None, float | int | None]) -> tuple[float | int | None, float | int | None]:
    lo, hi = t
    return t if lo is None or hi is None else (min(lo, hi), max(lo, hi))


_amount = st.tuples(st.none() | _value, st.none() | _value).map(_ordered)
_day = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(amounts=st.lists(_amount, min_size=2, max_size=5),
       unit=st.sampled_from([None, "USD", "EUR", "CHF", "%", "soldiers"]),
       periods=st.lists(st.tuples(_day, st.integers(0, 4000)), min_size=2, max_size=5))
@settings(max_examples=200, deadline=None)
def test_any_axis_has_distinct_labels_apart(amounts: list[tuple[float | None, float | None]], unit: str | None,
                                            periods: list[tuple[date, int]]) -> None:
    claims = [ClaimResult(id=f"c{n}", status=ClaimStatus.SUPPORTED, source="s", subject="x", unit=unit,
                          amount=AmountOut(f"figure {n}", lo, hi)) for n, (lo, hi) in enumerate(amounts)]
    claims += [ClaimResult(id=f"d{n}", status=ClaimStatus.SUPPORTED, source="s", subject="y",
                           when=WhenOut(f"period {n}", start.isoformat(), min(date(2100, 12, 31), start
                                                                              + timedelta(days=days)).isoformat()))
               for n, (start, days) in enumerate(periods)]
    report = Report(summary=Summary(claims=len(claims), sources=1, error=0, warning=0, info=0), claims=claims,
                    findings=[])
    for key, svg in _charts(render(report)).items():
        ticks = _ticks(svg)
        assert ticks, key
        assert len({t for _, t in ticks}) == len(ticks), (key, ticks)
        for (xa, a), (xb, b) in zip(ticks, ticks[1:], strict=False):
            assert xb - xa >= (len(a) + len(b)) * CHAR_PX / 2 + TICK_GAP_PX, (key, a, b)
        if key[0] == "number-line" and unit in ("USD", "EUR"):
            assert all(t.lstrip("-").startswith("$" if unit == "USD" else "€") for _, t in ticks), ticks


def test_claims_table_status_is_red_where_the_charts_fault_the_claim(wildfire: str, bundled: str) -> None:
    def status_class(html: str, cid: str) -> str:
        m = re.search(rf'<code>{re.escape(cid)}</code>.*?<td class="([^"]+)">\w+</td></tr>', html)
        assert m is not None, cid
        return m[1]

    assert status_class(wildfire, "acres-radio") == "s-conflicting at-fault"  # the outlier
    assert status_class(wildfire, "acres-cal-fire") == "s-conflicting"  # the consensus it is measured against
    assert status_class(bundled, "shells-jd") == "s-conflicting at-fault"
    assert status_class(bundled, "shells-2023") == "s-conflicting"
    assert status_class(bundled, "troops-batch-1") == "s-supported"


@pytest.mark.parametrize(("code", "severity", "claims", "at_fault"), [
    ("FC301", "error", ["b", "a"], {"b"}),  # the outlier, not the consensus
    ("FC303", "error", ["a", "b"], {"a"}),
    ("FC401", "error", ["a", "b"], {"b"}),  # b's own evidence does not support it
    ("FC202", "warning", ["a", "b"], {"a"}),  # a total: the claim the finding is about, not its parts
    ("FC601", "error", ["a"], set()),  # the draft is at fault, not the nearest claim it names
    ("FC501", "warning", ["a", "b"], set()),  # one source: nothing is wrong with the figure
    ("FC108", "info", ["a"], set()),
])
def test_claims_at_fault(code: str, severity: str, claims: list[str], at_fault: set[str]) -> None:
    from factcheck.model import Finding, Severity
    from factcheck.report import claims_at_fault

    rows = [ClaimResult(id="a", status=ClaimStatus.SUPPORTED, source="s"),
            ClaimResult(id="b", status=ClaimStatus.CONTRADICTED if code == "FC401" else ClaimStatus.CONFLICTING,
                        source="s")]
    finding = Finding(code=code, severity=Severity(severity), message="m", claims=claims)
    report = Report(summary=Summary(claims=2, sources=1, error=0, warning=0, info=0), claims=rows, findings=[finding])
    assert claims_at_fault(report) == at_fault
    finding.accepted = "the desk's decision"
    assert claims_at_fault(report) == set()
