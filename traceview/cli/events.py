"""`traceview events PATH...`: print the parsed event table so a person can inspect it."""

from __future__ import annotations

import datetime
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.table import Table

from traceview.cli import app
from traceview.cli.console import err, out
from traceview.errors import InputError
from traceview.sources import ReadOptions, read_inputs


class EventsFormat(StrEnum):
    TABLE = "table"
    NDJSON = "ndjson"
    CSV = "csv"


TABLE_COLUMNS = ("timestamp", "process", "pid", "level", "message", "where")


@app.command()
def events(
    paths: Annotated[list[Path], typer.Argument(help="Exports, folders, archives; - for stdin.")],
    relevant: Annotated[
        bool, typer.Option("--relevant/--all", help="Only the events traceview analyses.")
    ] = False,
    limit: Annotated[int, typer.Option(min=0, help="Show at most N events (0 = all).")] = 0,
    output: Annotated[
        EventsFormat, typer.Option("--format", help="table, ndjson or csv.")
    ] = EventsFormat.TABLE,
    date: Annotated[
        str | None, typer.Option(help="Date of Console.app copies, YYYY-MM-DD.")
    ] = None,
    year: Annotated[int | None, typer.Option(help="Year of device syslog relay lines.")] = None,
) -> None:
    """Print the parsed event table (every event by default)."""
    options = ReadOptions(date=_parse_date(date), year=year, relevant_only=relevant)
    result = read_inputs([str(path) for path in paths], options)
    frame = result.events.head(limit) if limit else result.events
    if output is EventsFormat.NDJSON:
        sys.stdout.write(frame.write_ndjson())
    elif output is EventsFormat.CSV:
        sys.stdout.write(frame.write_csv())
    else:
        out.print(_table(frame))
    counts = result.counts
    err.print(
        f"{counts.events} events from {counts.lines_total} lines "
        f"({counts.malformed} malformed, {counts.irrelevant} irrelevant, "
        f"{counts.duplicates} duplicates, {counts.skipped_files} skipped files)",
        highlight=False,
    )


def _parse_date(text: str | None) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--date {text!r}: expected YYYY-MM-DD, e.g. --date 2024-05-01") from None


def _table(frame: pl.DataFrame) -> Table:
    table = Table(show_lines=False)
    table.add_column("timestamp", no_wrap=True)
    table.add_column("process", max_width=16, overflow="fold")
    table.add_column("pid", justify="right", no_wrap=True)
    table.add_column("level", no_wrap=True)
    table.add_column("message", ratio=1, min_width=20, overflow="fold")
    table.add_column("where", max_width=20, overflow="fold")  # file:line of the entry
    shown = frame.with_columns(
        timestamp=pl.col("timestamp").dt.to_string("%Y-%m-%d %H:%M:%S%.6f")
        + pl.when(pl.col("tz_known")).then(pl.lit("Z")).otherwise(pl.lit("")),
        where=pl.format("{}:{}", pl.col("source").str.split("/").list.last(), "line"),
    ).rechunk()
    for row in shown.select(TABLE_COLUMNS).iter_rows():
        table.add_row(*("" if value is None else str(value) for value in row))
    return table
