"""The library API the CLI wraps: `analyze(paths) -> Analysis`.

read inputs → recognise signals → reconstruct lifecycles → run rules → one frozen Report.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from traceview import __version__
from traceview.lifecycle import Reconstruction, reconstruct, to_model
from traceview.model import Finding, InputInfo, Report, Stats
from traceview.rules import RuleConfig, run_rules
from traceview.signals import SignalResult, extract_signals
from traceview.signals.pool import MessageParser
from traceview.sources import ReadOptions, ReadResult, read_inputs
from traceview.sources.streams import STDIN

# Called with a short stage name ("reading", "recognising", ...) so a CLI can show progress.
ProgressHook = Callable[[str], None]


@dataclass(frozen=True)
class AnalyzeOptions:
    date: dt.date | None = None  # for inputs without a date (Console.app copies)
    year: int | None = None  # for inputs without a year (device syslog relay)
    app: str | None = None  # restrict the story to one bundle id
    rules: RuleConfig = field(default_factory=RuleConfig)


@dataclass(frozen=True)
class Analysis:
    """The report plus the tables behind it (for --parquet and `traceview events`)."""

    report: Report
    events: pl.DataFrame
    signals: pl.DataFrame
    reconstruction: Reconstruction

    def tables(self) -> dict[str, pl.DataFrame]:
        findings = pl.DataFrame(
            [_finding_row(f) for f in self.report.findings],
            schema=_FINDING_SCHEMA,
            orient="row",
        )
        return {
            "events": self.events,
            "signals": self.signals,
            "processes": self.reconstruction.processes,
            "sessions": self.reconstruction.sessions,
            "tasks": self.reconstruction.tasks,
            "findings": findings,
        }


def analyze(
    paths: Sequence[str | Path],
    options: AnalyzeOptions | None = None,
    progress: ProgressHook | None = None,
) -> Analysis:
    """Analyse one or more log inputs together and return the frozen report."""
    options = options or AnalyzeOptions()
    step = progress or (lambda _stage: None)
    with MessageParser(expected=estimated_messages(paths)) as parser:
        parser.warm_up()  # a big log: grammar workers start while it is read
        step("reading")
        read = read_inputs(paths, ReadOptions(date=options.date, year=options.year))
        step("recognising")
        recognised = extract_signals(read.events, parser)
    step("reconstructing")
    rec = reconstruct(recognised.signals, log_end=_log_end(read), app=options.app)
    step("checking rules")
    findings = run_rules(rec, recognised.signals, options.rules)
    report = _build_report(read, recognised, rec, findings)
    return Analysis(report, read.events, recognised.signals, rec)


# Input bytes per distinct relevant message, to decide before reading whether grammar workers
# will pay: ~11 KB in the 1 GB default-style bench (2% of lines relevant), more in JSON styles.
BYTES_PER_MESSAGE = 12_000
MAX_FILES_SIZED = 10_000


def estimated_messages(paths: Sequence[str | Path]) -> int:
    """A rough count of the distinct relevant messages `paths` hold, from their sizes alone.

    Low for gzip and stdin (nothing to size): then the workers start when the messages are
    counted, after reading, as they would without an estimate.
    """
    total = 0
    for path in paths:
        if str(path) == STDIN:
            continue
        candidate = Path(path)
        try:
            if candidate.is_file():
                total += candidate.stat().st_size
            elif candidate.is_dir():
                sized = itertools.islice(candidate.rglob("*"), MAX_FILES_SIZED)
                total += sum(item.stat().st_size for item in sized if item.is_file())
        except OSError:  # unreadable: the reader reports it properly
            continue
    return total // BYTES_PER_MESSAGE


def _log_end(read: ReadResult) -> dt.datetime | None:
    """The last relevant event: where 'in flight at the end of the log' is judged."""
    if read.events.is_empty():
        return None
    return read.events.get_column("timestamp").max()  # type: ignore[return-value]


def _build_report(
    read: ReadResult,
    recognised: SignalResult,
    rec: Reconstruction,
    findings: tuple[Finding, ...],
) -> Report:
    processes, sessions, tasks = to_model(rec)
    counts = read.counts
    stats = Stats(
        lines_total=counts.lines_total,
        events=counts.events,
        recognized=recognised.recognized,
        malformed=counts.malformed,
        continuation=counts.continuation,
        banner=counts.banner,
        irrelevant=counts.irrelevant,
        duplicates=counts.duplicates,
    )
    return Report(
        inputs=read.inputs,
        stats=stats,
        processes=processes,
        sessions=sessions,
        tasks=tasks,
        findings=findings,
        malformed_lines=read.malformed[:20],
        coverage=recognised.coverage,
        time_span=_time_span(read.events),
        marks=rec.marks,
        metrics=dict(rec.metrics),
        tool_version=__version__,
        device=_device(read.inputs),
    )


def _time_span(events: pl.DataFrame) -> tuple[str | None, str | None]:
    if events.is_empty():
        return (None, None)
    stamps = events.select(
        pl.col("timestamp").min().alias("first"),
        pl.col("timestamp").max().alias("last"),
        pl.col("tz_known").all().alias("utc"),
    ).row(0, named=True)
    suffix = "Z" if stamps["utc"] else ""
    return (stamps["first"].isoformat() + suffix, stamps["last"].isoformat() + suffix)


def _device(inputs: Sequence[InputInfo]) -> dict[str, str]:
    device: dict[str, str] = {}
    for info in inputs:
        for key, value in (
            ("model", info.device_model),
            ("os_version", info.os_version),
            ("os_build", info.os_build),
        ):
            if value and key not in device:
                device[key] = value
    return device


_FINDING_SCHEMA = {
    "rule": pl.String(),
    "severity": pl.String(),
    "message": pl.String(),
    "bundle_id": pl.String(),
    "session_identifier": pl.String(),
    "task_uuid": pl.String(),
    "task_number": pl.Int64(),
    "pid": pl.Int64(),
    "at": pl.String(),
    "evidence": pl.String(),
}


def _finding_row(finding: Finding) -> tuple[object, ...]:
    evidence = ", ".join(str(origin) for origin in finding.evidence)
    return (
        finding.rule,
        finding.severity.value,
        finding.message,
        finding.bundle_id,
        finding.session_identifier,
        finding.task_uuid,
        finding.task_number,
        finding.pid,
        finding.at,
        evidence,
    )
