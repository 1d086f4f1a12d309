"""`traceview coverage PATH...`: the most frequent relevant messages no grammar recognises."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from traceview.cli import app
from traceview.cli.console import err, out
from traceview.signals.coverage import shape_table
from traceview.signals.extract import recognise
from traceview.sources import ReadOptions, read_inputs

EXAMPLE_LENGTH = 120


@app.command()
def coverage(
    paths: Annotated[list[Path], typer.Argument(help="Exports, folders, archives; - for stdin.")],
    top: Annotated[int, typer.Option(min=1, help="Show the N most frequent shapes.")] = 20,
) -> None:
    """List unrecognised messages of the relevant processes, most frequent shape first.

    A shape is the message with ids and numbers replaced; a frequent one usually means Apple
    changed a wording in a new iOS. Each shape shows one example with its file:line.

    Example: traceview coverage sysdiagnose_2026.tar.gz --top 10
    """
    events = read_inputs([str(path) for path in paths], ReadOptions()).events
    recognition = recognise(events)
    shapes = shape_table(recognition.unrecognized).head(top)
    table = Table("count", "process", "shape", "example", title="Unrecognised messages")
    for row in shapes.iter_rows(named=True):
        example = (row["example"] or "").replace("\n", " ")[:EXAMPLE_LENGTH]
        table.add_row(
            str(row["count"]),
            row["process"],
            row["shape"],
            f"{example}\n{row['source']}:{row['line']}",
        )
    out.print(table)
    err.print(
        f"{recognition.signals.height} recognised, {recognition.unrecognized.height} unrecognised "
        f"relevant messages in {len(shapes)} shown shapes",
        highlight=False,
    )
