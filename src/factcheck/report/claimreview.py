"""`--format claimreview`: schema.org ClaimReview JSON-LD, one review per claim, for newsrooms
that publish their checks (Fact Check Explorer and other aggregators read it)."""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import ClaimStatus, Report

# (ratingValue on a 1-5 scale, the rating's name)
RATING = {
    ClaimStatus.SUPPORTED: (5, "Supported by its source"),
    ClaimStatus.UNVERIFIABLE: (3, "Unverifiable"),
    ClaimStatus.CONFLICTING: (2, "Sources disagree"),
    ClaimStatus.CONTRADICTED: (1, "Contradicted by the evidence"),
    ClaimStatus.UNSUPPORTED: (1, "Not supported by its source"),
}


def render(report: Report) -> str:
    sources = {s.id: s for s in report.sources}
    reviews: list[dict[str, Any]] = []
    for c in report.claims:
        value, name = RATING[c.status]
        src = sources.get(c.source)
        claim: dict[str, Any] = {"@type": "Claim"}
        if src is not None:
            if src.author or src.outlet:
                claim["author"] = ({"@type": "Person", "name": src.author} if src.author
                                   else {"@type": "Organization", "name": src.outlet})
            if src.published:
                claim["datePublished"] = src.published
            appearance: dict[str, Any] = {"@type": "CreativeWork"}
            if src.url:
                appearance["url"] = src.url
            if src.title:
                appearance["headline"] = src.title
            if src.outlet:
                appearance["publisher"] = {"@type": "Organization", "name": src.outlet}
            claim["appearance"] = appearance
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": c.quote or (c.amount.text if c.amount else c.id),
            "itemReviewed": claim,
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                             "alternateName": name},
        }
        if report.published:
            review["datePublished"] = report.published
        if report.url:
            review["url"] = report.url
        if report.publisher:
            review["author"] = {"@type": "Organization", "name": report.publisher}
        reviews.append(review)
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
