"""Every story folder under tests/stories/ states in expect.toml exactly what verify must report.

One folder per behaviour an editor relies on, positive and negative: the set of (code, claims)
findings must match exactly, so a rule that starts firing where it should not fails too.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.engine import Options, run
from tests.conftest import STORIES, found

CASES = sorted(p.parent for p in STORIES.glob("*/expect.toml"))


@pytest.mark.parametrize("story", CASES, ids=[p.name for p in CASES])
def test_story(story: Path) -> None:
    expect = tomllib.loads((story / "expect.toml").read_text(encoding="utf-8"))
    opts = expect.get("options", {})
    report = run(Options(claims=story / "claims.toml", strict=opts.get("strict", False),
                         select=opts.get("select", []), ignore=opts.get("ignore", [])))
    want = {(f["code"], tuple(f["claims"])) for f in expect.get("findings", [])}
    assert found(report) == want, "\n".join(f"{f.code} {f.severity.value} {f.claims}: {f.message}"
                                            for f in report.findings)
    for f in expect.get("findings", []):
        if "severity" in f:
            got = [x.severity.value for x in report.findings if (x.code, tuple(x.claims)) == (f["code"], tuple(f["claims"]))]
            assert got == [f["severity"]], (f, got)
        if "message" in f:
            got_msgs = [x.message for x in report.findings if (x.code, tuple(x.claims)) == (f["code"], tuple(f["claims"]))]
            assert any(f["message"] in m for m in got_msgs), got_msgs
        if "derivation" in f:
            der = [x.derivation for x in report.findings if (x.code, tuple(x.claims)) == (f["code"], tuple(f["claims"]))]
            assert der and der[0] == f["derivation"], der
    statuses = {c.id: c.status.value for c in report.claims}
    for cid, status in expect.get("statuses", {}).items():
        assert statuses[cid] == status, (cid, statuses[cid])
    if "exit" in expect:
        assert bool(report.failing("error")) == (expect["exit"] == 1)


def test_every_rule_has_a_story() -> None:
    """Each rule's behaviour is pinned by at least one story folder (FC000 cannot be provoked; the
    rules of `sources check` need a server, and are pinned against one on the loopback)."""
    from factcheck.rules import load_rules

    covered = set()
    for story in CASES:
        expect = tomllib.loads((story / "expect.toml").read_text(encoding="utf-8"))
        covered |= {f["code"] for f in expect.get("findings", [])}
    from factcheck.rules.sourcing import REFETCH_CODES  # only `sources check` fetches: tests/test_sources_cmd.py

    missing = sorted(set(load_rules()) - covered - {"FC000"} - set(REFETCH_CODES))
    assert not missing, f"rules with no story folder: {missing}"
