"""EVENTS -> SIGNALS: the vectorised prefilter, then each family's grammar on distinct messages.

Per-line Python never runs here: polars selects the rows a family may recognise (process and
anchor literals), each distinct message is parsed once (`parse_with` is cached), and the parsed
fields are joined back onto every row carrying that message.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

import polars as pl

from traceview.relevance import is_relevant
from traceview.schema import EVENTS, SIGNAL_FIELDS, SIGNALS, conform, empty
from traceview.signals.families import FAMILIES, Family
from traceview.signals.pool import MessageParser

ROW = "_row"  # position in the input frame, so signals keep the events' order
PARSED_SCHEMA: dict[str, pl.DataType] = {"message": pl.String(), **SIGNAL_FIELDS}


@dataclass(frozen=True)
class Recognition:
    signals: pl.DataFrame  # SIGNALS, in event order
    unrecognized: pl.DataFrame  # relevant events no family recognised (EVENTS columns)


def parse_distinct(family: Family, messages: pl.Series, parser: MessageParser) -> pl.DataFrame:
    """One row per message of `messages` the family recognises: message + SIGNAL_FIELDS."""
    distinct = messages.unique(maintain_order=True).to_list()
    parsed = parser.parse(family.name, distinct)
    rows = [
        {"message": message, **fields}
        for message, fields in zip(distinct, parsed, strict=True)
        if fields is not None
    ]
    return pl.DataFrame(rows, schema=PARSED_SCHEMA)


def relevant_events(events: pl.DataFrame) -> pl.DataFrame:
    return (
        conform(events, EVENTS)  # tolerate frames missing optional columns
        .with_row_index(ROW)
        .filter(is_relevant() & pl.col("message").is_not_null())
    )


def recognise(events: pl.DataFrame, parser: MessageParser | None = None) -> Recognition:
    """Split the relevant events into recognised signals and unrecognised events.

    `parser` may be one the caller opened early (its workers warm while the log is read);
    without one, this call opens and closes its own.
    """
    remaining = relevant_events(events)
    with nullcontext(parser) if parser else MessageParser() as active:
        active.expect(remaining["message"].n_unique())
        found, remaining = _recognise_by_family(remaining, active)
    signals = conform(pl.concat(found).sort(ROW), SIGNALS) if found else empty(SIGNALS)
    return Recognition(signals=signals, unrecognized=remaining.sort(ROW).drop(ROW))


def _recognise_by_family(
    remaining: pl.DataFrame, parser: MessageParser
) -> tuple[list[pl.DataFrame], pl.DataFrame]:
    """Each family's hits, in table order (a message belongs to the first that recognises it),
    and the events none recognised."""
    found = []
    for family in FAMILIES:
        candidates = remaining.filter(family.selects())
        if candidates.is_empty():
            continue
        parsed = parse_distinct(family, candidates.get_column("message"), parser)
        hits = candidates.join(parsed, on="message", how="inner")
        if hits.is_empty():
            continue
        found.append(hits)
        remaining = remaining.join(hits.select(ROW), on=ROW, how="anti")
    return found, remaining
