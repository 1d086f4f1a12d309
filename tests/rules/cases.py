"""Failing and passing signal lists for every rule (the passing ones include each doc's false
positives). `CASES[rule_name] = (failing, passing)`; a case is (description, rows, severity)
where `severity` is the expected severity of the findings, or None for the rule's default.
The cases live next to each other by area: cases_relaunch, cases_session, cases_task,
cases_process, cases_schedule; their helpers in cases_common.
"""

from __future__ import annotations

from tests.rules import cases_process, cases_relaunch, cases_schedule, cases_session, cases_task
from tests.rules.cases_common import Case

__all__ = ["CASES", "Case"]

CASES: dict[str, tuple[list[Case], list[Case]]] = {
    **cases_relaunch.CASES,
    **cases_session.CASES,
    **cases_task.CASES,
    **cases_process.CASES,
    **cases_schedule.CASES,
}
