"""AppTest: the "what changed" page (Muutokset): progress % per county x investment between two reporting periods,
an indicator's values between two of its periods, targets newly reached, traffic lights that changed colour.

Expected values are hand-computed from data/sources (the documents' figures):
- Sotkanet 5548, Satakunta 2020 -> 2022: 17,6 -> 27,6 = +10,0 points; whole country 25,8 -> 36,5 = +10,7.
- Progress P4I1, Satakunta 7-9/2024 -> 10-12/2025: 60 -> 100 = +40 points (progress.csv); Keski-Uusimaa
  40 -> 100 = +60 (the largest change); Päijät-Häme 70 -> 90 = +20 (the smallest).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from apptest_helpers import chart_data, module_run, param, run_page, shown, table_with, texts

from rrp_data import exports
from rrp_data.build import build
from rrp_data.paths import SOURCES_DIR

P4I1 = "P4I1 · Hoitotakuu ja hoitoon pääsy"
P4I2 = "P4I2 · Hyte-palvelukonsepti"
PTS = "\u00a0%-yks."

default_run = module_run("muutokset")


def _progress(at):
    return table_with(at, "Investointi")


def _indicator(at):
    return next(tb for tb in at.table if "Investointi" not in tb.value.columns and "Muutos" in tb.value.columns)


def _warnings(at) -> str:
    return " ".join(w.value for w in at.warning)


# --- defaults with the shipped data -----------------------------------------------------------------------------------


def test_defaults_compare_the_two_latest_progress_periods_largest_change_first(default_run):
    at = default_run
    assert not at.exception
    page = texts(at)
    assert "Edistymisen muutos 7–9/2024 → 10–12/2025" in page
    tb = _progress(at)
    df, text = tb.value, shown(tb)
    assert list(df.columns) == ["Alue", "YTA", "Investointi", "7–9/2024", "10–12/2025", "Muutos"]
    sata = df[(df["Alue"] == "Satakunta") & (df["Investointi"] == P4I1)].iloc[0]
    assert (sata["7–9/2024"], sata["10–12/2025"], sata["Muutos"]) == (60, 100, 40)
    row = text[(text["Alue"] == "Satakunta") & (text["Investointi"] == P4I1)].iloc[0]
    assert (row["7–9/2024"], row["10–12/2025"], row["Muutos"]) == ("60\u00a0%", "100\u00a0%", "+40,0" + PTS)
    # sorted by the size of the change: Keski-Uusimaa +60 first, Päijät-Häme +20 the last change
    assert (df.iloc[0]["Alue"], df.iloc[0]["Muutos"]) == ("Keski-Uusimaa", 60)
    changes = df["Muutos"].dropna()
    assert list(changes.abs()) == sorted(changes.abs(), reverse=True)
    assert len(changes) == 22 and changes.iloc[-1] == 20 and df.loc[changes.index[-1], "Alue"] == "Päijät-Häme"
    # every row with a change comes before the rows without one
    assert df["Muutos"].notna().tolist() == [True] * 22 + [False] * (len(df) - 22)
    # investment 2 has no 10-12/2025 figure: "ei tietoa" and no change (never 0)
    p4i2 = text[(text["Alue"] == "Satakunta") & (text["Investointi"] == P4I2)].iloc[0]
    assert (p4i2["7–9/2024"], p4i2["10–12/2025"], p4i2["Muutos"]) == ("60\u00a0%", "ei tietoa", "ei tietoa")
    # 22 areas x 4 investments of 7-9/2024 plus 6 + 6 pillar-3 rows; 22 of them with both values
    assert len(df) == 100
    assert "100 riviä (alue ja investointi), joista 22 riviltä on arvo molemmilta kausilta" in page
    # the chart: one bar per row with a change, the change printed on it
    bars = chart_data(at, 0)
    assert len(bars) == 22
    assert bars.set_index("label").loc["Satakunta · P4I1", "text"] == "+40,0" + PTS
    # the sources' own note and both documents
    assert "toteuma hankekauden päättyessä (muut alueet 100 %)" in page
    assert "003_60821df21df53ca5.txt" in page and "002_d249da5566d77722.txt" in page


def test_indicator_default_is_5548_2020_to_2022_satakunta_plus_ten_points(default_run):
    at = default_run
    page = texts(at)
    assert "Indikaattorin muutos 2020 → 2022" in page and "(sotkanet:5548)" in page
    tb = _indicator(at)
    text = shown(tb).set_index("Alue")
    assert (text.loc["Satakunta", "2020"], text.loc["Satakunta", "2022"]) == ("17,6\u00a0%", "27,6\u00a0%")
    assert text.loc["Satakunta", "Muutos"] == "+10,0" + PTS
    # the whole country: its own row, last: 25,8 -> 36,5 = +10,7
    assert list(text.index)[-1] == "Koko maa"
    assert text.loc["Koko maa", "Muutos"] == "+10,7" + PTS
    # areas sorted by the change: Keski-Uusimaa 26,6 -> 44,3 = +17,7 first; Åland (2022 only) without a change
    df = tb.value
    assert df.iloc[0]["Alue"] == "Keski-Uusimaa" and df.iloc[0]["Muutos"] == pytest.approx(17.7)
    areas = df[df["Alue"] != "Koko maa"]["Muutos"].dropna()
    assert list(areas) == sorted(areas, reverse=True)
    assert text.loc["Ahvenanmaa", "2020"] == "ei tietoa" and text.loc["Ahvenanmaa", "Muutos"] == "ei tietoa"
    # Varsinais-Suomi is not in the source table at all: named, not listed with invented values
    assert "Varsinais-Suomi" not in text.index
    assert any("Varsinais-Suomi" in i.value for i in at.info)
    # the chart's whole-country bar is marked as such (drawn black)
    bars = chart_data(at, 1).set_index("label")
    assert bars.loc["Satakunta", "text"] == "+10,0" + PTS
    assert bool(bars.loc["Koko maa", "national"]) and not bool(bars.loc["Satakunta", "national"])
    assert "Investoinnin 4 tilanne: Sotkanet ind. 5548 taulukko" in page


def test_targets_newly_reached_between_2020_and_2022(default_run):
    at = default_run
    tb = table_with(at, "Tavoitetaso")
    text = shown(tb)
    assert set(text["Tilanne"]) == {"Saavutettu uutena"}
    # Satakunta's own target (project plan): 20 % by 6/2024; 17,6 % in 2020, 27,6 % in 2022
    own = text[(text["Alue"] == "Satakunta") & (text["Tavoite"] == "Alueen oma tavoite")]
    assert own[["Tavoitetaso", "Määräaika", "2020", "2022"]].values.tolist() == [
        ["20,0\u00a0%", "6/2024", "17,6\u00a0%", "27,6\u00a0%"]
    ]
    # Satakunta's 35 % targets and the programme's 30 % interim target are not reached (27,6 %)
    assert len(text[text["Alue"] == "Satakunta"]) == 1
    # the whole country: 25,8 -> 36,5 reaches both the 30 % interim target and the 35 % target
    national = text[text["Alue"] == "Koko maa"]
    assert set(national["Tavoitetaso"]) == {"30,0\u00a0%", "35,0\u00a0%"}
    assert text.iloc[0]["Alue"] == "Koko maa"
    page = texts(at)
    assert "uutena saavutettu 22, ennestään saavutettu 4, ei vielä saavutettu 21, ei enää saavutettu 0" in page
    # the document's own statement for the same window
    assert "Tavoite saavutettiin vuonna 2022, jolloin koko maan keskiarvo oli 36,5 %." in page
    # progress that reached 100 % between the two reporting periods: 20 areas in investment 1 (two ended at 90 %)
    done = next(tb for tb in at.table if "Muutos" not in tb.value.columns and "Investointi" in tb.value.columns)
    assert len(done.value) == 20 and set(done.value["Investointi"]) == {P4I1}
    assert not {"Päijät-Häme", "Etelä-Karjala"} & set(done.value["Alue"])


def test_traffic_lights_empty_state(default_run):
    info = " ".join(i.value for i in default_run.info)
    assert "Liikennevalotietoja ei ole vielä ladattu" in info and "status_lights.csv" in info


# --- filters, parameters, downloads -------------------------------------------------------------------------------


def test_yta_filter_limits_rows_and_url_roundtrip(app_db):
    at = run_page("muutokset", {"yta": "Länsi-Suomi"})
    assert not at.exception
    df = _progress(at).value
    assert set(df["Alue"]) == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}
    assert len(df) == 17  # 3 x 4 pillar-4 rows, TKO for all three, IPS for Pohjanmaa and Varsinais-Suomi
    assert list(df["Alue"][:3]) == ["Pohjanmaa", "Varsinais-Suomi", "Satakunta"]  # +50, +50, +40
    ind = _indicator(at).value
    assert list(ind["Alue"]) == ["Satakunta", "Pohjanmaa", "Koko maa"]  # +10,0, +7,1; the country always
    assert param(at, "yta") == "Länsi-Suomi"
    # the indicator's period chosen as a user would: the URL follows, the comparison default follows the choice
    at.sidebar.selectbox(key="w_vuosi").set_value("2024").run()
    assert not at.exception
    assert param(at, "vuosi") == "2024" and param(at, "vuosi2") is None
    assert "Indikaattorin muutos 2022 → 2024" in texts(at)
    text = shown(_indicator(at)).set_index("Alue")
    assert text.loc["Koko maa", "Muutos"] == "+5,4" + PTS  # 36,5 -> 41,9
    assert text.loc["Satakunta", "2024"] == "ei tietoa" and text.loc["Satakunta", "Muutos"] == "ei tietoa"
    at.sidebar.selectbox(key="w_vuosi2").set_value("2020").run()
    assert param(at, "vuosi2") == "2020"
    assert shown(_indicator(at)).set_index("Alue").loc["Koko maa", "Muutos"] == "+16,1" + PTS  # 25,8 -> 41,9
    # the same link opens the same comparison
    again = run_page("muutokset", {"yta": "Länsi-Suomi", "vuosi": "2024", "vuosi2": "2020"})
    assert "Indikaattorin muutos 2020 → 2024" in texts(again)


def test_bad_parameters_fall_back_with_notice(app_db):
    at = run_page("muutokset", {"kausi": "2025-Q4", "kausi2": "2025-Q4", "vuosi": "2020", "indikaattori": "x:1"})
    assert not at.exception
    warnings = _warnings(at)
    assert "kausi2=2025-Q4" in warnings and "ennen kautta 10–12/2025" in warnings  # same period
    assert "vuosi=2020" in warnings and "edeltävää kautta ei ole" in warnings  # nothing earlier than 2020 to compare with
    assert "indikaattori=x:1" in warnings
    page = texts(at)
    assert "Edistymisen muutos 7–9/2024 → 10–12/2025" in page and "Indikaattorin muutos 2020 → 2022" in page
    assert param(at, "kausi2") is None and param(at, "vuosi") is None and param(at, "indikaattori") is None
    # a comparison period later than the period looked at, and an unknown period
    at = run_page("muutokset", {"vuosi": "2022", "vuosi2": "2024", "kausi": "2099-Q1"})
    warnings = _warnings(at)
    assert "vuosi2=2024" in warnings and "kausi=2099-Q1" in warnings
    assert "Indikaattorin muutos 2020 → 2022" in texts(at)


def test_indicator_choice_national_only_and_investment_filter(app_db):
    at = run_page("muutokset", {"indikaattori": "access7d:all:all"})
    assert not at.exception
    # periods ordered by their end: 5-7/2023, 2023, 10-12/2023 (average), 12/2023; the two latest by default
    assert "Indikaattorin muutos 10–12/2023 → 12/2023" in texts(at)
    text = shown(_indicator(at))
    assert text.values.tolist() == [["Koko maa", "–", "78,3\u00a0%", "78,0\u00a0%", "−0,3" + PTS]]
    assert any("vain koko maan arvoja" in i.value for i in at.info)
    # investment 2 has no indicator with two periods: said, and the progress table is limited to it
    at = run_page("muutokset", {"investointi": "P4I2"})
    assert not at.exception
    assert any("ei ole indikaattoria" in i.value for i in at.info)
    assert set(_progress(at).value["Investointi"]) == {P4I2}


def test_csv_download_matches_table(app_db):
    at = run_page("muutokset", {"alueet": "06,90"})
    tb = _progress(at)
    lines = exports.csv_fi(tb.value).decode("utf-8-sig").splitlines()
    assert lines[0] == "Alue;YTA;Investointi;7–9/2024;10–12/2025;Muutos"
    assert lines[1] == f"Helsinki;Etelä-Suomi;{P4I1};60,0;100,0;40,0"
    assert lines[2] == f"Satakunta;Länsi-Suomi;{P4I1};60,0;100,0;40,0"
    assert len(lines) == 1 + len(tb.value) == 1 + 4 + 5  # Helsinki: 4 investments; Satakunta: 4 and P3-TKO
    ind = exports.csv_fi(_indicator(at).value).decode("utf-8-sig").splitlines()
    assert ind == ["Alue;YTA;2020;2022;Muutos", "Satakunta;Länsi-Suomi;17,6;27,6;10,0",
                   "Helsinki;Etelä-Suomi;42,6;51,2;8,6", "Koko maa;–;25,8;36,5;10,7"]


def test_presentation_mode_shows_one_section(app_db):
    at = run_page("muutokset", {"esitys": "1", "osa": "2", "alue": "06"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Indikaattorin muutos 2020 → 2022"]
    assert "2/4" in texts(at)
    assert len(at.sidebar.children) == 0  # the periods and the indicator come from the link alone
    assert len(at.table) == 1
    bars = chart_data(at, 0)
    assert "Satakunta" in set(bars["label"])
    # the chart renders (the PNG download and the slide export use the same spec)
    chart = next(i for i in at.session_state["_view"]["items"] if i["kind"] == "chart")
    png = exports.chart_png(chart["spec"], chart["title"], chart["source"], "1.1.2026", scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_swedish_labels(app_db):
    at = run_page("muutokset", {"lang": "sv", "alueet": "06"})
    assert not at.exception
    assert at.title[0].value == "Förändringar"
    text = shown(_indicator_sv(at)).set_index("Område")
    assert text.loc["Satakunta välfärdsområde", "Förändring"] == "+10,0\u00a0%-enh."


def _indicator_sv(at):
    return next(tb for tb in at.table if "Investering" not in tb.value.columns and "Förändring" in tb.value.columns)


# --- a new reporting period loaded: offered and compared by default ------------------------------------------------------

NEW_DOC = "003_60821df21df53ca5.txt | testiaineisto (synteettinen uusi kausi)"


def _append(path: Path, rows: list[list[str]]) -> None:
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


@pytest.fixture(scope="module")
def new_period_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sources plus a synthetic new reporting period 1-3/2026 (progress and traffic lights) and a
    2024 county value of Sotkanet 5548 (Satakunta 31,2 %)."""
    tmp = tmp_path_factory.mktemp("changes_new_period")
    src = tmp / "sources"
    shutil.copytree(SOURCES_DIR, src)
    _append(src / "progress.csv", [
        ["2026-Q1", "P4I1", "09", "100", "", NEW_DOC],
        ["2026-Q1", "P4I2", "06", "95", "", NEW_DOC],
    ])
    _append(src / "indicator_values.csv", [["sotkanet:5548", "06", "2024", "31.2", "", "2024", "", NEW_DOC]])
    _append(src / "status_lights.csv", [
        ["2025-Q4", "P4I1", "06", "schedule", "watch", NEW_DOC],
        ["2026-Q1", "P4I1", "06", "schedule", "on_track", NEW_DOC],
        ["2025-Q4", "P4I1", "06", "costs", "on_track", NEW_DOC],
        ["2026-Q1", "P4I1", "06", "costs", "on_track", NEW_DOC],
        ["2025-Q4", "P4I2", "05", "staff", "on_track", NEW_DOC],
        ["2026-Q1", "P4I2", "05", "staff", "action_needed", NEW_DOC],
        ["2025-Q4", "P4I3", "90", "risks", "watch", NEW_DOC],
        ["2026-Q1", "P4I3", "90", "risks", "not_reported", NEW_DOC],
    ])
    db = tmp / "rrp.duckdb"
    build(src, db, log=lambda _m: None)
    return db


def test_new_period_is_the_default_and_changes_are_computed(new_period_db, monkeypatch):
    monkeypatch.setenv("RRP_DB", str(new_period_db))
    at = run_page("muutokset")
    assert not at.exception
    page = texts(at)
    assert "Edistymisen muutos 10–12/2025 → 1–3/2026" in page
    df = _progress(at).value
    assert df.iloc[0][["Alue", "Investointi", "10–12/2025", "1–3/2026", "Muutos"]].tolist() == [
        "Päijät-Häme", P4I1, 90, 100, 10
    ]
    assert df["Muutos"].notna().sum() == 1
    sata = shown(_progress(at))
    sata = sata[(sata["Alue"] == "Satakunta") & (sata["Investointi"] == P4I2)].iloc[0]
    assert (sata["10–12/2025"], sata["1–3/2026"], sata["Muutos"]) == ("ei tietoa", "95\u00a0%", "ei tietoa")
    # Päijät-Häme's investment 1 reached 100 % in the new period
    done = next(tb for tb in at.table if "Muutos" not in tb.value.columns and "Investointi" in tb.value.columns
                and "Ulottuvuus" not in tb.value.columns)
    assert done.value["Alue"].tolist() == ["Päijät-Häme"]
    # the indicator: the new 2024 county value makes 2022 -> 2024 the default; Satakunta 27,6 -> 31,2 = +3,6
    assert "Indikaattorin muutos 2022 → 2024" in page
    ind = shown(_indicator(at)).set_index("Alue")
    assert ind.loc["Satakunta", "Muutos"] == "+3,6" + PTS and ind.loc["Koko maa", "Muutos"] == "+5,4" + PTS
    targets = shown(table_with(at, "Tavoitetaso"))
    assert targets[["Alue", "Tavoite", "Tavoitetaso"]].values.tolist() == [
        ["Satakunta", "Ohjelman välitavoite", "30,0\u00a0%"]
    ]
    # traffic lights that changed colour, the largest change first; the unchanged one is not listed
    lights = shown(table_with(at, "Ulottuvuus"))
    assert lights[["Alue", "Ulottuvuus", "10–12/2025", "1–3/2026", "Suunta"]].values.tolist() == [
        ["Varsinais-Suomi", "Henkilöstö", "✓ Etenee", "✕ Toimia tarvitaan", "Heikkeni"],
        ["Satakunta", "Aikataulu", "! Seurattava", "✓ Etenee", "Parani"],
        ["Helsinki", "Riskit", "! Seurattava", "? Ei raportoitu", "Muuttui"],
    ]
    # the earlier comparison is still one click (and one link) away: 7-9/2024 -> 1-3/2026 for Satakunta's P4I2
    at.sidebar.selectbox(key="w_kausi2").set_value("2024-Q3").run()
    assert param(at, "kausi2") == "2024-Q3"
    text = shown(_progress(at))
    row = text[(text["Alue"] == "Satakunta") & (text["Investointi"] == P4I2)].iloc[0]
    assert row["Muutos"] == "+35,0" + PTS  # 60 -> 95
    assert any("1–3/2026" in i.value and "7–9/2024" in i.value for i in at.info)  # no lights for 7-9/2024
