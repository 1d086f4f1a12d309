"""extract_signals: vectorised dispatch by process, event order, coverage of what is left."""

from __future__ import annotations

import datetime as dt

import polars as pl

from traceview.model import Coverage
from traceview.schema import EVENTS, SIGNALS, conform, empty
from traceview.signals import SignalResult, extract_signals
from traceview.signals.coverage import shape_table
from traceview.signals.parse import parse_with
from traceview.sources import parse_text

T = "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<1605>"
ROWS = [
    ("BackgroundBackup", f"{T} resuming, QOS(0x9)"),  # app, cfnetwork
    ("wifid", "EAP: eapState=2"),  # not a relevant process
    ("nsurlsessiond", f"{T} resumeTaskWithIdentifier, props <private>"),  # daemon grammar
    ("nsurlsessiond", f"{T} resuming"),  # daemon process, cfnetwork grammar
    ("runningboardd", "9E14D7E1-BAC5-40E4-8DE3-67C4903BD10E monitor: got an update with state 4"),
    ("runningboardd", "5514D7E1-BAC5-40E4-8DE3-67C4903BD10E monitor: got an update with state 5"),
    ("BackgroundBackup", f"{T} will begin"),  # daemon wording in the app: not recognised
    ("SpringBoard", None),  # an activity row without a message
    (
        "runningboardd",
        "[application<com.AppCo.MyApp>:432] termination reported by launchd (2, 10, 10)",
    ),
]


def events(rows=ROWS) -> pl.DataFrame:
    start = dt.datetime(2026, 1, 1, 12, 0, 0)
    frame = pl.DataFrame(
        {
            "timestamp": [start + dt.timedelta(seconds=i) for i in range(len(rows))],
            "process": [process for process, _ in rows],
            "message": [message for _, message in rows],
            "source": ["device.log"] * len(rows),
            "line": list(range(1, len(rows) + 1)),
        }
    )
    return conform(frame, EVENTS)


def test_signals_follow_the_events_and_the_schema():
    result = extract_signals(events())
    assert isinstance(result, SignalResult)
    assert result.signals.schema == pl.Schema(SIGNALS)
    assert result.recognized == 4
    assert result.signals.select("line", "process", "kind", "family").rows() == [
        (1, "BackgroundBackup", "task_resuming", "cfnetwork"),
        (3, "nsurlsessiond", "task_resume_requested", "nsurlsessiond"),
        (4, "nsurlsessiond", "task_resuming", "cfnetwork"),
        (9, "runningboardd", "rb_termination_reported", "runningboard"),
    ]
    last = result.signals.row(3, named=True)
    assert (last["bundle_id"], last["target_pid"], last["exit_reason"]) == (
        "com.AppCo.MyApp",
        432,
        "crash",
    )
    assert last["timestamp"] == dt.datetime(2026, 1, 1, 12, 0, 8)


def test_coverage_counts_relevant_unrecognised_messages_by_shape():
    coverage = extract_signals(events()).coverage
    assert isinstance(coverage, Coverage)
    assert coverage.unrecognized_by_process == (("runningboardd", 2), ("BackgroundBackup", 1))
    assert coverage.top_unrecognized[0] == (
        "runningboardd",
        "<UUID> monitor: got an update with state <N>",
        2,
    )
    assert ("task_resuming", 2) in coverage.families_matched


def test_shape_table_keeps_an_example_and_its_origin():
    unrecognised = conform(events(ROWS[4:6]), EVENTS)
    table = shape_table(unrecognised)
    assert table.select("count", "source", "line").row(0) == (2, "device.log", 1)
    assert table["example"][0].startswith("9E14D7E1")


def test_each_distinct_message_is_parsed_once():
    parse_with.cache_clear()
    extract_signals(events([("nsurlsessiond", f"{T} will begin")] * 500))
    info = parse_with.cache_info()
    assert info.misses == 1
    assert info.hits == 0


def test_empty_and_irrelevant_frames():
    assert extract_signals(empty(EVENTS)).signals.schema == pl.Schema(SIGNALS)
    result = extract_signals(events([("wifid", "EAP: eapState=2")]))
    assert result.recognized == 0
    assert result.coverage == Coverage(families_matched=())


def test_bracketed_message_prefixes_are_not_taken_for_subsystem_and_category():
    # Default-style lines carrying the real messages of real_lines.md §1.10 A (assertiond's
    # `[exe:pid]`), §3.17 (FrontBoard's `[0x…:(FBSceneManager):…]`) and §3.1 (a real subsystem).
    columns = "0x1f2      Default     0x0                  {pid:<7}0    "
    text = "\n".join(
        [
            "2019-06-01 18:05:43.000000+0800 " + columns.format(pid=66) + "assertiond: "
            "[BackgroundDemo:12648] Sending background permission expiration warning!",
            "2019-06-01 18:05:44.000000+0800 " + columns.format(pid=59) + "SpringBoard: "
            "[0x86d0e3a80:(FBSceneManager):sceneID:com.hightowerai.MobileJarvisNative-default] "
            "Sending scene create.",
            "2019-06-01 18:05:45.000000+0800 " + columns.format(pid=34) + "runningboardd: "
            "[com.apple.runningboard:process] Calculated state for "
            "application<com.elsystm.elsystm>: running-active (role: Background)",
        ]
    )
    events = parse_text(text, "prefixes.log").events
    assert events.get_column("subsystem").to_list() == [None, None, "com.apple.runningboard"]
    assert events.get_column("message")[0].startswith("[BackgroundDemo:12648] ")
    signals = extract_signals(events).signals
    assert signals.select("kind", "target_pid", "bundle_id").rows() == [
        ("ad_expiration_warning", 12648, None),
        ("fb_connected", None, "com.hightowerai.MobileJarvisNative"),
        ("rb_state", None, "com.elsystm.elsystm"),
    ]


def test_numbers_beyond_int64_become_null_instead_of_failing():
    rows = [
        (
            "nsurlsessiond",
            "Task <30768301-CCBD-47EA-90CD-FBD5AC72F6C4>.<99999999999999999999> will begin",
        ),
        (
            "runningboardd",
            "[app<com.example.app((null))>:6296] termination reported by launchd "
            "(10, 18446744073709551615, 9)",
        ),
    ]
    signals = extract_signals(events(rows)).signals
    assert signals.select("kind", "task_number", "exit_code").rows() == [
        ("task_will_begin", None, None),
        ("rb_termination_reported", None, None),
    ]
