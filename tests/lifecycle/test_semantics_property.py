"""Property test: for random, consistent histories of one task, final_state, delivered,
unknown_reason and cancel_reason follow docs/semantics.md (an independent oracle below)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lifecycle.builders import APP, EXE, T1, fb_state, frame, registered, task
from traceview.lifecycle import reconstruct

PID = 100
PROGRESS = ("task_enqueued", "task_resuming", "task_will_begin", "task_progress")
DELIVERIES = ("task_ack_completion", "task_finished", "task_load_failed", "marker")
CODES = (0, -999, -1001, -1005, -997)


@dataclass(frozen=True)
class History:
    created: bool
    progress: tuple[str, ...]
    daemon_code: int | None  # None: the daemon never completes it in the log
    delivery: str | None  # None: never delivered
    delivered_code: int
    reason: int | None
    http: int | None


@st.composite
def histories(draw: st.DrawFn) -> History:
    completes = draw(st.booleans())
    delivery = draw(st.sampled_from((None, *DELIVERIES)))
    code = draw(st.sampled_from(CODES))
    return History(
        created=draw(st.booleans()),
        progress=tuple(draw(st.lists(st.sampled_from(PROGRESS), max_size=4))),
        daemon_code=code if completes else None,
        delivery=delivery,
        delivered_code=code,
        reason=draw(st.sampled_from((None, 0, 1, 2))) if code == -999 else None,
        http=draw(st.sampled_from((None, 200, 201, 404, 500))),
    )


def rows_of(history: History) -> list[dict[str, Any]]:
    """The history as signals, in lifecycle order, one second apart."""
    rows: list[dict[str, Any]] = [fb_state(0, PID, "Foreground"), registered(1, T1, 1)]
    t = 2.0
    if history.created:
        rows.append(task("task_upload_created", t, T1, 1, task_kind="upload"))
    for kind in history.progress:
        t += 1
        rows.append(task(kind, t, T1, 1))
    if history.daemon_code is not None:
        t += 1
        rows.append(
            task(
                "task_completed", t, T1, 1, error_code=history.daemon_code, http_status=history.http
            )
        )
    if history.delivery is not None:
        t += 1
        rows.append(delivery_row(history, t))
    return rows


def delivery_row(history: History, t: float) -> dict[str, Any]:
    fields = {"error_code": history.delivered_code, "cancel_reason": history.reason}
    if history.delivery == "task_ack_completion":
        return task("task_ack_completion", t, T1, 1)
    if history.delivery == "marker":
        return task("marker", t, None, 1, process=EXE, pid=PID, name="task.complete", **fields)
    return task(history.delivery or "", t, T1, 1, process=EXE, pid=PID, **fields)


def expected(history: History) -> dict[str, Any]:
    """docs/semantics.md, written out independently of the implementation."""
    delivered = history.delivery is not None
    completed = history.daemon_code is not None
    acked_only = history.delivery == "task_ack_completion"
    code = history.daemon_code if (acked_only or not delivered) else history.delivered_code
    final = {0: "succeeded", -999: "cancelled"}.get(code or 0, "failed") if delivered else "unknown"
    moved_on = bool(history.progress) or completed
    if delivered:
        unknown = None
    elif completed:
        unknown = "completed_not_delivered"
    elif history.created and not moved_on:
        unknown = "never_resumed"
    else:
        unknown = "in_flight_at_end_of_log"  # the last line is daemon-side progress (or "is for")
    reasons = {
        0: "user_force_quit",
        1: "background_updates_disabled",
        2: "insufficient_system_resources",
    }
    cancel = None
    if code == -999:
        # the key travels on the app's delivery line only
        reason = history.reason if delivered and not acked_only else None
        cancel = reasons.get(reason, "app_or_unknown") if reason is not None else "app_or_unknown"
    return {
        "final_state": final,
        "delivered": True if delivered else (False if completed else None),
        "unknown_reason": unknown,
        "error_code": code,
        "cancel_reason": cancel,
    }


@settings(max_examples=60, deadline=None)
@given(histories(), st.booleans())
def test_task_outcome_follows_the_semantics(history: History, timed: bool) -> None:
    """Also for message-only pastes, which carry no timestamps: file order decides."""
    rows = rows_of(history)
    if not timed:
        rows = [{**row, "timestamp": None} for row in rows]
    rec = reconstruct(frame(rows))
    row = rec.tasks.filter(task_uuid=T1).row(0, named=True)
    want = expected(history)
    assert {key: row[key] for key in want} == want
    assert row["bundle_id"] == APP
    # invariants that hold whatever the history
    assert (row["final_state"] == "unknown") == (row["unknown_reason"] is not None)
    assert (row["cancel_reason"] is not None) == (row["error_code"] == -999)
