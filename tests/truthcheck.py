"""Compare an analysis report with a simulator ground truth, field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from traceview.api import AnalyzeOptions, analyze
from traceview.model import to_dict

TASK_FIELDS = (
    "bundle_id",
    "session_identifier",
    "kind",
    "final_state",
    "error_code",
    "cancel_reason",
    "http_status",
    "delivered",
    "unknown_reason",
)
PROCESS_FIELDS = ("bundle_id", "process", "launched_at", "launch_reason", "ended_at", "end_reason")
# A Console.app copy prints no date: a gap of days between two lines cannot be seen in it.
UNDATED_STYLES = ("console",)


def options_for(truth: dict[str, Any]) -> AnalyzeOptions:
    """Console copies carry no date and relay lines no year: take them from the truth."""
    local = truth.get("local_date")
    date = dt.date.fromisoformat(local) if local else None
    return AnalyzeOptions(date=date, year=date.year if date else None)


def analyze_against_truth(path: Path, truth: dict[str, Any], style: str = "") -> dict[str, Any]:
    report = to_dict(analyze([path], options_for(truth)).report)
    assert_matches_truth(report, truth, dated=style not in UNDATED_STYLES)
    return report


def assert_matches_truth(report: dict[str, Any], truth: dict[str, Any], dated: bool = True) -> None:
    fields = PROCESS_FIELDS if dated else tuple(f for f in PROCESS_FIELDS if not f.endswith("_at"))
    problems = _task_problems(report, truth) + _process_problems(report, truth, fields)
    fired = sorted({f["rule"] for f in report["findings"]})
    expected = sorted(set(truth["rules"]))
    if fired != expected:
        problems.append(f"rules fired {fired}, truth says {expected}")
    assert not problems, "\n".join(problems)


def _task_problems(report: dict[str, Any], truth: dict[str, Any]) -> list[str]:
    seen = {(t["task_uuid"], t["task_number"]): t for t in report["tasks"]}
    wanted = {(t["task_uuid"], t["task_number"]): t for t in truth["tasks"]}
    problems = [f"task {key} not in the truth" for key in seen.keys() - wanted.keys()]
    for key, expected in wanted.items():
        got = seen.get(key)
        if got is None:
            problems.append(f"task {key} missing from the report")
            continue
        for name in TASK_FIELDS:
            if got[name] != expected[name]:
                problems.append(
                    f"task {key[1]} {name}: got {got[name]!r}, truth {expected[name]!r}"
                )
    return problems


def _process_problems(
    report: dict[str, Any], truth: dict[str, Any], fields: tuple[str, ...]
) -> list[str]:
    seen = {p["pid"]: p for p in report["processes"]}
    problems = []
    for expected in truth["processes"]:
        got = seen.get(expected["pid"])
        if got is None:
            problems.append(f"process pid {expected['pid']} missing from the report")
            continue
        for name in fields:
            if got[name] != expected[name]:
                problems.append(
                    f"pid {expected['pid']} {name}: got {got[name]!r}, truth {expected[name]!r}"
                )
    extra = seen.keys() - {p["pid"] for p in truth["processes"]}
    problems += [f"process pid {pid} not in the truth" for pid in sorted(extra, key=str)]
    return problems
