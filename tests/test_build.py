"""Building data/sources into DuckDB: the public views, the reference data, spot values from the documents,
data-test failures and atomic replacement of the database file."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from data_helpers import (
    FIXTURES_DIR,
    append_row,
    build_good_db,
    copy_db,
    copy_sources,
    query,
    replace_in_line,
    run_build,
    sha256,
    stray_files,
)

from rrp_data.paths import SOURCES_DIR
from rrp_data.tables import TABLES

STATUS_FIXTURES = FIXTURES_DIR / "status_lights"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sources built once for this module (read-only use)."""
    return build_good_db(tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="module")
def con(db: Path):
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None):
    rows = con.execute(sql, params or []).fetchall()
    assert len(rows) == 1, f"expected exactly one row, got {rows}"
    return rows[0][0] if len(rows[0]) == 1 else rows[0]


# --- the shipped sources build ----------------------------------------------------------------------


def test_shipped_sources_build(db: Path) -> None:
    assert db.exists()
    assert stray_files(db) == []


def test_every_source_row_is_loaded(con: duckdb.DuckDBPyConnection) -> None:
    for table in TABLES:
        with (SOURCES_DIR / table.file).open(encoding="utf-8", newline="") as f:
            records = [r for r in csv.reader(f) if any(c.strip() for c in r)]
        n = one(con, f"SELECT count(*) FROM src.{table.name}")  # noqa: S608 - names from the spec
        assert n == len(records) - 1, table.name


PUBLIC_VIEWS = {
    "regions": ["region_code", "name_fi", "name_sv", "kind", "yta", "sotkanet_id"],
    "investments": ["investment_code", "pillar", "name_fi", "eu_measure"],
    "indicators": [
        "indicator_code",
        "investment_code",
        "name_fi",
        "unit",
        "baseline",
        "baseline_period",
        "target",
        "target_period",
        "source_ref",
    ],
    "indicator_values": ["indicator_code", "region_code", "period", "value", "source_ref"],
    "progress": ["period", "investment_code", "region_code", "percent", "source_ref"],
    "status_lights": ["period", "investment_code", "region_code", "dimension", "status", "source_ref"],
}


@pytest.mark.parametrize("view", PUBLIC_VIEWS)
def test_public_view_columns(con: duckdb.DuckDBPyConnection, view: str) -> None:
    kind = one(
        con, "SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?", [view]
    )
    assert kind == "VIEW"
    cols = [d[0] for d in con.execute(f"SELECT * FROM {view} LIMIT 0").description]  # noqa: S608
    assert cols == PUBLIC_VIEWS[view]


# --- regions and collaboration areas (YTA, Government decree 91/2022) --------------------------------

YTA = {
    "Pohjois-Suomi": {"Kainuu", "Keski-Pohjanmaa", "Lappi", "Pohjois-Pohjanmaa"},
    "Itä-Suomi": {"Etelä-Savo", "Keski-Suomi", "Pohjois-Karjala", "Pohjois-Savo"},
    "Sisä-Suomi": {"Etelä-Pohjanmaa", "Kanta-Häme", "Pirkanmaa"},
    "Länsi-Suomi": {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"},
    "Etelä-Suomi": {
        "Etelä-Karjala",
        "Helsinki",
        "Itä-Uusimaa",
        "Keski-Uusimaa",
        "Kymenlaakso",
        "Länsi-Uusimaa",
        "Päijät-Häme",
        "Vantaa-Kerava",
    },
}


def test_region_set(con: duckdb.DuckDBPyConnection) -> None:
    rows = dict(con.execute("SELECT region_code, kind FROM regions").fetchall())
    counties = {f"{i:02d}" for i in range(1, 22)}
    assert {c for c, k in rows.items() if k == "county"} == counties
    assert rows["90"] == "city"
    assert rows["91"] == "autonomous"
    assert rows["SSS"] == "country"
    assert rows["HUS"] == "joint_authority"
    assert set(rows) == counties | {"90", "91", "SSS", "HUS"}


def test_yta_membership(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT s.short_name_fi, r.yta FROM regions AS r JOIN src.regions AS s USING (region_code) "
        "WHERE r.kind IN ('county', 'city')"
    ).fetchall()
    actual: dict[str, set[str]] = {}
    for name, yta in rows:
        actual.setdefault(yta, set()).add(name)
    assert actual == YTA
    assert sum(len(v) for v in YTA.values()) == 22  # 21 counties + Helsinki


def test_yta_of_other_regions(con: duckdb.DuckDBPyConnection) -> None:
    ytas = dict(
        con.execute("SELECT region_code, yta FROM regions WHERE region_code IN ('SSS', '91', 'HUS')").fetchall()
    )
    assert ytas == {"SSS": None, "91": None, "HUS": "Etelä-Suomi"}


def test_region_names(con: duckdb.DuckDBPyConnection) -> None:
    names = {r[0]: r[1:] for r in con.execute("SELECT region_code, name_fi, name_sv FROM regions").fetchall()}
    assert names["06"] == ("Satakunnan hyvinvointialue", "Satakunta välfärdsområde")
    assert names["90"] == ("Helsingin kaupunki", "Helsingfors stad")
    assert names["91"] == ("Ahvenanmaa", "Åland")
    assert names["SSS"][0] == "Koko maa"


# --- provenance ---------------------------------------------------------------------------------------


def _relations_with_source_ref(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT DISTINCT table_schema, table_name FROM information_schema.columns "
        "WHERE column_name = 'source_ref' AND table_schema IN ('main', 'src') ORDER BY ALL"
    ).fetchall()
    return [f"{s}.{t}" for s, t in rows]


def test_every_row_has_a_known_source(con: duckdb.DuckDBPyConnection) -> None:
    relations = _relations_with_source_ref(con)
    assert {"main.indicators", "main.indicator_values", "main.progress", "main.status_lights"} <= set(relations)
    checked = 0
    for rel in relations:
        bad = con.execute(
            f"SELECT source_ref FROM {rel} "  # noqa: S608 - names from information_schema
            "WHERE source_ref IS NULL OR trim(source_ref) = '' "
            "   OR trim(split_part(source_ref, ' | ', 2)) = '' "
            "   OR split_part(source_ref, ' | ', 1) NOT IN (SELECT document FROM sources)"
        ).fetchall()
        assert bad == [], f"{rel}: rows without a valid source_ref: {bad[:5]}"
        checked += one(con, f"SELECT count(*) FROM {rel}")  # noqa: S608
    assert checked > 500


# --- spot values, checked against the documents in shared/seeds ---------------------------------------


@pytest.mark.parametrize(
    ("indicator", "region", "period", "value"),
    [
        # 000_67144f3c54588f39.txt "Investoinnin 4 tilanne": Sotkanet ind. 5548 table (2020, 2022)
        ("sotkanet:5548", "06", "2020", 17.6),
        ("sotkanet:5548", "06", "2022", 27.6),
        ("sotkanet:5548", "90", "2022", 51.2),
        ("sotkanet:5548", "SSS", "2020", 25.8),
        ("sotkanet:5548", "SSS", "2022", 36.5),
        ("sotkanet:5548", "91", "2022", 13.7),
        # 001_476e4860c1c29617.txt: "Vuonna 2024 ... 41,9 %"
        ("sotkanet:5548", "SSS", "2024", 41.9),
        # 000_67144f3c54588f39.txt "Hoitoon pääsy hoidon tarpeen arviosta käyntiin, 0–7 vrk" (dia 13)
        ("access7d:all:all", "SSS", "2023", 75),
        ("access7d:all:all", "SSS", "2023-12", 78),
        ("access7d:all:all", "SSS", "2023-10/2023-12", 78.3),
        ("access7d:doctor:physical", "SSS", "2023", 44),
    ],
)
def test_indicator_value(
    con: duckdb.DuckDBPyConnection, indicator: str, region: str, period: str, value: float
) -> None:
    got = one(
        con,
        "SELECT value FROM indicator_values WHERE indicator_code = ? AND region_code = ? AND period = ?",
        [indicator, region, period],
    )
    assert got == pytest.approx(value)


def test_missing_values_are_not_invented(con: duckdb.DuckDBPyConnection) -> None:
    # Åland has only the 2022 column in the 5548 table; Varsinais-Suomi is not in the table at all.
    aland = con.execute(
        "SELECT period FROM indicator_values WHERE indicator_code = 'sotkanet:5548' AND region_code = '91'"
    ).fetchall()
    assert aland == [("2022",)]
    vs = con.execute(
        "SELECT * FROM indicator_values WHERE indicator_code = 'sotkanet:5548' AND region_code = '05'"
    ).fetchall()
    assert vs == []


def test_ips_values(con: duckdb.DuckDBPyConnection) -> None:
    # 003_60821df21df53ca5.txt "Pilari 3 IPS – Sijoita ja valmenna 1/2": 33,4 % and 104/125 pistettä
    assert one(con, "SELECT value FROM indicator_values WHERE indicator_code = 'p3ips:employment_rate'") == 33.4
    assert one(
        con,
        "SELECT value, denominator, unit FROM indicator_values_detail WHERE indicator_code = 'p3ips:fidelity_score'",
    ) == (104, 125, "score")


@pytest.mark.parametrize(
    ("period", "investment", "region", "percent"),
    [
        # 003_60821df21df53ca5.txt "Edistymisprosentit" (Heinäkuu-Syyskuu 2024)
        ("2024-Q3", "P4I2", "05", 90),  # Varsinais-Suomi
        ("2024-Q3", "P4I1", "02", 40),  # Keski-Uusimaa
        ("2024-Q3", "P4I4", "11", 70),  # Etelä-Karjala
        ("2024-Q3", "P3-IPS", "17", 40),  # Pohjanmaa
        ("2024-Q3", "P3-TKO", "09", 90),  # Päijät-Häme
        # 002_d249da5566d77722.txt: "Etelä-Karjala ja Päijät-Häme ... 90%, muut alueet 100%"
        ("2025-Q4", "P4I1", "11", 90),
        ("2025-Q4", "P4I1", "09", 90),
        ("2025-Q4", "P4I1", "08", 100),  # Pirkanmaa
    ],
)
def test_progress(con: duckdb.DuckDBPyConnection, period: str, investment: str, region: str, percent: float) -> None:
    got = one(
        con,
        "SELECT percent FROM progress WHERE period = ? AND investment_code = ? AND region_code = ?",
        [period, investment, region],
    )
    assert got == percent


def test_progress_2025_q4_covers_the_22_project_areas(con: duckdb.DuckDBPyConnection) -> None:
    rows = dict(
        con.execute(
            "SELECT region_code, percent FROM progress WHERE period = '2025-Q4' AND investment_code = 'P4I1'"
        ).fetchall()
    )
    assert len(rows) == 22
    assert {r for r, p in rows.items() if p != 100} == {"09", "11"}


def test_progress_actor(con: duckdb.DuckDBPyConnection) -> None:
    got = one(
        con,
        "SELECT percent FROM progress_actors WHERE period = '2024-Q1' AND investment_code = 'P4I3' "
        "AND actor = 'Sosiaalialan osaamiskeskus'",
    )
    assert got == 100


@pytest.mark.parametrize(("yta", "meur"), [("Etelä-Suomi", 2.61), ("Sisä-Suomi", 1.92)])
def test_research_funding(con: duckdb.DuckDBPyConnection, yta: str, meur: float) -> None:
    # 001_476e4860c1c29617.txt "Investointi 3, Tutkimus"
    assert one(con, "SELECT amount_meur FROM research_funding WHERE yta = ?", [yta]) == meur


def test_innovations(con: duckdb.DuckDBPyConnection) -> None:
    # 000_67144f3c54588f39.txt "Digitaaliset innovaatiot - käyttäjämäärät"
    assert one(
        con, "SELECT user_count, approximate FROM innovations WHERE region_code = '09' AND user_count IS NOT NULL"
    ) == (36633, False)
    assert one(
        con, "SELECT user_count, user_count_text, approximate, region_code FROM innovations WHERE actor = 'THL'"
    ) == (1500, "Noin 1500", True, None)


def test_eu_targets(con: duckdb.DuckDBPyConnection) -> None:
    # 000_67144f3c54588f39.txt: 26 % (2020) -> 30 % (Q4/2023) -> 35 % (Q4/2025); 67 % (1/2020) -> 80 % (Q4/25)
    assert one(
        con,
        "SELECT baseline, baseline_period, interim_target, interim_target_period, target, target_period "
        "FROM eu_targets WHERE indicator_code = 'sotkanet:5548'",
    ) == (26, "2020", 30, "2023-Q4", 35, "2025-Q4")
    assert one(
        con,
        "SELECT baseline, baseline_period, target, target_period FROM eu_targets WHERE indicator_code = 'access7d:all:all'",
    ) == (67, "2020-01", 80, "2025-Q4")


# --- data tests (queries/tests) make the build fail --------------------------------------------------


def _progress_for_whole_country(src: Path) -> None:
    append_row(src / "progress.csv", '2024-Q3,P4I1,SSS,50,,"003_60821df21df53ca5.txt | Edistymisprosentit, Pilari 4"')


def _risk_score_not_product(src: Path) -> None:
    append_row(
        src / "plan_risks.csv",
        "satakunta-2023,R-TEST,Testiriski,2,3,7,,,004_78218330e03c3695.txt | 7.5 Riskit ja niihin varautuminen",
    )


def _county_without_yta(src: Path) -> None:
    replace_in_line(src / "regions.csv", "21,", ",Pohjois-Suomi,", ",,")


@pytest.mark.parametrize(
    ("inject", "test_name"),
    [
        (_progress_for_whole_country, "progress_regions_are_project_areas"),
        (_risk_score_not_product, "risk_scores"),
        (_county_without_yta, "yta_membership"),
    ],
    ids=["progress_region_SSS", "risk_score", "county_without_yta"],
)
def test_failing_data_test_keeps_old_db(
    inject, test_name: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = copy_sources(tmp_path / "sources")
    inject(src)
    target = copy_db(db, tmp_path / "db")
    before = sha256(target)
    capsys.readouterr()

    rc = run_build(src, target)

    err = capsys.readouterr().err
    assert rc == 1
    assert f"Build failed; {target} was not changed." in err
    assert "data tests failed:" in err
    assert f"  - {test_name}: 1 failing row(s)" in err
    assert sha256(target) == before
    assert stray_files(target) == []


# --- status_lights fixtures ----------------------------------------------------------------------------


def _sources_with_status_lights(tmp_path: Path, fixture: str) -> Path:
    src = copy_sources(tmp_path / "sources")
    shutil.copyfile(STATUS_FIXTURES / fixture, src / "status_lights.csv")
    return src


def _fixture_rows(fixture: str) -> list[tuple]:
    with (STATUS_FIXTURES / fixture).open(encoding="utf-8", newline="") as f:
        return sorted(tuple(r.values()) for r in csv.DictReader(f))


def test_status_lights_fixture_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _sources_with_status_lights(tmp_path, "status_lights.csv")
    target = tmp_path / "db" / "rrp.duckdb"
    capsys.readouterr()

    assert run_build(src, target) == 0

    out = capsys.readouterr().out
    assert f"Built {target}:" in out and "data tests passed" in out
    rows = query(
        target,
        "SELECT period, investment_code, region_code, dimension, status, source_ref FROM status_lights ORDER BY ALL",
    )
    assert rows == _fixture_rows("status_lights.csv")
    assert {r[4] for r in rows} == {"on_track", "watch", "action_needed", "not_reported"}
    assert stray_files(target) == []


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "invalid_status.csv",
            "status_lights.csv: line 3, column 'status', value 'green': "
            "must be one of: on_track, watch, action_needed, not_reported",
        ),
        (
            "invalid_dimension.csv",
            "status_lights.csv: line 4, column 'dimension', value 'timeline': "
            "must be one of: schedule, costs, output_quality, output_scope, staff, risks, benefits",
        ),
    ],
)
def test_invalid_status_lights_rejected(
    fixture: str, expected: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _sources_with_status_lights(tmp_path, fixture)
    target = copy_db(db, tmp_path / "db")
    before = sha256(target)
    capsys.readouterr()

    assert run_build(src, target) == 1

    err = capsys.readouterr().err
    assert expected in err
    assert "1 problem(s) in the source files:" in err
    assert sha256(target) == before
    assert stray_files(target) == []


# --- atomic replacement ----------------------------------------------------------------------------------

_COUNT_IN_NEW_PROCESS = (
    "import sys, duckdb\n"
    "con = duckdb.connect(sys.argv[1], read_only=True)\n"
    "print(con.execute('SELECT count(*) FROM status_lights').fetchone()[0])\n"
)


def test_rebuild_replaces_a_file_the_app_holds_open(db: Path, tmp_path: Path) -> None:
    """The app keeps a read-only connection on the old file while a rebuild replaces it: the rebuild succeeds,
    the open connection keeps reading its old snapshot, and new connections see the new data."""
    target = copy_db(db, tmp_path / "db")
    src = _sources_with_status_lights(tmp_path, "status_lights.csv")
    n_new = len(_fixture_rows("status_lights.csv"))

    old = duckdb.connect(str(target), read_only=True)
    try:
        assert old.execute("SELECT count(*) FROM status_lights").fetchone()[0] == 0

        assert run_build(src, target) == 0

        assert stray_files(target) == []
        # the app's open connection is undisturbed (still the old file)
        assert old.execute("SELECT count(*) FROM status_lights").fetchone()[0] == 0
        # a new connection from another process (e.g. a new app session or worker) sees the new database;
        # within this process DuckDB would hand back the cached instance of the still-open old file
        proc = subprocess.run(
            [sys.executable, "-c", _COUNT_IN_NEW_PROCESS, str(target)], capture_output=True, text=True, check=True
        )
        assert int(proc.stdout) == n_new
    finally:
        old.close()
    assert query(target, "SELECT count(*) FROM status_lights") == [(n_new,)]
