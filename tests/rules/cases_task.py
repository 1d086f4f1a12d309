"""Failing and passing cases: task outcomes (TV3xx)."""

from __future__ import annotations

from tests.lifecycle.builders import (
    EXE,
    T1,
    T2,
    ack,
    bg_setup,
    completed,
    force_quit,
    load_failed,
    mark,
    registered,
    seed_jetsam_relaunch,
    task,
    upload_start,
)
from tests.rules.cases_common import (
    Case,
    delivered_upload,
    resumed_only,
    user_launch,
)

CASES: dict[str, tuple[list[Case], list[Case]]] = {
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
                "log ends 5 s after creation",
                [
                    task("task_upload_created", 1, T1, 1, task_kind="upload"),
                    *resumed_only(5, T2, 2),
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
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    task("task_resuming", 5, T1, 3, process=EXE, pid=100),
                    mark("task.resume", 5.1, 100, task_number=3),
                ],
                "warning",
            ),
        ],
        [("every task delivered", seed_jetsam_relaunch(), None)],
    ),
}
