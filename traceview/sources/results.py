"""The public value types of the readers: options in, events and accounting out."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import polars as pl

from traceview.model import InputInfo, MalformedLine

MAX_MALFORMED_KEPT = 1000  # malformed lines kept for display; the count is always exact
MALFORMED_TEXT_CHARS = 300


@dataclass(frozen=True)
class ReadOptions:
    date: datetime.date | None = None  # date of Console.app copies (they print times only)
    year: int | None = None  # year of device syslog relay lines (they print `Mon dd`)
    relevant_only: bool = True  # keep only events passing traceview.relevance.is_relevant()


@dataclass(frozen=True)
class LineCounts:
    """lines_total == events + continuation + banner + malformed, per input and in total."""

    lines_total: int
    events: int
    continuation: int
    banner: int  # banner, header and trailer lines (and blank lines outside entries)
    malformed: int
    irrelevant: int  # events failing the prefilter (subset of events)
    duplicates: int  # events dropped as exact duplicates of another input's (subset of events)
    skipped_files: int  # files inside a folder/archive that are not a log export


@dataclass(frozen=True)
class ReadResult:
    events: pl.DataFrame  # traceview.schema.EVENTS, sorted by timestamp, source, line
    inputs: tuple[InputInfo, ...]
    counts: LineCounts
    malformed: tuple[MalformedLine, ...]


@dataclass
class Tally:
    """Mutable counters while reading; frozen into LineCounts at the end."""

    lines_total: int = 0
    events: int = 0
    continuation: int = 0
    banner: int = 0
    malformed: int = 0
    irrelevant: int = 0
    duplicates: int = 0
    skipped_files: int = 0
    malformed_lines: list[MalformedLine] = field(default_factory=list)

    def add_malformed(self, path: str, line: int, text: str, reason: str) -> None:
        self.malformed += 1
        self.keep_malformed(path, line, text, reason)

    def keep_malformed(self, path: str, line: int, text: str, reason: str) -> None:
        """Remember a malformed line for display (the count is kept separately)."""
        if len(self.malformed_lines) < MAX_MALFORMED_KEPT:
            self.malformed_lines.append(
                MalformedLine(path, line, text[:MALFORMED_TEXT_CHARS], reason)
            )

    def frozen(self) -> LineCounts:
        return LineCounts(
            lines_total=self.lines_total,
            events=self.events,
            continuation=self.continuation,
            banner=self.banner,
            malformed=self.malformed,
            irrelevant=self.irrelevant,
            duplicates=self.duplicates,
            skipped_files=self.skipped_files,
        )
