"""AppTest: Tietolähteet ja määritelmät (sources, definitions, data model, build info, row counts)."""

import re

import duckdb
from apptest_helpers import run_page, shown, texts, unfold


def test_sources_definitions_model_and_counts(app_db):
    at = unfold(run_page("tietolahteet"), "indikaattorit-muut")  # the other indicators' folded table opened
    assert not at.exception
    docs = shown(at.table[0])
    files = set(docs["Asiakirja"])
    assert {
        "000_67144f3c54588f39.txt",
        "001_476e4860c1c29617.txt",
        "002_d249da5566d77722.txt",
        "003_60821df21df53ca5.txt",
        "004_78218330e03c3695.txt",
        "sotkanet.fi/rest/1.1",
    } <= files
    by_file = docs.set_index("Asiakirja")
    assert by_file.loc["000_67144f3c54588f39.txt", "Julkaistu"] == "29.2.2024"
    assert by_file.loc["002_d249da5566d77722.txt", "Julkaistu"] == "ei tietoa"
    assert by_file.loc["sotkanet.fi/rest/1.1", "Tyyppi"] == "Rajapinta (API)"

    eu = shown(at.table[1])
    assert len(eu) == 6
    row = eu.set_index("Tunnus").loc["sotkanet:5548"]
    assert row["Lähtötaso"] == "26,0\u00a0% (2020)" and row["Tavoite"] == "35,0\u00a0% (10–12/2025)"
    assert row["Yksikkö"] == "prosentti (%)"
    with duckdb.connect(str(app_db), read_only=True) as con:
        others = con.execute("SELECT count(*) FROM src.indicators WHERE NOT is_eu_target").fetchall()[0][0]
    assert len(shown(at.table[2])) == others  # every non-EU indicator is listed

    con = duckdb.connect(str(app_db), read_only=True)
    try:
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
        narratives = con.execute("SELECT count(*) FROM src.narratives").fetchone()[0]
    finally:
        con.close()
    model = shown(at.table[4])
    assert set(model["Näkymä"]) == views
    assert "indicator_code (varchar)" in model.set_index("Näkymä").loc["eu_targets", "Sarakkeet (tyyppi)"]
    counts = shown(at.table[5]).set_index("Taulu (src)")
    assert counts.loc["narratives", "Rivejä"] == str(narratives)
    assert counts.loc["documents", "Julkinen näkymä"] == "sources"

    metrics = {m.label: m.value for m in at.metric}
    assert re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2}", metrics["Rakennettu"])
    assert metrics["Sotkanet"] == "Ei ladattu"
    build = shown(at.table[3]).set_index("Avain")
    assert build.loc["sotkanet", "Arvo"] == "not requested"
    assert re.fullmatch(r"[0-9a-f]{16}", build.loc["sources_digest", "Arvo"])

    text = texts(at)
    assert "2025-Q1" in text and "make build" in text and "--sotkanet --refresh" in text
    assert "data/sources/progress.csv" in text and "indicator_values.csv" in text


def test_presentation_mode_shows_only_the_second_section(app_db):
    at = run_page("tietolahteet", {"esitys": "1", "osa": "2"})
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Lähdeasiakirjat ja rajapinnat"]  # section 2, alone
    assert not at.metric and len(at.table) == 1  # the key figures (section 1) are left out
    docs = shown(at.table[0]).set_index("Asiakirja")
    assert docs.loc["000_67144f3c54588f39.txt", "Julkaistu"] == "29.2.2024"
    assert len(at.session_state["_view"]["sections"]) == 7
