# ruff: noqa: E501  (real log lines are quoted verbatim)
"""Real log lines (real_lines.md) through the grammar stage (`parse_message`), then rebuilt and
checked by the rules: the reconstruction reads what the grammars really produce."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import polars as pl

from traceview.lifecycle import reconstruct
from traceview.model import Finding
from traceview.rules import run_rules
from traceview.schema import SIGNALS, conform
from traceview.signals import parse_message

DAY = "2019-06-01"


def real(lines: list[tuple[str, str, int | None, str]], source: str = "real.log") -> pl.DataFrame:
    """(time, process, pid, message) -> SIGNALS; every line must be recognised."""
    rows: list[dict[str, Any]] = []
    for number, (clock, process, pid, message) in enumerate(lines, start=1):
        fields = parse_message(message, process)
        assert fields is not None, f"not recognised: {message[:80]}"
        timestamp = datetime.fromisoformat(f"{DAY}T{clock}")
        rows.append(
            {**fields, "timestamp": timestamp, "tz_known": False, "process": process, "pid": pid}
            | {"source": source, "line": number}
        )
    return conform(pl.DataFrame(rows, infer_schema_length=None), SIGNALS)


def rules_fired(signals: pl.DataFrame) -> dict[str, list[Finding]]:
    fired: dict[str, list[Finding]] = {}
    for finding in run_rules(reconstruct(signals), signals):
        fired.setdefault(finding.rule, []).append(finding)
    return fired


# real_lines.md §1.10 blocks C, D and F: nsurlsessiond relaunches the app in the background; it
# holds the 30 s handlesession assertion too long and assertiond forces a crash report.
RELAUNCH_KILLED = [
    (
        "18:14:31",
        "nsurlsessiond",
        94,
        '[FBSSystemService][0xc652] Sending request to open "com.mycompany.backgrounddemo"',
    ),
    (
        "18:14:31",
        "SpringBoard",
        58,
        "Executing request: <SBMainWorkspaceTransitionRequest: 0x28245b380; eventLabel: OpenApplication(com.mycompany.backgrounddemo)ForRequester(nsurlsessiond.94); display: Main; source : FBSystemService>",
    ),
    (
        "18:14:31",
        "SpringBoard",
        58,
        "Bootstrapping com.mycompany.backgrounddemo with intent background",
    ),
    (
        "18:14:31",
        "SpringBoard",
        58,
        "Application process state changed for com.mycompany.backgrounddemo: <SBApplicationProcessState: 0x280ba7ae0; pid: 12648; taskState: Running; visibility: Unknown>",
    ),
    (
        "18:14:31",
        "assertiond",
        68,
        '[BackgroundDemo:12648] Add assertion: <BKProcessAssertion: 0x1046029b0; id: 94-679EF71C-A8E3-42E4-B679-DE0D01BDBB0F; name: "com.apple.nsurlsessiond.handlesession com.mycompany.backgrounddemo.background1" ; state: active; reason: backgroundDownload; duration: 30.0s>',
    ),
    (
        "18:15:12",
        "assertiond",
        68,
        "[BackgroundDemo:12648] Forcing crash report with description: BackgroundDemo:12648 has active assertions beyond permitted time",
    ),
]


def test_ios12_relaunch_killed_for_its_handlesession_assertion() -> None:
    signals = real(RELAUNCH_KILLED)
    rec = reconstruct(signals)
    run = rec.processes.row(0, named=True)
    assert (run["bundle_id"], run["pid"]) == ("com.mycompany.backgrounddemo", 12648)
    assert (run["launch_reason"], run["end_reason"]) == (
        "background_urlsession",
        "assertion_timeout",
    )
    assert {"wake_requested", "relaunch", "wake_assertion", "kill"} <= {m.kind for m in rec.marks}
    never_called = rules_fired(signals)["completion_handler_never_called"]
    assert [f.pid for f in never_called] == [12648]
    assert never_called[0].evidence[-1].line == 6


# real_lines.md §1.6 (background_downloader#300): app session setup, daemon creation and
# configuration, a task registered, the client connecting and going away, the session removed.
SESSION_STORY = [
    (
        "04:38:55.017726",
        "nsurlsessiond",
        90,
        "Task <32C7D3A2-5DE5-44D9-A2B1-E8AE6D9B8CD1>.<1> is for <chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader>.<1>",
    ),
    (
        "04:38:58.340171",
        "nsurlsessiond",
        90,
        "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> client chat.glib.groupchat.stage is active result (Y), XPC(Y) proxy(Y) for com.bbflight.background_downloader.Downloader",
    ),
    (
        "04:40:48.413280",
        "nsurlsessiond",
        90,
        "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> client chat.glib.groupchat.stage disconnected, XPC(Y) proxy(Y) for com.bbflight.background_downloader.Downloader",
    ),
    (
        "04:40:48.416953",
        "nsurlsessiond",
        90,
        "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019>.<chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader>: removing session",
    ),
    (
        "04:57:06.750758",
        "RunnerStage",
        700,
        "BackgroundSession <585CDBB1-9CD2-4150-AFCF-109678004019> background session setup will wait for reply: session <__NSURLBackgroundSession: 0x10a96d750> with identifier com.bbflight.background_downloader.Downloader",
    ),
    (
        "04:57:06.752407",
        "nsurlsessiond",
        90,
        "Creating session with identifier: com.bbflight.background_downloader.Downloader for bundle id: chat.glib.groupchat.stage",
    ),
    (
        "04:57:06.754343",
        "nsurlsessiond",
        90,
        "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> Session <585CDBB1-9CD2-4150-AFCF-109678004019> is for <chat.glib.groupchat.stage>.<com.bbflight.background_downloader.Downloader> using resource timeout: 14400.000000, request timeout: 60.000000 allowsCellularAccess: 1, allowsExpensiveAccess: 1, _sourceApplicationBundleIdentifier: (null), _sourceApplicationSecondaryIdentifier: (null), hasSqliteSupport: 1",
    ),
]


def test_session_story_from_the_daemon_and_the_app() -> None:
    rec = reconstruct(real(SESSION_STORY))
    session = rec.sessions.row(0, named=True)
    assert rec.sessions.height == 1
    assert (session["bundle_id"], session["identifier"]) == (
        "chat.glib.groupchat.stage",
        "com.bbflight.background_downloader.Downloader",
    )
    assert session["created_at"] == [datetime.fromisoformat(f"{DAY}T04:57:06.750758")]
    assert session["daemon_uuids"] == ["585CDBB1-9CD2-4150-AFCF-109678004019"]
    assert session["removed_at"] and session["allows_cellular"] is True
    # the app's process is linked to its bundle through the session it set up
    assert rec.signals.filter(pl.col("pid") == 700)["bundle"].to_list() == [
        "chat.glib.groupchat.stage"
    ]
    task = rec.tasks.row(0, named=True)
    assert task["session_identifier"] == "com.bbflight.background_downloader.Downloader"
    assert task["unknown_reason"] == "in_flight_at_end_of_log"


# real_lines.md §2.7: what apps log when tasks end badly.
def test_force_quit_cancellation_message_only() -> None:
    message = (
        'Task <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7> load failed with error Error Domain=NSURLErrorDomain Code=-999 "(null)" UserInfo={NSURLErrorBackgroundTaskCancelledReasonKey=0, \n\n'
        '_NSURLErrorRelatedURLSessionTaskErrorKey=(\n    "BackgroundDownloadTask <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7>",\n'
        '    "LocalDownloadTask <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7>"\n'
        "), _NSURLErrorFailingURLSessionTaskErrorKey=BackgroundDownloadTask <AD3AD8D1-EC64-4E2E-95C8-FBA0A12585A2>.<7>} [-999]"
    )
    signals = real([("10:00:00", "App", 300, message)])
    task = reconstruct(signals).tasks.row(0, named=True)
    assert (task["kind"], task["final_state"], task["cancel_reason"]) == (
        "download",
        "cancelled",
        "user_force_quit",
    )
    assert "user_force_quit_cancelled_tasks" in rules_fired(signals)


def test_lost_connection_of_a_background_data_task() -> None:
    message = (
        'Task <107143F9-1572-4564-86F0-92A731E9BF91>.<3> finished with error [-997] Error Domain=NSURLErrorDomain Code=-997 "Lost connection to background transfer service" UserInfo={NSErrorFailingURLStringKey=https://api.openai.com/v1/chat/completions, NSErrorFailingURLKey=https://api.openai.com/v1/chat/completions, _NSURLErrorRelatedURLSessionTaskErrorKey=(\n'
        '        "BackgroundDataTask <107143F9-1572-4564-86F0-92A731E9BF91>.<3>",\n'
        '        "LocalDataTask <107143F9-1572-4564-86F0-92A731E9BF91>.<3>"\n'
        "), _NSURLErrorFailingURLSessionTaskErrorKey=BackgroundDataTask <107143F9-1572-4564-86F0-92A731E9BF91>.<3>, NSLocalizedDescription=Lost connection to background transfer service}"
    )
    fired = rules_fired(real([("21:52:42.937529", "ChatGPT for Monocle", 9390, message)]))
    assert {"lost_connection_to_background_service", "upload_from_data_or_stream"} <= set(fired)
    assert fired["upload_from_data_or_stream"][0].severity.value == "error"


def test_debugger_and_crash_lines() -> None:
    lines = [
        (
            "16:31:59.337504",
            "nsurlsessiond",
            90,
            "Current discretionary status for <private> is non-discretionary, since the app is being debugged",
        ),
        (
            "08:00:54.159594",
            "SpringBoard",
            58,
            "[application<com.AppCo.MyApp>:432] Setting process visibility to: Foreground",
        ),
        (
            "08:00:54.700689",
            "runningboardd",
            34,
            "[application<com.AppCo.MyApp>:432] termination reported by launchd (2, 10, 10)",
        ),
    ]
    signals = real(lines)
    run = reconstruct(signals).processes.row(0, named=True)
    assert (run["pid"], run["end_reason"], run["end_detail"]) == (
        432,
        "crash",
        "signal 10 (SIGBUS)",
    )
    assert "debugger_attached" in rules_fired(signals)
