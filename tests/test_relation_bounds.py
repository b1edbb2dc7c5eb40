"""Relations over bounds (docs/ledger.md, relations): a figure open at one end ("more than 80
percent") is a bound, judged by its interval; FC204 is kept for point estimates that miss ("about
80" for 82.9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import found, verify_report, write_story

SOURCE = """\
    +++
    outlet = "Harbour Courier"
    published = 2025-11-21
    url = "https://news.example/fraud"
    +++
    The court heard that 34 of the 41 victims were older than 75, {share} of them.
"""


def _share_story(tmp_path: Path, share: str, expect: str) -> set[tuple[str, tuple[str, ...]]]:
    ledger = write_story(tmp_path / "story", f"""
        [[claim]]
        id = "older"
        source = "court"
        quote = "34 of the 41 victims"
        amount = "34"

        [[claim]]
        id = "victims"
        source = "court"
        quote = "34 of the 41 victims"
        amount = "41"

        [[claim]]
        id = "share"
        source = "court"
        quote = "{share} of them"

        [[relation]]
        expect = "{expect}"
    """, {"court.md": SOURCE.format(share=share)})
    report = verify_report(ledger, ignore=["FC501"])
    return {(code, claims) for code, claims in found(report) if code.startswith(("FC2", "FC0"))}


FAIL = {("FC203", ("share", "older", "victims"))}
INEXACT = {("FC204", ("share", "older", "victims"))}
FAIL_R = {("FC203", ("older", "victims", "share"))}
INEXACT_R = {("FC204", ("older", "victims", "share"))}
SHARE = "share = older / victims * 100"  # 34 / 41 * 100 = 82.93
SHARE_R = "older / victims * 100 = share"

# (the share as the source words it, relation, findings). Bounds are judged by their interval;
# point estimates ("about", "nearly") that hold only within their hedge stay FC204.
CASES = [
    ("more than 80 percent", SHARE, set()),
    ("more than 80 percent", SHARE_R, set()),
    ("over 80 percent", SHARE, set()),
    ("at least 80 percent", SHARE, set()),
    ("at least 82.9 percent", SHARE, set()),
    ("upwards of 80 percent", SHARE_R, set()),
    ("up to 85 percent", SHARE, set()),
    ("as many as 85 percent", SHARE_R, set()),
    ("less than 90 percent", SHARE, set()),
    ("fewer than 85 percent", SHARE_R, set()),
    ("more than 85 percent", SHARE, FAIL),
    ("at least 84 percent", SHARE_R, FAIL_R),
    ("up to 80 percent", SHARE, FAIL),
    ("less than 82 percent", SHARE_R, FAIL_R),
    ("about 80 percent", SHARE, INEXACT),
    ("about 80 percent", SHARE_R, INEXACT_R),
    ("nearly 85 percent", SHARE, INEXACT),
    ("roughly 83 percent", SHARE, set()),
    ("83 percent", SHARE, set()),
    ("80 percent", SHARE, FAIL),
    # order relations: a bound that allows the order is quiet, an estimate only its hedge allows is not
    ("more than 80 percent", "share > 75", set()),
    ("more than 80 percent", "share < 75", {("FC203", ("share",))}),
    ("about 80 percent", "share > 82", {("FC204", ("share",))}),
    ("more than 80 percent", "share > 82", set()),
    ("under 80 percent", "share < 85", set()),
]


@pytest.mark.parametrize(("share", "expect", "want"), CASES, ids=[f"{s}|{e}" for s, e, _ in CASES])
def test_a_bound_is_judged_by_its_interval(tmp_path: Path, share: str, expect: str,
                                           want: set[tuple[str, tuple[str, ...]]]) -> None:
    assert _share_story(tmp_path, share, expect) == want


def test_a_bounded_relation_that_fails_shows_the_bound_not_a_point(tmp_path: Path) -> None:
    """'more than 85 percent' against 82.9: the derivation keeps the bound, never '85 = 82.9'."""
    ledger = write_story(tmp_path / "story", """
        [[claim]]
        id = "older"
        source = "court"
        quote = "34 of the 41 victims"
        amount = "34"

        [[claim]]
        id = "victims"
        source = "court"
        quote = "34 of the 41 victims"
        amount = "41"

        [[claim]]
        id = "share"
        source = "court"
        quote = "more than 85 percent of them"

        [[relation]]
        expect = "share = older / victims * 100"
    """, {"court.md": SOURCE.format(share="more than 85 percent")})
    [f] = [f for f in verify_report(ledger).findings if f.code == "FC203"]
    assert f.derivation == ["share = over 85", "((older / victims) * 100) = 82.9",
                            "hedges aside, bounds kept: over 85 = 82.9"]
