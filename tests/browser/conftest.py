"""Browser tests: a real ``streamlit run app.py`` subprocess on a free loopback port, driven by Debian's chromium
through Playwright. The server is always stopped; its log is shown when a test fails and any traceback in it
fails the test."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import wait_ready  # noqa: E402

from rrp_data.build import build
from rrp_data.paths import ROOT, SOURCES_DIR

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, url: str, log_path: Path, proc: subprocess.Popen):
        self.url = url
        self.log_path = log_path
        self.proc = proc

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, browser) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "rrp.duckdb"
    build(SOURCES_DIR, db, log=lambda _m: None)
    port = _free_port()
    log_path = tmp / "streamlit.log"
    env = {**os.environ, "RRP_DB": str(db), "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    with log_path.open("w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    srv = Server(url, log_path, proc)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited early:\n{srv.log()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy in 60 s:\n{srv.log()}")
            time.sleep(0.3)
        # Warm-up session on the default page: Streamlit decides on its first run whether pages/ is a legacy
        # multipage folder (app.py switches that off for every later run; see the note in app.py).
        ctx = browser.new_context()
        warm = ctx.new_page()
        warm.goto(url)
        warm.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=60_000)
        wait_ready(warm)
        ctx.close()
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser, server, request):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fi-FI")
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    log_before = len(server.log())
    yield pg
    ctx.close()
    new_log = server.log()[log_before:]
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        print(f"\n--- streamlit log during {request.node.name} ---\n{new_log}")
    if "Traceback" in new_log:
        pytest.fail(f"the Streamlit log shows a traceback during {request.node.name}:\n{new_log}")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


def has_chromium() -> bool:
    return shutil.which("chromium") is not None or Path(CHROMIUM).exists()
