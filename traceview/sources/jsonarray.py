"""`log show --style json`: one pretty-printed array whose objects span many lines (§5).

Decoded incrementally with `json.JSONDecoder.raw_decode` over a bounded text buffer, so memory
stays bounded and each object's first physical line is known. Line accounting: the line where an
object starts is its event line, its other lines are continuation, lines outside objects (`[`,
`]`, banners) are banner, and the lines of an undecodable object are malformed.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable

import polars as pl

from traceview.sources.results import Tally
from traceview.sources.streams import CHUNK_BYTES, Opened, _read_guarded
from traceview.sources.unified import APPLE_FIELDS, apple_events, coerce

BATCH = 50_000
SEPARATORS = " \t\r\n,[]"
RESYNC_AFTER = 1024 * 1024  # a syntax error this far before the buffer's end is not truncation

EventsSink = Callable[[pl.DataFrame], None]


class JsonArrayReader:
    def __init__(
        self,
        opened: Opened,
        source: str,
        tally: Tally,
        emit: EventsSink,
        block_bytes: int = CHUNK_BYTES,
    ) -> None:
        self.opened = opened
        self.block_bytes = block_bytes
        self.source = source
        self.tally = tally
        self.emit = emit
        self.decoder = json.JSONDecoder()
        self.utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.buffer = ""
        self.pos = 0
        self.line = 1  # physical line of self.pos
        self.eof = False
        self.first_block = True
        self.rows: list[dict] = []
        self.newlines = 0
        self.saw_text = False
        self.ends_with_newline = False
        self.covered_until = 0  # last line attributed to an object or a malformed region
        self.malformed_from: int | None = None  # first line of an undecodable region
        self.entry_lines = 0  # lines attributed to entries (event + continuation)
        self.malformed_lines = 0

    def read(self) -> None:
        while self._skip_separators():
            if self.buffer[self.pos] == "{":
                self._read_object()
            else:
                self._skip_line()  # banner text, or the tail of an undecodable region
        self._flush()
        total = self.newlines + (1 if self.saw_text and not self.ends_with_newline else 0)
        if self.malformed_from is not None:
            self._attribute(self.malformed_from, total, malformed=True)
        self.tally.lines_total += total
        self.tally.malformed += self.malformed_lines
        self.tally.banner += total - self.entry_lines - self.malformed_lines

    def _more(self) -> bool:
        if self.eof:
            return False
        raw = self.opened.head if self.first_block else b""
        self.first_block = False
        if not raw:
            raw = _read_guarded(self.opened.stream, self.block_bytes, self.opened.name)
        text = self.utf8.decode(raw, final=not raw)
        self.eof = not raw
        self.buffer = self.buffer[self.pos :] + text
        self.pos = 0
        if text:
            self.newlines += text.count("\n")
            self.saw_text = True
            self.ends_with_newline = text.endswith("\n")
        return not self.eof or bool(text)

    def _advance(self, new_pos: int) -> None:
        self.line += self.buffer.count("\n", self.pos, new_pos)
        self.pos = new_pos

    def _skip_separators(self) -> bool:
        while True:
            end = self.pos
            while end < len(self.buffer) and self.buffer[end] in SEPARATORS:
                end += 1
            self._advance(end)
            if self.pos < len(self.buffer):
                return True
            if not self._more():
                return False

    def _skip_line(self) -> None:
        while (newline := self.buffer.find("\n", self.pos)) < 0 and self._more():
            pass
        self._advance(len(self.buffer) if newline < 0 else newline + 1)

    def _read_object(self) -> None:
        while True:
            try:
                obj, end = self.decoder.raw_decode(self.buffer, self.pos)
                break
            except json.JSONDecodeError as error:
                if error.pos >= len(self.buffer) - RESYNC_AFTER and self._more():
                    continue  # the object runs past the buffer: read on
                self._start_malformed("invalid JSON")
                self._skip_line()
                return
        start_line = self.line
        self._advance(end)
        row = coerce(obj, APPLE_FIELDS)
        if row is None or row["timestamp"] is None:
            self._start_malformed("JSON object without a timestamp", start_line)
            return
        self._end_malformed(start_line)
        self._attribute(start_line, self.line, malformed=False)
        row["line"] = start_line
        self.rows.append(row)
        if len(self.rows) >= BATCH:
            self._flush()

    def _start_malformed(self, reason: str, line: int | None = None) -> None:
        if self.malformed_from is None:
            self.malformed_from = self.line if line is None else line
            text = self.buffer[self.pos : self.pos + 300]
            self.tally.keep_malformed(self.source, self.malformed_from, text, reason)

    def _end_malformed(self, next_start: int) -> None:
        if self.malformed_from is not None:
            self._attribute(self.malformed_from, next_start - 1, malformed=True)
            self.malformed_from = None

    def _attribute(self, first: int, last: int, malformed: bool) -> None:
        """Lines first..last not yet counted belong to one entry (or one malformed region)."""
        new_lines = max(0, last - max(first, self.covered_until + 1) + 1)
        if malformed:
            self.malformed_lines += new_lines
        else:
            # A `},{` line ends the previous object's lines but is this object's event line:
            # either way, one new line is the event line and the others are continuation.
            self.entry_lines += new_lines
            self.tally.continuation += new_lines - 1
        self.covered_until = max(self.covered_until, last)

    def _flush(self) -> None:
        if not self.rows:
            return
        schema = {**APPLE_FIELDS, "line": pl.Int64()}
        frame = pl.DataFrame(self.rows, schema=schema, orient="row")
        self.rows = []
        events = apple_events(frame).with_columns(source=pl.lit(self.source))
        bad = events["timestamp"].is_null()
        for line in events.filter(bad)["line"].to_list():
            # Its lines stay attributed to the entry; the entry itself counts as malformed.
            self.tally.keep_malformed(
                self.source, line, "", "JSON object with an invalid timestamp"
            )
        self.tally.malformed += int(bad.sum())
        self.entry_lines -= int(bad.sum())
        events = events.filter(~bad)
        self.tally.events += len(events)
        if len(events):
            self.emit(events)
