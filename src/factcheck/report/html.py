"""`--format html`: one self-contained page (inline CSS and SVG, no network, no JavaScript).

It shows the verdict, the findings, the claims table and, for each subject with more than one
claim, an SVG timeline of each source's period and a number line of each source's interval, with
claims in conflict drawn in red. Every piece of text is HTML-escaped.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape as _html_escape

from factcheck.model import ClaimResult, ClaimStatus, Finding, Report, Severity
from factcheck.report.timeline import date_axis
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
th{background:#f3f3f3}.s-supported{color:#1e6b3a}.s-contradicted,.s-unsupported,.s-conflicting{color:#c81e1e;font-weight:bold}
.s-unverifiable{color:#8a6100}summary{cursor:pointer;margin-top:1.6em}mark{background:#fff3a3}svg text{font:12px Menlo,Consolas,monospace;fill:#333}
"""
W, LABEL, ROW = 760, 210, 22


def _verdict_class(report: Report) -> str:
    _, sev = report.verdict()
    if report.failing(report.fail_on):
        return "v-error"
    return "v-warning" if sev is Severity.WARNING else "v-ok"


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


def _timeline_svg(claims: list[ClaimResult], red: set[str], labels: dict[str, str]) -> str:
    dated = [c for c in claims if c.when is not None]
    if len(dated) < 2:
        return ""
    first, last = date_axis(dated)
    pad = timedelta(days=max(3, (last - first).days // 20))
    lo, hi = first - pad, last + pad
    span = max(1, (hi - lo).days)
    plot = W - LABEL - 20
    h = ROW * len(dated) + 34
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h}" role="img" '
           f'aria-label="timeline">']
    for n, c in enumerate(sorted(dated, key=lambda x: x.when.start or "" if x.when else "")):
        assert c.when is not None
        y = 8 + n * ROW
        # An open end ("by June 2024") is drawn to the edge of the axis.
        x0 = LABEL + ((date.fromisoformat(c.when.start) - lo).days / span * plot if c.when.start else 0)
        x1 = LABEL + ((date.fromisoformat(c.when.end) - lo).days / span * plot if c.when.end else plot)
        color = "#c81e1e" if c.id in red else "#3f6fb5"
        out.append(f'<text x="4" y="{y + 13}">{escape(_clip(c.id + " · " + labels.get(c.id, ""), 27))}</text>')
        out.append(f'<rect x="{x0:.1f}" y="{y + 3}" width="{max(4.0, x1 - x0):.1f}" height="12" rx="2" fill="{color}">'
                   f"<title>{escape(c.when.text)}: {escape(c.when.start or 'any time')} to "
                   f"{escape(c.when.end or 'any time')}</title></rect>")
    y = 8 + len(dated) * ROW + 14
    out.append(f'<line x1="{LABEL}" y1="{y - 10}" x2="{LABEL + plot}" y2="{y - 10}" stroke="#999"/>')
    x_first = LABEL + (first - lo).days / span * plot
    x_last = LABEL + (last - lo).days / span * plot
    out.append(f'<text x="{x_first:.1f}" y="{y + 4}">{first.isoformat()}</text>')
    out.append(f'<text x="{x_last:.1f}" y="{y + 4}" text-anchor="end">{last.isoformat()}</text>')
    out.append("</svg>")
    return "".join(out)


def _number_line_svg(claims: list[ClaimResult], red: set[str], labels: dict[str, str]) -> str:
    with_amounts = [c for c in claims if c.amount is not None]
    if len(with_amounts) < 2:
        return ""
    finite = [v for c in with_amounts if c.amount for v in (c.amount.low, c.amount.high) if v is not None]
    if not finite:
        return ""
    lo, hi = float(min(finite)), float(max(finite))
    pad = (hi - lo) * 0.15 or abs(hi) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad
    plot = W - LABEL - 20

    def x(v: float | None, default: float) -> float:
        return default if v is None else LABEL + (float(v) - lo) / (hi - lo) * plot

    h = ROW * len(with_amounts) + 34
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h}" role="img" '
           f'aria-label="number line">']
    for n, c in enumerate(with_amounts):
        assert c.amount is not None
        y = 8 + n * ROW + 9
        color = "#c81e1e" if c.id in red else "#3f6fb5"
        x0 = x(c.amount.low, LABEL)
        x1 = x(c.amount.high, LABEL + plot)
        out.append(f'<text x="4" y="{y + 4}">{escape(_clip(c.id + " · " + labels.get(c.id, ""), 27))}</text>')
        out.append(f'<line x1="{x0:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y}" stroke="{color}" stroke-width="4">'
                   f"<title>{escape(c.amount.text)}</title></line>")
        for v, xv in ((c.amount.low, x0), (c.amount.high, x1)):
            if v is None:  # unbounded: an arrowhead at the edge
                d = -1 if xv <= LABEL else 1
                out.append(f'<path d="M{xv:.1f},{y} l{-8 * d},-5 v10 z" fill="{color}"/>')
            else:
                out.append(f'<circle cx="{xv:.1f}" cy="{y}" r="4" fill="{color}"/>')
    y = 8 + len(with_amounts) * ROW + 14
    out.append(f'<line x1="{LABEL}" y1="{y - 10}" x2="{LABEL + plot}" y2="{y - 10}" stroke="#999"/>')
    out.append(f'<text x="{LABEL}" y="{y + 4}">{escape(_num(lo + pad))}</text>')
    out.append(f'<text x="{LABEL + plot}" y="{y + 4}" text-anchor="end">{escape(_num(hi - pad))}</text>')
    out.append("</svg>")
    return "".join(out)


def _num(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:,.2f}"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def render(report: Report) -> str:
    s = report.summary
    verdict, _ = report.verdict()
    title = report.title or report.ledger
    sources = {x.id: x for x in report.sources}
    labels = {c.id: (sources[c.source].outlet or c.source) if c.source in sources else c.source for c in report.claims}
    red = {c.id for c in report.claims if c.status in (ClaimStatus.CONTRADICTED, ClaimStatus.CONFLICTING)}
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
        tl = _timeline_svg(claims, red, labels)
        nl = _number_line_svg(claims, red, labels)
        if tl or nl:
            charts.append(f"<h3>{escape(subject)}</h3>{tl}{nl}")
    if charts:
        body.append("<h2>Subjects with several claims</h2>")
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
                f"<td>{escape(c.amount.text) if c.amount else ''}</td><td>{escape(c.when.text) if c.when else ''}</td>"
                f"<td>{src_text}</td><td><q>{escape(c.quote or '')}</q></td>"
                f"<td class=\"s-{c.status.value}\">{escape(c.status.value)}</td></tr>")
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
