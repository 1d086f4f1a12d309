"""Failing and passing signal lists for every rule (the passing ones include each doc's false
positives). `CASES[rule_name] = (failing, passing)`; a case is (description, rows, severity)
where `severity` is the expected severity of the findings, or None for the rule's default.
"""

from __future__ import annotations

from typing import Any

from tests.lifecycle.builders import (
    APP,
    SID,
    T1,
    T2,
    ack,
    app_line,
    bg_setup,
    completed,
    fb_state,
    force_quit,
    launch_request,
    load_failed,
    mark,
    registered,
    request_delay,
    seed_jetsam_relaunch,
    session_created,
    sig,
    suspend,
    task,
    terminated,
    upload_start,
    wake_request,
)

Rows = list[dict[str, Any]]
Case = tuple[str, Rows, str | None]

UUID_A = "5F0C8B1E-2D7A-4C39-9B6E-0A1D2C3E4F50"
UUID_B = "9E8D7C6B-5A49-4382-A1B0-C9D8E7F6A5B4"


def relaunch(pid: int = 200, t: float = 0) -> Rows:
    """nsurlsessiond wakes the app; SpringBoard shows the new process in the background."""
    return [wake_request(t), fb_state(t + 0.2, pid, "Background")]


def user_launch(pid: int = 100, t: float = 0) -> Rows:
    return [launch_request(t), fb_state(t + 0.1, pid, "Foreground")]


def wake_with(*names_at: tuple[str, float], pid: int = 200, end: float = 120) -> Rows:
    """A relaunch whose app logs the given markers, then is suspended at `end`."""
    rows = [*relaunch(pid), bg_setup(1, pid)]
    rows += [mark(name, t, pid) for name, t in names_at]
    return [*rows, suspend(end, pid)]


def kill(t: float, pid: int, code: int, reason: str, detail: str) -> dict[str, Any]:
    # [app<b>:pid] Terminating with context: <RBSTerminateContext| code:0x... explanation:...>
    return sig(
        "rb_terminating",
        t,
        "runningboardd",
        bundle_id=APP,
        target_pid=pid,
        exit_code=code,
        exit_reason=reason,
        detail=detail,
    )


def overdue(t: float, pid: int = 100) -> dict[str, Any]:
    # [BackgroundTask] Background Task 1 ("..."), was created over 30 seconds ago. ...
    return app_line("ui_bg_task_overdue", t, pid, bg_task_id=1, name="Called by Uploader")


def delivered_upload(n: int, uuid: str, t: float, pid: int = 100, http: int = 201) -> Rows:
    return [
        *upload_start(t, uuid, n, pid),
        completed(t + 5, uuid, n, http_status=http),
        ack(t + 6, uuid, n),
    ]


def creates(count: int, desc: str) -> Rows:
    return [
        mark(
            "task.create",
            2 + i,
            100,
            task_number=i + 1,
            task_kind="upload",
            detail=f"desc={desc}",
        )
        for i in range(count)
    ]


def many_tasks(count: int, every: float = 0.01) -> Rows:
    return [registered(1 + i * every, T1, i + 1) for i in range(count)]


def cellular(flag: int) -> dict[str, Any]:
    # NDSession <S> Session <S> is for <b>.<sid> using resource timeout: ...,
    # allowsCellularAccess: N, ...
    timeouts = "using resource timeout: 14400.000000, request timeout: 60.000000"
    detail = f"{timeouts} allowsCellularAccess: {flag}"
    return sig("session_configured", 0.5, bundle_id=APP, session_id=SID, detail=detail)


def resumed_only(t: float, uuid: str = T1, n: int = 1) -> Rows:
    return [registered(t, uuid, n), task("task_enqueued", t + 0.1, uuid, n)]


def debugging(reason: str) -> dict[str, Any]:
    # Current discretionary status for <private> is non-discretionary, since the app is being
    # debugged
    # (the grammar puts the status in `state` and the explanation in `detail`)
    state, _, why = reason.partition(", ")
    return sig("discretionary_status", 1, state=state, detail=why or None)


SIMULATOR_PATH = "/Users/dev/Library/Developer/CoreSimulator/Devices/A10A3A14/data/log.txt"

CASES: dict[str, tuple[list[Case], list[Case]]] = {
    "completion_handler_never_called": (
        [
            (
                "handleEvents, no handler call",
                wake_with(("handleEvents", 10), ("didFinishEvents", 12)),
                None,
            ),
            (
                "UIKit warning",
                [
                    app_line("handler_never_called_warning", 10, 100),
                    app_line("ui_backgrounded", 90, 100),
                ],
                None,
            ),
            (
                "relaunch killed 0x2182bad3",
                [
                    *relaunch(),
                    bg_setup(1, 200),
                    kill(40, 200, 0x2182BAD3, "assertion_timeout", "0x2182bad3"),
                    suspend(90, 300),
                ],
                None,
            ),
        ],
        [
            (
                "handler called",
                wake_with(
                    ("handleEvents", 10),
                    ("didFinishEvents", 12),
                    ("handleEvents.completion.called", 13),
                ),
                None,
            ),
            (
                "log ends right after the wake",
                [
                    *relaunch(),
                    bg_setup(1, 200),
                    mark("handleEvents", 10, 200),
                    app_line("ui_backgrounded", 15, 200),
                ],
                None,
            ),
            (
                "user app killed 0x2182bad2",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    kill(40, 100, 0x2182BAD2, "assertion_timeout", "0x2182bad2"),
                ],
                None,
            ),
        ],
    ),
    "completion_handler_called_early": (
        [
            (
                "called before didFinishEvents",
                wake_with(
                    ("handleEvents", 10),
                    ("handleEvents.completion.called", 11),
                    ("didFinishEvents", 13),
                ),
                None,
            ),
            (
                "completions after the call",
                wake_with(
                    ("handleEvents", 10),
                    ("handleEvents.completion.called", 11),
                    ("task.complete", 12),
                ),
                None,
            ),
        ],
        [
            (
                "called after didFinishEvents",
                wake_with(
                    ("handleEvents", 10),
                    ("task.complete", 11),
                    ("didFinishEvents", 12),
                    ("handleEvents.completion.called", 13),
                ),
                None,
            ),
            ("no markers", seed_jetsam_relaunch(), None),
        ],
    ),
    "slow_background_wake": (
        [
            (
                "25 s to the handler",
                wake_with(
                    ("handleEvents", 10),
                    ("didFinishEvents", 30),
                    ("handleEvents.completion.called", 35),
                ),
                None,
            )
        ],
        [
            (
                "5 s to the handler",
                wake_with(
                    ("handleEvents", 10),
                    ("didFinishEvents", 12),
                    ("handleEvents.completion.called", 15),
                ),
                None,
            )
        ],
    ),
    "session_not_recreated_on_relaunch": (
        [
            (
                "relaunch without a session",
                [*relaunch(), app_line("ui_backgrounded", 5, 200), suspend(60, 200)],
                None,
            )
        ],
        [
            (
                "relaunch recreates the session",
                [*relaunch(), bg_setup(1, 200), session_created(1.01), suspend(60, 200)],
                None,
            ),
            (
                "log ends 5 s after the relaunch",
                [*relaunch(), app_line("ui_backgrounded", 5, 200)],
                None,
            ),
        ],
    ),
    "session_identifier_mismatch": (
        [
            (
                "woken for X, created Y",
                [
                    *relaunch(),
                    mark("handleEvents", 1, 200),
                    bg_setup(2, 200, sid="com.example.other"),
                    suspend(60, 200),
                ],
                None,
            ),
            (
                "a new UUID identifier per process",
                [
                    *user_launch(),
                    bg_setup(1, 100, sid=f"upload-{UUID_A}"),
                    *user_launch(300, 500),
                    bg_setup(501, 300, sid=f"upload-{UUID_B}"),
                ],
                None,
            ),
        ],
        [
            (
                "woken for X, created X",
                [*relaunch(), mark("handleEvents", 1, 200), bg_setup(2, 200), suspend(60, 200)],
                None,
            ),
            (
                "the same UUID identifier each time",
                [
                    *user_launch(),
                    bg_setup(1, 100, sid=f"upload-{UUID_A}"),
                    *user_launch(300, 500),
                    bg_setup(501, 300, sid=f"upload-{UUID_A}"),
                ],
                None,
            ),
        ],
    ),
    "user_relaunch_no_handle_events": (
        [("force quit, next user launch", force_quit(), None)],
        [
            (
                "tasks start and end in one user launch",
                [*user_launch(), bg_setup(1, 100), *delivered_upload(1, T1, 2)],
                None,
            ),
            ("background relaunch", seed_jetsam_relaunch(), None),
        ],
    ),
    "duplicate_session_identifier": (
        [
            (
                "UIKit-side warning",
                [*user_launch(), app_line("duplicate_session_warning", 5, 100, session_id=SID)],
                None,
            ),
            (
                "two setups in one process",
                [*user_launch(), bg_setup(1, 100), bg_setup(5, 100)],
                None,
            ),
        ],
        [
            (
                "one setup per process",
                [*user_launch(), bg_setup(1, 100), *user_launch(200, 100), bg_setup(101, 200)],
                None,
            ),
            (
                "invalidated in between",
                [
                    *user_launch(),
                    mark("session.create", 1, 100),
                    mark("session.invalidate", 50, 100),
                    mark("session.create", 100, 100),
                ],
                None,
            ),
        ],
    ),
    "task_created_in_invalidated_session": (
        [
            (
                "exception",
                [*user_launch(), app_line("invalidated_session_exception", 5, 100)],
                None,
            ),
            (
                "invalidate then recreate at once",
                [
                    *user_launch(),
                    mark("session.create", 1, 100),
                    mark("session.invalidate", 5, 100),
                    mark("session.create", 6, 100),
                ],
                None,
            ),
        ],
        [
            (
                "recreated after the window",
                [
                    *user_launch(),
                    mark("session.create", 1, 100),
                    mark("session.invalidate", 5, 100),
                    mark("session.create", 60, 100),
                ],
                None,
            )
        ],
    ),
    "session_invalidated_with_tasks_in_flight": (
        [
            (
                "invalidateAndCancel with a running upload",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *upload_start(2, T1, 1, 100),
                    mark("session.invalidate", 10, 100),
                    load_failed(11, T1, 1, 100, -999),
                ],
                None,
            )
        ],
        [
            (
                "invalidate after delivery",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *delivered_upload(1, T1, 2),
                    mark("session.invalidate", 20, 100),
                ],
                None,
            ),
            (
                "extension hand-back after didFinishEvents",
                [
                    *relaunch(),
                    bg_setup(1, 200),
                    *upload_start(2, T1, 1, 200),
                    mark("didFinishEvents", 9, 200),
                    mark("session.invalidate", 10, 200),
                    suspend(60, 200),
                ],
                None,
            ),
        ],
    ),
    "extension_session_conflict": (
        [
            (
                "-996 in use by another process",
                [*user_launch(), bg_setup(1, 100), load_failed(5, T1, 1, 100, -996)],
                None,
            ),
            (
                "one identifier, two bundles",
                [session_created(1), session_created(50, bundle=f"{APP}.share")],
                None,
            ),
        ],
        [
            (
                "own identifier per extension",
                [
                    session_created(1),
                    session_created(50, sid=f"{SID}.share", bundle=f"{APP}.share"),
                ],
                None,
            )
        ],
    ),
    "upload_from_data_or_stream": (
        [
            (
                "NSData exception",
                [*user_launch(), app_line("upload_from_data_exception", 5, 100)],
                None,
            ),
            (
                "data task in a background session",
                [registered(1, T1, 1), task("task_enqueued", 1.1, T1, 1, task_kind="data")],
                "error",
            ),
        ],
        [
            (
                "upload from a file",
                [*user_launch(), bg_setup(1, 100), *upload_start(2, T1, 1, 100)],
                None,
            )
        ],
    ),
    "background_session_convenience_api": (
        [("exception", [*user_launch(), app_line("completion_blocks_exception", 5, 100)], None)],
        [("delegate-based session", seed_jetsam_relaunch(), None)],
    ),
    "lost_connection_to_background_service": (
        [
            (
                "-997",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    app_line("task_finished", 5, 100, task_uuid=T1, task_number=3, error_code=-997),
                ],
                None,
            )
        ],
        [
            (
                "-1001 timeout",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    app_line(
                        "task_finished", 5, 100, task_uuid=T1, task_number=3, error_code=-1001
                    ),
                ],
                None,
            )
        ],
    ),
    "task_never_resumed": (
        [
            (
                "created, never resumed",
                [
                    task("task_upload_created", 1, T1, 1, task_kind="upload"),
                    registered(1.01, T1, 1),
                    *resumed_only(200, T2, 2),
                ],
                None,
            )
        ],
        [
            (
                "created and resumed",
                [*user_launch(), bg_setup(1, 100), *upload_start(2, T1, 1, 100)],
                None,
            ),
            (
                "log ends 30 s after creation",
                [
                    task("task_upload_created", 1, T1, 1, task_kind="upload"),
                    *resumed_only(30, T2, 2),
                ],
                None,
            ),
        ],
    ),
    "user_force_quit_cancelled_tasks": (
        [("-999 reason 0", force_quit(), None)],
        [
            (
                "-999 without a reason (the app cancelled)",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *upload_start(2, T1, 1, 100),
                    load_failed(9, T1, 1, 100, -999),
                ],
                None,
            )
        ],
    ),
    "system_cancelled_background_updates_disabled": (
        [
            (
                "-999 reason 1",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    load_failed(9, T1, 1, 100, -999, reason=1),
                ],
                None,
            )
        ],
        [("-999 reason 0", force_quit(), None)],
    ),
    "system_cancelled_insufficient_resources": (
        [
            (
                "-999 reason 2",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    load_failed(9, T1, 1, 100, -999, reason=2),
                ],
                None,
            )
        ],
        [
            (
                "-999 reason 1",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    load_failed(9, T1, 1, 100, -999, reason=1),
                ],
                None,
            )
        ],
    ),
    "http_error_status": (
        [
            (
                "413 without a transport error",
                [*user_launch(), bg_setup(1, 100), *delivered_upload(1, T1, 2, http=413)],
                None,
            )
        ],
        [
            ("201", [*user_launch(), bg_setup(1, 100), *delivered_upload(1, T1, 2)], None),
            (
                "500 with a transport error",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(7, T1, 1, code=-1005, http_status=500),
                    ack(8, T1, 1),
                ],
                None,
            ),
            (
                "413 not yet delivered",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(7, T1, 1, http_status=413),
                ],
                None,
            ),
        ],
    ),
    "task_final_state_unknown": (
        [
            (
                "still in flight",
                [*user_launch(), bg_setup(1, 100), *upload_start(2, T1, 1, 100)],
                "info",
            ),
            (
                "completed, not delivered",
                [*user_launch(), *upload_start(2, T1, 1, 100), completed(7, T1, 1)],
                "warning",
            ),
            (
                "only the app says it resumed",
                [*user_launch(), bg_setup(1, 100), mark("task.resume", 5, 100, task_number=3)],
                "warning",
            ),
        ],
        [("every task delivered", seed_jetsam_relaunch(), None)],
    ),
    "app_terminated_by_system": (
        [
            ("jetsam with uploads in flight", seed_jetsam_relaunch(), "info"),
            (
                "crash with an upload in flight",
                [*user_launch(), *upload_start(2, T1, 1, 100), terminated(30, 100, 2, 11, "crash")],
                "error",
            ),
        ],
        [
            (
                "jetsam after every delivery",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *delivered_upload(1, T1, 2),
                    terminated(60, 100, 1, 0, "system_jetsam"),
                ],
                None,
            ),
            ("user force quit", force_quit(), None),
        ],
    ),
    "background_launch_crash_or_watchdog": (
        [
            (
                "relaunch crashes",
                [*relaunch(), bg_setup(1, 200), terminated(30, 200, 2, 11, "crash")],
                None,
            )
        ],
        [
            (
                "crash after didFinishEvents",
                [
                    *relaunch(),
                    bg_setup(1, 200),
                    mark("didFinishEvents", 10, 200),
                    terminated(30, 200, 2, 11, "crash"),
                ],
                None,
            ),
            (
                "user-launched app crashes",
                [*user_launch(), bg_setup(1, 100), terminated(30, 100, 2, 11, "crash")],
                None,
            ),
        ],
    ),
    "leaked_background_task": (
        [
            ("UIKit overdue warning", [*user_launch(), overdue(40)], None),
            (
                "killed 0x2182bad2",
                [*user_launch(), kill(40, 100, 0x2182BAD2, "assertion_timeout", "0x2182bad2")],
                "error",
            ),
        ],
        [
            (
                "background task ended",
                [
                    *user_launch(),
                    app_line("ui_bg_task_begin", 5, 100, bg_task_id=19),
                    app_line("ui_bg_task_end", 6, 100, bg_task_id=19),
                ],
                None,
            )
        ],
    ),
    "resume_rate_limiter_delay": (
        [
            (
                "60 -> 120 -> 240",
                [request_delay(10, 60), request_delay(200, 120), request_delay(500, 240)],
                None,
            )
        ],
        [("one 60 s delay", [request_delay(10, 60)], None)],
    ),
    "excessive_retries": (
        [
            ("four tasks for one file", [*user_launch(), *creates(4, "photo 12.jpg")], None),
            (
                "fifth attempt",
                [
                    *user_launch(),
                    mark("task.retry", 5, 100, task_number=9, detail="old=7 new=9 attempt=5"),
                ],
                None,
            ),
        ],
        [
            ("three tasks for one file", [*user_launch(), *creates(3, "photo 12.jpg")], None),
            (
                "second attempt",
                [
                    *user_launch(),
                    mark("task.retry", 5, 100, task_number=9, detail="old=7 new=9 attempt=2"),
                ],
                None,
            ),
        ],
    ),
    "discretionary_delay": (
        [
            (
                "began 67 min after resume",
                [*resumed_only(0), task("task_will_begin", 4000, T1, 1)],
                None,
            )
        ],
        [
            ("began at once", [*resumed_only(0), task("task_will_begin", 10, T1, 1)], None),
            (
                "waiting for connectivity",
                [
                    *user_launch(),
                    *resumed_only(0),
                    mark("task.waiting", 5, 100, task_number=1),
                    app_line("ui_backgrounded", 5000, 100),
                ],
                None,
            ),
        ],
    ),
    "waiting_for_connectivity": (
        [
            (
                "task.waiting marker",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *resumed_only(2),
                    mark("task.waiting", 5, 100, task_number=1),
                ],
                None,
            ),
            (
                "cellular disallowed, never began",
                [cellular(0), *resumed_only(1), app_line("ui_backgrounded", 900, 100)],
                None,
            ),
        ],
        [
            (
                "cellular allowed",
                [cellular(1), *resumed_only(1), app_line("ui_backgrounded", 900, 100)],
                None,
            )
        ],
    ),
    "too_many_tasks": (
        [("101 tasks in a second", many_tasks(101), None)],
        [
            ("100 tasks", many_tasks(100), None),
            ("200 tasks over a day", many_tasks(200, every=600), None),
        ],
    ),
    "delivery_latency": (
        [
            (
                "16 min, no cause in the log",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(10, T1, 1),
                    ack(1000, T1, 1),
                ],
                None,
            ),
            (
                "rate limiter in between",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(10, T1, 1),
                    request_delay(20, 60),
                    ack(1000, T1, 1),
                ],
                "info",
            ),
        ],
        [
            (
                "delivered 10 s later",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(10, T1, 1),
                    ack(20, T1, 1),
                ],
                None,
            )
        ],
    ),
    "debugger_attached": (
        [
            (
                "non-discretionary under the debugger",
                [debugging("non-discretionary, since the app is being debugged")],
                None,
            )
        ],
        [("plain discretionary status", [debugging("discretionary")], None)],
    ),
    "simulator_trace": (
        [
            (
                "CoreSimulator path",
                [{**app_line("ui_backgrounded", 1, 100), "source": SIMULATOR_PATH}],
                None,
            ),
            (
                "CoreSimulator path in a message",
                [
                    app_line(
                        "task_finished", 1, 100, task_uuid=T1, task_number=55, detail=SIMULATOR_PATH
                    )
                ],
                None,
            ),
        ],
        [
            (
                "device paths only",
                [{**app_line("ui_backgrounded", 1, 100), "source": "/var/mobile/log.txt"}],
                None,
            )
        ],
    ),
}
