"""Tietolähteet ja määritelmät: every source document and API with its date, indicator definitions, the public
data model (views and columns), build metadata, row counts and how to load a new reporting period."""

import pandas as pd
import streamlit as st

from rrp_data import fmt, i18n, ui

t = ui.t
lang = ui.lang()
ui.page_header("page.sources", t("sources.intro"))

docs = ui.q("sources/documents")
indicators = ui.q("sources/indicators")
build = ui.q("sources/build_info")
info = build.set_index("key")["value"]


def label_of(prefix: str, value: str) -> str:
    """A translated label for a code (document kind, unit); the code itself when the catalog has none."""
    key = f"{prefix}.{value}"
    return t(key) if key in i18n.catalog() else str(value)


def with_period(x, unit: str, period) -> str | None:
    if fmt.is_missing(x):
        return None  # shown as "ei tietoa"
    text = fmt.value(x, unit, lang)
    return f"{text} ({fmt.period(period)})" if isinstance(period, str) and period else text


# --- key figures ---------------------------------------------------------------------------------------------
if ui.section(t("common.key_figures")):
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("sources.m_sources"), fmt.integer(len(docs), lang))
    c2.metric(t("sources.m_indicators"), fmt.integer(len(indicators), lang),
              delta=t("sources.m_eu", n=int(indicators["is_eu_target"].sum())), delta_color="off", delta_arrow="off")
    built = build[build["key"] == "built_at"]["local_time"]
    if built.empty or fmt.is_missing(built.iloc[0]):
        c3.metric(t("sources.built"), t("common.no_data"))
    else:
        ts = built.iloc[0]
        clock = ts.strftime("%H:%M") if lang == "en" else ts.strftime("%H.%M")
        c3.metric(t("sources.built"), t("home.datetime", date=fmt.date(ts, lang), time=clock), help=t("home.built_caption", digest=info.get("sources_digest", "")))
    sotkanet = str(info.get("sotkanet", ""))
    kind = sotkanet.replace(" ", "_") if sotkanet in ("not requested", "unavailable") else ("loaded" if sotkanet else "")
    c4.metric(t("sources.sotkanet"), t("home.sotkanet." + kind) if kind else t("common.no_data"))
    if kind in ("not_requested", "unavailable"):
        c4.caption(t("home.sotkanet_caption." + kind))
    elif kind == "loaded":
        c4.caption(sotkanet)

# --- documents and APIs ------------------------------------------------------------------------------------
if ui.section(t("sources.documents_title")):
    ui.table(
        pd.DataFrame(
            {
                t("sources.col_document"): docs["document"],
                t("sources.col_title"): docs["title"],
                t("sources.col_publisher"): docs["publisher"],
                t("sources.col_published"): docs["published"],
                t("sources.col_kind"): docs["kind"].map(lambda k: label_of("sources.kind", k)),
                t("sources.col_description"): docs["description"],
                t("sources.col_cited"): docs["cited_rows"],
            }
        ),
        formats={t("sources.col_published"): lambda d: fmt.date(d, lang), t("sources.col_cited"): ui.fmt_num},
        name="lahteet",
        title=t("sources.documents_title"),
    )
    st.caption(t("sources.documents_note"))

# --- indicator definitions ------------------------------------------------------------------------------------


def indicator_table(df: pd.DataFrame, name: str) -> None:
    ui.table(
        pd.DataFrame(
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
        ),
        name=name,
        title=t("sources.indicators_title"),
        sortable=False,
    )


if ui.section(t("sources.indicators_title")):
    st.caption(t("sources.indicators_note"))
    eu = indicators[indicators["is_eu_target"]]
    st.markdown(f"**{t('sources.eu_title')}**")
    indicator_table(eu, "indikaattorit-eu")
    other = indicators[~indicators["is_eu_target"]]
    with st.expander(t("sources.other_indicators", n=len(other))):
        indicator_table(other, "indikaattorit-muut")

# --- build metadata --------------------------------------------------------------------------------------------
if ui.section(t("sources.build_title")):
    shown = build.assign(
        value=[
            t("home.datetime", date=fmt.date(lt, lang), time=lt.strftime("%H:%M" if lang == "en" else "%H.%M")) + f" ({v})"
            if k == "built_at" and not fmt.is_missing(lt) else v
            for k, v, lt in zip(build["key"], build["value"], build["local_time"], strict=True)
        ]
    )
    ui.table(
        pd.DataFrame({t("sources.col_key"): shown["key"], t("sources.col_value"): shown["value"]}),
        name="build-info",
        title=t("sources.build_keys"),
        sortable=False,
    )
    st.caption(f"{t('sources.digest')}: {info.get('sources_digest', t('common.no_data'))}. {t('sources.digest_help')}")

# --- data model ------------------------------------------------------------------------------------------------------
if ui.section(t("sources.model_title")):
    st.markdown(t("sources.model_intro"))
    model = ui.q("sources/data_model")
    ui.table(
        pd.DataFrame(
            {
                t("sources.col_view"): model["view_name"],
                t("sources.col_column_count"): model["column_count"],
                t("sources.col_columns"): model["columns"],
            }
        ),
        formats={t("sources.col_column_count"): ui.fmt_num},
        name="tietomalli",
        title=t("sources.model_title"),
    )

# --- row counts ----------------------------------------------------------------------------------------------------------
if ui.section(t("sources.counts_title")):
    counts = ui.q("sources/row_counts")
    ui.table(
        pd.DataFrame(
            {
                t("sources.col_table"): counts["table_name"],
                t("sources.col_rows"): counts["row_count"],
                t("sources.col_public_view"): counts["public_view"],
            }
        ),
        formats={
            t("sources.col_rows"): ui.fmt_num,
        },
        name="rivimaarat",
        title=t("sources.counts_title"),
    )
    if counts["estimated"].any():
        st.caption(f"{t('sources.estimated')}: {', '.join(counts[counts['estimated']]['table_name'])}")
    st.caption(t("sources.counts_note"))

# --- how to load a new period ---------------------------------------------------------------------------------------------
if ui.section(t("sources.howto_title")):
    st.markdown(t("sources.howto"))
