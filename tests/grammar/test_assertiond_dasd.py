"""assertiond (iOS <= 12), dasd and powerd (real_lines.md §1.10, §3.2, §3.10, §6, §11.5, §11.6)."""

from __future__ import annotations

import pytest

HANDLESESSION = "com.apple.nsurlsessiond.handlesession com.mycompany.backgrounddemo.background1"

ASSERTIOND = [
    # §6.1 verbatim (multi-line message with the owner block)
    (
        "[BackgroundBacku:576] Add assertion: <BKProcessAssertion: 0x104ac1170; id: "
        "90-FB4019B4-2CBC-4F18-8B92-63276FDA2A64; name: com.apple.das.backgroundFetch; state: "
        "active; reason: backgroundContentFetching; duration: 30.0s> {\n"
        "    owner = <BSProcessHandle: 0x104b174a0; dasd:90; valid: YES>;\n"
        "    flags = preventSuspend, preventThrottleDownUI, preventIdleSleep, "
        "preventSuspendOnSleep;\n"
        "}",
        {
            "kind": "ad_assertion_added",
            "target_pid": 576,
            "assertion_name": "com.apple.das.backgroundFetch",
            "state": "active",
            "assertion_reason": "backgroundContentFetching",
            "duration_seconds": 30.0,
            "requester": "dasd",
        },
    ),
    # §1.10 D verbatim (quoted name, space before `;`)
    (
        "[BackgroundDemo:12648] Add assertion: <BKProcessAssertion: 0x1046029b0; id: "
        f'94-679EF71C-A8E3-42E4-B679-DE0D01BDBB0F; name: "{HANDLESESSION}" ; state: active; '
        "reason: backgroundDownload; duration: 30.0s>",
        {
            "kind": "ad_assertion_added",
            "target_pid": 12648,
            "assertion_name": HANDLESESSION,
            "state": "active",
            "assertion_reason": "backgroundDownload",
            "duration_seconds": 30.0,
        },
    ),
    (
        "[BackgroundBacku:576] Activate assertion: <BKProcessAssertion: 0x104ac1170; "
        '"com.apple.das.backgroundFetch" (backgroundContentFetching:30s); id:…63276FDA2A64>',
        {
            "kind": "ad_assertion_activated",
            "target_pid": 576,
            "assertion_name": "com.apple.das.backgroundFetch",
            "assertion_reason": "backgroundContentFetching",
            "duration_seconds": 30.0,
        },
    ),
    # §6.6 verbatim, with the vis-escaped `…`
    (
        "[appname:488] Attempting to acquire assertion for appname:488: <BKProcessAssertion: "
        '0x103140700; "com.apple.WebKit.ProcessAssertion" (finishTask:180s); '
        "id:\\M-b\\M^@\\M-&BB888642A5A6>",
        {
            "kind": "ad_assertion_activated",
            "target_pid": 488,
            "assertion_name": "com.apple.WebKit.ProcessAssertion",
            "assertion_reason": "finishTask",
            "duration_seconds": 180.0,
        },
    ),
    (
        "[BackgroundDemo:12648] Mutating assertion reason from finishTask to "
        "finishTaskAfterBackgroundDownload",
        {
            "kind": "ad_assertion_mutated",
            "target_pid": 12648,
            "assertion_reason": "finishTaskAfterBackgroundDownload",
        },
    ),
    (
        "[BackgroundDemo:12636] Setting up BG permission check timer for 30s",
        {"kind": "ad_permission_timer", "target_pid": 12636, "duration_seconds": 30.0},
    ),
    (
        "[BackgroundDemo:12636] Sending background permission expiration warning!",
        {"kind": "ad_expiration_warning", "target_pid": 12636},
    ),
    (
        "[BackgroundDemo:12636] Forcing crash report with description: BackgroundDemo:12636 has "
        "active assertions beyond permitted time: <BKProcessAssertion: 0x104273920; "
        f'"{HANDLESESSION}" (backgroundDownload:30s); id:…AEB425907B3C> (owner: nsurlsessiond:94)',
        {
            "kind": "ad_forcing_crash",
            "target_pid": 12636,
            "assertion_name": HANDLESESSION,
            "assertion_reason": "backgroundDownload",
            "duration_seconds": 30.0,
            "requester": "nsurlsessiond",
            "exit_reason": "assertion_timeout",
            "detail": "active assertions beyond permitted time",
        },
    ),
    (
        "[BackgroundDemo:12648] Forcing crash report with description: BackgroundDemo:12648 has "
        "active assertions beyond permitted time",
        {
            "kind": "ad_forcing_crash",
            "target_pid": 12648,
            "exit_reason": "assertion_timeout",
            "detail": "active assertions beyond permitted time",
        },
    ),
    (
        "[BackgroundDemo:12636] Finished crash reporting.",
        {"kind": "ad_crash_report_done", "target_pid": 12636},
    ),
    (
        "[BackgroundBacku:576] Setting jetsam priority to 3 [0x44200]",
        {"kind": "ad_bookkeeping", "target_pid": 576},
    ),
    (
        "Updating PowerAssertion on BackgroundBacku:576",
        {"kind": "ad_bookkeeping", "target_pid": 576},
    ),
]

DASD_POWERD = [
    (
        "dasd",
        "Received state update for 2933 (app<com.myapp.bundleid(AD9F24FF-321B-48U6-895F-"
        "723CDA943372)>, running-suspended-NotVisible",
        {
            "kind": "das_state_update",
            "target_pid": 2933,
            "bundle_id": "com.myapp.bundleid",
            "state": "running-suspended-NotVisible",
        },
    ),
    ("dasd", "Running activities : <private>", {"kind": "das_activity"}),
    (
        "dasd",
        "DAS Submitted: 0:com.apple.backupd-auto:9015F3 at priority 30 with interval 1800 (Wed Feb "
        "12 08:05:28 2025 - Wed Feb 12 08:25:28 2025)",
        {"kind": "das_activity", "name": "0:com.apple.backupd-auto"},
    ),
    (
        "powerd",
        'Process runningboardd.34 Released SystemIsActive "application<app.alextran.immich>;(null):'
        '(null);34-66-30700:FBApplicationProcess" age:00:00:01  id:51539643238 [System: PrevIdle '
        "SysAct]",
        {
            "kind": "powerd_released",
            "requester": "runningboardd",
            "bundle_id": "app.alextran.immich",
            "assertion_name": "FBApplicationProcess",
            "detail": "34-66-30700",
        },
    ),
]


@pytest.mark.parametrize(("message", "expected"), ASSERTIOND)
def test_assertiond_message(signal, message, expected):
    got = signal(message, "assertiond")
    assert {k: v for k, v in got.items() if k != "family"} == expected


@pytest.mark.parametrize(("process", "message", "expected"), DASD_POWERD)
def test_dasd_and_powerd_message(signal, process, message, expected):
    got = signal(message, process)
    assert {k: v for k, v in got.items() if k != "family"} == expected
