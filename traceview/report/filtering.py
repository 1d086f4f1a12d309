"""`filter_report`: narrow a Report to one app, one session, a time window or a severity.

Pure: returns a new Report; inputs, stats, coverage and malformed lines describe what was read,
so they are kept whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from traceview.errors import TraceviewError
from traceview.model import Finding, Mark, ProcessRun, Report, SessionInfo, Severity, TaskInfo

_Window = tuple[dt.datetime | None, dt.datetime | None]


def filter_report(
    report: Report,
    *,
    app: str | None = None,
    session: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_severity: Severity | str | None = None,
) -> Report:
    """Keep what matches every given criterion; items with no time are kept by time filters."""
    window = (_parse_time(since, "--since"), _parse_time(until, "--until"))
    threshold = _severity(min_severity)
    return dataclasses.replace(
        report,
        processes=tuple(p for p in report.processes if _keep_process(p, app, session, window)),
        sessions=tuple(s for s in report.sessions if _keep_session(s, app, session, window)),
        tasks=tuple(t for t in report.tasks if _keep_task(t, app, session, window)),
        findings=tuple(
            f for f in report.findings if _keep_finding(f, app, session, window, threshold)
        ),
        marks=tuple(m for m in report.marks if _keep_mark(m, app, window)),
    )


def _parse_time(value: str | None, option: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return _naive(dt.datetime.fromisoformat(value))
    except ValueError:
        raise TraceviewError(
            f"{option} takes an ISO 8601 time like 2024-05-14T10:30, not {value!r}"
        ) from None


def _naive(moment: dt.datetime) -> dt.datetime:
    # Reports hold UTC (`Z`) or naive local times; the user's --since means the log's own clock.
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _stamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return _naive(dt.datetime.fromisoformat(value))
    except ValueError:
        return None


def _overlaps(start: str | None, end: str | None, window: _Window) -> bool:
    """True when [start, end] meets the window; an open end reaches to the end of the log."""
    since, until = window
    first, last = _stamp(start), _stamp(end)
    if since is not None and last is not None and last < since:
        return False
    return not (until is not None and first is not None and first > until)


def _severity(value: Severity | str | None) -> Severity | None:
    if value is None or isinstance(value, Severity):
        return value
    try:
        return Severity(value.lower())
    except ValueError:
        names = ", ".join(s.value for s in Severity)
        raise TraceviewError(f"--severity takes one of {names}, not {value!r}") from None


def _matches(value: str | None, wanted: str | None) -> bool:
    return wanted is None or value == wanted


def _keep_process(run: ProcessRun, app: str | None, session: str | None, window: _Window) -> bool:
    return _matches(run.bundle_id, app) and _overlaps(run.launched_at, run.ended_at, window)


def _keep_session(info: SessionInfo, app: str | None, session: str | None, window: _Window) -> bool:
    first = info.created_at[0] if info.created_at else None
    return (
        _matches(info.bundle_id, app)
        and _matches(info.identifier, session)
        and _overlaps(first, None, (None, window[1]))
    )


def _keep_task(task: TaskInfo, app: str | None, session: str | None, window: _Window) -> bool:
    start = task.created_at or task.resumed_at or task.began_at or task.completed_at
    end = task.delivered_at or task.completed_at
    return (
        _matches(task.bundle_id, app)
        and _matches(task.session_identifier, session)
        and _overlaps(start, end, window)
    )


def _keep_finding(
    finding: Finding,
    app: str | None,
    session: str | None,
    window: _Window,
    threshold: Severity | None,
) -> bool:
    if threshold is not None and finding.severity.rank < threshold.rank:
        return False
    if app is not None and finding.bundle_id not in (None, app):
        return False
    if session is not None and finding.session_identifier != session:
        return False
    return _overlaps(finding.at, finding.at, window)


def _keep_mark(mark: Mark, app: str | None, window: _Window) -> bool:
    return (app is None or mark.bundle_id in (None, app)) and _overlaps(mark.at, mark.at, window)
