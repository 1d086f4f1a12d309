"""The public entry points: read_inputs, parse_text, sniff."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from traceview.errors import InputError
from traceview.model import InputInfo
from traceview.sources import folders, sysdiagnose
from traceview.sources.collect import Collector
from traceview.sources.reader import InputState, read_opened
from traceview.sources.results import LineCounts, ReadOptions, ReadResult, Tally
from traceview.sources.sniff import is_tar, sniff_head
from traceview.sources.streams import STDIN, open_input, peek

DEFAULT_OPTIONS = ReadOptions()
ALL_EVENTS = ReadOptions(relevant_only=False)


def read_inputs(paths: Sequence[str | Path], options: ReadOptions = DEFAULT_OPTIONS) -> ReadResult:
    """Read every input (files, `-`, folders, .logarchive, sysdiagnose .tar.gz) into one table."""
    collector = Collector(options)
    states = []
    for index, path in enumerate(paths):
        state = InputState(index)
        _read_one(Path(path) if str(path) != STDIN else STDIN, state, collector)
        states.append(state)
    names = ["<stdin>" if str(path) == STDIN else str(path) for path in paths]
    return _result(collector, states, names)


def parse_text(text: str, name: str = "<text>", options: ReadOptions = ALL_EVENTS) -> ReadResult:
    """Sniff and parse an in-memory export (tests and embedding)."""
    collector = Collector(options)
    state = InputState(0)
    opened = peek(io.BytesIO(text.encode("utf-8")), name)
    state.format = read_opened(opened, name, state, collector)
    return _result(collector, [state], [name])


def sniff(path_or_bytes: str | Path | bytes) -> str:
    """The format name of a path or of raw bytes (gzip reported as e.g. "ndjson.gz")."""
    if isinstance(path_or_bytes, bytes):
        opened = peek(io.BytesIO(path_or_bytes), "<bytes>")
        return _name_of(opened.head, "<bytes>", opened.gzipped)
    path = Path(path_or_bytes)
    if path.is_dir():
        return folders.folder_kind(path)
    with open_input(path) as opened:
        return _name_of(opened.head, str(path), opened.gzipped)


def _name_of(head: bytes, name: str, gzipped: bool) -> str:
    fmt = sniff_head(head, name)
    return fmt if fmt == "sysdiagnose" else fmt + (".gz" if gzipped else "")


def _read_one(path: Path | str, state: InputState, collector: Collector) -> None:
    if isinstance(path, Path) and path.is_dir():
        folders.read_folder(path, state, collector)
        return
    if isinstance(path, Path) and not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")
    with open_input(path) as opened:
        name = "<stdin>" if path == STDIN else str(path)
        if is_tar(opened.head):
            sysdiagnose.read_tar(opened, name, state, collector)
            return
        state.format = read_opened(opened, name, state, collector)


def _result(collector: Collector, states: list[InputState], names: list[str]) -> ReadResult:
    date_sources = collector.date_sources()
    events, duplicates = collector.result()
    total = Tally()
    infos = []
    for state, name in zip(states, names, strict=True):
        state.tally.duplicates = duplicates.get(state.index, 0)
        infos.append(
            InputInfo(
                path=name,
                format=state.format,
                os_version=state.os_version,
                os_build=state.os_build,
                lines=state.tally.lines_total,
                device_model=state.device_model,
                date_source=date_sources.get(state.index),
                members=tuple(state.members),
            )
        )
        _add(total, state.tally)
    return ReadResult(events, tuple(infos), total.frozen(), tuple(total.malformed_lines[:1000]))


def _add(total: Tally, part: Tally) -> None:
    for name in LineCounts.__dataclass_fields__:
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.malformed_lines.extend(part.malformed_lines)
