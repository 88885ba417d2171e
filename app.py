"""RRP-seuranta: entry point. ``streamlit run app.py`` (or ``make run``).

Pages live in ``pages/`` (one thin module each); data comes only through ``rrp_data.ui.q`` (named SQL in
``queries/``) from the read-only DuckDB file ``data/rrp.duckdb`` (env ``RRP_DB``). The frame around the
pages (language, navigation, presentation mode ``?esitys=1``) is ``rrp_data/shell.py``.
"""

from rrp_data import shell

# group title key -> [(module, page title key, icon, url path, default)]
PAGES = {
    "nav.ohjelma": [
        ("pages/home.py", "page.home", ":material/flag:", "", True),
        ("pages/edistyminen.py", "page.progress", ":material/grid_on:", "edistyminen", False),
        ("pages/muutokset.py", "page.changes", ":material/compare_arrows:", "muutokset", False),
        ("pages/tavoitevauhti.py", "page.pace", ":material/speed:", "tavoitevauhti", False),
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

if __name__ == "__main__":  # Streamlit runs the script as __main__; the page benchmark imports PAGES
    shell.main(PAGES)
