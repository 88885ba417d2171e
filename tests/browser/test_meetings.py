"""Meeting features in a real browser: a shared presentation link opens without sidebar or chrome, the big
buttons and the keyboard step through sections and counties (the URL follows), the focused county is
highlighted; the page's lang attribute follows the language switch."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from browser_helpers import screenshot, wait_ready

PRESENT = "investointi-4?esitys=1&yta=L%C3%A4nsi-Suomi"


def _params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _wait_param(page, name: str, value: str) -> None:
    page.wait_for_function(
        "([n, v]) => new URLSearchParams(location.search).get(n) === v", arg=[name, value], timeout=30_000
    )
    wait_ready(page)


def _button(page, key: str):
    return page.locator(f".st-key-{key} button")


def _heading_texts(page) -> list[str]:
    return [h.strip() for h in page.locator('[data-testid="stMain"] h3').all_inner_texts() if h.strip()]


def test_shared_presentation_link_hides_sidebar_and_chrome(page, server):
    page.goto(f"{server.url}/{PRESENT}")
    _button(page, "present_next").wait_for()
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    sidebar = page.locator('section[data-testid="stSidebar"]')
    assert sidebar.count() == 0 or not sidebar.first.is_visible()
    header = page.locator('header[data-testid="stHeader"]')
    assert header.count() == 0 or not header.first.is_visible()
    # large type: the root font size is the presentation size
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "22px"
    # one section per screen
    assert len(_heading_texts(page)) == 1
    # the county stepper starts at the first county of the YTA, written into the link
    _wait_param(page, "alue", "17")
    screenshot(page, "esitystila")


def test_buttons_step_through_sections_and_counties(page, server):
    page.goto(f"{server.url}/{PRESENT}")
    _button(page, "present_next").wait_for()
    wait_ready(page)
    first = _heading_texts(page)
    _button(page, "present_next").click()
    _wait_param(page, "osa", "2")
    second = _heading_texts(page)
    assert len(second) == 1 and second != first
    _button(page, "present_next_region").click()
    _wait_param(page, "alue", "06")
    assert "Satakunta" in page.locator('[data-testid="stMain"]').inner_text()
    assert _params(page)["osa"] == "2" and _params(page)["esitys"] == "1"
    _button(page, "present_prev").click()
    _wait_param(page, "osa", "1")


def test_keyboard_steps_like_a_presenter_clicker(page, server):
    page.goto(f"{server.url}/{PRESENT}&osa=1")
    _button(page, "present_next").wait_for()
    wait_ready(page)
    page.locator('[data-testid="stMain"]').click(position={"x": 5, "y": 400})
    page.keyboard.press("ArrowRight")
    _wait_param(page, "osa", "2")
    page.keyboard.press("PageDown")
    _wait_param(page, "alue", "06")


def test_leaving_presentation_brings_back_the_sidebar(page, server):
    page.goto(f"{server.url}/{PRESENT}")
    _button(page, "present_leave").wait_for()
    wait_ready(page)
    assert "Poistu esitystilasta" in _button(page, "present_leave").inner_text()
    _button(page, "present_leave").click()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('esitys')")
    wait_ready(page)
    page.locator('section[data-testid="stSidebar"]').wait_for(state="visible")


def test_html_lang_follows_the_language_switch(page, server):
    page.goto(f"{server.url}/investointi-4")
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    wait_ready(page)
    assert page.evaluate("() => document.documentElement.lang") == "fi"
    page.goto(f"{server.url}/investointi-4?lang=sv")
    page.get_by_role("heading", name="Investering 4", exact=False).first.wait_for()
    wait_ready(page)
    page.wait_for_function("() => document.documentElement.lang === 'sv'")
    page.locator('[data-testid="stSidebar"]').get_by_text("EN", exact=True).click()
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=30_000)
    assert _params(page)["lang"] == "en"
