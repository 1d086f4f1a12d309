"""Compare the same story logged by two iOS eras: behaviour equal, wording drift reported.

Both sides are simulator renderings analysed by the real pipeline; the expected deltas come from
the scenarios' ground truth, not from typed numbers.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from traceview.api import analyze
from traceview.compare import compare
from traceview.model import Report
from traceview.simulate import render, scenario, truth


def analysed(tmp_path: Path, name: str, era: str) -> tuple[Report, dict]:
    scn = scenario(name, era=era)
    path = tmp_path / f"{name}-{era}.ndjson"
    path.write_text(render(scn, "ndjson", noise=0.2), encoding="utf-8")
    return analyze([path]).report, truth(scn)


@pytest.fixture(scope="module")
def ios12_to_ios17(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("eras")
    base, base_truth = analysed(tmp, "uploads_after_jetsam", "12")
    new, new_truth = analysed(tmp, "uploads_after_jetsam", "17+")
    return compare(base, new), base_truth, new_truth


def test_outcome_distribution_follows_each_truth(ios12_to_ios17) -> None:  # type: ignore[no-untyped-def]
    comparison, base_truth, new_truth = ios12_to_ios17
    for delta in comparison.outcomes:
        assert (
            delta.base_count == Counter(t["final_state"] for t in base_truth["tasks"])[delta.state]
        )
        assert delta.new_count == Counter(t["final_state"] for t in new_truth["tasks"])[delta.state]


def test_findings_new_resolved_and_persisting_follow_each_truth(ios12_to_ios17) -> None:  # type: ignore[no-untyped-def]
    comparison, base_truth, new_truth = ios12_to_ios17
    base_rules, new_rules = set(base_truth["rules"]), set(new_truth["rules"])
    status = {delta.rule: delta.status for delta in comparison.rules}
    assert {r for r, s in status.items() if s == "new"} == new_rules - base_rules
    assert {r for r, s in status.items() if s == "resolved"} == base_rules - new_rules
    assert {r for r, s in status.items() if s == "persisting"} == base_rules & new_rules


def test_assertiond_families_are_wording_drift(ios12_to_ios17) -> None:  # type: ignore[no-untyped-def]
    comparison, _, _ = ios12_to_ios17
    drift = {family for family, _count in comparison.wording_drift}
    # iOS 12 grants the wake assertion through assertiond (and its CFNetwork logs TIC lines);
    # iOS 17 has RunningBoard instead: families seen only on the old side are wording drift.
    assert {"ad_assertion_added", "ad_permission_timer", "tic_event"} <= drift
    new_only = {family for family, _count in comparison.new_families}
    assert any(family.startswith("rb_") for family in new_only)
    # The story is the same, so no behaviour regression is claimed.
    assert not any("succeeded" in sentence for sentence in comparison.regressions)
