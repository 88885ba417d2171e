"""AppTest: the pace-to-target page (Tavoitevauhti).

Expected values are hand-computed from data/sources (a period stands for its end date, a year = 365,25 days):
- Sotkanet 5548, Satakunta 17,6 (2020) -> 27,6 (2022), target 35 % by Q4/2025: 7,4 points to go in
  1096 days = 3,0 years -> 2,47 a year needed; 10,0 points in 730 days = 2,0 years -> 5,0 a year so far
  -> aikataulussa; margin 5,003 - 2,466 = 2,54.
- Satakunta's plan: 20 % by 6/2024 -> saavutettu (27,6 in 2022); 35 % by 2/2025 (790 days = 2,16 years)
  -> 3,42 a year needed -> aikataulussa; 35 % by 12/2025 -> as the EU target.
- 7-day access 67 % (1/2020) -> 78,0 % (12/2023; of the periods ending 31.12.2023 the month is the newest figure),
  target 80 % by Q4/2025: 2,0 points in 731 days -> 1,0 a year; 11,0 points in 1430 days -> 2,8 a year.
- Monitoring coverage 90 % (2020) -> 95 % (12/2023) vs 100 %: 2,5 a year needed, 1,7 so far -> jäljessä.
- Digital contacts, whole country 41,9 % (2024) vs 30 % (interim, Q4/2023) and 35 % -> saavutettu.
"""

from __future__ import annotations

from apptest_helpers import chart_data, module_run, param, run_page, shown, table_with, texts

from rrp_data import exports

NB = "\u00a0"
PTS = f"{NB}%-yks."

default_run = module_run("tavoitevauhti")


def _national(at):
    return table_with(at, "Tavoitetyyppi")


def _counties(at):
    return table_with(at, "Ero tarvittavaan / v")


def _own(at):
    return table_with(at, "Suunnitelman sanamuoto")


def test_national_targets_with_gap_paces_and_verdicts(default_run):
    at = default_run
    assert not at.exception
    text = shown(_national(at))
    assert list(text["Investointi"]) == ["P4I1", "P4I3", "P4I4", "P4I4"]
    assert list(text["Tavoitetyyppi"]) == ["Tavoite", "Tavoite", "Välitavoite", "Tavoite"]
    access = text.iloc[0]
    assert (access["Lähtötaso"], access["Lähtötason kausi"]) == (f"67,0{NB}%", "1/2020")
    assert (access["Viimeisin"], access["Viimeisimmän kausi"]) == (f"78,0{NB}%", "12/2023")
    assert (access["Tavoite"], access["Määräaika"]) == (f"80,0{NB}%", "31.12.2025")
    assert access["Jäljellä"] == "2,0" + PTS
    assert access["Tarvitaan / v"] == "1,0" + PTS + "/v"
    assert access["Tähän asti / v"] == "2,8" + PTS + "/v"
    assert access["Arvio"] == "→ aikataulussa"
    coverage = text.iloc[1]
    assert (coverage["Tarvitaan / v"], coverage["Tähän asti / v"]) == ("2,5" + PTS + "/v", "1,7" + PTS + "/v")
    assert coverage["Arvio"] == "! jäljessä"
    digital = text.iloc[2:]
    assert list(digital["Viimeisin"]) == [f"41,9{NB}%"] * 2 and list(digital["Viimeisimmän kausi"]) == ["2024"] * 2
    assert list(digital["Tavoite"]) == [f"30,0{NB}%", f"35,0{NB}%"]
    assert list(digital["Arvio"]) == ["✓ saavutettu"] * 2
    assert list(digital["Jäljellä"]) == ["0,0" + PTS] * 2
    assert text.iloc[3]["Perustelu"].replace(NB, " ") == (
        "Tavoite 35,0 % 31.12.2025 mennessä. Viimeisin 41,9 % (2024). Tavoite täyttyy → saavutettu."
    )


def test_metrics_carry_the_explanation_as_tooltip(default_run):
    metrics = {m.label: (m.value, m.proto.help) for m in default_run.metric}
    value, help_text = metrics[f"P4I1 · Tavoite 80,0{NB}% (10–12/2025)"]
    assert value == "→ aikataulussa"
    assert help_text.replace(NB, " ") == (
        "Tavoite 80,0 % 31.12.2025 mennessä. Viimeisin 78,0 % (12/2023). Jäljellä 2,0 %-yks. 2,0 vuodessa: "
        "tarvitaan 1,0 %-yks./v. Tähän asti 2,8 %-yks./v (1/2020–12/2023) → aikataulussa."
    )
    assert metrics[f"P4I4 · Välitavoite 30,0{NB}% (10–12/2023)"][0] == "✓ saavutettu"


def test_documents_own_statements_are_shown_next_to_the_computed_verdict(default_run):
    page = texts(default_run)
    assert "Asiakirjojen oma toteamus" in page
    assert "P4I1: Saavutettu — ”Tavoite saavutettiin vuonna 2024” (lausuma 6.6.2025)" in page
    assert "P4I1: Osittain — " in page


def test_satakunta_row_in_the_county_ranking(default_run):
    tb = _counties(default_run)
    text, df = shown(tb), tb.value
    row = text[text["Alue"] == "Satakunta"].iloc[0]
    assert (row["Lähtötaso 2020"], row["Viimeisin"], row["Viimeisimmän kausi"]) == (f"17,6{NB}%", f"27,6{NB}%", "2022")
    assert row["Jäljellä"] == "7,4" + PTS
    assert row["Tarvitaan / v"] == "2,5" + PTS + "/v"
    assert row["Tähän asti / v"] == "5,0" + PTS + "/v"
    assert row["Ero tarvittavaan / v"] == "2,5" + PTS + "/v"
    assert row["Arvio"] == "→ aikataulussa"
    assert row["Sija"] == "16"
    assert row["Perustelu"].replace(NB, " ") == (
        "Tavoite 35,0 % 31.12.2025 mennessä. Viimeisin 27,6 % (2022). Jäljellä 7,4 %-yks. 3,0 vuodessa: "
        "tarvitaan 2,5 %-yks./v. Tähän asti 5,0 %-yks./v (2020–2022) → aikataulussa."
    )
    num = df[df["Alue"] == "Satakunta"].iloc[0]
    assert round(num["Tarvitaan / v"], 3) == 2.466 and round(num["Tähän asti / v"], 3) == 5.003


def test_counties_ranked_met_first_then_on_track_by_margin_then_no_estimate(default_run):
    text = shown(_counties(default_run))
    assert len(text) == 23  # 21 counties, Helsinki, Åland
    # met: furthest past 35 % first (Helsinki 51,2 ... Pirkanmaa 36,1)
    assert list(text["Alue"][:9]) == ["Helsinki", "Vantaa-Kerava", "Keski-Uusimaa", "Länsi-Uusimaa",
                                      "Pohjois-Pohjanmaa", "Kainuu", "Itä-Uusimaa", "Lappi", "Pirkanmaa"]
    assert set(text["Arvio"][:9]) == {"✓ saavutettu"}
    # on track, largest margin first: Keski-Suomi 7,25 - 0,47 = 6,79 ... Pohjanmaa 3,55 - 3,47 = 0,09;
    # Satakunta (2,5373) just ahead of Pohjois-Savo (2,5365)
    assert list(text["Alue"][9:21]) == ["Keski-Suomi", "Päijät-Häme", "Etelä-Karjala", "Kanta-Häme", "Etelä-Savo",
                                        "Kymenlaakso", "Satakunta", "Pohjois-Savo", "Pohjois-Karjala",
                                        "Keski-Pohjanmaa", "Etelä-Pohjanmaa", "Pohjanmaa"]
    assert set(text["Arvio"][9:21]) == {"→ aikataulussa"}
    assert text.iloc[20]["Ero tarvittavaan / v"] == "0,1" + PTS + "/v"
    # no estimate last and unranked: Åland has no 2020 value, Varsinais-Suomi no value at all
    assert list(text["Alue"][21:]) == ["Ahvenanmaa", "Varsinais-Suomi"]
    assert set(text["Arvio"][21:]) == {"? ei arviota"} and set(text["Sija"][21:]) == {"ei tietoa"}
    assert list(text["Sija"][:21]) == [str(i) for i in range(1, 22)]
    assert "Ei arviota: Ahvenanmaa, Varsinais-Suomi." in texts(default_run)


def test_chart_plots_pace_so_far_against_pace_needed(default_run):
    data = chart_data(default_run, 0)
    assert len(data) == 21  # the two counties without an estimate are not plotted
    sata = data[data["county"] == "Satakunta"].iloc[0]
    assert round(sata["achieved"], 3) == 5.003 and round(sata["needed"], 3) == 2.466
    assert sata["label"] == "→ aikataulussa · 5,0" + PTS + "/v"
    assert "Tähän asti 5,0" in sata["explanation"]  # the tooltip explains the verdict
    assert list(data["county"][:2]) == ["Helsinki", "Vantaa-Kerava"]


def test_county_own_targets_from_the_plan(default_run):
    text = shown(_own(default_run))
    digital = text[text["Indikaattori"].str.startswith("Asioinut digitaalisesti")]
    assert list(digital["Tavoite"]) == [f"20,0{NB}%", f"35,0{NB}%", f"35,0{NB}%"]
    assert list(digital["Määräaika"]) == ["30.6.2024", "28.2.2025", "31.12.2025"]
    assert set(digital["Lähtötason kausi"]) == {"2020 (päätelty)"}
    assert list(digital["Arvio"]) == ["✓ saavutettu", "→ aikataulussa", "→ aikataulussa"]
    assert list(digital["Tarvitaan / v"]) == ["0,0" + PTS + "/v", "3,4" + PTS + "/v", "2,5" + PTS + "/v"]
    assert set(digital["Tähän asti / v"]) == {"5,0" + PTS + "/v"}
    assert "jolloin alueen arvo oli sama" in digital.iloc[2]["Perustelu"]
    access = text[text["Indikaattori"].str.startswith("Hoitoon pääsy")].iloc[0]
    assert (access["Viimeisin"], access["Arvio"]) == ("ei tietoa", "? ei arviota")
    # the plan gives 35 % two deadlines: both rows are shown, and the page says so
    assert "Satakunta: suunnitelma antaa tavoitteelle 35,0\u00a0% eri määräajat (28.2.2025, 31.12.2025)" in texts(default_run)


def test_yta_filter_limits_counties_and_roundtrips_in_url(app_db):
    at = run_page("tavoitevauhti", {"yta": "Länsi-Suomi"})
    assert not at.exception
    assert list(_counties(at).value["Alue"]) == ["Satakunta", "Pohjanmaa", "Varsinais-Suomi"]
    assert list(_counties(at).value["Sija"].astype("string").fillna("-")) == ["1", "2", "-"]
    assert param(at, "yta") == "Länsi-Suomi"
    assert len(_own(at).value) == 4  # Satakunta's own targets
    # the national targets do not depend on the filter
    assert len(_national(at).value) == 4
    at.sidebar.selectbox(key="w_yta").set_value("Pohjois-Suomi").run()
    assert param(at, "yta") == "Pohjois-Suomi"
    assert list(_counties(at).value["Alue"]) == ["Pohjois-Pohjanmaa", "Kainuu", "Lappi", "Keski-Pohjanmaa"]
    assert "Valituilla alueilla ei ole lähteissä omia tavoitteita." in texts(at)
    assert not any("Suunnitelman sanamuoto" in tb.value.columns for tb in at.table)


def test_regions_from_the_url_select_and_highlight(app_db):
    at = run_page("tavoitevauhti", {"alueet": "06,17"})
    assert not at.exception
    assert param(at, "alueet") == "06,17"
    assert at.sidebar.multiselect(key="w_alueet").value == ["06", "17"]
    assert list(_counties(at).value["Alue"]) == ["Satakunta", "Pohjanmaa"]
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert "datum['region_code'] === '06'" in spec and "datum['region_code'] === '17'" in spec


def test_bad_parameter_falls_back_with_notice(app_db):
    at = run_page("tavoitevauhti", {"alueet": "06,zz"})
    assert not at.exception
    assert "alueet=06,zz" in " ".join(w.value for w in at.warning)
    assert len(_counties(at).value) == 23


def test_csv_download_matches_table(default_run):
    df = _counties(default_run).value
    lines = exports.csv_fi(df).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Sija;Alue;YTA;Lähtötaso 2020;Viimeisin;Viimeisimmän kausi;Jäljellä;Tarvitaan / v")
    assert [line.split(";")[1] for line in lines[1:]] == list(df["Alue"])
    sata = next(line for line in lines if line.startswith("16;Satakunta;"))
    assert sata.startswith("16;Satakunta;Länsi-Suomi;17,6;27,6;2022;7,4;2,466104015;5,003424658;")
    assert "→ aikataulussa" in sata
    nat = exports.csv_fi(_national(default_run).value).decode("utf-8-sig").splitlines()
    assert any(line.startswith("P4I1;") and ";67,0;1/2020;78,0;12/2023;80,0;2025-12-31;2,0;" in line for line in nat)


def test_swedish_ui(app_db):
    at = run_page("tavoitevauhti", {"lang": "sv", "alueet": "06"})
    assert not at.exception
    assert at.title[0].value == "Takt mot målen"
    text = shown(table_with(at, "Skillnad mot behovet / år"))
    row = text.iloc[0]
    assert row["Område"] == "Satakunta välfärdsområde"
    assert (row["Kvar"], row["Behövs / år"]) == (f"7,4{NB}%-enh.", f"2,5{NB}%-enh./år")
    assert row["Bedömning"] == "→ enligt tidtabellen"


def test_presentation_mode_shows_one_section(app_db):
    at = run_page("tavoitevauhti", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Hyvinvointialueet tavoitevauhdin mukaan: digitaalinen asiointi"]
    assert len(at.table) == 1 and "Ero tarvittavaan / v" in at.table[0].value.columns
