"""FC5xx: sourcing. How many independent sources stand behind each subject, and whether each
source says when and where it was published."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model import Severity
from factcheck.rules import Example, Hit, rule
from factcheck.story import Story


@rule(
    "FC501", "single-source", Severity.INFO, "A subject's figures rest on one source only",
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
        sources = sorted({c.claim.source for c in group})
        if len(sources) >= need:
            continue
        severity = Severity.WARNING if story.settings.min_sources >= 2 else Severity.INFO
        n = len(sources)
        yield Hit(f"subject '{subject}' rests on {n} source{'s' if n != 1 else ''} ({', '.join(sources)})"
                  + (f"; the ledger asks for {story.settings.min_sources}" if story.settings.min_sources >= 2 else ""),
                  claims=[c.id for c in group], sources=sources, location=story.claim_loc(group[0]),
                  severity=severity)


@rule(
    "FC502", "single-origin", Severity.INFO, "Several sources, but all trace back to one origin",
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
    cited: dict[str, list[str]] = {}
    for c in story.claims:
        cited.setdefault(c.claim.source, []).append(c.id)
    # a source whose front matter cannot be read is FC010's: its date and URL may well be there
    unreadable = {s for p in story.problems if p.kind == "unreadable-source" for s in p.sources}
    for sid, src in sorted(story.sources.items()):
        if sid not in cited or src.error is not None or sid in unreadable:
            continue
        missing = [k for k, v in (("publication date", src.meta.published), ("URL", src.meta.url)) if not v]
        if missing:
            from factcheck.model import Location

            yield Hit(f"source '{sid}' has no {' and no '.join(missing)}", claims=cited[sid], sources=[sid],
                      location=Location(path=str(src.path), line=1))
