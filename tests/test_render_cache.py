"""Reruns replay finished elements instead of drawing them again (rrp_data/ui.py: ``replayed``, the table and
chart element caches, ``cache_data`` for page scripts, shared query results). What a rerun shows must be exactly
what a first run draws, follow the language and a rebuilt database, and never mix up two different tables."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest
import streamlit as st
from apptest_helpers import run_page
from data_helpers import copy_db, copy_sources, replace_in_line, run_build

from rrp_data import charts, ui

PAGES = ["home", "edistyminen", "muutokset", "tavoitevauhti", "pilari3", "inv1_hoitoon_paasy", "inv2_hyte",
         "inv3_tietopohja", "inv4_digi", "alueet", "hankesuunnitelmat", "tietolahteet"]


def snapshot(at) -> list[tuple]:
    """Every element and block of the run in order, as its serialized message (what the browser receives)."""
    out: list[tuple] = []

    def walk(node, depth: int) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and proto.DESCRIPTOR.name == "DownloadButton":
            proto = type(proto).FromString(proto.SerializeToString())
            proto.ClearField("deferred_file_id")  # a fresh id for the file each run, by design
        out.append((depth, type(node).__name__, proto.SerializeToString(deterministic=True) if proto is not None else b""))
        for child in getattr(node, "children", {}).values():
            walk(child, depth + 1)

    walk(at._tree, 0)
    return out


def items(at) -> list[tuple]:
    return [(i["kind"], i["name"], i["title"], i["source"]) for i in at.session_state["_view"]["items"]]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", [{}, {"esitys": "1", "osa": "2"}], ids=["normal", "presentation"])
def test_a_rerun_replays_exactly_what_the_first_run_drew(app_db, page, params):
    st.cache_data.clear()
    st.cache_resource.clear()
    at = run_page(page, params)  # cold: everything drawn
    assert not at.exception
    first, first_items = snapshot(at), items(at)
    at.run()  # warm: cached parts replayed
    assert not at.exception
    assert snapshot(at) == first
    assert items(at) == first_items  # the slide export sees the same tables and charts


def test_replayed_parts_follow_the_language(app_db):
    at = run_page("home")
    fi_titles = [m.value for m in at.markdown if m.value.startswith("####")]
    at.query_params["lang"] = "sv"
    at.session_state["_lang"] = "sv"
    at.run()
    sv_titles = [m.value for m in at.markdown if m.value.startswith("####")]
    assert fi_titles and sv_titles and len(fi_titles) == len(sv_titles)
    assert fi_titles != sv_titles  # the target cards (a replayed part) are drawn again in Swedish
    assert any(m.label.startswith("Mål ") for m in at.metric)


def test_rebuilt_database_reaches_replayed_parts(shipped_db, tmp_path, monkeypatch):
    db = copy_db(shipped_db, tmp_path)
    monkeypatch.setenv("RRP_DB", str(db))
    at = run_page("home")
    assert ("Viimeisin 2024", "41,9\u00a0%") in [(m.label, m.value) for m in at.metric]
    at.run()  # now replayed from the cache

    sources = copy_sources(tmp_path / "sources")
    replace_in_line(sources / "indicator_values.csv", "sotkanet:5548,SSS,2024,", ",41.9,", ",42.3,")
    assert run_build(sources, db) == 0

    at.run()
    metrics = [(m.label, m.value) for m in at.metric]
    assert ("Viimeisin 2024", "42,3\u00a0%") in metrics
    assert ("Viimeisin 2024", "41,9\u00a0%") not in metrics


# ----------------------------------------------------------------------------- table and chart keys


def test_table_key_changes_with_anything_shown():
    df = pd.DataFrame({"Alue": ["Satakunta", "Kainuu"], "Osuus": [27.6, None]})
    one = ui._display_cells(df, {"Osuus": lambda v: f"{v:.1f}"})
    two = ui._display_cells(df, {"Osuus": lambda v: f"{v:.0f}"})
    assert one["Osuus"] == ["27.6", "ei tietoa"] and two["Osuus"] == ["28", "ei tietoa"]
    assert ui._table_key(df, one) != ui._table_key(df, two)  # same values, other format
    assert ui._table_key(df, one) == ui._table_key(df.copy(), {k: list(v) for k, v in one.items()})
    other = df.assign(Osuus=[27.7, None])
    assert ui._table_key(other, ui._display_cells(other, {})) != ui._table_key(df, ui._display_cells(df, {}))
    renamed = df.rename(columns={"Osuus": "Osuus 2022"})
    assert ui._table_key(renamed, ui._display_cells(renamed, {})) != ui._table_key(df, ui._display_cells(df, {}))


def test_table_item_builds_its_text_frame_only_when_asked():
    item = ui.TableItem(kind="table", name="t", title="T", source="", cells={"A": ["1", "2"], "B": ["x", "y"]})
    assert "frame" not in item
    assert item["frame"].to_dict("list") == {"A": ["1", "2"], "B": ["x", "y"]}
    with pytest.raises(KeyError):
        item["nothing"]


def test_chart_spec_carries_a_digest_of_its_content():
    def bars(values):
        return charts.spec(alt.Chart(pd.DataFrame({"x": values, "y": ["a", "b"]})).mark_bar().encode(x="x:Q", y="y:N"))

    a, b = bars([1, 2]), bars([1, 3])
    assert charts.spec_key(a) == a["usermeta"]["rrp_key"] == charts.spec_key(bars([1, 2]))
    assert charts.spec_key(a) != charts.spec_key(b)
    plain = {k: v for k, v in a.items() if k != "usermeta"}
    assert charts.spec_key(plain) == charts.spec_key(dict(plain)) != charts.spec_key({**plain, "height": 99})


# ----------------------------------------------------------------------------- query results and page caches


def test_every_caller_gets_its_own_copy_of_a_query_result(app_db):
    first = ui.q("common/regions")
    first.loc[:, "short_name_fi"] = "muutettu"
    again = ui.q("common/regions")
    assert "muutettu" not in set(again["short_name_fi"])
    assert again is not first


def test_page_cache_keeps_one_wrapper_per_function_body():
    calls = []
    source = "def builder(lang, n):\n    calls.append((lang, n))\n    return n * 2\n"
    code = compile(source, "<page>", "exec")

    def define():  # as a rerun of a page script does: the same code object makes a new function each time
        namespace = {"calls": calls}
        exec(code, namespace)
        return ui.cache_data(show_spinner=False)(namespace["builder"])

    first, second = define(), define()
    assert first is second
    assert first("fi", 2) == 4 and second("fi", n=2) == 4 and first(lang="fi", n=2) == 4
    assert calls == [("fi", 2)]  # positional and keyword calls share one entry
    assert first("sv", 2) == 4 and calls == [("fi", 2), ("sv", 2)]
    other = compile(source.replace("n * 2", "n * 3"), "<page>", "exec")
    namespace = {"calls": calls}
    exec(other, namespace)
    assert ui.cache_data(show_spinner=False)(namespace["builder"]) is not first


@pytest.mark.parametrize("value", [None, float("nan"), pd.NA, pd.NaT, 1.5, 0, "x", "", pd.Timestamp("2024-01-01")])
def test_missing_cells_are_the_ones_the_styler_shows_as_missing(value):
    import decimal

    import numpy as np

    for v in (value, np.datetime64("NaT"), decimal.Decimal("NaN")):
        assert ui._is_na(v) == bool(pd.isna(v))


def test_a_prepared_table_shows_and_sorts_like_a_plain_one(app_db):
    """``ui.prepare_table`` (formats applied once, in a cached builder) gives the same element as ``ui.table``
    with the formats, unsorted and sorted by a user."""
    from streamlit.testing.v1 import AppTest

    def page():
        import pandas as pd

        from rrp_data import ui

        ui.begin_run()
        ui.set_run_lang("fi")
        ui.begin_view("testi")
        df = pd.DataFrame({"Alue": ["Satakunta", "Kainuu", "Lappi", "Kanta-Häme", "Pirkanmaa", "Vantaa ja Kerava",
                                    "Kymenlaakso"],
                           "Osuus": [27.6, None, 31.25, 12.0, 40.0, 19.5, 8.0]}, index=[7, 3, 5, 1, 2, 4, 6])
        ui.table(df, {"Osuus": ui.fmt_pct}, name="tavallinen")
        ui.table(ui.prepare_table(df, {"Osuus": ui.fmt_pct}), name="valmis")
        ui.table(df.head(ui.SORT_MIN_ROWS - 1), name="lyhyt")

    at = AppTest.from_function(page, default_timeout=60)
    at.run()
    assert not at.exception

    def both():
        from apptest_helpers import shown

        plain, ready = at.table[0], at.table[1]
        assert plain.proto.SerializeToString() == ready.proto.SerializeToString()
        return shown(ready)["Osuus"].tolist()

    assert both() == ["27,6\u00a0%", "ei tietoa", "31,3\u00a0%", "12,0\u00a0%", "40,0\u00a0%", "19,5\u00a0%", "8,0\u00a0%"]
    at.session_state["menu_tavallinen"] = True  # open both tables' menus
    at.session_state["menu_valmis"] = True
    at.run()
    sort = at.selectbox(key="sort_valmis")
    assert sort.options[:5] == [
        "Oletusjärjestys", "Alue: A–Ö", "Alue: Ö–A", "Osuus: suurin ensin", "Osuus: pienin ensin"]

    def order(value: str) -> None:
        at.selectbox(key="sort_tavallinen").set_value(value)
        at.selectbox(key="sort_valmis").set_value(value)
        at.run()

    order("-Osuus")
    assert both() == ["40,0\u00a0%", "31,3\u00a0%", "27,6\u00a0%", "19,5\u00a0%", "12,0\u00a0%", "8,0\u00a0%",
                      "ei tietoa"]  # largest first, missing last
    order("+Osuus")
    assert both() == ["8,0\u00a0%", "12,0\u00a0%", "19,5\u00a0%", "27,6\u00a0%", "31,3\u00a0%", "40,0\u00a0%",
                      "ei tietoa"]
    items = at.session_state["_view"]["items"]
    assert items[0]["cells"] == items[1]["cells"]
    at.selectbox(key="sort_valmis").set_value("-Alue")
    at.run()
    from apptest_helpers import shown

    assert shown(at.table[1])["Alue"].tolist()[:3] == ["Vantaa ja Kerava", "Satakunta", "Pirkanmaa"]
    items = at.session_state["_view"]["items"]
    assert items[1]["cells"]["Alue"] == shown(at.table[1])["Alue"].tolist()  # the slide export gets the sorted rows


def test_a_miss_runs_the_calling_runs_own_function():
    """Two sessions run the same page body with their own module globals (e.g. texts in their language); a
    cache miss in one must not run the function object of the other."""
    import threading

    code = compile("def builder(n):\n    return WORD * n\n", "<page-threads>", "exec")
    ready, results = threading.Barrier(2), {}

    def session(word: str) -> None:
        namespace = {"WORD": word}
        exec(code, namespace)
        builder = ui.cache_data(show_spinner=False)(namespace["builder"])
        ready.wait()  # both sessions have defined the function before either calls it
        results[word] = builder(len(word))  # different arguments: a miss in each session

    threads = [threading.Thread(target=session, args=(w,)) for w in ("fi", "sv_")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == {"fi": "fifi", "sv_": "sv_sv_sv_"}


def test_page_caches_are_keyed_on_the_database_version(shipped_db, tmp_path, monkeypatch):
    import os

    db = copy_db(shipped_db, tmp_path)
    monkeypatch.setenv("RRP_DB", str(db))
    calls = []
    namespace = {"calls": calls}
    exec(compile("def counted(x):\n    calls.append(x)\n    return x\n", "<page-version>", "exec"), namespace)
    counted = ui.cache_data(show_spinner=False)(namespace["counted"])
    counted(1)
    counted(1)
    assert calls == [1]
    stat = db.stat()
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # as a rebuild replaces the file
    counted(1)
    assert calls == [1, 1]


def test_a_pickled_prepared_table_keeps_its_frame_and_text_as_bytes_until_needed():
    import pickle

    df = pd.DataFrame({"Alue": ["Satakunta", "Kainuu"], "Osuus": [27.6, None]})
    prepared = ui.prepare_table(df, {"Osuus": lambda v: f"{v:.1f}"})
    copy = pickle.loads(pickle.dumps(prepared))  # what an st.cache_data hit does
    assert copy._frame is None and copy._cells is None  # showing it needs only these:
    assert (copy.key, copy.columns, len(copy)) == (prepared.key, ["Alue", "Osuus"], 2)
    item = ui.TableItem(kind="table", name="t", title="T", source="", prepared=copy)  # what a rerun records
    assert copy._cells is None
    assert item["cells"] == {"Alue": ["Satakunta", "Kainuu"], "Osuus": ["27.6", "ei tietoa"]}  # the slide export
    assert item["frame"]["Osuus"].tolist() == ["27.6", "ei tietoa"]
    pd.testing.assert_frame_equal(copy.frame, df)  # sorting or a download click unpickles it
    again = pickle.loads(pickle.dumps(copy))
    pd.testing.assert_frame_equal(again.frame, df)
    assert again.cells == prepared.cells
