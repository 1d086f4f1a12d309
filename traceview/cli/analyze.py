"""`traceview analyze`: the main job."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from traceview.api import AnalyzeOptions, analyze
from traceview.cli import app
from traceview.cli.console import EXIT_FINDINGS, EXIT_OK, err, out
from traceview.errors import TraceviewError
from traceview.model import Report, Severity
from traceview.report import (
    filter_report,
    redact_report,
    render_html,
    render_terminal,
    report_to_json,
    write_parquet,
)
from traceview.rules.base import config_with

SEVERITY_NAMES = [s.value for s in Severity]


@app.command("analyze")
def analyze_command(
    paths: Annotated[
        list[str], typer.Argument(help="Log exports, archives or folders; - for stdin.")
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the JSON report here.")
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write the HTML incident report here.")
    ] = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option("--parquet", help="Write events, signals, tasks, ... as Parquet here."),
    ] = None,
    bundle: Annotated[str | None, typer.Option("--app", help="Only this app (bundle id).")] = None,
    session: Annotated[
        str | None, typer.Option("--session", help="Only this session identifier.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only from this time (ISO 8601).")] = None,
    until: Annotated[str | None, typer.Option(help="Only up to this time (ISO 8601).")] = None,
    severity: Annotated[
        str | None, typer.Option(help=f"Show findings at or above: {', '.join(SEVERITY_NAMES)}.")
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option(help="Exit 1 when a finding is at or above this severity.")
    ] = None,
    redact: Annotated[bool, typer.Option(help="Hide URLs, hosts, user paths and tokens.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal report.")] = False,
    date: Annotated[
        str | None, typer.Option(help="Date (YYYY-MM-DD) for inputs that have none (Console.app).")
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="Year for inputs that have none (syslog relay).")
    ] = None,
    threshold: Annotated[
        list[str] | None,
        typer.Option(help="Change a rule threshold, e.g. delivery_latency_s=600 (repeatable)."),
    ] = None,
) -> None:
    """Analyse device logs and report every background session, task and app process.

    Exit codes: 0 done, 1 findings at or above --fail-on, 2 usage or input error.

    Example: traceview analyze sysdiagnose.tar.gz --html incident.html
    """
    # Check every option before the (possibly long) analysis starts.
    rules = config_with(threshold or [])
    options = AnalyzeOptions(date=_parse_date(date), year=year, app=bundle, rules=rules)
    shown = _parse_severity(severity, "--severity")
    fail_level = _parse_severity(fail_on, "--fail-on")
    with err.status("reading logs…", spinner="dots") as status:
        analysis = analyze(paths, options, progress=lambda stage: status.update(f"{stage}…"))
    report = filter_report(
        analysis.report, app=bundle, session=session, since=since, until=until, min_severity=shown
    )
    if redact:
        report = redact_report(report)
    _write_outputs(report, json_out, html_out)
    if parquet_dir is not None:
        write_parquet(analysis.tables(), parquet_dir)
    if not quiet:
        render_terminal(report, out)
    raise typer.Exit(_exit_code(report, fail_level))


def _write_outputs(report: Report, json_out: Path | None, html_out: Path | None) -> None:
    for path, render in ((json_out, report_to_json), (html_out, render_html)):
        if path is None:
            continue
        try:
            path.write_text(render(report), encoding="utf-8")
        except OSError as error:
            raise TraceviewError(f"cannot write {path}: {error.strerror}") from error


def _exit_code(report: Report, threshold: Severity | None) -> int:
    if threshold is None:
        return EXIT_OK
    worst = max((f.severity.rank for f in report.findings), default=-1)
    return EXIT_FINDINGS if worst >= threshold.rank else EXIT_OK


def _parse_severity(value: str | None, option: str) -> Severity | None:
    if value is None:
        return None
    try:
        return Severity(value.lower())
    except ValueError:
        raise TraceviewError(
            f"{option} takes one of {', '.join(SEVERITY_NAMES)}, not {value!r}"
        ) from None


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise TraceviewError(f"--date takes YYYY-MM-DD, not {value!r}") from None
