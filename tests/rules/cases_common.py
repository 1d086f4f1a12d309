"""Helpers the rule cases (tests/rules/cases_*.py) build their signal lists with."""

from __future__ import annotations

from typing import Any

from tests.lifecycle.builders import (
    APP,
    SID,
    T1,
    ack,
    app_line,
    bg_setup,
    completed,
    fb_state,
    launch_request,
    mark,
    registered,
    sig,
    suspend,
    task,
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


def daemon_wake(held_s: float, pid: int = 200) -> Rows:
    """A relaunch without markers: the handlesession assertion, released `held_s` later."""
    # [<exe>:<pid>] Add assertion: <BKProcessAssertion: ..; name:
    #   "com.apple.nsurlsessiond.handlesession <sid>" ; state: active; ..>
    taken = sig(
        "ad_assertion_added",
        0.3,
        "assertiond",
        target_pid=pid,
        assertion_name=f"com.apple.nsurlsessiond.handlesession {SID}",
    )
    # Invalidating assertion for bundleID: <bundle>. sessionID: <sid>
    released = sig("wake_assertion_released", 0.3 + held_s, bundle_id=APP, session_id=SID)
    return [*relaunch(pid), taken, bg_setup(1, pid), released, suspend(60, pid)]
