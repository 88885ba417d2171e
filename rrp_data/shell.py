"""The frame around every page: page config, language switch, navigation, presentation mode.

``app.py`` lists the pages and calls ``main``; the page benchmark runs the same frame around an empty page,
so "a page's cost" is measured as what the page adds to the app, not to a bare script.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from . import present, slides, ui

# (module path or callable, title key, icon, url path, default)
PageRow = tuple["str | Path | Callable[[], None]", str, str, str, bool]


def main(pages: Mapping[str, Sequence[PageRow]]) -> None:
    # The page modules live in pages/ (the project's layout) but navigation is st.navigation's. Streamlit 1.67
    # would otherwise also treat pages/ as a legacy (v1) multipage folder, wrap every run in that navigation
    # and answer a deep link such as /investointi-4 with a "Page not found" dialog. The flag is read per run;
    # tests/browser/test_pages.py::test_deep_link_has_no_page_not_found_dialog guards this.
    PagesManager.uses_pages_directory = False

    ui.begin_run()
    st.set_page_config(page_title="RRP-seuranta", page_icon=":material/monitoring:", layout="wide")

    ui.set_run_lang(st.query_params.get("lang", "fi"))  # notices below are already in the linked language
    ui.check_unknown_params()
    present.check_param()
    st.session_state["_lang"] = ui.param_select(
        "lang", ["fi", "sv", "en"], "fi", ui.t("filter.lang"), format_func=str.upper, widget="segmented"
    ) or "fi"
    ui.set_run_lang(st.session_state["_lang"])
    ui.set_document_lang()

    presenting = ui.fix_presenting()
    nav = st.navigation(
        {
            ui.t(group): [
                st.Page(page, title=ui.t(title), icon=icon, url_path=url or None, default=default)
                for page, title, icon, url, default in rows
            ]
            for group, rows in pages.items()
        },
        position="hidden" if presenting else "sidebar",
    )
    ui.begin_view(nav.title)
    if presenting:
        present.prepare()
        bar = st.container(key="present_bar")
    else:
        present.sidebar_toggle()
    try:
        nav.run()
    except ui.EndPage:  # the page ended early (ui.end_page) after saying why: the frame carries on
        pass
    if presenting:
        present.stepper(bar)
    else:
        slides.export_button()  # the current view (its charts and tables, filters applied) as a deck
