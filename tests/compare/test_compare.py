"""compare(): the deltas between an iOS 12 force-quit capture and an iOS 17 jetsam capture."""

from __future__ import annotations

import dataclasses

import pytest
from report.fixtures import legacy_report, seed_report

from traceview.compare import compare, compare_matrix, fail_reason, percentiles
from traceview.errors import TraceviewError
from traceview.model import Coverage, Finding, InputInfo, Severity


@pytest.fixture(scope="module")
def ios12_to_17():
    return compare(legacy_report(), seed_report())


def test_sides_are_labelled_by_os(ios12_to_17) -> None:
    assert (ios12_to_17.base.label, ios12_to_17.new.label) == (
        "iOS 12.4 (16G77)",
        "iOS 17.5 (21F79)",
    )


def test_outcome_distribution_and_unknown_share(ios12_to_17) -> None:
    rows = {o.state: o for o in ios12_to_17.outcomes}
    assert (rows["cancelled"].base_count, rows["cancelled"].new_count) == (3, 0)
    assert rows["succeeded"].new_share == pytest.approx(60.0)
    assert rows["unknown"].base_share == 0.0 and rows["unknown"].new_share == pytest.approx(20.0)
    assert rows["unknown"].points == pytest.approx(20.0)


def test_timing_percentiles_from_report_metrics(ios12_to_17) -> None:
    timings = {t.metric: t for t in ios12_to_17.timings}
    latency = timings["delivery_latency_s"]
    assert latency.base.p90 == 4581.5 and latency.new.p50 == 1279.2 and latency.new.max == 1281.2
    assert latency.p90_ratio == pytest.approx(1281.2 / 4581.5)
    assert (
        timings["wake_to_handler_s"].base.count == 0
        and timings["wake_to_handler_s"].new.p90 == 1.85
    )
    assert timings["request_delays_s"].base.max == 240.0
    assert (ios12_to_17.base.relaunches, ios12_to_17.new.relaunches) == (0, 1)


def test_findings_new_resolved_persisting_by_rule(ios12_to_17) -> None:
    status = {r.rule: (r.status, r.base, r.new) for r in ios12_to_17.rules}
    assert status["http_error_status"] == ("new", 0, 1)
    assert status["user_force_quit_cancelled_tasks"] == ("resolved", 1, 0)
    assert status["delivery_latency"] == ("persisting", 1, 1)
    assert {r.rule for r in ios12_to_17.new_findings} == {
        "http_error_status", "task_final_state_unknown", "app_terminated_by_system",
    }  # fmt: skip
    assert ios12_to_17.rules[0].rule == "http_error_status"  # new and worst first


def test_family_matched_only_on_base_is_wording_drift_not_behaviour(ios12_to_17) -> None:
    assert dict(ios12_to_17.wording_drift) == {
        "task_completed_for_client": 3,
        "task_load_failed": 3,
    }
    assert "task_ack_completion" in dict(ios12_to_17.new_families)
    assert not any("task_completed_for_client" in r for r in ios12_to_17.regressions)


def test_regressions_name_what_got_worse(ios12_to_17) -> None:
    assert ios12_to_17.regressions == (
        "failed share 0% → 20%",
        "unknown share 0% → 20%",
        "new error finding http_error_status",
    )


def test_the_reverse_direction_has_no_share_regression_but_a_longer_latency() -> None:
    backwards = compare(seed_report(), legacy_report())
    assert "delivery latency p90 1281 s → 4582 s" in backwards.regressions
    assert not [r for r in backwards.regressions if "share" in r and "unknown" in r]


def test_identical_reports_have_no_deltas() -> None:
    same = compare(seed_report(), seed_report())
    assert same.regressions == () and same.new_findings == () and same.wording_drift == ()
    assert all(o.points == 0 for o in same.outcomes)
    assert {r.status for r in same.rules} == {"persisting"}


def test_percentiles_are_nearest_rank() -> None:
    p = percentiles([float(v) for v in range(1, 11)])
    assert (p.count, p.p50, p.p90, p.max) == (10, 5.0, 9.0, 10.0)
    assert percentiles([]).p50 is None


def test_reports_without_tasks_or_metrics_compare_without_errors() -> None:
    empty = dataclasses.replace(
        seed_report(), tasks=(), metrics={}, findings=(), coverage=Coverage()
    )
    result = compare(empty, seed_report())
    assert result.outcomes[0].base_share is None and result.outcomes[0].points is None
    assert result.base.relaunches is None


def test_matrix_pools_reports_by_os_version_oldest_first() -> None:
    matrix = compare_matrix([seed_report(), legacy_report(), seed_report()], by="os_version")
    assert [s.label for s in matrix.sides] == ["iOS 12.4", "iOS 17.5"]
    assert [s.reports for s in matrix.sides] == [1, 2]
    assert matrix.sides[1].tasks == 10 and matrix.sides[1].relaunches == 2
    assert len(matrix.steps) == 1 and matrix.steps[0].base.label == "iOS 12.4"


def test_matrix_rejects_an_unknown_grouping() -> None:
    with pytest.raises(TraceviewError, match="--by"):
        compare_matrix([seed_report()], by="colour")


def test_fail_on_triggers_per_criterion(ios12_to_17) -> None:
    same = compare(seed_report(), seed_report())
    assert fail_reason([ios12_to_17], "new-findings") is not None
    assert fail_reason([same], "new-findings") is None
    assert fail_reason([same], "regression") is None
    assert fail_reason([ios12_to_17], None) is None
    with pytest.raises(TraceviewError, match="--fail-on"):
        fail_reason([same], "anything")


def test_new_warning_alone_is_a_new_finding_but_not_a_regression() -> None:
    warning = Finding("waiting_for_connectivity", Severity.WARNING, "waited")
    new = dataclasses.replace(seed_report(), findings=(*seed_report().findings, warning))
    result = compare(seed_report(), new)
    assert [r.rule for r in result.new_findings] == ["waiting_for_connectivity"]
    assert not result.is_regression


def test_sides_without_an_os_version_are_named_by_file() -> None:
    anonymous = dataclasses.replace(
        seed_report(),
        device={},
        inputs=(
            InputInfo("/home/dev/captures/before.log", "log_show", None, None, 10),
            InputInfo("/home/dev/captures/extra.log", "log_show", None, None, 5),
        ),
    )
    assert compare(anonymous, seed_report()).base.label == "before.log +1"
