"""The frozen report model: the JSON contract (shared/reference/json_report.md) as dataclasses.

Analysis builds one `Report`; the terminal, JSON and HTML renderers and `compare` only read it.
Timestamps are ISO 8601 strings already (UTC with `Z` when the input carried an offset, naive
local otherwise), so renderers never do time arithmetic.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1


class Severity(StrEnum):
    CRITICAL = "critical"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: info 0 … critical 3."""
        return {"info": 0, "warning": 1, "error": 2, "critical": 3}[self.value]


class LaunchReason(StrEnum):
    USER = "user"
    BACKGROUND_URLSESSION = "background_urlsession"
    BACKGROUND_OTHER = "background_other"
    UNKNOWN = "unknown"


class EndReason(StrEnum):
    USER_FORCE_QUIT = "user_force_quit"
    SYSTEM_JETSAM = "system_jetsam"
    CRASH = "crash"
    WATCHDOG = "watchdog"
    ASSERTION_TIMEOUT = "assertion_timeout"
    SYSTEM_OTHER = "system_other"
    RUNNING_AT_END_OF_LOG = "running_at_end_of_log"
    UNKNOWN = "unknown"


class CancelReason(StrEnum):
    USER_FORCE_QUIT = "user_force_quit"  # reason key 0
    BACKGROUND_UPDATES_DISABLED = "background_updates_disabled"  # 1
    INSUFFICIENT_SYSTEM_RESOURCES = "insufficient_system_resources"  # 2
    APP_OR_UNKNOWN = "app_or_unknown"  # -999 without a reason key


class UnknownReason(StrEnum):
    IN_FLIGHT_AT_END_OF_LOG = "in_flight_at_end_of_log"
    COMPLETED_NOT_DELIVERED = "completed_not_delivered"
    NEVER_RESUMED = "never_resumed"
    NO_TERMINAL_EVENT = "no_terminal_event"


class FinalState(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class TaskKind(StrEnum):
    UPLOAD = "upload"
    DOWNLOAD = "download"
    DATA = "data"
    UNKNOWN = "unknown"


@dataclass(frozen=True, order=True)
class Origin:
    """Where a log entry came from: the evidence every conclusion cites."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class MalformedLine:
    path: str
    line: int
    text: str  # truncated to a readable length
    reason: str = ""


@dataclass(frozen=True)
class InputInfo:
    path: str
    format: str
    os_version: str | None
    os_build: str | None
    lines: int  # physical lines of the file (a last line without newline counts)
    device_model: str | None = None
    date_source: str | None = None  # where a missing date/year came from, when it was missing
    members: tuple[str, ...] = ()  # files read inside an archive or folder


@dataclass(frozen=True)
class Stats:
    lines_total: int
    events: int
    recognized: int
    malformed: int
    continuation: int = 0
    banner: int = 0  # banner, header and trailer lines
    irrelevant: int = 0  # events of processes/messages traceview does not analyse
    duplicates: int = 0  # exact duplicate entries dropped across overlapping inputs


@dataclass(frozen=True)
class ProcessRun:
    bundle_id: str | None
    process: str
    pid: int | None
    launched_at: str | None
    launch_reason: LaunchReason
    ended_at: str | None
    end_reason: EndReason
    end_detail: str | None = None  # e.g. "signal 10 (SIGBUS)", "0x2182bad3"
    suspended: tuple[tuple[str, str | None], ...] = ()  # (suspended_at, resumed_at)
    evidence: tuple[Origin, ...] = ()


@dataclass(frozen=True)
class SessionInfo:
    bundle_id: str | None
    identifier: str | None
    created_at: tuple[str, ...]
    pids: tuple[int, ...] = ()
    daemon_uuids: tuple[str, ...] = ()
    evidence: tuple[Origin, ...] = ()


@dataclass(frozen=True)
class TaskInfo:
    task_uuid: str
    task_number: int
    bundle_id: str | None
    session_identifier: str | None
    kind: TaskKind
    final_state: FinalState
    error_code: int | None
    cancel_reason: CancelReason | None
    http_status: int | None
    delivered: bool | None
    unknown_reason: UnknownReason | None
    evidence: tuple[Origin, ...]
    created_at: str | None = None
    resumed_at: str | None = None
    began_at: str | None = None
    completed_at: str | None = None
    delivered_at: str | None = None
    bytes_sent: int | None = None
    bytes_expected: int | None = None
    # Per-task durations for the reports (renderers never subtract timestamps); None = unknown.
    start_delay_s: float | None = None  # resumed -> will begin (rate limiter, discretionary)
    delivery_latency_s: float | None = None  # daemon completed -> the app received the outcome


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    bundle_id: str | None = None
    session_identifier: str | None = None
    task_uuid: str | None = None
    task_number: int | None = None
    pid: int | None = None
    evidence: tuple[Origin, ...] = ()
    advice: str = ""
    at: str | None = None


@dataclass(frozen=True)
class Mark:
    """A point on the timeline: a wake request, a wake assertion, a kill, a force quit, ..."""

    at: str
    # wake_requested | wake_assertion | relaunch | kill | force_quit | crash | suspend | ...
    kind: str
    label: str
    bundle_id: str | None = None
    pid: int | None = None
    evidence: tuple[Origin, ...] = ()


@dataclass(frozen=True)
class Coverage:
    """Messages of relevant processes that no grammar recognised, most frequent first."""

    unrecognized_by_process: tuple[tuple[str, int], ...] = ()
    top_unrecognized: tuple[tuple[str, str, int], ...] = ()  # (process, message shape, count)
    families_matched: tuple[tuple[str, int], ...] = ()  # (grammar family/kind, count)


@dataclass(frozen=True)
class Report:
    inputs: tuple[InputInfo, ...]
    stats: Stats
    processes: tuple[ProcessRun, ...] = ()
    sessions: tuple[SessionInfo, ...] = ()
    tasks: tuple[TaskInfo, ...] = ()
    findings: tuple[Finding, ...] = ()
    malformed_lines: tuple[MalformedLine, ...] = ()  # the first few, for display
    coverage: Coverage = field(default_factory=Coverage)
    time_span: tuple[str | None, str | None] = (None, None)
    marks: tuple[Mark, ...] = ()
    # Named numbers `compare` reads (documented in traceview.lifecycle): delivery_latency_s,
    # wake_to_handler_s, request_delays_s (lists of seconds), relaunches (int), ...
    metrics: dict[str, Any] = field(default_factory=dict)
    device: dict[str, str] = field(default_factory=dict)  # model, os_version, os_build when known
    tool_version: str = ""
    schema_version: int = SCHEMA_VERSION


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data (dicts, lists, str, int, bool, None) from model objects."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, (tuple, list)):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj
