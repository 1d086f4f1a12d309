"""The shared pipeline of every line-oriented text format, one polars pass per chunk.

A format is data (logshow, console, relay): a regex marking the first line of an entry, a regex
extracting the fields of a whole (joined) entry, and a function turning those strings into EVENTS
columns. Lines that do not start an entry continue the previous one; an entry's last lines may sit
in the next chunk, so the reader holds the last entry back until the next chunk arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from traceview.relevance import DAEMON_PROCESSES, MESSAGE_KEYWORDS, literal_alternation
from traceview.sources.results import Tally
from traceview.sources.timestamps import Rollover

# Lines `log` prints around the entries: banners, headers, the trailer (log_formats.md §1, §2.5).
BANNER = (
    r"^(?:Filtering the log data using |Skipping .* messages, pass --.* to include\."
    r"|Timestamp +(?:Thread +Type|Ty +Process|\(process\)\[PID\])"
    r"|-{40,}\s*$|Log +- Default: |Activity +- Create: |\*\* Processed \d+ entries)"
)

START, BANNER_LINE, OTHER = 0, 1, 2
MESSAGE_TAIL = "(?P<message>.*)$"
# Raw-text prefilter (before any field extraction): a superset of traceview.relevance.
RAW_PATTERN = literal_alternation([*DAEMON_PROCESSES, *MESSAGE_KEYWORDS])


@dataclass(frozen=True)
class TextFormat:
    name: str
    entry_start: str  # regex on one physical line
    fields: str  # regex with named groups over a whole entry (continuation lines joined by \n)
    build: Callable[[pl.DataFrame], pl.DataFrame]  # extracted strings -> EVENTS columns
    dated: bool = True  # False: timestamps sit on PLACEHOLDER_DATE until the date is known
    # Formats whose clock can roll over (Console.app: midnight, relay: New Year): the entries'
    # clock values (Int64 µs) and the backward jump that counts as a rollover. The counts reach
    # `build` as the `rollovers` column.
    clock: Callable[[pl.Series], pl.Series] | None = None
    rollover_us: int = 0
    banner: str = BANNER

    def extract(self, texts: pl.Series) -> pl.DataFrame:
        """The named groups of `fields` for each entry, as String columns.

        Regex captures are the costly step, so when the message is the tail of the entry it is
        sliced off after capturing only the fields before it.
        """
        if not self.fields.endswith(MESSAGE_TAIL) or not self.fields.startswith("(?s)^"):
            return texts.str.extract_groups(self.fields).struct.unnest()
        head = "(?s)^(?P<prefix>" + self.fields[5 : -len(MESSAGE_TAIL)] + ")"
        groups = texts.str.extract_groups(head).struct.unnest()
        message = texts.str.slice(groups["prefix"].str.len_chars())
        matched = pl.when(pl.col("prefix").is_not_null()).then(pl.lit(message))
        return groups.with_columns(message=matched).drop("prefix")


EventsSink = Callable[[pl.DataFrame], None]


class TextReader:
    """Feeds chunks of physical lines of one input through `fmt`; EVENTS frames go to `emit`."""

    def __init__(
        self,
        fmt: TextFormat,
        source: str,
        tally: Tally,
        emit: EventsSink,
        relevant_only: bool = False,
    ) -> None:
        self.fmt = fmt
        self.relevant_only = relevant_only
        self.source = source
        self.tally = tally
        self.emit = emit
        self.rollover = Rollover(fmt.rollover_us)
        self.parsed_first = False
        self.held = pl.DataFrame(schema={"text": pl.String, "line": pl.Int64})

    def feed(self, lines: pl.Series, first_line: int, final: bool) -> None:
        """`lines` are physical lines (no newline), the first being number `first_line`."""
        self.tally.lines_total += len(lines)
        fresh = pl.DataFrame({"text": lines}).with_columns(
            line=pl.int_range(first_line, first_line + len(lines), dtype=pl.Int64)
        )
        frame = pl.concat([self.held, fresh]) if len(self.held) else fresh
        frame = self._classify(frame)
        if not final:
            frame, self.held = _hold_back_last_entry(frame)
        else:
            self.held = self.held.clear()
        if len(frame):
            self._process(frame)

    def _classify(self, frame: pl.DataFrame) -> pl.DataFrame:
        """kind, group (entry number), head (kind of the group's first line), hit (keyword).

        One lazy plan, collected once: these columns span every line of the chunk.
        """
        text = pl.col("text")
        kind = (
            pl.when(text.str.contains(self.fmt.entry_start))
            .then(START)
            .when(text.str.contains(self.fmt.banner))
            .then(BANNER_LINE)
            .otherwise(OTHER)
            .cast(pl.Int8)
        )
        # `hit` only matters when irrelevant entries are skipped (see _wanted).
        hit = text.str.contains(RAW_PATTERN) if self.relevant_only else pl.lit(True)
        opens = pl.col("kind") != OTHER
        head = pl.when(opens).then(pl.col("kind")).forward_fill().fill_null(OTHER)
        return (
            frame.lazy()
            .select("text", "line", kind=kind, hit=hit)
            .with_columns(group=opens.cast(pl.Int64).cum_sum(), head=head)
            .collect()
        )

    def _process(self, frame: pl.DataFrame) -> None:
        """Count every line of the (classified) frame; parse only the entries that may matter."""
        inside = pl.col("head") == START
        self._count_outside(frame.filter(~inside))
        counts = frame.select(
            entries=(pl.col("kind") == START).sum(),
            lines=inside.sum(),
        ).row(0)
        entries_seen, inside_lines = int(counts[0]), int(counts[1])
        if not entries_seen:
            return
        self.tally.continuation += inside_lines - entries_seen
        if self.fmt.clock is not None:  # every entry moves the clock, relevant or not
            frame = self._with_rollovers(frame)
        wanted = self._wanted(frame) if self.relevant_only else frame.filter(inside)
        skipped = entries_seen - int((wanted["kind"] == START).sum())
        self.tally.events += skipped
        self.tally.irrelevant += skipped
        if len(wanted):
            self._parse_entries(_join_entries(wanted))

    def _with_rollovers(self, frame: pl.DataFrame) -> pl.DataFrame:
        """`rollovers` on every line: the count up to its entry's first line."""
        assert self.fmt.clock is not None
        starts = frame.filter(pl.col("kind") == START)
        counts = self.rollover.count(self.fmt.clock(starts["text"]))
        per_start = starts.select("group").with_columns(rollovers=counts)
        return frame.join(per_start, on="group", how="left", maintain_order="left")

    def _wanted(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The lines of entries that may be relevant (a keyword on any of their lines).

        Entries that cannot be relevant are counted (as events, irrelevant) but not parsed.
        The input's first entry is always parsed: its time can date Console/relay inputs read
        in the same call (the collector still counts and drops it when irrelevant).
        """
        inside = frame.filter(pl.col("head") == START)
        groups = inside.filter("hit")["group"].unique()
        if not self.parsed_first and len(inside):
            groups = pl.concat([groups, inside["group"].head(1)])
            self.parsed_first = True
        return inside.filter(pl.col("group").is_in(groups.implode()))

    def _parse_entries(self, entries: pl.DataFrame) -> None:
        kept = ["line", "text", *(["rollovers"] if "rollovers" in entries.columns else [])]
        groups = self.fmt.extract(entries["text"])
        # rechunk: polars 2.1 panics in pl.format over multi-chunk string columns (relay dates).
        fields = pl.concat([entries.select(kept), groups], how="horizontal").rechunk()
        built = self.fmt.build(fields).with_columns(source=pl.lit(self.source))
        bad = built.filter(pl.col("timestamp").is_null())
        self._count_bad_entries(bad, entries)
        good = built.filter(pl.col("timestamp").is_not_null())
        self.tally.events += len(good)
        if len(good):
            self.emit(good)

    def _count_outside(self, outside: pl.DataFrame) -> None:
        """Banner lines, blank lines outside entries (banner) and orphan lines (malformed)."""
        if not len(outside):
            return
        blank = outside["text"].str.strip_chars().str.len_chars() == 0
        is_banner = (outside["kind"] == BANNER_LINE) | blank
        self.tally.banner += int(is_banner.sum())
        orphans = outside.filter(~is_banner)
        self.tally.malformed += len(orphans)
        for line, text in orphans.head(1000).select("line", "text").iter_rows():
            self.tally.keep_malformed(self.source, line, text, "not part of any log entry")

    def _count_bad_entries(self, bad: pl.DataFrame, entries: pl.DataFrame) -> None:
        """Entries whose fields or timestamp did not parse: all their lines are malformed."""
        if not len(bad):
            return
        rows = entries.join(bad.select("line"), on="line", how="semi")
        self.tally.continuation -= int(rows["n"].sum()) - len(rows)
        self.tally.malformed += int(rows["n"].sum())
        for line, text in rows.head(1000).select("line", "text").iter_rows():
            reason = f"looks like {self.fmt.name} but its fields or time do not parse"
            self.tally.keep_malformed(self.source, line, text, reason)


def _hold_back_last_entry(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split off the last entry (it may continue in the next chunk)."""
    if not len(frame) or frame["head"][-1] != START:
        return frame, frame.clear().select("text", "line")
    # Groups only grow down the frame, so the last entry is the tail from its first line.
    cut = int(frame["group"].search_sorted(frame["group"][-1], side="left"))
    return frame.slice(0, cut), frame.slice(cut).select("text", "line")


def _join_entries(inside: pl.DataFrame) -> pl.DataFrame:
    """One row per entry: its first line number, its text (lines joined by \\n), its line count."""
    extra = ["rollovers"] if "rollovers" in inside.columns else []
    single = inside.select("line", "text", *extra, n=pl.lit(1, dtype=pl.UInt32))
    continued = inside["kind"] == OTHER
    if not continued.any():
        return single
    # Only the (rare) multi-line entries go through group_by; single lines pass straight through.
    multi_groups = inside.filter(continued)["group"].unique()
    in_multi = inside["group"].is_in(multi_groups.implode())
    joined = (
        inside.filter(in_multi)
        .group_by("group", maintain_order=True)
        .agg(
            pl.col("line").first(),
            pl.col("text").str.join("\n"),
            *(pl.col(name).first() for name in extra),
            n=pl.len(),
        )
        .drop("group")
    )
    return pl.concat([single.filter(~in_multi), joined]).sort("line")
