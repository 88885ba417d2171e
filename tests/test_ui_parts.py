"""Small page parts of rrp_data/ui.py: the caption under a part (notes and sources in one element), key figures in
one flex row, and the findings' source line inside each period's text."""

from __future__ import annotations

import re

from apptest_helpers import run_page
from streamlit.testing.v1 import AppTest

REF = "000_67144f3c54588f39.txt | Investoinnin 4 tilanne"


def _captions_page():
    import streamlit as st

    from rrp_data import ui

    ui.begin_run()
    ui.set_run_lang("fi")
    ui.begin_view("testi")
    case = st.session_state.get("case", "all")
    ref = "000_67144f3c54588f39.txt | Investoinnin 4 tilanne"
    if case == "all":
        ui.source_caption([ref, ref, None], notes=["Ensimmäinen huomautus.", None, "", "Toinen huomautus."])
    elif case == "notes_only":
        ui.source_caption(None, notes=["Vain huomautus."])
    elif case == "nothing":
        ui.source_caption([None, ""], notes=[None])
    ui.metric_row([("Lähtötaso 2020", "26,0 %"), {"label": "Tavoite", "value": "35,0 %", "help": "Lähde: THL"}])


def _run(case: str):
    at = AppTest.from_function(_captions_page, default_timeout=60)
    at.session_state["case"] = case
    at.run()
    assert not at.exception
    return at


def test_notes_and_sources_are_one_caption_notes_first(app_db):
    at = _run("all")
    assert len(at.caption) == 1
    paragraphs = at.caption[0].value.split("\n\n")
    assert paragraphs[:2] == ["Ensimmäinen huomautus.", "Toinen huomautus."]  # empty notes skipped
    assert paragraphs[2].startswith("Lähde: THL 29.2.2024: ") and paragraphs[2].endswith("Investoinnin 4 tilanne "
                                                                                        "(000_67144f3c54588f39.txt)")
    assert len(paragraphs) == 3  # the same source once


def test_a_caption_with_notes_only_or_nothing(app_db):
    assert [c.value for c in _run("notes_only").caption] == ["Vain huomautus."]
    assert not _run("nothing").caption


def test_key_figures_share_one_flex_row(app_db):
    at = _run("nothing")
    assert [(m.label, m.value) for m in at.metric] == [("Lähtötaso 2020", "26,0 %"), ("Tavoite", "35,0 %")]
    assert at.metric[1].proto.help == "Lähde: THL"
    row = at.main.children[0]  # one block holding both figures, laid out as a row
    assert row.proto.WhichOneof("type") == "flex_container" and row.proto.flex_container.direction == 2
    assert [type(c).__name__ for c in row.children.values()] == ["Metric", "Metric"]
    assert not [b for b in at.main.children.values() if type(b).__name__ == "Column"]


def test_each_findings_period_is_one_text_with_its_sources_in_caption_style(app_db):
    at = run_page("inv4_digi")
    periods = [e for e in at.expander if "·" in e.label]
    assert periods
    for period in periods:
        texts = [c for c in period.children.values() if type(c).__name__ == "Markdown"]
        assert len(texts) == 1 and not [c for c in period.children.values() if type(c).__name__ == "Caption"]
        last = texts[0].value.rsplit("\n\n", 1)[-1]
        assert re.fullmatch(r":small\[:gray\[(Lähde|Lähteet): [^\n]+\(\d{3}_[0-9a-f]{16}\.txt\)\]\]", last), last


def _statements_page():
    from rrp_data import ui

    ui.begin_run()
    ui.set_run_lang("fi")
    for status in ("yes", "no", "partly", "unknown"):
        ui.statement_box(status, f"Lausuma {status}", "2024-Q4", note="Huom." if status == "unknown" else None)


def test_a_statement_box_says_its_verdict_in_words_and_colour(app_db):
    at = AppTest.from_function(_statements_page, default_timeout=60)
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == ["**Saavutettu** · lausuma 10–12/2024: ”Lausuma yes”"]
    assert [w.value.split(" · ")[0] for w in at.warning] == ["**Ei saavutettu**", "**Osittain**"]
    assert [i.value for i in at.info] == ["**Ei tiedossa** · lausuma 10–12/2024: ”Lausuma unknown”\n\nHuom."]
