"""UIKit lifecycle lines, background-session warnings/exceptions and TVMARK markers in the app
(real_lines.md §5, §11.5; urlsession_rules.md §4; docs/markers.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

APP = "hootowl"
ROOT = Path(__file__).resolve().parents[2]

UIKIT = [
    # §5.1 verbatim, with the function-signature prefix
    (
        "UIBackgroundTaskIdentifier _UIApplicationBeginBackgroundTaskWithExpirationHandler(void "
        "(^__strong _Nullable)(void), NSString *__strong _Nullable): Will add backgroundTask with "
        "taskName: GDTCCTUploader-upload, expirationHandler: <__NSMallocBlock__: 0x60000177ad80>",
        {"kind": "ui_bg_task_begin", "name": "GDTCCTUploader-upload"},
    ),
    # §5.4 verbatim, without the prefix
    (
        "Will add backgroundTask with taskName: com.apple.asset_manager.cache_resource_cleanup, "
        "expirationHandler: <__NSMallocBlock__: 0x1529fac40>",
        {"kind": "ui_bg_task_begin", "name": "com.apple.asset_manager.cache_resource_cleanup"},
    ),
    (
        "Created background task <_UIBackgroundTaskInfo: 0x151beb340>: taskID = 19, taskName = "
        "com.apple.asset_manager.cache_resource_cleanup, creationTime = 697606 (elapsed = 0).",
        {
            "kind": "ui_bg_task_begin",
            "bg_task_id": 19,
            "name": "com.apple.asset_manager.cache_resource_cleanup",
        },
    ),
    ("Created background task <private>.", {"kind": "ui_bg_task_begin"}),
    (
        "Ending background task with UIBackgroundTaskIdentifier: 19",
        {"kind": "ui_bg_task_end", "bg_task_id": 19},
    ),
    # §5.2 verbatim
    (
        '[BackgroundTask] Background Task 1 ("Called by deltachat-ios, from '
        '$s13deltachat_ios11AppDelegateC19installEventHandleryyFyycfU_"), was created over 30 '
        "seconds ago. In applications running in the background, this creates a risk of "
        "termination. Remember to call UIApplication.endBackgroundTask(_:) for your task in a "
        "timely manner to avoid this.",
        {
            "kind": "ui_bg_task_overdue",
            "bg_task_id": 1,
            "name": "Called by deltachat-ios, from "
            "$s13deltachat_ios11AppDelegateC19installEventHandleryyFyycfU_",
            "duration_seconds": 30.0,
        },
    ),
    (
        '[BackgroundTask] Background Task 10 ("MobileviewToMobileHTMLConverter"), was created over '
        "30 seconds ago. In applications running in the background, this creates a risk of "
        "termination. Remember to call UIApplication.endBackgroundTask(_:) for your task in a "
        "timely manner to avoid this.",
        {
            "kind": "ui_bg_task_overdue",
            "bg_task_id": 10,
            "name": "MobileviewToMobileHTMLConverter",
            "duration_seconds": 30.0,
        },
    ),
    (
        "_UIBackgroundTaskInfo *_doAddBackgroundTask(NSString *__strong, void (^__strong)(void), "
        "BOOL)_block_invoke: Creating new assertion because there is no existing background "
        "assertion.",
        {"kind": "ui_bg_assertion"},
    ),
    ("Creating new background assertion", {"kind": "ui_bg_assertion"}),
    (
        "Created new background assertion <BKSProcessAssertion: 0x151e2c050>",
        {"kind": "ui_bg_assertion"},
    ),
    (
        "Incrementing reference count for background assertion <private>",
        {"kind": "ui_bg_assertion"},
    ),
    (
        "Decrementing reference count for assertion <BKSProcessAssertion: 0x151e2c050> (used by "
        "background task with identifier 19: <_UIBackgroundTaskInfo: 0x151beb340>: taskID = 19, "
        "taskName = com.apple.asset_manager.cache_resource_cleanup, creationTime = 697606 "
        "(elapsed = 0))",
        {"kind": "ui_bg_assertion", "bg_task_id": 19},
    ),
    (
        "Will invalidate assertion: <BKSProcessAssertion: 0x151e2c050> for task identifier: 19",
        {"kind": "ui_bg_assertion", "bg_task_id": 19},
    ),
    (
        "Ending task with identifier 19 and description: <_UIBackgroundTaskInfo: 0x151beb340>: "
        "taskID = 19, taskName = com.apple.asset_manager.cache_resource_cleanup, creationTime = "
        "697606 (elapsed = 0), _expireHandler: <__NSMallocBlock__: 0x1529f93e0>",
        {"kind": "ui_bg_assertion", "bg_task_id": 19},
    ),
    (
        "Deactivation reason added: 12; deactivation reasons: 1 -> 4097; animating application "
        "lifecycle event: 1",
        {"kind": "ui_deactivation", "state": "added", "name": "12", "detail": "1 -> 4097"},
    ),
    (
        "Deactivation reason removed: 5; deactivation reasons: 4129 -> 4097; animating application "
        "lifecycle event: 1",
        {"kind": "ui_deactivation", "state": "removed", "name": "5", "detail": "4129 -> 4097"},
    ),
    ("App transitioned to background, suspending HangTracing.", {"kind": "ui_backgrounded"}),
    (
        "App with bundleID:com.sharkda.hootowl is no longer foreground at time=16742539740355, "
        "attempting to emit telemetry with emission type: HTFGUpdateAppBackgrounded",
        {"kind": "ui_backgrounded", "bundle_id": "com.sharkda.hootowl"},
    ),
    (
        "com.sharkda.hootowl(40785) invalidateConnection (appDidSuspend)",
        {"kind": "ui_suspending", "bundle_id": "com.sharkda.hootowl", "target_pid": 40785},
    ),
]

# urlsession_rules.md §4 verbatim fragments, alone and inside an uncaught-exception message
WARNINGS = [
    (
        "A background URLSession with identifier com.example.bg already exists!",
        {"kind": "duplicate_session_warning", "session_id": "com.example.bg"},
    ),
    (
        "Warning: Application delegate received call to -application:handleEventsForBackgroundURL"
        "Session:completionHandler: but the completion handler was never called.",
        {"kind": "handler_never_called_warning"},
    ),
    (
        "*** Terminating app due to uncaught exception 'NSGenericException', reason: 'Upload tasks "
        "from NSData are not supported in background sessions.'",
        {"kind": "upload_from_data_exception", "name": "NSGenericException"},
    ),
    (
        "*** Terminating app due to uncaught exception 'NSGenericException', reason: 'Upload tasks "
        "in background sessions must be from a file'",
        {"kind": "upload_from_data_exception", "name": "NSGenericException"},
    ),
    (
        "*** Terminating app due to uncaught exception 'NSGenericException', reason: 'Completion "
        "handler blocks are not supported in background sessions. Use a delegate instead.'",
        {"kind": "completion_blocks_exception", "name": "NSGenericException"},
    ),
    (
        "*** Terminating app due to uncaught exception 'NSGenericException', reason: 'Task created "
        "in a session that has been invalidated'",
        {"kind": "invalidated_session_exception", "name": "NSGenericException"},
    ),
    (
        "2019-02-19 15:56:22 MyApp: Task created in a session that has been invalidated",
        {"kind": "invalidated_session_exception"},
    ),
]

MARKERS = [
    (
        "TVMARK v1 task.complete id=com.example.upload tid=8 error=NSURLErrorDomain code=-999 "
        "reason=0",
        {
            "kind": "marker",
            "name": "task.complete",
            "session_id": "com.example.upload",
            "task_number": 8,
            "error_domain": "NSURLErrorDomain",
            "error_code": -999,
            "cancel_reason": 0,
        },
    ),
    (
        'TVMARK v1 task.create id=com.example.upload tid=7 kind=upload desc="photo \\"12\\".jpg"',
        {
            "kind": "marker",
            "name": "task.create",
            "session_id": "com.example.upload",
            "task_number": 7,
            "task_kind": "upload",
            "detail": 'desc=photo "12".jpg',
        },
    ),
    (
        "[MyLogger] TVMARK v1 task.complete id=bg tid=3 error=none code=0 http=201",
        {
            "kind": "marker",
            "name": "task.complete",
            "session_id": "bg",
            "task_number": 3,
            "error_code": 0,
            "http_status": 201,
        },
    ),
    (
        "TVMARK v1 task.create id=bg tid=4 desc= kind=data",
        {
            "kind": "marker",
            "name": "task.create",
            "session_id": "bg",
            "task_number": 4,
            "task_kind": "data",
            "detail": "desc=",
        },
    ),
    (
        "TVMARK v1 task.resume id=bg tid=abc kind=stream",
        {"kind": "marker", "name": "task.resume", "session_id": "bg"},
    ),
]


@pytest.mark.parametrize(("message", "expected"), UIKIT)
def test_uikit_message(signal, message, expected):
    got = signal(message, APP)
    assert {k: v for k, v in got.items() if k != "family"} == expected
    assert got["family"] == "uikit"


@pytest.mark.parametrize(("message", "expected"), WARNINGS)
def test_warning_and_exception_fragments(signal, message, expected):
    got = signal(message, APP)
    assert {k: v for k, v in got.items() if k != "family"} == expected


@pytest.mark.parametrize(("message", "expected"), MARKERS)
def test_marker_fields(signal, message, expected):
    got = signal(message, APP)
    assert {k: v for k, v in got.items() if k != "family"} == expected


def test_every_documented_marker_example_parses(signal):
    doc = (ROOT / "docs" / "markers.md").read_text(encoding="utf-8")
    examples = re.search(r"## Examples\n\n```\n(.*?)```", doc, re.S)
    assert examples is not None
    lines = examples.group(1).strip().splitlines()
    assert len(lines) >= 5
    events = {signal(line, APP)["name"] for line in lines}
    assert {"session.create", "task.create", "task.complete", "handleEvents"} <= events


def test_swift_emitter_covers_every_documented_event():
    doc = (ROOT / "docs" / "markers.md").read_text(encoding="utf-8")
    table = doc[doc.index("## Events and keys") : doc.index("## How the keys")]
    documented = set(re.findall(r"^\| `([\w.]+)` \| `", table, re.M))
    swift = (ROOT / "docs" / "TraceviewMarkers.swift").read_text(encoding="utf-8")
    emitted = set(re.findall(r'emit\("([\w.]+)"', swift))
    assert documented == emitted
    assert len(documented) == 9
