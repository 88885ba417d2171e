"""Tietolähteet ja määritelmät: every source document and API with its date, indicator definitions, the public
data model (views and columns), build metadata, row counts and how to load a new reporting period.

Reruns stay cheap: the tables come from one cached builder (keyed on the database version and language), their
cell text formatted there once (``ui.prepare_table``); the key figures are ``ui.replayed``."""

import pandas as pd
import streamlit as st

from rrp_data import fmt, i18n, ui

t = ui.t
lang = ui.lang()
version = ui.db_version()  # the builders below query the database: a rebuilt file gives new entries
ui.page_header("page.sources", t("sources.intro"))


def label_of(prefix: str, value: str) -> str:
    """A translated label for a code (document kind, unit); the code itself when the catalog has none."""
    key = f"{prefix}.{value}"
    return t(key) if key in i18n.catalog() else str(value)


def with_period(x, unit: str, period) -> str | None:
    if fmt.is_missing(x):
        return None  # shown as "ei tietoa"
    text = fmt.value(x, unit, ui.lang())
    return f"{text} ({fmt.period(period)})" if isinstance(period, str) and period else text


def build_time_text(ts) -> str:
    """The build time in local time, as the app writes a date and a time of day."""
    return t("home.datetime", date=fmt.date(ts, ui.lang()), time=ts.strftime("%H:%M" if ui.lang() == "en" else "%H.%M"))


# --- each section's table (run by the cached builder ``source_tables`` below) ---------------------------------


def documents_table() -> ui.PreparedTable:
    """Every source document and API with its publisher, date, kind and how many rows cite it."""
    docs = ui.q("sources/documents")
    table = pd.DataFrame(
        {
            t("sources.col_document"): docs["document"],
            t("sources.col_title"): docs["title"],
            t("sources.col_publisher"): docs["publisher"],
            t("sources.col_published"): docs["published"],
            t("sources.col_kind"): docs["kind"].map(lambda k: label_of("sources.kind", k)),
            t("sources.col_description"): docs["description"],
            t("sources.col_cited"): docs["cited_rows"],
        }
    )
    return ui.prepare_table(
        table, formats={t("sources.col_published"): lambda d: fmt.date(d, ui.lang()), t("sources.col_cited"): ui.fmt_num}
    )


def indicator_table(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("sources.col_code"): df["indicator_code"],
            t("common.investment"): df["investment_code"].fillna("–"),
            t("sources.col_name"): df["name_fi"],
            t("sources.col_unit"): df["unit"].map(lambda u: label_of("sources.unit", u)),
            t("sources.col_definition"): df["definition_fi"],
            t("common.baseline"): [with_period(*a) for a in zip(df["baseline"], df["unit"], df["baseline_period"], strict=True)],
            t("common.interim_target"): [
                with_period(*a) for a in zip(df["interim_target"], df["unit"], df["interim_target_period"], strict=True)
            ],
            t("common.target"): [with_period(*a) for a in zip(df["target"], df["unit"], df["target_period"], strict=True)],
            t("sources.col_source"): df["source_ref"],
        }
    )


def indicator_tables() -> tuple[ui.PreparedTable, ui.PreparedTable]:
    """Indicator definitions: the EU targets, and every other indicator."""
    indicators = ui.q("sources/indicators")
    eu, other = indicators[indicators["is_eu_target"]], indicators[~indicators["is_eu_target"]]
    return ui.prepare_table(indicator_table(eu)), ui.prepare_table(indicator_table(other))


def build_table() -> tuple[ui.PreparedTable, str]:
    """Every key of the build metadata (the build time also in local time), and the sources' digest."""
    build = ui.q("sources/build_info")
    value = [
        build_time_text(lt) + f" ({v})" if k == "built_at" and not fmt.is_missing(lt) else v
        for k, v, lt in zip(build["key"], build["value"], build["local_time"], strict=True)
    ]
    digest = build.set_index("key")["value"].get("sources_digest", t("common.no_data"))
    return ui.prepare_table(pd.DataFrame({t("sources.col_key"): build["key"], t("sources.col_value"): value})), digest


def model_table() -> ui.PreparedTable:
    """The public views and their columns (with types)."""
    model = ui.q("sources/data_model")
    table = pd.DataFrame(
        {
            t("sources.col_view"): model["view_name"],
            t("sources.col_column_count"): model["column_count"],
            t("sources.col_columns"): model["columns"],
        }
    )
    return ui.prepare_table(table, formats={t("sources.col_column_count"): ui.fmt_num})


def counts_table() -> tuple[ui.PreparedTable, tuple[str, ...]]:
    """Rows per table and the view that exposes it; the tables whose count is DuckDB's estimate."""
    counts = ui.q("sources/row_counts")
    table = pd.DataFrame(
        {
            t("sources.col_table"): counts["table_name"],
            t("sources.col_rows"): counts["row_count"],
            t("sources.col_public_view"): counts["public_view"],
        }
    )
    estimated = tuple(counts[counts["estimated"]]["table_name"])
    return ui.prepare_table(table, formats={t("sources.col_rows"): ui.fmt_num}), estimated


@ui.cache_data(show_spinner=False, max_entries=20)
def source_tables(version: tuple, lang: str) -> dict:
    """Every section's table, built once per database version and language (the queries and pandas work; a rerun
    pays one cache lookup for the page)."""
    return {
        "documents": documents_table(),
        "indicators": indicator_tables(),
        "build": build_table(),
        "model": model_table(),
        "counts": counts_table(),
    }


# --- parts that only draw: replayed on reruns ------------------------------------------------------------------------


@ui.replayed()
def key_figures() -> None:
    """Numbers of sources and indicators (EU targets among them), the build time and the Sotkanet status."""
    docs = ui.q("sources/documents")
    indicators = ui.q("sources/indicators")
    build = ui.q("sources/build_info")
    info = build.set_index("key")["value"]
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("sources.m_sources"), fmt.integer(len(docs), ui.lang()))
    c2.metric(t("sources.m_indicators"), fmt.integer(len(indicators), ui.lang()),
              delta=t("sources.m_eu", n=int(indicators["is_eu_target"].sum())), delta_color="off", delta_arrow="off")
    built = build[build["key"] == "built_at"]["local_time"]
    if built.empty or fmt.is_missing(built.iloc[0]):
        c3.metric(t("sources.built"), t("common.no_data"))
    else:
        c3.metric(t("sources.built"), build_time_text(built.iloc[0]),
                  help=t("home.built_caption", digest=info.get("sources_digest", "")))
    sotkanet = str(info.get("sotkanet", ""))
    kind = sotkanet.replace(" ", "_") if sotkanet in ("not requested", "unavailable") else ("loaded" if sotkanet else "")
    c4.metric(t("sources.sotkanet"), t("home.sotkanet." + kind) if kind else t("common.no_data"))
    if kind in ("not_requested", "unavailable"):
        c4.caption(t("home.sotkanet_caption." + kind))
    elif kind == "loaded":
        c4.caption(sotkanet)


tables = source_tables(version, lang)

# --- key figures ---------------------------------------------------------------------------------------------
if ui.section(t("common.key_figures")):
    key_figures()

# --- documents and APIs ------------------------------------------------------------------------------------
if ui.section(t("sources.documents_title")):
    ui.table(tables["documents"], name="lahteet", title=t("sources.documents_title"))
    st.caption(t("sources.documents_note"))

# --- indicator definitions ------------------------------------------------------------------------------------
if ui.section(t("sources.indicators_title")):
    st.caption(t("sources.indicators_note"))
    eu, other = tables["indicators"]
    st.markdown(f"**{t('sources.eu_title')}**")
    ui.table(eu, name="indikaattorit-eu", title=t("sources.indicators_title"), sortable=False)
    ui.folded_table(t("sources.other_indicators", n=len(other)), other, name="indikaattorit-muut",
                    title=t("sources.indicators_title"), sortable=False)

# --- build metadata --------------------------------------------------------------------------------------------
if ui.section(t("sources.build_title")):
    build, digest = tables["build"]
    ui.table(build, name="build-info", title=t("sources.build_keys"), sortable=False)
    st.caption(f"{t('sources.digest')}: {digest}. {t('sources.digest_help')}")

# --- data model ------------------------------------------------------------------------------------------------------
if ui.section(t("sources.model_title")):
    st.markdown(t("sources.model_intro"))
    ui.table(tables["model"], name="tietomalli", title=t("sources.model_title"))

# --- row counts ----------------------------------------------------------------------------------------------------------
if ui.section(t("sources.counts_title")):
    counts, estimated = tables["counts"]
    ui.table(counts, name="rivimaarat", title=t("sources.counts_title"))
    if estimated:
        st.caption(f"{t('sources.estimated')}: {', '.join(estimated)}")
    st.caption(t("sources.counts_note"))

# --- how to load a new period ---------------------------------------------------------------------------------------------
if ui.section(t("sources.howto_title")):
    st.markdown(t("sources.howto"))
