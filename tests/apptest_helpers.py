"""AppTest helpers shared by the page tests (plain functions; fixtures stay in conftest.py)."""

from __future__ import annotations

import os

from rrp_data.paths import ROOT


def _no_legacy_pages_folder() -> None:
    """AppTest resets ``PagesManager.uses_pages_directory`` before every run, so Streamlit would treat
    ``pages/`` as a legacy (v1) multipage folder and run a page whose url path equals its file name (e.g.
    ``alueet``) directly, bypassing app.py and the shell. The server never does that (rrp_data/serve.py and
    the shell switch the flag off), so the tests switch it off the same way after each reset."""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager.__init__, "_rrp_patched", False):
        return
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    init._rrp_patched = True
    PagesManager.__init__ = init


_no_legacy_pages_folder()


def run_page(page: str, params: dict[str, str] | None = None, timeout: float = 60):
    """Run app.py, switch to ``pages/<page>.py`` (with query params) and return the AppTest.

    The app runs once before the switch: only then is ``st.navigation`` (the shell in rrp_data/shell.py)
    in charge, so the page runs inside the real frame (language switch, presentation mode, slide export)
    rather than as a bare script."""
    from streamlit.testing.v1 import AppTest

    assert os.environ.get("RRP_DB"), "use the app_db fixture"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.run()
    assert not at.exception, at.exception
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


def shown(table_or_at, i: int | None = None):
    """A table as the user sees it: the Finnish-formatted text of every cell (``shown(at, 0)`` or
    ``shown(at.table[0])``)."""
    import pyarrow as pa

    table = table_or_at.table[i] if i is not None else table_or_at
    return pa.ipc.open_stream(table.proto.arrow_data.styler.display_values).read_pandas()


def chart_data(at, i: int):
    """The data behind the i-th Altair chart of a run."""
    import pyarrow as pa

    ds = at.get("vega_lite_chart")[i].proto.datasets[0]
    return pa.ipc.open_stream(ds.data.data).read_pandas()


def table_with(at, column: str):
    """The first table that has ``column``."""
    return next(tb for tb in at.table if column in tb.value.columns)


def param(at, name: str) -> str | None:
    """A query parameter of the run as a plain string (None when absent)."""
    if name not in at.query_params:
        return None
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def module_run(page: str, params: dict[str, str] | None = None):
    """A module-scoped fixture: one run of ``page`` shared by the tests that only read it."""
    import pytest

    @pytest.fixture(scope="module")
    def _run(shipped_db):
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("RRP_DB", str(shipped_db))
            yield run_page(page, params)

    return _run


def capture_downloads(mp) -> dict[str, tuple[str, object]]:
    """Record every deferred download Streamlit registers from now on: file id -> (file name, callable). A
    deferred download's file is made only when clicked, so the test calls the callable as the click would."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    captured: dict[str, tuple[str, object]] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)
        captured[file_id] = (file_name, data_callable)
        return file_id

    mp.setattr(MediaFileManager, "add_deferred", add_deferred)
    return captured


def download(at, captured, key: str) -> tuple[str, object]:
    """(file name, make-the-file callable) of the download button whose key ends with ``key``."""
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    return captured[button.proto.deferred_file_id]


def popovers(at) -> list:
    """The run's popovers (e.g. the table menus) in order, as their block messages (``.id`` ends with the key,
    ``.popover.label``)."""
    found: list = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and proto.DESCRIPTOR.name == "Block" and proto.WhichOneof("type") == "popover":
            found.append(proto)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def unfold(at, *names: str):
    """Open the folded tables (``ui.folded_table``) of these names, or every folded table of the run when no
    name is given, as a user opening the expanders would; returns the rerun AppTest."""
    if not names:
        found: list[str] = []

        def walk(node) -> None:
            proto = getattr(node, "proto", None)  # an expander's message: Block.Expandable (its id ends with the key)
            if proto is not None and proto.DESCRIPTOR.name == "Expandable" and "-fold_" in proto.id:
                found.append(proto.id.split("-fold_", 1)[1])
            for child in getattr(node, "children", {}).values():
                walk(child)

        walk(at._tree)
        names = tuple(found)
    assert names, "no folded tables in this run"
    for name in names:
        at.session_state[f"fold_{name}"] = True
    return at.run()
