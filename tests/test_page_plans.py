"""AppTest: the project plan page (Satakunta plan: costs, work packages, risk register, targets, municipality
figures)."""

from __future__ import annotations

from apptest_helpers import chart_data, param, run_page, shown, table_with, texts

from rrp_data import exports

NNBSP, NBSP = "\u202f", "\u00a0"










def test_costs_work_packages_risks_targets(app_db):
    at = run_page("hankesuunnitelmat")
    assert not at.exception
    page = texts(at)
    assert "Satakunnan hyvinvointialue — RRP-hankesuunnitelma 2023–2025" in page

    # costs: each printed line, in euros with a narrow no-break space; the page's own sum labelled as computed
    costs = table_with(at, "Kustannukset, €")
    assert len(costs.value) == 12
    view = shown(costs).set_index("Rivi")
    assert view.loc["L02", "Kustannukset, €"] == f"5{NNBSP}410{NNBSP}000{NBSP}€"
    assert view.loc["L08", "Kustannukset, €"] == f"0{NBSP}€"  # printed 0, not missing
    assert view.loc["L04", "Osa-alue"] == "ei tietoa"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Laskettu summa"] == f"10{NNBSP}976{NNBSP}000{NBSP}€"
    assert "ei ole yhteensä-riviä" in page
    bars = chart_data(at, 0).set_index("line_id")
    assert bars.loc["L02", "label"] == f"5{NNBSP}410{NNBSP}000{NBSP}€"

    # work packages: person-years and costs; what the plan does not give is "ei tietoa" and named
    wps = table_with(at, "Henkilötyövuodet (htv)")
    wp_view = shown(wps).set_index("Työpaketti")
    assert len(wp_view) == 25
    assert wp_view.loc["4.4.1", "Henkilötyövuodet (htv)"] == "1,75"
    assert wp_view.loc["4.4.3", "Henkilötyövuodet (htv)"] == "ei tietoa"
    assert wp_view.loc["4.4.3", "Kustannukset, €"] == "ei tietoa"
    assert any("4.4.6" in i.value and "4.4.3" in i.value for i in at.info)

    # risk register: the table and the 5 x 5 matrix with the risk ids and the score in their cell
    risks = table_with(at, "Varautuminen")
    r1 = risks.value.set_index("Tunnus").loc["R1"]
    assert (r1["Todennäköisyys"], r1["Vaikutus"], r1["Pisteet"]) == (3, 4, 12)
    assert shown(risks).set_index("Tunnus").loc["R1", "Pisteet"] == "12"
    grid = next(chart_data(at, i) for i in range(len(at.get("vega_lite_chart")))
                if "probability" in chart_data(at, i).columns)
    assert len(grid) == 25
    cell = grid[(grid["probability"] == 3) & (grid["impact"] == 4)].iloc[0]
    assert cell["ids"] == "R1, R3, R5, R6" and cell["score_text"] == "pisteet 12"

    # targets: the range "2 - 4" has no single target figure -> "ei tietoa", explained
    targets = table_with(at, "Tavoite suunnitelman sanoin")
    assert shown(targets).set_index("Tunnus").loc["T11", "Tavoitetaso"] == "ei tietoa"
    assert "T11" in page
    region = table_with(at, "Suunnitelman teksti")
    assert len(region.value) == 4 and "Alueen tavoitteet EU-mittareille: Satakunta" in page

    # municipality figures: one table per measure, Finnish thousands
    labour = next(tb for tb in at.table if "Kunta" in tb.value.columns and 18100 in set(tb.value.iloc[:, 1]))
    assert shown(labour).set_index("Kunta").loc["Rauma", "2/2023"] == f"18{NNBSP}100"


def test_investment_filter_and_url_roundtrip(app_db):
    at = run_page("hankesuunnitelmat", {"investointi": "P4I3"})
    assert not at.exception
    assert list(table_with(at, "Kustannukset, €").value["Rivi"]) == ["L05", "L06", "L07", "L08", "L09"]
    assert {m.label: m.value for m in at.metric}["Laskettu summa"] == f"807{NNBSP}000{NBSP}€"
    at.sidebar.selectbox(key="w_investointi").set_value("P4I4").run()
    assert param(at, "investointi") == "P4I4"
    assert list(table_with(at, "Kustannukset, €").value["Rivi"]) == ["L10", "L11", "L12"]
    assert set(table_with(at, "Henkilötyövuodet (htv)").value["Työpaketti"]) == {f"4.4.{i}" for i in range(1, 13)}
    # back to all investments: the parameter leaves the URL
    at.sidebar.selectbox(key="w_investointi").set_value("").run()
    assert param(at, "investointi") is None
    assert len(table_with(at, "Kustannukset, €").value) == 12


def test_plan_selected_by_county_and_bad_parameters(app_db):
    at = run_page("hankesuunnitelmat", {"alue": "06"})
    assert not at.exception and not at.warning
    assert at.sidebar.selectbox(key="w_alue").value == "06"
    at = run_page("hankesuunnitelmat", {"alue": "99", "investointi": "P9"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "alue=99" in warnings and "investointi=P9" in warnings
    assert len(table_with(at, "Kustannukset, €").value) == 12  # the default: the whole Satakunta plan


def test_csv_download_matches_cost_table(app_db):
    at = run_page("hankesuunnitelmat", {"investointi": "P4I1"})
    df = table_with(at, "Kustannukset, €").value
    lines = exports.csv_fi(df).decode("utf-8-sig").splitlines()
    assert lines[0] == "Rivi;Pilari;Investointi;Osa-alue;Kustannukset, €;Huomautus"
    assert len(lines) == 1 + 2
    assert lines[1].startswith("L02;4;P4I1 · Hoitotakuu ja hoitoon pääsy;a) Heikossa") and ";5410000,0;" in lines[1]
    assert lines[2].startswith("L03;4;") and ";739000,0;" in lines[2]


def test_presentation_mode_shows_only_the_second_section(app_db):
    at = run_page("hankesuunnitelmat", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Työpaketit: henkilötyövuodet ja kustannukset"]  # section 2, alone
    assert not at.sidebar.children  # no sidebar: the plan and the filters come from the link
    metrics = {m.label: m.value for m in at.metric}
    assert len(at.table) == 1 and len(at.table[0].value) == 25
    assert "Laskettu summa" not in metrics and not at.get("vega_lite_chart")  # the budget is section 1
    # the page's header (plan title) stays on every screen
    assert "Satakunnan hyvinvointialue — RRP-hankesuunnitelma 2023–2025" in texts(at)


def test_municipality_tabs_draw_only_the_open_measure(app_db):
    """Nine measures, nine tabs; only the open tab's table is drawn (and goes to the slide export), and
    switching the tab shows the other measure."""
    at = run_page("hankesuunnitelmat")
    assert len(at.tabs) == 9 and at.tabs[0].label == "Työvoima"
    municipal = [tb for tb in at.table if "Kunta" in tb.value.columns]
    assert len(municipal) == 1 and 18100 in set(municipal[0].value.iloc[:, 1])
    names = [i["name"] for i in at.session_state["_view"]["items"]]
    assert [n for n in names if "labour_force_count" in n] and not [n for n in names if "population_count" in n]

    at.session_state["plans_measure"] = "Väestö"  # what clicking the tab does
    at.run()
    assert not at.exception
    municipal = [tb for tb in at.table if "Kunta" in tb.value.columns]
    assert len(municipal) == 1 and 18100 not in set(municipal[0].value.iloc[:, 1])
    names = [i["name"] for i in at.session_state["_view"]["items"]]
    assert [n for n in names if "population_count" in n] and not [n for n in names if "labour_force_count" in n]
