"""NDJSON: `log show|stream --style ndjson` and mandiant unifiedlog_iterator JSONL.

Per chunk, the raw lines are classified vectorised: JSON objects, the `{"count":N,"finished":1}`
trailer, and anything else (the non-JSON banner `log stream` prints; log_formats.md §1, §6).
With `relevant_only`, a cheap raw-text prefilter runs BEFORE decoding: only lines mentioning a
relevant process or keyword are decoded; the rest are counted as irrelevant events.
"""

from __future__ import annotations

from collections.abc import Callable

import orjson
import polars as pl

from traceview.relevance import DAEMON_PROCESSES, MESSAGE_KEYWORDS, literal_alternation
from traceview.sources.results import Tally
from traceview.sources.unified import (
    APPLE_FIELDS,
    ITERATOR_FIELDS,
    apple_events,
    coerce,
    iterator_events,
)

TRAILER = r'^\s*\{\s*"(?:count|finished)"\s*:\s*\d+\s*,\s*"(?:count|finished)"\s*:\s*\d+\s*\}\s*$'
# A process name ends a path value (`\/nsurlsessiond"` in Apple's JSON, `/nsurlsessiond"` in JSONL).
RAW_PATTERN = literal_alternation(
    [f'{name}"' for name in DAEMON_PROCESSES] + list(MESSAGE_KEYWORDS)
)

EventsSink = Callable[[pl.DataFrame], None]


class NdjsonReader:
    def __init__(
        self, kind: str, source: str, tally: Tally, emit: EventsSink, relevant_only: bool
    ) -> None:
        self.fields = APPLE_FIELDS if kind == "ndjson" else ITERATOR_FIELDS
        self.to_events = apple_events if kind == "ndjson" else iterator_events
        self.source = source
        self.tally = tally
        self.emit = emit
        self.relevant_only = relevant_only

    def feed(self, lines: pl.Series, first_line: int, final: bool) -> None:
        self.tally.lines_total += len(lines)
        text = pl.col("text")
        is_object = text.str.contains(r"^\s*\{") & ~text.str.contains(TRAILER)
        wanted = text.str.contains(RAW_PATTERN) if self.relevant_only else pl.lit(True)
        frame = (
            pl.DataFrame({"text": lines})
            .lazy()
            .with_columns(
                line=pl.int_range(first_line, first_line + len(lines), dtype=pl.Int64),
                is_object=is_object,
                wanted=wanted,
            )
            .collect()
        )
        objects_seen, kept = frame.select(
            objects=pl.col("is_object").sum(), kept=(pl.col("is_object") & pl.col("wanted")).sum()
        ).row(0)
        self.tally.banner += len(frame) - objects_seen
        skipped = objects_seen - kept
        self.tally.events += skipped
        self.tally.irrelevant += skipped
        if kept:
            self._decode(frame.filter("is_object", "wanted").select("text", "line"))

    def _decode(self, objects: pl.DataFrame) -> None:
        decoded = self._decode_vectorised(objects)
        if decoded is None:
            decoded = self._decode_each(objects)
        events = self.to_events(decoded).with_columns(source=pl.lit(self.source))
        no_time = events["timestamp"].is_null()
        if no_time.any():
            bad = objects.join(events.filter(no_time).select("line"), on="line", how="semi")
            for line, text in bad.select("line", "text").iter_rows():
                self.tally.add_malformed(
                    self.source, line, text, "JSON object without a valid timestamp"
                )
            events = events.filter(~no_time)
        self.tally.events += len(events)
        if len(events):
            self.emit(events)

    def _decode_vectorised(self, objects: pl.DataFrame) -> pl.DataFrame | None:
        try:
            fields = objects["text"].str.json_decode(pl.Struct(self.fields)).struct.unnest()
        except pl.exceptions.PolarsError:
            return None  # some line is not valid JSON: find it the slow way
        return pl.concat([fields, objects.select("line")], how="horizontal")

    def _decode_each(self, objects: pl.DataFrame) -> pl.DataFrame:
        rows = []
        for line, text in objects.select("line", "text").iter_rows():
            try:
                row = coerce(orjson.loads(text), self.fields)
            except orjson.JSONDecodeError:
                row = None
            if row is None:
                self.tally.add_malformed(self.source, line, text, "not a valid JSON object")
                continue
            row["line"] = line
            rows.append(row)
        schema = {**self.fields, "line": pl.Int64()}
        return (
            pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
        )
