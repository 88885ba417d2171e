"""Streamlit glue shared by every page: the cached read-only connection, cached named queries, filters that
live in ``st.query_params``, source captions, Finnish-formatted tables and downloads.

Pages stay thin: they call ``q("page/query", ...)`` for data and the helpers below for display.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import pickle
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt
import duckdb
import pandas as pd
import streamlit as st

from . import charts, exports, fmt, i18n, query
from .paths import db_path

# ----------------------------------------------------------------------------- language


_run = threading.local()  # per script-run thread: the language, set by the shell at the start of each run


def set_run_lang(code: str) -> None:
    _run.lang = code if code in i18n.LANGS else "fi"


def begin_run() -> None:
    """Called by the shell first thing in every run (each run has its own thread): from here on, the run
    sees one database version (``db_version`` looks the file up once per run, not once per query)."""
    _run.version = None
    _run.in_run = True
    _run.presenting = None


def lang() -> str:
    """The UI language: set by the shell's switch for this run, else ``?lang=`` in the address, else Finnish.
    (Read hundreds of times per run, hence the thread-local rather than a session-state lookup each time.)"""
    code = getattr(_run, "lang", None)
    if code is not None:
        return code
    chosen = st.session_state.get("_lang") or st.query_params.get("lang", "fi")
    return chosen if chosen in i18n.LANGS else "fi"


def t(key: str, **kw: object) -> str:
    return i18n.t(key, lang(), **kw)


# ----------------------------------------------------------------------------- ending a page early


class EndPage(Exception):  # noqa: N818 - a control-flow signal, not an error
    """Raised by ``end_page``; the shell catches it after the page, so its own controls still render."""


def end_page() -> None:
    """End the page here (e.g. after an empty-state message). Unlike ``st.stop()``, the app's frame keeps
    running, so presentation mode's previous/next controls and the slide export still appear."""
    raise EndPage


# ----------------------------------------------------------------------------- caching in page scripts

_page_caches: dict[tuple[Any, ...], Callable[..., Any]] = {}  # one cached wrapper per function body
_page_caches_lock = threading.Lock()


def cache_data(**options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``st.cache_data`` for a function defined in a page script, keyed on the database version as well.

    A page script runs again on every rerun, so a plain ``@st.cache_data`` there makes a new cached-function
    wrapper each time, and Streamlit reads and hashes the function's source to key it (~1 ms a function, a
    rerun). This keeps one wrapper per function body: its code object, which Streamlit's script cache keeps
    while the page file is unchanged (an edited file gives new code, hence a new cache). A miss runs the
    function object of the calling run (its own module globals), never another session's. The database
    version is part of the key, so a builder that queries sees a rebuilt file even without a version
    argument. As for any cached function, the result must depend only on the arguments.
    """

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        key = ("data", fn.__code__, tuple(sorted(options.items())))
        _set_run_function(key, fn)
        with _page_caches_lock:
            wrapper = _page_caches.get(key)
            if wrapper is None:
                first = fn

                @functools.wraps(fn)  # Streamlit keys the cache on the wrapped function's name and source
                def call(*args: Any, rrp_db_version: Any = None, **kwargs: Any) -> Any:
                    return _run_function(key, first)(*args, **kwargs)

                names = _positional_names(fn)
                cached = st.cache_data(**{"hash_funcs": FAST_HASH, **options})(call)

                def by_keyword(*args: Any, **kwargs: Any) -> Any:
                    # Streamlit inspects the signature for every positional argument of every call
                    if names is not None and len(args) <= len(names):
                        kwargs = {**dict(zip(names, args, strict=False)), **kwargs}  # args may be fewer
                        args = ()
                    return cached(*args, rrp_db_version=_version_key(), **kwargs)

                by_keyword.clear = cached.clear  # type: ignore[attr-defined]
                wrapper = _page_caches[key] = by_keyword
        return wrapper

    return decorate


def _set_run_function(key: tuple[Any, ...], fn: Callable[..., Any]) -> None:
    """Remember this run's function object for a body (each run has its own thread)."""
    functions = getattr(_run, "functions", None)
    if functions is None:
        functions = _run.functions = {}
    functions[key] = fn


def _run_function(key: tuple[Any, ...], fallback: Callable[..., Any]) -> Callable[..., Any]:
    return getattr(_run, "functions", {}).get(key, fallback)


def _version_key() -> tuple[str, int] | None:
    """The database version for a cache key (None when there is no database file, e.g. in unit tests)."""
    cached = getattr(_run, "version", None)
    if cached is not None:
        return cached
    p = Path(db_path())
    return (str(p), p.stat().st_mtime_ns) if p.exists() else None


def _positional_names(fn: Callable[..., Any]) -> list[str] | None:
    params = list(inspect.signature(fn).parameters.values())
    if all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params):
        return [p.name for p in params]
    return None


def _frame_digest(df: pd.DataFrame | pd.Series) -> bytes:
    """Content digest of a frame passed to a cached function: pickling is ~15x faster than Streamlit's own
    frame hashing (~0,8 ms for a small frame); equal bytes mean equal content (different layouts of equal
    content only cost a cache miss)."""
    return hashlib.blake2b(pickle.dumps(df, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20).digest()


FAST_HASH = {pd.DataFrame: _frame_digest, pd.Series: _frame_digest}


def replayed(max_entries: int = 500) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """For a part of a page that only draws (text, metrics, badges, expanders, tables, charts without their
    download buttons): it runs once per database version, language, presentation mode and arguments; every
    later run replays the finished elements (Streamlit's cached-element replay, a fraction of the cost of
    drawing them again).

    Rules: no widgets inside (buttons, inputs, ``ui.table``'s sort/download controls, ``ui.chart``'s PNG
    button: Streamlit would warn); cheap, hashable arguments (codes, strings, numbers, tuples); nothing read
    from elsewhere that varies per run (query parameters, session state); any returned value is shared, so
    read-only. Tables and charts recorded for the slide export inside are kept with the entry and recorded
    again on every run."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def run(*args: Any) -> Any:
            items, result = _replay_wrapper(fn, max_entries)(
                version=db_version(), lang_code=lang(), presentation=presenting(), args=args
            )
            view()["items"].extend(type(item)(item) for item in items)
            return result

        return run

    return decorate


def _replay_wrapper(fn: Callable[..., Any], max_entries: int) -> Callable[..., Any]:
    key = ("replay", fn.__code__, max_entries)
    _set_run_function(key, fn)
    with _page_caches_lock:
        wrapper = _page_caches.get(key)
        if wrapper is None:
            first = fn

            def draw(version: tuple[str, int], lang_code: str, presentation: bool, args: tuple) -> tuple[list, Any]:
                state = view()
                outer, state["items"] = state["items"], []
                try:
                    result = _run_function(key, first)(*args)
                    return state["items"], result
                finally:
                    state["items"] = outer

            # Streamlit keys a cache on module, qualified name and source; the source here is this generic
            # ``draw``, so the name carries the page file, the function and a digest of its source.
            draw.__module__, draw.__qualname__ = fn.__module__, _body_name(fn)
            wrapper = _page_caches[key] = st.cache_resource(max_entries=max_entries, show_spinner=False)(draw)
    return wrapper


def _body_name(fn: Callable[..., Any]) -> str:
    try:
        source = inspect.getsource(fn)
    except (OSError, TypeError):
        source = repr((fn.__code__.co_code, fn.__code__.co_consts))
    digest = hashlib.blake2b(source.encode(), digest_size=8).hexdigest()
    return f"{fn.__code__.co_filename}:{fn.__qualname__}:{digest}"


# ----------------------------------------------------------------------------- data access


def _close(con: duckdb.DuckDBPyConnection) -> None:
    con.close()


@st.cache_resource(max_entries=1, on_release=_close, show_spinner=False)
def _connection(path: str, mtime_ns: int) -> duckdb.DuckDBPyConnection:
    """One read-only connection per database file version; a rebuilt file (new mtime) gets a new one."""
    return query.connect(path)


_version_lock = threading.Lock()
_open_version: list[tuple[str, int] | None] = [None]


def db_version() -> tuple[str, int]:
    """(path, mtime) of the database file. When the file has been replaced by a rebuild, the old cached
    connection is closed *before* a new one is opened: DuckDB hands a new connection to an already open
    database instance of the same path, so opening first would keep serving the old file."""
    cached = getattr(_run, "version", None)
    if cached is not None:
        return cached
    p = Path(db_path())
    if not p.exists():
        st.error(t("notice.no_db", path=str(p)))
        st.stop()
    version = (str(p), p.stat().st_mtime_ns)
    with _version_lock:
        if _open_version[0] is not None and _open_version[0] != version:
            _connection.clear()
        _open_version[0] = version
    if getattr(_run, "in_run", False):
        _run.version = version
    return version


@st.cache_data(show_spinner=False, max_entries=2000)
def _cached_query(path: str, mtime_ns: int, name: str, params_json: str) -> pd.DataFrame:
    """The result frame (``st.cache_data``: each call gets its own copy, so callers may modify it)."""
    con = _connection(path, mtime_ns)
    cur = con.cursor()  # a cursor per query: connections are shared between sessions (threads)
    try:
        params = json.loads(params_json)
        return query.run(cur, name, params or None)
    finally:
        cur.close()


def q(name: str, **params: Any) -> pd.DataFrame:
    """Run the named query ``queries/<name>.sql`` with bound parameters; cached per database version.
    Every caller gets its own copy of the frame, so callers may modify it. (Cached functions are called with
    keyword arguments: for a positional one Streamlit inspects the function's signature on every call.)"""
    path, mtime = db_version()
    params_json = json.dumps(params, sort_keys=True, default=str) if params else "{}"
    return _cached_query(path=path, mtime_ns=mtime, name=name, params_json=params_json)


# ----------------------------------------------------------------------------- reference data
#
# Small lookups (county names, documents, investments, build info) are used dozens of times per run; they are
# built once per database version as plain dicts instead of going through ``q`` (hash + copy) every time.


@functools.lru_cache(maxsize=4)
def _lookups(path: str, mtime_ns: int) -> dict[str, Any]:
    regions_df = _cached_query(path=path, mtime_ns=mtime_ns, name="common/regions", params_json="{}")
    return {
        "regions": regions_df,
        "areas": (areas := regions_df[regions_df["kind"].isin(["county", "city"])].sort_values("short_name_fi")),
        "area_codes": {None: list(areas["region_code"])}
        | {y: list(areas.loc[areas["yta"] == y, "region_code"]) for y in YTAS},
        "region_rows": {r["region_code"]: r for r in regions_df.to_dict("records")},
        "documents": {r["document"]: r for r in _cached_query(path=path, mtime_ns=mtime_ns, name="common/sources", params_json="{}").to_dict("records")},
        "investments": {
            r["investment_code"]: r for r in _cached_query(path=path, mtime_ns=mtime_ns, name="common/investments", params_json="{}").to_dict("records")
        },
        "build_info": dict(
            _cached_query(path=path, mtime_ns=mtime_ns, name="common/build_info", params_json="{}")[["key", "value"]].itertuples(index=False)
        ),
    }


def lookups() -> dict[str, Any]:
    return _lookups(*db_version())


def regions() -> pd.DataFrame:
    return lookups()["regions"].copy()


def region_name(code: str, short: bool = True) -> str:
    row = lookups()["region_rows"].get(code)
    if row is None:
        return code
    if lang() == "sv":
        return str(row["name_sv"])
    return str(row["short_name_fi"] if short else row["name_fi"])


def area_codes(yta: str | None = None) -> list[str]:
    """The project areas' codes (all 22, or one YTA's), in Finnish alphabetical order."""
    return list(lookups()["area_codes"].get(yta or None, []))


def project_areas() -> pd.DataFrame:
    """The 22 areas that run RRP projects (21 counties and Helsinki), in Finnish alphabetical order."""
    return lookups()["areas"].copy()


# ----------------------------------------------------------------------------- URL state

KNOWN_PARAMS = {"kausi", "yta", "alueet", "investointi", "alue", "lang", "esitys", "osa", "vuosi", "vertailu", "kausi2", "indikaattori", "vuosi2"}
YTAS = ("Etelä-Suomi", "Sisä-Suomi", "Itä-Suomi", "Länsi-Suomi", "Pohjois-Suomi")


def _notices() -> list[str]:
    return st.session_state.setdefault("_notices", [])


def notice(text: str) -> None:
    if text not in _notices():
        _notices().append(text)


def check_unknown_params() -> None:
    for name in list(st.query_params.keys()):
        if name not in KNOWN_PARAMS:
            notice(t("notice.unknown_param", name=name))
            del st.query_params[name]


def _write_param(name: str, value: Any, default: Any) -> None:
    if value == default or value in (None, [], ""):
        if name in st.query_params:
            del st.query_params[name]
        return
    text = ",".join(value) if isinstance(value, list) else str(value)
    if st.query_params.get(name) != text:
        st.query_params[name] = text


def _on_change(name: str, widget_key: str, default: Any) -> None:
    v = st.session_state[widget_key]
    st.session_state[f"_p_{name}"] = v
    _write_param(name, v, default)


def param_select(
    name: str,
    options: Sequence[str],
    default: Any,
    label: str,
    format_func: Callable[[Any], str] = str,
    multi: bool = False,
    container: Any = None,
    widget: str = "selectbox",
    help: str | None = None,  # noqa: A002 - Streamlit's name
) -> Any:
    """A filter widget whose value lives in ``st.query_params[name]`` (and survives page switches).

    The URL wins over the remembered value; a malformed or unknown value shows a notice and falls back to the
    default. The widget writes back to the URL on change, so the address is always a shareable link.
    """
    container = container or st.sidebar
    options = list(options)
    store_key, widget_key = f"_p_{name}", f"w_{name}"
    value = default
    if name in st.query_params:
        raw = st.query_params.get(name, "")
        if multi:
            items = [x for x in raw.split(",") if x]
            if items and all(x in options for x in items):
                value = items
            else:
                notice(t("notice.bad_param", name=name, value=raw))
                del st.query_params[name]
        elif raw in options:
            value = raw
        else:
            notice(t("notice.bad_param", name=name, value=raw))
            del st.query_params[name]
    elif store_key in st.session_state:
        remembered = st.session_state[store_key]
        ok = all(x in options for x in remembered) if multi else remembered in options
        value = remembered if ok else default
    st.session_state[store_key] = value
    _write_param(name, value, default)
    if presenting() and container is st.sidebar:
        return value  # presentation mode has no sidebar: the value comes from the link alone
    st.session_state[widget_key] = value
    kwargs = dict(key=widget_key, on_change=_on_change, args=(name, widget_key, default), help=help)
    if multi:
        return container.multiselect(label, options, format_func=format_func, placeholder=t("filter.regions_all"), **kwargs)
    if widget == "radio":
        return container.radio(label, options, format_func=format_func, horizontal=True, **kwargs)
    if widget == "segmented":
        return container.segmented_control(label, options, format_func=format_func, **kwargs)
    return container.selectbox(label, options, format_func=format_func, **kwargs)


@dataclass
class Filters:
    period: str | None = None
    yta: str | None = None
    regions: list[str] | None = None
    investment: str | None = None

    def region_codes(self) -> list[str]:
        """Selected counties, else the counties of the chosen YTA, else all 22 project areas."""
        if self.regions:
            return list(self.regions)
        return area_codes(self.yta)

    def query_params(self) -> dict[str, str]:
        out = {}
        if self.period:
            out["kausi"] = self.period
        if self.yta:
            out["yta"] = self.yta
        if self.regions:
            out["alueet"] = ",".join(self.regions)
        if self.investment:
            out["investointi"] = self.investment
        return out


def sidebar_filters(
    periods: Sequence[str] | None = None,
    yta: bool = False,
    regions: bool = False,
    investments: Sequence[str] | None = None,
) -> Filters:
    """The standard sidebar filters; each is optional and URL-backed (presentation mode: URL only)."""
    if not presenting():
        st.sidebar.subheader(t("filter.heading"))
    f = Filters()
    if periods:
        periods = list(periods)
        f.period = param_select("kausi", periods, periods[-1], t("filter.period"), format_func=fmt.period)
    if yta:
        f.yta = param_select(
            "yta", ["", *YTAS], "", t("filter.yta"), format_func=lambda v: v or t("filter.yta_all")
        ) or None
    if regions:
        f.regions = param_select(
            "alueet", area_codes(f.yta), [], t("filter.regions"), format_func=region_name, multi=True
        ) or None
    if investments:
        f.investment = param_select(
            "investointi",
            ["", *investments],
            "",
            t("filter.investment"),
            format_func=lambda v: investment_label(v) if v else t("filter.investment_all"),
        ) or None
    if not presenting():
        st.sidebar.caption(t("filter.share_hint"))
    return f


def investment_label(code: str) -> str:
    row = lookups()["investments"].get(code)
    if row is None:
        return code
    return f"{code} · {row['short_name_fi']}"


# ----------------------------------------------------------------------------- page furniture


def page_header(title_key: str, intro: str | None = None) -> None:
    st.title(t(title_key))
    if intro:
        st.markdown(intro)
    for text in _notices():
        st.warning(text, icon="⚠️")
    st.session_state["_notices"] = []


def describe_source(ref: str) -> str:
    """'000_…txt | Investoinnin 4 tilanne' -> 'THL 29.2.2024: Suomen kestävän … — Investoinnin 4 tilanne'."""
    doc, _, locator = ref.partition(" | ")
    row = lookups()["documents"].get(doc)
    if row is not None:
        when = f" {fmt.date(row['published'])}" if not fmt.is_missing(row["published"]) and row["published"] is not None else ""
        return f"{row['publisher']}{when}: {row['title']} — {locator} ({doc})"
    return ref


def source_caption(refs: Sequence[str] | pd.Series | str | None, notes: Sequence[str | None] = ()) -> None:
    """The caption under a part of the page: its notes (empty ones skipped), each a paragraph, then one line
    naming every distinct source (document, slide/section) behind what is shown. One element, however many
    notes and sources."""
    if isinstance(refs, str):
        refs = [refs]
    distinct = list(dict.fromkeys(r for r in (refs if refs is not None else ()) if isinstance(r, str) and r))
    paragraphs = [n for n in notes if n]
    text = ""
    if distinct:
        label = t("common.source") if len(distinct) == 1 else t("common.sources")
        text = " · ".join(describe_source(r) for r in distinct)
        paragraphs.append(f"{label}: {text}")
    if not paragraphs:
        return
    st.caption("\n\n".join(paragraphs))
    items = view()["items"]
    if text and items and not items[-1]["source"]:
        items[-1]["source"] = text  # the caption under a table/chart is its source line on the exported slide


def metric_row(metrics: Sequence[tuple[str, str] | dict[str, Any]], border: bool = False) -> None:
    """Key figures side by side in one flex row (equal widths; they wrap on a narrow screen). Each is a
    ``(label, value)`` pair or ``st.metric`` keyword arguments. Cheaper than ``st.columns``: one block,
    not one per figure."""
    row = st.container(horizontal=True, gap="medium")
    for m in metrics:
        kwargs = m if isinstance(m, dict) else {"label": m[0], "value": m[1]}
        row.metric(border=border, **kwargs)


def build_time() -> str:
    return lookups()["build_info"].get("built_at", "")


def data_date_text() -> str:
    built = build_time()
    return fmt.date(built[:10]) if built else t("common.no_data")


def _slug(text: str) -> str:
    s = text.lower()
    for a, b in (("ä", "a"), ("ö", "o"), ("å", "a")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:60]


def downloads(rows: Callable[[], pd.DataFrame], name: str, title: str, source: str, key: str, into: Any) -> None:
    """CSV (Finnish Excel) and XLSX downloads of the table ``rows()`` gives, drawn into ``into`` (a table's
    menu); the files are made only when clicked."""
    stem = f"{_slug(name)}_{data_date_text().replace('.', '-')}"
    into.download_button(
        t("common.download_csv"),
        data=lambda: exports.csv_fi(rows()),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"dl_csv_{key}",
        on_click="ignore",
        icon=":material/download:",
    )
    into.download_button(
        t("common.download_xlsx"),
        data=lambda: exports.xlsx(rows(), sheet=name[:31], title=title, source=source),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_xlsx_{key}",
        on_click="ignore",
        icon=":material/table:",
    )


# ----------------------------------------------------------------------------- the current view
#
# Every table and chart a page shows is also recorded for this run (title, data, source), so the slide
# export can turn "what is on screen, with its filters" into a deck without the page doing anything extra.
# Sections (``section()``) are the units presentation mode steps through.


def begin_view(title: str = "") -> None:
    """Called by the app shell before the page runs."""
    st.session_state["_view"] = {"title": title, "items": [], "sections": []}


def view() -> dict:
    return st.session_state.setdefault("_view", {"title": "", "items": [], "sections": []})


def presenting() -> bool:
    """Presentation mode (``?esitys=1``): no sidebar or chrome, large type, one section per screen. Fixed for
    the rest of the run once the shell has checked the parameter (``fix_presenting``): every table, chart and
    section asks, and reading the address each time is not free."""
    fixed = getattr(_run, "presenting", None)
    return fixed if fixed is not None else st.query_params.get("esitys") == "1"


def fix_presenting() -> bool:
    """Called by the shell after ``present.check_param``: whether this run presents, from here on."""
    _run.presenting = None
    _run.presenting = presenting()
    return _run.presenting


def current_section() -> int:
    """The 1-based section presentation mode shows (``?osa=``); malformed values fall back to 1."""
    raw = st.query_params.get("osa", "1")
    return int(raw) if raw.isdigit() and int(raw) >= 1 else 1


def section(title: str, caption: str | None = None) -> bool:
    """Start a section of the page (its heading). Returns whether to render it: always, except in
    presentation mode, where only the current section is shown (``if ui.section(...):``)."""
    sections = view()["sections"]
    sections.append(title)
    if presenting() and len(sections) != current_section():
        return False
    st.subheader(title)
    if caption:
        st.caption(caption)
    return True


def focus_regions(filters: Filters | None = None) -> frozenset[str]:
    """Counties to highlight in charts: in presentation mode the county being stepped through (``?alue=``),
    otherwise the counties picked in the filters. Empty = no highlight."""
    if presenting() and st.query_params.get("alue"):
        return frozenset([st.query_params.get("alue")])
    if filters is not None and filters.regions:
        return frozenset(filters.regions)
    return frozenset()


def _is_na(v: Any) -> bool:
    """Missing as the pandas Styler's ``na_rep`` sees it (``pd.isna``), for the Python values ``tolist`` gives,
    so the recorded text and the rendered table agree. (Called for every cell: the common cases first.)"""
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float):
        return v != v
    if isinstance(v, (str, int)):
        return False
    return pd.api.types.is_scalar(v) and bool(pd.isna(v))


@st.cache_resource(max_entries=5000, show_spinner=False)
def _table_element(key: str, _styled: Callable[[], Any]) -> None:
    """Draw the table (pandas Styler -> Arrow, ~3 ms a table); cached by ``key`` so that a rerun replays the
    finished element instead (``_styled`` makes the Styler, only on a miss). ``key`` digests everything the
    element depends on: the index, columns, dtypes and values shown and every cell's displayed text (which is
    what the formats and the language produce)."""
    st.table(_styled())


def _display_cells(df: pd.DataFrame, formats: dict[str, Callable[[Any], str]]) -> dict[str, list[str]]:
    """The table as text, column by column, exactly as shown (Finnish formats, "ei tietoa" for missing)."""
    missing = t("common.no_data")

    def column(name: str, fn: Callable[[Any], str] | None) -> list[str]:
        return [missing if _is_na(v) else (fn(v) if fn else str(v)) for v in df[name].tolist()]

    return {c: column(c, formats.get(c)) for c in df.columns}


def _table_key(shown: pd.DataFrame, cells: dict[str, list[str]]) -> str:
    content = (shown.index.tolist(), list(shown.columns), [str(d) for d in shown.dtypes],
               [shown[c].tolist() for c in shown.columns], cells)
    return hashlib.blake2b(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20).hexdigest()


class PreparedTable:
    """A table whose displayed text and element key are computed once, in a cached builder
    (``return ui.prepare_table(df, formats)``), so a rerun that shows it does no per-cell work. Plain data, no
    format functions. Pickled (as ``st.cache_data`` does on every hit) the frame and the cell text stay bytes
    until something needs them: sorting, the slide export, a download click or a cache miss; showing it needs
    only the key (the element is replayed)."""

    def __init__(self, frame: pd.DataFrame, cells: dict[str, list[str]], key: str) -> None:
        self._frame: pd.DataFrame | None = frame
        self._cells: dict[str, list[str]] | None = cells
        self._blob: bytes | None = None
        self._cells_blob: bytes | None = None
        self.key = key
        self.columns, self.n_rows = list(frame.columns), len(frame)
        self.numeric = _numeric_columns(frame)

    @property
    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = pickle.loads(self._blob)  # noqa: S301 - our own cache entry
        return self._frame

    @property
    def cells(self) -> dict[str, list[str]]:
        if self._cells is None:
            self._cells = pickle.loads(self._cells_blob)  # noqa: S301 - our own cache entry
        return self._cells

    def __len__(self) -> int:
        return self.n_rows

    def __getstate__(self) -> dict[str, Any]:
        def blob(stored: bytes | None, value: Any) -> bytes:
            return stored if stored is not None else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

        return {"blob": blob(self._blob, self._frame), "cells_blob": blob(self._cells_blob, self._cells),
                "key": self.key, "columns": self.columns, "n_rows": self.n_rows, "numeric": self.numeric}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._frame, self._blob, self._cells, self._cells_blob = None, state["blob"], None, state["cells_blob"]
        self.key, self.columns, self.n_rows = state["key"], state["columns"], state["n_rows"]
        self.numeric = state["numeric"]


def prepare_table(df: pd.DataFrame, formats: dict[str, Callable[[Any], str]] | None = None) -> PreparedTable:
    """The table as ``table`` would show it (Finnish formats, "ei tietoa"), ready to be cached."""
    active = {c: f for c, f in (formats or {}).items() if c in df.columns}
    cells = _display_cells(df, active)
    return PreparedTable(df, cells, _table_key(df, cells))


def _formats_from_cells(df: pd.DataFrame, cells: dict[str, list[str]]) -> dict[str, Callable[[Any], str]]:
    """Formats giving back prepared text: value -> text per column (missing values never reach a format)."""
    out: dict[str, Callable[[Any], str]] = {}
    for c in df.columns:
        out[c] = {v: text for v, text in zip(df[c].tolist(), cells[c], strict=True) if not _is_na(v)}.__getitem__
    return out


class TableItem(dict):
    """A table recorded for the slide export; its cell text (``item["cells"]``, from the prepared table when
    there is one) and text frame (``item["frame"]``) are made only when asked for (the export needs them, a
    rerun does not)."""

    def __missing__(self, key: str) -> Any:
        if key == "cells" and "prepared" in self:
            self["cells"] = self["prepared"].cells
            return self["cells"]
        if key == "frame":
            self["frame"] = pd.DataFrame(self["cells"], columns=list(self["cells"]))
            return self["frame"]
        raise KeyError(key)


SORT_MIN_ROWS = 7  # shorter tables are read at a glance: no order control (one widget less to draw)


def table(
    df: pd.DataFrame | PreparedTable,
    formats: dict[str, Callable[[Any], str]] | None = None,
    name: str = "taulukko",
    title: str = "",
    source: str = "",
    download: pd.DataFrame | None = None,
    sortable: bool = True,
) -> None:
    """Show a table in Finnish formats with CSV/XLSX downloads of the same rows.

    Rendered with ``st.table``: its cells are real text (screen readers, browser tests, copy-paste) and a
    missing value reads "ei tietoa" (the data grid would print "None"). The table's menu (top right, like a
    report visual's "more options") holds its order, which sorts on the numeric values, not on the formatted
    text (offered from ``SORT_MIN_ROWS`` rows), and the downloads; an active order shows as a badge beside it.
    ``df`` may be a ``PreparedTable`` from a cached builder (then ``formats`` were applied there).
    """
    prepared = df if isinstance(df, PreparedTable) else None
    columns, n_rows = (prepared.columns, prepared.n_rows) if prepared is not None else (list(df.columns), len(df))
    order = None
    choice = ""
    can_sort = sortable and n_rows >= SORT_MIN_ROWS
    if can_sort:
        numeric = prepared.numeric if prepared is not None else _numeric_columns(df)
        options = ["", *_sort_options(columns, numeric)]
        choice = st.session_state.get(f"_order_{name}", "")
        choice = choice if choice in options else ""  # e.g. a column renamed by a language switch
        if choice:
            frame = prepared.frame if prepared is not None else df
            column = frame[choice[1:]].reset_index(drop=True)  # index = row positions
            order = column.sort_values(ascending=choice[0] == "+", na_position="last", kind="stable").index.tolist()
    # One menu above the table, at its right edge as in a report visual's header (order, CSV, XLSX); its content
    # is drawn only while it is open. None when presenting.
    menu = None
    if not presenting():
        controls = st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center")
        if choice:
            controls.badge(_sort_label(choice, numeric), icon=":material/sort:", color="blue")
        label = t("common.table_menu") if can_sort else t("common.table_menu_download")
        menu = controls.popover(label, key=f"menu_{name}", on_change="rerun",
                                icon=":material/more_horiz:" if can_sort else ":material/download:")
        menu = menu if menu.open else None
    if menu is not None and can_sort:
        menu.selectbox(
            t("common.sort_by"), options, index=options.index(choice), key=f"sort_{name}", width=360,
            format_func=lambda v: _sort_label(v, numeric), on_change=_keep_order, args=(name,),
        )

    def shown() -> pd.DataFrame:  # the rows as shown (numbers), only built when needed
        frame = prepared.frame if prepared is not None else df
        return frame if order is None else frame.iloc[order]

    if prepared is not None:
        cells = None if order is None else {c: [v[i] for i in order] for c, v in prepared.cells.items()}
        key = prepared.key if order is None else _table_key(shown(), cells)

        def styled() -> Any:
            rows = shown()
            text = cells if cells is not None else prepared.cells
            return rows.style.format(_formats_from_cells(rows, text), na_rep=t("common.no_data")).hide(axis="index")
    else:
        rows = shown()
        active = {c: f for c, f in (formats or {}).items() if c in rows.columns}
        cells = _display_cells(rows, active)
        key = _table_key(rows, cells)

        def styled() -> Any:
            return rows.style.format(active, na_rep=t("common.no_data")).hide(axis="index")

    _table_element(key=key, _styled=styled)
    item = TableItem(kind="table", name=name, title=title or name, source=source)
    if cells is not None:
        item["cells"] = cells
    else:
        item["prepared"] = prepared  # the cell text stays bytes unless the slide export asks for it
    view()["items"].append(item)
    if menu is not None:
        downloads((lambda: download) if download is not None else shown, name, title or name, source, key=name,
                  into=menu)


def folded_table(label: str, df: pd.DataFrame | PreparedTable, name: str, **options: Any) -> None:
    """A table folded under an expander (e.g. a chart's figures "as a table"), drawn (and exported) only while
    the expander is open: opening it reruns the page. ``options`` are ``table``'s."""
    box = st.expander(label, key=f"fold_{name}", on_change="rerun")
    if box.open:
        with box:
            table(df, name=name, **options)


def _keep_order(name: str) -> None:
    """The order control lives in the table menu, drawn only while the menu is open (a widget not drawn loses
    its state): the chosen order is kept under its own key, so it holds after the menu closes."""
    st.session_state[f"_order_{name}"] = st.session_state.get(f"sort_{name}", "")


def _numeric_columns(df: pd.DataFrame) -> dict[str, bool]:
    return {c: pd.api.types.is_numeric_dtype(df[c]) for c in df.columns}


def _sort_options(columns: list[str], numeric: dict[str, bool]) -> list[str]:
    """"-col" largest / last first, "+col" smallest / first first; numbers offer largest first, text A–Ö."""
    return [f"{d}{c}" for c in columns for d in (("-", "+") if numeric.get(c) else ("+", "-"))]


def _sort_label(value: str, numeric: dict[str, bool]) -> str:
    if not value:
        return t("common.sort_default")
    column, ascending = value[1:], value[0] == "+"
    kind = "num" if numeric.get(column) else "text"
    return t(f"common.sort_{kind}_{'asc' if ascending else 'desc'}", col=column)


@st.cache_resource(max_entries=2000, show_spinner=False)
def _chart_element(key: str, presentation: bool, _spec: dict) -> None:
    """Draw the chart (spec -> JSON + Arrow datasets, ~1 ms a chart); cached by the spec's digest
    (``charts.spec_key``), so a rerun replays the finished element."""
    st.vega_lite_chart(charts.presentation_size(_spec) if presentation else _spec, width="stretch")


def chart(
    c: alt.TopLevelMixin | dict,
    name: str,
    title: str,
    source: str,
    height: int | None = None,
    alt_text: str | None = None,
) -> None:
    """Show a chart (house style, Finnish locale) with a PNG download carrying title, source and date.

    ``c`` is preferably the dict from ``charts.spec`` returned by a ``st.cache_data`` builder (cheap on
    reruns); an Altair chart is finished here (costly: tens of milliseconds per chart)."""
    spec = c if isinstance(c, dict) else charts.spec(c, height=height)
    _chart_element(key=charts.spec_key(spec), presentation=presenting(), _spec=spec)
    date_text = data_date_text()
    view()["items"].append(
        {"kind": "chart", "name": name, "title": title, "source": source, "spec": spec,
         "alt": alt_text or f"{title}. {t('common.source')}: {source}"}
    )
    if presenting():
        return
    st.download_button(
        t("common.download_png"),
        data=lambda: exports.chart_png(spec, title, source, date_text),
        file_name=f"{_slug(name)}_{date_text.replace('.', '-')}.png",
        mime="image/png",
        key=f"dl_png_{name}",
        on_click="ignore",
        icon=":material/image:",
    )


def narratives(investment: str, period: str | None = None, region: str = "SSS", subtitle: str | None = None) -> None:
    """The 'what the counties reported' section: narrative rows grouped by period and section.
    ``subtitle`` tells two such sections of one page apart (e.g. the two programmes of pillar 3)."""
    title = t("common.findings") + (f" — {subtitle}" if subtitle else "")
    if not section(title):
        return
    path, mtime = db_version()
    _narrative_body(path=path, mtime_ns=mtime, investment=investment, region=region, period=period, lang_code=lang())


@st.cache_resource(max_entries=500, show_spinner=False)
def _narrative_body(path: str, mtime_ns: int, investment: str, region: str, period: str | None, lang_code: str) -> None:
    """The findings text (tens of expanders and markdown blocks): drawn once per database version, language
    and arguments, replayed on reruns. Its source lines are plain captions, not slide source lines."""
    if lang_code != "fi":
        st.caption(t("common.findings_note"))
    df = _cached_query(path=path, mtime_ns=mtime_ns, name="common/narratives",
                       params_json=json.dumps({"investment": investment, "region": region}, sort_keys=True))
    if df.empty:
        st.info(t("common.no_findings"))
        return
    periods = list(dict.fromkeys(df.sort_values("end_date", ascending=False)["period"]))
    for p in periods:
        part = df[df["period"] == p]
        with st.expander(f"{fmt.period(p)} · {len(part)}", expanded=(p == (period or periods[0]))):
            blocks = []  # one Markdown element per period (a heading and a list per section): fewer to replay
            for _order, rows in part.groupby("section_order", sort=True):
                heading = t("common.section." + rows["section"].iloc[0])
                items = "\n".join(f"- {txt.replace(chr(10), ' ')}" for txt in rows["text_fi"])
                blocks.append(f"**{heading}**\n\n{items}")
            refs = list(dict.fromkeys(r for r in part["source_ref"] if isinstance(r, str) and r))
            if refs:  # the sources in caption style (small, grey) at the end of the same element
                label = t("common.source") if len(refs) == 1 else t("common.sources")
                line = f"{label}: " + " · ".join(describe_source(r) for r in refs)
                blocks.append(f":small[:gray[{_escape_directive(line)}]]")
            st.markdown("\n\n".join(blocks))


def _escape_directive(text: str) -> str:
    """Text safe inside a Markdown text directive such as ``:gray[...]`` (brackets would end it early)."""
    return text.replace("[", "\\[").replace("]", "\\]")


_ACHIEVED_KEYS = {"yes": "common.achieved", "no": "common.not_achieved", "partly": "common.partly",
                  "unknown": "common.unknown"}


def achieved_label(status: Any) -> str:
    """A document's own 'target achieved?' status (yes / no / partly / unknown) in the UI language; any other
    value is shown as it is."""
    key = _ACHIEVED_KEYS.get(status) if isinstance(status, str) else None
    return t(key) if key else str(status)


def statement_box(achieved: Any, statement: str, period: str, note: str | None = None) -> None:
    """A document's own statement on reaching a target, quoted with its date, in a box whose colour follows the
    status (green reached, amber not or partly, blue unknown) and whose first words say it: colour is never
    the only carrier of the verdict."""
    text = f"**{achieved_label(achieved)}** · {t('common.statement_of', date=fmt.period(period))}: ”{statement}”"
    box = st.success if achieved == "yes" else st.warning if achieved in ("no", "partly") else st.info
    box(text + (f"\n\n{note}" if note else ""))


def fmt_pct(x: Any) -> str:
    return fmt.percent(x, 1, lang())


def fmt_pct0(x: Any) -> str:
    return fmt.percent(x, 0, lang())


def fmt_num(x: Any) -> str:
    return fmt.auto(x, lang())


def fmt_points(x: Any) -> str:
    return fmt.points(x, 1, lang())


def set_document_lang() -> None:
    """Make the page's ``<html lang>`` follow the UI language (screen readers pick the voice from it)."""
    code = lang()
    st.html(f'<script>document.documentElement.lang = "{code}";</script>', unsafe_allow_javascript=True)
