"""The engine: load the story, run the selected rules, apply accepts, compute claim statuses.

It returns a :class:`~factcheck.model.Report`; it never prints and never writes a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import CannotRun
from factcheck.load import (
    FileRefused,
    Problem,
    Source,
    confined,
    decode_text,
    read_ledger,
    read_sources,
    read_story_file,
)
from factcheck.model import (
    AmountOut,
    ClaimResult,
    ClaimStatus,
    FailedCheck,
    Finding,
    Location,
    Report,
    Severity,
    SourceResult,
    Summary,
    WhenOut,
)
from factcheck.resolve import ClaimCtx, Story, resolve
from factcheck.rules import REGISTRY, Rule, StatusScope, load_rules, rule_infos, select

# Which status wins when a claim has several findings.
_STATUS_RANK = {
    ClaimStatus.UNSUPPORTED: 5,
    ClaimStatus.CONTRADICTED: 4,
    ClaimStatus.CONFLICTING: 3,
    ClaimStatus.UNVERIFIABLE: 2,
    ClaimStatus.SUPPORTED: 1,
}


@dataclass
class Options:
    """What a command asks the engine to do."""

    claims: Path = Path("claims.toml")
    sources: Path | None = None
    draft: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    strict: bool = False
    fail_on: str = "error"


def load_story(opts: Options) -> Story:
    """Read and resolve the story folder; CannotRun when the run cannot happen."""
    raw = read_ledger(opts.claims)
    root = opts.claims.parent
    sources_dir = opts.sources if opts.sources is not None else root / "sources"
    if opts.sources is not None and not opts.sources.is_dir():
        raise CannotRun(f"{opts.sources}: no such folder (--sources takes the folder of source files)")
    problems: list[Problem] = []
    # --sources may point outside the story folder on purpose; links inside it may not leave it.
    # The default sources/ is part of the story: the folder itself must not lead out of it.
    if opts.sources is None and (sources_dir.is_dir() or sources_dir.is_symlink()):
        try:
            confined(sources_dir, root)
        except FileRefused as e:
            raise CannotRun(str(e).replace("(copy the file into the story folder)",
                                           "(copy the sources into it, or name the folder with --sources)")) from None
    boundary = root if opts.sources is None else sources_dir
    sources = read_sources(sources_dir, boundary, problems)
    story = resolve(raw, sources, problems, strict=opts.strict)
    _read_draft(opts, story)
    return story


def _read_draft(opts: Options, story: Story) -> None:
    """The draft named by --draft, else [story] draft, else draft.md beside the ledger if there is
    one: a regular file inside the story folder, or the run cannot happen (exit status 2)."""
    root = opts.claims.parent
    if opts.draft is not None:
        draft = opts.draft
        try:
            raw = read_story_file(draft, root)
        except FileRefused as e:
            if e.kind == "missing":
                raise CannotRun(f"{e.path}: no such draft (--draft takes the article file)") from None
            raise
    elif story.info.draft:
        draft = root / story.info.draft
        try:
            raw = read_story_file(draft, root)
        except FileRefused as e:
            from factcheck.safe_text import visible

            line, col = _setting_position(story.raw.text, story.raw.section_lines.get("story"), "draft")
            why = "no such file beside the ledger" if e.kind == "missing" else e.reason
            raise CannotRun(f"{story.raw.path}:{line}:{col}: [story] draft = \"{visible(story.info.draft)}\": "
                            f"{why} ({visible(str(draft))})") from None
    else:
        draft = root / "draft.md"
        if not (draft.exists() or draft.is_symlink()):
            return
        raw = read_story_file(draft, root)
    story.draft_text = decode_text(raw, draft).replace("\r\n", "\n")
    story.draft_path = draft


def _setting_position(text: str, section_line: int | None, key: str) -> tuple[int, int]:
    """(line, column) of the value of `key` in the table whose header is on `section_line`."""
    import re

    if section_line is None:
        return 1, 1
    lines = text.split("\n")
    pattern = re.compile(rf"\s*{re.escape(key)}\s*=\s*")
    for n in range(section_line, len(lines)):  # the line after the header, 0-based
        line = lines[n]
        if line.lstrip().startswith("["):
            break
        m = pattern.match(line)
        if m:
            return n + 1, m.end() + 1
    return section_line, 1


def run(opts: Options) -> Report:
    return run_with_inputs(opts)[0]


def run_with_inputs(opts: Options) -> tuple[Report, list[Path]]:
    """The report, and the story's own files (ledger, sources folder and files, draft), which a
    report must never replace."""
    story = load_story(opts)
    rules = select(load_rules(), opts.select, opts.ignore)
    inputs = [story.raw.path, opts.sources if opts.sources is not None else opts.claims.parent / "sources",
              *(s.path for s in story.sources.values())]
    if story.draft_path is not None:
        inputs.append(story.draft_path)
    return check(story, rules, opts), inputs


def check(story: Story, rules: Iterable[Rule], opts: Options) -> Report:
    rules = list(rules)
    findings: list[Finding] = []
    blame: dict[int, list[str]] = {}  # id(finding) -> the claims it blames, when not the rule's scope
    for r in rules:
        try:
            hits = list(r.fn(story))
        except Exception as e:  # a crashing rule is a finding, never a traceback
            findings.append(Finding(code="FC000", severity=Severity.ERROR,
                                    message=f"rule {r.code} ({r.name}) crashed: {type(e).__name__}: {e}; "
                                    "this is a bug in factcheck, please report it",
                                    location=Location(path=str(story.raw.path))))
            continue
        for h in hits:
            sev = h.severity or r.severity
            if h.strict_error and (opts.strict or story.settings.strict) and sev is Severity.WARNING:
                sev = Severity.ERROR
            sev = story.settings.severity.get(r.code, sev)  # the editor's word is last
            f = Finding(code=r.code, severity=sev, message=h.message, claims=h.claims, sources=h.sources,
                        location=h.location, derivation=h.derivation, evidence=h.evidence, figure=h.figure)
            findings.append(f)
            if h.blame is not None:
                blame[id(f)] = h.blame
    _show_places(story, findings)
    _apply_accepts(story, findings, selected={r.code for r in rules})
    findings.sort(key=_finding_order)
    statuses, parts = _statuses(story, findings, blame)
    return _report(story, findings, statuses, parts, opts)


def _show_places(story: Story, findings: list[Finding]) -> None:
    """A finding that quotes a claim found in a page or a PDF shows the passage it was found in,
    and where: "report.pdf p. 14", "page.html paragraph 4"."""
    if not any(s.places for s in story.sources.values()):
        return
    for f in findings:
        c = story.by_id.get(f.claims[0]) if f.claims else None
        if c is None or c.source is None or not c.source.places or f.evidence != c.claim.quote:
            continue
        at = c.located
        if at is None:
            continue
        f.derivation.append(f"quote found in {c.source.path.name} {at.place}")
        f.evidence = _around(at.passage, c.claim.quote or "")


def _around(passage: str, quote: str, limit: int = 320) -> str:
    """The passage, cut to about `limit` characters around the quote when it is longer."""
    if len(passage) <= limit:
        return passage
    from factcheck.text import fold

    i = fold(passage).find(fold(quote)[:40])  # an approximate position is enough to centre on
    i = max(i, 0)
    start = max(0, i - (limit - len(quote)) // 2)
    end = min(len(passage), start + limit)
    start = max(0, end - limit)
    return ("…" if start else "") + passage[start:end].strip() + ("…" if end < len(passage) else "")


def _finding_order(f: Finding) -> tuple[int, str, str, int]:
    loc = f.location
    return (-f.severity.rank, f.code, loc.path if loc else "", (loc.line or 0) if loc else 0)


def _apply_accepts(story: Story, findings: list[Finding], selected: set[str]) -> None:
    """Mark each finding with the first [[accept]] (in ledger order) of its code whose claims it
    all names. Accepts are indexed by code and first claim, so a finding looks only at those
    that could match it: ten thousand accepts cost ten thousand look-ups, not a scan each."""
    used = [False] * len(story.accepts)
    index: dict[tuple[str, str | None], list[tuple[int, frozenset[str]]]] = {}
    for n, (acc, _) in enumerate(story.accepts):
        index.setdefault((acc.code.upper(), acc.claims[0] if acc.claims else None), []).append(
            (n, frozenset(acc.claims)))
    for f in findings:
        best: int | None = None
        named = frozenset(f.claims)
        for key in ((f.code, None), *((f.code, c) for c in named)):
            for n, claims in index.get(key, ()):  # in ledger order: the first that fits is the one
                if best is not None and n > best:
                    break
                if claims <= named:
                    best = n
                    break
        if best is not None:
            f.accepted = story.accepts[best][0].reason
            used[best] = True
    stale = REGISTRY.get("FC012")
    if stale is None or "FC012" not in selected:
        return
    for n, (acc, table) in enumerate(story.accepts):
        if used[n] or acc.code.upper() not in selected:
            continue  # an accept for a rule this run did not select may still be live
        who = f" on {', '.join(acc.claims)}" if acc.claims else ""
        findings.append(Finding(code="FC012", severity=story.settings.severity.get("FC012", stale.severity),
                                message=f"[[accept]] of {acc.code}{who} matches no finding; remove it if the "
                                "problem is gone (reason given: " + acc.reason + ")",
                                claims=list(acc.claims), location=story.loc(table)))


def _statuses(story: Story, findings: list[Finding],
              blame: dict[int, list[str]]) -> tuple[dict[str, ClaimStatus], dict[str, list[FailedCheck]]]:
    """Each claim's status, and the failed totals and relations each claim is a part of."""
    parts: dict[str, list[FailedCheck]] = {}
    supported, unverifiable = ClaimStatus.SUPPORTED, ClaimStatus.UNVERIFIABLE
    out: dict[str, ClaimStatus] = {
        c.id: unverifiable if not c.claim.quote or (c.source is not None and c.source.meta.kind == "note")  # is_note
        else supported for c in story.claims}
    for n, f in enumerate(findings):
        r = REGISTRY.get(f.code)
        if r is None or r.status is None or f.accepted is not None or f.severity.rank < r.status_min.rank:
            continue
        blamed = blame.get(id(f))
        if blamed is not None:
            # A failed total or relation: its stated result takes the verdict; its parts keep
            # their own status and carry the finding in the report.
            targets = blamed
            for cid in dict.fromkeys(f.claims):
                if cid not in blamed and cid in out:
                    parts.setdefault(cid, []).append(FailedCheck(f.code, n))
        elif r.status_scope is StatusScope.STATED:
            targets = []  # a total or relation names its stated result in the hit; without one, none
        elif r.status_scope is StatusScope.ALL:
            targets = f.claims
        else:
            targets = f.claims[:1]
        for cid in targets:
            if cid in out and _STATUS_RANK[r.status] > _STATUS_RANK[out[cid]]:
                out[cid] = r.status
    return out, parts


def _claim_result(c: ClaimCtx, status: ClaimStatus, parts: dict[str, list[FailedCheck]]) -> ClaimResult:
    cl = c.claim
    a = c.amount
    amount = None if a is None else AmountOut(a.text, *a.interval.json_bounds())
    p = c.period
    when = None if p is None else WhenOut(str(cl.when), None if p.open_start else p.start.isoformat(),
                                          None if p.open_end else p.end.isoformat())  # Period.first, .last
    found_in = None
    src = c.source
    if src is not None and src.places and (at := c.located) is not None:
        found_in = f"{src.path.name} {at.place}"
    return ClaimResult(cl.id, status, cl.source, amount, when, cl.subject, c.unit, cl.quote, c.table.line, cl.text,
                       cl.publish_review, parts.get(cl.id) or [], found_in)


def _kind(s: Source) -> str:
    """'note', 'text', or for a page or a PDF 'html' or 'pdf'."""
    if s.is_note or not s.places and s.no_text is None:
        return s.meta.kind
    return "pdf" if s.path.suffix.lower() == ".pdf" else "html"


def _report(story: Story, findings: list[Finding], statuses: dict[str, ClaimStatus],
            parts: dict[str, list[FailedCheck]], opts: Options) -> Report:
    counts = {s: 0 for s in Severity}
    accepted = 0
    for f in findings:
        if f.accepted is not None:
            accepted += 1
        else:
            counts[f.severity] += 1
    citing = story.citing()
    sources = [
        SourceResult(id=sid, path=str(s.path), title=s.meta.title, outlet=s.meta.outlet, url=s.meta.url,
                     published=s.meta.published.isoformat() if s.meta.published else None, author=s.meta.author,
                     via=list(s.meta.via), kind=_kind(s), cited_by=len(citing.get(sid, ())))
        for sid, s in sorted(story.sources.items())
    ]
    return Report(
        title=story.info.title,
        published=story.info.published.isoformat() if story.info.published else None,
        url=story.info.url,
        publisher=story.info.publisher,
        ledger=str(story.raw.path),
        fail_on=opts.fail_on,
        summary=Summary(claims=len(story.claims), sources=len(story.sources), error=counts[Severity.ERROR],
                        warning=counts[Severity.WARNING], info=counts[Severity.INFO], accepted=accepted),
        claims=[_claim_result(c, statuses[c.id], parts) for c in story.claims],
        sources=sources,
        findings=findings,
        rules=rule_infos(),
    )
