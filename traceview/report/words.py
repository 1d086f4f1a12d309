"""Plain-word phrasing shared by the terminal and HTML renderers (formatting only)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from traceview.model import (
    CancelReason,
    EndReason,
    FinalState,
    Finding,
    LaunchReason,
    Report,
    Severity,
    Stats,
    TaskInfo,
    TaskKind,
    UnknownReason,
)

LAUNCH_WORDS = {
    LaunchReason.USER: "launched by the user",
    LaunchReason.BACKGROUND_URLSESSION: "launched in the background for session events",
    LaunchReason.BACKGROUND_OTHER: "launched in the background (not for URLSession)",
    LaunchReason.UNKNOWN: "already running or launch not seen",
}

END_WORDS = {
    EndReason.USER_FORCE_QUIT: "force-quit by the user",
    EndReason.SYSTEM_JETSAM: "killed by the system for memory (jetsam)",
    EndReason.CRASH: "crashed",
    EndReason.WATCHDOG: "killed by the watchdog",
    EndReason.ASSERTION_TIMEOUT: "killed: background time ran out",
    EndReason.SYSTEM_OTHER: "killed by the system",
    EndReason.RUNNING_AT_END_OF_LOG: "still running when the log ends",
    EndReason.UNKNOWN: "exited (cause unknown)",
}

CANCEL_WORDS = {
    CancelReason.USER_FORCE_QUIT: "user force quit",
    CancelReason.BACKGROUND_UPDATES_DISABLED: "background updates disabled",
    CancelReason.INSUFFICIENT_SYSTEM_RESOURCES: "insufficient system resources",
    CancelReason.APP_OR_UNKNOWN: "by the app (or unknown)",
}

UNKNOWN_WORDS = {
    UnknownReason.IN_FLIGHT_AT_END_OF_LOG: "still in flight when the log ends",
    UnknownReason.COMPLETED_NOT_DELIVERED: "finished in the daemon, never delivered to the app",
    UnknownReason.NEVER_RESUMED: "created but never resumed",
    UnknownReason.NO_TERMINAL_EVENT: "no ending in the log",
}

KIND_PLURALS = {
    TaskKind.UPLOAD: "uploads",
    TaskKind.DOWNLOAD: "downloads",
    TaskKind.DATA: "data tasks",
    TaskKind.UNKNOWN: "tasks of unknown kind",
}

SEVERITY_ORDER = sorted(Severity, key=lambda s: s.rank, reverse=True)
STATE_ORDER = (FinalState.SUCCEEDED, FinalState.FAILED, FinalState.CANCELLED, FinalState.UNKNOWN)


def duration(seconds: float) -> str:
    """`0.6 s`, `42 s`, `21 min`, `1 h 16 min`, `2 d 3 h`: rounded for reading, not arithmetic."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def clock(stamp: str | None, day: str | None = None) -> str:
    """The time of day of an ISO timestamp (`10:02:11.101`), or `—`.

    With `day` (the capture's first date, see `first_day`), a stamp on another date keeps its
    date (`05-15 08:00:03.000`), so overnight captures stay unambiguous.
    """
    if not stamp:
        return "—"
    date, _, time = stamp.partition("T")
    shown = time.rstrip("Z")[:12] or stamp
    if day and time and date != day:
        return f"{date[5:]} {shown}"
    return shown


def first_day(report: Report) -> str | None:
    """The date the capture starts on (`2024-05-14`), when known."""
    start = report.time_span[0]
    return start.partition("T")[0] if start and "T" in start else None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def task_label(task: TaskInfo) -> str:
    """`Task <0F6A3C1E…>.<1>`: short enough for a table, unique enough to find in the log."""
    return f"<{task.task_uuid[:8]}…>.<{task.task_number}>"


def state_text(task: TaskInfo) -> str:
    """`succeeded`, `failed (-1001)`, `cancelled: user force quit`, `unknown: …`."""
    if task.final_state is FinalState.FAILED and task.error_code is not None:
        return f"failed ({task.error_code})"
    if task.final_state is FinalState.CANCELLED and task.cancel_reason is not None:
        return f"cancelled: {CANCEL_WORDS[task.cancel_reason]}"
    if task.final_state is FinalState.UNKNOWN and task.unknown_reason is not None:
        return f"unknown: {UNKNOWN_WORDS[task.unknown_reason]}"
    return task.final_state.value


def delivered_text(task: TaskInfo) -> str:
    return {True: "yes", False: "no", None: "can't tell"}[task.delivered]


def delay_text(task: TaskInfo) -> str:
    """The waits a newcomer cares about, in words."""
    parts = []
    if task.start_delay_s is not None and task.start_delay_s >= 1:
        parts.append(f"started {duration(task.start_delay_s)} after resume")
    if task.delivery_latency_s is not None:
        parts.append(
            f"delivered to the app {duration(task.delivery_latency_s)} after the daemon finished"
        )
    return "; ".join(parts)


def outcome_sentences(tasks: Iterable[TaskInfo]) -> list[str]:
    """`3 of 5 uploads succeeded (1 failed, 1 unknown)` per task kind."""
    by_kind: dict[TaskKind, Counter[FinalState]] = {}
    for task in tasks:
        by_kind.setdefault(task.kind, Counter())[task.final_state] += 1
    sentences = []
    for kind, states in by_kind.items():
        total = sum(states.values())
        rest = [f"{states[s]} {s.value}" for s in STATE_ORDER[1:] if states[s]]
        tail = f" ({', '.join(rest)})" if rest else ""
        sentences.append(
            f"{states[FinalState.SUCCEEDED]} of {total} {KIND_PLURALS[kind]} succeeded{tail}"
        )
    return sentences


def severity_counts(report: Report) -> list[tuple[Severity, int]]:
    counts = Counter(f.severity for f in report.findings)
    return [(s, counts[s]) for s in SEVERITY_ORDER if counts[s]]


def findings_sentence(report: Report) -> str:
    counts = severity_counts(report)
    if not counts:
        return "no findings"
    return ", ".join(f"{n} {s.value}" for s, n in counts)


def line_accounting(stats: Stats) -> str:
    """Where every line went: `53,018 read: 52,870 log entries (1,893 recognised, ...), ...`."""
    entries = f"{stats.events:,} log entries ({stats.recognized:,} recognised"
    entries += f", {stats.irrelevant:,} not relevant)" if stats.irrelevant else ")"
    parts = [entries]
    for count, what in (
        (stats.continuation, "continuation lines"),
        (stats.banner, "header/banner lines"),
        (stats.duplicates, "duplicates dropped"),
    ):
        if count:
            parts.append(f"{count:,} {what}")
    parts.append(f"{stats.malformed:,} malformed")
    return f"{stats.lines_total:,} read: " + ", ".join(parts)


def span_text(span: tuple[str | None, str | None]) -> str:
    """`first → last (UTC)`; naive stamps are the device's local clock."""
    start, end = span
    if start is None and end is None:
        return "no timestamps"
    zone = "UTC" if (start or end or "").endswith("Z") else "device local time"
    return f"{start or '?'} → {end or '?'} ({zone})"


def os_text(version: str | None, build: str | None) -> str:
    if not version:
        return "iOS version unknown"
    return f"iOS {version} ({build})" if build else f"iOS {version}"


def apps(report: Report) -> list[str]:
    """Bundle ids in order of first appearance across processes, sessions and tasks."""
    seen: dict[str, None] = {}
    bundles = [
        *(p.bundle_id for p in report.processes),
        *(s.bundle_id for s in report.sessions),
        *(t.bundle_id for t in report.tasks),
    ]
    for bundle in bundles:
        if bundle:
            seen.setdefault(bundle, None)
    return list(seen)


def sorted_findings(report: Report) -> list[Finding]:
    """Worst first; the report's order within a severity."""
    return sorted(report.findings, key=lambda f: -f.severity.rank)
