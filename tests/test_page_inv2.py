"""AppTest: the investment 2 page (hyte service concept)."""

import json

from apptest_helpers import chart_data, module_run, run_page, shown, texts

from rrp_data import charts, exports


def test_renders_shares_target_and_unknown_achievement(default_run):
    at = default_run
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Innokylään lisätyt toimintamallit (13.2.2024)"] == "16/22"
    assert metrics["Alueet, joilla kehitetään lähetekäytäntöjä (14.12.2023–31.1.2024)"] == "15/22"
    assert metrics["Tavoite 10–12/2024"] == "22 aluetta"
    # "Tavoite saavutettiin xx/2024": shown as it is, marked unknown, the date not guessed
    statement = " ".join(i.value for i in at.info)
    assert "xx/2024" in statement and "Ei tiedossa" in statement and "ei ole tietoa" in statement
    assert "Mitä alueet raportoivat" in texts(at)


def test_survey_shares_out_of_22(default_run):
    at = default_run
    df = at.table[0].value.set_index("Vastaus")
    assert len(df) == 9 and set(df["Nimittäjä"]) == {22}
    assert df.loc["Käyttöönotto suunnitteilla", "Alueita"] == 14 and df.loc["Jo käytössä", "Alueita"] == 3
    tarmoa = df[df["Aihe"].str.startswith("DigiFinlandin Tarmoa")]["Alueita"]
    assert list(tarmoa) == [0, 8, 5, 9] and tarmoa.sum() == 22
    assert df.loc["Kehittämistä ei ole vielä aloitettu", "Alueita"] == 3
    assert shown(at, 0).set_index("Vastaus").loc["Toimintamalli lisätty Innokylään", "Alueita"] == "16"


def test_yta_filter_limits_progress_and_roundtrips(app_db):
    at = run_page("inv2_hyte", {"yta": "Länsi-Suomi"})
    assert not at.exception
    prog = at.table[1].value.set_index("Alue")
    assert set(prog.index) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}
    assert prog.loc["Varsinais-Suomi", "Edistyminen 7–9/2024, %"] == 90
    assert shown(at, 1).set_index("Alue").loc["Varsinais-Suomi", "Edistyminen 7–9/2024, %"] == "90\u00a0%"
    assert len(at.table[0].value) == 9  # national survey figures are not filtered
    assert "Länsi-Suomi" in str(at.query_params["yta"])
    at.sidebar.selectbox(key="w_yta").set_value("Itä-Suomi").run()
    assert set(at.table[1].value["Alue"]) == {"Etelä-Savo", "Keski-Suomi", "Pohjois-Karjala", "Pohjois-Savo"}


def test_bad_parameter_falls_back_with_notice(app_db):
    at = run_page("inv2_hyte", {"yta": "Atlantis"})
    assert not at.exception
    assert "yta=Atlantis" in " ".join(w.value for w in at.warning)
    assert len(at.table[1].value) == 22


def test_csv_download_matches_table(app_db):
    at = run_page("inv2_hyte", {"alueet": "05,13"})
    df = at.table[1].value
    lines = exports.csv_fi(df).decode("utf-8-sig").splitlines()
    assert lines == ["Alue;YTA;Edistyminen 7–9/2024, %", "Varsinais-Suomi;Länsi-Suomi;90,0", "Pohjois-Savo;Itä-Suomi;80,0"]


default_run = module_run("inv2_hyte")


def test_presentation_mode_one_section_and_the_focused_county_highlighted(app_db):
    at = run_page("inv2_hyte", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Toimintamallit ja lähetekäytännöt"]  # section 2, alone
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Innokylään lisätyt toimintamallit (13.2.2024)"] == "16/22" and len(metrics) == 3
    assert not at.table and not at.get("vega_lite_chart")
    # progress by county (section 4) with Varsinais-Suomi in focus: its bar primary, the others muted
    at = run_page("inv2_hyte", {"esitys": "1", "osa": "4", "alue": "05"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Edistymisprosentti alueittain 7–9/2024"]
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["condition"]["test"] == "datum['region_code'] === '05'"
    assert (colour["condition"]["value"], colour["value"]) == (charts.PRIMARY, charts.MUTED)
    assert chart_data(at, 0).set_index("region_code").loc["05", "label"] == "90\u00a0%"
