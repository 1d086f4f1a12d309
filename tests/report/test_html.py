"""HTML report: self-contained, every piece of log text escaped, structure independent of text."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from report.fixtures import seed_report
from report.strategies import HOSTILE
from traceview.model import Coverage, Finding, InputInfo, MalformedLine, Mark, Origin, Severity
from traceview.report import render_html
from traceview.report.anchors import MAX_TASK_LANES

EVIL = (
    "<script>alert(1)</script> \"q\" 'q' & \u202eRTL \u200bzw 🦄 nul\x00 "
    "<img src=x onerror=alert(2)>"
)


class _Outline(HTMLParser):
    """Tag sequence, attributes and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    parser.close()
    return parser


def _with_text(text: str):
    """The seed report with `text` in every place log text can reach."""
    report = seed_report()
    task = dataclasses.replace(
        report.tasks[0], task_uuid=f"{text}-uuid", session_identifier=text, bundle_id=text
    )
    finding = Finding(
        "http_error_status", Severity.ERROR, text, bundle_id=text, session_identifier=text,
        task_uuid=task.task_uuid, task_number=task.task_number, evidence=(Origin(text, 7),),
        advice=text,
        at="2024-05-14T10:31:02.480Z",
    )  # fmt: skip
    process = dataclasses.replace(
        report.processes[0], process=text, bundle_id=text, end_detail=text
    )
    return dataclasses.replace(
        report,
        inputs=(InputInfo(text, text, text, text, 3, device_model=text, date_source=text),),
        processes=(process, *report.processes[1:]),
        tasks=(task, *report.tasks[1:]),
        findings=(finding,),
        marks=(Mark("2024-05-14T10:05:02.770Z", "kill", text, text, 412, (Origin(text, 1),)),),
        malformed_lines=(MalformedLine(text, 1, text, text),),
        coverage=Coverage(top_unrecognized=((text, text, 3),)),
        device={"model": text, "os_version": text, "os_build": text},
    )


def test_hostile_text_is_escaped_everywhere() -> None:
    page = render_html(_with_text(EVIL))
    assert "<script>alert" not in page and "<img" not in page and "onerror=alert(2)>" not in page
    assert "\u202e" not in page and "\x00" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    outline = _outline(page)
    assert outline.tags.count("script") == 2  # the JSON data block and the report script
    assert not [name for name, _ in outline.attrs if name.startswith("on")]
    assert "🦄" in "".join(outline.text) and "\\u202eRTL" in "".join(outline.text)


@given(st.one_of(st.text(min_size=1, max_size=30), HOSTILE))
@settings(max_examples=60, deadline=None)
def test_page_structure_does_not_depend_on_log_text(text: str) -> None:
    baseline = _outline(render_html(_with_text("plain")))
    outline = _outline(render_html(_with_text(text)))
    assert outline.tags == baseline.tags


def test_page_is_self_contained() -> None:
    page = render_html(seed_report())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page and "<link" not in page
    assert "default-src 'none'" in page  # the browser refuses any fetch the page might try


def test_script_data_is_json_that_cannot_close_its_tag() -> None:
    page = render_html(seed_report())
    block = re.search(
        r'<script type="application/json" id="report-meta">(.*?)</script>', page, re.S
    )
    assert block is not None and "<" not in block.group(1)
    assert json.loads(block.group(1)) == {"utc": True}


def test_lanes_cards_and_links_point_at_each_other() -> None:
    page = render_html(seed_report())
    lanes = re.findall(
        r'<g class="lane lane-task state-(\w+)" data-y="[\d.]+" id="(task-\d)"', page
    )
    assert [state for state, _ in lanes] == [
        "succeeded",
        "succeeded",
        "succeeded",
        "failed",
        "unknown",
    ]
    assert len(re.findall(r'class="lane lane-process"', page)) == 2
    # finding 1 (http_error_status) is about task 3 (index 2): card → lane and lane → card
    card = re.search(
        r'<article class="card severity-error" id="finding-1".*?</article>', page, re.S
    )
    assert card is not None and 'href="#task-2"' in card.group(0)
    lane = re.search(r'id="task-2".*?</g>\s*</g>', page, re.S)
    assert lane is not None and 'href="#finding-1"' in lane.group(0)


def test_marks_appear_on_the_timeline_with_their_evidence() -> None:
    page = render_html(seed_report())
    assert page.count('class="glyph mark mark-') == 4
    assert "relaunch at 10:31:00.950: launched in the background for session events" in page


def test_findings_link_to_the_first_task_and_to_process_lanes() -> None:
    report = seed_report()
    first = report.tasks[0]
    about_first = Finding("delivery_latency", Severity.WARNING, "late", task_uuid=first.task_uuid)
    about_pid = Finding("app_terminated_by_system", Severity.INFO, "jetsam", pid=412)
    about_nothing = Finding("simulator_trace", Severity.INFO, "simulator")
    page = render_html(
        dataclasses.replace(report, findings=(about_first, about_pid, about_nothing))
    )
    card_pattern = re.compile(r'<article [^>]*id="(finding-\d)".*?</article>', re.S)
    cards = {m.group(1): m.group(0) for m in card_pattern.finditer(page)}
    assert 'href="#task-0"' in cards["finding-0"]
    assert (
        'href="#process-0"' in cards["finding-1"]
        and "show process on timeline" in cards["finding-1"]
    )
    assert "to-lane" not in cards["finding-2"]
    assert re.search(r'id="process-0".*?href="#finding-1"', page, re.S)


def test_many_tasks_draw_capped_lanes_with_flagged_tasks_first() -> None:
    report = seed_report()
    many = tuple(
        dataclasses.replace(
            report.tasks[0], task_uuid=f"{i:08X}-0000-4000-8000-000000000000", task_number=i
        )
        for i in range(MAX_TASK_LANES + 50)
    )
    last = many[-1]
    finding = Finding("too_many_tasks", Severity.WARNING, "many", task_uuid=last.task_uuid)
    page = render_html(dataclasses.replace(report, tasks=many, findings=(finding,)))
    assert page.count('class="lane lane-task') == MAX_TASK_LANES
    assert f'id="task-{len(many) - 1}"' in page  # the flagged task kept its lane
    assert f"{MAX_TASK_LANES} of {len(many)} tasks are drawn as lanes" in page
    assert page.count('<tr id="row-task-') == len(many)


def test_backticks_in_rule_docs_become_code_and_stay_escaped() -> None:
    from traceview.report.htmlkit import inline_code

    assert inline_code("check `error` & <b>") == "check <code>error</code> &amp; &lt;b&gt;"
    assert inline_code("`<script>`") == "<code>&lt;script&gt;</code>"
