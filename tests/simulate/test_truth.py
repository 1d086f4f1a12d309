"""The ground truth follows docs/semantics.md and is computed from the timeline."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from traceview.simulate import ERAS, NAMED_SCENARIOS, render, scenario, truth
from traceview.simulate import timeline as s


def _contract_rules(reference_dir: Path) -> set[str]:
    text = (reference_dir / "json_report.md").read_text(encoding="utf-8")
    block = text.split("## Rule names (the `rule` field)", 1)[1]
    return set(re.findall(r"[a-z_]{6,}", block))


@pytest.mark.parametrize("name", NAMED_SCENARIOS)
@pytest.mark.parametrize("era", ERAS)
def test_truth_names_only_contract_rules_and_logged_tasks(
    reference_dir: Path, name: str, era: str
) -> None:
    scn = scenario(name, era=era)
    result = truth(scn)
    assert set(result["rules"]) <= _contract_rules(reference_dir)
    log = render(scn, "default")
    for task in result["tasks"]:
        assert f"Task <{task['task_uuid']}>.<{task['task_number']}>" in log or not scn.markers
        if task["final_state"] == "unknown":
            assert task["unknown_reason"] is not None and task["delivered"] is not True
        else:
            assert task["unknown_reason"] is None and task["delivered"] is True
    for proc in result["processes"]:
        assert str(proc["pid"]) in log


def test_main_scenario_delivers_every_upload_after_a_background_relaunch() -> None:
    result = truth(scenario("uploads_after_jetsam"))
    assert {t["final_state"] for t in result["tasks"]} == {"succeeded"}
    assert all(t["delivered"] and t["http_status"] == 201 for t in result["tasks"])
    first, second = result["processes"]
    assert (first["launch_reason"], first["end_reason"]) == ("user", "system_jetsam")
    assert (second["launch_reason"], second["end_reason"]) == (
        "background_urlsession",
        "running_at_end_of_log",
    )
    assert first["launched_at"].endswith("Z") and second["ended_at"] is None
    assert result["rules"] == ["app_terminated_by_system"]


def test_force_quit_cancels_with_reason_zero_at_the_next_user_launch() -> None:
    result = truth(scenario("force_quit_then_user_launch", era="13-16"))
    assert {(t["final_state"], t["error_code"], t["cancel_reason"]) for t in result["tasks"]} == {
        ("cancelled", -999, "user_force_quit")
    }
    assert [p["end_reason"] for p in result["processes"]] == [
        "user_force_quit",
        "running_at_end_of_log",
    ]
    assert {"user_force_quit_cancelled_tasks", "user_relaunch_no_handle_events"} <= set(
        result["rules"]
    )


def test_orphaned_completions_are_completed_not_delivered() -> None:
    result = truth(scenario("session_identifier_mismatch"))
    assert {(t["final_state"], t["delivered"], t["unknown_reason"]) for t in result["tasks"]} == {
        ("unknown", False, "completed_not_delivered")
    }
    assert result["processes"][-1]["end_reason"] == "assertion_timeout"
    assert "session_identifier_mismatch" in result["rules"]


def test_session_of_a_never_resumed_task_needs_a_marker() -> None:
    tasks = truth(scenario("log_ends_while_running", markers=False))["tasks"]
    idle = next(t for t in tasks if t["unknown_reason"] == "never_resumed")
    assert idle["session_identifier"] is None and idle["kind"] == "upload"
    marked = truth(scenario("log_ends_while_running"))["tasks"]
    assert {t["session_identifier"] for t in marked} == {"com.example.photosync.uploads"}


def test_a_crash_right_after_handle_events_is_not_a_handler_never_called() -> None:
    rules = truth(scenario("background_launch_crash"))["rules"]
    assert "background_launch_crash_or_watchdog" in rules
    assert "completion_handler_never_called" not in rules


def test_log_ending_mid_transfer_and_never_resumed_task() -> None:
    reasons = {
        t["task_number"]: t["unknown_reason"]
        for t in truth(scenario("log_ends_while_running"))["tasks"]
    }
    in_flight = "in_flight_at_end_of_log"
    assert reasons == {1: in_flight, 2: in_flight, 3: in_flight, 4: in_flight, 5: "never_resumed"}


def test_ios12_exit_without_a_reason_is_an_unknown_end() -> None:
    # docs/semantics.md: SpringBoard's "taskState: Not Running" ends the run, reason unknown.
    result = truth(scenario("uploads_after_jetsam", era="12"))
    assert result["processes"][0]["end_reason"] == "unknown"
    assert result["processes"][0]["ended_at"] is not None
    never = truth(scenario("completion_handler_never_called", era="12"))
    assert never["processes"][-1]["end_reason"] == "assertion_timeout"


def test_truth_follows_the_timeline_not_a_table() -> None:
    scn = scenario("uploads_after_jetsam")
    without_delivery = dataclasses.replace(
        scn, timeline=tuple(step for step in scn.timeline if not isinstance(step, s.Deliver))
    )
    tasks = truth(without_delivery)["tasks"]
    assert {t["unknown_reason"] for t in tasks} == {"completed_not_delivered"}
    assert "task_final_state_unknown" in truth(without_delivery)["rules"]


def test_timestamps_follow_the_style() -> None:
    scn = scenario("uploads_after_jetsam")
    assert truth(scn, "compact")["processes"][0]["launched_at"] == "2026-03-14T10:12:05.000000"
    assert truth(scn, "relay")["processes"][0]["launched_at"] == "2026-03-14T10:12:05.000000"
    assert truth(scn, "default")["processes"][0]["launched_at"] == "2026-03-14T09:12:05.000622Z"
    assert truth(scn, "ndjson")["processes"][0]["launched_at"].startswith("2026-03-14T09:12:05.")
