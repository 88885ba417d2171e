"""The table menu (rrp_data/ui.py ``table``): one menu at the top right of every table, like a report visual's
"more options", holding the table's order (from ``ui.SORT_MIN_ROWS`` rows) and its CSV and XLSX downloads. Its
content is drawn only while it is open; the chosen order holds after it closes and shows as a badge; the files
hold the rows as shown, in the order shown."""

from __future__ import annotations

import io

import openpyxl
from apptest_helpers import capture_downloads, download, popovers, run_page, shown

from rrp_data import exports

NBSP = "\u00a0"


def _page():
    import pandas as pd
    import streamlit as st

    from rrp_data import ui

    ui.begin_run()
    ui.set_run_lang("fi")
    ui.begin_view("testi")
    share = st.session_state.get("share_column", "Osuus")  # a test renames the column, as a language switch does
    df = pd.DataFrame({"Alue": ["Satakunta", "Kainuu", "Lappi", "Kanta-Häme", "Pirkanmaa", "Vantaa ja Kerava",
                                "Kymenlaakso"],
                       share: [27.6, None, 31.25, 12.0, 40.0, 19.5, 8.0]})
    ui.table(ui.prepare_table(df, {share: ui.fmt_pct}), name="valmis")
    ui.table(df.head(ui.SORT_MIN_ROWS - 1), {share: ui.fmt_pct}, name="lyhyt")


def _app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_page, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _badges(at) -> list[str]:
    return [m.value for m in at.markdown if "-badge[" in m.value]


def test_closed_menus_draw_no_widgets(app_db):
    at = _app()
    menus = popovers(at)
    assert [(m.id.endswith("-menu_valmis"), m.id.endswith("-menu_lyhyt"), m.popover.label) for m in menus] == [
        (True, False, "Järjestä ja lataa"), (False, True, "Lataa")]  # a short table: downloads only
    assert not at.selectbox and not at.get("download_button") and not _badges(at)


def test_the_order_is_chosen_in_the_menu_and_holds_after_it_closes(app_db):
    at = _app()
    at.session_state["menu_valmis"] = True
    at.run()
    assert [s.key for s in at.selectbox] == ["sort_valmis"]
    assert sorted(b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")) == ["dl_csv_valmis",
                                                                                          "dl_xlsx_valmis"]
    at.selectbox(key="sort_valmis").set_value("-Osuus").run()
    expected = ["40,0", "31,3", "27,6", "19,5", "12,0", "8,0"]
    assert shown(at, 0)["Osuus"].tolist() == [f"{v}{NBSP}%" for v in expected] + ["ei tietoa"]
    assert len(_badges(at)) == 1 and "Osuus: suurin ensin" in _badges(at)[0]

    at.session_state["menu_valmis"] = False  # the user clicks outside: the menu closes
    at.run()
    assert not at.selectbox and not at.get("download_button")
    assert shown(at, 0)["Osuus"].tolist()[0] == f"40,0{NBSP}%"  # still sorted
    assert "Osuus: suurin ensin" in _badges(at)[0]

    at.session_state["menu_valmis"] = True  # reopened, the control shows the order in force
    at.run()
    assert at.selectbox(key="sort_valmis").value == "-Osuus"
    at.selectbox(key="sort_valmis").set_value("").run()  # back to the default order: no badge
    assert shown(at, 0)["Alue"].tolist()[0] == "Satakunta" and not _badges(at)


def test_an_order_for_a_column_no_longer_shown_falls_back_to_the_default(app_db):
    at = _app()
    at.session_state["menu_valmis"] = True
    at.run()
    at.selectbox(key="sort_valmis").set_value("-Osuus").run()
    at.session_state["share_column"] = "Andel"  # e.g. the language switched to Swedish
    at.run()
    assert not at.exception
    assert shown(at, 0)["Alue"].tolist()[0] == "Satakunta" and not _badges(at)


def test_presentation_mode_has_no_menus_but_keeps_the_order(app_db):
    at = _app()
    at.session_state["menu_valmis"] = True
    at.run()
    at.selectbox(key="sort_valmis").set_value("+Alue").run()
    at.query_params["esitys"] = "1"
    at.run()
    assert not popovers(at) and not at.selectbox and not _badges(at)
    assert shown(at, 0)["Alue"].tolist()[0] == "Kainuu"  # the order the presenter chose


def test_menu_downloads_hold_the_rows_shown_in_the_order_shown(app_db, monkeypatch):
    """The investment 4 county table (23 areas), sorted by the 2022 share: the CSV (Finnish Excel) and the XLSX
    the menu's buttons give have exactly the rows of the table on screen, in its order."""
    captured = capture_downloads(monkeypatch)
    at = run_page("inv4_digi")
    name = "digitaalinen-asiointi-alueittain"
    at.session_state[f"menu_{name}"] = True
    at.run()
    at.selectbox(key=f"sort_{name}").set_value("-2022").run()
    table = at.table[0].value
    values = table["2022"].tolist()
    known = [v for v in values if v == v]
    assert len(table) == 23 and known == sorted(known, reverse=True) and values[: len(known)] == known  # none last
    assert table["Alue"].iloc[-1] == "Varsinais-Suomi"  # not in the source table: no 2022 value

    file_name, make = download(at, captured, f"dl_csv_{name}")
    assert file_name.startswith("digitaalinen-asiointi-alueittain_") and file_name.endswith(".csv")
    csv = make()
    assert csv.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines == exports.csv_fi(table).decode("utf-8-sig").splitlines()
    assert lines[1].startswith(f"{table['Alue'].iloc[0]};")
    assert any(line.startswith("Satakunta;Länsi-Suomi;17,6;27,6") for line in lines)

    file_name, make = download(at, captured, f"dl_xlsx_{name}")
    assert file_name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(make())).active
    rows = [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
    assert rows[0][0]  # the title row
    assert list(rows[1]) == list(table.columns)
    assert [r[0] for r in rows[2:25]] == table["Alue"].tolist()
    assert rows[2][3] == known[0]  # the largest 2022 share first, as a number (not text)


def _folded_page():
    import pandas as pd

    from rrp_data import ui

    ui.begin_run()
    ui.set_run_lang("fi")
    ui.begin_view("testi")
    ui.folded_table("Taulukkona", pd.DataFrame({"Alue": ["Satakunta"], "Osuus": [27.6]}), formats={"Osuus": ui.fmt_pct},
                    name="kuvan-luvut", title="Kuvan luvut")


def test_a_folded_table_is_drawn_and_exported_only_while_open(app_db):
    from apptest_helpers import unfold
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_folded_page, default_timeout=60)
    at.run()
    assert [e.label for e in at.expander] == ["Taulukkona"]
    assert not at.table and not popovers(at) and at.session_state["_view"]["items"] == []
    unfold(at)
    assert shown(at, 0)["Osuus"].tolist() == [f"27,6{NBSP}%"]
    assert [m.id.endswith("-menu_kuvan-luvut") for m in popovers(at)] == [True]
    assert [i["title"] for i in at.session_state["_view"]["items"]] == ["Kuvan luvut"]  # on the slides while open
