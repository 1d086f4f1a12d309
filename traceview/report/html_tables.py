"""The HTML report's tables: app processes and sessions, tasks, malformed lines, coverage."""

from __future__ import annotations

from traceview.model import Report, TaskInfo
from traceview.report import words
from traceview.report.anchors import Anchors, FindingLink, task_lane
from traceview.report.htmlkit import Safe, join, tag, void


def _plain_table(headers: list[str], rows: list[list[object]]) -> Safe:
    head = tag("thead", None, tag("tr", None, [tag("th", None, h) for h in headers]))
    body = tag("tbody", None, [tag("tr", None, [tag("td", None, c) for c in row]) for row in rows])
    return tag("table", {"class_": "plain"}, head, body)


def processes_section(report: Report) -> Safe | None:
    """Every app process run and every session, in words."""
    if not (report.processes or report.sessions):
        return None
    day = words.first_day(report)
    runs: list[list[object]] = [
        [
            r.bundle_id or "—",
            f"{r.process} · pid {r.pid if r.pid is not None else '?'}",
            words.clock(r.launched_at, day),
            words.LAUNCH_WORDS[r.launch_reason],
            words.clock(r.ended_at, day),
            words.END_WORDS[r.end_reason] + (f" — {r.end_detail}" if r.end_detail else ""),
            len(r.suspended),
        ]
        for r in report.processes
    ]
    sessions: list[list[object]] = [
        [
            s.bundle_id or "—",
            tag("code", None, s.identifier or "(identifier unknown)"),
            ", ".join(words.clock(at, day) for at in s.created_at) or "—",
            ", ".join(str(p) for p in s.pids) or "—",
        ]
        for s in report.sessions
    ]
    return tag(
        "section",
        {"id": "processes"},
        tag("h2", None, "App processes"),
        _plain_table(
            ["app", "process", "launched", "how it started", "ended", "how it ended", "suspended"],
            runs,
        )
        if runs
        else tag("p", {"class_": "empty"}, "No app process seen."),
        tag("h2", None, "Sessions"),
        _plain_table(["app", "identifier", "created at", "by pid"], sessions)
        if sessions
        else tag("p", {"class_": "empty"}, "No session seen."),
    )


def tasks_section(report: Report, anchors: Anchors) -> Safe:
    headers = [
        "task",
        "app · session",
        "kind",
        "final state",
        "HTTP",
        "delivered",
        "created",
        "completed",
        "delivered at",
        "delays",
        "findings",
    ]
    head = tag(
        "thead",
        None,
        tag(
            "tr",
            None,
            [
                tag("th", {"data-col": i, "tabindex": 0, "aria-sort": "none"}, h)
                for i, h in enumerate(headers)
            ],
        ),
    )
    rows = [
        _task_row(
            task,
            task_lane(i),
            anchors.findings_of_lane.get(task_lane(i), []),
            has_lane=i in anchors.task_lanes,
            day=words.first_day(report),
        )
        for i, task in enumerate(report.tasks)
    ]
    filters = tag(
        "div",
        {"class_": "table-filter", "role": "group", "aria-label": "Filter by final state"},
        "Show: ",
        [
            tag(
                "label",
                None,
                void("input", {"type": "checkbox", "value": s.value, "checked": True}),
                f" {s.value}",
            )
            for s in words.STATE_ORDER
        ],
    )
    table = tag("table", {"id": "task-table"}, head, tag("tbody", None, rows))
    return tag(
        "section",
        {"id": "tasks"},
        tag("h2", None, f"Tasks ({len(rows)})"),
        filters,
        tag("div", {"class_": "table-scroll"}, table),
    )


def _task_row(
    task: TaskInfo, lane_id: str, links: list[FindingLink], *, has_lane: bool, day: str | None
) -> Safe:
    state = task.final_state.value
    label = words.task_label(task)
    cells: list[tuple[object, object]] = [
        (
            tag("a", {"href": f"#{lane_id}"}, label) if has_lane else label,
            f"{task.task_uuid}.{task.task_number}",
        ),
        (
            join(
                [
                    task.bundle_id or "—",
                    void("br"),
                    tag("small", None, task.session_identifier or "—"),
                ]
            ),
            f"{task.bundle_id or ''} {task.session_identifier or ''}",
        ),
        (task.kind.value, task.kind.value),
        (tag("span", {"class_": f"state state-{state}"}, words.state_text(task)), state),
        (
            task.http_status if task.http_status is not None else "—",
            task.http_status if task.http_status is not None else -1,
        ),
        (words.delivered_text(task), words.delivered_text(task)),
        (words.clock(task.created_at, day), task.created_at or ""),
        (words.clock(task.completed_at, day), task.completed_at or ""),
        (words.clock(task.delivered_at, day), task.delivered_at or ""),
        (
            words.delay_text(task) or "—",
            task.delivery_latency_s if task.delivery_latency_s is not None else -1,
        ),
        (
            join(
                tag("a", {"href": f"#{anchor}", "class_": "rule-link"}, _breakable(rule))
                for anchor, rule in links
            ),
            len(links),
        ),
    ]
    return tag(
        "tr",
        {"id": f"row-{lane_id}", "data-state": state},
        [tag("td", {"data-sort": sort}, shown) for shown, sort in cells],
    )


def malformed_section(report: Report) -> Safe | None:
    if not report.malformed_lines:
        return None
    items = [
        tag(
            "li",
            None,
            tag("code", None, f"{m.path}:{m.line}"),
            f" {m.reason}" if m.reason else None,
            tag("pre", None, m.text),
        )
        for m in report.malformed_lines
    ]
    title = f"Malformed lines ({report.stats.malformed:,}; first {len(items)} shown)"
    return tag("section", {"id": "malformed"}, tag("h2", None, title), tag("ul", None, items))


def coverage_section(report: Report) -> Safe | None:
    top = report.coverage.top_unrecognized
    if not top:
        return None
    rows = [
        tag(
            "tr",
            None,
            tag("td", None, p),
            tag("td", None, tag("code", None, s)),
            tag("td", {"class_": "num"}, f"{n:,}"),
        )
        for p, s, n in top
    ]
    head = tag(
        "tr",
        None,
        tag("th", None, "process"),
        tag("th", None, "message shape"),
        tag("th", None, "count"),
    )
    return tag(
        "section",
        {"id": "coverage"},
        tag("h2", None, "Parser coverage"),
        tag(
            "p",
            None,
            "Messages of relevant processes that traceview did not recognise, most frequent first.",
        ),
        tag("table", {"class_": "plain"}, tag("thead", None, head), tag("tbody", None, rows)),
    )


def _breakable(name: str) -> Safe:
    """A snake_case name that may wrap after its underscores (not inside words)."""
    parts = name.split("_")
    return join(
        [part if i == len(parts) - 1 else (f"{part}_", void("wbr")) for i, part in enumerate(parts)]
    )
