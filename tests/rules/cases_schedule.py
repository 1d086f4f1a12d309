"""Failing and passing cases: scheduling, delays and test setups (TV5xx, TV7xx)."""

from __future__ import annotations

from tests.lifecycle.builders import (
    T1,
    ack,
    app_line,
    bg_setup,
    completed,
    mark,
    request_delay,
    task,
    upload_start,
)
from tests.rules.cases_common import (
    SIMULATOR_PATH,
    Case,
    cellular,
    creates,
    debugging,
    many_tasks,
    resumed_only,
    user_launch,
)

CASES: dict[str, tuple[list[Case], list[Case]]] = {
    "resume_rate_limiter_delay": (
        [
            (
                "60 -> 120 -> 240",
                [request_delay(10, 60), request_delay(200, 120), request_delay(500, 240)],
                None,
            )
        ],
        [("one 60 s delay", [request_delay(10, 60)], None)],
    ),
    "excessive_retries": (
        [
            ("four tasks for one file", [*user_launch(), *creates(4, "photo 12.jpg")], None),
            (
                "fifth attempt",
                [
                    *user_launch(),
                    mark("task.retry", 5, 100, task_number=9, detail="old=7 new=9 attempt=5"),
                ],
                None,
            ),
        ],
        [
            ("three tasks for one file", [*user_launch(), *creates(3, "photo 12.jpg")], None),
            (
                "second attempt",
                [
                    *user_launch(),
                    mark("task.retry", 5, 100, task_number=9, detail="old=7 new=9 attempt=2"),
                ],
                None,
            ),
        ],
    ),
    "discretionary_delay": (
        [
            (
                "began 67 min after resume",
                [*resumed_only(0), task("task_will_begin", 4000, T1, 1)],
                None,
            )
        ],
        [
            ("began at once", [*resumed_only(0), task("task_will_begin", 10, T1, 1)], None),
            (
                "waiting for connectivity",
                [
                    *user_launch(),
                    *resumed_only(0),
                    mark("task.waiting", 5, 100, task_number=1),
                    app_line("ui_backgrounded", 5000, 100),
                ],
                None,
            ),
        ],
    ),
    "waiting_for_connectivity": (
        [
            (
                "task.waiting marker",
                [
                    *user_launch(),
                    bg_setup(1, 100),
                    *resumed_only(2),
                    mark("task.waiting", 5, 100, task_number=1),
                ],
                None,
            ),
            (
                "cellular disallowed, never began",
                [cellular(0), *resumed_only(1), app_line("ui_backgrounded", 900, 100)],
                None,
            ),
        ],
        [
            (
                "cellular allowed",
                [cellular(1), *resumed_only(1), app_line("ui_backgrounded", 900, 100)],
                None,
            )
        ],
    ),
    "too_many_tasks": (
        [("101 tasks in a second", many_tasks(101), None)],
        [
            ("100 tasks", many_tasks(100), None),
            ("200 tasks over a day", many_tasks(200, every=600), None),
        ],
    ),
    "delivery_latency": (
        [
            (
                "16 min, no cause in the log",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(10, T1, 1),
                    ack(1000, T1, 1),
                ],
                None,
            ),
            (
                "rate limiter in between",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(10, T1, 1),
                    request_delay(20, 60),
                    ack(1000, T1, 1),
                ],
                "info",
            ),
        ],
        [
            (
                "delivered 10 s later",
                [
                    *user_launch(),
                    *upload_start(2, T1, 1, 100),
                    completed(10, T1, 1),
                    ack(20, T1, 1),
                ],
                None,
            )
        ],
    ),
    "debugger_attached": (
        [
            (
                "non-discretionary under the debugger",
                [debugging("non-discretionary, since the app is being debugged")],
                None,
            )
        ],
        [("plain discretionary status", [debugging("discretionary")], None)],
    ),
    "simulator_trace": (
        [
            (
                "CoreSimulator path",
                [{**app_line("ui_backgrounded", 1, 100), "source": SIMULATOR_PATH}],
                None,
            ),
            (
                "CoreSimulator path in a message",
                [
                    app_line(
                        "task_finished", 1, 100, task_uuid=T1, task_number=55, detail=SIMULATOR_PATH
                    )
                ],
                None,
            ),
        ],
        [
            (
                "device paths only",
                [{**app_line("ui_backgrounded", 1, 100), "source": "/var/mobile/log.txt"}],
                None,
            )
        ],
    ),
}
