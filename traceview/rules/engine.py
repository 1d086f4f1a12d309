"""Run every rule's lazy check over one reconstruction and collect them all at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from traceview.lifecycle import Reconstruction
from traceview.lifecycle.convert import origins
from traceview.lifecycle.expressions import iso
from traceview.model import Finding, Severity
from traceview.rules.base import FINDING, Context, Rule, RuleConfig
from traceview.schema import ENGINE


def context(rec: Reconstruction, config: RuleConfig) -> Context:
    return Context(
        signals=rec.signals.lazy(),
        processes=rec.processes.lazy(),
        sessions=rec.sessions.lazy(),
        # tasks the report can name (`Task <UUID>.<n>`); marker-only ones stay out of findings
        tasks=rec.tasks.lazy().filter(pl.col("task_uuid").is_not_null()),
        wakes=rec.wakes.lazy(),
        log_end=rec.log_end,
        config=config,
    )


def _conform(plan: pl.LazyFrame, tz_known: bool) -> pl.LazyFrame:
    """FINDING columns; a finding without its own `tz_known` takes the log's."""
    present = set(plan.collect_schema().names())
    columns = [
        (pl.col(name) if name in present else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in FINDING.items()
    ]
    known = pl.col("tz_known").fill_null(tz_known)
    return plan.select(columns).with_columns(tz_known=known).with_columns(at=iso("at"))


def _finding(rule: Rule, row: dict[str, Any]) -> Finding:
    return Finding(
        rule=rule.name,
        severity=Severity(row["severity"]) if row["severity"] else rule.severity,
        message=row["message"] or rule.title,
        bundle_id=row["bundle_id"],
        session_identifier=row["session_identifier"],
        task_uuid=row["task_uuid"],
        task_number=row["task_number"],
        pid=row["pid"],
        evidence=origins(row["evidence"]),
        advice=rule.advice,
        at=row["at"],
    )


def _order(finding: Finding) -> tuple[int, str, str]:
    return (-finding.severity.rank, finding.at or "", finding.rule)


def run(rules: Sequence[Rule], rec: Reconstruction, config: RuleConfig) -> tuple[Finding, ...]:
    """Findings of `rules`, worst severity first, then by time."""
    ctx = context(rec, config)
    tz_known = bool(rec.signals.height and rec.signals["tz_known"].any())
    frames = pl.collect_all([_conform(rule.check(ctx), tz_known) for rule in rules], engine=ENGINE)
    findings = [
        _finding(rule, row)
        for rule, frame in zip(rules, frames, strict=True)
        for row in frame.iter_rows(named=True)
    ]
    return tuple(sorted(findings, key=_order))
