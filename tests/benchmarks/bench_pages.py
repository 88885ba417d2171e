"""Benchmark: each page's warm script time with AppTest, against an empty page run in the same process
(goal: every page within 3x the empty page). Run: ``.venv/bin/python tests/benchmarks/bench_pages.py``.
Writes tests/artifacts/bench_pages.json.

Two baselines are measured in the same run:
- ``empty_app_page``: an empty page inside the app's own frame (``rrp_data.shell.main``: page config,
  language switch, navigation with every page listed). This is the goal's baseline: what a page costs on
  top of the app it lives in.
- ``bare_script``: a bare one-line Streamlit script, for reference (no navigation, no sidebar widgets).
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import apptest_helpers  # noqa: E402,F401  (pages run inside the shell, as on the server)
import streamlit.testing.v1.app_test as app_test_module  # noqa: E402
import streamlit.testing.v1.local_script_runner as local_runner_module  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from rrp_data.build import build  # noqa: E402
from rrp_data.paths import ROOT, SOURCES_DIR  # noqa: E402

PAGES = ["home", "edistyminen", "muutokset", "tavoitevauhti", "pilari3", "inv1_hoitoon_paasy", "inv2_hyte", "inv3_tietopohja", "inv4_digi",
         "alueet", "hankesuunnitelmat", "tietolahteet"]
BARE_SCRIPT = "import streamlit as st\nst.title('Tyhjä sivu')\n"
# The real app with one more page, empty, selected by default.
EMPTY_APP_PAGE = """
import streamlit as st
from app import PAGES
from rrp_data import shell

def empty():
    st.title("Tyhjä sivu")

from rrp_data.paths import ROOT
pages = {group: [(str(ROOT / p), t, i, u, False) for p, t, i, u, _ in rows] for group, rows in PAGES.items()}
pages["nav.ohjelma"] = [(empty, "page.home", ":material/flag:", "tyhja", True), *pages["nav.ohjelma"]]
shell.main(pages)
"""


def _server_like_script_cache() -> None:
    """AppTest makes new ScriptCaches on every run, so each rerun re-reads, re-parses and re-compiles app.py and
    the page file (4-20 ms here) — a cost a running server pays once per file change, not per rerun, and one the
    empty page (a function) never pays. One shared cache, as on the server, makes the comparison fair."""
    shared = ScriptCache()
    app_test_module.ScriptCache = lambda: shared  # page files (through the pages manager)
    local_runner_module.ScriptCache = lambda: shared  # the main script (app.py), compiled by the runner


def _timed_run(at: AppTest) -> float:
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    assert not at.exception, at.exception
    return elapsed


def measure(rounds: int = 60, pages: list[str] | None = None) -> dict:
    """Warm rerun times, interleaved: each round reruns the baselines and every page once, so a slow moment of
    the machine hits all of them alike; the medians over the rounds are compared. 60 rounds: with 25 the
    ratios of the same code moved by up to ±0,3 between runs on a 2-core machine, with 60 by about ±0,05."""
    _server_like_script_cache()
    logging.disable(logging.WARNING)  # "missing ScriptRunContext" from the build outside a session
    db = Path(tempfile.mkdtemp()) / "rrp.duckdb"
    build(SOURCES_DIR, db, log=lambda _m: None)
    os.environ["RRP_DB"] = str(db)
    apps = {"bare": AppTest.from_string(BARE_SCRIPT, default_timeout=60),
            "empty": AppTest.from_string(EMPTY_APP_PAGE, default_timeout=60)}
    pages = pages or PAGES
    for page in pages:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()  # the first run registers st.navigation's pages; then switch as a user would
        at.switch_page(f"pages/{page}.py")
        apps[page] = at
    for at in apps.values():
        at.run()  # cold: imports, caches
        at.run()
    times: dict[str, list[float]] = {name: [] for name in apps}
    for _ in range(rounds):
        for name, at in apps.items():
            times[name].append(_timed_run(at))
    med = {name: statistics.median(ts) for name, ts in times.items()}
    bare, empty = med["bare"], med["empty"]
    out = {"rounds": rounds, "empty_page_seconds": round(empty, 4), "bare_script_seconds": round(bare, 4), "pages": {}}
    for page in pages:
        s = med[page]
        q1, _, q3 = statistics.quantiles(times[page], n=4)
        out["pages"][page] = {
            "seconds": round(s, 4), "ratio_to_empty": round(s / empty, 2), "ratio_to_bare": round(s / bare, 1),
            "quartiles_seconds": [round(q1, 4), round(q3, 4)],
        }
    out["all_within_3x"] = all(v["ratio_to_empty"] <= 3 for v in out["pages"].values())
    return out


def test_bench_pages(benchmark):
    db = Path(tempfile.mkdtemp()) / "rrp.duckdb"
    build(SOURCES_DIR, db, log=lambda _m: None)
    os.environ["RRP_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/inv4_digi.py")
    at.run()
    benchmark.pedantic(at.run, rounds=5, iterations=1)


if __name__ == "__main__":
    chosen = sys.argv[1:]  # optional: page names to measure (default: all; only the full run writes the JSON)
    unknown = [p for p in chosen if p not in PAGES]
    if unknown:
        sys.exit(f"unknown page(s) {unknown}; pages: {PAGES}")
    result = measure(pages=chosen or None)
    path = ROOT / "tests" / "artifacts" / ("bench_pages.json" if not chosen else "bench_pages_partial.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2))
    print(f"empty page in the app: {result['empty_page_seconds']} s   bare script: {result['bare_script_seconds']} s")
    for page, v in result["pages"].items():
        print(f"{page:22} {v['seconds']:8.4f} s  {v['ratio_to_empty']:5.2f}x empty app page  {v['ratio_to_bare']:6.1f}x bare"
              f"  (quartiles {v['quartiles_seconds'][0]:.4f}–{v['quartiles_seconds'][1]:.4f} s)")
    print("all within 3x:", result["all_within_3x"])
