"""Every named scenario renders in every style, deterministically, in the real layouts."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from traceview.simulate import ERAS, NAMED_SCENARIOS, STYLES, render, scenario
from traceview.simulate.engine import play
from traceview.simulate.styles import DEFAULT_HEADER

GOLDEN = Path(__file__).parent / "golden"
DEFAULT_STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}[+-]\d{4} ")


@pytest.mark.parametrize("name", NAMED_SCENARIOS)
@pytest.mark.parametrize("style", STYLES)
def test_renders_deterministically(name: str, style: str) -> None:
    scn = scenario(name, era="17+")
    first = render(scn, style, seed=5, noise=0.3)
    assert first == render(scn, style, seed=5, noise=0.3)
    assert first != render(scn, style, seed=6, noise=0.3)
    assert all(spec.uuid in first for spec in scn.tasks if f"<{spec.number}>" in first)


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("style", STYLES)
def test_every_era_renders_in_every_style(era: str, style: str) -> None:
    scn = scenario("uploads_after_jetsam", era=era)
    text = render(scn, style, noise=0.5)
    assert scn.app.bundle_id in text.replace("\\/", "/")


def test_golden_bytes_of_a_small_scenario() -> None:
    text = render(scenario("duplicate_session_identifier", era="17+"), "default", seed=1, noise=0.5)
    golden = GOLDEN / "duplicate_session_identifier.17.default.log"
    if os.environ.get("TRACEVIEW_BLESS") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_default_style_layout_header_and_trailer_counts() -> None:
    scn = scenario("completion_handler_never_called", era="17+")
    text = render(scn, "default", noise=1.0)
    lines = text.splitlines()
    assert DEFAULT_HEADER.startswith("Timestamp") and DEFAULT_HEADER.endswith("TTL  ")
    assert lines[0] == DEFAULT_HEADER
    entries = [line for line in lines if DEFAULT_STAMP.match(line)]
    assert all(line[88 - 5 : 88] == "0    " for line in entries)  # TTL column, message at 88
    assert lines[-3] == "-" * 116
    counts = dict(re.findall(r"(\w+):\s+(\d+)", lines[-2]))
    levels = [line[43:55].strip() for line in entries]
    assert int(counts["Default"]) == levels.count("Default")
    assert int(counts["Error"]) == levels.count("Error")
    assert int(counts["Default"]) + int(counts["Info"]) + int(counts["Error"]) == len(entries)


def test_multiline_descriptors_continue_with_tabs() -> None:
    text = render(scenario("uploads_after_jetsam", era="13-16"), "default")
    assert "attributes:[\n\t<RBSRunningReasonAttribute| runningReason:10000>,\n" in text
    assert (
        '_NSURLErrorRelatedURLSessionTaskErrorKey=(\n    "Background' not in text
    )  # no errors here
    lost = render(scenario("daemon_connection_lost", era="17+"), "compact")
    assert '_NSURLErrorRelatedURLSessionTaskErrorKey=(\n    "BackgroundDataTask <' in lost


def test_ndjson_and_json_carry_the_same_events() -> None:
    scn = scenario("rate_limiter_chain", era="13-16")
    nd_lines = render(scn, "ndjson", seed=2, noise=0.5).splitlines()
    assert json.loads(nd_lines[-1]) == {"count": len(nd_lines) - 1, "finished": 1}
    events = json.loads(render(scn, "json", seed=2, noise=0.5))
    assert len(events) == len(nd_lines) - 1
    assert [e["eventMessage"] for e in events] == [
        json.loads(x)["eventMessage"] for x in nd_lines[:-1]
    ]
    assert "\\/usr\\/libexec\\/nsurlsessiond" in nd_lines[len(nd_lines) // 2] or any(
        "\\/usr\\/libexec\\/nsurlsessiond" in x for x in nd_lines
    )
    assert len(events) == len(play(scn)[0]) + round(0.5 * len(play(scn)[0]))


def test_relay_vis_escapes_non_ascii_and_console_spacing_follows_era() -> None:
    scn12 = scenario("completion_handler_never_called", era="12")
    relay = render(scn12, "relay")
    assert "id:\\M-b\\M^@\\M-&" in relay
    assert relay.isascii()
    assert re.search(
        r"^\w{3} [ \d]\d \d\d:\d\d:\d\d iPhone assertiond\[66\] <Notice>: ", relay, re.M
    )
    assert "\t+0200\t" not in render(scn12, "console") and " +0200\t" in render(scn12, "console")
    assert re.search(r"\d{6}\+0100\t", render(scenario("uploads_after_jetsam"), "console"))


def test_compact_has_milliseconds_and_no_offset() -> None:
    text = render(scenario("upload_from_data"), "compact")
    first = text.splitlines()[1]
    assert re.match(
        r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (Df|E |I ) \S+\[\d+:[0-9a-f]+\] ", first
    )


def test_noise_ratio_sets_the_number_of_unrelated_lines() -> None:
    scn = scenario("upload_from_data")
    own = len(play(scn)[0])
    lines = render(scn, "ndjson", noise=2.0).splitlines()
    assert len(lines) - 1 == own + 2 * own


def test_target_bytes_pads_with_noise_to_about_that_size() -> None:
    import io

    from traceview.simulate import write

    for style in ("default", "ndjson"):
        buffer = io.StringIO()
        write(scenario("upload_from_data"), style, buffer, seed=3, target_bytes=300_000)
        size = len(buffer.getvalue().encode())
        assert 270_000 < size < 330_000, (style, size)
