"""AppTest: the home page (Ohjelma yhdellä silmäyksellä): EU target cards, tiles carrying the filters, freshness."""

import re
from urllib.parse import parse_qs

from apptest_helpers import run_page, texts


def links(at) -> dict[str, dict[str, list[str]]]:
    """Page links of the run: page (its URL path in the app's navigation) -> parsed query parameters."""
    return {e.proto.page: parse_qs(e.proto.query_string) for e in at.get("page_link")}


def test_cards_show_baseline_latest_target_and_documented_achievement(app_db):
    at = run_page("home")
    assert not at.exception
    metrics = [(m.label, m.value) for m in at.metric]
    # Investment 4 (Sotkanet 5548): 26 % (2020) -> 41,9 % (2024) -> 35 % by Q4/2025
    assert ("Lähtötaso 2020", "26,0\u00a0%") in metrics
    assert ("Viimeisin 2024", "41,9\u00a0%") in metrics
    assert ("Tavoite 10–12/2025 mennessä", "35,0\u00a0%") in metrics
    # Investment 1: the latest of the periods ending 31.12.2023 is the month 12/2023 (78 %)
    assert ("Viimeisin 12/2023", "78,0\u00a0%") in metrics
    # a count target without any whole-country value: target shown, latest "ei tietoa"
    assert ("Tavoite 10–12/2024 mennessä", "22") in metrics
    assert ("Viimeisin", "ei tietoa") in metrics
    assert len([m for m in at.metric if m.label.startswith("Tavoite ")]) == 6
    text = texts(at)
    # achievement only as the documents state it: quoted, with the year; latest statement first
    assert "Tavoite saavutettiin vuonna 2022, jolloin koko maan keskiarvo oli 36,5 %." in text
    assert "Saavutettu (2022)" in text
    assert "ei toteutunut kaikilla alueilla vuoden 2025 lopussa" in text
    # IPS has no statement at all: said so, not guessed
    assert "Lähteissä ei ole lausumaa tämän tavoitteen saavuttamisesta." in text
    # small trend where there are at least two whole-country values
    assert "2020 25,8\u00a0% → 2022 36,5\u00a0% → 2024 41,9\u00a0%" in text
    assert len(at.get("vega_lite_chart")) == 3
    # every number has its source
    assert "000_67144f3c54588f39.txt" in text and "001_476e4860c1c29617.txt" in text
    # freshness: newest dated document, build time d.m.yyyy klo hh.mm, Sotkanet status
    fresh = dict(metrics)
    assert fresh["Uusin päivätty lähdeasiakirja"] == "6.6.2025"
    assert re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2}", fresh["Tietokanta rakennettu"])
    assert fresh["Sotkanet-tiedot"] == "Ei ladattu"
    # nine tiles, no filters to carry
    assert len(links(at)) == 9 and all(q == {} for q in links(at).values())


def test_tiles_carry_yta_and_regions_and_follow_the_filter(app_db):
    at = run_page("home", {"yta": "Länsi-Suomi", "alueet": "06,01"})
    assert not at.exception
    assert at.query_params["yta"] in ("Länsi-Suomi", ["Länsi-Suomi"])
    found = links(at)
    assert set(found) >= {"investointi-4", "alueet", "edistyminen", "tietolahteet"}  # the pages' URL paths
    for q in found.values():
        assert q["yta"] == ["Länsi-Suomi"]
        assert q["alueet"] == ["06"]  # 01 (Itä-Uusimaa) is not in Länsi-Suomi: not carried
    assert "Länsi-Suomi" in texts(at)
    at.sidebar.selectbox(key="w_yta").set_value("Pohjois-Suomi").run()
    assert "Pohjois-Suomi" in str(at.query_params["yta"])
    for q in links(at).values():
        assert q["yta"] == ["Pohjois-Suomi"] and "alueet" not in q


def test_bad_yta_falls_back_with_notice(app_db):
    at = run_page("home", {"yta": "Atlantis"})
    assert not at.exception
    assert "yta=Atlantis" in " ".join(w.value for w in at.warning)
    assert "yta" not in at.query_params
    assert all("yta" not in q for q in links(at).values())


def test_presentation_mode_shows_only_the_second_section(app_db):
    at = run_page("home", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Sivut"]
    assert len(links(at)) == 9  # the tiles: section 2 of 3
    # the target cards (section 1) and the freshness figures (section 3) are left out
    assert not at.metric and not at.get("vega_lite_chart")
    assert at.session_state["_view"]["sections"] == [
        "EU-indikaattorit ja investointien tavoitteet", "Sivut", "Tietojen ajantasaisuus"
    ]
