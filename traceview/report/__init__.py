"""The outputs: terminal, HTML and JSON renderings of one frozen Report, plus filter/redact."""

from traceview.report.compare_html import render_compare_html, render_matrix_html
from traceview.report.compare_terminal import render_compare_terminal, render_matrix_terminal
from traceview.report.filtering import filter_report
from traceview.report.html import render_html
from traceview.report.jsonio import report_from_json, report_to_json
from traceview.report.parquet import write_parquet
from traceview.report.redact import redact_report
from traceview.report.terminal import render_terminal

__all__ = [
    "filter_report",
    "redact_report",
    "render_compare_html",
    "render_compare_terminal",
    "render_html",
    "render_matrix_html",
    "render_matrix_terminal",
    "render_terminal",
    "report_from_json",
    "report_to_json",
    "write_parquet",
]
