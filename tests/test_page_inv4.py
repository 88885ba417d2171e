"""AppTest: the investment 4 page (Sotkanet 5548 by county)."""

from apptest_helpers import run_page, texts

from rrp_data import exports


def test_renders_with_national_figures_and_target(app_db):
    at = run_page("inv4_digi")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Koko maa 2022"] == "36,5\u00a0%"
    assert metrics["Koko maa 2024"] == "41,9\u00a0%"
    assert metrics["Tavoite 10–12/2025"] == "35,0\u00a0%"


def test_county_table_has_satakunta_and_marks_missing_counties(app_db):
    at = run_page("inv4_digi")
    df = at.table[0].value
    sata = df[df["Alue"] == "Satakunta"].iloc[0]
    assert sata["2020"] == 17.6 and sata["2022"] == 27.6
    assert round(sata["Muutos 2020–2022"], 1) == 10.0
    assert round(sata["Matkaa 35 %:iin"], 1) == 7.4
    # Varsinais-Suomi is not in the source table: listed, with no value, and named in the notice.
    vs = df[df["Alue"] == "Varsinais-Suomi"].iloc[0]
    assert vs.isna()["2022"]
    assert "Varsinais-Suomi" in texts(at)


def test_yta_filter_limits_table_and_roundtrips_in_url(app_db):
    at = run_page("inv4_digi", {"yta": "Länsi-Suomi"})
    assert not at.exception
    df = at.table[0].value
    assert set(df["Alue"]) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}
    assert at.query_params["yta"] == ["Länsi-Suomi"] or at.query_params["yta"] == "Länsi-Suomi"
    # change the filter as a user would: the URL follows
    at.sidebar.selectbox(key="w_yta").set_value("Pohjois-Suomi").run()
    df = at.table[0].value
    assert set(df["Alue"]) == {"Kainuu", "Keski-Pohjanmaa", "Lappi", "Pohjois-Pohjanmaa"}
    assert "Pohjois-Suomi" in str(at.query_params["yta"])


def test_bad_parameter_falls_back_with_notice(app_db):
    at = run_page("inv4_digi", {"yta": "Atlantis", "alueet": "06,zz"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "yta=Atlantis" in warnings and "alueet=06,zz" in warnings
    assert len(at.table[0].value) == 23  # default: every county, Helsinki and Åland


def test_csv_download_matches_table(app_db):
    at = run_page("inv4_digi", {"alueet": "06,90"})
    df = at.table[0].value
    data = exports.csv_fi(df).decode("utf-8-sig").splitlines()
    assert data[0].startswith("Alue;YTA;2020;2022")
    assert any(line.startswith("Satakunta;Länsi-Suomi;17,6;27,6") for line in data)
    assert any(line.startswith("Helsinki;Etelä-Suomi;42,6;51,2") for line in data)


def test_swedish_ui_uses_swedish_county_names(app_db):
    at = run_page("inv4_digi", {"lang": "sv"})
    assert not at.exception
    assert at.title[0].value == "Investering 4 — Digitala tjänster"
    df = at.table[0].value
    assert "Egentliga Finlands välfärdsområde" in set(df["Område"])
    assert "Helsingfors stad" in set(df["Område"])


def test_tile_map_marks_missing_values_only_inside_the_filtered_view(app_db):
    from apptest_helpers import chart_data

    at = run_page("inv4_digi", {"yta": "Länsi-Suomi"})
    tiles = next(
        df for df in (chart_data(at, i) for i in range(len(at.get("vega_lite_chart")))) if "col" in df.columns
    ).set_index("name")
    assert tiles.loc["Satakunta", "label"] == "27,6\u00a0%"
    assert tiles.loc["Varsinais-Suomi", "label"] == "ei tietoa"  # in view, not in the source table
    assert tiles.loc["Lappi", "label"] == ""  # outside the chosen YTA: grey, no claim about its data
    assert not tiles.loc["Lappi", "in_view"]
