"""AppTest helpers shared by the page tests (plain functions; fixtures stay in conftest.py)."""

from __future__ import annotations

import os

from rrp_data.paths import ROOT


def run_page(page: str, params: dict[str, str] | None = None, timeout: float = 60):
    """Run app.py, switch to ``pages/<page>.py`` (with query params) and return the AppTest."""
    from streamlit.testing.v1 import AppTest

    assert os.environ.get("RRP_DB"), "use the app_db fixture"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.switch_page(f"pages/{page}.py")
    at.run()
    return at


def texts(at) -> str:
    """All visible text of an AppTest run (markdown, captions, metrics, headers, infos, warnings)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error", "text"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)
