"""Ids that tie the HTML report together: finding cards ↔ timeline lanes ↔ table rows.

Ids are built from positions in the Report (never from log text), so they are always valid
and unique whatever the identifiers contain.
"""

from __future__ import annotations

from dataclasses import dataclass

from traceview.model import Finding, Report

FindingLink = tuple[str, str]  # (finding anchor, rule name)
# More task lanes than this make the page heavy and unreadable; the table still lists every task.
MAX_TASK_LANES = 300


def task_lane(index: int) -> str:
    return f"task-{index}"


def process_lane(index: int) -> str:
    return f"process-{index}"


def finding_anchor(index: int) -> str:
    return f"finding-{index}"


def task_row(index: int) -> str:
    return f"row-{task_lane(index)}"


@dataclass(frozen=True)
class Anchors:
    lane_of_finding: dict[int, str]  # finding index → lane id (a task, else its process)
    findings_of_lane: dict[str, list[FindingLink]]  # lane id → the findings about it
    task_lanes: frozenset[int]  # indexes of the tasks drawn as timeline lanes


def anchors_for(report: Report) -> Anchors:
    tasks_by_uuid: dict[str, list[int]] = {}
    for index, task in enumerate(report.tasks):
        tasks_by_uuid.setdefault(task.task_uuid, []).append(index)
    lane_of_finding = {}
    for index, finding in enumerate(report.findings):
        lane = _lane(report, finding, tasks_by_uuid)
        if lane is not None:
            lane_of_finding[index] = lane
    findings_of_lane: dict[str, list[FindingLink]] = {}
    for index, lane in lane_of_finding.items():
        findings_of_lane.setdefault(lane, []).append(
            (finding_anchor(index), report.findings[index].rule)
        )
    drawn = _drawn_tasks(len(report.tasks), findings_of_lane)
    for index, lane in lane_of_finding.items():
        if lane.startswith("task-") and int(lane.removeprefix("task-")) not in drawn:
            lane_of_finding[index] = f"row-{lane}"  # no lane for it: point at its table row
    return Anchors(lane_of_finding, findings_of_lane, drawn)


def _drawn_tasks(count: int, findings_of_lane: dict[str, list[FindingLink]]) -> frozenset[int]:
    """Every task up to MAX_TASK_LANES; beyond that, tasks with findings first."""
    if count <= MAX_TASK_LANES:
        return frozenset(range(count))
    flagged = [i for i in range(count) if task_lane(i) in findings_of_lane]
    others = [i for i in range(count) if task_lane(i) not in findings_of_lane]
    return frozenset((flagged + others)[:MAX_TASK_LANES])


def _lane(report: Report, finding: Finding, tasks_by_uuid: dict[str, list[int]]) -> str | None:
    """The task the finding is about, else the process run it names."""
    for index in tasks_by_uuid.get(finding.task_uuid or "", []):
        if finding.task_number in (None, report.tasks[index].task_number):
            return task_lane(index)
    if finding.pid is not None:
        for index, run in enumerate(report.processes):
            if run.pid == finding.pid and finding.bundle_id in (None, run.bundle_id):
                return process_lane(index)
    return None
