"""Slide export (rrp_data/slides.py): the view as a .pptx, and the county one-pager (PPTX + the same PNG).

The decks are opened with python-pptx and checked for slide count, titles, one picture per chart (with alt text),
one native table per table page (cells as shown on the page) and the source line on every content slide.
vl-convert renders cost ~0.3–1 s each, so every deck and one-pager is built once per module."""

from __future__ import annotations

import datetime as dt
import io

import altair as alt
import pandas as pd
import pytest
from apptest_helpers import capture_downloads, download, run_page
from pptx import Presentation
from pptx.util import Inches

from rrp_data import charts, fmt, query, slides

NBSP = "\u00a0"
TODAY = dt.date(2025, 12, 1)


# ----------------------------------------------------------------------------- helpers


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


def _pictures(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == 13]


def _tables(slide) -> list:
    return [sh.table for sh in slide.shapes if sh.has_table]


def _cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _source_lines(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.name == "Source"]


def _descr(pic) -> str:
    return pic._element.nvPicPr.cNvPr.get("descr") or ""


def _data_date(db) -> str:
    con = query.connect(db)
    try:
        info = dict(query.run(con, "common/build_info")[["key", "value"]].itertuples(index=False))
    finally:
        con.close()
    return fmt.date(info["built_at"][:10])


# ----------------------------------------------------------------------------- deck(): a small fake view


def _bar_spec(values: dict[str, float]) -> dict:
    df = pd.DataFrame({"county": list(values), "value": list(values.values())})
    return charts.spec(alt.Chart(df).mark_bar().encode(y="county:N", x="value:Q"), height=200)


SHORT = pd.DataFrame({"Alue": ["Satakunta", "Pohjanmaa", "Varsinais-Suomi"],
                      "2022": [f"27,6{NBSP}%", f"24,6{NBSP}%", "ei tietoa"]})
LONG = pd.DataFrame({"Nro": [str(i) for i in range(1, 31)], "Arvo": [f"{i},5{NBSP}%" for i in range(1, 31)]})
ITEMS = [
    {"kind": "chart", "name": "kaavio-a", "title": "Kaavio A", "source": "Lähde A", "spec": _bar_spec({"Satakunta": 27.6}),
     "alt": "Kaavio A: Satakunta 27,6 %"},
    {"kind": "table", "name": "lyhyt", "title": "Lyhyt taulukko", "source": "Lähde B", "frame": SHORT},
    {"kind": "chart", "name": "kaavio-b", "title": "Kaavio B", "source": "Lähde C",
     "spec": _bar_spec({"Pohjanmaa": 24.6, "Satakunta": 27.6}), "alt": "Kaavio B"},
    {"kind": "table", "name": "pitka", "title": "Pitkä taulukko", "source": "Lähde D", "frame": LONG},
    {"kind": "table", "name": "ilman-lahdetta", "title": "Ilman lähdettä", "source": "", "frame": SHORT.head(1)},
]
FILTERS = ["Yhteistyöalue (YTA): Länsi-Suomi", "Kieli: suomi"]


@pytest.fixture(scope="module")
def fake_deck():
    data = slides.deck("Testinäkymä", FILTERS, "21.11.2025", ITEMS, "fi", today=TODAY)
    return Presentation(io.BytesIO(data))


def test_deck_has_a_title_slide_and_one_slide_per_chart_and_table_page(fake_deck):
    # 1 title + 2 charts + short table + long table split 12/12/6 + table without source
    assert len(fake_deck.slides) == 1 + 2 + 1 + 3 + 1
    assert (fake_deck.slide_width, fake_deck.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    titles = [s.shapes.title.text_frame.text for s in fake_deck.slides]
    assert titles == [
        "Testinäkymä", "Kaavio A", "Lyhyt taulukko", "Kaavio B",
        "Pitkä taulukko (1/3)", "Pitkä taulukko (2/3)", "Pitkä taulukko (3/3)", "Ilman lähdettä",
    ]
    assert fake_deck.core_properties.title == "Testinäkymä"


def test_title_slide_lists_filters_data_date_and_creation_date(fake_deck):
    text = "\n".join(_texts(fake_deck.slides[0]))
    for line in FILTERS:
        assert line in text
    assert "Tiedot: 21.11.2025" in text
    assert "Luotu: 1.12.2025" in text


def test_every_chart_slide_has_exactly_one_picture_with_alt_text(fake_deck):
    for i, item in ((1, ITEMS[0]), (3, ITEMS[2])):
        slide = fake_deck.slides[i]
        pics = _pictures(slide)
        assert len(pics) == 1
        assert _descr(pics[0]) == item["alt"]
        assert not _tables(slide)
        # fitted into the content area with the rendered image's aspect ratio
        pic = pics[0]
        w_px, h_px = slides.png_size(pic.image.blob)
        assert abs(pic.width / pic.height - w_px / h_px) < 0.01
        assert pic.left >= slides.MARGIN and pic.left + pic.width <= slides.SLIDE_W - slides.MARGIN + 2
        assert pic.top >= slides.BODY_TOP and pic.top + pic.height <= slides.SOURCE_TOP
        assert w_px >= slides.CHART_WIDTH_PX * slides.CHART_SCALE  # slide resolution, not the browser's 1x


def test_every_table_slide_is_a_native_table_with_the_frame_cells(fake_deck):
    short = _tables(fake_deck.slides[2])
    assert len(short) == 1
    assert _cells(short[0]) == [["Alue", "2022"], ["Satakunta", f"27,6{NBSP}%"], ["Pohjanmaa", f"24,6{NBSP}%"],
                                ["Varsinais-Suomi", "ei tietoa"]]
    header_runs = [r for c in short[0].rows[0].cells for p in c.text_frame.paragraphs for r in p.runs]
    assert header_runs and all(r.font.bold for r in header_runs)
    parts = [_cells(_tables(fake_deck.slides[i])[0]) for i in (4, 5, 6)]
    assert [len(p) - 1 for p in parts] == [12, 12, 6]
    assert all(p[0] == ["Nro", "Arvo"] for p in parts)
    assert [row for p in parts for row in p[1:]] == LONG.values.tolist()
    assert parts[2][-1] == ["30", f"30,5{NBSP}%"]


def test_every_content_slide_carries_its_source_line(fake_deck):
    expected = ["Lähde: Lähde A", "Lähde: Lähde B", "Lähde: Lähde C", *["Lähde: Lähde D"] * 3]
    assert [_source_lines(s) for s in list(fake_deck.slides)[1:7]] == [[e] for e in expected]
    # an item recorded without a source says so instead of leaving the line out
    assert _source_lines(fake_deck.slides[7]) == ["Lähde: ei merkitty tähän kohteeseen, ks. sivun lähdetiedot"]
    assert not _source_lines(fake_deck.slides[0])


def test_swedish_deck_uses_the_catalog():
    data = slides.deck("Investering 4", ["Samarbetsområde: Länsi-Suomi"], "21.11.2025", [ITEMS[1]], "sv", today=TODAY)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 2
    text = "\n".join(_texts(prs.slides[0]))
    assert "Uppgifter: 21.11.2025" in text and "Skapad: 1.12.2025" in text
    assert _source_lines(prs.slides[1]) == ["Källa: Lähde B"]


def test_table_pages_split_by_rows_and_by_text_length():
    assert slides.table_pages(LONG) == [(0, 12), (12, 24), (24, 30)]
    assert slides.table_pages(LONG.head(12)) == [(0, 12)]
    assert slides.table_pages(LONG.head(0)) == [(0, 0)]
    wordy = pd.DataFrame({"Innovaatio": [f"Innovaatio {i}" for i in range(12)], "Perustelu": ["sana " * 120] * 12})
    pages = slides.table_pages(wordy)
    assert len(pages) > 1 and all(b - a <= 12 for a, b in pages)
    assert [r for a, b in pages for r in range(a, b)] == list(range(12))  # every row once, in order


def test_filter_lines_are_readable():
    names = {"06": "Satakunta", "17": "Pohjanmaa"}
    lines = slides.filter_lines(
        {"kausi": "2024-Q3", "yta": "Länsi-Suomi", "alueet": "06,17", "investointi": "P4I4", "lang": "fi"},
        "fi", region_name=names.get, investment_label=lambda c: f"{c} · Digitaalinen asiointi",
    )
    assert lines == [
        "Raportointikausi: 7–9/2024",
        "Yhteistyöalue (YTA): Länsi-Suomi",
        "Hyvinvointialueet: Satakunta, Pohjanmaa",
        "Investointi: P4I4 · Digitaalinen asiointi",
        "Kieli: suomi",
    ]
    assert slides.filter_lines({}, "en") == ["Filters: none (all counties)", "Language: English"]


# ----------------------------------------------------------------------------- the export button on a real page


@pytest.fixture(scope="module")
def inv4_export(shipped_db):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RRP_DB", str(shipped_db))
        captured = capture_downloads(mp)
        at = run_page("inv4_digi", {"yta": "Länsi-Suomi"})
        assert not at.exception
        file_name, make = download(at, captured, "dl_pptx")
        data = make()  # the deferred callable, run outside the script run as Streamlit does on click
    return at, file_name, Presentation(io.BytesIO(data))


def test_export_file_is_named_after_the_view_and_data_date(inv4_export, shipped_db):
    _at, file_name, _prs = inv4_export
    assert file_name == f"investointi-4-digitaalinen-asiointi_{_data_date(shipped_db).replace('.', '-')}.pptx"


def test_export_title_slide_has_the_filters_and_data_date(inv4_export, shipped_db):
    _at, _name, prs = inv4_export
    title_slide = prs.slides[0]
    assert title_slide.shapes.title.text_frame.text == "Investointi 4 — Digitaalinen asiointi"
    text = "\n".join(_texts(title_slide))
    assert "Yhteistyöalue (YTA): Länsi-Suomi" in text
    assert f"Tiedot: {_data_date(shipped_db)}" in text


def test_export_has_a_picture_per_chart_and_a_table_per_table(inv4_export):
    at, _name, prs = inv4_export
    items = at.session_state["_view"]["items"]
    chart_items = [i for i in items if i["kind"] == "chart"]
    table_items = [i for i in items if i["kind"] == "table"]
    assert len(chart_items) == len(at.get("vega_lite_chart")) == 3  # bars, tile map, national trend
    content = list(prs.slides)[1:]
    assert len(content) == len(chart_items) + sum(len(slides.table_pages(i["frame"])) for i in table_items)
    pictures = [p for s in content for p in _pictures(s)]
    assert len(pictures) == 3 and all(_descr(p) for p in pictures)
    chart_titles = [s.shapes.title.text_frame.text for s in content if _pictures(s)]
    assert chart_titles == [i["title"] for i in chart_items]
    tables = [tb for s in content for tb in _tables(s)]
    assert len(tables) == len(table_items) == 2
    county = _cells(tables[0])
    assert county[0][:4] == ["Alue", "YTA", "2020", "2022"]
    sata = next(r for r in county if r[0] == "Satakunta")
    assert sata[2:4] == [f"17,6{NBSP}%", f"27,6{NBSP}%"]
    assert {r[0] for r in county[1:]} == {"Pohjanmaa", "Satakunta", "Varsinais-Suomi"}


def test_export_slides_carry_the_source_lines(inv4_export):
    _at, _name, prs = inv4_export
    content = list(prs.slides)[1:]
    lines = [_source_lines(s) for s in content]
    assert all(len(x) == 1 and x[0].startswith("Lähde: ") for x in lines)
    joined = "\n".join(x[0] for x in lines)
    assert "Sotkanet ind. 5548 (THL 29.2.2024, Investoinnin 4 tilanne)" in joined  # the bar chart and tile map
    assert "000_67144f3c54588f39.txt" in lines[0][0]  # the county table: the described document


def test_no_export_button_in_presentation_mode(app_db):
    at = run_page("inv4_digi", {"esitys": "1"})
    assert not any(b.proto.id.endswith("dl_pptx") for b in at.get("download_button"))


# ----------------------------------------------------------------------------- the county one-pager


@pytest.fixture(scope="module")
def satakunta(shipped_db):
    con = query.connect(shipped_db)
    try:
        yield slides.county_facts(lambda name, **p: query.run(con, name, p or None), "06", "fi")
    finally:
        con.close()


def _dataset_rows(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_onepager_spec_carries_satakuntas_figures_with_yta_and_national_comparisons(satakunta):
    spec = slides.onepager_spec(satakunta, "fi", "21.11.2025", today=TODAY)
    assert spec["title"]["text"] == "Satakunnan hyvinvointialue"
    assert "Yhteistyöalue: Länsi-Suomi" in spec["title"]["subtitle"][0]
    assert "Tarja Räty" in spec["title"]["subtitle"][0]
    assert "Tiedot: 21.11.2025" in spec["title"]["subtitle"][1]
    rows = _dataset_rows(spec)
    # Sotkanet 5548, 2022: the county (marked ◆) against its YTA peers; Varsinais-Suomi has no value
    bars = {r["county"]: r["value"] for r in rows if "county" in r and "value" in r}
    assert bars == {"◆ Satakunta": 27.6, "Pohjanmaa": 24.6}
    rules = {r["label"]: r["v"] for r in rows if "v" in r}
    assert rules == {f"Tavoite 35{NBSP}%": 35.0, f"Koko maa 36,5{NBSP}%": 36.5}
    # progress per investment: county, YTA mean and national mean (computed), each bar labelled
    inv4 = {r["series"]: (round(r["value"], 2), r["text"]) for r in rows if r.get("inv") == "Inv. 4 7–9/2024"}
    assert inv4 == {
        "Satakunta": (50.0, f"Satakunta 50{NBSP}%"),
        "YTA ka.": (43.33, f"YTA ka. 43,3{NBSP}%"),
        "Koko maa ka.": (53.18, f"Koko maa ka. 53,2{NBSP}%"),
    }
    assert "IPS 7–9/2024" not in {r.get("inv") for r in rows}  # Satakunta does not take part in IPS
    text = {r["text"] for r in rows if "text" in r and "y" in r}
    assert f"27,6{NBSP}%" in text and f"55,0{NBSP}%" in text  # key figures: 5548 2022, pillar 4 mean (60+60+50+50)/4
    assert f"−8,9{NBSP}%-yks. vs. koko maa" in text  # 27,6 − 36,5
    assert f"YTA:n ka. 26,1{NBSP}% (laskettu, n = 2)" in text  # (27,6 + 24,6) / 2
    flowing = " ".join(r["text"] for r in rows if "text" in r and "y" in r)  # wrapped lines joined again
    assert "toteuma hankekauden päättyessä (muut alueet 100 %)" in flowing  # investment 1: the source's qualifier
    assert f"Länsi-Suomen YTA-alueella (PalSu) 1,49{NBSP}M€" in flowing  # research funding of the YTA
    assert any(x.startswith("004_78218330e03c3695.txt") for x in text)  # the project plan among the sources


@pytest.fixture(scope="module")
def satakunta_onepager(satakunta):
    pptx_bytes, png = slides.county_onepager(satakunta, "fi", "21.11.2025", today=TODAY)
    return Presentation(io.BytesIO(pptx_bytes)), png


def test_onepager_is_one_slide_whose_picture_is_the_png(satakunta_onepager):
    prs, png = satakunta_onepager
    assert len(prs.slides) == 1
    slide = prs.slides[0]
    pics = _pictures(slide)
    assert len(pics) == 1
    assert pics[0].image.blob == png  # the slide and the PNG are the same picture
    descr = _descr(pics[0])
    assert descr.startswith("Satakunnan hyvinvointialue: yhden sivun kooste.")
    assert f"Digitaalinen asiointi 2022 27,6{NBSP}%" in descr
    notes = slide.notes_slide.notes_text_frame.text
    assert "Lähteet:" in notes and "004_78218330e03c3695.txt" in notes and "000_67144f3c54588f39.txt" in notes


def test_onepager_png_is_a_16_9_like_png(satakunta_onepager):
    _prs, png = satakunta_onepager
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = slides.png_size(png)
    assert abs(w - (slides.ONEPAGER_W + 2 * 24) * slides.ONEPAGER_SCALE) <= 2  # the layout's width + padding
    assert 1.4 < w / h < 2.0


def test_onepager_for_aland_says_what_is_missing(shipped_db):
    con = query.connect(shipped_db)
    try:
        facts = slides.county_facts(lambda name, **p: query.run(con, name, p or None), "91", "fi")
    finally:
        con.close()
    assert facts.yta is None and facts.manager is None
    assert [(f.label, f.value) for f in facts.figures][1:] == [
        ("Pilari 4, edistyminen", "ei tietoa"), ("Investointi 1, toteuma", "ei tietoa"),
        ("Inv. 3 pilotit", "ei tietoa"), ("Digitaaliset innovaatiot", "ei tietoa"),
    ]
    rows = _dataset_rows(slides.onepager_spec(facts, "fi", "21.11.2025", today=TODAY))
    flowing = " ".join(r["text"] for r in rows if "text" in r and "y" in r)
    assert "Lähteissä ei ole edistymisprosentteja alueelle Ahvenanmaa (ei tietoa)." in flowing
    assert "Lähteissä ei ole alueen Ahvenanmaa omia tavoitteita (ei tietoa)." in flowing
    assert {r["county"]: r["value"] for r in rows if "county" in r} == {"◆ Ahvenanmaa": 13.7}


def test_profile_page_offers_the_onepager_downloads(shipped_db):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RRP_DB", str(shipped_db))
        captured = capture_downloads(mp)
        at = run_page("alueet", {"alue": "06"})
        assert not at.exception
        stem = f"satakunta_{_data_date(shipped_db).replace('.', '-')}"
        pptx_name, make_pptx = download(at, captured, "dl_onepager_pptx")
        png_name, _make_png = download(at, captured, "dl_onepager_png")
        assert (pptx_name, png_name) == (f"{stem}.pptx", f"{stem}.png")
        labels = {b.proto.label for b in at.get("download_button")}
        assert {"Lataa yhden sivun kooste (PPTX)", "Lataa yhden sivun kooste (PNG)"} <= labels
        prs = Presentation(io.BytesIO(make_pptx()))  # deferred: runs outside the script run
    assert len(prs.slides) == 1 and len(_pictures(prs.slides[0])) == 1
    assert "Satakunnan hyvinvointialue" in _descr(_pictures(prs.slides[0])[0])


# ----------------------------------------------------------------------------- the deck in LibreOffice


def test_exported_deck_opens_in_libreoffice(inv4_export, tmp_path):
    """The real export of a page, converted by LibreOffice Impress (headless) to PDF: one PDF page per slide,
    and the slide titles, the Satakunta table row and the source lines come out as text."""
    import shutil
    import subprocess

    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if not (soffice and pdftotext):
        pytest.fail("LibreOffice Impress / pdftotext missing: `make test` installs them (apt-get)")
    _at, _name, prs = inv4_export
    deck = tmp_path / "deck.pptx"
    prs.save(deck)
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
        check=True, capture_output=True, timeout=240, env=env,
    )
    pdf = tmp_path / "deck.pdf"
    assert pdf.exists(), "LibreOffice did not convert the deck"
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) == len(prs.slides)
    assert "Investointi 4 — Digitaalinen asiointi" in pages[0] and "Länsi-Suomi" in pages[0]
    assert "Satakunta" in text and f"27,6{NBSP}%" in text.replace(" %", f"{NBSP}%")
    assert text.count("Lähde:") >= len(prs.slides) - 1
