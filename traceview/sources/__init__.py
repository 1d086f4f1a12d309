"""Readers: every real iOS log export -> one EVENTS table (traceview.schema.EVENTS).

    result = read_inputs(["device.log.gz", "sysdiagnose_….tar.gz"], ReadOptions(date=...))
    result.events, result.inputs, result.counts, result.malformed

Formats are recognised by content (`sniff`), never by file name alone:

| name | what | module |
|---|---|---|
| default, compact, syslog | `log show` / `log stream` text styles | logshow |
| xcode | Xcode debugger console / NSLog | logshow |
| console | Console.app "Copy" (no date: ReadOptions.date) | console |
| relay | device syslog relay, idevicesyslog (no year: ReadOptions.year) | relay |
| json, ndjson | `log show --style json|ndjson` | jsonarray, ndjson |
| unifiedlog_jsonl | mandiant unifiedlog_iterator JSONL | ndjson, unified |
| sysdiagnose | .tar.gz (read safely) or its extracted folder | sysdiagnose |
| logarchive | .logarchive (needs macOS `log`) | logarchive |
| directory | any folder: log files read, others counted as skipped | folders |
| empty | an empty file: 0 lines, 0 events | reader |

A gzip input reports its inner format plus ".gz"; `-` reads standard input.
"""

from __future__ import annotations

from traceview.sources.api import parse_text, read_inputs, sniff
from traceview.sources.results import LineCounts, ReadOptions, ReadResult

__all__ = ["LineCounts", "ReadOptions", "ReadResult", "parse_text", "read_inputs", "sniff"]
