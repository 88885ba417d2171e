"""AppTest: the investment 3 page (monitoring coverage, achievement statements, pilots, research funding,
competence centre, progress by county)."""

from __future__ import annotations

import json

from apptest_helpers import chart_data, param, run_page, shown, table_with, texts, unfold

from rrp_data import exports

CENTRE = "Vaikuttavuuskeskuspilotti –toimintaan osallistuvat"
SUB = "Vaikuttavuuskeskuspilotin alaiset toimenpiteet ja/tai alueelliset vaikuttavuuspilotit"










def test_coverage_achievement_pilots_funding_and_centre(app_db):
    at = run_page("inv3_tietopohja")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Kattavuus 12/2023"] == "95\u00a0%"
    assert metrics["Lähtötaso 2020"] == "90\u00a0%"
    assert metrics["Tavoite 10–12/2025"] == "100\u00a0%"
    assert metrics["Suun terveydenhuolto 12/2023"] == "95\u00a0%"
    assert metrics["Sosiaalialan osaamiskeskus 1–3/2024"] == "100\u00a0%"
    assert metrics["Yhteensä (laskettu summa)"] == "8,70\u00a0M€"
    # the bullet chart: both measurements (10/2023 and 12/2023) with the value printed on the bar
    bullet = chart_data(at, 0)
    assert list(bullet["label"]) == ["10/2023", "12/2023"] and set(bullet["text"]) == {"95\u00a0%"}
    page = texts(at)
    assert "Tammikuu - Maaliskuu 2024" in page  # the competence centre's period, explained as printed

    # "Tavoite saavutettiin xx/2025": shown as the source says it, with the date unknown ("ei tietoa")
    ach = table_with(at, "Saavutettu?")
    assert ach.value.iloc[0]["Saavutettu?"] == "Ei tiedossa"
    assert shown(ach).iloc[0]["Milloin saavutettu"] == "ei tietoa"
    assert any("xx/2025" in i.value and "ei tietoa" in i.value for i in at.info)

    # pilot matrix: the 22 project areas and HUS, a check mark with text in each participating cell; the
    # matrix as a table is folded under the chart, drawn only when opened
    assert not any(CENTRE in tb.value.columns for tb in at.table)
    unfold(at, "investointi-3-pilotit-taulukko")
    assert not at.exception
    pilots = table_with(at, CENTRE).value.set_index("Alue")
    assert len(pilots) == 23 and pilots.index[-1] == "HUS"
    assert pilots.loc["Pirkanmaa", CENTRE] == "✓ mukana" and pilots.loc["Kainuu", CENTRE] == "–"
    assert (pilots[SUB] == "✓ mukana").sum() == 11

    # research funding: Finnish decimals in the table, the CSV download and the bar labels
    funding = table_with(at, "Tutkimushanke")
    assert shown(funding).set_index("YTA").loc["Etelä-Suomi", "Rahoitus, M€"] == "2,61"
    lines = exports.csv_fi(funding.value).decode("utf-8-sig").splitlines()
    assert lines[0] == "YTA;Tutkimushanke;Rahoitus, M€" and len(lines) == 6
    assert any(line.startswith("Etelä-Suomi;Kustannusvaikuttavuuden tietoharmonisaatio") and line.endswith(";2,61")
               for line in lines)
    bars = next(chart_data(at, i) for i in range(len(at.get("vega_lite_chart")))
                if "amount_meur" in chart_data(at, i).columns)
    assert bars.set_index("yta").loc["Etelä-Suomi", "label"] == "2,61\u00a0M€"


def test_progress_by_county_and_findings(app_db):
    at = run_page("inv3_tietopohja", {"alueet": "11,21"})
    assert not at.exception
    bars = next(chart_data(at, i) for i in range(len(at.get("vega_lite_chart")))
                if "percent" in chart_data(at, i).columns)
    assert dict(zip(bars["county"], bars["label"], strict=True)) == {"Etelä-Karjala": "70\u00a0%", "Lappi": "40\u00a0%"}
    assert "Edistyminen hyvinvointialueittain 7–9/2024, %" in texts(at)
    assert "Mitä alueet raportoivat" in texts(at)


def test_yta_filter_limits_pilots_and_funding_and_roundtrips(app_db):
    at = unfold(run_page("inv3_tietopohja", {"yta": "Länsi-Suomi"}))
    assert not at.exception
    assert list(table_with(at, CENTRE).value["Alue"]) == ["Pohjanmaa", "Satakunta", "Varsinais-Suomi"]
    assert list(table_with(at, "Tutkimushanke").value["YTA"]) == ["Länsi-Suomi"]
    at.sidebar.selectbox(key="w_yta").set_value("Etelä-Suomi").run()
    assert param(at, "yta") == "Etelä-Suomi"
    areas = list(table_with(at, CENTRE).value["Alue"])
    assert "HUS" in areas and "Satakunta" not in areas
    assert list(table_with(at, "Tutkimushanke").value["YTA"]) == ["Etelä-Suomi"]
    # choosing single counties narrows further (and leaves out HUS, which is not a county)
    at.sidebar.multiselect(key="w_alueet").set_value(["11", "90"]).run()
    assert param(at, "alueet") == "11,90"
    assert list(table_with(at, CENTRE).value["Alue"]) == ["Etelä-Karjala", "Helsinki"]


def test_bad_parameter_falls_back_with_notice(app_db):
    at = run_page("inv3_tietopohja", {"yta": "Atlantis", "alueet": "06,zz"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "yta=Atlantis" in warnings and "alueet=06,zz" in warnings
    unfold(at)
    assert len(table_with(at, CENTRE).value) == 23
    assert len(table_with(at, "Tutkimushanke").value) == 5


def test_presentation_mode_one_section_and_the_focused_county_framed(app_db):
    at = run_page("inv3_tietopohja", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Onko tavoite saavutettu? Lähteiden toteamukset"]  # section 2
    assert len(at.table) == 1 and at.table[0].value.iloc[0]["Saavutettu?"] == "Ei tiedossa"
    assert not at.metric and not at.get("vega_lite_chart")
    # the pilot grid (section 3) with Satakunta in focus: its row label bold and the row framed
    at = run_page("inv3_tietopohja", {"esitys": "1", "osa": "3", "alue": "06"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Vaikuttavuustoiminta: osallistuminen alueittain"]
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    weight = spec["layer"][0]["encoding"]["y"]["axis"]["labelFontWeight"]
    assert weight["condition"]["test"] == "indexof(['Satakunta'], datum.value) >= 0"
    frame = spec["layer"][-1]
    assert frame["mark"]["filled"] is False and frame["mark"]["stroke"] == "black"
    cells = chart_data(at, 0)
    assert len(cells) == 23 * 3  # 22 project areas and HUS x 3 pilots
    sata = cells[cells["area"] == "Satakunta"].set_index("pilot_fi")["cell"]
    assert sata[SUB] == "✓ mukana" and sata[CENTRE] == "–"  # Satakunta: only in the sub-pilots
