"""Hand-built Reports for the renderer and compare tests.

`seed_report()` is urlsession_rules.md §6 (system-termination branch) on iOS 17: five uploads,
the app is jetsammed while they run, nsurlsessiond relaunches it 21 minutes later and delivers
four of them; the fifth completes after the second process was suspended and is never delivered.
`legacy_report()` is the force-quit branch on iOS 12 from a Console.app copy (naive local times):
the user force-quits, every upload is cancelled with reason 0 and delivered at the next user
launch. Line numbers are consistent with a plausible export; UUIDs follow the real shape.
"""

from __future__ import annotations

from traceview.model import (
    CancelReason,
    Coverage,
    EndReason,
    FinalState,
    Finding,
    InputInfo,
    LaunchReason,
    MalformedLine,
    Mark,
    Origin,
    ProcessRun,
    Report,
    SessionInfo,
    Severity,
    Stats,
    TaskInfo,
    TaskKind,
    UnknownReason,
)

BUNDLE = "com.example.uploads"
SESSION = "com.example.uploads.background"
SEED_LOG = "sysdiagnose_2024.05.14/system_logs.logarchive/export.txt"
LEGACY_LOG = "console-copy-iphone8.txt"

SEED_UUIDS = (
    "0F6A3C1E-5D2B-4C8A-9E71-3B8D2F4A6C10",
    "2B9E7D44-1A6C-4F3E-8B25-7C1D9E0F3A21",
    "4C1D8E55-2B7D-4A4F-9C36-8D2E0F1A4B32",
    "6E3F0A66-3C8E-4B5A-AD47-9E3F1A2B5C43",
    "8A5B2C77-4D9F-4C6B-BE58-0F4A2B3C6D54",
)


def _at(path: str, *lines: int) -> tuple[Origin, ...]:
    return tuple(Origin(path, line) for line in lines)


def _seed_task(n: int, **changes: object) -> TaskInfo:
    base = 1000 + 40 * n
    fields: dict[str, object] = {
        "task_uuid": SEED_UUIDS[n - 1],
        "task_number": n,
        "bundle_id": BUNDLE,
        "session_identifier": SESSION,
        "kind": TaskKind.UPLOAD,
        "final_state": FinalState.SUCCEEDED,
        "error_code": 0,
        "cancel_reason": None,
        "http_status": 201,
        "delivered": True,
        "unknown_reason": None,
        "evidence": _at(SEED_LOG, base, base + 3, base + 9, 48213 + n, 51020 + 2 * n),
        "created_at": f"2024-05-14T10:02:11.{100 + n:03d}Z",
        "resumed_at": f"2024-05-14T10:02:11.{400 + n:03d}Z",
        "began_at": "2024-05-14T10:02:12.020Z",
        "completed_at": f"2024-05-14T10:09:4{n}.250Z",
        "delivered_at": "2024-05-14T10:31:02.480Z",
        "bytes_sent": 3_145_728 + n * 1024,
        "bytes_expected": 3_145_728 + n * 1024,
        "start_delay_s": 0.6,
        "delivery_latency_s": 1282.2 - n,
    }
    fields.update(changes)
    return TaskInfo(**fields)  # type: ignore[arg-type]


def _seed_tasks() -> tuple[TaskInfo, ...]:
    return (
        _seed_task(1),
        _seed_task(2),
        _seed_task(3, http_status=413, bytes_sent=0),
        _seed_task(
            4,
            final_state=FinalState.FAILED,
            error_code=-1001,
            http_status=None,
            delivered_at="2024-05-14T10:31:02.520Z",
        ),
        _seed_task(
            5,
            final_state=FinalState.UNKNOWN,
            http_status=201,
            delivered=False,
            unknown_reason=UnknownReason.COMPLETED_NOT_DELIVERED,
            completed_at="2024-05-14T10:33:15.900Z",
            delivered_at=None,
            delivery_latency_s=None,
            evidence=_at(SEED_LOG, 1200, 1203, 1209, 52400),
        ),
    )


def _seed_processes() -> tuple[ProcessRun, ...]:
    return (
        ProcessRun(
            bundle_id=BUNDLE,
            process="Uploader",
            pid=412,
            launched_at="2024-05-14T10:02:05.310Z",
            launch_reason=LaunchReason.USER,
            ended_at="2024-05-14T10:05:02.770Z",
            end_reason=EndReason.SYSTEM_JETSAM,
            end_detail="jetsam (1, 2, 0): per-process limit",
            suspended=(("2024-05-14T10:03:40.120Z", None),),
            evidence=_at(SEED_LOG, 812, 1530, 2107),
        ),
        ProcessRun(
            bundle_id=BUNDLE,
            process="Uploader",
            pid=987,
            launched_at="2024-05-14T10:31:00.950Z",
            launch_reason=LaunchReason.BACKGROUND_URLSESSION,
            ended_at=None,
            end_reason=EndReason.RUNNING_AT_END_OF_LOG,
            suspended=(("2024-05-14T10:31:30.400Z", None),),
            evidence=_at(SEED_LOG, 50990, 51001, 51090),
        ),
    )


def _seed_findings() -> tuple[Finding, ...]:
    uuid5, uuid3 = SEED_UUIDS[4], SEED_UUIDS[2]
    return (
        Finding(
            rule="task_final_state_unknown",
            severity=Severity.WARNING,
            message=f"Task <{uuid5}>.<5> completed in nsurlsessiond at 10:33:15 but the app "
            "never received the outcome (process 987 was suspended)",
            bundle_id=BUNDLE,
            session_identifier=SESSION,
            task_uuid=uuid5,
            task_number=5,
            pid=987,
            evidence=_at(SEED_LOG, 1200, 52400),
            advice="Persist a task registry and reconcile it with getAllTasks on every launch.",
            at="2024-05-14T10:33:15.900Z",
        ),
        Finding(
            rule="http_error_status",
            severity=Severity.ERROR,
            message=f"Task <{uuid3}>.<3> finished without a transport error but the server "
            "answered HTTP 413",
            bundle_id=BUNDLE,
            session_identifier=SESSION,
            task_uuid=uuid3,
            task_number=3,
            evidence=_at(SEED_LOG, 48216, 51026),
            advice="Check task.response's status code in didCompleteWithError, not only error.",
            at="2024-05-14T10:31:02.480Z",
        ),
        Finding(
            rule="delivery_latency",
            severity=Severity.WARNING,
            message="4 tasks were delivered to the app 21 min after nsurlsessiond finished them "
            "(request delay raised to 60 s before the relaunch)",
            bundle_id=BUNDLE,
            session_identifier=SESSION,
            evidence=_at(SEED_LOG, 48214, 50980, 51022),
            advice="Expected after a system termination; check the rate limiter findings.",
            at="2024-05-14T10:31:02.480Z",
        ),
        Finding(
            rule="app_terminated_by_system",
            severity=Severity.INFO,
            message="Uploader (pid 412) was jetsammed at 10:05:02 with 5 uploads in flight",
            bundle_id=BUNDLE,
            pid=412,
            evidence=_at(SEED_LOG, 2107),
            advice="Nothing to fix beyond keeping background memory small; a relaunch followed.",
            at="2024-05-14T10:05:02.770Z",
        ),
    )


def _seed_marks() -> tuple[Mark, ...]:
    return (
        Mark(
            "2024-05-14T10:05:02.770Z", "kill", "jetsam (1, 2, 0)", BUNDLE, 412, _at(SEED_LOG, 2107)
        ),
        Mark(
            "2024-05-14T10:30:58.300Z",
            "wake_requested",
            'Sending request to open "com.example.uploads"',
            BUNDLE,
            None,
            _at(SEED_LOG, 50980),
        ),
        Mark(
            "2024-05-14T10:31:00.950Z",
            "relaunch",
            "launched in the background for session events",
            BUNDLE,
            987,
            _at(SEED_LOG, 50990),
        ),
        Mark(
            "2024-05-14T10:31:01.010Z",
            "wake_assertion",
            "com.apple.nsurlsessiond.handlesession com.example.uploads.background (30s)",
            BUNDLE,
            987,
            _at(SEED_LOG, 50996),
        ),
    )


def seed_report() -> Report:
    """urlsession_rules.md §6, system-termination branch, iOS 17.5."""
    return Report(
        inputs=(
            InputInfo(
                path="sysdiagnose_2024.05.14.tar.gz",
                format="sysdiagnose",
                os_version="17.5",
                os_build="21F79",
                lines=53018,
                device_model="iPhone15,2",
                members=(SEED_LOG,),
            ),
        ),
        stats=Stats(53018, 52870, 1893, 3, continuation=140, banner=2, irrelevant=50977),
        processes=_seed_processes(),
        sessions=(
            SessionInfo(
                bundle_id=BUNDLE,
                identifier=SESSION,
                created_at=("2024-05-14T10:02:06.015Z", "2024-05-14T10:31:01.200Z"),
                pids=(412, 987),
                daemon_uuids=("585CDBB1-9CD2-4150-AFCF-109678004019",),
                evidence=_at(SEED_LOG, 830, 51003),
            ),
        ),
        tasks=_seed_tasks(),
        findings=_seed_findings(),
        malformed_lines=(
            MalformedLine(
                SEED_LOG,
                17,
                "Filtering the log data using \"subsystem == 'com.app",
                "truncated header",
            ),
            MalformedLine(SEED_LOG, 33001, "\x00\x00\x00", "binary data"),
        ),
        coverage=Coverage(
            unrecognized_by_process=(("nsurlsessiond", 212), ("Uploader", 31)),
            top_unrecognized=(
                ("nsurlsessiond", "Task <*>.<*> _logTaskMetrics: <*>", 120),
                ("nsurlsessiond", "NDSession <*> has <*> outstanding tasks", 44),
                ("Uploader", "Upload queue drained in <*> ms", 31),
            ),
            families_matched=(
                ("task_registered", 5),
                ("task_upload_created", 5),
                ("task_will_begin", 5),
                ("task_completed", 5),
                ("task_ack_completion", 4),
                ("request_delay_set", 1),
                ("rb_termination", 1),
                ("wake_requested", 1),
            ),
        ),
        time_span=("2024-05-14T10:01:58.000Z", "2024-05-14T10:40:12.500Z"),
        marks=_seed_marks(),
        metrics={
            "delivery_latency_s": [1281.2, 1280.2, 1279.2, 1278.2],
            "wake_to_handler_s": [1.85],
            "request_delays_s": [60.0],
            "relaunches": 1,
        },
        device={"model": "iPhone15,2", "os_version": "17.5", "os_build": "21F79"},
        tool_version="0.1.0",
    )


LEGACY_UUIDS = (
    "30768301-CCBD-47EA-90CD-FBD5AC72F6C4",
    "A7D74A8B-C310-49FE-AE38-06832BB16E9E",
    "B22D34D2-4EEB-475E-B233-AC2F67086EC4",
)


def _legacy_task(i: int) -> TaskInfo:
    return TaskInfo(
        task_uuid=LEGACY_UUIDS[i],
        task_number=1605 + i,
        bundle_id=BUNDLE,
        session_identifier=SESSION,
        kind=TaskKind.UPLOAD,
        final_state=FinalState.CANCELLED,
        error_code=-999,
        cancel_reason=CancelReason.USER_FORCE_QUIT,
        http_status=None,
        delivered=True,
        unknown_reason=None,
        evidence=_at(LEGACY_LOG, 40 + i, 44 + i, 310 + i),
        created_at="2019-06-03T16:53:26.611",
        resumed_at="2019-06-03T16:53:26.613",
        began_at="2019-06-03T16:53:26.616",
        completed_at="2019-06-03T16:58:10.020",
        delivered_at="2019-06-03T18:14:31.500",
        start_delay_s=0.003,
        delivery_latency_s=4581.5,
    )


def legacy_report() -> Report:
    """The force-quit branch on iOS 12.4, from a Console.app copy (no UTC offset kept)."""
    uuid0 = LEGACY_UUIDS[0]
    return Report(
        inputs=(
            InputInfo(
                path=LEGACY_LOG,
                format="console_app",
                os_version="12.4",
                os_build="16G77",
                lines=402,
                device_model="iPhone8,1",
                date_source="--date 2019-06-03",
            ),
        ),
        stats=Stats(402, 398, 61, 1, irrelevant=337),
        processes=(
            ProcessRun(
                BUNDLE,
                "BackgroundBackup",
                1957,
                "2019-06-03T16:53:20.100",
                LaunchReason.USER,
                "2019-06-03T16:58:09.900",
                EndReason.USER_FORCE_QUIT,
                "(10, 0xdeadfa11, 9)",
                (),
                _at(LEGACY_LOG, 3, 301),
            ),
            ProcessRun(
                BUNDLE,
                "BackgroundBackup",
                2146,
                "2019-06-03T18:14:30.800",
                LaunchReason.USER,
                None,
                EndReason.RUNNING_AT_END_OF_LOG,
                None,
                (),
                _at(LEGACY_LOG, 305),
            ),
        ),
        sessions=(
            SessionInfo(
                BUNDLE,
                SESSION,
                ("2019-06-03T16:53:21.000", "2019-06-03T18:14:31.000"),
                (1957, 2146),
                (),
                _at(LEGACY_LOG, 9, 306),
            ),
        ),
        tasks=tuple(_legacy_task(i) for i in range(3)),
        findings=(
            Finding(
                "user_force_quit_cancelled_tasks",
                Severity.WARNING,
                "3 uploads were cancelled because the user force-quit BackgroundBackup at 16:58:09",
                BUNDLE,
                SESSION,
                evidence=_at(LEGACY_LOG, 301, 310, 311, 312),
                advice="Re-enqueue these uploads on the next launch; not network failures.",
                at="2019-06-03T16:58:09.900",
            ),
            Finding(
                "delivery_latency",
                Severity.INFO,
                f"Task <{uuid0}>.<1605> was delivered 76 min after it ended, at the next launch",
                BUNDLE,
                SESSION,
                uuid0,
                1605,
                evidence=_at(LEGACY_LOG, 44, 310),
                advice="Expected after a force quit: nothing arrives until the user opens the app.",
                at="2019-06-03T18:14:31.500",
            ),
        ),
        malformed_lines=(MalformedLine(LEGACY_LOG, 1, "Process\tTime\tMessage", "column header"),),
        coverage=Coverage(
            unrecognized_by_process=(("nsurlsessiond", 9),),
            top_unrecognized=(
                ("nsurlsessiond", "Triggering periodic update to powerlog for client <*>", 9),
            ),
            families_matched=(
                ("task_upload_created", 3),
                ("task_will_begin", 3),
                ("task_completed_for_client", 3),
                ("task_load_failed", 3),
                ("request_delay_set", 3),
                ("rb_termination", 1),
            ),
        ),
        time_span=("2019-06-03T16:53:19.000", "2019-06-03T18:15:02.000"),
        marks=(
            Mark(
                "2019-06-03T16:58:09.900",
                "force_quit",
                "user force quit (10, 0xdeadfa11, 9)",
                BUNDLE,
                1957,
                _at(LEGACY_LOG, 301),
            ),
        ),
        metrics={
            "delivery_latency_s": [4581.5, 4581.5, 4581.5],
            "wake_to_handler_s": [],
            "request_delays_s": [60.0, 120.0, 240.0],
            "relaunches": 0,
        },
        device={"model": "iPhone8,1", "os_version": "12.4", "os_build": "16G77"},
        tool_version="0.1.0",
    )
