"""json_report.md as a JSON Schema: the listed keys, types, nullability and enum values.

Extra keys are allowed everywhere (the contract says so); listed keys are required.
"""

from __future__ import annotations

from typing import Any

LAUNCH = ["user", "background_urlsession", "background_other", "unknown"]
END = [
    "user_force_quit", "system_jetsam", "crash", "watchdog", "assertion_timeout", "system_other",
    "running_at_end_of_log", "unknown",
]  # fmt: skip
CANCEL = [
    "user_force_quit",
    "background_updates_disabled",
    "insufficient_system_resources",
    "app_or_unknown",
]
UNKNOWN = [
    "in_flight_at_end_of_log",
    "completed_not_delivered",
    "never_resumed",
    "no_terminal_event",
]


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


def _enum(values: list[str], nullable: bool = False) -> dict[str, Any]:
    return {"enum": [*values, None] if nullable else values}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties)}


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


STR, INT = {"type": "string"}, {"type": "integer"}
EVIDENCE = _list(_object({"path": STR, "line": INT}))

REPORT_SCHEMA: dict[str, Any] = _object(
    {
        "schema_version": {"const": 1},
        "inputs": _list(
            _object(
                {
                    "path": STR, "format": STR, "os_version": _nullable("string"),
                    "os_build": _nullable("string"), "lines": INT,
                }
            )
        ),
        "stats": _object({"lines_total": INT, "events": INT, "recognized": INT, "malformed": INT}),
        "processes": _list(
            _object(
                {
                    "bundle_id": _nullable("string"), "process": STR, "pid": _nullable("integer"),
                    "launched_at": _nullable("string"), "launch_reason": _enum(LAUNCH),
                    "ended_at": _nullable("string"), "end_reason": _enum(END),
                }
            )
        ),
        "sessions": _list(
            _object(
                {
                    "bundle_id": _nullable("string"), "identifier": _nullable("string"),
                    "created_at": _list(STR),
                }
            )
        ),
        "tasks": _list(
            _object(
                {
                    "task_uuid": STR, "task_number": INT, "bundle_id": _nullable("string"),
                    "session_identifier": _nullable("string"),
                    "kind": _enum(["upload", "download", "data", "unknown"]),
                    "final_state": _enum(["succeeded", "failed", "cancelled", "unknown"]),
                    "error_code": _nullable("integer"),
                    "cancel_reason": _enum(CANCEL, nullable=True),
                    "http_status": _nullable("integer"), "delivered": _nullable("boolean"),
                    "unknown_reason": _enum(UNKNOWN, nullable=True), "evidence": EVIDENCE,
                }
            )
        ),
        "findings": _list(
            _object(
                {
                    "rule": STR, "severity": _enum(["critical", "error", "warning", "info"]),
                    "message": STR, "bundle_id": _nullable("string"),
                    "session_identifier": _nullable("string"), "task_uuid": _nullable("string"),
                    "task_number": _nullable("integer"), "pid": _nullable("integer"),
                    "evidence": EVIDENCE,
                }
            )
        ),
    }
)  # fmt: skip
