"""Browser-test helpers (plain functions; fixtures stay in conftest.py)."""

from __future__ import annotations

import time
from pathlib import Path

from rrp_data.paths import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"


def wait_ready(page, timeout: float = 45) -> None:
    """Wait until the app is rendered and Streamlit has finished running the script."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        running = page.evaluate(
            """() => {
                const s = document.querySelector('[data-testid="stStatusWidget"]');
                const busy = s && /Running|Käynnissä|running/i.test(s.innerText || '');
                const skeleton = document.querySelector('[data-testid="stSkeleton"]');
                const stale = document.querySelector('[data-stale="true"]');
                return Boolean(busy || skeleton || stale);
            }"""
        )
        if running:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 1.0:
            return
        time.sleep(0.2)
    raise AssertionError("Streamlit kept running past the timeout")


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
