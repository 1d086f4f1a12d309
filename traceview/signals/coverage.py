"""What the grammars did not recognise, grouped by message shape.

A shape is the message with its variable parts replaced (UUIDs, hex, numbers), so a new iOS
wording shows up as one frequent line instead of thousands of distinct ones.
"""

from __future__ import annotations

import polars as pl

from traceview.model import Coverage

SHAPE_LENGTH = 160
UUID_PATTERN = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"


def message_shape() -> pl.Expr:
    """The first line of the message with ids and numbers replaced by placeholders."""
    first_line = pl.col("message").str.split("\n").list.first()
    return (
        first_line.str.replace_all(UUID_PATTERN, "<UUID>")
        .str.replace_all(r"0x[0-9A-Fa-f]+", "<HEX>")
        .str.replace_all(r"\d+", "<N>")
        .str.slice(0, SHAPE_LENGTH)
        .alias("shape")
    )


def shape_table(unrecognized: pl.DataFrame) -> pl.DataFrame:
    """(process, shape, count, example, source, line), most frequent first."""
    return (
        unrecognized.with_columns(pl.col("process").fill_null(""), message_shape())
        .group_by("process", "shape")
        .agg(
            pl.len().alias("count"),
            pl.col("message").first().alias("example"),
            pl.col("source").first(),
            pl.col("line").first(),
        )
        .sort(["count", "process", "shape"], descending=[True, False, False])
    )


def build_coverage(signals: pl.DataFrame, unrecognized: pl.DataFrame, top: int = 20) -> Coverage:
    by_process = (
        unrecognized.group_by(pl.col("process").fill_null(""))
        .len()
        .sort(["len", "process"], descending=[True, False])
    )
    shapes = shape_table(unrecognized).head(top)
    kinds = signals.group_by("kind").len().sort(["len", "kind"], descending=[True, False])
    return Coverage(
        unrecognized_by_process=tuple(by_process.iter_rows()),
        top_unrecognized=tuple(shapes.select("process", "shape", "count").iter_rows()),
        families_matched=tuple(kinds.iter_rows()),
    )
