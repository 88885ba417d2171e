"""Benchmark: build time of the shipped data (goal: under 2 s), against a same-run baseline of merely reading
every source CSV with pandas (what any loader has to do at least).

Run: ``make bench`` or ``.venv/bin/python tests/benchmarks/bench_build.py``. Writes tests/artifacts/bench_build.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rrp_data.build import build  # noqa: E402
from rrp_data.paths import ROOT, SOURCES_DIR  # noqa: E402


def _time(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def measure() -> dict:
    tmp = Path(tempfile.mkdtemp())

    def do_build():
        build(SOURCES_DIR, tmp / "rrp.duckdb", log=lambda _m: None)

    def read_csvs():
        for p in SOURCES_DIR.glob("*.csv"):
            pd.read_csv(p, dtype=str)

    do_build()  # warm imports
    build_s = _time(do_build)
    baseline_s = _time(read_csvs)
    return {
        "build_seconds": round(build_s, 3),
        "baseline_read_csv_seconds": round(baseline_s, 4),
        "ratio_build_to_baseline": round(build_s / baseline_s, 1),
        "goal_build_under_2s": build_s < 2.0,
    }


def test_bench_build(benchmark):
    tmp = Path(tempfile.mkdtemp())
    benchmark.pedantic(lambda: build(SOURCES_DIR, tmp / "rrp.duckdb", log=lambda _m: None), rounds=5, iterations=1)


if __name__ == "__main__":
    result = measure()
    out = ROOT / "tests" / "artifacts" / "bench_build.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    for k, v in result.items():
        print(f"{k:32} {v}")
