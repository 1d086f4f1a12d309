"""Regenerate samples/: `python3 -m traceview.simulate.make_samples [DIR]`.

Each sample is a small synthetic capture built only from real templates, with its ground
truth beside it (`<stem>.truth.json`). A test checks the committed files equal a fresh run.
"""

from __future__ import annotations

import gzip
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import orjson

from traceview.simulate import scenario, truth, write

MAIN_SAMPLE = "uploads_after_jetsam_ios17.log"
NOISE = 0.3
SEED = 0


@dataclass(frozen=True)
class Sample:
    file: str
    scenario: str
    era: str
    style: str
    markers: bool = True

    @property
    def stem(self) -> str:
        return self.file.split(".", 1)[0]


SAMPLES: tuple[Sample, ...] = (
    Sample(MAIN_SAMPLE, "uploads_after_jetsam", "17+", "default"),
    Sample(
        "uploads_after_jetsam_ios12_console.txt", "uploads_after_jetsam", "12", "console", False
    ),
    Sample(
        "force_quit_then_user_launch_ios16.ndjson", "force_quit_then_user_launch", "13-16", "ndjson"
    ),
    Sample(
        "user_relaunch_while_running_ios17_compact.log",
        "user_relaunch_while_running",
        "17+",
        "compact",
    ),
    Sample(
        "completion_handler_never_called_ios17.log",
        "completion_handler_never_called",
        "17+",
        "default",
    ),
    Sample(
        "completion_handler_never_called_ios12_relay.txt",
        "completion_handler_never_called",
        "12",
        "relay",
        markers=False,
    ),
    Sample(
        "session_identifier_mismatch_ios16.json", "session_identifier_mismatch", "13-16", "json"
    ),
    Sample("rate_limiter_chain_ios17_syslog.log", "rate_limiter_chain", "17+", "syslog"),
    Sample(
        "completion_handler_late_ios16_compact.log", "completion_handler_late", "13-16", "compact"
    ),
    Sample("leaked_background_task_ios17_console.txt", "leaked_background_task", "17+", "console"),
    Sample("daemon_connection_lost_ios17_relay.txt", "daemon_connection_lost", "17+", "relay"),
    Sample("healthy_day_ios17.log.gz", "healthy_day", "17+", "default"),
)


def sample_bytes(sample: Sample) -> tuple[bytes, bytes]:
    """The capture's bytes (gzip without a timestamp, so reproducible) and its truth JSON."""
    scn = scenario(sample.scenario, era=sample.era, seed=SEED, markers=sample.markers)
    buffer = io.StringIO()
    write(scn, sample.style, buffer, seed=SEED, noise=NOISE)
    data = buffer.getvalue().encode("utf-8")
    if sample.file.endswith(".gz"):
        data = gzip.compress(data, compresslevel=9, mtime=0)
    meta = {
        "sample": sample.file,
        "scenario": sample.scenario,
        "era": sample.era,
        "style": sample.style,
        "seed": SEED,
        "noise": NOISE,
        "markers": sample.markers,
        "synthetic": True,
        "local_date": _local_date(scn.start_epoch, scn.tz_minutes),
    }
    payload = {**meta, **truth(scn, sample.style)}
    return data, orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n"


def _local_date(epoch: float, tz_minutes: int) -> str:
    from datetime import UTC, datetime, timedelta

    return (datetime.fromtimestamp(epoch, UTC) + timedelta(minutes=tz_minutes)).date().isoformat()


def generate(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in SAMPLES:
        data, truth_json = sample_bytes(sample)
        (directory / sample.file).write_bytes(data)
        (directory / f"{sample.stem}.truth.json").write_bytes(truth_json)
        written += [directory / sample.file, directory / f"{sample.stem}.truth.json"]
    (directory / "MAIN_SAMPLE").write_text(MAIN_SAMPLE + "\n", encoding="utf-8")
    return written


def main(argv: list[str]) -> None:
    directory = Path(argv[0]) if argv else Path("samples")
    for path in generate(directory):
        print(f"{path}  {path.stat().st_size:>8} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
