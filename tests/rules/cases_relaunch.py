"""Failing and passing cases: background relaunches and the completion handler (TV1xx)."""

from __future__ import annotations

from tests.lifecycle.builders import (
    APP,
    SID,
    T1,
    app_line,
    bg_setup,
    force_quit,
    mark,
    seed_jetsam_relaunch,
    session_created,
    sig,
    suspend,
    terminated,
)
from tests.rules.cases_common import (
    UUID_A,
    UUID_B,
    Case,
    daemon_wake,
    delivered_upload,
    kill,
    relaunch,
    user_launch,
    wake_with,
)

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
            (
                "the app died right after the wake (iOS 12: lost connection)",
                [
                    *relaunch(),
                    bg_setup(1, 200),
                    mark("handleEvents", 10, 200),
                    # NDSession <S>.<<b>>.<<sid>> Lost connection to app -- connection invalidated
                    sig("client_lost_connection", 11, bundle_id=APP, session_id=SID),
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
            (
                "the relaunch crashed (background_launch_crash_or_watchdog tells it)",
                [
                    *relaunch(),
                    bg_setup(1, 200),
                    mark("handleEvents", 10, 200),
                    terminated(11, 200, 2, 11, "crash"),
                    sig("client_lost_connection", 11.1, bundle_id=APP, session_id=SID),
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
            ),
            ("no markers: wake assertion held 15 s", daemon_wake(15), None),
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
            ),
            ("no markers: wake assertion held 4 s", daemon_wake(4), None),
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
}
