"""RRP-seuranta: entry point. ``streamlit run app.py`` (or ``make run``).

Pages live in ``pages/`` (one thin module each); data comes only through ``rrp_data.ui.q`` (named SQL in
``queries/``) from the read-only DuckDB file ``data/rrp.duckdb`` (env ``RRP_DB``).
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from rrp_data import ui

# The page modules live in pages/ (the project's layout) but navigation is st.navigation's. Streamlit 1.67
# would otherwise also treat pages/ as a legacy (v1) multipage folder, wrap every run in that navigation
# and answer a deep link such as /investointi-4 with a "Page not found" dialog. The flag is read per run;
# tests/browser/test_pages.py::test_deep_link_has_no_page_not_found_dialog guards this.
PagesManager.uses_pages_directory = False

st.set_page_config(page_title="RRP-seuranta", page_icon=":material/monitoring:", layout="wide")

ui.check_unknown_params()
st.session_state["_lang"] = ui.param_select(
    "lang", ["fi", "sv", "en"], "fi", ui.t("filter.lang"), format_func=str.upper, widget="segmented"
) or "fi"

PAGES = {
    "nav.ohjelma": [
        ("pages/home.py", "page.home", ":material/flag:", "", True),
        ("pages/edistyminen.py", "page.progress", ":material/grid_on:", "edistyminen", False),
    ],
    "nav.pilari3": [("pages/pilari3.py", "page.p3", ":material/work:", "pilari-3", False)],
    "nav.pilari4": [
        ("pages/inv1_hoitoon_paasy.py", "page.inv1", ":material/schedule:", "investointi-1", False),
        ("pages/inv2_hyte.py", "page.inv2", ":material/diversity_3:", "investointi-2", False),
        ("pages/inv3_tietopohja.py", "page.inv3", ":material/query_stats:", "investointi-3", False),
        ("pages/inv4_digi.py", "page.inv4", ":material/devices:", "investointi-4", False),
    ],
    "nav.alueet": [
        ("pages/alueet.py", "page.regions", ":material/map:", "alueet", False),
        ("pages/hankesuunnitelmat.py", "page.plans", ":material/description:", "hankesuunnitelmat", False),
    ],
    "nav.tietoa": [("pages/tietolahteet.py", "page.sources", ":material/info:", "tietolahteet", False)],
}

nav = st.navigation(
    {
        ui.t(group): [
            st.Page(path, title=ui.t(title), icon=icon, url_path=url or None, default=default)
            for path, title, icon, url, default in pages
        ]
        for group, pages in PAGES.items()
    }
)
nav.run()
