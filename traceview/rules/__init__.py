"""The anomaly rules: one module per rule, listed explicitly in `ALL_RULES`.

`run_rules(rec, signals)` runs them all over one reconstruction (one `pl.collect_all`) and returns
the findings sorted by severity (worst first), then time. `traceview rules` lists them and
`traceview explain RULE` prints a rule's documentation.
"""

from __future__ import annotations

import polars as pl

from traceview.lifecycle import Reconstruction
from traceview.model import Finding
from traceview.rules import (
    app_terminated_by_system,
    background_launch_crash_or_watchdog,
    background_session_convenience_api,
    completion_handler_called_early,
    completion_handler_never_called,
    debugger_attached,
    delivery_latency,
    discretionary_delay,
    duplicate_session_identifier,
    excessive_retries,
    extension_session_conflict,
    http_error_status,
    leaked_background_task,
    lost_connection_to_background_service,
    resume_rate_limiter_delay,
    session_identifier_mismatch,
    session_invalidated_with_tasks_in_flight,
    session_not_recreated_on_relaunch,
    simulator_trace,
    slow_background_wake,
    system_cancelled_background_updates_disabled,
    system_cancelled_insufficient_resources,
    task_created_in_invalidated_session,
    task_final_state_unknown,
    task_never_resumed,
    too_many_tasks,
    upload_from_data_or_stream,
    user_force_quit_cancelled_tasks,
    user_relaunch_no_handle_events,
    waiting_for_connectivity,
)
from traceview.rules.base import Rule, RuleConfig
from traceview.rules.engine import run

__all__ = ["ALL_RULES", "Rule", "RuleConfig", "by_name", "run_rules"]

ALL_RULES: tuple[Rule, ...] = (
    completion_handler_never_called.RULE,
    completion_handler_called_early.RULE,
    slow_background_wake.RULE,
    session_not_recreated_on_relaunch.RULE,
    session_identifier_mismatch.RULE,
    user_relaunch_no_handle_events.RULE,
    duplicate_session_identifier.RULE,
    task_created_in_invalidated_session.RULE,
    session_invalidated_with_tasks_in_flight.RULE,
    extension_session_conflict.RULE,
    upload_from_data_or_stream.RULE,
    background_session_convenience_api.RULE,
    lost_connection_to_background_service.RULE,
    task_never_resumed.RULE,
    user_force_quit_cancelled_tasks.RULE,
    system_cancelled_background_updates_disabled.RULE,
    system_cancelled_insufficient_resources.RULE,
    http_error_status.RULE,
    task_final_state_unknown.RULE,
    app_terminated_by_system.RULE,
    background_launch_crash_or_watchdog.RULE,
    leaked_background_task.RULE,
    resume_rate_limiter_delay.RULE,
    excessive_retries.RULE,
    discretionary_delay.RULE,
    waiting_for_connectivity.RULE,
    too_many_tasks.RULE,
    delivery_latency.RULE,
    debugger_attached.RULE,
    simulator_trace.RULE,
)


def by_name(name: str) -> Rule | None:
    """A rule by its name or code (case-insensitive), or None."""
    wanted = name.strip().lower()
    return next((r for r in ALL_RULES if wanted in (r.name, r.code.lower())), None)


def run_rules(
    rec: Reconstruction, signals: pl.DataFrame | None = None, config: RuleConfig | None = None
) -> tuple[Finding, ...]:
    """Every rule over `rec`, sorted by severity then time.

    `signals` is accepted for the pipeline's call shape; the rules read `rec.signals`, the same
    signals enriched with the identities the reconstruction resolved.
    """
    return run(ALL_RULES, rec, config or RuleConfig())
