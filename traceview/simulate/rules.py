"""Which rule names (json_report.md) a played scenario implies, with the thresholds used."""

from __future__ import annotations

from collections.abc import Callable

from traceview.simulate.engine import ProcessRun, World
from traceview.simulate.timeline import Scenario

Check = Callable[[Scenario, World, list[dict]], bool]

SLOW_WAKE_S = 10.0
DISCRETIONARY_S = 3600.0
LATENCY_S = 300.0
TOO_MANY = 100
RATE_LIMITER_DELAY_S = 120.0
HANDLER_GRACE_S = 30.0
SYSTEM_ENDS = {"system_jetsam", "crash", "watchdog", "assertion_timeout", "system_other"}


def _system_end_in_flight(scn: Scenario, world: World, tasks: list[dict]) -> bool:

    return any(p.end_reason in SYSTEM_ENDS and p.in_flight_at_end > 0 for p in world.processes)


def _background_launch_died(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    return any(
        p.launch_reason == "background_urlsession"
        and p.end_reason in ("crash", "watchdog")
        and _undelivered_when_ended(world, p)
        for p in world.processes
    )


def _undelivered_when_ended(world: World, proc: ProcessRun) -> bool:
    ended = proc.ended_at if proc.ended_at is not None else float("inf")
    return any(
        t.spec.session in proc.woken_for
        and t.daemon_done_at is not None
        and (t.delivered_at is None or t.delivered_at > ended)
        for t in world.tasks.values()
    )


def _handler_never_called(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    """handleEvents (a marker) with no handler call while the process lived on for at least
    HANDLER_GRACE_S or died after it for a reason other than a crash or the watchdog (that story
    is background_launch_crash_or_watchdog), or the assertion-timeout kill of a process woken for
    session events."""
    for p in world.processes:
        called = {sid for sid, _ in p.handler_called}
        ended = p.end_reason != "running_at_end_of_log"
        lived = p.ended_at if ended else scn.end
        pending = [at for sid, at in p.handle_events if sid not in called]
        died_otherwise = ended and p.end_reason not in ("crash", "watchdog")
        if scn.markers and pending and died_otherwise:
            return True
        if scn.markers and any((lived or scn.end) - at >= HANDLER_GRACE_S for at in pending):
            return True
        if p.killed_how == "assertion_timeout" and p.woken_for:
            return True
    return False


def _wake_of(proc: ProcessRun, sid: str, called_at: float) -> float | None:
    """When the handleEvents this handler call answers arrived (None: no handleEvents)."""
    times = [at for s, at in proc.handle_events if s == sid and at <= called_at]
    return max(times) if times else None


def _slow_wake(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    for p in world.processes:
        for sid, at in p.handler_called:
            got = _wake_of(p, sid, at)
            if got is not None and at - got > SLOW_WAKE_S:
                return True
    return False


def _called_early(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    """The handler was called, and didFinishEvents for that wake came only afterwards."""
    if not scn.markers:
        return False  # only the app's markers show didFinishEvents
    for p in world.processes:
        for sid, at in p.handler_called:
            got = _wake_of(p, sid, at)
            if got is None:
                continue
            finished = [f for s, f in p.finish_events if s == sid and f >= got]
            if finished and min(finished) > at:
                return True
    return False


def _not_recreated(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    return any(p.woken_for and not p.sessions for p in world.processes)


def _mismatch(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    return any(
        p.sessions and any(sid not in p.sessions for sid in p.woken_for) for p in world.processes
    )


def _duplicate(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    return any(len(p.sessions) != len(set(p.sessions)) for p in world.processes)


def _user_relaunch(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    return any(
        p.launch_reason == "user" and p.owed_at_launch > 0 and not p.handle_events
        for p in world.processes
    )


def _upload_from_data(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    return any(p.upload_from_data for p in world.processes) or any(
        t["kind"] == "data" for t in tasks
    )


def _rate_limited(scn: Scenario, world: World, tasks: list[dict]) -> bool:
    """The request delay doubled at least once (a one-task-per-wake chain)."""
    return any(delay >= RATE_LIMITER_DELAY_S for _, delay in world.request_delays)


def _discretionary(scn: Scenario, world: World, tasks: list[dict]) -> bool:

    return any(
        t.started_at is not None
        and t.created_at is not None
        and t.started_at - t.created_at >= DISCRETIONARY_S
        for t in world.tasks.values()
    )


def _latency(scn: Scenario, world: World, tasks: list[dict]) -> bool:

    return any(
        t.daemon_done_at is not None
        and t.delivered_at is not None
        and t.delivered_at - t.daemon_done_at > LATENCY_S
        for t in world.tasks.values()
    )


def _cancelled(reason: str) -> Check:
    return lambda scn, world, tasks: any(t["cancel_reason"] == reason for t in tasks)


def _too_many(scn: Scenario, world: World, tasks: list[dict]) -> bool:

    return sum(1 for t in world.tasks.values() if t.created_at is not None) > TOO_MANY


CHECKS: dict[str, Check] = {
    "app_terminated_by_system": _system_end_in_flight,
    "background_launch_crash_or_watchdog": _background_launch_died,
    "completion_handler_never_called": _handler_never_called,
    "slow_background_wake": _slow_wake,
    "completion_handler_called_early": _called_early,
    "session_not_recreated_on_relaunch": _not_recreated,
    "session_identifier_mismatch": _mismatch,
    "duplicate_session_identifier": _duplicate,
    "user_relaunch_no_handle_events": _user_relaunch,
    "upload_from_data_or_stream": _upload_from_data,
    "task_never_resumed": lambda scn, world, tasks: any(
        t["unknown_reason"] == "never_resumed" for t in tasks
    ),
    "user_force_quit_cancelled_tasks": _cancelled("user_force_quit"),
    "system_cancelled_background_updates_disabled": _cancelled("background_updates_disabled"),
    "system_cancelled_insufficient_resources": _cancelled("insufficient_system_resources"),
    "lost_connection_to_background_service": lambda scn, world, tasks: any(
        t["error_code"] == -997 for t in tasks
    ),
    "resume_rate_limiter_delay": _rate_limited,
    "discretionary_delay": _discretionary,
    "waiting_for_connectivity": lambda scn, world, tasks: (
        scn.markers and any(t.waiting for t in world.tasks.values())
    ),
    "too_many_tasks": _too_many,
    "leaked_background_task": lambda scn, world, tasks: any(
        p.overdue_bg_task or p.killed_how == "background_task_timeout" for p in world.processes
    ),
    "task_final_state_unknown": lambda scn, world, tasks: any(
        t["final_state"] == "unknown" for t in tasks
    ),
    "http_error_status": lambda scn, world, tasks: any(
        (t["http_status"] or 0) >= 400 for t in tasks
    ),
    "delivery_latency": _latency,
    "debugger_attached": lambda scn, world, tasks: scn.debugger,
}


def implied_rules(scn: Scenario, world: World, tasks: list[dict]) -> set[str]:
    return {name for name, check in CHECKS.items() if check(scn, world, tasks)}
