"""AppTest: the pillar 3 page (work-ability programme and IPS)."""

import json

from apptest_helpers import chart_data, module_run, run_page, shown, texts

from rrp_data import charts, exports


def test_renders_key_figures_targets_and_narratives(default_run):
    at = default_run
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["IPS-työllistymisprosentti 9/2024"] == "33,4\u00a0%"
    assert metrics["IPS-laatuarvio 7–9/2024"] == "104/125"
    assert metrics["Työkykyohjelman alueet 7–9/2024"] == "6"
    assert metrics["IPS-alueet 7–9/2024"] == "6"
    assert metrics["Tavoite 10–12/2024"] == "5"  # eu:p3tko:new_areas
    assert metrics["Tavoite 31.12.2025"] == "6"  # eu:p3ips:new_counties
    text = texts(at)
    assert "n. 10 %" in text  # the document's reference value, shown as the definition text
    assert "Ei tiedossa" in text and "ei tietoa" in text  # no achievement statement for IPS, 'unknown' for TKO
    assert "Mitä alueet raportoivat" in text  # the work-ability programme's findings: the open tab
    assert "Lähde" in text


def test_findings_tabs_draw_only_the_open_programme(app_db):
    at = run_page("pilari3")
    labels = [tab.label for tab in at.tabs]
    assert len(labels) == 2 and "IPS" in labels[1]
    assert "IPS-kehittämishankkeen laajennus etenee suunnitellusti" not in texts(at)  # IPS tab closed: not drawn
    at.session_state["p3_findings"] = labels[1]  # what clicking the tab does
    at.run()
    assert not at.exception
    assert "IPS-kehittämishankkeen laajennus etenee suunnitellusti" in texts(at)


def test_participation_matrix_marks_counties_not_in_a_programme(default_run):
    at = default_run
    df = at.table[0].value.set_index("Alue")
    assert set(df.index) == {
        "Kainuu", "Keski-Pohjanmaa", "Keski-Suomi", "Pohjanmaa", "Pohjois-Pohjanmaa",
        "Pohjois-Savo", "Päijät-Häme", "Satakunta", "Varsinais-Suomi",
    }
    ips = set(df.index[df["IPS"] == "mukana"])
    assert ips == {"Kainuu", "Keski-Pohjanmaa", "Keski-Suomi", "Pohjanmaa", "Pohjois-Savo", "Varsinais-Suomi"}
    assert df.loc["Kainuu", "Työkykyohjelma"] == "ei mukana" and df.isna().loc["Kainuu", "Työkykyohjelma, edistyminen %"]
    assert df.loc["Päijät-Häme", "Työkykyohjelma, edistyminen %"] == 90
    view = shown(at, 0).set_index("Alue")
    assert view.loc["Kainuu", "IPS, edistyminen %"] == "90\u00a0%"
    assert view.loc["Kainuu", "Työkykyohjelma, edistyminen %"] == "ei tietoa"
    # every figure of the programmes, the fidelity score formatted the Finnish way
    figures = at.table[1].value
    assert len(figures) == 17 and 33.4 in set(figures["Arvo"])


def test_yta_filter_limits_counties_and_roundtrips_in_url(app_db):
    at = run_page("pilari3", {"yta": "Länsi-Suomi"})
    assert not at.exception
    assert set(at.table[0].value["Alue"]) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}
    assert "Länsi-Suomi" in str(at.query_params["yta"])
    at.sidebar.selectbox(key="w_yta").set_value("Pohjois-Suomi").run()
    assert set(at.table[0].value["Alue"]) == {"Kainuu", "Keski-Pohjanmaa", "Pohjois-Pohjanmaa"}
    assert "Pohjois-Suomi" in str(at.query_params["yta"])
    # programme-level figures do not depend on the county filter
    assert {m.label: m.value for m in at.metric}["IPS-työllistymisprosentti 9/2024"] == "33,4\u00a0%"


def test_bad_parameter_falls_back_and_non_participant_is_explained(app_db):
    at = run_page("pilari3", {"yta": "Atlantis", "alueet": "01"})
    assert not at.exception
    assert "yta=Atlantis" in " ".join(w.value for w in at.warning)
    assert "Valituilla alueilla ei ole pilarin 3 hankkeita." in [i.value for i in at.info]


def test_csv_download_matches_table(app_db):
    at = run_page("pilari3", {"alueet": "05,20"})
    df = at.table[0].value
    assert len(df) == 2
    lines = exports.csv_fi(df).decode("utf-8-sig").splitlines()
    assert lines[0] == "Alue;YTA;Työkykyohjelma;Työkykyohjelma, edistyminen %;IPS;IPS, edistyminen %"
    assert "Kainuu;Pohjois-Suomi;ei mukana;;mukana;90,0" in lines
    assert "Varsinais-Suomi;Länsi-Suomi;mukana;90,0;mukana;70,0" in lines
    assert len(lines) == 1 + len(df)


default_run = module_run("pilari3")


def test_presentation_mode_one_section_and_the_focused_county_highlighted(app_db):
    at = run_page("pilari3", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["EU-tavoitteet"]  # section 2, alone
    assert {m.label: m.value for m in at.metric} == {"Tavoite 10–12/2024": "5", "Tavoite 31.12.2025": "6"}
    assert not at.table and not at.get("vega_lite_chart") and not at.tabs
    # the findings: one section per programme (no tabs on a presentation screen)
    assert at.session_state["_view"]["sections"][-2:] == [
        "Mitä alueet raportoivat — Työkykyohjelma", "Mitä alueet raportoivat — IPS – Sijoita ja valmenna!"
    ]
    # the progress chart (section 4) with the county in focus (?alue=05): its bars primary, the others muted
    at = run_page("pilari3", {"esitys": "1", "osa": "4", "alue": "05"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Edistymisprosentti alueittain 7–9/2024"]
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    colour = spec["spec"]["layer"][0]["encoding"]["color"]
    assert colour["condition"]["test"] == "datum['region_code'] === '05'"
    assert (colour["condition"]["value"], colour["value"]) == (charts.PRIMARY, charts.MUTED)
    bars = chart_data(at, 0)
    vs = bars[bars["region_code"] == "05"].set_index("programme")["label"]
    assert vs.to_dict() == {"Työkykyohjelma": "90\u00a0%", "IPS – Sijoita ja valmenna!": "70\u00a0%"}
