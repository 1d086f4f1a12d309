"""The swimlane timeline as inline SVG: app process runs, nsurlsessiond, one lane per task.

Every drawn item carries `data-t0`/`data-t1` (seconds on the log's clock) so the inline script
can re-scale the time axis when zooming; the server-side drawing is the full capture span.
Converting an ISO timestamp to a coordinate is the only "arithmetic", and it is layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from traceview.model import Mark, ProcessRun, Report, TaskInfo
from traceview.report import words
from traceview.report.anchors import Anchors, FindingLink, process_lane, task_lane
from traceview.report.htmlkit import Safe, join, tag

LABEL_W = 250
PLOT_W = 950
ROW_H = 26
AXIS_H = 28
MARK_GLYPHS = {
    "launch": "▷",
    "relaunch": "▲",
    "wake_requested": "◆",
    "wake_assertion": "◇",
    "kill": "✕",
    "force_quit": "✖",
    "crash": "✸",
    "suspend": "❚",
    "request_delay": "◷",
}


def seconds(stamp: str | None) -> float | None:
    """Seconds on the log's clock; naive local times are read as if UTC (same clock for all)."""
    if not stamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


@dataclass(frozen=True)
class Scale:
    start: float
    end: float

    def x(self, t: float) -> float:
        return round(LABEL_W + (t - self.start) / (self.end - self.start) * PLOT_W, 2)


def scale_for(report: Report) -> Scale | None:
    stamps = [s for s in (seconds(v) for v in _all_stamps(report)) if s is not None]
    if not stamps:
        return None
    start, end = min(stamps), max(stamps)
    return Scale(start, end if end > start else start + 1)


def _all_stamps(report: Report) -> Iterator[str | None]:
    yield from report.time_span
    for run in report.processes:
        yield from (run.launched_at, run.ended_at)
    for task in report.tasks:
        yield from (task.created_at, task.resumed_at, task.completed_at, task.delivered_at)
    for mark in report.marks:
        yield mark.at


class _Lanes:
    """Collects lane rows; each row is a label plus drawn items at a vertical offset."""

    def __init__(self, scale: Scale, day: str | None) -> None:
        self.scale = scale
        self.day = day  # the capture's first date, for unambiguous clock times
        self.rows: list[Safe] = []

    @property
    def y(self) -> int:
        return AXIS_H + len(self.rows) * ROW_H

    def add(
        self,
        label: Safe,
        items: list[Safe],
        attrs: dict[str, object],
        href: str | None = None,
        flags: list[tuple[str, str]] | None = None,
    ) -> None:
        """One lane; `href` links its label, `flags` are (anchor, rule) links to findings."""
        y = self.y
        baseline = y + ROW_H / 2 + 4
        band = tag(
            "rect", {"class_": "band", "x": 0, "y": y, "width": LABEL_W + PLOT_W, "height": ROW_H}
        )
        text = tag("text", {"class_": "lane-label", "x": 6, "y": baseline}, label)
        if href is not None:
            text = tag("a", {"href": href, "class_": "lane-link"}, text)
        marks = [
            tag(
                "a",
                {"href": f"#{anchor}", "class_": "flag"},
                tag("text", {"x": LABEL_W - 14 - 14 * i, "y": baseline}, "⚑"),
                tag("title", None, f"finding: {rule}"),
            )
            for i, (anchor, rule) in enumerate(flags or [])
        ]
        body = tag("g", {"class_": "lane-items", "clip-path": "url(#plot-clip)"}, items)
        self.rows.append(
            tag("g", {"class_": "lane", "data-y": y, **attrs}, band, text, marks, body)
        )

    def bar(self, start: float, end: float, y_off: int, height: int, cls: str, title: str) -> Safe:
        x0, x1 = self.scale.x(start), self.scale.x(end)
        attrs = {
            "class_": cls,
            "x": x0,
            "y": self.y + y_off,
            "width": round(max(x1 - x0, 2), 2),
            "height": height,
            "data-t0": start,
            "data-t1": end,
            "rx": 2,
        }
        return tag("rect", attrs, tag("title", None, title))

    def glyph(self, at: float, glyph: str, cls: str, title: str) -> Safe:
        attrs = {
            "class_": f"glyph {cls}",
            "x": self.scale.x(at),
            "y": self.y + ROW_H / 2 + 5,
            "data-t0": at,
        }
        return tag("text", attrs, glyph, tag("title", None, title))


def render_timeline(report: Report, anchors: Anchors) -> Safe:
    """The whole <svg>; lanes with findings carry flags linking to their cards."""
    findings_of_lane = anchors.findings_of_lane
    scale = scale_for(report)
    if scale is None:
        return tag("p", {"class_": "empty"}, "No timestamps in this report, so no timeline.")
    lanes = _Lanes(scale, words.first_day(report))
    for index, run in enumerate(report.processes):
        lane_id = process_lane(index)
        _process_lane(lanes, run, lane_id, report.marks, findings_of_lane.get(lane_id, []))
    _daemon_lane(lanes, report)
    for index, task in enumerate(report.tasks):
        if index not in anchors.task_lanes:
            continue
        lane_id = task_lane(index)
        _task_lane(lanes, task, lane_id, findings_of_lane.get(lane_id, []))
    height = lanes.y + 4
    width = LABEL_W + PLOT_W
    clip = tag(
        "clipPath",
        {"id": "plot-clip"},
        tag("rect", {"x": LABEL_W, "y": 0, "width": PLOT_W, "height": height}),
    )
    attrs = {
        "id": "timeline",
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {width} {height}",
        "width": width,
        "height": height,
        "data-start": scale.start,
        "data-end": scale.end,
        "data-label-w": LABEL_W,
        "data-plot-w": PLOT_W,
        "role": "group",  # not "img": the lanes hold links
        "aria-label": "Timeline of app processes, nsurlsessiond and tasks",
    }
    axis = tag("g", {"id": "axis"}, _static_axis(report, scale, height))
    return tag("svg", attrs, tag("defs", None, clip, _hatch()), axis, join(lanes.rows))


def _hatch() -> Safe:
    return tag(
        "pattern",
        {
            "id": "hatch",
            "width": 6,
            "height": 6,
            "patternUnits": "userSpaceOnUse",
            "patternTransform": "rotate(45)",
        },
        tag("rect", {"width": 3, "height": 6, "class_": "hatch-stripe"}),
    )


def _static_axis(report: Report, scale: Scale, height: int) -> Safe:
    # The script replaces this with zoom-aware ticks; without scripts, start and end remain.
    start, end = report.time_span
    return join(
        [
            tag("text", {"class_": "tick-label", "x": LABEL_W + 2, "y": 14}, words.clock(start)),
            tag(
                "text",
                {"class_": "tick-label end", "x": LABEL_W + PLOT_W - 2, "y": 14},
                words.clock(end, words.first_day(report)),
            ),
            tag(
                "line",
                {
                    "class_": "axis-line",
                    "x1": LABEL_W,
                    "x2": LABEL_W + PLOT_W,
                    "y1": AXIS_H - 4,
                    "y2": AXIS_H - 4,
                },
            ),
            tag("line", {"class_": "divider", "x1": LABEL_W, "x2": LABEL_W, "y1": 0, "y2": height}),
        ]
    )


def _process_lane(
    lanes: _Lanes, run: ProcessRun, lane_id: str, marks: tuple[Mark, ...], links: list[FindingLink]
) -> None:
    start = seconds(run.launched_at) or lanes.scale.start
    end = seconds(run.ended_at) or lanes.scale.end
    ended = words.END_WORDS[run.end_reason] + (f" ({run.end_detail})" if run.end_detail else "")
    title = f"{run.process} pid {run.pid}: {words.LAUNCH_WORDS[run.launch_reason]}; {ended}"
    items = [lanes.bar(start, end, 5, ROW_H - 10, f"run launch-{run.launch_reason.value}", title)]
    for suspended_at, resumed_at in run.suspended:
        s0 = seconds(suspended_at)
        if s0 is not None:
            s1 = seconds(resumed_at) or end
            items.append(
                lanes.bar(
                    s0,
                    s1,
                    5,
                    ROW_H - 10,
                    "suspended",
                    f"suspended {words.clock(suspended_at, lanes.day)}",
                )
            )
    if run.ended_at is not None:
        items.append(lanes.glyph(end, "✕", f"end end-{run.end_reason.value}", ended))
    items.extend(_mark_glyph(lanes, m) for m in marks if run.pid is not None and m.pid == run.pid)
    label = join([tag("tspan", {"class_": "kind"}, "app "), f"{run.process} · pid {run.pid}"])
    attrs: dict[str, object] = {"class_": "lane lane-process", "id": lane_id, "data-pid": run.pid}
    lanes.add(label, items, attrs, flags=links)


def _daemon_lane(lanes: _Lanes, report: Report) -> None:
    items = []
    for task in report.tasks:
        start = seconds(task.resumed_at or task.began_at or task.created_at)
        end = seconds(task.completed_at)
        if start is not None and end is not None:
            title = f"nsurlsessiond working on {words.task_label(task)}"
            items.append(lanes.bar(start, end, 8, ROW_H - 16, "daemon-work", title))
    items.extend(_mark_glyph(lanes, m) for m in report.marks if m.pid is None)
    label = join([tag("tspan", {"class_": "kind"}, "daemon "), "nsurlsessiond"])
    lanes.add(label, items, {"class_": "lane lane-daemon"})


def _mark_glyph(lanes: _Lanes, mark: Mark) -> Safe:
    at = seconds(mark.at)
    if at is None:
        return Safe("")
    evidence = ", ".join(str(o) for o in mark.evidence)
    title = f"{mark.kind} at {words.clock(mark.at, lanes.day)}: {mark.label}" + (
        f" [{evidence}]" if evidence else ""
    )
    return lanes.glyph(at, MARK_GLYPHS.get(mark.kind, "●"), f"mark mark-{mark.kind}", title)


def _task_lane(lanes: _Lanes, task: TaskInfo, lane_id: str, links: list[FindingLink]) -> None:
    first = seconds(task.created_at or task.resumed_at or task.began_at or task.completed_at)
    done = seconds(task.completed_at)
    delivered = seconds(task.delivered_at)
    state = task.final_state.value
    items: list[Safe] = []
    if first is not None:
        end = done if done is not None else (delivered or lanes.scale.end)
        items.append(
            lanes.bar(first, end, 6, ROW_H - 12, f"task state-{state}", words.state_text(task))
        )
    if done is not None and delivered is not None and delivered > done:
        gap = f"waiting for delivery: {words.delay_text(task) or 'delivered later'}"
        items.append(
            lanes.bar(done, delivered, ROW_H // 2 - 1, 2, f"delivery-gap state-{state}", gap)
        )
    if delivered is not None:
        items.append(
            lanes.glyph(
                delivered,
                "●",
                f"delivered state-{state}",
                f"delivered {words.clock(task.delivered_at, lanes.day)}",
            )
        )
    label = join([words.task_label(task), " ", tag("tspan", {"class_": "kind"}, task.kind.value)])
    lanes.add(
        label,
        items,
        {"class_": f"lane lane-task state-{state}", "id": lane_id, "data-state": state},
        href=f"#row-{lane_id}",
        flags=links,
    )
