"""The one way to run SQL: named .sql files under ``queries/`` with bound parameters.

``run(con, "inv4/digital_share_by_county", {"regions": [...]})`` reads
``queries/inv4/digital_share_by_county.sql`` and executes it with DuckDB's ``$name`` parameters.
Names are checked against a strict pattern, so no caller can smuggle SQL in through a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from .paths import QUERIES_DIR

_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")


class UnknownQuery(KeyError):  # noqa: N818 - reads better at call sites
    pass


@lru_cache(maxsize=256)
def sql_text(name: str, root: Path = QUERIES_DIR) -> str:
    if not _NAME.match(name):
        raise UnknownQuery(f"invalid query name {name!r}")
    path = root / f"{name}.sql"
    if not path.is_file():
        raise UnknownQuery(f"no query file {path}")
    return path.read_text(encoding="utf-8")


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    sql = sql_text(name)
    if params:
        return con.execute(sql, params).df()
    return con.execute(sql).df()


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open the database read-only (the app never writes)."""
    return duckdb.connect(str(path), read_only=True)


def all_query_names(root: Path = QUERIES_DIR) -> list[str]:
    """Page queries (schema and data tests excluded)."""
    names = []
    for p in sorted(root.rglob("*.sql")):
        rel = p.relative_to(root).with_suffix("").as_posix()
        if rel.split("/")[0] in ("schema", "tests"):
            continue
        names.append(rel)
    return names
