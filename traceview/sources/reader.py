"""Read one input (file, stdin, folder, archive) into the Collector, by sniffed format."""

from __future__ import annotations

from dataclasses import dataclass, field

from traceview.errors import UnknownFormatError
from traceview.sources import console, logshow, relay
from traceview.sources.collect import Collector
from traceview.sources.jsonarray import JsonArrayReader
from traceview.sources.ndjson import NdjsonReader
from traceview.sources.results import Tally
from traceview.sources.sniff import sample_lines, sniff_head
from traceview.sources.streams import Opened, line_chunks
from traceview.sources.textpipe import TextFormat, TextReader

FIXED_TEXT_FORMATS: dict[str, TextFormat] = {
    fmt.name: fmt
    for fmt in (logshow.DEFAULT, logshow.COMPACT, logshow.SYSLOG, logshow.XCODE, relay.RELAY)
}
UNDATED = ("console", "relay")


@dataclass
class InputState:
    """What is learned about one top-level input while reading it."""

    index: int
    tally: Tally = field(default_factory=Tally)
    format: str = ""
    os_version: str | None = None
    os_build: str | None = None
    device_model: str | None = None
    members: list[str] = field(default_factory=list)


def read_opened(opened: Opened, source: str, state: InputState, collector: Collector) -> str:
    """Parse a sniffed byte stream; returns its format name (".gz" added when gzipped)."""
    fmt = sniff_head(opened.head, source)
    if fmt == "sysdiagnose":  # a tar stream where a plain export was expected
        raise UnknownFormatError(f"{source}: a tar archive inside a folder or archive is not read")
    emit = collector.open_leaf(state.index, source, fmt, fmt not in UNDATED, state.tally)
    tally = state.tally
    if fmt == "json":
        JsonArrayReader(opened, source, tally, emit).read()
    elif fmt in ("ndjson", "unifiedlog_jsonl"):
        reader = NdjsonReader(fmt, source, tally, emit, collector.options.relevant_only)
        for lines, first, final in line_chunks(opened):
            reader.feed(lines, first, final)
    elif fmt == "empty":
        for lines, _first, _final in line_chunks(opened):
            tally.lines_total += len(lines)
            tally.banner += len(lines)
    else:
        text_format = (
            console.console_format(sample_lines(opened.head))
            if fmt == "console"
            else FIXED_TEXT_FORMATS[fmt]
        )
        relevant_only = collector.options.relevant_only
        text_reader = TextReader(text_format, source, tally, emit, relevant_only)
        for lines, first, final in line_chunks(opened):
            text_reader.feed(lines, first, final)
    return fmt + (".gz" if opened.gzipped else "")


def is_readable_head(head: bytes, name: str) -> bool:
    try:
        return sniff_head(head, name) != "sysdiagnose"
    except UnknownFormatError:
        return False
