"""`--format claimreview`: schema.org ClaimReview JSON-LD, as Google's fact-check structured data
and the aggregators that read it (Fact Check Explorer) take it.

A ClaimReview publishes a verdict on a claim someone else made. The desk's own background claims
are not that, so only claims marked `publish_review = true` are exported, unless `--all`. Each
review carries what Google's property table asks for: `url` (the story's page with an anchor per
claim), `author` (the publisher), `datePublished`, `claimReviewed`, `reviewRating` (with
`alternateName`, the verdict shown in search results, and the recommended numbers and `name`) and `itemReviewed`, a `Claim` with its
author, date, `appearance` and `firstAppearance` (the source the ledger cites). A property that
cannot be filled is a RenderError naming the ledger field that would fill it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from factcheck.model import ClaimResult, ClaimStatus, Report, SourceResult
from factcheck.report import RenderError
from factcheck.text import shorten

# (ratingValue on a 1-5 scale, the rating's name)
RATING = {
    ClaimStatus.SUPPORTED: (5, "Supported by its source"),
    ClaimStatus.UNVERIFIABLE: (3, "Unverifiable"),
    ClaimStatus.CONFLICTING: (2, "Sources disagree"),
    ClaimStatus.CONTRADICTED: (1, "Contradicted by the evidence"),
    ClaimStatus.UNSUPPORTED: (1, "Not supported by its source"),
}
CLAIM_REVIEWED_LENGTH = 75  # Google: keep claimReviewed under 75 characters (a quote is shortened)


def render(report: Report, all_claims: bool = False) -> str:
    return render_many([report], all_claims)


def render_many(reports: Sequence[Report], all_claims: bool = False) -> str:
    reviews = [review for report in reports for review in _reviews(report, all_claims)]
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"


def notice(reports: Sequence[Report], all_claims: bool = False) -> str | None:
    """The editor's note when the document holds no review."""
    if all_claims or any(c.publish_review for r in reports for c in r.claims):
        return None
    return "no claim has publish_review = true, so no review was written (--all writes one for every claim)"


def anchor(claim_id: str) -> str:
    """The fragment each claim's review points at on the story's page."""
    return f"claim-{claim_id}"


def _reviews(report: Report, all_claims: bool) -> list[dict[str, Any]]:
    claims = [c for c in report.claims if all_claims or c.publish_review]
    if not claims:
        return []
    missing = [f"[story] {name} ({why})" for name, value, why in (
        ("url", report.url, "the page the story is published at: each review's url"),
        ("publisher", report.publisher, "the newsroom publishing the checks: each review's author"),
        ("published", report.published, "the story's date: each review's datePublished"),
    ) if not value]
    if missing:
        raise RenderError(f"{report.ledger}: ClaimReview needs " + "; ".join(missing))
    page = urlunsplit(urlsplit(report.url or "")._replace(fragment=""))
    parts = urlsplit(page)
    author: dict[str, Any] = {"@type": "Organization", "name": report.publisher}
    if parts.scheme and parts.netloc:
        author["url"] = f"{parts.scheme}://{parts.netloc}"
    sources = {s.id: s for s in report.sources}
    return [{
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{page}#{anchor(c.id)}",
        "author": author,
        "datePublished": report.published,
        "claimReviewed": _claim_reviewed(report, c),
        "reviewRating": _rating(c),
        "itemReviewed": _item(report, c, sources.get(c.source)),
    } for c in claims]


def _where(report: Report, c: ClaimResult) -> str:
    return f"{report.ledger}:{c.line}:1" if c.line else report.ledger


def _claim_reviewed(report: Report, c: ClaimResult) -> str:
    if c.text:
        return c.text
    if c.quote:
        return shorten(c.quote, CLAIM_REVIEWED_LENGTH)
    raise RenderError(f"{_where(report, c)}: claim '{c.id}': ClaimReview needs claimReviewed, the claim in the "
                      "story's words; add text = \"…\" (or a quote)")


def _rating(c: ClaimResult) -> dict[str, Any]:
    value, name = RATING[c.status]
    return {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1, "alternateName": name,
            "name": name}


def _item(report: Report, c: ClaimResult, src: SourceResult | None) -> dict[str, Any]:
    if src is None:
        raise RenderError(f"{_where(report, c)}: claim '{c.id}': ClaimReview needs the claim's source, and "
                          f"source = \"{c.source}\" is not in sources/")
    missing = [f"{key} ({why})" for key, value, why in (
        ("author or outlet", src.author or src.outlet, "who made the claim: itemReviewed.author"),
        ("published", src.published, "when it was made: itemReviewed.datePublished"),
        ("url", src.url, "where it appeared: itemReviewed.appearance"),
    ) if not value]
    if missing:
        raise RenderError(f"{src.path}: source '{src.id}' (cited by claim '{c.id}'): ClaimReview needs "
                          + "; ".join(missing) + " in its front matter")
    who: dict[str, Any] = ({"@type": "Person", "name": src.author} if src.author
                           else {"@type": "Organization", "name": src.outlet})
    work: dict[str, Any] = {"@type": "CreativeWork", "url": src.url, "datePublished": src.published}
    if src.title:
        work["headline"] = src.title
    if src.outlet:
        work["publisher"] = {"@type": "Organization", "name": src.outlet}
    if src.author and src.outlet:
        work["author"] = who
    return {"@type": "Claim", "author": who, "datePublished": src.published, "appearance": [work],
            "firstAppearance": work}
