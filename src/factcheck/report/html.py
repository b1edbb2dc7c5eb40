"""`--format html`: one self-contained page (inline CSS and SVG, no network, no JavaScript).

It shows the verdict, the findings, the claims table and, for each subject with more than one
claim, an SVG timeline of each source's period and a number line of each source's interval, with
claims in conflict drawn in red. Every piece of text is HTML-escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from html import escape as _html_escape

from factcheck.model import ClaimResult, Finding, Report, Severity
from factcheck.report import claims_at_fault, figure_with_unit
from factcheck.report.timeline_chart import date_axis
from factcheck.safe_text import for_terminal


def escape(text: str) -> str:
    """HTML-escaped, without control characters or bidi overrides (invisible in a page, and
    obeyed by a terminal when the page is printed with -o -)."""
    return _html_escape(for_terminal(text))

CSS = """
body{font:15px/1.45 Georgia,'Times New Roman',serif;color:#1d1d1f;max-width:980px;margin:2em auto;padding:0 1em}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
h3{font-size:1em;margin:1.2em 0 .3em;font-family:Menlo,Consolas,monospace}
.meta{color:#555}.verdict{font-size:1.15em;font-weight:bold;padding:.5em .8em;border-radius:4px;margin:.8em 0}
.v-error{background:#fde8e8;color:#9b1c1c}.v-warning{background:#fdf6e3;color:#8a6100}.v-ok{background:#e7f6ec;color:#1e6b3a}
.finding{border-left:4px solid #ccc;padding:.3em .8em;margin:.6em 0;background:#fafafa}
.finding.error{border-color:#c81e1e}.finding.warning{border-color:#d69e2e}.finding.info{border-color:#3f83f8}
.finding.accepted{opacity:.6}.code{font-family:Menlo,Consolas,monospace;font-weight:bold}
.loc{font-family:Menlo,Consolas,monospace;color:#666;font-size:.9em}
.deriv{margin:.2em 0 .2em 1.2em;padding:0;color:#333;font-size:.95em}blockquote{margin:.3em 0 .3em 1.2em;font-style:italic;color:#444}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid #e5e5e5;padding:.3em .4em;text-align:left;vertical-align:top}
th{background:#f3f3f3}.s-supported{color:#1e6b3a}.s-contradicted,.s-unsupported,.at-fault{color:#c81e1e;font-weight:bold}.s-conflicting{color:#b45309;font-weight:bold}
.s-unverifiable{color:#8a6100}td code{white-space:nowrap}.key-red{color:#c81e1e;font-weight:bold}.key-blue{color:#3f6fb5;font-weight:bold}
svg.chart{max-width:100%;height:auto;display:block;margin:.4em 0 1em}summary{cursor:pointer;margin-top:1.6em}mark{background:#fff3a3}svg text{font:12px Menlo,Consolas,monospace;fill:#333}
"""
W, ROW = 940, 22


def _verdict_class(report: Report) -> str:
    _, sev = report.verdict()
    if report.failing(report.fail_on):
        return "v-error"
    return "v-warning" if sev in (Severity.ERROR, Severity.WARNING) else "v-ok"  # errors let through: not green


def _finding(f: Finding) -> str:
    cls = f"finding {f.severity.value}" + (" accepted" if f.accepted is not None else "")
    parts = [f'<div class="{cls}"><span class="code">{escape(f.code)}</span> {escape(f.severity.value)}']
    if f.location:
        parts.append(f' <span class="loc">{escape(str(f.location))}</span>')
    parts.append(f"<div>{escape(f.message)}</div>")
    if f.derivation:
        parts.append('<ul class="deriv">' + "".join(f"<li>{escape(d)}</li>" for d in f.derivation) + "</ul>")
    if f.evidence:
        parts.append(f"<blockquote>“{_highlight(f.evidence, f.figure)}”</blockquote>")
    if f.accepted is not None:
        parts.append(f"<div><em>accepted:</em> {escape(f.accepted)}</div>")
    parts.append("</div>")
    return "".join(parts)


def _highlight(text: str, figure: str | None) -> str:
    if figure:
        i = text.lower().find(figure.lower())
        if i >= 0:
            return (escape(text[:i]) + "<mark>" + escape(text[i : i + len(figure)]) + "</mark>"
                    + escape(text[i + len(figure) :]))
    return escape(text)


RED, BLUE, GREY = "#c81e1e", "#3f6fb5", "#999"
CHAR_PX = 7.3  # the width of one character of the charts' 12px monospace text
TICK_GAP_PX = 16  # the least space between two axis labels


def _text_px(text: str) -> float:
    return len(text) * CHAR_PX


class _Frame:
    """A chart's columns: claim ids on the left, the plot, each claim's own words on the right."""

    def __init__(self, ids: list[str], words: list[str]) -> None:
        self.label = max(90.0, min(260.0, max(_text_px(i) for i in ids) + 12))
        self.value = max(70.0, min(230.0, max(_text_px(w) for w in words) + 12))
        self.plot = W - self.label - self.value - 8
        self.x0 = self.label

    def header(self, rows: int, kind: str, subject: str) -> tuple[list[str], int]:
        h = ROW * rows + 44
        return [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" width="{W}" height="{h}" '
                f'viewBox="0 0 {W} {h}" role="img" aria-label="{kind} of {escape(subject)}">'], h

    def row(self, y: int, cid: str, words: str, tip: str) -> list[str]:
        label_n = int((self.label - 12) / CHAR_PX)
        value_n = int((self.value - 8) / CHAR_PX)
        return [f'<text class="id" x="4" y="{y + 4}"><title>{escape(cid)}</title>{escape(_clip(cid, label_n))}</text>',
                f'<text class="words" x="{self.x0 + self.plot + 8:.1f}" y="{y + 4}">'
                f"<title>{escape(tip)}</title>{escape(_clip(words, value_n))}</text>"]

    def axis(self, y: int, ticks: list[tuple[float, str]], caption: str = "") -> list[str]:
        """The axis line, its labels (none past the plot's right end, where the caption goes) and
        the caption naming the axis's unit."""
        end = self.x0 + self.plot
        out = [f'<line class="axis" x1="{self.x0}" y1="{y}" x2="{end:.1f}" y2="{y}" stroke="{GREY}"/>']
        if caption:
            out.append(f'<text class="unit" x="{end + 8:.1f}" y="{y + 16}">{escape(caption)}</text>')
        for x, text in ticks:
            if x + _text_px(text) / 2 > end + 4 or x - _text_px(text) / 2 < 0:
                continue
            out.append(f'<line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 4}" stroke="{GREY}"/>')
            out.append(f'<text class="tick" x="{x:.1f}" y="{y + 16}" text-anchor="middle">{escape(text)}</text>')
        return out


def _spaced(candidates: list[tuple[float, str]], plot: float) -> bool:
    """Whether labels centred at these x positions stay apart."""
    return all(b[0] - a[0] >= (_text_px(a[1]) + _text_px(b[1])) / 2 + TICK_GAP_PX + 0.5  # x is printed to 0.1
               for a, b in zip(candidates, candidates[1:], strict=False)) and len(candidates) <= max(2, int(plot // 60))


def _date_ticks(lo: date, hi: date, x: Callable[[date], float], plot: float) -> list[tuple[float, str]]:
    """Dated axis labels that never overlap: whole years, months or days, as many as fit."""
    days = (hi - lo).days
    for step in (1, 2, 5, 10, 20, 50, 100):
        if days > 3 * 365:
            marks = [date(y, 1, 1) for y in range(lo.year + 1, hi.year + 1, step)]
            fmt = "%Y"
        elif days > 75:
            months = [date(lo.year + (lo.month - 1 + k) // 12, (lo.month - 1 + k) % 12 + 1, 1)
                      for k in range(1, (hi.year - lo.year) * 12 + hi.month - lo.month + 1)]
            marks = months[::step]
            fmt = "%Y-%m"
        else:
            marks = [lo + timedelta(days=k) for k in range(1, days, step)]
            fmt = "%Y-%m-%d"
        ticks = [(x(m), m.strftime(fmt)) for m in marks if lo < m < hi]
        if _spaced(ticks, plot):
            return ticks
    return [(x(lo + (hi - lo) / 2), (lo + (hi - lo) / 2).isoformat())]


def _timeline_svg(subject: str, claims: list[ClaimResult], red: set[str]) -> str:
    dated = sorted((c for c in claims if c.when is not None), key=lambda x: (x.when.start or "" if x.when else "", x.id))
    if len(dated) < 2:
        return ""
    first, last = date_axis(dated)
    pad = timedelta(days=max(3, (last - first).days // 20))
    lo, hi = first - pad, last + pad
    span = max(1, (hi - lo).days)
    f = _Frame([c.id for c in dated], ["✗ " + c.when.text for c in dated if c.when])

    def x(d: date) -> float:
        return f.x0 + (d - lo).days / span * f.plot

    out, _h = f.header(len(dated), "timeline", subject)
    for n, c in enumerate(dated):
        assert c.when is not None
        y = 8 + n * ROW + 9
        # A period runs to the end of its last day; an open end ("by June 2024") to the axis's edge.
        x0 = x(date.fromisoformat(c.when.start)) if c.when.start else f.x0
        x1 = x(date.fromisoformat(c.when.end) + timedelta(days=1)) if c.when.end else f.x0 + f.plot
        bad = c.id in red
        color = RED if bad else BLUE
        tip = f"{c.id} · {c.when.text}: {c.when.start or 'any time'} to {c.when.end or 'any time'}"
        out.append(f'<rect class="bar{" at-fault" if bad else ""}" data-claim="{escape(c.id)}" x="{x0:.1f}" '
                   f'y="{y - 6}" width="{max(4.0, x1 - x0):.1f}" height="12" rx="2" fill="{color}">'
                   f"<title>{escape(tip)}</title></rect>")
        for open_end, xv, d in ((c.when.start is None, x0, -1), (c.when.end is None, x1, 1)):
            if open_end:  # an arrowhead at the edge, as on a number line
                out.append(f'<path d="M{xv + 8 * d:.1f},{y} l{-8 * d},-7 v14 z" fill="{color}"/>')
        out.extend(f.row(y, c.id, ("✗ " if bad else "") + c.when.text, tip))
    y = 8 + len(dated) * ROW + 4
    out.extend(f.axis(y, _date_ticks(lo, hi, x, f.plot)))
    out.append("</svg>")
    return "".join(out)


def _unit_style(unit: str | None) -> tuple[str, str, str]:
    """(prefix, suffix, caption) for the numbers of an axis in this unit: "$" for USD, "%" for
    percent, a code after the number for another currency, and a noun as the axis caption."""
    if not unit:
        return "", "", ""
    from factcheck.figures.units import UnitKind, kind_of
    from factcheck.lexicon import SIGN_FOR_CODE

    kind = kind_of(unit)
    if kind is UnitKind.CURRENCY:
        return (SIGN_FOR_CODE[unit], "", unit) if unit in SIGN_FOR_CODE else ("", f" {unit}", unit)
    if kind is UnitKind.PERCENT:
        return "", "%", "percent"
    if kind is UnitKind.POINTS:
        return "", " pp", "percentage points"
    return "", "", unit


def _num_label(v: float, step: float, top: float, unit: str | None) -> str:
    """An axis number in the words of a story: 8.6 million, $34.2 billion, 12,600, 4.5%."""
    prefix, suffix, _ = _unit_style(unit)
    div, word = next((d, w) for d, w in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"), (1.0, ""))
                     if top >= d * 0.999 or d == 1.0)
    scaled_step = step / div
    if abs(v) < step * 1e-6:
        return prefix + "0" + suffix
    if scaled_step >= 1e-6:
        decimals = 0 if scaled_step >= 1 else -math.floor(math.log10(scaled_step) + 1e-9)
        text = f"{abs(v) / div:,.{decimals}f}{word}"
    else:  # figures too small for decimals: as many significant digits as the step needs
        digits = max(1, math.ceil(math.log10(max(abs(v), step) / step)) + 1)
        text = f"{abs(v):.{digits}g}"
    return ("-" if v < 0 else "") + prefix + text + suffix


def _num_ticks(lo: float, hi: float, x: Callable[[float], float], plot: float, unit: str | None) -> list[tuple[float, str]]:
    """Axis numbers at round steps (1, 2, 5 times a power of ten), as many as fit apart."""
    top = max(abs(lo), abs(hi))
    raw = (hi - lo) / 6
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for step in [m * mag * k for k in (1, 10, 100) for m in (1, 2, 5)]:
        first = math.ceil(lo / step)
        ticks = []
        k = first
        while k * step <= hi + step * 1e-9:
            ticks.append((x(k * step), _num_label(k * step, step, top, unit)))
            k += 1
        if len({t for _, t in ticks}) == len(ticks) and _spaced(ticks, plot):
            return ticks
    return [(x((lo + hi) / 2), _num_label((lo + hi) / 2, (hi - lo) or 1.0, top, unit))]


def _number_line_svg(subject: str, claims: list[ClaimResult], red: set[str]) -> str:
    """One number line per unit the subject's figures are in (units that do not match are not
    compared, FC304), each axis labelled in that unit."""
    by_unit: dict[str | None, list[ClaimResult]] = {}
    for c in claims:
        if c.amount is not None:
            by_unit.setdefault(c.unit, []).append(c)
    return "".join(_number_line(subject, unit, group, red) for unit, group in by_unit.items())


def _number_line(subject: str, unit: str | None, with_amounts: list[ClaimResult], red: set[str]) -> str:
    if len(with_amounts) < 2:
        return ""
    finite = [float(v) for c in with_amounts if c.amount for v in (c.amount.low, c.amount.high)
              if v is not None and math.isfinite(float(v))]
    if not finite:
        return ""
    lo, hi = min(finite), max(finite)
    scale = max(abs(lo), abs(hi))
    if hi - lo > scale * 1e-9:
        pad = (hi - lo) * 0.08
    else:  # one value (or as good as): a tenth of it either side
        pad = scale * 0.1 if scale > 1e-300 else 1.0
    lo, hi = lo - pad, hi + pad
    if min(finite) >= 0 > lo:
        lo = 0.0 if min(finite) == 0 else lo
    words = [figure_with_unit(c.amount.text, c.unit) for c in with_amounts if c.amount]
    f = _Frame([c.id for c in with_amounts], ["✗ " + w for w in words])

    def x(v: float) -> float:
        return f.x0 + (v - lo) / (hi - lo) * f.plot

    out, _h = f.header(len(with_amounts), "number-line", subject)
    for n, (c, text) in enumerate(zip(with_amounts, words, strict=True)):
        assert c.amount is not None
        y = 8 + n * ROW + 9
        bad = c.id in red
        color = RED if bad else BLUE
        low, high = c.amount.low, c.amount.high
        x0 = f.x0 if low is None else x(float(low))
        x1 = f.x0 + f.plot if high is None else x(float(high))
        tip = f"{c.id}: {text} = {_interval(low, high, unit)}"
        out.append(f'<g class="bar{" at-fault" if bad else ""}" data-claim="{escape(c.id)}">'
                   f'<title>{escape(tip)}</title>'
                   f'<line x1="{x0:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y}" stroke="{color}" stroke-width="4"/>')
        for v, xv in ((low, x0), (high, x1)):
            if v is None:  # unbounded: an arrowhead at the edge
                d = -1 if xv <= f.x0 else 1
                out.append(f'<path d="M{xv:.1f},{y} l{-8 * d},-5 v10 z" fill="{color}"/>')
            else:
                out.append(f'<circle cx="{xv:.1f}" cy="{y}" r="4" fill="{color}"/>')
        out.append("</g>")
        out.extend(f.row(y, c.id, ("✗ " if bad else "") + text, tip))
    y = 8 + len(with_amounts) * ROW + 4
    out.extend(f.axis(y, _num_ticks(lo, hi, x, f.plot, unit), _unit_style(unit)[2]))
    out.append("</svg>")
    return "".join(out)


def _interval(low: float | None, high: float | None, unit: str | None) -> str:
    def one(v: float) -> str:
        return _num_label(v, 1.0 if float(v) == int(v) else 0.01, 0.0, unit)

    if low is None and high is None:
        return "any value"
    if low is None:
        return f"at most {one(high)}" if high is not None else ""
    if high is None:
        return f"at least {one(low)}"
    return one(low) if low == high else f"{one(low)} to {one(high)}"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: max(1, n - 1)] + "…"


def render(report: Report) -> str:
    s = report.summary
    verdict, _ = report.verdict()
    title = report.title or report.ledger
    sources = {x.id: x for x in report.sources}
    timing = report.tagged("timing")
    late = claims_at_fault(report, timing)  # red on a timeline, as ✗ in `factcheck timeline`
    off = claims_at_fault(report, exclude=timing)  # red on a number line
    body = [f"<h1>Fact-check: {escape(title)}</h1>"]
    meta = [f"ledger {escape(report.ledger)}", f"{s.claims} claims", f"{s.sources} sources",
            f"{s.error} errors, {s.warning} warnings, {s.info} info"]
    if report.published:
        meta.insert(0, f"story date {escape(report.published)}")
    body.append(f'<p class="meta">{" · ".join(meta)}</p>')
    body.append(f'<div class="verdict {_verdict_class(report)}">{escape(verdict)}</div>')
    for sev, heading in ((Severity.ERROR, "Must change before publication"),
                         (Severity.WARNING, "Look at before publication")):
        items = [f for f in report.findings if f.severity is sev and f.accepted is None]
        if items:
            body.append(f"<h2>{heading} ({len(items)})</h2>")
            body.extend(_finding(f) for f in items)
    groups: dict[str, list[ClaimResult]] = {}
    for c in report.claims:
        if c.subject:
            groups.setdefault(c.subject, []).append(c)
    charts = []
    for subject, claims in sorted(groups.items()):
        if len(claims) < 2:
            continue
        tl = _timeline_svg(subject, claims, late)
        nl = _number_line_svg(subject, claims, off)
        if tl or nl:
            charts.append(f"<h3>{escape(subject)}</h3>{tl}{nl}")
    if charts:
        body.append("<h2>Subjects with several claims</h2>"
                    '<p class="meta">Each claim\'s period or figure on one axis. <span class="key-red">Red, marked ✗</span>: '
                    "the claim a finding faults (outside what the other sources agree on, or contradicted by its "
                    'own evidence); <span class="key-blue">blue</span>: the others.</p>')
        body.extend(charts)
    # Information and accepted findings are folded away (a <details> element needs no script).
    for heading, items in (("For information", [f for f in report.findings
                                                if f.severity is Severity.INFO and f.accepted is None]),
                           ("Accepted", [f for f in report.findings if f.accepted is not None])):
        if items:
            body.append(f"<details><summary><h2 style=\"display:inline\">{heading} ({len(items)})</h2></summary>"
                        + "".join(_finding(f) for f in items) + "</details>")
    if report.claims:
        rows = []
        for c in report.claims:
            src = sources.get(c.source)
            src_text = escape(c.source) + (f"<br><small>{escape(', '.join(x for x in (src.outlet, src.published) if x))}"
                                           "</small>" if src and (src.outlet or src.published) else "")
            rows.append(
                f"<tr><td>{c.status.symbol}</td><td><code>{escape(c.id)}</code></td>"
                f"<td>{escape(figure_with_unit(c.amount.text, c.unit)) if c.amount else ''}</td><td>{escape(c.when.text) if c.when else ''}</td>"
                f"<td>{src_text}</td><td><q>{escape(c.quote or '')}</q></td>"
                f"<td class=\"s-{c.status.value}{' at-fault' if c.id in late or c.id in off else ''}\">"
                f"{escape(c.status.value)}"
                + "".join(f"<br><small>part of a failed {escape(p.code)}: "
                          f"{escape(report.findings[p.finding].message)}</small>" for p in c.part_of_failed)
                + "</td></tr>")
        body.append("<h2>Claims</h2><table><tr><th></th><th>claim</th><th>figure</th><th>when</th><th>source</th>"
                    "<th>quote</th><th>status</th></tr>" + "".join(rows) + "</table>")
    if report.sources:
        rows = []
        for x in report.sources:
            url = f'<a href="{escape(x.url)}">{escape(x.url)}</a>' if x.url and x.url.startswith(("http://", "https://")) \
                else escape(x.url or "—")
            rows.append(f"<tr><td><code>{escape(x.id)}</code>{' (note)' if x.kind == 'note' else ''}</td>"
                        f"<td>{escape(x.outlet or '—')}</td><td>{escape(x.published or '—')}</td><td>{url}</td>"
                        f"<td>{x.cited_by}</td></tr>")
        body.append("<h2>Sources</h2><table><tr><th>source</th><th>outlet</th><th>date</th><th>URL</th>"
                    "<th>claims</th></tr>" + "".join(rows) + "</table>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Fact-check: {escape(title)}</title><style>{CSS}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")
