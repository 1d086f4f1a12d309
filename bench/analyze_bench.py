"""Whole-pipeline benchmark: `traceview analyze` next to ripgrep and a bare polars scan.

Usage:
    python3 bench/analyze_bench.py [--dir bench/out] [--size-mb 1024] [--keep]

Generates (with the simulator, bench/generate.py) a default-style export and a same-content
ndjson export of about --size-mb each, then times, each in a fresh process:
  * `traceview analyze FILE --quiet --json OUT` on both (wall time and peak RSS),
  * `rg -c` for the relevant process names over the default-style file (if rg is installed),
  * a bare polars scan-and-filter of the ndjson file (the floor for a columnar reader).
Targets (issue "Read every real iOS log export"): analyze within 5x rg, within 1.5x the polars
scan, peak RSS under 1 GB and flat in the file size.
"""

from __future__ import annotations

import argparse
import shutil
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
if done.returncode not in (0, 1):
    sys.exit(f"{sys.argv[1]} failed ({done.returncode}): {done.stderr.strip()[:400]}")
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def timed(argv: list[str]) -> tuple[float, float]:
    """Run argv in a fresh child; return (wall seconds, peak RSS in MB)."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stderr.strip())
    seconds, rss = done.stdout.split()
    return float(seconds), float(rss)


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
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    default, ndjson = generate(args.dir, args.size_mb)
    analyze = [sys.executable, "-m", "traceview", "analyze", "--quiet", "--json"]
    rows = []
    for path in (default, ndjson):
        seconds, rss = timed([*analyze, str(args.dir / "report.json"), str(path)])
        rows.append((f"traceview analyze {path.name}", seconds, rss))
    rg = shutil.which("rg")
    if rg:
        pattern = "|".join(RELEVANT)
        seconds, rss = timed([rg, "-c", pattern, str(default)])
        rows.append((f"rg -c over {default.name}", seconds, rss))
    script = POLARS_SCAN.format(names=RELEVANT)
    seconds, rss = timed([sys.executable, "-c", script, str(ndjson)])
    rows.append((f"polars scan+filter {ndjson.name}", seconds, rss))
    size = default.stat().st_size / 2**20
    print(f"input: {size:.0f} MB default, {ndjson.stat().st_size / 2**20:.0f} MB ndjson")
    for name, seconds, rss in rows:
        print(f"{name:<48} {seconds:8.2f} s   peak RSS {rss:7.0f} MB")
    analyze_default = rows[0][1]
    if rg:
        ratio = analyze_default / rows[2][1]
        print(f"analyze(default) / rg          = {ratio:.1f}x (target <= 5x)")
    print(f"analyze(ndjson) / polars scan  = {rows[1][1] / rows[-1][1]:.1f}x (target <= 1.5x)")
    if not args.keep:
        default.unlink()
        ndjson.unlink()


if __name__ == "__main__":
    main()
