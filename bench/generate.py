"""Write the benchmark inputs: a big `log show` default export and the same content as ndjson.

    python3 bench/generate.py [OUT_DIR] [--size-mb 1024] [--relevant 0.02] [--era 17+]

The scenario is a long healthy stretch of upload batches (its lines are about `--relevant` of
the file, the share traceview analyses); the rest is noise from unrelated processes, built
from real templates like everything the simulator writes. Both files hold the same events.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from traceview.simulate import write
from traceview.simulate.catalog import healthy_batches
from traceview.simulate.engine import play
from traceview.simulate.timeline import Scenario

LINES_PER_BATCH_GUESS = 278  # scenario lines one batch of 10 uploads writes (measured)
DEFAULT_LINE_BYTES = 223  # average default-style line, noise included (measured)


def main(argv: list[str]) -> None:
    args = _arguments(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.size_mb * 1024 * 1024
    scn = _scenario(target, args.relevant, args.era)
    own = len(play(scn)[0])
    wanted_lines = target / DEFAULT_LINE_BYTES
    noise = max(0.0, (wanted_lines - own) / own)
    print(f"scenario: {len(scn.tasks)} tasks, {own} lines; noise ratio {noise:.1f}", flush=True)
    for style, name in (("default", "bench_default.log"), ("ndjson", "bench.ndjson")):
        path = args.out / name
        started = time.perf_counter()
        with path.open("w", encoding="utf-8", buffering=1 << 20) as handle:
            write(scn, style, handle, seed=args.seed, noise=noise)
        seconds = time.perf_counter() - started
        size = path.stat().st_size
        rate = size / seconds / 1e6
        print(f"{path}: {size / 1e6:.0f} MB in {seconds:.1f} s ({rate:.0f} MB/s)", flush=True)


def _scenario(target: int, relevant: float, era: str) -> Scenario:
    lines = target / DEFAULT_LINE_BYTES * relevant
    batches = max(1, round(lines / LINES_PER_BATCH_GUESS))
    return healthy_batches(era, random.Random(2026), batches)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("bench/out"))
    parser.add_argument("--size-mb", type=int, default=1024, help="size of the default export")
    parser.add_argument("--relevant", type=float, default=0.02, help="share of scenario lines")
    parser.add_argument("--era", default="17+")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
