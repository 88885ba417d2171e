"""Build ``data/rrp.duckdb`` atomically from the validated source tables (and optionally Sotkanet).

Steps: validate all CSVs -> (optional) merge Sotkanet values -> write a temp file next to the target ->
run the DDL and insert -> run data tests -> ``os.replace`` over the target. Any failure removes the temp
file and leaves the previous database byte-identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from . import parsing
from .datatests import run_data_tests
from .paths import SCHEMA_DIR, SOURCES_DIR
from .tables import TABLES
from .validate import LoadedTable, load_sources


class BuildError(Exception):
    """The build failed; the message says why. The previous database is untouched."""


@dataclass
class BuildReport:
    db: Path
    rows: dict[str, int]
    messages: list[str] = field(default_factory=list)
    tests_run: int = 0


def sources_digest(sources_dir: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(sources_dir.glob("*.csv")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _frame(lt: LoadedTable) -> pd.DataFrame:
    cols = lt.table.column_names
    return pd.DataFrame.from_records(lt.rows, columns=cols) if lt.rows else pd.DataFrame({c: [] for c in cols})


def _periods(loaded: dict[str, LoadedTable]) -> pd.DataFrame:
    seen: set[str] = set()
    for lt in loaded.values():
        for col in lt.table.columns:
            if col.type == "period":
                seen.update(r[col.name] for r in lt.rows if r[col.name])
    recs = []
    for p in sorted(seen):
        start, end = parsing.parse_period(p)
        recs.append(
            {"period": p, "kind": parsing.period_kind(p), "start_date": start, "end_date": end, "label_fi": parsing.period_label_fi(p)}
        )
    return pd.DataFrame.from_records(recs, columns=["period", "kind", "start_date", "end_date", "label_fi"])


def write_database(
    target: Path,
    loaded: dict[str, LoadedTable],
    info: dict[str, str],
    extra: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> BuildReport:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB must create the file itself
    report = BuildReport(db=target, rows={})
    try:
        con = duckdb.connect(str(tmp))
        try:
            for sql_file in sorted(SCHEMA_DIR.glob("0[0-1]*.sql")):
                con.execute(sql_file.read_text(encoding="utf-8"))
            # Insert in spec order: referenced tables come first.
            for table in TABLES:
                df = _frame(loaded[table.name])
                con.register("_incoming", df)
                con.execute(f"INSERT INTO src.{table.name} SELECT * FROM _incoming")  # noqa: S608 - spec names
                con.unregister("_incoming")
                report.rows[table.name] = len(df)
            periods = _periods(loaded)
            con.register("_periods", periods)
            con.execute("INSERT INTO src.periods SELECT * FROM _periods")
            con.unregister("_periods")
            if extra:
                extra(con)
            info = {**info, "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
            con.executemany("INSERT INTO src.build_info VALUES (?, ?)", sorted(info.items()))
            for sql_file in sorted(SCHEMA_DIR.glob("0[2-9]*.sql")):
                con.execute(sql_file.read_text(encoding="utf-8"))
            results = run_data_tests(con)
            report.tests_run = len(results)
            failed = [r for r in results if not r.ok]
            if failed:
                lines = [f"  - {r.name}: {len(r.failures)} failing row(s), e.g. {r.failures[:3]}" for r in failed]
                raise BuildError("data tests failed:\n" + "\n".join(lines))
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, target)
    except BaseException:
        for p in (tmp, Path(str(tmp) + ".wal")):
            if p.exists():
                p.unlink()
        raise
    return report


def build(
    sources_dir: Path = SOURCES_DIR,
    db: Path | None = None,
    sotkanet: bool = False,
    refresh: bool = False,
    log: Callable[[str], None] = print,
) -> BuildReport:
    from .paths import db_path

    target = Path(db) if db else db_path()
    loaded = load_sources(Path(sources_dir))  # raises ValidationError
    info: dict[str, Any] = {"sources_digest": sources_digest(Path(sources_dir)), "sotkanet": "not requested"}
    messages: list[str] = []
    if sotkanet:
        from . import sotkanet as sk

        result = sk.load_into(loaded, refresh=refresh, log=log)
        info["sotkanet"] = result.summary
        messages.extend(result.messages)
    report = write_database(target, loaded, {k: str(v) for k, v in info.items()})
    report.messages = messages
    return report
