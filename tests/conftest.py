"""Shared fixtures: one database built from the shipped sources per test session, and AppTest helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rrp_data.build import build
from rrp_data.paths import ROOT, SOURCES_DIR


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


def run_page(page: str, params: dict[str, str] | None = None, timeout: float = 60):
    """Run app.py, switch to ``pages/<page>.py`` (with query params) and return the AppTest."""
    from streamlit.testing.v1 import AppTest

    assert os.environ.get("RRP_DB"), "use the app_db fixture"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.switch_page(f"pages/{page}.py")
    at.run()
    return at


def texts(at) -> str:
    """All visible text of an AppTest run (markdown, captions, metrics, headers, infos, warnings)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error", "text"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)
