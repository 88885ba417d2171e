"""Benchmark: each page's warm script time with AppTest, against an empty page run in the same process
(goal: every page within 3x the empty page). Run: ``.venv/bin/python tests/benchmarks/bench_pages.py``.
Writes tests/artifacts/bench_pages.json."""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from streamlit.testing.v1 import AppTest  # noqa: E402

from rrp_data.build import build  # noqa: E402
from rrp_data.paths import ROOT, SOURCES_DIR  # noqa: E402

PAGES = ["home", "edistyminen", "pilari3", "inv1_hoitoon_paasy", "inv2_hyte", "inv3_tietopohja", "inv4_digi",
         "alueet", "hankesuunnitelmat", "tietolahteet"]
EMPTY_PAGE = "import streamlit as st\nst.title('Tyhjä sivu')\n"


def _warm_time(at: AppTest, repeat: int = 5) -> float:
    at.run()  # cold: imports, caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, at.exception
    return statistics.median(times)


def measure() -> dict:
    db = Path(tempfile.mkdtemp()) / "rrp.duckdb"
    build(SOURCES_DIR, db, log=lambda _m: None)
    os.environ["RRP_DB"] = str(db)
    empty = _warm_time(AppTest.from_string(EMPTY_PAGE, default_timeout=60))
    out = {"empty_page_seconds": round(empty, 4), "pages": {}}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.switch_page(f"pages/{page}.py")
        s = _warm_time(at)
        out["pages"][page] = {"seconds": round(s, 4), "ratio_to_empty": round(s / empty, 1)}
    out["all_within_3x"] = all(v["ratio_to_empty"] <= 3 for v in out["pages"].values())
    return out


def test_bench_pages(benchmark):
    db = Path(tempfile.mkdtemp()) / "rrp.duckdb"
    build(SOURCES_DIR, db, log=lambda _m: None)
    os.environ["RRP_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/inv4_digi.py")
    at.run()
    benchmark.pedantic(at.run, rounds=5, iterations=1)


if __name__ == "__main__":
    result = measure()
    path = ROOT / "tests" / "artifacts" / "bench_pages.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2))
    print(f"empty page: {result['empty_page_seconds']} s")
    for page, v in result["pages"].items():
        print(f"{page:22} {v['seconds']:8.4f} s  {v['ratio_to_empty']:5.1f}x")
    print("all within 3x:", result["all_within_3x"])
