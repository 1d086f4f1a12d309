"""Time traceview's readers on real-sized inputs against simple baselines.

    python3 bench/read_bench.py PATH [PATH...]

For each path, in a fresh subprocess (so peak RSS is the reader's own): wall time and peak RSS of
`read_inputs([path])` (relevant events only, the `analyze` setting); `rg -c` for the relevant
process names over the same file (when ripgrep is installed); and for NDJSON a bare polars
scan-and-filter baseline. Ratios are traceview / baseline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))

from traceview.relevance import DAEMON_PROCESSES  # noqa: E402

READER = """
import json, resource, sys, time
from traceview.sources import read_inputs
start = time.perf_counter()
result = read_inputs([sys.argv[1]])
wall = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
c = result.counts
print(json.dumps({"wall": wall, "peak_mb": peak_mb, "format": result.inputs[0].format,
                  "lines": c.lines_total, "events": c.events, "kept": len(result.events)}))
"""

POLARS_NDJSON = """
import json, resource, sys, time
import polars as pl
names = sys.argv[2].split(",")
start = time.perf_counter()
lines = pl.scan_csv(sys.argv[1], has_header=False, separator="\\x1f", quote_char=None,
                    new_columns=["text"], schema_overrides={"text": pl.String})
kept = lines.filter(pl.col("text").str.contains_any(names)).collect()
wall = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "peak_mb": peak_mb, "kept": len(kept)}))
"""


def run_json(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, check=True)
    return json.loads(done.stdout)


def time_rg(path: Path) -> float | None:
    rg = shutil.which("rg")
    if rg is None:
        return None
    pattern = "|".join(DAEMON_PROCESSES)
    args = [rg, "-c", "-z", "-e", pattern, str(path)]
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False)
    return time.perf_counter() - start


def bench(path: Path) -> None:
    size_mb = path.stat().st_size / 1e6
    ours = run_json(READER, str(path))
    print(f"{path}  ({size_mb:.0f} MB, {ours['format']}, {ours['lines']:,} lines)")
    print(
        f"  traceview read_inputs: {ours['wall']:.2f} s  ({size_mb / ours['wall']:.0f} MB/s, "
        f"{ours['lines'] / ours['wall'] / 1000:.0f}k lines/s), "
        f"peak RSS {ours['peak_mb']:.0f} MB, {ours['events']:,} events, {ours['kept']:,} kept"
    )
    rg = time_rg(path)
    if rg is not None:
        print(f"  rg -c (process names): {rg:.2f} s   ratio {ours['wall'] / rg:.1f}x")
    if ours["format"].startswith("ndjson") and not ours["format"].endswith(".gz"):
        names = ",".join(f'{name}"' for name in DAEMON_PROCESSES)
        base = run_json(POLARS_NDJSON, str(path), names)
        ratio = ours["wall"] / base["wall"]
        print(
            f"  polars scan+filter:    {base['wall']:.2f} s   ratio {ratio:.1f}x"
            f"  (peak RSS {base['peak_mb']:.0f} MB)"
        )


def main(paths: list[str]) -> None:
    if not paths:
        sys.exit("usage: python3 bench/read_bench.py PATH [PATH...]")
    for path in paths:
        bench(Path(path))


if __name__ == "__main__":
    main(sys.argv[1:])
