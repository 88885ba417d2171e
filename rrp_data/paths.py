"""Where things live. Everything is relative to the repository root unless overridden by env."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT / "data" / "sources"
QUERIES_DIR = ROOT / "queries"
SCHEMA_DIR = QUERIES_DIR / "schema"
TESTS_SQL_DIR = QUERIES_DIR / "tests"
SOTKANET_CACHE_DIR = ROOT / "data" / "sotkanet_cache"
DEFAULT_DB = ROOT / "data" / "rrp.duckdb"


def db_path() -> Path:
    """The database the app reads and the build writes (env ``RRP_DB`` overrides)."""
    env = os.environ.get("RRP_DB")
    return Path(env) if env else DEFAULT_DB
