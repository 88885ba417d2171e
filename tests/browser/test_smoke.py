"""Quick harness check on the investment 4 page (the other pages are covered in test_pages.py)."""

from conftest import screenshot, wait_ready


def test_inv4_renders_in_chromium(page, server):
    page.goto(f"{server.url}/investointi-4")
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_role("heading", name="Investointi 4 — Digitaalinen asiointi").wait_for()
    assert page.get_by_text("36,5\u00a0%").first.is_visible()
    screenshot(page, "inv4_smoke")
