"""Whole-pipeline benchmark: `traceview analyze` next to ripgrep and a bare polars scan.

Usage:
    python3 bench/analyze_bench.py [--dir bench/out] [--size-mb 1024] [--keep]

Generates (with the simulator, bench/generate.py) a default-style export of about --size-mb
and the same events as ndjson, then times, each in a fresh process, page cache warm, the median
of --repeat runs:
  * `traceview analyze FILE --quiet --json OUT` on both (wall time and peak RSS),
  * `rg -c` for the relevant process names over the default-style file (if rg is installed),
  * a bare polars scan-and-filter of the ndjson file (the floor for a columnar reader),
  * `python -c "import traceview.api"`: the interpreter and imports every run pays.
Targets (issue "Read every real iOS log export"): analyze within 5x rg, within 1.5x the polars
scan, peak RSS under 1 GB and flat in the file size.

Children run with bytecode caching on (PYTHONDONTWRITEBYTECODE unset), as an installed
traceview runs; `TRACEVIEW_JOBS` passes through (default: one process per core, up to 8).
Peak RSS is the largest single process; each grammar worker adds its own (printed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

RELEVANT = ("nsurlsessiond", "runningboardd", "SpringBoard", "assertiond", "CFNetwork")

POLARS_SCAN = """
import sys, polars as pl
names = {names!r}
expr = pl.any_horizontal([pl.col("processImagePath").str.ends_with("/" + n) for n in names])
frame = pl.scan_ndjson(sys.argv[1], infer_schema_length=1000, ignore_errors=True).filter(expr)
print(frame.select(pl.len()).collect().item())
"""


# A fresh parent per measurement, so RUSAGE_CHILDREN is the peak RSS of that one child.
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
allowed = (0, 1) if sys.argv[1].endswith("rg") else (0,)  # rg: 1 = no match; analyze: 0 only
if done.returncode not in allowed:
    sys.exit(f"{sys.argv[1]} failed ({done.returncode}): {done.stderr.strip()[:400]}")
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str], repeat: int = 1) -> tuple[float, float]:
    """Run argv in fresh children `repeat` times; return (median wall seconds, peak RSS in MB)."""
    runs = []
    for _ in range(repeat):
        command = [sys.executable, "-c", MEASURE, *argv]
        done = subprocess.run(command, capture_output=True, text=True, env=CHILD_ENV)
        if done.returncode:
            sys.exit(done.stderr.strip())
        seconds, rss = done.stdout.split()
        runs.append((float(seconds), float(rss)))
    return statistics.median(s for s, _ in runs), max(r for _, r in runs)


def warm(path: Path) -> None:
    """Read the file once so every measurement finds it in the page cache."""
    with open(path, "rb") as handle:
        while handle.read(64 * 2**20):
            pass


def generate(directory: Path, size_mb: int) -> tuple[Path, Path]:
    default = directory / "bench_default.log"
    ndjson = directory / "bench.ndjson"
    if not (default.exists() and ndjson.exists()):
        here = Path(__file__).parent
        cmd = [sys.executable, str(here / "generate.py"), str(directory), "--size-mb", str(size_mb)]
        subprocess.run(cmd, check=True)
    return default, ndjson


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    default, ndjson = generate(args.dir, args.size_mb)
    analyze = [sys.executable, "-m", "traceview", "analyze", "--quiet", "--json"]
    rows = []
    for path in (default, ndjson):
        warm(path)
        seconds, rss = timed([*analyze, str(args.dir / "report.json"), str(path)], args.repeat)
        rows.append((f"traceview analyze {path.name}", seconds, rss))
    rg = shutil.which("rg")
    if rg:
        pattern = "|".join(RELEVANT)
        warm(default)
        seconds, rss = timed([rg, "-c", pattern, str(default)], args.repeat)
        rows.append((f"rg -c over {default.name}", seconds, rss))
    script = POLARS_SCAN.format(names=RELEVANT)
    warm(ndjson)
    seconds, rss = timed([sys.executable, "-c", script, str(ndjson)], args.repeat)
    rows.append((f"polars scan+filter {ndjson.name}", seconds, rss))
    worker = [sys.executable, "-c", "import sys; from traceview.signals.pool import parse_batch"]
    seconds, rss = timed([sys.executable, "-c", "import traceview.api"], args.repeat)
    rows.append(("python -c 'import traceview.api' (start-up floor)", seconds, rss))
    rows.append(("one grammar worker at rest", *timed(worker)))
    size = default.stat().st_size / 2**20
    print(f"input: {size:.0f} MB default, {ndjson.stat().st_size / 2**20:.0f} MB ndjson")
    for name, seconds, rss in rows:
        print(f"{name:<48} {seconds:8.2f} s   peak RSS {rss:7.0f} MB")
    analyze_default = rows[0][1]
    if rg:
        ratio = analyze_default / rows[2][1]
        print(f"analyze(default) / rg          = {ratio:.1f}x (target <= 5x)")
    scan = rows[-3][1]
    print(f"analyze(ndjson) / polars scan  = {rows[1][1] / scan:.1f}x (target <= 1.5x)")
    if not args.keep:
        default.unlink()
        ndjson.unlink()


if __name__ == "__main__":
    main()
