"""Shared helpers for the data-layer tests (test_validation, test_build, test_parsing).

Not a conftest: test modules import what they need (``from data_helpers import ...``) and define their own
module-scoped fixtures on top of :func:`build_good_db`, so the shipped sources are built once per module.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb

from rrp_data.__main__ import main
from rrp_data.paths import SOURCES_DIR

TESTS_DIR = Path(__file__).resolve().parent
FIXTURES_DIR = TESTS_DIR / "fixtures"
DB_NAME = "rrp.duckdb"


def copy_sources(dst: Path) -> Path:
    """Copy the shipped ``data/sources`` (CSV files and README) into ``dst`` and return it."""
    shutil.copytree(SOURCES_DIR, dst)
    return dst


def run_build(sources: Path, db: Path) -> int:
    """``python -m rrp_data build --sources <sources> --db <db>`` in-process; returns the exit code."""
    return main(["build", "--sources", str(sources), "--db", str(db)])


def build_good_db(folder: Path) -> Path:
    """Build the shipped sources into ``folder/rrp.duckdb`` (must succeed) and return the db path."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / DB_NAME
    rc = run_build(SOURCES_DIR, db)
    assert rc == 0, "the shipped data/sources must build"
    return db


def copy_db(good_db: Path, folder: Path) -> Path:
    """Byte-copy a built database into an otherwise empty ``folder``; return the copy's path."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / DB_NAME
    shutil.copyfile(good_db, db)
    return db


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def stray_files(db: Path) -> list[str]:
    """Files next to ``db`` other than the db itself (temp files or a WAL left by a failed build)."""
    return sorted(p.name for p in db.parent.iterdir() if p.name != db.name)


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


# --- editing source files -----------------------------------------------------------------------


def read_lines(path: Path) -> list[str]:
    """Physical lines (with their line ends) of a UTF-8 file, as the validator counts them."""
    return io.StringIO(path.read_bytes().decode("utf-8"), newline="").readlines()


def line_of(path: Path, startswith: str) -> int:
    """1-based number of the only physical line that starts with ``startswith``."""
    hits = [i for i, line in enumerate(read_lines(path), start=1) if line.startswith(startswith)]
    assert len(hits) == 1, f"{path.name}: expected exactly one line starting with {startswith!r}, found {hits}"
    return hits[0]


def edit_line(path: Path, startswith: str, change: Callable[[str], str]) -> int:
    """Replace the only line starting with ``startswith`` by ``change(line)``; return its line number."""
    lineno = line_of(path, startswith)
    lines = read_lines(path)
    new = change(lines[lineno - 1])
    assert new != lines[lineno - 1], "the edit changed nothing"
    lines[lineno - 1] = new
    path.write_bytes("".join(lines).encode("utf-8"))
    return lineno


def replace_in_line(path: Path, startswith: str, old: str, new: str) -> int:
    """In the only line starting with ``startswith`` replace the first ``old`` by ``new``; return the line number."""

    def change(line: str) -> str:
        assert old in line, f"{old!r} not in {line!r}"
        return line.replace(old, new, 1)

    return edit_line(path, startswith, change)


def append_row(path: Path, row: str) -> int:
    """Append one CSV row (without line end); return its line number."""
    text = path.read_bytes().decode("utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_bytes((text + row + "\n").encode("utf-8"))
    return len(read_lines(path))
