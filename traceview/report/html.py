"""The HTML incident report: one self-contained page (styles, script and SVG inline).

Sections: header and line accounting, timeline, findings as cards, the task table, then
malformed lines and parser coverage. Cards link to their task lane and lanes link back.
"""

from __future__ import annotations

from string import Template

from traceview.model import Finding, LaunchReason, Report
from traceview.report import words
from traceview.report.anchors import Anchors, anchors_for, finding_anchor
from traceview.report.html_tables import (
    coverage_section,
    malformed_section,
    processes_section,
    tasks_section,
)
from traceview.report.htmlkit import Safe, asset, inline_code, join, json_script, tag
from traceview.report.ruledocs import why_it_matters
from traceview.report.timeline import MARK_GLYPHS, render_timeline

LAUNCH_LEGEND = {
    LaunchReason.USER: "app run (user launch)",
    LaunchReason.BACKGROUND_URLSESSION: "app run (background, for session events)",
    LaunchReason.BACKGROUND_OTHER: "app run (background, other)",
    LaunchReason.UNKNOWN: "app run (launch not seen)",
}


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    anchors = anchors_for(report)
    body = join(
        [
            header(report),
            timeline_section(report, anchors),
            findings_section(report, anchors),
            tasks_section(report, anchors),
            processes_section(report),
            malformed_section(report),
            coverage_section(report),
        ]
    )
    return page(_title(report), body, json_script("report-meta", {"utc": _is_utc(report)}))


def page(title: str, body: Safe, data: Safe) -> str:
    """Fill the page template; shared with the compare report."""
    return Template(asset("page.html")).substitute(
        title=tag("title", None, title),
        css=asset("report.css"),
        js=asset("report.js"),
        body=body,
        data=data,
    )


def _title(report: Report) -> str:
    apps = ", ".join(words.apps(report)) or "no app"
    return f"traceview incident report — {apps}"


def _is_utc(report: Report) -> bool:
    start = report.time_span[0] or ""
    return start.endswith("Z")


def _facts(rows: list[tuple[str, object]]) -> Safe:
    return tag(
        "dl", {"class_": "facts"}, [(tag("dt", None, k), tag("dd", None, v)) for k, v in rows]
    )


def header(report: Report) -> Safe:
    device = report.device
    stats = report.stats
    outcomes = "; ".join(words.outcome_sentences(report.tasks)) or "no tasks found"
    rows: list[tuple[str, object]] = [
        ("Device", device.get("model", "unknown")),
        ("OS", words.os_text(device.get("os_version"), device.get("os_build"))),
        ("Capture", words.span_text(report.time_span)),
        ("Apps", ", ".join(words.apps(report)) or "none found"),
        ("Tasks", outcomes),
        ("Findings", words.findings_sentence(report)),
        (
            "Lines",
            words.line_accounting(stats),
        ),
    ]
    inputs = tag(
        "ul",
        {"class_": "inputs"},
        [
            tag(
                "li",
                None,
                tag("code", None, i.path),
                f" — {i.format}, {words.os_text(i.os_version, i.os_build)}, {i.lines:,} lines",
                f" (date from {i.date_source})" if i.date_source else None,
            )
            for i in report.inputs
        ],
    )
    version = f"traceview {report.tool_version}" if report.tool_version else "traceview"
    return tag(
        "header",
        None,
        tag("h1", None, _title(report)),
        _facts(rows),
        tag("h2", None, "Inputs"),
        inputs,
        tag("p", {"class_": "generator"}, version),
    )


def timeline_section(report: Report, anchors: Anchors) -> Safe:
    controls = tag(
        "div",
        {"class_": "zoom-controls"},
        tag("button", {"type": "button", "data-zoom": "in", "title": "Zoom in"}, "+"),
        tag("button", {"type": "button", "data-zoom": "out", "title": "Zoom out"}, "−"),
        tag("button", {"type": "button", "data-zoom": "reset", "title": "Whole capture"}, "Reset"),
        tag("span", {"class_": "hint"}, "Wheel to zoom, drag to pan."),
    )
    legend = tag(
        "ul",
        {"class_": "legend"},
        [
            *[
                tag("li", None, tag("span", {"class_": f"swatch state-{s.value}"}), s.value)
                for s in words.STATE_ORDER
            ],
            *[
                tag("li", None, tag("span", {"class_": f"swatch launch-{reason.value}"}), text)
                for reason, text in LAUNCH_LEGEND.items()
            ],
            tag("li", None, tag("span", {"class_": "swatch suspended"}), "suspended"),
            *[
                tag("li", None, tag("span", {"class_": "glyph-key"}, g), k.replace("_", " "))
                for k, g in MARK_GLYPHS.items()
            ],
        ],
    )
    figure = tag("div", {"class_": "timeline-scroll"}, render_timeline(report, anchors))
    hidden = len(report.tasks) - len(anchors.task_lanes)
    note = (
        tag(
            "p",
            {"class_": "lanes-note"},
            f"{len(anchors.task_lanes)} of {len(report.tasks)} tasks are drawn as lanes "
            f"(those with findings first); the task table lists all {len(report.tasks)}.",
        )
        if hidden
        else None
    )
    return tag(
        "section",
        {"id": "timeline-section"},
        tag("h2", None, "Timeline"),
        controls,
        legend,
        note,
        figure,
    )


def findings_section(report: Report, anchors: Anchors) -> Safe:
    order = sorted(range(len(report.findings)), key=lambda i: -report.findings[i].severity.rank)
    cards = [finding_card(i, report.findings[i], anchors.lane_of_finding.get(i)) for i in order]
    empty = tag("p", {"class_": "empty"}, "No rule fired.") if not cards else None
    return tag(
        "section", {"id": "findings"}, tag("h2", None, f"Findings ({len(cards)})"), empty, cards
    )


def finding_card(index: int, finding: Finding, lane_id: str | None) -> Safe:
    severity = finding.severity.value
    why = why_it_matters(finding.rule)
    subject = [
        finding.bundle_id,
        finding.session_identifier,
        f"pid {finding.pid}" if finding.pid else None,
    ]
    evidence = tag(
        "details",
        {"class_": "evidence"},
        tag("summary", None, f"Evidence ({len(finding.evidence)} lines)"),
        tag("ul", None, [tag("li", None, tag("code", None, str(o))) for o in finding.evidence]),
    )
    return tag(
        "article",
        {
            "class_": f"card severity-{severity}",
            "id": finding_anchor(index),
            "data-severity": severity,
        },
        tag(
            "header",
            None,
            tag("span", {"class_": f"badge severity-{severity}"}, severity),
            tag("h3", None, finding.rule),
            _lane_link(lane_id),
        ),
        tag(
            "p",
            {"class_": "subject"},
            " · ".join(s for s in subject if s),
            f" · {finding.at}" if finding.at else None,
        ),
        tag("h4", None, "What happened"),
        tag("p", None, finding.message),
        (tag("h4", None, "Why it matters"), tag("p", None, inline_code(why))) if why else None,
        (tag("h4", None, "What to do"), tag("p", None, finding.advice)) if finding.advice else None,
        evidence,
    )


def _lane_link(lane_id: str | None) -> Safe | None:
    if lane_id is None:
        return None
    text = {"task": "show task on timeline", "proc": "show process on timeline"}.get(
        lane_id[:4], "show task in the table"
    )
    return tag("a", {"href": f"#{lane_id}", "class_": "to-lane"}, text)
