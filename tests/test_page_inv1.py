"""AppTest: the investment 1 page (7-day access to care, completion per county)."""

import json

from apptest_helpers import chart_data, module_run, run_page, shown, texts

from rrp_data import charts, exports

ALL_ALL = "Kaikki ammatit, kaikki yhteystavat"






def test_renders_target_baseline_and_achievement_statements(default_run):
    at = default_run
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Lähtötaso 1/2020"] == "67\u00a0%"
    assert metrics["Viimeisin: 10–12/2023 ka"] == "78,3\u00a0%"
    assert metrics["Tavoite 10–12/2025"] == "80\u00a0%"
    assert any("Tavoite saavutettiin vuonna 2024" in s.value and "Saavutettu" in s.value for s in at.success)
    assert any("ei toteutunut kaikilla alueilla vuoden 2025 lopussa" in w.value and "Osittain" in w.value for w in at.warning)
    assert "Mitä alueet raportoivat" in texts(at)


def test_seven_day_table_periods_and_document_arrows(default_run):
    at = default_run
    df = at.table[0].value.set_index("Rajaus")
    assert list(df.index) == [ALL_ALL, "Kaikki ammatit, fyysiset asioinnit", "Lääkärit, kaikki yhteystavat",
                              "Lääkärit, fyysiset asioinnit"]
    assert list(df.columns[:3]) == ["2023", "12/2023", "10–12/2023 ka"]
    assert df.loc[ALL_ALL, "10–12/2023 ka"] == 78.3 and df.loc[ALL_ALL, "Aiempi tilanne"] == 73
    assert df.loc[ALL_ALL, "Aiempi tilanne, jakso"] == "5–7/2023 ka"
    assert df.loc["Lääkärit, fyysiset asioinnit", "Aiempi tilanne, jakso"] == "7/2023"
    assert list(df["Suunta"]) == ["↑ nousi", "↓ laski", "↑ nousi", "↓ laski"]  # the document's arrows
    view = shown(at, 0).set_index("Rajaus")
    assert view.loc[ALL_ALL, "10–12/2023 ka"] == "78,3\u00a0%"
    assert view.loc[ALL_ALL, "2023"] == "75,0\u00a0%"
    assert view.loc[ALL_ALL, "Muutos aiemmasta, %-yks."] == "+5,3\u00a0%-yks."
    assert view.loc["Kaikki ammatit, fyysiset asioinnit", "Muutos aiemmasta, %-yks."] == "−6,3\u00a0%-yks."


def test_yta_and_region_filters_limit_completion_and_roundtrip(app_db):
    at = run_page("inv1_hoitoon_paasy", {"yta": "Etelä-Suomi"})
    assert not at.exception
    assert len(at.table[0].value) == 4  # the national 7-day table is not filtered
    comp = at.table[1].value.set_index("Alue")
    assert set(comp["YTA"]) == {"Etelä-Suomi"} and len(comp) == 8
    assert comp.loc["Etelä-Karjala", "10–12/2025, %"] == 90 and comp.loc["Päijät-Häme", "10–12/2025, %"] == 90
    assert comp.loc["Helsinki", "10–12/2025, %"] == 100
    assert shown(at, 1).set_index("Alue").loc["Etelä-Karjala", "10–12/2025, %"] == "90\u00a0%"
    assert "Etelä-Suomi" in str(at.query_params["yta"])
    at.sidebar.multiselect(key="w_alueet").set_value(["11"]).run()
    assert list(at.table[1].value["Alue"]) == ["Etelä-Karjala"]
    assert "11" in str(at.query_params["alueet"])


def test_bad_parameter_falls_back_with_notice(app_db):
    at = run_page("inv1_hoitoon_paasy", {"alueet": "11,zz"})
    assert not at.exception
    assert "alueet=11,zz" in " ".join(w.value for w in at.warning)
    assert len(at.table[1].value) == 22  # every project area


def test_csv_download_matches_table(app_db):
    at = run_page("inv1_hoitoon_paasy", {"alueet": "09,11"})
    df = at.table[0].value
    lines = exports.csv_fi(df).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Rajaus;2023;12/2023;10–12/2023 ka;Suunta;Aiempi tilanne")
    assert f"{ALL_ALL};75,0;78,0;78,3;↑ nousi;73,0;5–7/2023 ka;5,3" in lines
    assert len(lines) == 1 + len(df) == 5
    comp = at.table[1].value
    comp_lines = exports.csv_fi(comp).decode("utf-8-sig").splitlines()
    assert comp_lines[1:] == ["Etelä-Karjala;Etelä-Suomi;90,0;60,0", "Päijät-Häme;Etelä-Suomi;90,0;70,0"]


default_run = module_run("inv1_hoitoon_paasy")


def test_presentation_mode_one_section_and_the_focused_county_highlighted(app_db):
    at = run_page("inv1_hoitoon_paasy", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Onko tavoite saavutettu?"]  # section 2, alone
    assert any("Tavoite saavutettiin vuonna 2024" in s.value for s in at.success)
    assert not at.metric and not at.table and not at.get("vega_lite_chart")
    # completion per county (section 5) with Etelä-Karjala in focus: its bar primary, the others muted
    at = run_page("inv1_hoitoon_paasy", {"esitys": "1", "osa": "5", "alue": "11"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Investoinnin toteuma alueittain"]
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["condition"]["test"] == "datum['region_code'] === '11'"
    assert (colour["condition"]["value"], colour["value"]) == (charts.PRIMARY, charts.MUTED)
    bars = chart_data(at, 0).set_index("region_code")
    assert bars.loc["11", "label"] == "90\u00a0%" and len(bars) == 22
