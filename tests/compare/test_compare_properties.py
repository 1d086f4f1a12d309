"""Properties of compare() over generated Reports."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from report.strategies import REPORTS

from traceview.compare import compare
from traceview.model import Report

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(REPORTS)
@SETTINGS
def test_a_report_compared_with_itself_has_no_deltas(report: Report) -> None:
    same = compare(report, report)
    assert same.regressions == () and same.new_findings == () and same.wording_drift == ()
    assert all(o.points in (None, 0) for o in same.outcomes)


@given(REPORTS, REPORTS)
@SETTINGS
def test_swapping_sides_swaps_new_and_resolved(a: Report, b: Report) -> None:
    forward, backward = compare(a, b), compare(b, a)
    assert {r.rule for r in forward.rules if r.status == "new"} == {
        r.rule for r in backward.rules if r.status == "resolved"
    }
    assert dict(forward.wording_drift) == dict(backward.new_families)
    assert sum(o.new_count for o in forward.outcomes) == len(b.tasks)
