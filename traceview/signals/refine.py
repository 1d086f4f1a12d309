"""After shaping: fields that follow from others (exit codes -> end reasons), per kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from traceview.model import EndReason
from traceview.signals.exits import decode_exit_status, decode_launchd, decode_terminate_code
from traceview.signals.kinds import SignalKind as K

Fields = dict[str, Any]


def _launchd_report(fields: Fields) -> Fields:
    numbers = (fields.get("exit_namespace"), fields.get("exit_code"), fields.get("exit_status"))
    if None not in numbers:
        reason, detail = decode_launchd(*numbers)  # type: ignore[arg-type]
        fields.update(exit_reason=reason.value, detail=detail)
    return fields


def _exit_context(fields: Fields) -> Fields:
    """RBSProcessExitContext (status or `voluntary`) or FBProcessExitContext (watchdog)."""
    domain, code = fields.get("exit_namespace"), fields.get("exit_code")
    if domain is not None and code is not None:
        reason, detail = decode_exit_status(domain, code)
    elif fields.get("state") == "voluntary":
        reason, detail = EndReason.UNKNOWN, "voluntary exit"
    elif (fields.get("detail") or "").startswith("watchdog"):
        reason, detail = EndReason.WATCHDOG, fields["detail"]
    else:
        return fields
    fields.update(exit_reason=reason.value, detail=detail)
    return fields


def _terminate_context(fields: Fields) -> Fields:
    """RBSTerminateContext: the code names the reason, the explanation says who and why."""
    if fields.get("exit_code") is None:
        return fields
    reason, decoded = decode_terminate_code(fields["exit_code"])
    explanation = fields.get("detail")
    detail = f"{decoded}: {explanation}" if explanation else decoded
    fields.update(exit_reason=reason.value, detail=detail)
    return fields


def _forced_crash(fields: Fields) -> Fields:
    """assertiond kills a process whose assertions outlived their budget (iOS <= 12)."""
    fields.update(
        exit_reason=EndReason.ASSERTION_TIMEOUT.value,
        detail="active assertions beyond permitted time",
    )
    return fields


REFINERS: dict[str, Callable[[Fields], Fields]] = {
    K.RB_TERMINATION_REPORTED: _launchd_report,
    K.RB_EXIT_CONTEXT: _exit_context,
    K.FB_PROCESS_EXITED: _exit_context,
    K.RB_TERMINATING: _terminate_context,
    K.RB_TERMINATION_REQUEST: _terminate_context,
    K.AD_FORCING_CRASH: _forced_crash,
}


def refine(fields: Fields) -> Fields:
    refiner = REFINERS.get(fields.get("kind", ""))
    return refiner(fields) if refiner else fields
