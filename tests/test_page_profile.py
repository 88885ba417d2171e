"""AppTest: the county profile page (Alueet ja yhteistyöalueet)."""


from apptest_helpers import chart_data, run_page, shown, texts


def test_satakunta_profile(app_db):
    at = run_page("alueet", {"alue": "06"})
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Digitaalinen asiointi 2022"] == "27,6\u00a0%"
    assert metrics["Pilari 4, ka. 7–9/2024 (laskettu)"] == "55,0\u00a0%"  # (60+60+50+50)/4
    assert metrics["Investointi 1, toteuma 10–12/2025"] == "100\u00a0%"
    assert metrics["Digitaaliset innovaatiot"] == "ei tietoa"
    text = texts(at)
    assert "Satakunnan hyvinvointialue" in text
    assert "Tarja Räty" in text and "029 524 7050" in text
    assert "Vaikuttavuuskeskuspilotin alaiset toimenpiteet" in text
    assert "Satakunnassa on 16 kuntaa." in text  # the county's own narrative rows
    # digital contacts vs the YTA and the whole country (2020 and 2022)
    digital = shown(at.table[0])
    sata = digital[digital["Alue"] == "Satakunta"].iloc[0]
    assert sata["2020"] == "17,6\u00a0%" and sata["2022"] == "27,6\u00a0%"
    assert set(digital["Alue"]) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi", "Koko maa"}
    assert digital[digital["Alue"] == "Varsinais-Suomi"].iloc[0]["2022"] == "ei tietoa"
    # progress vs YTA and national means, computed and labelled so
    progress = shown(at.table[1])
    p4i4 = progress[progress["Investointi"].str.startswith("Inv. 4") & (progress["Kausi"] == "7–9/2024")].iloc[0]
    assert p4i4["Satakunta, %"] == "50\u00a0%"
    assert p4i4["YTA:n ka. (laskettu)"] == "43,3\u00a0%"
    assert p4i4["Koko maan ka. (laskettu)"] == "53,2\u00a0%"
    assert "TKO" in " ".join(progress["Investointi"])  # Satakunta takes part in pillar 3 (TKO) ...
    assert "IPS" not in " ".join(progress["Investointi"])  # ... but not in IPS
    # own targets from the project plan, research funding of the YTA
    targets = shown(at.table[2])
    assert "20,0\u00a0%" in set(targets["Tavoite"])
    assert "PalSu" in " ".join(shown(at.table[3])["Tutkimushanke (inv. 3)"])
    assert "004_78218330e03c3695.txt" in text


def test_helsinki_shows_other_values(app_db):
    at = run_page("alueet", {"alue": "90"})
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Digitaalinen asiointi 2022"] == "51,2\u00a0%"
    assert metrics["Digitaaliset innovaatiot"] == "2"
    text = texts(at)
    assert "Helsinki" in text and "Satakunta, %" not in text
    assert "Aluetta Helsinki ei mainita lähteen investoinnin 3 pilottiluetteloissa" in text


def test_yta_overview_lists_its_counties_and_opens_a_profile(app_db):
    at = run_page("alueet", {"yta": "Länsi-Suomi"})
    assert not at.exception
    table = shown(at.table[0])
    assert set(table["Alue"]) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}
    assert table[table["Alue"] == "Satakunta"].iloc[0]["Digi. asiointi 2022"] == "27,6\u00a0%"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Alueita"] == "3" and metrics["Alueellinen kehittämispäällikkö"] == "Tarja Räty"
    assert metrics["Tutkimusrahoitus (inv. 3)"] == "1,49\u00a0M€"
    profile_links = {e.proto.label: e.proto.query_string for e in at.get("page_link")}
    assert set(profile_links) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}
    assert "alue=06" in profile_links["Satakunta"]
    # pick a county as a user would: URL and content follow
    at.sidebar.selectbox(key="w_alue").set_value("06").run()
    assert at.query_params["alue"] in ("06", ["06"])
    assert {m.label: m.value for m in at.metric}["Digitaalinen asiointi 2022"] == "27,6\u00a0%"


def test_bad_or_outside_county_falls_back_with_notice(app_db):
    at = run_page("alueet", {"alue": "99"})
    assert not at.exception
    assert "alue=99" in " ".join(w.value for w in at.warning)
    assert "alue" not in at.query_params
    assert {m.label: m.value for m in at.metric}["Alueita"] == "23"  # overview of all areas
    at = run_page("alueet", {"yta": "Länsi-Suomi", "alue": "19"})
    assert "Pohjois-Pohjanmaa ei kuulu yhteistyöalueeseen Länsi-Suomi" in " ".join(w.value for w in at.warning)
    assert set(shown(at.table[0])["Alue"]) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}


def test_aland_says_what_is_missing(app_db):
    at = run_page("alueet", {"alue": "91"})
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Digitaalinen asiointi 2022"] == "13,7\u00a0%"
    assert metrics["Pilari 4, edistyminen"] == "ei tietoa"
    text = texts(at)
    assert "Lähteissä ei ole edistymisprosentteja alueelle Ahvenanmaa (ei tietoa)" in text
    assert "ei kuulu mihinkään yhteistyöalueeseen" in text


def test_inv1_completion_carries_the_sources_qualifier(app_db):
    """Satakunta's 100 % comes from 'muut alueet 100 %' in the report; the metric says so in its help."""
    at = run_page("alueet", {"alue": "06"})
    m = next(m for m in at.metric if m.label.startswith("Investointi 1"))
    assert m.value == "100\u00a0%"
    assert "muut alueet 100" in (m.proto.help or "")


# --- the page's conventions: sections, cached chart specs with the county highlighted, sources for the slides ----


def test_satakunta_charts_highlight_the_county(app_db):
    at = run_page("alueet", {"alue": "06"})
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert len(specs) == 2
    assert "datum['region_code'] === '06'" in specs[0]  # charts.highlight: Satakunta primary, its peers muted
    digital = chart_data(at, 0).set_index("region_code")
    assert digital.loc["06", "value"] == 27.6 and digital.loc["06", "county"] == "◆ Satakunta"
    assert digital.loc["17", "value"] == 24.6 and not digital.loc["17", "focus"]
    assert "05" not in digital.index  # Varsinais-Suomi: no 5548 value in the sources
    # progress: the county against its YTA and national means (computed), values printed on the bars
    progress = chart_data(at, 1)
    inv4 = progress[progress["inv"] == "Inv. 4 7–9/2024"].set_index("series")["text"].to_dict()
    assert inv4 == {"Satakunta": "Satakunta 50\u00a0%", "YTA ka.": "YTA ka. 43,3\u00a0%", "Koko maa ka.": "Koko maa ka. 53,2\u00a0%"}
    tko = progress[progress["inv"] == "TKO 7–9/2024"].set_index("series")["value"].round(2).to_dict()
    assert tko == {"Satakunta": 60.0, "YTA ka.": 73.33, "Koko maa ka.": 78.33}


def test_every_table_and_chart_of_the_profile_names_its_source(app_db):
    for params in ({"alue": "06"}, {"alue": "90"}, {"yta": "Länsi-Suomi"}, {}):
        at = run_page("alueet", params)
        items = at.session_state["_view"]["items"]
        assert items, params
        assert all(i["source"] for i in items), [(i["name"], params) for i in items if not i["source"]]
    at = run_page("alueet", {"alue": "06"})
    progress = next(i for i in at.session_state["_view"]["items"] if i["name"] == "edistyminen-06")
    assert "003_60821df21df53ca5.txt" in progress["source"] and "002_d249da5566d77722.txt" in progress["source"]


def test_county_profile_presents_one_section_at_a_time_under_the_county_name(app_db):
    at = run_page("alueet", {"alue": "06"})
    sections = list(at.session_state["_view"]["sections"])
    assert sections[:3] == ["Tunnusluvut", "Digitaalinen asiointi (Sotkanet 5548)", "Edistyminen investoinneittain"]
    at = run_page("alueet", {"alue": "06", "esitys": "1", "osa": "3"})
    assert not at.exception
    assert [h.value for h in at.header] == ["Satakunnan hyvinvointialue"]  # whose figures: on every step
    assert [s.value for s in at.subheader] == ["Edistyminen investoinneittain"]
    assert len(at.table) == 1 and len(at.get("vega_lite_chart")) == 1
    assert not at.get("download_button") and len(at.sidebar.children) == 0
    # the key figures step shows the same metrics as the normal page
    at = run_page("alueet", {"alue": "06", "esitys": "1", "osa": "1"})
    assert {m.label: m.value for m in at.metric}["Pilari 4, ka. 7–9/2024 (laskettu)"] == "55,0\u00a0%"
