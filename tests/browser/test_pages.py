"""Every page in a real browser: renders without an exception, shows its title and a known figure, passes
axe-core (no critical or serious violation), and is saved as a 1920x1080 screenshot. Plus shared links,
clicking a filter, a deep link surviving a page switch, and keyboard access to the filters."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import screenshot, wait_ready

# (url path, screenshot name, page title, a figure from the documents that must be visible as text)
PAGES = [
    ("", "home", "Ohjelma yhdellä silmäyksellä", "41,9\u00a0%"),
    ("edistyminen", "edistyminen", "Edistyminen", "7–9/2024"),
    ("muutokset", "muutokset", "Muutokset", "+10,0\u00a0%-yks."),
    ("tavoitevauhti", "tavoitevauhti", "Tavoitevauhti", "aikataulussa"),
    ("pilari-3", "pilari3", "Pilari 3 — Työkykyohjelma ja IPS", "33,4\u00a0%"),
    ("investointi-1", "inv1", "Investointi 1 — Hoitotakuu ja hoitoon pääsy", "78,3\u00a0%"),
    ("investointi-2", "inv2", "Investointi 2 — Hyte-palvelukonsepti", "16"),
    ("investointi-3", "inv3", "Investointi 3 — Tietopohja ja vaikuttavuus", "95"),
    ("investointi-4", "inv4", "Investointi 4 — Digitaalinen asiointi", "36,5\u00a0%"),
    ("alueet?alue=06", "alueet", "Alueet ja yhteistyöalueet", "27,6\u00a0%"),
    ("hankesuunnitelmat", "hankesuunnitelmat", "Hankesuunnitelmat", "5\u202f410\u202f000\u00a0€"),
    ("tietolahteet", "tietolahteet", "Tietolähteet ja määritelmät", "000_67144f3c54588f39.txt"),
]

_AXE = Axe()


# Streamlit's own grouped sidebar navigation puts section wrappers between <ul> and <li> (axe rules "list" and
# "listitem"). That markup is Streamlit's, not ours; those two rules are therefore checked everywhere *except*
# inside that one element, and every other rule is checked on the whole page.
_NAV_LIST = '[data-testid="stSidebarNavItems"]'
_LIST_RULES = ["list", "listitem"]


def _axe_serious(page) -> list[str]:
    everything_else = _AXE.run(
        page, options={"resultTypes": ["violations"], "rules": {r: {"enabled": False} for r in _LIST_RULES}}
    )
    lists_outside_nav = _AXE.run(
        page,
        context={"exclude": [[_NAV_LIST]]},
        options={"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": _LIST_RULES}},
    )
    out = []
    for v in everything_else.response["violations"] + lists_outside_nav.response["violations"]:
        if v.get("impact") in ("critical", "serious"):
            nodes = [n["html"][:160] for n in v["nodes"]][:3]
            out.append(f"{v['id']} ({v['impact']}): {v['help']} — {nodes}")
    return out


def _selectbox_value(page, label: str) -> str:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label)
    return box.locator("input").input_value() or box.inner_text()


def _visible_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize(("path", "name", "title", "figure"), PAGES, ids=[p[1] for p in PAGES])
def test_page(page, server, path, name, title, figure):
    page.goto(f"{server.url}/{path}")
    page.get_by_role("heading", name=title, exact=True).first.wait_for()
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Page not found").count() == 0
    text = _visible_text(page)
    assert figure in text, f"{figure!r} not visible on {path or 'home'}"
    assert "None" not in text.split(), "a missing value was shown as None instead of 'ei tietoa'"
    screenshot(page, name)
    problems = _axe_serious(page)
    assert not problems, "axe-core found critical/serious violations:\n" + "\n".join(problems)


def test_deep_link_has_no_page_not_found_dialog(page, server):
    page.goto(f"{server.url}/investointi-4?yta=L%C3%A4nsi-Suomi")
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    wait_ready(page)
    assert page.get_by_text("Page not found").count() == 0


def test_shared_link_applies_filters(page, server):
    page.goto(f"{server.url}/investointi-4?yta=L%C3%A4nsi-Suomi")
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    wait_ready(page)
    assert "Länsi-Suomi" in _selectbox_value(page, "Yhteistyöalue")
    table = page.locator('[data-testid="stTable"]').first.inner_text()
    assert "Satakunta" in table and "Pohjanmaa" in table
    assert "Lappi" not in table and "Helsinki" not in table


def test_clicking_a_filter_changes_url_and_content(page, server):
    page.goto(f"{server.url}/investointi-4")
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    wait_ready(page)
    assert "Helsinki" in page.locator('[data-testid="stTable"]').first.inner_text()
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Yhteistyöalue").click()
    page.get_by_role("option", name="Pohjois-Suomi").click()
    page.wait_for_function("() => decodeURIComponent(location.search).includes('yta=Pohjois-Suomi')")
    wait_ready(page)
    table = page.locator('[data-testid="stTable"]').first.inner_text()
    assert "Lappi" in table and "Kainuu" in table and "Helsinki" not in table


def test_deep_link_filters_survive_a_page_switch(page, server):
    page.goto(f"{server.url}/investointi-4?yta=L%C3%A4nsi-Suomi")
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    wait_ready(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Edistyminen").click()
    page.get_by_role("heading", name="Edistyminen", exact=True).first.wait_for()
    wait_ready(page)
    assert "yta=Länsi-Suomi" in unquote(page.url)
    assert "Länsi-Suomi" in _selectbox_value(page, "Yhteistyöalue")


def test_keyboard_reaches_the_filters(page, server):
    page.goto(f"{server.url}/investointi-4")
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    wait_ready(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(80):
        page.keyboard.press("Tab")
        label = page.evaluate(
            """() => { const a = document.activeElement; if (!a) return '';
                       const box = a.closest('[data-testid="stSelectbox"]');
                       return box ? box.innerText : ''; }"""
        )
        if "Yhteistyöalue" in label:
            break
    else:
        pytest.fail("Tab never reached the collaboration-area filter")
    page.keyboard.type("Sisä")
    page.keyboard.press("Enter")
    page.wait_for_function("() => decodeURIComponent(location.search).includes('yta=Sisä-Suomi')")


def _first_column(page, table_index: int = 0) -> list[str]:
    rows = page.locator('[data-testid="stTable"]').nth(table_index).locator("tbody tr")
    return [rows.nth(i).locator("td, th").first.inner_text().strip() for i in range(rows.count())]


def test_table_menu_orders_the_table_and_downloads_it_as_shown(page, server):
    """The table menu (top right of the table): choosing an order sorts the rows and shows the order as a badge;
    the order holds after the menu closes, and the CSV it downloads has the rows in that order."""
    page.goto(f"{server.url}/investointi-4?yta=Etel%C3%A4-Suomi")
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    wait_ready(page)
    before = _first_column(page)
    assert before and page.locator('[data-testid="stTable"]').first.locator("tbody tr").count() >= 7
    menu = page.locator(".st-key-menu_digitaalinen-asiointi-alueittain")
    menu.get_by_role("button").first.click()  # open the menu: its content is drawn by the rerun
    popover = page.locator('[data-testid="stPopoverBody"]')
    popover.get_by_text("Järjestys").wait_for()
    popover.locator('[data-testid="stSelectbox"]').click()
    page.get_by_role("option", name="2022: pienin ensin", exact=True).click()  # the default is largest first
    wait_ready(page)
    with page.expect_download() as info:
        popover.get_by_role("button", name="Lataa CSV").click()
    lines = info.value.path().read_bytes().decode("utf-8-sig").splitlines()
    screenshot(page, "taulukon_valikko")  # the open menu, for the README
    page.keyboard.press("Escape")  # close the menu
    wait_ready(page)
    after = _first_column(page)
    assert sorted(after) == sorted(before) and after != before
    assert [line.split(";")[0] for line in lines[1:]] == after  # the file holds the rows as shown, in that order
    shares = [float(line.split(";")[3].replace(",", ".")) for line in lines[1:] if line.split(";")[3]]
    assert shares == sorted(shares)
    assert page.get_by_text("2022: pienin ensin").first.is_visible()  # the order in force, as a badge
    screenshot(page, "taulukon_jarjestys")


def test_findings_source_line_renders_small_and_grey(page, server):
    """The findings' source line is Markdown directives (:small[:gray[...]]) at the end of each period's text:
    the browser shows it smaller and greyer than the findings, never the directive syntax."""
    page.goto(f"{server.url}/investointi-4")
    page.get_by_role("heading", name="Mitä alueet raportoivat").wait_for()
    wait_ready(page)
    period = page.locator('[data-testid="stExpander"] details[open]').first  # the latest period, open
    text = period.inner_text()
    assert ":small[" not in text and ":gray[" not in text and "]]" not in text
    source = period.locator(".stMarkdownColoredText").first
    assert re.match(r"Lähte(et|e): THL", source.inner_text())
    item = period.locator("li").first
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    assert source.evaluate(size) < item.evaluate(size)
    assert source.evaluate("el => getComputedStyle(el).color") != item.evaluate("el => getComputedStyle(el).color")
    source.scroll_into_view_if_needed()
    screenshot(page, "havainnot_lahteet")
