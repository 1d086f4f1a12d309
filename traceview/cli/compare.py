"""`traceview compare`: two reports side by side, or a matrix by OS version."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from traceview.cli import app
from traceview.cli.console import EXIT_FINDINGS, EXIT_OK, err, out
from traceview.compare import (
    BY_FIELDS,
    Comparison,
    check_fail_on,
    compare,
    compare_matrix,
    fail_reason,
    load_report,
)
from traceview.errors import TraceviewError
from traceview.report import (
    render_compare_html,
    render_compare_terminal,
    render_matrix_html,
    render_matrix_terminal,
)


@app.command("compare")
def compare_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="BASE NEW",
            help="Saved JSON reports or log inputs (with --by: any number of them).",
        ),
    ],
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write the comparison as HTML here.")
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="Exit 1 on: new-findings | regression.")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", help="Group the reports by this field (os_version, os_build) as a matrix."
        ),
    ] = None,
) -> None:
    """Compare reports across iOS versions: outcomes, timings, findings and parser coverage.

    Exit codes: 0 done, 1 when --fail-on triggers, 2 usage or input error.

    Example: traceview compare ios16.json ios17.json --fail-on regression
    """
    check_fail_on(fail_on)
    if by is None and len(inputs) != 2:
        raise TraceviewError(
            f"compare takes exactly BASE and NEW (got {len(inputs)}); use --by for more"
        )
    if by is not None and by not in BY_FIELDS:
        raise TraceviewError(f"--by takes one of {', '.join(BY_FIELDS)}, not {by!r}")
    reports = [load_report(path) for path in inputs]
    steps: tuple[Comparison, ...]
    if by is None:
        comparison = compare(reports[0], reports[1])
        render_compare_terminal(comparison, out)
        steps, html = (comparison,), render_compare_html(comparison)
    else:
        matrix = compare_matrix(reports, by=by)
        render_matrix_terminal(matrix, out)
        steps, html = matrix.steps, render_matrix_html(matrix)
    if html_out is not None:
        _write(html_out, html)
    reason = fail_reason(steps, fail_on)
    if reason is not None:
        err.print(f"traceview: --fail-on {reason}", markup=False, highlight=False)
    raise typer.Exit(EXIT_FINDINGS if reason else EXIT_OK)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise TraceviewError(f"cannot write {path}: {error.strerror}") from error
