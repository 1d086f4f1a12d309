"""Failing and passing cases: app processes (TV4xx)."""

from __future__ import annotations

from tests.lifecycle.builders import (
    T1,
    app_line,
    bg_setup,
    force_quit,
    mark,
    seed_jetsam_relaunch,
    terminated,
    upload_start,
)
from tests.rules.cases_common import (
    Case,
    delivered_upload,
    kill,
    overdue,
    relaunch,
    user_launch,
)

CASES: dict[str, tuple[list[Case], list[Case]]] = {
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
}
