"""Presentation mode (?esitys=1): no sidebar, one section per screen, stepping through sections and through a
collaboration area's counties, state in the URL, the focused county highlighted in charts."""

from __future__ import annotations

import json

import pytest
from apptest_helpers import param, run_page, texts

PAGES = ["home", "edistyminen", "muutokset", "tavoitevauhti", "pilari3", "inv1_hoitoon_paasy", "inv2_hyte", "inv3_tietopohja", "inv4_digi",
         "alueet", "hankesuunnitelmat", "tietolahteet"]


def _sections_normal(page: str) -> list[str]:
    at = run_page(page)
    assert not at.exception
    return list(at.session_state["_view"]["sections"])


def _button(at, key: str):
    return next(b for b in at.button if b.key == key)


def test_normal_mode_offers_the_toggle_and_it_enters_presentation_mode(app_db):
    at = run_page("inv4_digi", {"yta": "Länsi-Suomi"})
    assert param(at, "esitys") is None
    _button(at, "present_enter").click().run()
    assert param(at, "esitys") == "1" and param(at, "osa") == "1"
    assert param(at, "yta") == "Länsi-Suomi"  # the filters carry over into the presentation
    assert not at.exception


def test_presentation_has_no_sidebar_and_no_chrome(app_db):
    at = run_page("inv4_digi", {"esitys": "1", "yta": "Länsi-Suomi"})
    assert not at.exception
    # nothing is rendered into the sidebar (filters come from the link), so Streamlit shows no sidebar at all
    assert len(at.sidebar.children) == 0
    # and the CSS that hides Streamlit's header/toolbar and enlarges type is on the page
    css = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert 'header[data-testid="stHeader"]' in css and "font-size: 22px" in css
    # downloads and sort controls are left out of the big screen
    assert not at.get("download_button")
    assert not at.selectbox


@pytest.mark.parametrize("page", PAGES)
def test_each_page_shows_exactly_one_section_per_step(app_db, page):
    sections = _sections_normal(page)
    assert len(sections) >= 2, f"{page} has fewer than two sections: {sections}"
    at = run_page(page, {"esitys": "1", "osa": "2"})
    assert not at.exception
    presented = list(at.session_state["_view"]["sections"])
    assert len(set(presented)) == len(presented), f"{page}: two steps share a title: {presented}"
    # every section is a step (a page may split a tabbed part into steps, e.g. pillar 3's two findings)
    assert len(presented) >= len(sections) and presented[1] == sections[1]
    assert [s.value for s in at.subheader] == [presented[1]]
    assert f"2/{len(presented)}" in texts(at)


def test_next_and_previous_step_through_sections_and_update_the_url(app_db):
    sections = _sections_normal("inv4_digi")
    at = run_page("inv4_digi", {"esitys": "1"})
    assert param(at, "osa") is None or param(at, "osa") == "1"
    assert [s.value for s in at.subheader] == [sections[0]]
    assert _button(at, "present_prev").disabled
    _button(at, "present_next").click().run()
    assert param(at, "osa") == "2"
    assert [s.value for s in at.subheader] == [sections[1]]
    _button(at, "present_next").click().run()
    _button(at, "present_prev").click().run()
    assert param(at, "osa") == "2"
    assert [s.value for s in at.subheader] == [sections[1]]
    # last section: "next" is disabled
    at = run_page("inv4_digi", {"esitys": "1", "osa": str(len(sections))})
    assert _button(at, "present_next").disabled and not _button(at, "present_prev").disabled


def test_bad_section_numbers_fall_back_with_a_notice(app_db):
    at = run_page("inv4_digi", {"esitys": "1", "osa": "x"})
    assert not at.exception
    assert "osa" in texts(at) and param(at, "osa") == "1"
    at = run_page("inv4_digi", {"esitys": "1", "osa": "99"})
    assert not at.exception
    assert param(at, "osa") == "1"
    assert any("99" in w.value for w in at.warning)


def test_bad_esitys_value_gives_notice_and_normal_mode(app_db):
    at = run_page("inv4_digi", {"esitys": "kyllä"})
    assert not at.exception
    assert param(at, "esitys") is None
    assert any("esitys" in w.value for w in at.warning)
    assert len(at.sidebar.children) > 0


def _bar_chart_spec(at) -> str:
    return next(c.proto.spec for c in at.get("vega_lite_chart") if "v2022" in c.proto.spec and "county" in c.proto.spec)


def test_county_stepper_walks_the_yta_and_highlights_the_county(app_db):
    # Länsi-Suomi: Pohjanmaa (17), Satakunta (06), Varsinais-Suomi (05), in Finnish alphabetical order
    at = run_page("inv4_digi", {"esitys": "1", "yta": "Länsi-Suomi", "osa": "3"})
    assert not at.exception
    assert param(at, "alue") == "17"
    assert "Pohjanmaa" in texts(at) and "1/3" in texts(at)
    spec = _bar_chart_spec(at)
    assert "datum['region_code'] === '17'" in spec
    assert _button(at, "present_prev_region").disabled
    _button(at, "present_next_region").click().run()
    assert param(at, "alue") == "06" and param(at, "osa") == "3"
    spec = _bar_chart_spec(at)
    assert "datum['region_code'] === '06'" in spec and "=== '17'" not in spec
    _button(at, "present_next_region").click().run()
    assert param(at, "alue") == "05"
    assert _button(at, "present_next_region").disabled


def test_county_profile_steps_through_counties_in_presentation(app_db):
    at = run_page("alueet", {"esitys": "1", "yta": "Länsi-Suomi"})
    assert not at.exception
    assert param(at, "alue") == "17"
    _button(at, "present_next_region").click().run()
    assert param(at, "alue") == "06"
    assert "Satakunta" in texts(at)


def test_charts_use_presentation_size_type(app_db):
    at = run_page("inv4_digi", {"esitys": "1", "osa": "3"})
    spec = json.loads(_bar_chart_spec(at))
    assert spec["config"]["axis"]["labelFontSize"] == 22
    normal = json.loads(_bar_chart_spec(run_page("inv4_digi")))
    assert normal["config"]["axis"]["labelFontSize"] == 16


def test_leave_returns_to_normal_mode_keeping_filters(app_db):
    at = run_page("inv4_digi", {"esitys": "1", "yta": "Länsi-Suomi", "osa": "2"})
    _button(at, "present_leave").click().run()
    assert param(at, "esitys") is None and param(at, "osa") is None
    assert param(at, "yta") == "Länsi-Suomi"
    assert len(at.sidebar.children) > 0


def test_stepping_to_a_county_without_a_plan_says_so_and_keeps_the_stepper(app_db):
    at = run_page("hankesuunnitelmat", {"esitys": "1", "yta": "Länsi-Suomi"})
    assert not at.exception
    assert param(at, "alue") == "17"  # Pohjanmaa: no plan in the shipped data
    assert any("Pohjanmaa" in i.value and "hankesuunnitelma" in i.value for i in at.info)
    assert not at.warning  # not a "bad parameter": a county without a loaded plan
    _button(at, "present_next_region").click().run()
    assert param(at, "alue") == "06"
    assert not at.info or not any("ei ole ladattu" in i.value for i in at.info)
    assert "Satakunta" in texts(at)
