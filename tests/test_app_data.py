"""The app's data access: read-only, cached, and it sees a rebuilt database without a restart."""

import re

import duckdb
import pytest
from apptest_helpers import run_page
from data_helpers import copy_db, copy_sources, replace_in_line, run_build

from rrp_data.query import all_query_names, connect, sql_text


def test_rebuilt_database_is_seen_without_restart(shipped_db, tmp_path, monkeypatch):
    db = copy_db(shipped_db, tmp_path)
    monkeypatch.setenv("RRP_DB", str(db))
    at = run_page("inv4_digi", {"alueet": "06"})
    assert at.table[0].value.iloc[0]["2022"] == 27.6

    # A curator corrects a value and rebuilds while the app holds the old file open.
    sources = copy_sources(tmp_path / "sources")
    replace_in_line(sources / "indicator_values.csv", "sotkanet:5548,06,2022,", ",27.6,", ",27.9,")
    assert run_build(sources, db) == 0

    at.run()
    assert at.table[0].value.iloc[0]["2022"] == 27.9


def test_app_connection_is_read_only(shipped_db):
    con = connect(shipped_db)
    with pytest.raises(duckdb.Error):
        con.execute("CREATE TABLE x (a INT)")
    con.close()


def test_every_page_query_parses_and_runs(shipped_db):
    """Each named query in queries/ (pages' SQL) binds and runs against the shipped data."""
    con = connect(shipped_db)
    defaults = {
        "regions": [], "region": "06", "investment": "P4I4", "investments": ["P4I1", "P4I2"], "period": "2024-Q3",
        "plan_id": "satakunta-2023", "yta": "Länsi-Suomi", "ytas": ["Länsi-Suomi"], "pillar": 4,
        "indicator": "sotkanet:5548", "document": "004_78218330e03c3695.txt", "period_from": "2020",
        "period_to": "2022",
    }
    for name in all_query_names():
        sql = sql_text(name)
        used = set(re.findall(r"\$([a-z_]+)\b", sql))
        unknown = used - defaults.keys()
        assert not unknown, f"{name}: add a test value for parameter(s) {unknown}"
        con.execute(sql, {k: defaults[k] for k in used} or None).fetchall()
    con.close()
