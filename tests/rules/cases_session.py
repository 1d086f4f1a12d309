"""Failing and passing cases: session misuse (TV2xx)."""

from __future__ import annotations

from tests.lifecycle.builders import (
    APP,
    SID,
    T1,
    app_line,
    bg_setup,
    load_failed,
    mark,
    registered,
    seed_jetsam_relaunch,
    session_created,
    suspend,
    task,
    upload_start,
)
from tests.rules.cases_common import (
    Case,
    delivered_upload,
    relaunch,
    user_launch,
)

CASES: dict[str, tuple[list[Case], list[Case]]] = {
    "duplicate_session_identifier": (
        [
            (
                "UIKit-side warning",
                [*user_launch(), app_line("duplicate_session_warning", 5, 100, session_id=SID)],
                None,
            ),
            (
                "two setups in one process",
                [*user_launch(), bg_setup(1, 100), bg_setup(5, 100)],
                None,
            ),
        ],
        [
            (
                "one setup per process",
                [*user_launch(), bg_setup(1, 100), *user_launch(200, 100), bg_setup(101, 200)],
                None,
            ),
            (
                "invalidated in between",
                [
                    *user_launch(),
                    mark("session.create", 1, 100),
                    mark("session.invalidate", 50, 100),
                    mark("session.create", 100, 100),
                ],
                None,
            ),
        ],
    ),
    "task_created_in_invalidated_session": (
        [
            (
                "exception",
                [*user_launch(), app_line("invalidated_session_exception", 5, 100)],
                None,
            ),
            (
                "invalidate then recreate at once",
                [
                    *user_launch(),
                    mark("session.create", 1, 100),
                    mark("session.invalidate", 5, 100),
                    mark("session.create", 6, 100),
                ],
                None,
            ),
        ],
        [
            (
                "recreated after the window",
                [
                    *user_launch(),
                    mark("session.create", 1, 100),
                    mark("session.invalidate", 5, 100),
                    mark("session.create", 60, 100),
                ],
                None,
            )
        ],
    ),
    "session_invalidated_with_tasks_in_flight": (
        [
            (
                "invalidateAndCancel with a running upload",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *upload_start(2, T1, 1, 100),
                    mark("session.invalidate", 10, 100),
                    load_failed(11, T1, 1, 100, -999),
                ],
                None,
            )
        ],
        [
            (
                "invalidate after delivery",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *delivered_upload(1, T1, 2),
                    mark("session.invalidate", 20, 100),
                ],
                None,
            ),
            (
                "extension hand-back after didFinishEvents",
                [
                    *relaunch(),
                    bg_setup(1, 200),
                    *upload_start(2, T1, 1, 200),
                    mark("didFinishEvents", 9, 200),
                    mark("session.invalidate", 10, 200),
                    suspend(60, 200),
                ],
                None,
            ),
        ],
    ),
    "extension_session_conflict": (
        [
            (
                "-996 in use by another process",
                [*user_launch(), bg_setup(1, 100), load_failed(5, T1, 1, 100, -996)],
                None,
            ),
            (
                "one identifier, two bundles",
                [session_created(1), session_created(50, bundle=f"{APP}.share")],
                None,
            ),
        ],
        [
            (
                "own identifier per extension",
                [
                    session_created(1),
                    session_created(50, sid=f"{SID}.share", bundle=f"{APP}.share"),
                ],
                None,
            )
        ],
    ),
    "upload_from_data_or_stream": (
        [
            (
                "NSData exception",
                [*user_launch(), app_line("upload_from_data_exception", 5, 100)],
                None,
            ),
            (
                "data task in a background session",
                [registered(1, T1, 1), task("task_enqueued", 1.1, T1, 1, task_kind="data")],
                "error",
            ),
        ],
        [
            (
                "upload from a file",
                [*user_launch(), bg_setup(1, 100), *upload_start(2, T1, 1, 100)],
                None,
            )
        ],
    ),
    "background_session_convenience_api": (
        [("exception", [*user_launch(), app_line("completion_blocks_exception", 5, 100)], None)],
        [("delegate-based session", seed_jetsam_relaunch(), None)],
    ),
    "lost_connection_to_background_service": (
        [
            (
                "-997",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    app_line("task_finished", 5, 100, task_uuid=T1, task_number=3, error_code=-997),
                ],
                None,
            )
        ],
        [
            (
                "-1001 timeout",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    app_line(
                        "task_finished", 5, 100, task_uuid=T1, task_number=3, error_code=-1001
                    ),
                ],
                None,
            )
        ],
    ),
}
