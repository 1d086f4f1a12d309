"""nsurlsessiond messages (real_lines.md §1, §10.1, §10.2, §11.1), each field checked.

Lines are verbatim from real_lines.md unless marked "built from §11 template" (filled in with
values of the real lines around them).
"""

from __future__ import annotations

import pytest

T = "30768301-CCBD-47EA-90CD-FBD5AC72F6C4"  # task of §1.1
S = "585CDBB1-9CD2-4150-AFCF-109678004019"  # NDSession of §1.6
B = "chat.glib.groupchat.stage"
SID = "com.bbflight.background_downloader.Downloader"
NSURLSESSIOND = "nsurlsessiond"

CASES = [
    # ---- §1.6 sessions and clients (verbatim) ----
    (
        f"Creating session with identifier: {SID} for bundle id: {B}",
        {"kind": "session_created", "session_id": SID, "bundle_id": B},
    ),
    (
        f"NDSession <{S}> Session <{S}> is for <{B}>.<{SID}> using resource timeout: 14400.000000, "
        "request timeout: 60.000000 allowsCellularAccess: 1, allowsExpensiveAccess: 1, "
        "_sourceApplicationBundleIdentifier: (null), _sourceApplicationSecondaryIdentifier: "
        "(null), "
        "hasSqliteSupport: 1",
        {
            "kind": "session_configured",
            "session_uuid": S,
            "bundle_id": B,
            "session_id": SID,
            "duration_seconds": 14400.0,
            "detail": "request timeout: 60.000000, allowsCellularAccess: 1, "
            "allowsExpensiveAccess: 1, _sourceApplicationBundleIdentifier: (null), "
            "_sourceApplicationSecondaryIdentifier: (null), hasSqliteSupport: 1",
        },
    ),
    (
        f"NDSession <{S}> client {B} is active result (Y), XPC(Y) proxy(Y) for {SID}",
        {
            "kind": "client_connected",
            "session_uuid": S,
            "bundle_id": B,
            "session_id": SID,
            "detail": "result (Y), XPC(Y) proxy(Y)",
        },
    ),
    (
        f"NDSession <{S}> client {B} disconnected, XPC(N) proxy(N) for {SID}",
        {
            "kind": "client_disconnected",
            "session_uuid": S,
            "bundle_id": B,
            "session_id": SID,
            "detail": "XPC(N) proxy(N)",
        },
    ),
    (
        f"NDSession <{S}>.<{B}>.<{SID}> Lost connection to app -- connection invalidated",
        {"kind": "client_lost_connection", "session_uuid": S, "bundle_id": B, "session_id": SID},
    ),
    (
        f"NDSession <{S}>.<{B}>.<{SID}>: removing session",
        {"kind": "session_removed", "session_uuid": S, "bundle_id": B, "session_id": SID},
    ),
    # §10.2 format string `NDSession <%{public}@> has %lu outstanding tasks`
    (
        f"NDSession <{S}> has 3 outstanding tasks",
        {"kind": "session_outstanding_tasks", "session_uuid": S, "detail": "3"},
    ),
    # ---- tasks (verbatim §1.1, §1.2, §1.6, §1.8) ----
    (
        f"Task <32C7D3A2-5DE5-44D9-A2B1-E8AE6D9B8CD1>.<1> is for <{B}>.<{SID}>.<1>",
        {
            "kind": "task_registered",
            "task_uuid": "32C7D3A2-5DE5-44D9-A2B1-E8AE6D9B8CD1",
            "task_number": 1,
            "bundle_id": B,
            "session_id": SID,
        },
    ),
    (
        "Task <A7D74A8B-C310-49FE-AE38-06832BB16E9E>.<1478> is for <<private>>.<<private>>.<1478>",
        {
            "kind": "task_registered",
            "task_uuid": "A7D74A8B-C310-49FE-AE38-06832BB16E9E",
            "task_number": 1478,
        },
    ),
    (
        "Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<489> uploadTaskWithRequest: <private> "
        "fromFile: <private>",
        {
            "kind": "task_upload_created",
            "task_uuid": "B22D34D2-4EEB-475E-B233-AC2F67086EC4",
            "task_number": 489,
            "task_kind": "upload",
        },
    ),
    (
        "Task <A7D74A8B-C310-49FE-AE38-06832BB16E9E>.<1541> enqueueing",
        {
            "kind": "task_enqueued",
            "task_uuid": "A7D74A8B-C310-49FE-AE38-06832BB16E9E",
            "task_number": 1541,
        },
    ),
    (
        f"Task <{T}>.<1605> resumeTaskWithIdentifier, props <private>",
        {"kind": "task_resume_requested", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> resuming, QOS(0x9)",
        {"kind": "task_resuming", "task_uuid": T, "task_number": 1605, "detail": "QOS(0x9)"},
    ),
    (
        f"Task <{T}>.<1605> resuming",
        {"kind": "task_resuming", "task_uuid": T, "task_number": 1605},
    ),
    (
        "Task <B22D34D2-4EEB-475E-B233-AC2F67086EC4>.<489> resuming, QOS(0x19) Voucher <private>",
        {
            "kind": "task_resuming",
            "task_uuid": "B22D34D2-4EEB-475E-B233-AC2F67086EC4",
            "task_number": 489,
            "detail": "QOS(0x19) Voucher <private>",
        },
    ),
    (
        f"Task <{T}>.<1605> has not requested a begin delay",
        {"kind": "task_no_begin_delay", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> skipping delayed request callback - delegate not implemented",
        {"kind": "task_delay_callback_skipped", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> will begin",
        {"kind": "task_will_begin", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> {{strength 1, tls 8, ct 0, sub 0, sig 0, ciphers 1, bundle 0, builtin "
        "0}",
        {
            "kind": "task_ats",
            "task_uuid": T,
            "task_number": 1605,
            "detail": "{strength 1, tls 8, ct 0, sub 0, sig 0, ciphers 1, bundle 0, builtin 0}",
        },
    ),
    (
        "NDSession <7E18A208-B0F3-400D-916E-AD844AF190F2> Task "
        "<5331FB72-769E-4B22-8EDF-3D4944B1970A>.<5> did receive data "
        "(629823296 of 1953496076 total bytes)",
        {
            "kind": "task_progress",
            "session_uuid": "7E18A208-B0F3-400D-916E-AD844AF190F2",
            "task_uuid": "5331FB72-769E-4B22-8EDF-3D4944B1970A",
            "task_number": 5,
            "bytes_received": 629823296,
            "bytes_expected": 1953496076,
        },
    ),
    # ---- completion: built from §11.1 templates ----
    (
        f"Task <{T}>.<1605> didReceiveResponse: <private>, status code: 201",
        {"kind": "task_response", "task_uuid": T, "task_number": 1605, "http_status": 201},
    ),
    (
        f"Task <{T}>.<1605> became download task",
        {"kind": "task_became_download", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> finished downloading to <private>",
        {"kind": "task_finished_downloading", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> completed with error (null) [0]",
        {"kind": "task_completed", "task_uuid": T, "task_number": 1605, "error_code": 0},
    ),
    (
        f"Task <{T}>.<1605> completed with error Error Domain=NSURLErrorDomain Code=-1001 [-1001]",
        {
            "kind": "task_completed",
            "task_uuid": T,
            "task_number": 1605,
            "error_code": -1001,
            "detail": "Error Domain=NSURLErrorDomain Code=-1001",
        },
    ),
    (
        f"Task <{T}>.<1605> for client <private> completed successfully",
        {"kind": "task_completed_for_client", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> logTaskError isDownload = N bytesReceived = 0 bytesSent = 2048 "
        "isRecoverable = N",
        {
            "kind": "task_error_stats",
            "task_uuid": T,
            "task_number": 1605,
            "bytes_received": 0,
            "bytes_sent": 2048,
        },
    ),
    (
        f"Task <{T}>.<1605> client acknowledged completion",
        {"kind": "task_ack_completion", "task_uuid": T, "task_number": 1605},
    ),
    (
        f"Task <{T}>.<1605> client acknowledged file download",
        {"kind": "task_ack_download", "task_uuid": T, "task_number": 1605},
    ),
    # ---- legacy and bookkeeping (verbatim §1.2, §1.5, §1.9) ----
    (
        "Task 1 for client <CFString 0x7fa810c047d0 [0x1073daa40]>{contents = "
        '"com.apple.mobileassetd"}'
        " completed with error - code: -999",
        {
            "kind": "task_legacy_completed",
            "task_number": 1,
            "bundle_id": "com.apple.mobileassetd",
            "error_code": -999,
        },
    ),
    (
        "Current discretionary status for <private> is non-discretionary, since the app is being "
        "debugged",
        {
            "kind": "discretionary_status",
            "state": "non-discretionary",
            "detail": "since the app is being debugged",
        },
    ),
    ("Triggering periodic update to powerlog for client <private>", {"kind": "powerlog_update"}),
    ("TIC TCP [0x0] working for task <private>", {"kind": "tic_event"}),
    ("TIC Enabling TLS [8763:0x10fe93470]", {"kind": "tic_event"}),
    # ---- §1.10 B/C (verbatim, split by the author of real_lines.md) ----
    (
        "[C3794 Hostname #aca88929:443 tcp, bundle id: com.mycompany.backgrounddemo, url hash: "
        "8f857432, traffic class: 100, tls, indefinite] start",
        {
            "kind": "connection_event",
            "name": "C3794",
            "bundle_id": "com.mycompany.backgrounddemo",
            "state": "start",
        },
    ),
    (
        "[C3794 Hostname #aca88929:443 tcp, bundle id: com.mycompany.backgrounddemo, url hash: "
        "8f857432, traffic class: 100, tls, indefinite] cancelled",
        {
            "kind": "connection_event",
            "name": "C3794",
            "bundle_id": "com.mycompany.backgrounddemo",
            "state": "cancelled",
        },
    ),
    (
        '[FBSSystemService][0xc652] Sending request to open "com.mycompany.backgrounddemo"',
        {"kind": "wake_requested", "bundle_id": "com.mycompany.backgrounddemo"},
    ),
    # ---- §10.1 format strings filled in ----
    (
        f"Will request wake of app {B} for NDSession <{S}> with identifier {SID}",
        {"kind": "wake_requested", "bundle_id": B, "session_uuid": S, "session_id": SID},
    ),
    (
        f"Will request wake of app {B} for NDSession <{S}> with identifier <private>",
        {"kind": "wake_requested", "bundle_id": B, "session_uuid": S},
    ),
    (
        f"Successfully woke application {B} and took process assertion",
        {"kind": "wake_succeeded", "bundle_id": B},
    ),
    (
        f"Failed to open application {B}, error: <private> timeout: YES",
        {"kind": "wake_failed", "bundle_id": B, "state": "YES"},
    ),
    (
        f"Failed to take process assertion for {B}",
        {"kind": "wake_failed", "bundle_id": B},
    ),
    (
        f"took assertion for {B}, session {SID}, uuid {S}",
        {"kind": "wake_assertion_taken", "bundle_id": B, "session_id": SID, "session_uuid": S},
    ),
    (
        f"We already have an assertion for bundleID: {B}, sessionID: {SID}",
        {"kind": "wake_assertion_taken", "bundle_id": B, "session_id": SID},
    ),
    (
        f"Invalidating assertion for bundleID: {B}. sessionID: {SID}",
        {"kind": "wake_assertion_released", "bundle_id": B, "session_id": SID},
    ),
    (
        f"looking for background session {SID} for bundle id {B}",
        {"kind": "wake_lookup", "session_id": SID, "bundle_id": B},
    ),
    (
        f"Taking assertion with name com.apple.nsurlsessiond.handlesession {S} for bundle id {B}",
        {
            "kind": "wake_assertion_note",
            "state": "Taking",
            "assertion_name": f"com.apple.nsurlsessiond.handlesession {S}",
            "bundle_id": B,
        },
    ),
    # §10.2 format strings filled in
    (
        f"NDSession <{S}>.<{B}>.<{SID}>: already has a connected client, returning nil proxy "
        "object to client",
        {"kind": "session_already_connected", "session_uuid": S, "bundle_id": B, "session_id": SID},
    ),
    (
        f"NDSession <{S}> Client {B} is a daemon or non-SpringBoard application",
        {
            "kind": "client_kind",
            "session_uuid": S,
            "bundle_id": B,
            "state": "daemon or non-SpringBoard application",
        },
    ),
    (
        f"NDSession <{S}> Task <{T}>.<1605> using proposed request since the client application is "
        "not running and doesn 't support wakes",
        {"kind": "task_proposed_request", "session_uuid": S, "task_uuid": T, "task_number": 1605},
    ),
    # urlsession_rules.md §4 (F-128813) and §10.1
    (
        "Set request delay for com.mycompany.backgrounddemo to 60.000000",
        {
            "kind": "request_delay_set",
            "bundle_id": "com.mycompany.backgrounddemo",
            "delay_seconds": 60.0,
        },
    ),
    (
        "Resetting request delay for com.mycompany.backgrounddemo",
        {"kind": "request_delay_reset", "bundle_id": "com.mycompany.backgrounddemo"},
    ),
    (
        "Resetting request delay and clearing pending wake requests for "
        "com.mycompany.backgrounddemo since it came into the foreground",
        {
            "kind": "request_delay_reset",
            "bundle_id": "com.mycompany.backgrounddemo",
            "detail": "since it came into the foreground",
        },
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_nsurlsessiond_message(signal, message, expected):
    got = signal(message, NSURLSESSIOND)
    assert {k: v for k, v in got.items() if k != "family"} == expected


def test_daemon_task_lines_come_from_the_daemon_family(signal):
    got = signal(f"Task <{T}>.<1605> will begin", NSURLSESSIOND)
    assert got["family"] == "nsurlsessiond"


def test_daemon_only_lines_are_not_read_in_the_app(signal):
    from traceview.signals import parse_message

    assert parse_message(f"Task <{T}>.<1605> will begin", "BackgroundBackup") is None
    assert (
        parse_message(f"Creating session with identifier: {SID} for bundle id: {B}", "App") is None
    )


def test_session_configuration_keys_grow_with_the_os(signal):
    # §10.2 format string (newer builds add allowsConstrainedAccess, allowsUltraConstrainedAccess)
    got = signal(
        f"NDSession <{S}> Session <{S}> is for <{B}>.<{SID}> using resource timeout: "
        "604800.000000, request timeout: 60.000000 allowsCellularAccess: 1, "
        "allowsExpensiveAccess: 0, "
        "allowsConstrainedAccess: 1, _sourceApplicationBundleIdentifier: com.example.share, "
        "_sourceApplicationSecondaryIdentifier: (null), hasSqliteSupport: 1, "
        "allowsUltraConstrainedAccess: 0",
        NSURLSESSIOND,
    )
    assert got["duration_seconds"] == 604800.0
    assert got["detail"].endswith("hasSqliteSupport: 1, allowsUltraConstrainedAccess: 0")
    assert "allowsConstrainedAccess: 1" in got["detail"]
