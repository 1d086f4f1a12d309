"""Byte streams of an input: files, `-` (stdin), gzip, archive members; cut into line chunks.

Text is read in blocks of CHUNK_BYTES, split into a polars String column by polars' CSV reader
(invalid UTF-8 replaced) and cut after the last whole line, so no Python loop ever runs per line.

A truncated or corrupt gzip stream is an InputError naming the file (nothing of that input is
reported): a silently partial log would make a transfer look unfinished when it was not.
"""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

import polars as pl

from traceview.errors import InputError

# Measured on 220 MB default and 830 MB ndjson exports (2 cores): 16 MB blocks read 15-20%
# faster than 8 MB (polars' CSV splitter spreads over both cores) for ~60 MB more peak RSS;
# 32 MB blocks were slower again and used ~330 MB.
CHUNK_BYTES = 16 * 1024 * 1024
HEAD_BYTES = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
# Starts of a body polars' CSV reader would not read as text (see _split), tested in
# tests/sources/test_properties.py: the BOM, gzip, zlib (x^ is plain ASCII) and zstd.
NOT_FOR_CSV_READER = (UTF8_BOM, GZIP_MAGIC, b"x\x01", b"x^", b"x\x9c", b"x\xda", b"(\xb5/\xfd")
STDIN = "-"


@dataclass
class Opened:
    """An input ready to read: its first bytes (already consumed from `stream`) and the rest."""

    name: str
    head: bytes
    stream: BinaryIO
    gzipped: bool = False


def _read_guarded(stream: BinaryIO, size: int, name: str) -> bytes:
    try:
        return stream.read(size)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise InputError(
            f"{name}: the gzip data is truncated or corrupt ({error}); "
            "copy the file again, or gunzip what is there and pass the result"
        ) from None


def peek(stream: BinaryIO, name: str, gzipped: bool = False) -> Opened:
    """Read the head of `stream`; transparently decompress gzip (detected by magic bytes)."""
    head = _read_guarded(stream, HEAD_BYTES, name)
    if head.startswith(GZIP_MAGIC) and not gzipped:
        inner = gzip.GzipFile(fileobj=cast(BinaryIO, _Prefixed(head, stream)), mode="rb")
        return peek(cast(BinaryIO, inner), name, gzipped=True)
    # Editors saving a pasted log may add a UTF-8 byte order mark; it is not part of line 1.
    return Opened(name, head.removeprefix(UTF8_BOM), stream, gzipped)


@contextmanager
def open_input(path: str | Path) -> Iterator[Opened]:
    """Open a file path or `-` (standard input)."""
    name = str(path)
    if name == STDIN:
        yield peek(sys.stdin.buffer, "<stdin>")
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise InputError(f"{name}: cannot open ({error.strerror}); check the path") from None
    with handle:
        yield peek(handle, name)


def line_chunks(
    opened: Opened, chunk_bytes: int | None = None
) -> Iterator[tuple[pl.Series, int, bool]]:
    """Yield (physical lines, first line number, is_last); a last line without \\n counts.

    Each block is split as read, cut-off last line included, and that line is then dropped
    and carried over: the block is never copied to cut it (this loop moves every byte read).
    """
    chunk_bytes = chunk_bytes or CHUNK_BYTES
    parts = [opened.head] if opened.head else []
    first_line = 1
    while True:
        block = _read_guarded(opened.stream, chunk_bytes, opened.name)
        if block and b"\n" not in block:  # one line longer than a block: read on to its end
            parts.append(block)
            continue
        parts.append(block)
        data = parts[0] if len(parts) == 1 else b"".join(parts)
        if not block:
            yield _split(data), first_line, True
            return
        lines = _split(data)
        cut = data.rfind(b"\n") + 1
        parts = [data[cut:]] if cut < len(data) else []
        if parts:  # the cut-off line starts the next block
            lines = lines.slice(0, len(lines) - 1)
        yield lines, first_line, False
        first_line += len(lines)


def _split(body: bytes) -> pl.Series:
    """The physical lines of `body` (invalid UTF-8 replaced), split by polars' CSV reader.

    The reader, told every line is one field (a NUL separator, no quoting), splits on \n in
    native threads, drops a \r before it and keeps blank lines (as nulls): about ten times
    faster than splitting one big string. The plain path takes a body holding NUL bytes, or
    starting with a byte order mark (the reader drops it) or with the magic bytes the reader
    takes for compressed data (it would inflate it, or read plain `x^…` text as nothing).
    """
    if not body:
        return pl.Series("text", [], dtype=pl.String)
    if b"\x00" in body or body.startswith(NOT_FOR_CSV_READER):
        return _split_plain(body)
    lines = pl.read_csv(
        body,
        has_header=False,
        separator="\x00",
        quote_char=None,
        schema={"text": pl.String},
        encoding="utf8-lossy",
        truncate_ragged_lines=True,
    ).to_series()
    return lines.fill_null("")


def _split_plain(body: bytes) -> pl.Series:
    text = body.decode("utf-8", errors="replace")
    if text.endswith("\n"):
        text = text[:-1]
    lines = pl.Series("text", text.split("\n"))
    return lines.str.strip_suffix("\r") if "\r" in text else lines


class _Prefixed:
    """A read-only stream that returns `prefix` and then the rest of `stream`."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self.prefix = prefix
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        if self.prefix:
            if size < 0:
                data, self.prefix = self.prefix + self.stream.read(), b""
                return data
            data, self.prefix = self.prefix[:size], self.prefix[size:]
            return data
        return self.stream.read(size)
