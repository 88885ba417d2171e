"""Benchmark: loading a 1,000,000-row Sotkanet ``/json`` payload.

(a) ours:     ``rrp_data.sotkanet.read_data`` (DuckDB ``read_json`` over the cached file) + the filter/join SQL of
              ``fetch_values`` (gender total, the indicator, value present, joined to the /regions mapping),
              materialised into a DuckDB table;
(b) baseline: ``json.load`` -> ``pandas.DataFrame(list)`` -> the same filter and mapping -> ``DataFrame.to_sql``
              into an in-memory sqlite3 database.

Each measurement runs in its own subprocess, whose peak RSS is the kernel's high-water mark of that process
(``VmHWM`` in ``/proc/self/status``, read by the child as it ends; tracemalloc would miss DuckDB's C++ allocations).
``ru_maxrss`` (``os.wait4``/``RUSAGE_CHILDREN``) is recorded too but is not used: Linux carries the parent's RSS at
fork over the ``exec`` into the child's ``ru_maxrss``, so under pytest it reports the pytest process, not the child.
A third line, for reference only, times the whole ``fetch_values`` over the same payload as a cached response.

The payload: random regions among the real Sotkanet ids (``regions_reference.csv``) and municipality (KUNTA)
ids, years 2000-2024, genders total/male/female, about 2 % of rows without a value.

Run:  ``.venv/bin/python tests/benchmarks/bench_sotkanet_load.py [--rows N] [--rounds R]``  (prints a table)
 or:  ``make bench`` / ``.venv/bin/python -m pytest tests/benchmarks/bench_sotkanet_load.py --benchmark-only -o addopts=""``
Results go to ``tests/artifacts/bench_sotkanet.json``. Goal: ours at least as fast as the baseline, under 1 GB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
ROOT = TESTS.parent
for _p in (str(ROOT), str(TESTS)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

ARTIFACT = TESTS / "artifacts" / "bench_sotkanet.json"
ROWS = 1_000_000
INDICATOR = 5548
GOAL_PEAK_MB = 1024
# Municipalities as Sotkanet lists them next to the counties (ids not in our regions table).
EXTRA_KUNTA_IDS = list(range(100, 400, 10))


def all_regions() -> list[dict]:
    from sotkanet_helpers import regions_payload

    extra = [{"id": i, "code": f"{i:03d}", "category": "KUNTA", "title": {"fi": f"Kunta {i}"}} for i in EXTRA_KUNTA_IDS]
    return regions_payload(extra=extra)


def mapping() -> dict[int, str]:
    """Sotkanet id -> our region_code, as ``fetch_values`` derives it from ``/regions``."""
    from sotkanet_helpers import region_ids

    import rrp_data.sotkanet as sk

    return sk.region_map(all_regions(), set(region_ids()))


def generate_payload(path: Path, rows: int = ROWS, seed: int = 5548) -> Path:
    """Write a Sotkanet-shaped JSON array of ``rows`` rows to ``path`` (streamed in chunks)."""
    from sotkanet_helpers import KUNTA_IDS, regions_payload

    rng = random.Random(seed)
    ids = [r["id"] for r in regions_payload() if r["category"] in ("MAA", "HYVINVOINTIALUE", "SAIRAANHOITOPIIRI")]
    pool = ids + KUNTA_IDS + EXTRA_KUNTA_IDS
    genders = ("total", "male", "female")
    chunk = 50_000
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        done = 0
        while done < rows:
            n = min(chunk, rows - done)
            batch = []
            for _ in range(n):
                row = {"indicator": INDICATOR, "region": rng.choice(pool), "year": rng.randint(2000, 2024), "gender": rng.choice(genders)}
                if rng.random() >= 0.02:
                    row["value"] = round(rng.uniform(0, 100), 1)
                    row["absValue"] = rng.randint(0, 50_000)
                batch.append(row)
            text = json.dumps(batch, separators=(",", ":"))[1:-1]
            fh.write(("," if done else "") + text)
            done += n
        fh.write("]")
    return path


# -- the two measured paths ----------------------------------------------------------------------------------------
def run_ours(path: Path, region_map: dict[int, str]) -> tuple[int, float]:
    """read_data + fetch_values' filter/join SQL, materialised into a DuckDB table. Returns (rows, sum of values)."""
    import duckdb

    import rrp_data.sotkanet as sk

    con = duckdb.connect()
    try:
        sk.read_data(path, con).create_view("d")
        con.execute("CREATE TEMP TABLE map(region INTEGER, region_code VARCHAR)")
        con.executemany("INSERT INTO map VALUES (?, ?)", list(region_map.items()))
        con.execute(
            """CREATE TABLE indicator_values AS
               SELECT m.region_code, d.year, d.value FROM d JOIN map AS m USING (region)
               WHERE d.gender = 'total' AND d.indicator = ? AND d.value IS NOT NULL
               ORDER BY m.region_code, d.year""",
            [INDICATOR],
        )
        n, total = con.execute("SELECT count(*), sum(value) FROM indicator_values").fetchone()
    finally:
        con.close()
    return int(n), float(total)


def run_baseline(path: Path, region_map: dict[int, str]) -> tuple[int, float]:
    """json.load -> DataFrame(list) -> filter -> to_sql into sqlite3 (in memory). Returns (rows, sum of values)."""
    import sqlite3

    import pandas as pd

    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    df = pd.DataFrame(data)
    del data
    df = df[(df["gender"] == "total") & (df["indicator"] == INDICATOR) & df["value"].notna()]
    df = df.assign(region_code=df["region"].map(region_map)).dropna(subset=["region_code"])
    df = df[["region_code", "year", "value"]].sort_values(["region_code", "year"])
    con = sqlite3.connect(":memory:")
    try:
        df.to_sql("indicator_values", con, index=False)
        n, total = con.execute("SELECT count(*), sum(value) FROM indicator_values").fetchone()
    finally:
        con.close()
    return int(n), float(total)


def run_ours_full(path: Path, region_map: dict[int, str]) -> tuple[int, float]:
    """For reference, the whole ``fetch_values`` over a cached payload: cache check (a count), the unknown-id scan,
    the rows query, the missing-value count and the Python row dicts. Not part of the ratio."""
    import shutil

    import rrp_data.sotkanet as sk

    cache = path.with_name(path.name + ".cache")
    cache.mkdir(exist_ok=True)
    meta = {"url": "bench", "params": [], "retrieved_at": "2026-01-01T00:00:00+00:00"}
    if not (cache / "data_5548.json").exists():
        shutil.copyfile(path, cache / "data_5548.json")
        (cache / "regions.json").write_text(json.dumps(all_regions()), encoding="utf-8")
        for name in ("data_5548", "regions"):
            (cache / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    client = sk.Client(url="http://127.0.0.1:9", cache_dir=cache, log=lambda _m: None)
    result = sk.fetch_values(client, set(region_map.values()), set())
    return len(result.rows), sum(r["value"] for r in result.rows)


METHODS = {"ours": run_ours, "baseline": run_baseline, "ours_full": run_ours_full}


def _child(method: str, path: Path) -> None:
    """Subprocess body: import that path's libraries (not timed), run it once, print seconds and result as JSON.

    ``idle:<method>`` only imports, giving the floor of that path's RSS. The region mapping is read from
    ``<payload>.map.json`` (written by the parent) so the baseline child never imports DuckDB.
    """
    if "ours" in method:
        import duckdb  # noqa: F401

        import rrp_data.sotkanet  # noqa: F401
    else:
        import sqlite3  # noqa: F401

        import pandas  # noqa: F401
    if method.startswith("idle:"):
        print(json.dumps({"seconds": 0.0, "rows_out": 0, "sum": 0.0, "vmhwm_mb": _vmhwm_mb()}))
        return
    region_map = {int(k): v for k, v in json.loads(_map_file(path).read_text(encoding="utf-8")).items()}
    started = time.perf_counter()
    n, total = METHODS[method](path, region_map)
    print(json.dumps({"seconds": time.perf_counter() - started, "rows_out": n, "sum": total, "vmhwm_mb": _vmhwm_mb()}))


def _vmhwm_mb() -> float | None:
    """Peak RSS of this process (its own address space since exec), in MB; None where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _map_file(path: Path) -> Path:
    return path.with_name(path.name + ".map.json")


def measure(method: str, path: Path) -> dict:
    """Run one measurement in a fresh subprocess; return its timing, result and peak RSS (MB)."""
    if not _map_file(path).exists():
        _map_file(path).write_text(json.dumps(mapping()), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--child", method, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = proc.stdout.read(), proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{method} child failed ({proc.returncode}):\n{err}")
    res = json.loads(out.strip().splitlines()[-1])
    res["wait4_ru_maxrss_mb"] = usage.ru_maxrss / 1024  # Linux: KiB; includes the parent's RSS at fork
    res["peak_rss_mb"] = res["vmhwm_mb"] if res.get("vmhwm_mb") is not None else res["wait4_ru_maxrss_mb"]
    return res


def compare(path: Path, rows: int, rounds: int = 3) -> dict:
    """Alternate ours/baseline/ours_full ``rounds`` times, each in a subprocess; summarise and write the artifact."""
    import duckdb
    import pandas as pd

    runs: dict[str, list[dict]] = {"ours": [], "baseline": [], "ours_full": []}
    idle = {m: measure(f"idle:{m}", path)["peak_rss_mb"] for m in runs}
    for _ in range(rounds):
        for method in runs:
            runs[method].append(measure(method, path))
    summary: dict[str, dict] = {}
    for method, rs in runs.items():
        secs = [r["seconds"] for r in rs]
        summary[method] = {
            "seconds_best": min(secs),
            "seconds_median": statistics.median(secs),
            "rows_per_s": rows / statistics.median(secs),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in rs),
            "import_only_rss_mb": idle[method],
            "rows_out": rs[0]["rows_out"],
            "sum_of_values": rs[0]["sum"],
        }
    ours, base, full = summary["ours"], summary["baseline"], summary["ours_full"]
    for other in (ours, full):
        if other["rows_out"] != base["rows_out"] or abs(other["sum_of_values"] - base["sum_of_values"]) > 1e-6 * abs(base["sum_of_values"]):
            raise AssertionError(f"the paths disagree: {other} vs {base}")
    result = {
        "rows_in": rows,
        "payload_mb": path.stat().st_size / 1e6,
        "rounds": rounds,
        "ours": ours,
        "baseline": base,
        "ratio_rows_per_s_ours_over_baseline": ours["rows_per_s"] / base["rows_per_s"],
        "ours_full": full,
        "ratio_rows_per_s_ours_full_over_baseline": full["rows_per_s"] / base["rows_per_s"],
        "goal": {
            "ours_at_least_as_fast": ours["rows_per_s"] >= base["rows_per_s"],
            "ours_peak_under_1gb": ours["peak_rss_mb"] < GOAL_PEAK_MB,
        },
        "environment": {
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
            "pandas": pd.__version__,
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        },
    }
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def table(result: dict) -> str:
    lines = [
        f"Sotkanet /json payload: {result['rows_in']:,} rows, {result['payload_mb']:.1f} MB; median of {result['rounds']} run(s),"
        " each in its own subprocess",
        f"{'path':<34} {'median s':>9} {'best s':>8} {'rows/s':>12} {'peak RSS MB':>12} {'(imports)':>10} {'rows kept':>10}",
    ]
    names = {
        "ours": "ours: read_data + SQL -> DuckDB",
        "baseline": "baseline: json+pandas -> sqlite3",
        "ours_full": "(ref) whole fetch_values, cached",
    }
    for key in ("ours", "baseline", "ours_full"):
        r = result[key]
        lines.append(
            f"{names[key]:<34} {r['seconds_median']:>9.2f} {r['seconds_best']:>8.2f} {r['rows_per_s']:>12,.0f} "
            f"{r['peak_rss_mb']:>12.0f} {r['import_only_rss_mb']:>10.0f} {r['rows_out']:>10,}"
        )
    lines.append(f"ratio ours/baseline (rows/s): {result['ratio_rows_per_s_ours_over_baseline']:.2f}x "
                 "(rows/s = input rows / median seconds; '(imports)' = RSS of a child that only imports that path's libraries)")
    g = result["goal"]
    lines.append(f"goal: at least as fast {'OK' if g['ours_at_least_as_fast'] else 'MISSED'}, "
                 f"under 1 GB peak {'OK' if g['ours_peak_under_1gb'] else 'MISSED'}; written to {ARTIFACT}")
    return "\n".join(lines)


# -- pytest wrapper (collected only with --benchmark-only, see tests/benchmarks/conftest.py) ------------------------
def test_bench_sotkanet_load(benchmark, tmp_path):
    path = generate_payload(tmp_path / "sotkanet_1m.json", ROWS)
    region_map = mapping()
    n, _total = benchmark.pedantic(run_ours, args=(path, region_map), rounds=3, iterations=1, warmup_rounds=0)
    assert n > 0
    result = compare(path, ROWS, rounds=1)
    print("\n" + table(result))
    benchmark.extra_info.update(
        {
            "rows_in": ROWS,
            "ours_rows_per_s": result["ours"]["rows_per_s"],
            "baseline_rows_per_s": result["baseline"]["rows_per_s"],
            "ratio": result["ratio_rows_per_s_ours_over_baseline"],
            "ours_peak_rss_mb": result["ours"]["peak_rss_mb"],
            "baseline_peak_rss_mb": result["baseline"]["peak_rss_mb"],
            "whole_fetch_values_rows_per_s": result["ours_full"]["rows_per_s"],
        }
    )
    assert result["goal"]["ours_at_least_as_fast"], table(result)
    assert result["goal"]["ours_peak_under_1gb"], table(result)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=ROWS)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--payload", type=Path, help="reuse this payload file instead of generating one")
    ap.add_argument("--child", nargs=2, metavar=("METHOD", "PAYLOAD"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_sotkanet_") as tmp:
        if args.payload:
            import rrp_data.sotkanet as sk

            path = args.payload
            rows = sk.read_data(path).count("*").fetchall()[0][0]
        else:
            started = time.perf_counter()
            path = generate_payload(Path(tmp) / "sotkanet.json", args.rows)
            rows = args.rows
            print(f"generated {rows:,} rows ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
        result = compare(path, rows, rounds=args.rounds)
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
