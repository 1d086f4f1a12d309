"""Exit-code decoding (log_formats.md §12) follows docs/semantics.md's end_reason section."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from traceview.model import EndReason
from traceview.signals.exits import (
    decode_exit_status,
    decode_launchd,
    decode_signal,
    decode_terminate_code,
    signal_name,
)


@pytest.mark.parametrize(
    ("namespace", "code", "status", "reason", "detail"),
    [
        (0, 0, 0, EndReason.UNKNOWN, "clean exit (status 0)"),
        (2, 10, 10, EndReason.CRASH, "signal 10 (SIGBUS)"),  # §3.3 (Darwin numbering)
        (2, 11, 11, EndReason.CRASH, "signal 11 (SIGSEGV)"),  # §3.12
        (2, 5, 5, EndReason.CRASH, "signal 5 (SIGTRAP)"),  # §3.11
        (2, 6, 6, EndReason.CRASH, "signal 6 (SIGABRT)"),
        (2, 9, 9, EndReason.SYSTEM_OTHER, "signal 9 (SIGKILL)"),
        (2, 15, 15, EndReason.SYSTEM_OTHER, "signal 15 (SIGTERM)"),
        (10, 4227595259, 9, EndReason.SYSTEM_OTHER, "0xfbfbfbfb (force quit by the system)"),
        (10, 3735943697, 9, EndReason.USER_FORCE_QUIT, "0xdeadfa11 (quit by the user)"),
        (1, 7, 9, EndReason.SYSTEM_JETSAM, "jetsam (reason 7)"),
        (
            15,
            0x2182BAD3,
            9,
            EndReason.ASSERTION_TIMEOUT,
            "0x2182bad3 (background URL session failed to complete in time)",
        ),
        (15, 0xBADDD15C, 9, EndReason.SYSTEM_OTHER, "0xbaddd15c (terminated to delete caches)"),
        (99, 0x8BADF00D, 9, EndReason.WATCHDOG, "0x8badf00d (watchdog)"),
        (99, 0x1234, 9, EndReason.SYSTEM_OTHER, "namespace 99 code 0x1234"),
    ],
)
def test_decode_launchd(namespace, code, status, reason, detail):
    assert decode_launchd(namespace, code, status) == (reason, detail)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (0x2182BAD2, EndReason.ASSERTION_TIMEOUT),
        (0x2182BAD3, EndReason.ASSERTION_TIMEOUT),
        (0x2182BAD4, EndReason.ASSERTION_TIMEOUT),
        (0x2182BAAD, EndReason.ASSERTION_TIMEOUT),
        (0x8BADF00D, EndReason.WATCHDOG),
        (0xDEADFA11, EndReason.USER_FORCE_QUIT),
        (0xFBFBFBFB, EndReason.SYSTEM_OTHER),
        (0xDEAD10CC, EndReason.SYSTEM_OTHER),
        (0xC00010FF, EndReason.SYSTEM_OTHER),
        (0xBADDD15C, EndReason.SYSTEM_OTHER),
    ],
)
def test_decode_terminate_code(code, reason):
    decoded, detail = decode_terminate_code(code)
    assert decoded is reason
    assert detail.startswith(f"{code:#x} (")


def test_decode_exit_status_domains():
    assert decode_exit_status(2, 13) == (EndReason.CRASH, "signal 13 (SIGPIPE)")
    assert decode_exit_status(10, 0xFBFBFBFB)[0] is EndReason.SYSTEM_OTHER
    assert decode_exit_status(10, 0xDEADFA11)[0] is EndReason.USER_FORCE_QUIT
    assert decode_exit_status(6, 1) == (EndReason.CRASH, "launch failed in dyld (code 1)")
    assert decode_exit_status(0, 0) == (EndReason.UNKNOWN, "clean exit")


def test_darwin_signal_names():
    assert [signal_name(n) for n in (6, 9, 10, 11, 13, 15, 30)] == [
        "SIGABRT", "SIGKILL", "SIGBUS", "SIGSEGV", "SIGPIPE", "SIGTERM", "SIGUSR1",
    ]  # fmt: skip
    assert signal_name(99) == "signal 99"


@given(st.integers(min_value=-(2**40), max_value=2**40), st.integers(0, 40))
def test_decoders_are_total(code, namespace):
    for reason, detail in (
        decode_launchd(namespace, code, 9),
        decode_exit_status(namespace, code),
        decode_signal(abs(code) % 64),
    ):
        assert isinstance(reason, EndReason) and detail
