"""Reconstruction of app runs, sessions and tasks from signal lists (urlsession_rules.md §6)."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from tests.lifecycle.builders import (
    APP,
    EXE,
    S_UUID,
    SID,
    T1,
    T2,
    ack,
    app_line,
    at,
    bg_setup,
    completed,
    fb_state,
    force_quit,
    frame,
    launch_request,
    mark,
    registered,
    seed_jetsam_relaunch,
    sig,
    suspend,
    task,
    terminated,
    upload_start,
    wake_request,
)
from traceview.lifecycle import reconstruct, to_model


def one(frame_: pl.DataFrame, **where: object) -> dict:
    rows = frame_.filter(**where).to_dicts()
    assert len(rows) == 1, rows
    return rows[0]


class TestSeedScenario:
    """Uploads, app suspended and killed by jetsam, background relaunch, delivery (§6)."""

    rec = reconstruct(frame(seed_jetsam_relaunch()))

    def test_two_runs_user_then_relaunch(self) -> None:
        first = one(self.rec.processes, pid=100)
        second = one(self.rec.processes, pid=200)
        assert (first["launch_reason"], first["end_reason"]) == ("user", "system_jetsam")
        assert first["ended_at"] == at(600) and first["process"] == EXE
        assert (second["launch_reason"], second["end_reason"]) == (
            "background_urlsession",
            "running_at_end_of_log",
        )
        assert second["launched_at"] == at(906.2)

    def test_one_session_created_in_both_runs(self) -> None:
        session = one(self.rec.sessions, identifier=SID)
        assert session["bundle_id"] == APP
        assert session["created_at"] == [at(1), at(907)]  # app + daemon line count once
        assert session["pids"] == [100, 200] and session["daemon_uuids"] == [S_UUID]

    def test_uploads_succeed_and_are_delivered_to_the_relaunch(self) -> None:
        for uuid, done, got in ((T1, 900, 908), (T2, 905, 908.5)):
            row = one(self.rec.tasks, task_uuid=uuid)
            assert row["kind"] == "upload" and row["final_state"] == "succeeded"
            assert row["delivered"] is True and row["unknown_reason"] is None
            assert (row["completed_at"], row["delivered_at"]) == (at(done), at(got))
            assert row["created_pid"] == 100 and row["delivered_pid"] == 200
            assert row["http_status"] == 201 and row["error_code"] == 0

    def test_metrics(self) -> None:
        metrics = self.rec.metrics
        assert metrics["delivery_latency_s"] == [8.0, 3.5]
        assert metrics["relaunches"] == 1 and metrics["request_delays_s"] == [60.0]
        assert metrics["tasks_by_state"] == {"succeeded": 2}

    def test_marks(self) -> None:
        kinds = [(mark.kind, mark.pid) for mark in self.rec.marks]
        assert ("relaunch", 200) in kinds and ("kill", 100) in kinds
        assert ("suspend", 100) in kinds and ("wake_requested", None) in kinds
        assert [m.at for m in self.rec.marks] == sorted(m.at for m in self.rec.marks)
        kill = next(m for m in self.rec.marks if m.kind == "kill")
        assert [origin.line for origin in kill.evidence] == [16]

    def test_model(self) -> None:
        processes, sessions, tasks = to_model(self.rec)
        assert [p.pid for p in processes] == [100, 200]
        assert processes[0].launched_at == "2024-05-01T10:00:00.100000Z"  # first line with its pid
        assert processes[0].suspended == (("2024-05-01T10:00:30.000000Z", None),)
        assert sessions[0].created_at[1] == "2024-05-01T10:15:07.000000Z"
        assert {t.task_uuid for t in tasks} == {T1, T2}
        assert tasks[0].delivery_latency_s == 8.0 and tasks[0].evidence[0].path == "test.log"


def test_force_quit_path() -> None:
    rec = reconstruct(frame(force_quit()))
    quit_run = one(rec.processes, pid=100)
    assert quit_run["end_reason"] == "user_force_quit"
    assert one(rec.processes, pid=300)["launch_reason"] == "user"
    row = one(rec.tasks, task_uuid=T1)
    assert (row["final_state"], row["error_code"], row["cancel_reason"]) == (
        "cancelled",
        -999,
        "user_force_quit",
    )
    assert row["delivered"] is True and row["delivered_pid"] == 300
    assert "force_quit" in {m.kind for m in rec.marks}


def test_log_starting_mid_story() -> None:
    """The task and the app existed before the capture began."""
    rows = [
        task("task_progress", 0, T1, 5, bytes_received=10, bytes_expected=100),
        suspend(5, 100),
        fb_state(6, 100, "Background"),
        completed(50, T1, 5),
        ack(51, T1, 5),
        task("task_progress", 60, T2, 6),
    ]
    rec = reconstruct(frame(rows))
    run = one(rec.processes, pid=100)
    assert run["launch_reason"] == "unknown" and run["launched_at"] is None
    assert run["end_reason"] == "running_at_end_of_log"
    done = one(rec.tasks, task_uuid=T1)
    assert done["final_state"] == "succeeded" and done["created_at"] is None
    assert done["bytes_expected"] == 100
    assert one(rec.tasks, task_uuid=T2)["unknown_reason"] == "in_flight_at_end_of_log"


def test_two_inputs_and_a_reboot() -> None:
    """A task created in one export and delivered in the next, after a reboot (new pids)."""
    before = frame(
        [launch_request(0), fb_state(0.1, 100, "Foreground"), *upload_start(2, T1, 1, 100)], "a.log"
    )
    after_rows = [launch_request(4000), fb_state(4000.1, 41, "Foreground"), bg_setup(4001, 41)]
    after_rows += [completed(4002, T1, 1), ack(4003, T1, 1)]
    after = frame(after_rows, "b.log")
    rec = reconstruct(pl.concat([before, after]))
    assert sorted(rec.processes["pid"].to_list()) == [41, 100]
    row = one(rec.tasks, task_uuid=T1)
    assert row["final_state"] == "succeeded" and row["delivered_pid"] == 41
    assert {origin["path"] for origin in row["evidence"]} == {"a.log", "b.log"}


def test_redacted_identifiers_are_resolved_from_other_lines() -> None:
    rows = [
        fb_state(0, 100, "Foreground"),
        launch_request(0),
        bg_setup(1, 100),  # the app names its session
        registered(
            2, T1, 1, sid=None, bundle=None
        ),  # Task <T>.<1> is for <<private>>.<<private>>.<1>
        task("task_resuming", 2.1, T1, 1, process=EXE, pid=100),  # the app's own line: its pid
        sig("client_disconnected", 30, session_uuid=S_UUID),  # NDSession <S> client <private> ...
    ]
    rec = reconstruct(frame(rows))
    row = one(rec.tasks, task_uuid=T1)
    assert (row["bundle_id"], row["session_identifier"]) == (APP, SID)
    disconnected = rec.signals.filter(pl.col("kind") == "client_disconnected").row(0, named=True)
    assert (disconnected["bundle"], disconnected["sid"]) == (APP, SID)


def test_markers_join_tasks_and_time_the_wake() -> None:
    rows = [
        wake_request(0),
        fb_state(0.2, 200, "Background"),
        mark("session.create", 1, 200),
        registered(1.5, T1, 7),
        mark("handleEvents", 2, 200),
        mark("task.complete", 3, 200, task_number=7, error_code=0, http_status=201),
        mark("didFinishEvents", 4, 200),
        mark("handleEvents.completion.called", 6, 200),
    ]
    rec = reconstruct(frame(rows))
    row = one(rec.tasks, task_uuid=T1)
    assert row["final_state"] == "succeeded" and row["http_status"] == 201
    wake = rec.wakes.row(0, named=True)
    assert (wake["called_at"], wake["finished_at"]) == (at(6), at(4))
    assert rec.metrics["wake_to_handler_s"] == [4.0]


def test_wake_by_handlesession_assertion_is_a_urlsession_launch() -> None:
    assertion = sig(
        "ad_assertion_added",
        0.3,
        "assertiond",
        target_pid=12648,
        bundle_id=APP,
        assertion_name="com.apple.nsurlsessiond.handlesession "
        "com.mycompany.backgrounddemo.background1",
    )
    rec = reconstruct(frame([fb_state(0.2, 12648, "Unknown"), assertion]))
    assert one(rec.processes, pid=12648)["launch_reason"] == "background_urlsession"
    assert "wake_assertion" in {m.kind for m in rec.marks}


def test_background_launch_by_something_else() -> None:
    rec = reconstruct(frame([launch_request(0), fb_state(0.2, 1957, "Background")]))
    assert one(rec.processes, pid=1957)["launch_reason"] == "background_other"


@pytest.mark.parametrize(
    ("namespace", "code", "expected"),
    [
        (10, 0xDEADFA11, "user_force_quit"),
        (1, 0, "system_jetsam"),
        (2, 10, "crash"),
        (2, 9, "system_other"),
        (2, 15, "system_other"),
        (10, 0x8BADF00D, "watchdog"),
        (15, 0x2182BAD3, "assertion_timeout"),
        (10, 0xFBFBFBFB, "system_other"),
        (0, 0, "unknown"),
    ],
)
def test_end_reason_decoded_from_the_launchd_triple(
    namespace: int, code: int, expected: str
) -> None:
    exit_line = terminated(10, 100, namespace, code, None)  # the grammar left exit_reason empty
    rec = reconstruct(frame([fb_state(0, 100, "Foreground"), exit_line]))
    assert one(rec.processes, pid=100)["end_reason"] == expected


def test_specific_end_reason_beats_a_generic_kill() -> None:
    rows = [
        fb_state(0, 100, "Background"),
        sig(
            "rb_terminating",
            9,
            "runningboardd",
            bundle_id=APP,
            target_pid=100,
            exit_code=0x2182BAD3,
            exit_reason="assertion_timeout",
            detail="0x2182bad3",
        ),
        terminated(10, 100, 2, 9, "system_other"),
    ]
    run = one(reconstruct(frame(rows)).processes, pid=100)
    assert (run["end_reason"], run["end_detail"]) == ("assertion_timeout", "0x2182bad3")


def test_suspension_pairs() -> None:
    rows = [
        fb_state(0, 100, "Foreground"),
        suspend(10, 100),
        sig("rb_resume", 20, "runningboardd", bundle_id=APP, target_pid=100),
        suspend(30, 100),
    ]
    run = one(reconstruct(frame(rows)).processes, pid=100)
    assert run["suspended"] == [
        {"suspended_at": at(10), "resumed_at": at(20)},
        {"suspended_at": at(30), "resumed_at": None},
    ]


def test_app_filter_keeps_one_bundle() -> None:
    other = "com.example.other"
    rows = [fb_state(0, 100, "Foreground"), fb_state(1, 101, "Foreground", bundle=other)]
    rows += [registered(2, T1, 1), registered(3, T2, 1, sid="x", bundle=other)]
    rec = reconstruct(frame(rows), app=APP)
    assert rec.processes["bundle_id"].to_list() == [APP]
    assert rec.tasks["task_uuid"].to_list() == [T1]


def test_unknown_reasons() -> None:
    rows = [
        task("task_upload_created", 0, T1, 1, task_kind="upload"),  # never resumed
        *upload_start(1, T2, 2, 100),
        completed(5, T2, 2),  # completed, never delivered
        mark("task.resume", 6, 100, task_number=3),  # app says resumed, nothing else
        app_line("ui_backgrounded", 100, 100),
    ]
    rec = reconstruct(frame(rows), log_end=datetime(2024, 5, 1, 12))
    reasons = dict(zip(rec.tasks["task_number"], rec.tasks["unknown_reason"], strict=True))
    assert reasons == {1: "never_resumed", 2: "completed_not_delivered", 3: "no_terminal_event"}
    assert one(rec.tasks, task_number=2)["delivered"] is False
    assert rec.log_end == datetime(2024, 5, 1, 12)


def test_foreground_data_tasks_of_the_app_are_not_background_tasks() -> None:
    summary = app_line("task_summary", 5, 100, task_uuid=T1, task_number=1, http_status=200)
    rec = reconstruct(frame([fb_state(0, 100, "Foreground"), bg_setup(1, 100), summary]))
    assert rec.tasks.is_empty()


def test_empty_signals() -> None:
    rec = reconstruct(frame([]).clear())
    assert rec.processes.is_empty() and rec.sessions.is_empty() and rec.tasks.is_empty()
    assert rec.marks == () and rec.metrics["tasks"] == 0 and rec.log_end is None
    assert to_model(rec) == ((), (), ())


def test_session_configuration_from_the_daemon() -> None:
    timeouts = sig(
        "session_configured",
        1,
        session_uuid=S_UUID,
        bundle_id=APP,
        session_id=SID,
        duration_seconds=14400.0,
        detail="request timeout: 60.000000, allowsCellularAccess: 0",
    )
    session = one(reconstruct(frame([timeouts])).sessions, identifier=SID)
    assert (session["resource_timeout_s"], session["allows_cellular"]) == (14400.0, False)


def test_message_only_paste_without_timestamps() -> None:
    rows = [{**row, "timestamp": None} for row in seed_jetsam_relaunch()]
    rec = reconstruct(frame(rows))
    assert rec.tasks["final_state"].to_list() == ["succeeded", "succeeded"]
    assert one(rec.processes, pid=100)["end_reason"] == "system_jetsam"
    _, sessions, tasks = to_model(rec)
    assert tasks[0].completed_at is None and sessions[0].created_at == ()


def test_runningboard_state_without_pid_resumes_the_running_app() -> None:
    # Calculated state for application<b>: running-active (role: Background)
    active = sig(
        "rb_state", 20, "runningboardd", bundle_id=APP, state="running-active", role="Background"
    )
    rows = [fb_state(0, 100, "Foreground"), suspend(10, 100), active, suspend(30, 100)]
    run = one(reconstruct(frame(rows)).processes, pid=100)
    assert [pair["resumed_at"] for pair in run["suspended"]] == [at(20), None]
