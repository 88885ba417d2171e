"""Shared fixtures: one database built from the shipped sources per test session, and AppTest helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from rrp_data.build import build
from rrp_data.paths import SOURCES_DIR


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from data/sources into a temp path (never touches data/rrp.duckdb)."""
    db = tmp_path_factory.mktemp("db") / "rrp.duckdb"
    build(SOURCES_DIR, db, log=lambda _m: None)
    return db


@pytest.fixture()
def app_db(shipped_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RRP_DB", str(shipped_db))
    return shipped_db
