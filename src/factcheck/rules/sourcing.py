"""FC5xx: sourcing. How many independent sources stand behind each subject, and whether each
source says when and where it was published."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factcheck.model import Location, Severity
from factcheck.resolve import ClaimCtx, Story
from factcheck.rules import Example, Hit, rule
from factcheck.text import closest_passage, find_folded, fold, shorten

if TYPE_CHECKING:
    from factcheck.documents import Refetched


@rule(
    "FC501", "single-source", Severity.INFO, "A subject's figures rest on one source only",
    about="subject", grouped="{n} subjects rest on one source",
    example=Example(
        ledger="""
            [[claim]]
            id = "layoffs"
            subject = "layoffs"
            source = "herald"
            quote = "around 600 jobs"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-03-03
                url = "https://news.example/herald"
                +++
                The carmaker will cut around 600 jobs, a union leader said.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "layoffs-herald"
            subject = "layoffs"
            source = "herald"
            quote = "around 600 jobs"

            [[claim]]
            id = "layoffs-post"
            subject = "layoffs"
            source = "post"
            quote = "about 600 jobs"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-03-03
                url = "https://news.example/herald"
                +++
                The carmaker will cut around 600 jobs, a union leader said.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-03-03
                url = "https://news.example/post"
                +++
                About 600 jobs will go, the company confirmed.
            """,
        },
    ),
)
def single_source(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        How many different sources back each subject that states a figure (dates alone are
        not figures). One is reported as information; `[settings] min_sources = 2` (or more) makes too few a
        warning.
    Why an editor cares:
        "Around 600 deaths" from one lawmaker's briefing is a figure to attribute, not to state.
    """
    need = max(2, story.settings.min_sources)
    for subject, group in story.by_subject().items():
        if not any(c.amount is not None for c in group):
            continue  # a date alone is not a figure
        distinct = {c.claim.source for c in group}
        if len(distinct) >= need:
            continue
        sources = sorted(distinct)
        severity = Severity.WARNING if story.settings.min_sources >= 2 else Severity.INFO
        n = len(sources)
        yield Hit(f"subject '{subject}' rests on {n} source{'s' if n != 1 else ''} ({', '.join(sources)})"
                  + (f"; the ledger asks for {story.settings.min_sources}" if story.settings.min_sources >= 2 else ""),
                  claims=[c.id for c in group], sources=sources, location=story.claim_loc(group[0]),
                  severity=severity)


@rule(
    "FC502", "single-origin", Severity.INFO, "Several sources, but all trace back to one origin",
    about="subject", grouped="{n} subjects trace back to one origin each",
    example=Example(
        ledger="""
            [[claim]]
            id = "layoffs-herald"
            subject = "layoffs"
            source = "herald"
            quote = "around 600 jobs"
            via = "the union"

            [[claim]]
            id = "layoffs-post"
            subject = "layoffs"
            source = "post"
            quote = "about 600 jobs"
            via = "the union"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-03-03
                url = "https://news.example/herald"
                +++
                The carmaker will cut around 600 jobs, the union said.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-03-03
                url = "https://news.example/post"
                +++
                About 600 jobs will go, according to the union.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "layoffs-herald"
            subject = "layoffs"
            source = "herald"
            quote = "around 600 jobs"
            via = "the union"

            [[claim]]
            id = "layoffs-post"
            subject = "layoffs"
            source = "post"
            quote = "about 600 jobs"
            via = "the company"
        """,
        sources={
            "herald.md": """
                +++
                outlet = "Herald"
                published = 2025-03-03
                url = "https://news.example/herald"
                +++
                The carmaker will cut around 600 jobs, the union said.
            """,
            "post.md": """
                +++
                outlet = "Post"
                published = 2025-03-03
                url = "https://news.example/post"
                +++
                About 600 jobs will go, the company confirmed.
            """,
        },
    ),
)
def single_origin(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        For a subject backed by two or more sources, whether every claim attributes its figure
        (`via` on the claim, else on its source) to the same single origin.
    Why an editor cares:
        Three outlets repeating one agency's briefing are one source, not three.
    """
    for subject, group in story.by_subject().items():
        origins = []
        for c in group:
            vias = c.vias
            if not vias:
                break  # a claim with no origin named: nothing to say (most ledgers, most claims)
            origins.append(frozenset(o.casefold() for o in vias))
        else:
            sources = sorted({c.claim.source for c in group})
            if len(sources) < 2:
                continue
            common = frozenset.intersection(*origins)
            union = frozenset.union(*origins)
            if len(union) == 1 and common:
                name = group[0].vias[0]
                yield Hit(f"subject '{subject}': {len(sources)} sources, all via {name}",
                          claims=[c.id for c in group], sources=sources, location=story.claim_loc(group[0]))


@rule(
    "FC503", "source-incomplete", Severity.INFO, "A cited source lacks its publication date or URL",
    about="source", grouped="{n} sources lack a publication date or URL",
    example=Example(
        ledger="""
            [[claim]]
            id = "fine"
            source = "tribune"
            quote = "a fine of €40m"
        """,
        sources={
            "tribune.md": """
                +++
                outlet = "Tribune"
                +++
                The regulator imposed a fine of €40m.
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "fine"
            source = "tribune"
            quote = "a fine of €40m"
        """,
        sources={
            "tribune.md": """
                +++
                outlet = "Tribune"
                published = 2025-03-27
                url = "https://news.example/tribune/fine"
                +++
                The regulator imposed a fine of €40m.
            """,
        },
    ),
)
def source_incomplete(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        Every source that a claim cites says when it was published (`published`) and where it
        can be found (`url`).
    Why an editor cares:
        Without a date, relative dates cannot be anchored; without a URL, nobody else on the
        desk can find the source again.
    """
    if all(src.meta.published and src.meta.url for src in story.sources.values()):
        return
    cited = story.citing()
    # a source whose front matter cannot be read is FC010's: its date and URL may well be there
    unreadable = {s for p in story.problems if p.kind == "unreadable-source" for s in p.sources}
    for sid, src in sorted(story.sources.items()):
        if sid not in cited or src.error is not None or sid in unreadable:
            continue
        missing = [k for k, v in (("publication date", src.meta.published), ("URL", src.meta.url)) if not v]
        if missing:
            yield Hit(f"source '{sid}' has no {' and no '.join(missing)}", claims=list(cited[sid]), sources=[sid],
                      location=Location(path=str(src.path), line=1))


# The rules below compare each source with what its URL serves now. Only `factcheck sources
# check` fetches the pages (and puts them in the story as "refetched"); `verify` never goes on
# the network, so for it they find nothing.
REFETCH_CODES = ("FC504", "FC505", "FC506", "FC507")

# A correction, not an update: "Updated: 10:32" heads live pages and changes every hour.
_CORRECTION = re.compile(
    r"^(?:correction|corrections|clarification|editor['’]?s note)\b\s*[:\-–—(]"
    r"|\b(?:this|the) (?:article|story|report|page) (?:has been|was) (?:corrected|amended)"
    r"|\ban earlier version of this (?:article|story|report)"
    r"|\bwe (?:have )?corrected\b",
    re.IGNORECASE,
)


def _refetched(story: Story) -> dict[str, Refetched]:
    return story.shared("refetched", dict)


def _gone(story: Story) -> list[tuple[ClaimCtx, Refetched]]:
    """Claims whose quote is in the saved source but not in what its URL serves now."""
    return story.shared("quotes-gone", lambda: _find_gone(story))


def _find_gone(story: Story) -> list[tuple[ClaimCtx, Refetched]]:
    now = _refetched(story)
    out: list[tuple[ClaimCtx, Refetched]] = []
    if not now:
        return out  # `verify` fetches nothing: only `sources check` puts pages here
    folded: dict[str, str] = {}
    for c in story.claims:
        r = now.get(c.claim.source)
        if r is None or r.text is None or c.quote_found is not True or not c.claim.quote:
            continue
        if c.claim.source not in folded:
            folded[c.claim.source] = r.folded()
        if find_folded(folded[c.claim.source], fold(c.claim.quote)) < 0:
            out.append((c, r))
    return out


@rule(
    "FC504", "quote-gone-from-page", Severity.WARNING,
    "The quoted passage is no longer on the page at the source's URL (sources check)",
    example=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "wire"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Metro Wire"
                published = 2025-05-08
                url = "https://news.example/metro/tram-cost"
                +++
                The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.1 million cubic metres of fill for the tram depot, officials said.</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "wire"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Metro Wire"
                published = 2025-05-08
                url = "https://news.example/metro/tram-cost"
                +++
                The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
)
def quote_gone_from_page(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        With `factcheck sources check`: each claim's quote, found in the saved source, is still
        in what the source's URL serves now. When it is not, the finding shows the closest
        passage on the page now and what differs: a changed figure, a dropped word.
    Why an editor cares:
        The outlet has changed the words the story relies on, perhaps to correct them: the
        story should not repeat what its own source has taken back.
    """
    for c, r in _gone(story):
        quote = c.claim.quote or ""
        p = closest_passage(r.text or "", quote)
        derivation = [f"saved copy: {c.source.path.name if c.source else c.claim.source}; fetched again: {r.url}"]
        evidence = None
        if p is not None and p.score >= 0.5:
            what = "altered"
            derivation.append(f"closest passage now: \"{shorten(p.text, 200)}\"")
            derivation.extend(p.differences[:6])
            evidence = shorten(p.text, 240)
        else:
            what = "gone"
        yield Hit(f"claim '{c.id}': the quote \"{shorten(quote, 100)}\" is {what} from the page at {r.url}",
                  claims=[c.id], sources=[c.claim.source], location=story.claim_loc(c, "quote"),
                  derivation=derivation, evidence=evidence)


def _corrections(story: Story) -> dict[str, list[str]]:
    """The correction notices each refetched source has that its saved copy does not."""
    return story.shared("corrections", lambda: _find_corrections(story))


def _find_corrections(story: Story) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for sid, r in sorted(_refetched(story).items()):
        src = story.sources.get(sid)
        if r.text is None or src is None:
            continue
        saved = src.folded
        notices = [line for line in r.text.split("\n") if _CORRECTION.search(line.strip()) and fold(line) not in saved]
        if notices:
            out[sid] = notices
    return out


@rule(
    "FC505", "correction-added", Severity.WARNING,
    "The page at a source's URL now carries a correction notice (sources check)",
    example=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "wire"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Metro Wire"
                published = 2025-05-08
                url = "https://news.example/metro/tram-cost"
                +++
                The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                <p>Correction: this article has been amended to give the correct cost of the depot.</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "wire"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Metro Wire"
                published = 2025-05-08
                url = "https://news.example/metro/tram-cost"
                +++
                The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                <p>Updated: 10:32</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
)
def correction_added(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        With `factcheck sources check`: whether the page a source's URL serves now has a
        correction, clarification or editor's note that the saved copy did not have
        ("Correction: an earlier version of this article...", "This article was amended").
        An "Updated: 10:32" line is not a correction: a changed text is FC507's.
    Why an editor cares:
        A correction is the outlet saying its own story was wrong; the claims resting on it need
        a second look even when the quoted words are unchanged.
    """
    for sid, notices in _corrections(story).items():
        src = story.sources[sid]
        r = _refetched(story)[sid]
        if notices:
            yield Hit(f"source '{sid}': the page at {r.url} now carries a correction notice the saved copy "
                      "does not have", claims=list(story.citing().get(sid, [])), sources=[sid],
                      location=Location(path=str(src.path)), evidence=shorten(notices[0], 240),
                      derivation=[f"{len(notices)} new notice{'s' if len(notices) != 1 else ''}"] if len(notices) > 1
                      else [])


@rule(
    "FC506", "page-unreachable", Severity.WARNING, "A source's URL cannot be fetched again (sources check)",
    example=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "wire"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Metro Wire"
                published = 2025-05-08
                url = "https://news.example/metro/tram-cost"
                +++
                The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": 404,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "wire"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "wire.md": """
                +++
                outlet = "Metro Wire"
                published = 2025-05-08
                url = "https://news.example/metro/tram-cost"
                +++
                The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
)
def page_unreachable(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        With `factcheck sources check`: every source with a `url` can be fetched again as a
        page or a PDF. A page taken down (404, 410), moved to something else, or a server that
        does not answer is reported with what happened.
    Why an editor cares:
        A source that has disappeared may have been withdrawn; the saved copy is then the only
        record, and the story may need to say so.
    """
    for sid, r in sorted(_refetched(story).items()):
        src = story.sources.get(sid)
        if r.error is None or src is None:
            continue
        yield Hit(f"source '{sid}': {r.error}", claims=list(story.citing().get(sid, [])), sources=[sid],
                  location=Location(path=str(src.path)))


@rule(
    "FC507", "page-changed", Severity.INFO,
    "A page's text has changed since it was saved, but every quote is still there (sources check)",
    example=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "depot"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "depot.html": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><link rel="canonical" href="https://news.example/metro/tram-cost"><meta name="date" content="2025-05-08"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                <p>Work on the depot is due to finish in 2027.</p>
                </article>
                </body>
                </html>
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                <p>Work on the depot is due to finish in 2027.</p>
                <p>The contractor has asked for a further six months.</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
    passes=Example(
        ledger="""
            [[claim]]
            id = "fill"
            source = "depot"
            quote = "paid for 1.2 million cubic metres of fill"
        """,
        sources={
            "depot.html": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><link rel="canonical" href="https://news.example/metro/tram-cost"><meta name="date" content="2025-05-08"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                <p>Work on the depot is due to finish in 2027.</p>
                </article>
                </body>
                </html>
            """,
        },
        pages={
            "https://news.example/metro/tram-cost": """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><link rel="canonical" href="https://news.example/metro/tram-cost"><meta name="date" content="2025-05-08"><title>Tram depot costs | Metro Wire</title></head>
                <body>
                <article>
                <h1>Tram depot costs</h1>
                <p>The city paid for 1.2 million cubic metres of fill for the tram depot, officials said.</p>
                <p>Work on the depot is due to finish in 2027.</p>
                </article>
                </body>
                </html>
            """,
        },
    ),
)
def page_changed(story: Story) -> Iterator[Hit]:
    """
    What it checks:
        With `factcheck sources check`: whether the article text of a saved page or PDF differs
        from what its URL serves now, when every quote the ledger takes from it is still there.
        Text sources (.md, .txt) hold excerpts, so only their quotes are compared (FC504). A
        page with a quote gone (FC504) or a new correction (FC505) is reported by those alone.
    Why an editor cares:
        An article updated since it was saved may say more, or less, than the story assumes.
    """
    gone = {c.claim.source for c, _ in _gone(story)} | set(_corrections(story))  # reported already
    for sid, r in sorted(_refetched(story).items()):
        src = story.sources.get(sid)
        if r.text is None or src is None or not src.places or sid in gone:
            continue
        if r.folded() == src.folded:
            continue
        saved_lines = {fold(x) for x in (src.body or "").split("\n")}
        now_lines = {fold(x) for x in r.text.split("\n")}
        added, removed = len(now_lines - saved_lines), len(saved_lines - now_lines)
        yield Hit(f"source '{sid}': the text at {r.url} has changed since it was saved ({added} passage"
                  f"{'s' if added != 1 else ''} new, {removed} gone or changed); every quote is still there",
                  claims=list(story.citing().get(sid, [])), sources=[sid], location=Location(path=str(src.path)))
