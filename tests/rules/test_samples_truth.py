"""Whole pipeline on the repository's samples: the tasks, app runs and fired rules agree with each
sample's ground truth (`samples/*.truth.json`, written by the simulator that made the sample),
and every report validates against schema/report.schema.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.rules.test_report_schema import VALIDATOR
from traceview.api import AnalyzeOptions, analyze
from traceview.model import to_dict

SAMPLES = Path(__file__).parents[2] / "samples"
TRUTHS = sorted(SAMPLES.glob("*.truth.json"))
TASK_FIELDS = ("kind", "final_state", "error_code", "cancel_reason", "http_status", "delivered")
TASK_FIELDS += ("unknown_reason", "bundle_id", "session_identifier")
RUN_FIELDS = ("launch_reason", "end_reason", "process")


def report_for(truth: dict[str, Any]) -> dict[str, Any]:
    result = analyze([SAMPLES / truth["sample"]], AnalyzeOptions())
    return to_dict(result.report)


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda path: path.name.split(".")[0])
def test_sample_matches_its_truth(truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text())
    report = report_for(truth)
    VALIDATOR.validate(report)
    tasks = {(t["task_uuid"], t["task_number"]): t for t in report["tasks"]}
    assert set(tasks) == {(t["task_uuid"], t["task_number"]) for t in truth["tasks"]}
    for want in truth["tasks"]:
        got = tasks[(want["task_uuid"], want["task_number"])]
        assert {k: got[k] for k in TASK_FIELDS} == {k: want[k] for k in TASK_FIELDS}
    runs = {(p["bundle_id"], p["pid"]): p for p in report["processes"]}
    assert set(runs) == {(p["bundle_id"], p["pid"]) for p in truth["processes"]}
    for want in truth["processes"]:
        got = runs[(want["bundle_id"], want["pid"])]
        assert {k: got[k] for k in RUN_FIELDS} == {k: want[k] for k in RUN_FIELDS}
    assert sorted({f["rule"] for f in report["findings"]}) == sorted(truth["rules"])
