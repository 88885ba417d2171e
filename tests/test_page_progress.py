"""AppTest: the progress page (county x investment heatmap, pillar 3 matrix, national actors, traffic lights)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from apptest_helpers import chart_data, param, run_page, shown, texts, unfold

from rrp_data import exports
from rrp_data.build import build
from rrp_data.paths import SOURCES_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "status_lights"
P4I2 = "P4I2 · Hyte-palvelukonsepti"








def test_heatmap_spot_value_p3_matrix_actor_row_and_empty_lights(app_db):
    at = run_page("edistyminen", {"kausi": "2024-Q3"})
    assert not at.exception
    page = texts(at)
    assert "Pilari 4: edistyminen alueittain ja investoinneittain 7–9/2024" in page
    # heatmap: a value printed in every cell, Varsinais-Suomi 90 % for investment 2
    cells = chart_data(at, 0)
    vs = cells[(cells["county"] == "Varsinais-Suomi") & (cells["column"] == P4I2)].iloc[0]
    assert vs["percent"] == 90 and vs["text"] == "90\u00a0%"
    assert len(cells) == 22 * 4 and not cells["text"].isin(["", "–"]).any()
    table = at.table[0]
    assert table.value.set_index("Alue").loc["Varsinais-Suomi", P4I2] == 90
    assert shown(table).set_index("Alue").loc["Varsinais-Suomi", P4I2] == "90\u00a0%"
    # national actor: the competence centre, with the source's note on the printed period
    actors = next(tb for tb in at.table if "Toimija" in tb.value.columns)
    row = actors.value.iloc[0]
    assert row["Toimija"] == "Sosiaalialan osaamiskeskus" and row["Edistyminen"] == 100
    assert shown(actors).iloc[0]["Edistyminen"] == "100\u00a0%"
    assert "Tammikuu - Maaliskuu 2024" in row["Huomautus"]
    # pillar 3: the nine counties of the source table, "ei mukana" where a county is not in the programme (the
    # matrix as a table is folded under its chart)
    unfold(at, "edistyminen-pilari-3-taulukko-2024-Q3")
    p3 = next(tb for tb in at.table if "P3-TKO · Työkykyohjelma" in tb.value.columns).value.set_index("Alue")
    assert len(p3) == 9
    assert p3.loc["Kainuu", "P3-TKO · Työkykyohjelma"] == "ei mukana"
    assert p3.loc["Kainuu", "P3-IPS · IPS"] == "90\u00a0%"
    assert p3.loc["Varsinais-Suomi", "P3-TKO · Työkykyohjelma"] == "90\u00a0%"
    # traffic lights: none in the shipped data, and the page says why and how to load them
    info = " ".join(i.value for i in at.info)
    assert "data/sources/status_lights.csv" in info and "ei tietoa" in info


def test_default_is_latest_period_and_missing_data_is_explained(app_db):
    at = run_page("edistyminen")
    assert not at.exception
    assert "10–12/2025" in texts(at)
    info = " ".join(i.value for i in at.info)
    assert "vain investoinneille: P4I1" in info and "P4I2" in info
    table = at.table[0]
    assert table.value[P4I2].isna().all()
    assert set(shown(table)[P4I2]) == {"ei tietoa"}
    cells = chart_data(at, 0)
    assert set(cells.loc[cells["column"] == P4I2, "text"]) == {"–"}
    assert "muut alueet 100 %" in texts(at)  # the source's own note on the 10-12/2025 figures
    # no pillar 3 figures for 10-12/2025: said, and the latest period that has them is shown
    assert any("pilarin 3" in i.value and "7–9/2024" in i.value for i in at.info)


def test_filters_sort_order_and_url_roundtrip(app_db):
    at = run_page("edistyminen", {"kausi": "2024-Q3", "yta": "Länsi-Suomi", "investointi": "P4I2"})
    assert not at.exception
    df = at.table[0].value
    assert list(df["Alue"]) == ["Pohjanmaa", "Satakunta", "Varsinais-Suomi"]  # alphabetical by default
    assert [c for c in df.columns if c.startswith("P4")] == [P4I2]
    # sort by the computed mean: the control writes ?vertailu=keskiarvo and Varsinais-Suomi (90 %) comes first
    at.sidebar.radio(key="w_vertailu").set_value("keskiarvo").run()
    assert param(at, "vertailu") == "keskiarvo"
    assert list(at.table[0].value["Alue"]) == ["Varsinais-Suomi", "Satakunta", "Pohjanmaa"]
    # a new period from the selector reaches the URL too; the default period is left out of it
    at.sidebar.selectbox(key="w_kausi").set_value("2025-Q4").run()
    assert param(at, "kausi") is None and "10–12/2025" in texts(at)
    at.sidebar.selectbox(key="w_kausi").set_value("2024-Q3").run()
    assert param(at, "kausi") == "2024-Q3"
    assert param(at, "yta") == "Länsi-Suomi" and param(at, "investointi") == "P4I2"
    assert param(at, "vertailu") == "keskiarvo"


def test_bad_parameters_fall_back_with_notice(app_db):
    at = run_page("edistyminen", {"kausi": "2099-Q1", "vertailu": "jarjestys", "investointi": "P9"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "kausi=2099-Q1" in warnings and "vertailu=jarjestys" in warnings and "investointi=P9" in warnings
    assert "10–12/2025" in texts(at)
    assert len(at.table[0].value) == 22


def test_csv_download_matches_table(app_db):
    at = run_page("edistyminen", {"kausi": "2024-Q3", "alueet": "05,06"})
    df = at.table[0].value
    lines = exports.csv_fi(df).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Alue;YTA;P4I1 · Hoitotakuu ja hoitoon pääsy;P4I2")
    assert len(lines) == 1 + 2
    assert "Varsinais-Suomi;Länsi-Suomi;50,0;90,0;50,0;40,0;57,5" in lines


@pytest.fixture(scope="module")
def lights_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sources with the synthetic traffic-light fixture in place of the empty status_lights.csv."""
    tmp = tmp_path_factory.mktemp("lights")
    sources = tmp / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    shutil.copyfile(FIXTURES / "status_lights.csv", sources / "status_lights.csv")
    db = tmp / "rrp.duckdb"
    build(sources, db, log=lambda _m: None)
    return db


def test_traffic_lights_grid_when_data_exist(lights_db, monkeypatch):
    monkeypatch.setenv("RRP_DB", str(lights_db))
    at = unfold(run_page("edistyminen", {"kausi": "2024-Q3"}))
    assert not at.exception
    grid = next(tb for tb in at.table if "Aikataulu" in tb.value.columns and "Varsinais-Suomi" in set(tb.value["Alue"]))
    row = grid.value.set_index("Alue").loc["Varsinais-Suomi"]
    assert row["Aikataulu"] == "✓ Etenee" and row["Kustannukset"] == "! Seurattava"
    assert row["Henkilöstö"] == "–"  # no status for this dimension: said, not coloured in
    page = texts(at)
    assert "P4I1 · Hoitotakuu ja hoitoon pääsy" in page and "✕ Toimia tarvitaan" in page
    assert not any("status_lights.csv" in i.value for i in at.info)


def test_presentation_mode_one_section_and_the_focused_county_framed(app_db):
    at = run_page("edistyminen", {"esitys": "1", "osa": "2", "kausi": "2024-Q3"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Kansalliset toimijat"]  # section 2 of 4, alone
    assert len(at.table) == 1 and at.table[0].value.iloc[0]["Toimija"] == "Sosiaalialan osaamiskeskus"
    assert not at.get("vega_lite_chart")
    # the heatmap (section 1) with the county in focus (?alue=06): Satakunta's row label bold and framed
    at = run_page("edistyminen", {"esitys": "1", "osa": "1", "kausi": "2024-Q3", "alue": "06"})
    assert not at.exception
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    weight = spec["layer"][0]["encoding"]["y"]["axis"]["labelFontWeight"]
    assert weight["condition"]["value"] == "bold" and "'Satakunta'" in weight["condition"]["test"]
    assert "'Varsinais-Suomi'" not in weight["condition"]["test"]
    frame = spec["layer"][-1]
    assert frame["mark"]["filled"] is False and frame["mark"]["stroke"] == "black"
    cells = chart_data(at, 0)
    sata = cells[(cells["region_code"] == "06") & (cells["column"] == P4I2)].iloc[0]
    assert sata["county"] == "Satakunta" and sata["text"] == "60\u00a0%"
