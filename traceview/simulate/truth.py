"""Ground truth in the JSON report's vocabulary, computed from what the timeline did.

Tasks and processes follow docs/semantics.md. Rules follow urlsession_rules.md §5; where
the catalogue leaves a threshold open the simulator uses the values in rules.py (the analyser
should agree or the difference should be argued):

- app_terminated_by_system: a process ended by the system (jetsam, crash, watchdog,
  assertion timeout, other kill) while at least one resumed task was not yet delivered;
- background_launch_crash_or_watchdog: such an end (crash or watchdog) of a process the
  daemon launched for session events, before every task it was woken for was delivered;
- completion_handler_never_called: handleEvents without a handler call in a process that
  lived HANDLER_GRACE_S longer, or the 0x2182bad3 / assertiond kill of a process woken for
  session events;
- slow_background_wake: the handler was called more than SLOW_WAKE_S after handleEvents;
- completion_handler_called_early: the handler was called before didFinishEvents;
- session_not_recreated_on_relaunch: woken for X and no session created at all in that
  process; session_identifier_mismatch: woken for X and only other identifiers created;
- user_relaunch_no_handle_events: a user launch while resumed tasks were undelivered,
  with no handleEvents in that process;
- resume_rate_limiter_delay: nsurlsessiond's request delay reached RATE_LIMITER_DELAY_S
  (it doubled at least once); discretionary_delay: resume -> will begin of at least
  DISCRETIONARY_S;
- delivery_latency: daemon completion -> delivery of more than LATENCY_S;
- too_many_tasks: more than TOO_MANY tasks created.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from traceview.simulate.engine import ProcessRun, TaskRun, World, play
from traceview.simulate.entries import Entry
from traceview.simulate.rules import implied_rules
from traceview.simulate.timeline import Scenario

CANCEL_REASONS = {
    0: "user_force_quit",
    1: "background_updates_disabled",
    2: "insufficient_system_resources",
}
# Styles whose timestamps carry an offset report UTC with Z; the others naive local time.
NAIVE_STYLES = {"compact": 3, "relay": 0}


def iso(scn: Scenario, t: float | None, style: str = "default") -> str | None:
    """The ISO string the analyser should report for log time `t` in this style."""
    if t is None:
        return None
    moment = datetime.fromtimestamp(scn.start_epoch, UTC) + timedelta(microseconds=round(t * 1e6))
    if style in NAIVE_STYLES:
        local = moment.astimezone(timezone(timedelta(minutes=scn.tz_minutes))).replace(tzinfo=None)
        # The style prints only this many fractional digits; the rest is lost.
        keep = 10 ** (6 - NAIVE_STYLES[style])
        local = local.replace(microsecond=local.microsecond // keep * keep)
        return local.isoformat(timespec="microseconds")
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def task_truth(scn: Scenario, run: TaskRun) -> dict[str, object]:
    delivered = run.delivered_at is not None
    state = "unknown"
    if delivered:
        state = {0: "succeeded", -999: "cancelled"}.get(run.error or 0, "failed")
    cancel = None
    if run.error == -999:
        cancel = (
            CANCEL_REASONS.get(run.reason, "app_or_unknown")
            if run.reason is not None
            else "app_or_unknown"
        )
    error = run.error if delivered else (0 if run.daemon_done_at is not None else None)
    return {
        "task_uuid": run.spec.uuid,
        "task_number": run.spec.number,
        "bundle_id": scn.app.bundle_id,
        "session_identifier": run.spec.session if run.session_seen else None,
        "kind": run.spec.kind if run.kind_seen else "unknown",
        "final_state": state,
        "error_code": error,
        "cancel_reason": cancel,
        "http_status": run.http,
        "delivered": True if delivered else (False if run.daemon_done_at is not None else None),
        "unknown_reason": None if delivered else _unknown_reason(run),
    }


def _unknown_reason(run: TaskRun) -> str:
    if run.daemon_done_at is not None:
        return "completed_not_delivered"
    if run.created_at is not None and not run.resumed:
        return "never_resumed"
    if run.last_daemon:
        return "in_flight_at_end_of_log"
    return "no_terminal_event"


def process_truth(scn: Scenario, proc: ProcessRun, style: str) -> dict[str, object]:
    return {
        "bundle_id": scn.app.bundle_id,
        "process": scn.app.process,
        "pid": proc.pid,
        "launched_at": iso(scn, proc.launched_at, style),
        "launch_reason": proc.launch_reason,
        "ended_at": None
        if proc.end_reason == "running_at_end_of_log"
        else iso(scn, proc.ended_at, style),
        "end_reason": proc.end_reason,
    }


def _logged(world: World, entries: list[Entry]) -> list[TaskRun]:
    """Tasks whose `Task <UUID>.<n>` the log prints (a task seen only in markers has no UUID)."""
    text = "\n".join(entry.message for entry in entries)
    return [
        run
        for _, run in sorted(world.tasks.items())
        if f"Task <{run.spec.uuid}>.<{run.spec.number}>" in text
    ]


def truth(scn: Scenario, style: str = "default") -> dict[str, list]:
    """{"tasks": [...], "processes": [...], "rules": [...]} for the scenario's log."""
    entries, world = play(scn)
    tasks = [task_truth(scn, run) for run in _logged(world, entries)]
    processes = [process_truth(scn, proc, style) for proc in world.processes]
    return {
        "tasks": tasks,
        "processes": processes,
        "rules": sorted(implied_rules(scn, world, tasks)),
    }
