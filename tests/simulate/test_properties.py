"""Random scenarios: they render in every style and their truth is consistent with the log."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from traceview.simulate import STYLES, render, truth
from traceview.simulate.engine import play
from traceview.simulate.rules import CHECKS
from traceview.simulate.strategies import scenarios
from traceview.simulate.templates import matching_template
from traceview.simulate.timeline import Scenario

from .conftest import STYLE_FILE_NAMES

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(scenarios())
def test_random_scenarios_render_in_every_style(scn: Scenario) -> None:
    for style in STYLES:
        assert render(scn, style, seed=1, noise=0.2)
    assert all(matching_template(entry.message) for entry in play(scn)[0])


@SETTINGS
@given(scenarios())
def test_random_truth_is_consistent_with_the_log(scn: Scenario) -> None:
    log = render(scn, "default")
    result = truth(scn)
    assert set(result["rules"]) <= set(CHECKS)
    for task in result["tasks"]:
        assert f"Task <{task['task_uuid']}>.<{task['task_number']}>" in log
        assert (task["final_state"] == "unknown") == (task["unknown_reason"] is not None)
        assert (task["cancel_reason"] is not None) == (task["error_code"] == -999)
    for proc in result["processes"]:
        assert f"{proc['pid']}" in log
        assert (proc["ended_at"] is None) == (proc["end_reason"] == "running_at_end_of_log")


@settings(max_examples=15, deadline=None)
@given(scenarios())
def test_readers_parse_random_scenarios(scn: Scenario) -> None:
    from traceview.sources import parse_text

    for style in STYLES:
        assert (
            parse_text(render(scn, style, noise=0.3), STYLE_FILE_NAMES[style]).counts.malformed == 0
        )
