"""Property tests: line accounting, chunk-boundary independence, timestamps and rollover."""

from __future__ import annotations

import datetime
import itertools
import json

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources import specimens as s
from sources.helpers import assert_accounted, physical_lines
from traceview.sources import ReadOptions, console, logshow, parse_text, relay
from traceview.sources.results import Tally
from traceview.sources.streams import NOT_FOR_CSV_READER
from traceview.sources.textpipe import TextReader

ALL = ReadOptions(relevant_only=False)
POOLS = {
    "default": s.DEFAULT_TRAILER
    + s.DEFAULT_MULTILINE
    + s.DEFAULT_BANNERS
    + s.DEFAULT_SPACES_IN_PROCESS,
    "compact": s.COMPACT_MULTILINE + s.COMPACT_CFNETWORK + s.COMPACT_ERROR,
    "syslog": s.SYSLOG_RUNNINGBOARD + s.SYSLOG_SCREENSAVER,
    "xcode": s.XCODE_TRUSTKIT + s.XCODE_DIGGER + s.XCODE_DELTACHAT,
    "relay": s.RELAY_VIS + s.RELAY_CFNETWORK + s.RELAY_NO_LEVEL,
    "console": s.CONSOLE_MULTILINE + s.CONSOLE_SESSION + s.CONSOLE_UNICODE_CONTINUATION,
    "ndjson": s.NDJSON_TRAILER + "Filtering the log data using a predicate\n",
}
JUNK = st.sampled_from(["", "   ", "\t]>", "random words", "{not json", "}"])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def documents(draw, fmt: str) -> str:
    pool = POOLS[fmt].splitlines()
    first = next(line for line in pool if line and not line[0].isspace())
    body = draw(st.lists(st.one_of(st.sampled_from(pool), JUNK), max_size=40))
    lines = ([first] if draw(st.booleans()) else []) + body
    return "\n".join(lines) + ("\n" if draw(st.booleans()) else "")


@SETTINGS
@given(data=st.data(), fmt=st.sampled_from(sorted(POOLS)), relevant_only=st.booleans())
def test_every_line_is_accounted_for(data, fmt, relevant_only):
    text = data.draw(documents(fmt))
    try:
        result = parse_text(text, fmt, ReadOptions(relevant_only=relevant_only))
    except Exception as error:  # only "unknown format" is acceptable, for all-junk documents
        assert type(error).__name__ == "UnknownFormatError", error
        return
    assert result.counts.lines_total == physical_lines(text)
    assert_accounted(result)
    # Irrelevant events are counted either way, and stored only without relevant_only.
    stored = result.counts.events - (result.counts.irrelevant if relevant_only else 0)
    assert len(result.events) == stored


def _read_in_chunks(fmt, lines: list[str], cuts: list[int], relevant_only: bool):
    tally, frames = Tally(), []
    reader = TextReader(fmt, "x", tally, frames.append, relevant_only)
    bounds = [0, *sorted(set(cuts)), len(lines)]
    for start, end in itertools.pairwise(bounds):
        reader.feed(pl.Series(lines[start:end], dtype=pl.String), start + 1, end == len(lines))
    events = (
        pl.concat(frames).select("line", "timestamp", "message").sort("line") if frames else None
    )
    return tally.frozen(), events


@SETTINGS
@given(
    data=st.data(),
    name=st.sampled_from(["default", "compact", "relay", "console"]),
    relevant_only=st.booleans(),
)
def test_chunk_boundaries_do_not_change_the_result(data, name, relevant_only):
    lines = data.draw(documents(name)).split("\n")
    fixed = {"default": logshow.DEFAULT, "compact": logshow.COMPACT, "relay": relay.RELAY}
    fmt = fixed[name] if name in fixed else console.console_format(lines)
    cuts = data.draw(st.lists(st.integers(0, len(lines)), max_size=6))
    whole = _read_in_chunks(fmt, lines, [], relevant_only)
    pieces = _read_in_chunks(fmt, lines, cuts, relevant_only)
    assert whole[0] == pieces[0]
    assert (whole[1] is None and pieces[1] is None) or whole[1].equals(pieces[1])


OFFSETS = st.integers(-12 * 60, 14 * 60).map(lambda minutes: minutes - minutes % 15)
MOMENTS = st.datetimes(datetime.datetime(2001, 1, 1), datetime.datetime(2098, 12, 31))


def _offset_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


@SETTINGS
@given(local=MOMENTS, minutes=OFFSETS)
def test_offset_timestamps_become_utc(local, minutes):
    stamp = local.strftime("%Y-%m-%d %H:%M:%S.%f") + _offset_text(minutes)
    line = f"{stamp} 0x3706     Default     0x0                  0      0    kernel: hello\n"
    row = parse_text(line).events.row(0, named=True)
    assert row["timestamp"] == local - datetime.timedelta(minutes=minutes)
    assert row["tz_known"] is True


GAPS = st.lists(st.integers(0, 11 * 3600 * 1_000_000), min_size=1, max_size=30)


@SETTINGS
@given(start=MOMENTS, gaps=GAPS)
def test_console_midnight_rollover(start, gaps):
    moments = [start]
    for gap in gaps:
        moments.append(moments[-1] + datetime.timedelta(microseconds=gap))
    text = "".join(
        f"default\t{m.strftime('%H:%M:%S.%f')}\tproc\tmessage {i}\n" for i, m in enumerate(moments)
    )
    result = parse_text(text, options=ReadOptions(date=start.date(), relevant_only=False))
    assert result.events.sort("line")["timestamp"].to_list() == moments


@SETTINGS
@given(start=MOMENTS, gaps=st.lists(st.integers(0, 150 * 86400), min_size=1, max_size=20))
def test_relay_new_year_rollover(start, gaps):
    start = start.replace(microsecond=0)
    moments = [start]
    for gap in gaps:
        moments.append(moments[-1] + datetime.timedelta(seconds=gap))
    text = "".join(
        f"{m.strftime('%b %d %H:%M:%S')} iPhone proc[1] <Notice>: message {i}\n"
        for i, m in enumerate(moments)
    )
    result = parse_text(text, options=ReadOptions(year=start.year, relevant_only=False))
    expected = [m if not (m.month == 2 and m.day == 29) else None for m in moments]
    got = result.events.sort("line")["timestamp"].to_list()
    assert [g for g, e in zip(got, expected, strict=True) if e] == [e for e in expected if e]


NDJSON_OBJECTS = st.fixed_dictionaries(
    {
        "timestamp": MOMENTS.map(lambda m: m.strftime("%Y-%m-%d %H:%M:%S.%f") + "+0000"),
        "eventMessage": st.sampled_from(["Task <A>.<1> resuming", "hello", "line\nbreak"]),
        "activityIdentifier": st.integers(0, 2**64 - 1),
    },
    optional={
        "processImagePath": st.sampled_from(["/usr/libexec/nsurlsessiond", "/usr/sbin/wifid"]),
        "processID": st.integers(0, 99999),
        "threadID": st.integers(0, 2**40),
        "subsystem": st.sampled_from(["", "com.apple.CFNetwork"]),
        "messageType": st.sampled_from(["Default", "Info", "Error"]),
        "bootUUID": st.just(""),
    },
)


@SETTINGS
@given(objects=st.lists(NDJSON_OBJECTS, min_size=1, max_size=20), data=st.data())
def test_ndjson_any_key_order_missing_keys_and_exact_u64(objects, data):
    lines = []
    for obj in objects:
        keys = data.draw(st.permutations(list(obj)))
        lines.append(json.dumps({key: obj[key] for key in keys}).replace("/", "\\/"))
    text = "\n".join(lines) + f'\n{{"count":{len(objects)},"finished":1}}\n'
    result = parse_text(text, options=ALL)
    assert_accounted(result)
    events = result.events.sort("line")
    assert events["activity_id"].to_list() == [obj["activityIdentifier"] for obj in objects]
    assert events["message"].to_list() == [obj["eventMessage"] for obj in objects]


JSON_OBJECTS = [s.JSON_IOS16.strip().rstrip(","), s.JSON_CFNETWORK.strip(), s.JSON_OLD_KEYS.strip()]


@SETTINGS
@given(
    picks=st.lists(st.sampled_from(JSON_OBJECTS), max_size=8),
    block=st.integers(1, 400),
    banner=st.booleans(),
    broken=st.booleans(),
)
def test_json_array_accounting_and_block_size_independence(picks, block, banner, broken):
    import io

    from traceview.sources.jsonarray import JsonArrayReader
    from traceview.sources.streams import Opened

    body = "[" + ",".join(picks) + "]\n"
    if broken and picks:
        body = body[: len(body) * 2 // 3]  # a truncated export
    text = ("Filtering the log data using a predicate\n" if banner else "") + body

    def read(block_bytes: int):
        tally, frames = Tally(), []
        opened = Opened("x", b"", io.BytesIO(text.encode()))
        JsonArrayReader(opened, "x", tally, frames.append, block_bytes).read()
        lines = sorted(line for frame in frames for line in frame["line"].to_list())
        return tally.frozen(), lines

    small, whole = read(block), read(1 << 20)
    assert small == whole
    counts = small[0]
    assert counts.lines_total == physical_lines(text)
    assert counts.lines_total == (
        counts.events + counts.continuation + counts.banner + counts.malformed
    )
    if not broken:
        assert counts.events == len(picks) and counts.malformed == 0


@SETTINGS
@given(
    text=st.text(alphabet=st.sampled_from("ab\n\r€"), max_size=200),
    chunk=st.integers(1, 50),
)
def test_line_chunks_yield_every_physical_line_once(text, chunk):
    import io

    from traceview.sources.streams import Opened, line_chunks

    opened = Opened("x", b"", io.BytesIO(text.encode()))
    lines, numbers, finals = [], [], []
    for part, first, final in line_chunks(opened, chunk):
        lines += part.to_list()
        numbers.append((first, len(part)))
        finals.append(final)
    expected = [line.removesuffix("\r") for line in text.split("\n")]
    if text.endswith("\n") or not text:
        expected = expected[:-1]
    assert lines == expected and len(lines) == physical_lines(text)
    assert finals[-1] and not any(finals[:-1])
    assert all(first == 1 + sum(n for _, n in numbers[:i]) for i, (first, _) in enumerate(numbers))


STYLES = {
    # Layouts of log_formats.md §2–§4 and §9.3, filled with a generated time.
    "default": "{ts} 0x3706     Default     0x0                  0      0    kernel: hello\n",
    "syslog": "{ts}  localhost runningboardd[20526]: (RunningBoard) hello\n",
    "xcode": "{ts} AppName[7281:2496289] hello\n",
}


@SETTINGS
@given(local=MOMENTS, minutes=OFFSETS, style=st.sampled_from(sorted(STYLES)))
def test_offset_styles_agree_on_utc(local, minutes, style):
    stamp = local.strftime("%Y-%m-%d %H:%M:%S.%f") + _offset_text(minutes)
    result = parse_text(STYLES[style].format(ts=stamp))
    assert result.inputs[0].format == style
    assert result.events["timestamp"][0] == local - datetime.timedelta(minutes=minutes)


@SETTINGS
@given(local=MOMENTS)
def test_compact_times_stay_local(local):
    local = local.replace(microsecond=local.microsecond // 1000 * 1000)
    stamp = local.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
    row = parse_text(f"{stamp} Df runningboardd[2308:ee9f] hello\n").events.row(0, named=True)
    assert row["timestamp"] == local and row["tz_known"] is False


LINE_BYTES = st.lists(
    st.one_of(
        st.sampled_from(
            [b"", b"\r", b" \t", b"\xff\xfe", b"\xe2\x80\xa6", b'"q, x"', b"#c", b"\xef\xbb\xbf"]
        ),
        st.sampled_from(NOT_FOR_CSV_READER).map(lambda magic: magic + b"zz"),
        st.binary(max_size=12).filter(lambda raw: b"\n" not in raw and b"\x00" not in raw),
    ),
    max_size=12,
)


@SETTINGS
@given(lines=st.lists(LINE_BYTES.map(b"".join), max_size=30), end=st.sampled_from([b"", b"\n"]))
def test_the_csv_splitter_splits_exactly_like_python(lines, end):
    """polars' CSV reader (the fast path) and a plain split agree on every physical line."""
    from traceview.sources.streams import _split, _split_plain

    body = b"\n".join(lines) + (end if lines else b"")
    fast = _split(body).to_list()
    assert fast == (_split_plain(body).to_list() if body else [])
    assert len(fast) == physical_lines(body.decode("utf-8", errors="replace"))
