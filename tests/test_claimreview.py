"""ClaimReview a publisher would accept: only the verdicts the desk chose to publish, each with the
properties Google's fact-check structured data asks for, and a clear error for a missing one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import invoke, write_story

STORY = """
    [story]
    title = "Bridge repairs"
    published = 2025-04-10
    url = "https://news.example/2025/bridge-repairs#top"
    publisher = "The Example Ledger"

    [[claim]]
    id = "cost"
    source = "council"
    quote = "repairs to the Mill Street bridge will cost £2.4m"
    text = "The council says repairs will cost £2.4 million"
    publish_review = true

    [[claim]]
    id = "closure"
    source = "council"
    quote = "closed for 14 weeks"
    publish_review = true

    [[claim]]
    id = "background"
    source = "council"
    quote = "built in 1887"
"""
COUNCIL = """\
    +++
    outlet = "Riverside Council"
    author = "Cllr J. Patel"
    url = "https://council.example/bridge"
    published = 2025-04-08
    title = "Mill Street bridge"
    +++
    The bridge, built in 1887, will be closed for 12 weeks. Repairs to the Mill Street bridge will cost £2.4m.
"""

# Google's ClaimReview property table: what each review must carry, and what it recommends and
# this exporter always fills.
REQUIRED = {"claimReviewed", "reviewRating", "url"}
RECOMMENDED = {"author", "datePublished", "itemReviewed"}
RATING = {"alternateName", "ratingValue", "bestRating", "worstRating", "name"}
CLAIM = {"author", "datePublished", "appearance", "firstAppearance"}


def _story(root: Path, claims: str = STORY, council: str = COUNCIL) -> Path:
    write_story(root, claims, {"council.md": council})
    return root


def _reviews(cli: CliRunner, story: Path, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    r = invoke(cli, ["verify", "--format", "claimreview", *args], cwd=story)
    return r.exit_code, (json.loads(r.stdout) if r.stdout.strip() else []), r.stderr


@pytest.fixture
def cli() -> CliRunner:  # stderr apart from stdout, to read the JSON alone
    return CliRunner()


def test_only_claims_marked_for_publication_are_exported(cli: CliRunner, tmp_path: Path) -> None:
    status, reviews, _ = _reviews(cli, _story(tmp_path / "s"))
    assert status == 1  # the status is the check's: 'closure' misquotes its source
    assert [r["url"] for r in reviews] == ["https://news.example/2025/bridge-repairs#claim-cost",
                                           "https://news.example/2025/bridge-repairs#claim-closure"]


def test_all_exports_every_claim(cli: CliRunner, tmp_path: Path) -> None:
    _, reviews, _ = _reviews(cli, _story(tmp_path / "s"), "--all")
    assert [r["url"].rsplit("#", 1)[1] for r in reviews] == ["claim-cost", "claim-closure", "claim-background"]


def test_each_review_has_googles_properties(cli: CliRunner, tmp_path: Path) -> None:
    _, reviews, _ = _reviews(cli, _story(tmp_path / "s"))
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert REQUIRED | RECOMMENDED <= set(r)
        assert RATING <= set(r["reviewRating"]) and r["reviewRating"]["@type"] == "Rating"
        assert r["itemReviewed"]["@type"] == "Claim" and CLAIM <= set(r["itemReviewed"])
    cost, closure = reviews
    assert cost["author"] == {"@type": "Organization", "name": "The Example Ledger", "url": "https://news.example"}
    assert cost["datePublished"] == "2025-04-10"
    assert cost["claimReviewed"] == "The council says repairs will cost £2.4 million"  # the story's words
    assert closure["claimReviewed"] == "closed for 14 weeks"  # no text: the quote
    item = cost["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Cllr J. Patel"}
    assert item["datePublished"] == "2025-04-08"
    assert item["appearance"][0]["url"] == item["firstAppearance"]["url"] == "https://council.example/bridge"
    assert cost["reviewRating"]["ratingValue"] == 5 and cost["reviewRating"]["alternateName"]
    assert closure["reviewRating"]["ratingValue"] == 1  # 14 weeks is not what the council said


def test_a_long_quote_is_shortened(cli: CliRunner, tmp_path: Path) -> None:
    long_quote = "Repairs to the Mill Street bridge will cost £2.4m. " * 4
    story = _story(tmp_path / "s", STORY.replace('quote = "closed for 14 weeks"', f'quote = "{long_quote.strip()}"'),
                   COUNCIL.replace("will cost £2.4m.", "will cost £2.4m. " + long_quote))
    _, reviews, _ = _reviews(cli, story)
    assert len(reviews[1]["claimReviewed"]) <= 75  # Google's advice, so it does not wrap on a phone


@pytest.mark.parametrize(("edit", "message"), [
    (('url = "https://news.example/2025/bridge-repairs#top"\n', ""),
     "claims.toml: ClaimReview needs [story] url (the page the story is published at: each review's url)"),
    (('publisher = "The Example Ledger"\n', ""),
     "claims.toml: ClaimReview needs [story] publisher (the newsroom publishing the checks: each review's author)"),
    (("published = 2025-04-10\n", ""), "claims.toml: ClaimReview needs [story] published"),
    (('quote = "closed for 14 weeks"\n', 'amount = "14 weeks"\n'),
     "claims.toml:15:1: claim 'closure': ClaimReview needs claimReviewed, the claim in the story's words; "
     'add text = "…"'),
    (('source = "council"\n    quote = "closed', 'source = "nowhere"\n    quote = "closed'),
     "claim 'closure': ClaimReview needs the claim's source, and source = \"nowhere\" is not in sources/"),
])
def test_a_missing_property_names_the_ledger_field(cli: CliRunner, tmp_path: Path, edit: tuple[str, str],
                                                   message: str) -> None:
    assert edit[0] in STORY
    status, reviews, err = _reviews(cli, _story(tmp_path / "s", STORY.replace(edit[0], edit[1], 1)))
    assert status == 2 and reviews == []
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("drop", "field"), [
    ('url = "https://council.example/bridge"\n', "url (where it appeared: itemReviewed.appearance)"),
    ("published = 2025-04-08\n", "published (when it was made: itemReviewed.datePublished)"),
    ('outlet = "Riverside Council"\n    author = "Cllr J. Patel"\n', "author or outlet (who made the claim"),
])
def test_a_source_missing_what_the_claim_needs_names_its_front_matter(cli: CliRunner, tmp_path: Path, drop: str,
                                                                      field: str) -> None:
    assert drop in COUNCIL
    status, _, err = _reviews(cli, _story(tmp_path / "s", council=COUNCIL.replace(drop, "")))
    assert status == 2
    assert "sources/council.md: source 'council' (cited by claim 'cost'): ClaimReview needs" in err
    assert field in err and err.strip().endswith("in its front matter")


def test_an_author_or_outlet_alone_is_the_claims_author(cli: CliRunner, tmp_path: Path) -> None:
    _, reviews, _ = _reviews(cli, _story(tmp_path / "s", council=COUNCIL.replace('author = "Cllr J. Patel"\n', "")))
    assert reviews[0]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Riverside Council"}


def test_no_claim_marked_is_an_empty_list_and_a_note(cli: CliRunner, tmp_path: Path) -> None:
    status, reviews, err = _reviews(cli, _story(tmp_path / "s", STORY.replace("publish_review = true\n", "")))
    assert (status, reviews) == (1, [])
    assert "no claim has publish_review = true" in err and "--all" in err


def test_background_claims_need_nothing_the_review_needs(cli: CliRunner, tmp_path: Path) -> None:
    # Without publish_review, a ledger lacking [story] url is no error: nothing is exported.
    story = _story(tmp_path / "s", STORY.replace("publish_review = true\n", "").replace(
        'url = "https://news.example/2025/bridge-repairs#top"\n', ""))
    assert _reviews(cli, story)[:2] == (1, [])


def test_publish_review_must_be_true_or_false(cli: CliRunner, tmp_path: Path) -> None:
    story = _story(tmp_path / "s", STORY.replace("publish_review = true", 'publish_review = "maybe"', 1))
    r = invoke(cli, ["verify", "--format", "json"], cwd=story)
    doc = json.loads(r.stdout)
    (bad,) = [f for f in doc["findings"] if "publish_review" in f["message"]]
    assert bad["code"] == "FC002" and bad["severity"] == "error" and bad["claims"] == ["cost"]


def test_report_writes_the_reviews_too(cli: CliRunner, tmp_path: Path) -> None:
    story = _story(tmp_path / "s")
    r = invoke(cli, ["report", "--format", "claimreview", "--all", "-o", "-"], cwd=story)
    assert r.exit_code == 1 and len(json.loads(r.stdout)) == 3  # written; the story's error sets the status
