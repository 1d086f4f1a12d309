"""Bad input never gives a traceback: a one-line error, or counted malformed lines."""

from __future__ import annotations

import gzip

import pytest

from sources import specimens as s
from sources.helpers import assert_accounted
from traceview.errors import UnknownFormatError
from traceview.sources import ReadOptions, parse_text, read_inputs, sniff

ALL = ReadOptions(relevant_only=False)


def test_empty_file_is_not_an_error(tmp_path):
    path = tmp_path / "empty.log"
    path.write_bytes(b"")
    result = read_inputs([path])
    assert result.inputs[0].format == "empty" and result.inputs[0].lines == 0
    assert result.counts.events == 0 and len(result.events) == 0
    assert sniff(path) == "empty"


def test_binary_garbage_is_named_as_such(tmp_path):
    path = tmp_path / "0000000000000001.tracev3"
    path.write_bytes(bytes(range(256)) * 100)
    with pytest.raises(
        UnknownFormatError, match=r"tracev3: binary data, not a log export"
    ) as error:
        read_inputs([path])
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2, 3]\n", "JSON but not unified-log events"),
        (
            '{"name": "x", "value": 1}\n{"name": "y", "value": 2}\n',
            "JSON but not unified-log events",
        ),
        ("remember to buy milk\n" * 300, "text but no log timestamps in the first 200 lines"),
    ],
)
def test_unknown_formats_say_what_they_look_like(text, message):
    with pytest.raises(UnknownFormatError, match=message):
        parse_text(text, "mystery.txt")


def test_invalid_utf8_is_replaced_not_fatal(tmp_path):
    line = s.XCODE_TRUSTKIT.splitlines()[0].encode()
    path = tmp_path / "bad.log"
    path.write_bytes(line.replace(b"HTTP load", b"HTTP \xff\xfe load") + b"\n")
    result = read_inputs([path], ALL)
    assert result.counts.events == 1
    assert "HTTP \ufffd\ufffd load" in result.events["message"][0]


def test_ten_megabyte_single_line_entry(tmp_path):
    head = s.XCODE_TRUSTKIT.splitlines()[0]
    huge = head + " " + "x" * 10_000_000
    path = tmp_path / "huge.log"
    path.write_text(huge + "\n" + s.XCODE_TRUSTKIT.splitlines()[1] + "\n")
    result = read_inputs([path], ALL)
    assert result.counts.events == 2 and result.counts.lines_total == 2
    assert result.events.sort("line")["message"].str.len_chars()[0] > 10_000_000


def test_ten_megabyte_line_of_garbage_is_unknown(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_text("y" * 10_000_000)
    with pytest.raises(UnknownFormatError, match="no log timestamps"):
        read_inputs([path])


def test_orphan_and_unparseable_lines_are_counted_malformed():
    lines = s.XCODE_TRUSTKIT.splitlines()
    text = (
        "stray words before any entry\n"
        + lines[0]
        + "\n"
        + lines[1].replace("2018-02-05", "2018-13-45")
        + "\n"
    )
    result = parse_text(text)
    assert result.counts.events == 1 and result.counts.malformed == 2
    assert [bad.line for bad in result.malformed] == [1, 3]
    assert_accounted(result)


def test_ndjson_with_a_broken_line_keeps_the_good_ones():
    good = s.NDJSON_TRAILER.splitlines()
    text = "\n".join([good[0], good[1][: len(good[1]) // 2], good[2]]) + "\n"
    result = parse_text(text)
    assert result.counts.events == 1 and result.counts.malformed == 1
    assert result.malformed[0].line == 2 and result.malformed[0].reason == "not a valid JSON object"
    assert_accounted(result)


def test_ndjson_object_without_timestamp_is_malformed():
    text = (
        '{"eventMessage":"Task <A>.<1> resuming",'
        '"processImagePath":"\\/usr\\/libexec\\/nsurlsessiond"}\n'
    )
    result = parse_text(text)
    assert result.counts.malformed == 1 and result.counts.events == 0
    assert_accounted(result)


def test_truncated_json_array_counts_the_cut_object_as_malformed():
    whole = "[" + s.JSON_IOS16.strip().rstrip(",") + "," + s.JSON_CFNETWORK.strip() + "]\n"
    cut = whole[: whole.index('"timestamp" : "2023-06-30')]
    result = parse_text(cut)
    assert result.counts.events == 1 and result.counts.malformed > 0
    assert_accounted(result)


def test_gzip_of_garbage_is_unknown_not_a_crash(tmp_path):
    path = tmp_path / "x.gz"
    path.write_bytes(gzip.compress(bytes(range(256)) * 10))
    with pytest.raises(UnknownFormatError, match="binary data"):
        read_inputs([path])


def test_missing_path_is_an_input_error():
    from traceview.errors import InputError

    with pytest.raises(InputError, match="no such file or folder"):
        read_inputs(["/nonexistent/device.log"])


def test_utf8_byte_order_mark_is_not_part_of_the_first_line(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_bytes(b"\xef\xbb\xbf" + s.CONSOLE_LIBRARY.encode())
    result = read_inputs([path], ALL)
    assert result.counts.events == 5 and result.counts.malformed == 0


def test_log_show_with_no_matching_entries_is_an_empty_export():
    # Header, dashes and zero counts: what `log show` prints when nothing matched (§2.5).
    header = s.DEFAULT_BANNERS.splitlines()[2]
    trailer = "\n".join(s.DEFAULT_TRAILER.splitlines()[2:])
    text = header + "\n" + trailer.replace("Default:          5", "Default:          0") + "\n"
    result = parse_text(text)
    assert result.inputs[0].format == "default"
    assert result.counts.events == 0 and result.counts.banner == 4
    compact = parse_text(s.COMPACT_MULTILINE.splitlines()[0] + "\n")
    assert compact.inputs[0].format == "compact" and compact.counts.banner == 1


def test_ndjson_with_only_the_trailer_is_an_empty_export():
    text = "Filtering the log data using a predicate\n" + s.NDJSON_TRAILER.splitlines()[2] + "\n"
    result = parse_text(text)
    assert result.inputs[0].format == "ndjson"
    assert (result.counts.events, result.counts.banner) == (0, 2)
