"""Small signal lists -> SIGNALS frames, and the scenarios of urlsession_rules.md §6 as signals.

Each helper builds the fields the grammar stage puts on one real message (the template is named
in the comment, from real_lines.md §11), so tests read like the log they stand for.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import polars as pl

from traceview.schema import SIGNALS, conform

T0 = datetime(2024, 5, 1, 10, 0, 0)
APP, EXE, SID = "com.example.uploads", "Uploader", "com.example.uploads.bg"
DAEMON_PID = 94
T1 = "30768301-CCBD-47EA-90CD-FBD5AC72F6C4"
T2 = "A7D74A8B-C310-49FE-AE38-06832BB16E9E"
S_UUID = "585CDBB1-9CD2-4150-AFCF-109678004019"


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def sig(kind: str, t: float, process: str = "nsurlsessiond", **fields: Any) -> dict[str, Any]:
    pid = fields.pop("pid", DAEMON_PID if process == "nsurlsessiond" else None)
    return {"kind": kind, "timestamp": at(t), "process": process, "pid": pid, **fields}


def frame(rows: list[dict[str, Any]], source: str = "test.log") -> pl.DataFrame:
    """Rows -> a SIGNALS frame; `line` is the row's position unless given."""
    filled = [
        {"source": source, "line": number, "tz_known": True, **row}
        for number, row in enumerate(rows, start=1)
    ]
    return conform(pl.DataFrame(filled, infer_schema_length=None), SIGNALS)


# --- daemon (nsurlsessiond) -------------------------------------------------------------------
def session_created(t: float, sid: str = SID, bundle: str = APP) -> dict[str, Any]:
    # Creating session with identifier: <sid> for bundle id: <bundle>
    return sig("session_created", t, session_id=sid, bundle_id=bundle)


def registered(t: float, uuid: str, n: int, sid: str | None = SID, bundle: str | None = APP):
    # Task <T>.<n> is for <<bundle>>.<<sid>>.<n>
    return sig(
        "task_registered", t, task_uuid=uuid, task_number=n, session_id=sid, bundle_id=bundle
    )


def task(kind: str, t: float, uuid: str, n: int, process: str = "nsurlsessiond", **fields: Any):
    return sig(kind, t, process, task_uuid=uuid, task_number=n, **fields)


def completed(t: float, uuid: str, n: int, code: int = 0, **fields: Any) -> dict[str, Any]:
    # Task <T>.<n> completed with error (null) [0] | completed with error <d> [code]
    return task("task_completed", t, uuid, n, error_code=code, **fields)


def ack(t: float, uuid: str, n: int) -> dict[str, Any]:
    # Task <T>.<n> client acknowledged completion
    return task("task_ack_completion", t, uuid, n)


def wake_request(t: float, bundle: str = APP) -> dict[str, Any]:
    # [FBSSystemService][0x..] Sending request to open "<bundle>"
    return sig("wake_requested", t, bundle_id=bundle)


def request_delay(t: float, seconds: float, bundle: str = APP) -> dict[str, Any]:
    # Set request delay for <bundle> to 60.000000
    return sig("request_delay_set", t, bundle_id=bundle, delay_seconds=seconds)


# --- the app process ----------------------------------------------------------------------------
def app_line(kind: str, t: float, pid: int, **fields: Any) -> dict[str, Any]:
    return sig(kind, t, EXE, pid=pid, **fields)


def bg_setup(t: float, pid: int, sid: str = SID) -> dict[str, Any]:
    # BackgroundSession <S> background session setup will wait for reply: ... with identifier <sid>
    return app_line("bg_session_setup", t, pid, session_uuid=S_UUID, session_id=sid)


def mark(name: str, t: float, pid: int, sid: str | None = SID, **fields: Any) -> dict[str, Any]:
    # TVMARK v1 <name> id=<sid> ...
    return app_line("marker", t, pid, name=name, session_id=sid, **fields)


def load_failed(t: float, uuid: str, n: int, pid: int, code: int, reason: int | None = None):
    # Task <T>.<n> load failed with error Error Domain=NSURLErrorDomain Code=<code> ... [<code>]
    return app_line(
        "task_load_failed",
        t,
        pid,
        task_uuid=uuid,
        task_number=n,
        error_code=code,
        error_domain="NSURLErrorDomain",
        cancel_reason=reason,
    )


# --- RunningBoard / FrontBoard ------------------------------------------------------------------
def fb_state(t: float, pid: int, visibility: str, bundle: str = APP) -> dict[str, Any]:
    # Application process state changed for <b>: <SBApplicationProcessState: ..; pid: N;
    # taskState: Running; visibility: V>
    return sig(
        "fb_process_state",
        t,
        "SpringBoard",
        bundle_id=bundle,
        target_pid=pid,
        state="Running",
        role=visibility,
    )


def launch_request(t: float, bundle: str = APP) -> dict[str, Any]:
    # Executing launch request for application<b> (FBApplicationProcess)
    return sig("rb_launch_request", t, "runningboardd", bundle_id=bundle)


def terminated(t: float, pid: int, ns: int, code: int, reason: str, bundle: str = APP):
    # [application<b>:pid] termination reported by launchd (ns, code, status)
    return sig(
        "rb_termination_reported",
        t,
        "runningboardd",
        bundle_id=bundle,
        target_pid=pid,
        exit_namespace=ns,
        exit_code=code,
        exit_status=9,
        exit_reason=reason,
        detail=f"termination reported by launchd ({ns}, {code}, 9)",
    )


def suspend(t: float, pid: int, bundle: str = APP) -> dict[str, Any]:
    # [application<b>:pid] Suspending task.
    return sig("rb_suspend", t, "runningboardd", bundle_id=bundle, target_pid=pid)


# --- scenarios (urlsession_rules.md §6) ---------------------------------------------------------
def upload_start(t: float, uuid: str, n: int, pid: int) -> list[dict[str, Any]]:
    """uploadTaskWithRequest ... fromFile, is for, enqueueing, app resuming, will begin."""
    return [
        task("task_upload_created", t, uuid, n, task_kind="upload"),
        registered(t + 0.01, uuid, n),
        task("task_enqueued", t + 0.02, uuid, n),
        task("task_resuming", t + 0.03, uuid, n, process=EXE, pid=pid),
        task("task_will_begin", t + 0.05, uuid, n),
    ]


def seed_jetsam_relaunch() -> list[dict[str, Any]]:
    """User launch (pid 100), two uploads, suspended, jetsam, relaunch (pid 200), delivery."""
    rows = [
        launch_request(0),
        fb_state(0.1, 100, "Foreground"),
        bg_setup(1, 100),
        session_created(1.01),
        *upload_start(2, T1, 1, 100),
        *upload_start(3, T2, 2, 100),
        suspend(30, 100),
        terminated(600, 100, 1, 0, "system_jetsam"),
        completed(900, T1, 1, http_status=201),
        completed(905, T2, 2, http_status=201),
        request_delay(905.5, 60),
        wake_request(906),
        fb_state(906.2, 200, "Background"),
        bg_setup(907, 200),
        session_created(907.01),
        ack(908, T1, 1),
        ack(908.5, T2, 2),
        suspend(940, 200),
    ]
    return rows


def force_quit() -> list[dict[str, Any]]:
    """User launch, one upload, user force quit, next user launch delivers -999 reason 0."""
    return [
        launch_request(0),
        fb_state(0.1, 100, "Foreground"),
        bg_setup(1, 100),
        session_created(1.01),
        *upload_start(2, T1, 1, 100),
        terminated(60, 100, 10, 0xDEADFA11, "user_force_quit"),
        launch_request(3600),
        fb_state(3600.1, 300, "Foreground"),
        bg_setup(3601, 300),
        session_created(3601.01),
        load_failed(3602, T1, 1, 300, -999, reason=0),
    ]
