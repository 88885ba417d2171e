"""Presentation mode (``?esitys=1``): for screen sharing in a meeting or a webinar.

No sidebar, navigation or Streamlit chrome; large type; one section (a chart or a table) per screen; large
"previous / next" controls stepping through the page's sections (``?osa=``, keys Left/Right) and, when a
collaboration area is chosen (``?yta=``), through its counties (``?alue=``, keys PageUp/PageDown, which is
what a presenter's clicker sends). The focused county is highlighted in every chart (``ui.focus_regions``).
Everything lives in the URL, so a presenter can open a shared link straight into the right view.
"""

from __future__ import annotations

import streamlit as st

from . import ui

t = ui.t

# Streamlit's chrome and the sidebar go; type grows so a 1080p screen shrunk into a video call stays legible.
CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stSidebarNav"] { display: none !important; }
html { font-size: 22px; }
.stMainBlockContainer { max-width: 100%; padding: 1.2rem 2.5rem 2rem 2.5rem; }
h1 { font-size: 2.3rem !important; }
h3 { font-size: 1.8rem !important; }
.st-key-present_bar button { min-height: 3.2rem; font-size: 1.15rem; }
</style>
"""

def enter() -> None:
    st.query_params["esitys"] = "1"
    st.query_params["osa"] = "1"


def leave() -> None:
    for name in ("esitys", "osa"):
        if name in st.query_params:
            del st.query_params[name]


def _goto_section(n: int) -> None:
    st.query_params["osa"] = str(n)


def _goto_region(code: str) -> None:
    st.query_params["alue"] = code
    st.session_state["_p_alue"] = code


def check_param() -> None:
    """``esitys`` accepts only 1; anything else gives a notice and normal mode."""
    raw = st.query_params.get("esitys")
    if raw is not None and raw != "1":
        ui.notice(t("notice.bad_param", name="esitys", value=raw))
        del st.query_params["esitys"]
    raw = st.query_params.get("osa")
    if raw is not None and not (raw.isdigit() and int(raw) >= 1):
        ui.notice(t("notice.bad_param", name="osa", value=raw))
        st.query_params["osa"] = "1"


def sidebar_toggle() -> None:
    st.sidebar.button(
        t("present.enter"), on_click=enter, icon=":material/slideshow:", help=t("present.enter_help"),
        key="present_enter", width="stretch",
    )


def yta_counties() -> list[str]:
    """The counties the county stepper walks through: those of ``?yta=`` (none without a valid YTA)."""
    yta = st.query_params.get("yta")
    if yta not in ui.YTAS:
        return []
    areas = ui.project_areas()
    return list(areas[areas["yta"] == yta]["region_code"])


def current_region(codes: list[str]) -> str | None:
    """The county in focus: ``?alue=`` when it belongs to the YTA, else its first county (written to the URL)."""
    if not codes:
        return None
    code = st.query_params.get("alue")
    if code not in codes:
        code = codes[0]
        _goto_region(code)
    return code


def prepare() -> None:
    """Before the page runs: hide the chrome and pin the focused county (so the page's charts see it)."""
    st.html(CSS)
    ui.view()["present_region"] = current_region(yta_counties())


def stepper(bar: st.delta_generator.DeltaGenerator) -> None:
    """After the page ran (its sections are known): fill the bar at the top with the controls."""
    sections = ui.view()["sections"]
    n = len(sections)
    cur = ui.current_section()
    if n and cur > n:
        ui.notice(t("notice.bad_param", name="osa", value=str(cur)))
        _goto_section(1)
        st.rerun()
    codes = yta_counties()
    with bar:
        if n:
            c1, c2, c3, c4 = st.columns([2, 6, 2, 2], vertical_alignment="center")
            c1.button(
                t("present.prev"), on_click=_goto_section, args=(cur - 1,), disabled=cur <= 1,
                icon=":material/arrow_back:", width="stretch", key="present_prev", shortcut="Left",
            )
            c2.markdown(f"**{t('present.section', i=cur, n=n)}** · {sections[cur - 1]}")
            c3.button(
                t("present.next"), on_click=_goto_section, args=(cur + 1,), disabled=cur >= n,
                icon=":material/arrow_forward:", icon_position="right", width="stretch", key="present_next",
                shortcut="Right",
            )
            c4.button(t("present.leave"), on_click=leave, icon=":material/close:", width="stretch", key="present_leave")
        else:
            st.button(t("present.leave"), on_click=leave, icon=":material/close:", key="present_leave")
        if codes:
            # the county fixed before the page ran; a page may have dropped ?alue= from the URL meanwhile
            # (e.g. when it equals that page's default), so it is written back for the link to stay exact
            code = ui.view().get("present_region") or current_region(codes)
            if st.query_params.get("alue") != code:
                _goto_region(code)
            i = codes.index(code)
            d1, d2, d3, _ = st.columns([2, 6, 2, 2], vertical_alignment="center")
            d1.button(
                t("present.prev_region"), on_click=_goto_region, args=(codes[i - 1],), disabled=i == 0,
                icon=":material/arrow_upward:", width="stretch", key="present_prev_region", shortcut="PageUp",
            )
            d2.markdown(
                f"**{ui.region_name(code)}** · {t('present.region', i=i + 1, n=len(codes), yta=st.query_params.get('yta'))}"
            )
            d3.button(
                t("present.next_region"), on_click=_goto_region, args=(codes[min(i + 1, len(codes) - 1)],),
                disabled=i >= len(codes) - 1, icon=":material/arrow_downward:", icon_position="right",
                width="stretch", key="present_next_region", shortcut="PageDown",
            )
