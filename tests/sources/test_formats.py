"""Each real export style, parsed from verbatim lines (tests/sources/specimens.py)."""

from __future__ import annotations

import datetime

import pytest

from sources import specimens as s
from sources.helpers import assert_accounted, physical_lines
from traceview.sources import ReadOptions, parse_text

ALL = ReadOptions(relevant_only=False)


def dt(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("name", "fmt", "events", "continuation", "banner"),
    [
        ("DEFAULT_TRAILER", "default", 2, 0, 3),
        ("DEFAULT_INFO_ACTIVITY", "default", 1, 0, 3),
        ("DEFAULT_MULTILINE", "default", 2, 3, 0),
        ("DEFAULT_STREAM_2017", "default", 1, 0, 2),
        ("DEFAULT_STREAM_2023", "default", 1, 0, 1),
        ("DEFAULT_BANNERS", "default", 1, 0, 3),
        ("DEFAULT_SPACES_IN_PROCESS", "default", 5, 0, 0),
        ("COMPACT_MULTILINE", "compact", 2, 4, 1),
        ("COMPACT_APPIUM", "compact", 2, 0, 0),
        ("COMPACT_ERROR", "compact", 1, 0, 0),
        ("SYSLOG_RUNNINGBOARD", "syslog", 2, 0, 0),
        ("SYSLOG_SCREENSAVER", "syslog", 2, 0, 0),
        ("NDJSON_TRAILER", "ndjson", 2, 0, 1),
        ("JSON_IOS16", "json", 1, 30, 0),
        ("JSON_OLD_KEYS", "json", 1, 18, 0),
        ("CONSOLE_SPACE_OFFSET", "console", 11, 0, 0),
        ("CONSOLE_LIBRARY", "console", 5, 0, 0),
        ("CONSOLE_MULTILINE", "console", 7, 6, 0),
        ("CONSOLE_MULTILINE_ASSERTIOND", "console", 7, 3, 0),
        ("CONSOLE_SPACES", "console", 5, 0, 0),
        ("CONSOLE_TIME_LAST", "console", 2, 0, 0),
        ("CONSOLE_UNICODE_CONTINUATION", "console", 23, 1, 0),
        ("RELAY_CFNETWORK", "relay", 3, 0, 0),
        ("RELAY_VIS", "relay", 6, 3, 0),
        ("RELAY_NO_LEVEL", "relay", 1, 0, 0),
        ("RELAY_IOS8", "relay", 1, 0, 0),
        ("XCODE_TRUSTKIT", "xcode", 2, 0, 0),
        ("XCODE_DIGGER", "xcode", 1, 2, 0),
        ("XCODE_DELTACHAT", "xcode", 1, 0, 0),
    ],
)
def test_specimen_is_read_and_accounted(name, fmt, events, continuation, banner):
    text = getattr(s, name)
    result = parse_text(text, name, ALL)
    assert result.inputs[0].format == fmt
    assert (result.counts.events, result.counts.continuation) == (events, continuation)
    assert (result.counts.banner, result.counts.malformed) == (banner, 0)
    assert result.counts.lines_total == physical_lines(text)
    assert len(result.events) == events
    assert_accounted(result)


def test_default_fields_sender_subsystem_and_utc():
    row = parse_text(s.DEFAULT_CFNETWORK).events.row(0, named=True)
    assert row["timestamp"] == dt("2023-07-01 10:44:27.214238")  # +1000 -> UTC
    assert row["tz_known"] is True
    assert (row["process"], row["pid"], row["thread"]) == ("cloudd", 631, 0x24314)
    assert (row["sender"], row["subsystem"], row["category"]) == (
        "CFNetwork",
        "com.apple.CFNetwork",
        "ATS",
    )
    assert row["activity_id"] == 0xA724B
    assert row["message"].startswith("Task <DB0FD7AC-C006-431E-9118-20771B476850>.<27> {strength 0")


def test_default_process_with_spaces_and_activity_rows():
    events = parse_text(s.DEFAULT_SPACES_IN_PROCESS).events
    assert set(events["process"]) == {"Ur iOS AppName"}
    activity = events.filter(events["event_type"] == "activityCreateEvent").row(0, named=True)
    assert activity["activity_id"] == 0x80000000000AB561  # beyond Int64: kept exact
    assert activity["level"] is None
    assert activity["message"] == "Sending Updated Preferences to System CFPrefsD"


def test_default_multiline_messages_are_joined():
    events = parse_text(s.DEFAULT_MULTILINE).events.sort("line")
    assert events["line"].to_list() == [1, 3]
    assert events["message"][1] == (
        "Discoverable mode changed from\n               to\n                , posting notification"
    )
    assert events["sender"].to_list() == ["Sharing", None]


def test_compact_types_sender_and_local_time():
    error = parse_text(s.COMPACT_ERROR).events.row(0, named=True)
    assert (error["level"], error["pid"], error["thread"]) == ("error", 34, 0x1919FE8)
    assert error["timestamp"] == dt("2026-06-29 22:47:19.098") and error["tz_known"] is False
    multi = parse_text(s.COMPACT_MULTILINE).events.sort("line")
    assert multi["message"][0].endswith('NeonDrift">>\n)} allow:(null)')
    assert multi["subsystem"].to_list() == ["com.apple.runningboard"] * 2


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("Df", "default"),
        ("I ", "info"),
        ("Db", "debug"),
        ("E ", "error"),
        ("Fa", "fault"),
        ("F ", "fault"),
    ],
)
def test_compact_type_codes(code, level):
    line = s.COMPACT_APPIUM.splitlines()[1].replace(" Df ", f" {code} ")
    assert parse_text(line).events["level"][0] == level


def test_syslog_has_no_level_and_sender_subsystem():
    row = parse_text(s.SYSLOG_RUNNINGBOARD).events.sort("line").row(0, named=True)
    assert (row["process"], row["pid"], row["sender"]) == ("runningboardd", 20526, "RunningBoard")
    assert row["subsystem"] == "com.apple.runningboard" and row["level"] is None
    assert row["timestamp"] == dt("2026-09-26 20:26:56.379170")


def test_ndjson_fields_and_trailer():
    result = parse_text(s.NDJSON_TRAILER)
    row = result.events.row(0, named=True)
    assert row["process"] == "RemotePlayerService" and row["sender"] == "AudioCodecs"
    assert row["pid"] == 99240 and row["thread"] == 11498972
    assert row["timestamp"] == dt("2026-07-26 06:11:22.348728")
    assert row["boot_id"] == "3590A0B1-4C7D-4C4A-9F0B-69FAC3D0BD58"
    assert row["message"].startswith("  ACMP4AACBaseDecoder.cpp:310")


def test_json_array_of_real_objects_old_and_new_keys():
    objects = [s.JSON_IOS16.strip().rstrip(","), s.JSON_CFNETWORK.strip(), s.JSON_OLD_KEYS.strip()]
    text = "[" + ",".join(objects) + "]\n"
    result = parse_text(text)
    assert_accounted(result)
    assert result.counts.events == 3 and result.counts.malformed == 0
    events = result.events.sort("line")
    assert events["process"].to_list() == ["wifid", "cloudd", "trustd"]
    assert events["activity_id"].to_list() == [0, 0, 7384009]  # activityID (macOS 10.13)
    assert events["line"].to_list() == [1, 31, 61]
    assert events["subsystem"][1] is None  # "" -> null


def test_console_space_before_offset_library_and_leading_pid():
    spaced = parse_text(
        s.CONSOLE_SPACE_OFFSET,
        options=ReadOptions(date=datetime.date(2019, 5, 2), relevant_only=False),
    )
    first = spaced.events.sort("line").row(0, named=True)
    assert first["timestamp"] == dt("2019-05-02 14:53:26.611899") and first["tz_known"]
    assert spaced.inputs[0].date_source == "--date"
    library = parse_text(s.CONSOLE_LIBRARY).events.sort("line")
    assert set(library["sender"]) == {"RunningBoard"}
    assert library["message"][0].startswith("[application<com.AppCo.MyApp>:432] termination")
    pid_line = "2247\tdefault\t14:14:22.998399+1100\tlogoutRepro\t0x10b009818 - started"
    row = parse_text(pid_line).events.row(0, named=True)
    assert (row["pid"], row["process"]) == (2247, "logoutRepro")


def test_console_multiline_tab_continuations():
    events = parse_text(s.CONSOLE_MULTILINE).events.sort("line")
    assert events["message"][0].endswith("\t<RBSCPUAccessGrant| role:Background>\n\t]>")
    assert events["line"].to_list()[:2] == [1, 8]


def test_console_spaces_and_time_last_variants():
    spaces = parse_text(s.CONSOLE_SPACES).events.sort("line")
    assert set(spaces["process"]) == {"runningboardd"}
    assert spaces["message"][1].endswith("termination reported by launchd (2, 11, 11)")
    last = parse_text(s.CONSOLE_TIME_LAST).events.sort("line")
    assert last["message"][1].endswith("Set darwin role to: UserInteractive")
    assert last["timestamp"][1].time() == datetime.time(6, 29, 45, 467369)


def test_console_without_date_is_assumed_and_said_so():
    result = parse_text(s.CONSOLE_SESSION)
    assert result.inputs[0].date_source == "assumed (pass --date)"
    assert result.events["timestamp"].dt.date().unique().to_list() == [datetime.date(2000, 1, 1)]


def test_relay_fields_levels_and_vis_unescape():
    events = parse_text(
        s.RELAY_VIS, options=ReadOptions(year=2018, relevant_only=False)
    ).events.sort("line")
    assert events["timestamp"][0] == dt("2018-07-15 09:37:49")
    assert events["sender"][0] == "WebKit" and events["process"][3] == "assertiond"
    assert events["level"].unique().to_list() == ["notice"]
    assert "id:…BB888642A5A6>" in events["message"][3]
    assert events["message"][4].endswith(
        "flags = preventSuspend, preventIdleSleep, preventSuspendOnSleep;\n}"
    )


def test_relay_without_host_and_without_level():
    row = parse_text(s.RELAY_CFNETWORK).events.sort("line").row(1, named=True)
    assert (row["process"], row["sender"], row["pid"], row["level"]) == (
        "App",
        "CFNetwork",
        2146,
        "error",
    )
    old = parse_text(s.RELAY_NO_LEVEL).events.row(0, named=True)
    assert (old["process"], old["pid"], old["level"]) == ("nsurlsessiond", 19213, None)


def test_relay_pager_prefix_is_not_log_text_but_the_lines_are():
    stripped = "\n".join(line.split(":", 1)[1] for line in s.RELAY_IOS11_PAGER.splitlines())
    events = parse_text(stripped).events
    assert len(events) == 5 and "SpringBoard" in events["process"].to_list()


def test_xcode_console_fields():
    row = parse_text(s.XCODE_TRUSTKIT).events.sort("line").row(1, named=True)
    assert (row["process"], row["pid"], row["thread"]) == ("AppName", 7281, 2496297)
    assert row["timestamp"] == dt("2018-02-05 15:06:52.192545")
    spaced = parse_text(s.XCODE_SPACES).events.row(0, named=True)
    assert spaced["process"] == "Task Force Swift" and spaced["pid"] == 32801


def test_unifiedlog_iterator_jsonl_new_and_old_versions():
    new = parse_text(s.UNIFIEDLOG_JSONL)
    assert new.inputs[0].format == "unifiedlog_jsonl"
    row = new.events.row(0, named=True)
    assert row["timestamp"] == dt("2026-10-07 14:53:48.542682") and row["tz_known"]
    assert (row["process"], row["sender"], row["pid"], row["thread"]) == (
        "logger",
        "logger",
        5856,
        2093925,
    )
    assert (row["level"], row["event_type"], row["message"]) == (
        "default",
        "logEvent",
        "4n6time-test-marker",
    )
    assert row["subsystem"] is None and row["boot_id"] == "BDC29971B7954B4C84BB0F66C67C7F58"
    old_text = s.UNIFIEDLOG_JSONL.replace(',"timestamp":"2026-10-07T14:53:48.542682112Z"', "")
    old = parse_text(old_text).events.row(0, named=True)
    # Only the float `time`: exact to the float's precision (a few hundred ns).
    assert abs((old["timestamp"] - row["timestamp"]).total_seconds()) < 1e-6


def test_relevant_only_prefilter_keeps_accounting_exact():
    text = s.DEFAULT_TRAILER + s.DEFAULT_CFNETWORK + s.DEFAULT_MULTILINE
    result = parse_text(text, options=ReadOptions())
    assert result.counts.events == 5 and result.counts.irrelevant == 4
    assert result.events["process"].to_list() == ["cloudd"]  # its message has "Task <"
    assert result.counts.lines_total == physical_lines(text)


def test_compact_activity_rows():
    line = s.COMPACT_APPIUM.splitlines()[1].replace(" Df ", " A  ")
    row = parse_text(line).events.row(0, named=True)
    assert (row["level"], row["event_type"]) == (None, "activityCreateEvent")
    assert row["process"] == "DTServiceHub" and row["message"] == "Heartbeat"
