"""The terminal report (rich): summary first, then apps, sessions and tasks, then findings.

All log text goes in as `Text` (never markup), so a `[bold]` inside a log line stays literal.
Colour comes from rich's own TTY detection; goldens use `color_system=None`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from traceview.model import (
    FinalState,
    Finding,
    ProcessRun,
    Report,
    SessionInfo,
    Severity,
    TaskInfo,
)
from traceview.report import words

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
STATE_STYLE = {"succeeded": "green", "failed": "red", "cancelled": "yellow", "unknown": "magenta"}
MAX_EVIDENCE = 8
MAX_TASK_ROWS = 40  # per session; beyond this a terminal table stops being read


def render_terminal(report: Report, console: Console, *, quiet: bool = False) -> None:
    """Print the report; `quiet` prints only the summary."""
    console.print(Rule(Text("traceview report", style="bold")))
    console.print(summary(report))
    if quiet:
        return
    for bundle in [*words.apps(report), None]:
        section = app_section(report, bundle)
        if section is not None:
            console.print()
            console.print(section)
    console.print()
    console.print(findings_section(report))
    for extra in (malformed_section(report), coverage_section(report)):
        if extra is not None:
            console.print(extra)


def _grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    return grid


def summary(report: Report) -> Table:
    grid = _grid()
    for info in report.inputs:
        os_part = words.os_text(info.os_version, info.os_build)
        grid.add_row("Input", Text(f"{info.path} — {info.format}, {os_part}, {info.lines:,} lines"))
    device = report.device
    if device:
        model = device.get("model", "model unknown")
        grid.add_row(
            "Device",
            Text(f"{model}, {words.os_text(device.get('os_version'), device.get('os_build'))}"),
        )
    grid.add_row("Time span", Text(words.span_text(report.time_span)))
    stats = report.stats
    grid.add_row(
        "Lines",
        Text(words.line_accounting(stats)),
    )
    grid.add_row("Apps", Text(", ".join(words.apps(report)) or "none found"))
    grid.add_row("Sessions", Text(str(len(report.sessions))))
    outcomes = words.outcome_sentences(report.tasks)
    grid.add_row("Tasks", Text("; ".join(outcomes) if outcomes else "none found"))
    _add_metric_rows(grid, report)
    grid.add_row("Findings", _severity_text(report))
    return grid


def _add_metric_rows(grid: Table, report: Report) -> None:
    relaunches = report.metrics.get("relaunches")
    if isinstance(relaunches, int):
        noun = "relaunch" if relaunches == 1 else "relaunches"
        grid.add_row("Relaunches", Text(f"{relaunches} background {noun} for session events"))
    delays = report.metrics.get("request_delays_s")
    if isinstance(delays, list) and delays:
        grid.add_row(
            "Rate limiter",
            Text("request delay set to " + ", ".join(words.duration(d) for d in delays)),
        )


def _severity_text(report: Report) -> Text:
    counts = words.severity_counts(report)
    if not counts:
        return Text("no findings")
    text = Text()
    for i, (severity, count) in enumerate(counts):
        text.append(", " if i else "")
        text.append(f"{count} {severity.value}", style=SEVERITY_STYLE[severity])
    return text


def app_section(report: Report, bundle: str | None) -> RenderableType | None:
    processes = [p for p in report.processes if p.bundle_id == bundle]
    sessions = [s for s in report.sessions if s.bundle_id == bundle]
    tasks = [t for t in report.tasks if t.bundle_id == bundle]
    if not (processes or sessions or tasks):
        return None
    parts: list[RenderableType] = [Rule(Text(f"App {bundle or '(bundle unknown)'}"), align="left")]
    day = words.first_day(report)
    if processes:
        parts.append(process_table(processes, day))
    for identifier in _session_ids(sessions, tasks):
        info = next((s for s in sessions if s.identifier == identifier), None)
        parts.append(session_header(identifier, info, day))
        parts.append(task_table([t for t in tasks if t.session_identifier == identifier]))
    return Group(*parts)


def _session_ids(sessions: Iterable[SessionInfo], tasks: Iterable[TaskInfo]) -> list[str | None]:
    ids: dict[str | None, None] = {s.identifier: None for s in sessions}
    for task in tasks:
        ids.setdefault(task.session_identifier, None)
    return list(ids)


def process_table(processes: list[ProcessRun], day: str | None = None) -> Table:
    table = Table(title="App processes", title_justify="left", expand=False)
    for header in ("pid", "launched", "how it started", "ended", "how it ended"):
        table.add_column(header)
    for run in processes:
        ended = words.END_WORDS[run.end_reason] + (f" — {run.end_detail}" if run.end_detail else "")
        if run.suspended:
            ended += f" (suspended {len(run.suspended)}×)"
        table.add_row(
            str(run.pid) if run.pid is not None else "?",
            words.clock(run.launched_at, day),
            words.LAUNCH_WORDS[run.launch_reason],
            words.clock(run.ended_at, day),
            Text(ended),
        )
    return table


def session_header(
    identifier: str | None, info: SessionInfo | None, day: str | None = None
) -> Text:
    text = Text("Session ", style="bold")
    text.append(identifier or "(identifier unknown)", style="bold")
    if info is not None and info.created_at:
        created = ", ".join(words.clock(at, day) for at in info.created_at)
        text.append(f" — created {len(info.created_at)}× ({created})")
        if info.pids:
            text.append(" by pid " + ", ".join(str(p) for p in info.pids))
    return text


def task_table(tasks: list[TaskInfo]) -> Table:
    """One row per task; past MAX_TASK_ROWS, the tasks that did not succeed come first."""
    shown = tasks
    if len(tasks) > MAX_TASK_ROWS:
        troubled = [t for t in tasks if t.final_state is not FinalState.SUCCEEDED]
        succeeded = [t for t in tasks if t.final_state is FinalState.SUCCEEDED]
        shown = (troubled + succeeded)[:MAX_TASK_ROWS]
    hidden = [t for t in tasks if t not in shown] if len(shown) < len(tasks) else []
    caption = None
    if hidden:
        counts = "; ".join(words.outcome_sentences(hidden))
        caption = f"{len(hidden):,} more tasks not listed ({counts}); --html or --json lists all"
    table = Table(expand=True, caption=caption, caption_justify="left")
    for header in ("task", "kind", "HTTP", "delivered"):
        table.add_column(header, no_wrap=True)
    table.add_column("final state", ratio=2)
    table.add_column("delays", ratio=3)
    for task in shown:
        table.add_row(
            words.task_label(task),
            task.kind.value,
            str(task.http_status) if task.http_status is not None else "—",
            words.delivered_text(task),
            Text(words.state_text(task), style=STATE_STYLE[task.final_state.value]),
            words.delay_text(task) or "—",
        )
    return table


def findings_section(report: Report) -> RenderableType:
    findings = words.sorted_findings(report)
    parts: list[RenderableType] = [Rule(Text(f"Findings ({len(findings)})"), align="left")]
    if not findings:
        parts.append(Text("No rule fired."))
    parts.extend(finding_block(f) for f in findings)
    return Group(*parts)


def finding_block(finding: Finding) -> RenderableType:
    head = Text()
    head.append(f"{finding.severity.value.upper():<8}", style=SEVERITY_STYLE[finding.severity])
    head.append(f" {finding.rule}", style="bold")
    body: list[RenderableType] = [Text(finding.message)]
    if finding.advice:
        body.append(Text.assemble(("What to do: ", "bold"), finding.advice))
    if finding.evidence:
        body.append(Text("Evidence:", style="bold"))
        body.extend(Text(f"  {origin}", style="dim") for origin in finding.evidence[:MAX_EVIDENCE])
    more = len(finding.evidence) - MAX_EVIDENCE
    if more > 0:
        body.append(Text(f"  … and {more} more lines", style="dim"))
    return Group(head, Padding(Group(*body), (0, 0, 1, 2)))


def malformed_section(report: Report) -> RenderableType | None:
    if not report.malformed_lines:
        return None
    title = (
        f"Malformed lines ({report.stats.malformed:,}; first {len(report.malformed_lines)} shown)"
    )
    parts: list[RenderableType] = [Rule(Text(title), align="left")]
    for bad in report.malformed_lines:
        reason = f"  ({bad.reason})" if bad.reason else ""
        parts.append(Text(f"{bad.path}:{bad.line}{reason}", style="bold"))
        parts.append(Padding(Text(repr(bad.text)), (0, 0, 0, 2)))
    return Group(*parts)


def coverage_section(report: Report) -> RenderableType | None:
    top = report.coverage.top_unrecognized
    if not top:
        return None
    table = Table(
        title="Messages of relevant processes that traceview did not recognise",
        title_justify="left",
    )
    table.add_column("process")
    table.add_column("message shape")
    table.add_column("count", justify="right")
    for process, shape, count in top:
        table.add_row(Text(process), Text(shape), f"{count:,}")
    return Group(Text(""), Rule(Text("Parser coverage"), align="left"), table)
