"""Property tests: no input makes the grammars raise, and `<private>` never leaks into a field."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from templates import DEMO, SID, all_lines

from traceview.signals import parse_message
from traceview.signals.families import APP

PROCESSES = ("nsurlsessiond", "runningboardd", "SpringBoard", "assertiond", "dasd", "powerd", APP)
LINES = all_lines()
# words of the vocabulary, so random messages reach deep into the grammars
WORDS = sorted({word for _, message, _ in LINES for word in re.split(r"\s+", message) if word})

random_text = st.text(max_size=300)
vocabulary_soup = st.lists(
    st.sampled_from([*WORDS, "<private>", "(null)", "\n", "\t"]), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(text=random_text, process=st.sampled_from(PROCESSES))
def test_random_text_never_raises(text, process):
    fields = parse_message(text, process)
    assert fields is None or fields["kind"]


@settings(max_examples=300, deadline=None)
@given(words=vocabulary_soup, process=st.sampled_from(PROCESSES))
def test_vocabulary_soup_never_raises(words, process):
    fields = parse_message(" ".join(words), process)
    assert fields is None or "<private>" not in fields.values()


@settings(max_examples=300, deadline=None)
@given(line=st.sampled_from(LINES), data=st.data())
def test_private_anywhere_never_raises_nor_leaks(line, data):
    process, message, _ = line
    words = message.split(" ")
    position = data.draw(st.integers(0, len(words) - 1))
    words[position] = "<private>"
    fields = parse_message(" ".join(words), process)
    assert fields is None or "<private>" not in fields.values()


# (process, message with {b} / {s} for the bundle id and session id, kind)
PRIVATE_ABLE = [
    (
        "nsurlsessiond",
        "Creating session with identifier: {s} for bundle id: {b}",
        "session_created",
    ),
    (
        "nsurlsessiond",
        "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> client {b} is active result (Y), XPC(Y) "
        "proxy(Y) for {s}",
        "client_connected",
    ),
    (
        "nsurlsessiond",
        "NDSession <585CDBB1-9CD2-4150-AFCF-109678004019>.<{b}>.<{s}>: removing session",
        "session_removed",
    ),
    (
        "nsurlsessiond",
        "Task <32C7D3A2-5DE5-44D9-A2B1-E8AE6D9B8CD1>.<1> is for <{b}>.<{s}>.<1>",
        "task_registered",
    ),
    (
        "nsurlsessiond",
        "Will request wake of app {b} for NDSession <585CDBB1-9CD2-4150-AFCF-109678004019> with "
        "identifier {s}",
        "wake_requested",
    ),
    (
        "nsurlsessiond",
        "Invalidating assertion for bundleID: {b}. sessionID: {s}",
        "wake_assertion_released",
    ),
    ("nsurlsessiond", "Set request delay for {b} to 60.000000", "request_delay_set"),
    (
        "nsurlsessiond",
        "Current discretionary status for {b} is discretionary",
        "discretionary_status",
    ),
    (
        "RunnerStage",
        "BackgroundSession <585CDBB1-9CD2-4150-AFCF-109678004019> background session setup will "
        "wait for reply: session <__NSURLBackgroundSession: 0x10a96d750> with identifier {s}",
        "bg_session_setup",
    ),
    (
        "RunnerStage",
        "A background URLSession with identifier {s} already exists!",
        "duplicate_session_warning",
    ),
    ("SpringBoard", "Bootstrapping {b} with intent background", "fb_bootstrapping"),
]


@settings(max_examples=200, deadline=None)
@given(
    case=st.sampled_from(PRIVATE_ABLE),
    bundle_private=st.booleans(),
    session_private=st.booleans(),
)
def test_private_values_parse_to_null(case, bundle_private, session_private):
    process, template, kind = case
    bundle = "<private>" if bundle_private else DEMO
    session = "<private>" if session_private else SID
    fields = parse_message(template.format(b=bundle, s=session), process)
    assert fields is not None and fields["kind"] == kind
    if "{b}" in template:
        assert fields.get("bundle_id") == (None if bundle_private else DEMO)
    if "{s}" in template:
        assert fields.get("session_id") == (None if session_private else SID)


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from([*PROCESSES, "wifid", "", "SpringBoard", "FrontBoard"]),
            st.sampled_from([message for _, message, _ in LINES] + ["", "noise"]),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_vectorised_family_selection_matches_the_per_message_test(rows):
    import polars as pl

    from traceview.signals.families import FAMILIES

    frame = pl.DataFrame({"process": [p for p, _ in rows], "message": [m for _, m in rows]})
    for family in FAMILIES:
        vectorised = frame.select(family.selects()).to_series().to_list()
        assert vectorised == [family.accepts(m, p) for p, m in rows], family.name


numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(PROCESSES),
            st.one_of(
                st.sampled_from([message for _, message, _ in LINES]),
                st.lists(st.one_of(st.sampled_from(WORDS), numbers), max_size=25).map(" ".join),
            ),
            numbers,
        ),
        max_size=15,
    )
)
def test_extract_signals_never_raises(rows):
    """Whole frames, with numbers of any size swapped into real lines."""
    import polars as pl

    from traceview.signals import extract_signals

    messages = [re.sub(r"\b\d+\b", number, message, count=1) for _, message, number in rows]
    frame = pl.DataFrame(
        {"process": [p for p, _, _ in rows], "message": messages},
        schema={"process": pl.String, "message": pl.String},
    )
    result = extract_signals(frame)
    assert result.recognized == result.signals.height <= len(rows)
