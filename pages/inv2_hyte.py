"""Investointi 2 — Hyte-palvelukonsepti: models in Innokylä, referral practices, digital service tray and Tarmoa
decisions (out of 22 areas), the EU target and its achievement statement, progress by county and what the
counties reported.

A rerun stays cheap: the parts that only draw are replayed (``ui.replayed``) and the tables and charts come
from cached builders that run their own queries (keyed on the database version, language and filters).
"""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, ui

t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.inv2", t("inv2.intro"))
lang = ui.lang()
version = ui.db_version()  # the builders below run their own queries, so they are keyed on the database too

GROUP_KEYS = ("models", "tray", "tarmoa", "start")


# Texts in the UI language come from functions, not module-level dicts: a cached builder or replayed part may run
# with the globals of another session's run of this page, while t() always follows the caller's language.
def survey_items() -> dict[str, tuple[str, str]]:
    """The survey's answers shown as proportions, in order: indicator code -> (topic, answer)."""
    groups = {g: t(f"inv2.group_{g}") for g in GROUP_KEYS}
    return {
        "p4i2:innokyla_models": (groups["models"], t("inv2.item_innokyla")),
        "p4i2:referral_practices": (groups["models"], t("inv2.item_referral")),
        "p4i2:digital_tray_planned": (groups["tray"], t("inv2.item_tray_planned")),
        "p4i2:digital_tray_in_use": (groups["tray"], t("inv2.item_tray_in_use")),
        "p4i2:tarmoa_committed": (groups["tarmoa"], t("inv2.item_tarmoa_committed")),
        "p4i2:tarmoa_pilot_decide_later": (groups["tarmoa"], t("inv2.item_tarmoa_pilot")),
        "p4i2:tarmoa_own_solution": (groups["tarmoa"], t("inv2.item_tarmoa_own")),
        "p4i2:tarmoa_other_way": (groups["tarmoa"], t("inv2.item_tarmoa_other")),
        "p4i2:not_started": (groups["start"], t("inv2.item_not_started")),
    }


selected = tuple(filters.region_codes()) if (filters.yta or filters.regions) else ()
focus = ui.focus_regions(filters)


def latest_survey() -> pd.DataFrame:
    """The survey figures (queries/inv2/survey.sql), the latest value per indicator code."""
    return ui.q("inv2/survey").drop_duplicates("indicator_code", keep="last").set_index("indicator_code")


def share_text(val: pd.DataFrame, code: str) -> str:
    if code not in val.index:
        return t("common.no_data")
    r = val.loc[code]
    return f"{ui.fmt_num(r['value'])}/{ui.fmt_num(r['denominator'])}" if not fmt.is_missing(r["denominator"]) else ui.fmt_num(r["value"])


# --- EU target and its achievement -------------------------------------------------------------------------


@ui.replayed()
def eu_target() -> None:
    eu = ui.q("inv2/eu_target")
    if eu.empty:
        st.info(t("common.no_data"))
        return
    tg = eu.iloc[0]
    c1, c2 = st.columns([1, 3])
    c1.metric(f"{t('common.target')} {fmt.period(tg['target_period'])}", t("inv2.n_areas", n=ui.fmt_num(tg["target"])))
    with c2:
        st.markdown(f"**{tg['name_fi']}**")
        st.markdown(tg["definition_fi"] or "")
        ui.source_caption(tg["source_ref"])
    statements = eu[eu["statement_fi"].notna()]
    if statements.empty:
        st.info(t("inv2.no_statement"))
    for _, a in statements.iterrows():
        ui.statement_box(a["achieved"], a["statement_fi"], a["statement_period"],
                         note=t("inv2.unknown_note") if a["achieved"] == "unknown" else None)
        ui.source_caption(a["statement_source_ref"])


if ui.section(t("inv2.target_title")):
    eu_target()

# --- key figures -------------------------------------------------------------------------------------------------


@ui.replayed()
def key_figures() -> None:
    val = latest_survey()
    metrics = []
    for code, key in (("p4i2:innokyla_models", "inv2.metric_innokyla"), ("p4i2:referral_practices", "inv2.metric_referral")):
        period = fmt.period(val.loc[code, "period"]) if code in val.index else t("common.no_data")
        metrics.append((t(key, period=period), share_text(val, code)))
    growth = val.loc["p4i2:service_descriptions_growth"] if "p4i2:service_descriptions_growth" in val.index else None
    metrics.append((
        t("inv2.metric_growth", period=growth["period_label"] if growth is not None else ""),
        ui.fmt_pct0(growth["value"] if growth is not None else None),
    ))
    ui.metric_row(metrics)
    shown_codes = [
        c for c in ("p4i2:innokyla_models", "p4i2:referral_practices", "p4i2:service_descriptions_growth") if c in val.index
    ]
    growth_note = None
    if growth is not None and not fmt.is_missing(growth["note"]):
        growth_note = f"{t('inv2.metric_growth', period=growth['period_label'])}: {growth['note']}"
    ui.source_caption([val.loc[c, "source_ref"] for c in shown_codes], notes=[growth_note])


if ui.section(t("inv2.figures_title")):
    key_figures()

# --- proportions out of 22 ------------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def survey_shares(version: tuple, lang: str) -> tuple[dict, ui.PreparedTable, str, tuple] | None:
    """Each answer as a bar on a track of its denominator (22 areas), grouped by topic, count printed; the same
    figures as a table. Returns the spec, the table, their source line and every source (None: no answers)."""
    survey, val, items = ui.q("inv2/survey"), latest_survey(), survey_items()
    parts = survey[survey["indicator_code"].isin(items)].drop_duplicates("indicator_code", keep="last").copy()
    if parts.empty:
        return None
    parts["group"] = parts["indicator_code"].map(lambda c: items[c][0])
    parts["item"] = parts["indicator_code"].map(lambda c: items[c][1])
    parts["order"] = parts["indicator_code"].map(list(items).index)
    parts["label"] = parts["indicator_code"].map(lambda c: share_text(val, c))
    parts = parts.sort_values("order").reset_index(drop=True)

    y = alt.Y("item:N", sort=list(parts["item"]), title=None, axis=alt.Axis(labelLimit=560))
    top = float(parts["denominator"].max())
    track = alt.Chart().mark_bar(color="#E3E8EE", size=26).encode(
        y=y,
        x=alt.X(
            "denominator:Q", title=t("inv2.axis_areas"), scale=alt.Scale(domain=[0, top]),
            axis=alt.Axis(values=list(range(0, int(top) + 1, 2))),
        ),
    )
    bar = alt.Chart().mark_bar(color=charts.PRIMARY, size=26).encode(
        y=y, x="value:Q",
        tooltip=[alt.Tooltip("item:N", title=t("inv2.col_item")), alt.Tooltip("label:N", title=t("inv2.col_areas"))],
    )
    text = alt.Chart().mark_text(align="left", dx=6, fontWeight="bold").encode(y=y, x="value:Q", text="label:N")
    chart = (
        alt.layer(track, bar, text, data=parts[["group", "item", "value", "denominator", "label"]])
        .properties(width=820, height=alt.Step(40))
        .facet(
            row=alt.Row(
                "group:N", sort=[t(f"inv2.group_{g}") for g in GROUP_KEYS], title=None,
                header=alt.Header(
                    labelAngle=0, labelOrient="top", labelAnchor="start", labelAlign="left",
                    labelFontSize=18, labelFontWeight="bold",
                ),
            ),
            spacing=18,
        )
        .resolve_scale(y="independent")
    )
    table = pd.DataFrame(
        {
            t("inv2.col_group"): parts["group"],
            t("inv2.col_item"): parts["item"],
            t("inv2.col_areas"): parts["value"],
            t("inv2.col_of"): parts["denominator"],
            t("inv2.col_of_source"): parts["denominator_given"].map(
                {True: t("inv2.of_source"), False: t("inv2.of_areas")}
            ),
            t("common.period"): parts["period"].map(fmt.period),
            t("inv2.col_note"): parts["note"],
        }
    )
    table = ui.prepare_table(table, formats={t("inv2.col_areas"): ui.fmt_num, t("inv2.col_of"): ui.fmt_num})
    source = ui.describe_source(parts["source_ref"].iloc[0])
    return charts.spec(chart), table, source, tuple(dict.fromkeys(parts["source_ref"]))


if ui.section(t("inv2.shares_title")):
    shares = survey_shares(version, lang)
    if shares is None:
        st.info(t("common.no_data"))
    else:
        spec, table, source, refs = shares
        ui.chart(spec, name="investointi-2-osuudet", title=t("inv2.shares_title"), source=source)
        ui.source_caption(refs, notes=[t("inv2.shares_note")])
        ui.table(
            table,
            name="investointi-2-kyselyn-luvut",
            title=t("inv2.shares_title"),
            source=source,
            sortable=False,
        )
        ui.source_caption(refs)

# --- progress by county ----------------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=200)
def county_progress(version: tuple, lang: str, selected: tuple[str, ...], focus: frozenset) -> tuple[str | None, tuple | None]:
    """Progress % per chosen county (queries/inv2/progress.sql): the period, and unless there are no rows, the
    chart (highest first, the value printed on every bar; focused counties stand out), the table, their source
    line and every source."""
    progress = ui.q("inv2/progress", regions=list(selected))
    period = progress["period"].iloc[0] if not progress.empty else None
    if progress.empty:
        return period, None
    progress["county"] = progress["name_sv"] if ui.lang() == "sv" else progress["short_name_fi"]
    progress["label"] = progress["percent"].map(ui.fmt_pct0)
    focus = focus if not set(progress["region_code"]) <= focus else frozenset()
    base = alt.Chart(progress[["region_code", "county", "percent", "label"]]).encode(
        y=alt.Y("county:N", sort=alt.EncodingSortField("percent", order="descending"), title=None),
        x=alt.X(
            "percent:Q", title=t("inv2.axis_progress"), scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=[0, 25, 50, 75, 100]),
        ),
        tooltip=[alt.Tooltip("county:N", title=t("common.county")), alt.Tooltip("label:N", title="%")],
    )
    spec = charts.spec(
        alt.layer(
            base.mark_bar().encode(color=charts.highlight(focus)),
            base.mark_text(align="left", dx=5, fontWeight="bold").encode(text="label:N"),
        ).properties(height=max(140, 30 * len(progress)), width=1000)  # the width is for the PNG
    )
    progress_column = t("inv2.col_progress", period=fmt.period(period))
    table = pd.DataFrame(
        {
            t("common.county"): progress["county"],
            t("common.yta"): progress["yta"].fillna("–"),
            progress_column: progress["percent"],
        }
    )
    table = ui.prepare_table(table, formats={progress_column: ui.fmt_pct0})
    source = ui.describe_source(progress["source_ref"].iloc[0])
    return period, (spec, table, source, tuple(dict.fromkeys(progress["source_ref"])))


period, progress = county_progress(version, lang, selected, focus)
if ui.section(t("inv2.progress_title", period=fmt.period(period))):
    if progress is None:
        st.info(t("inv2.no_progress"))
    else:
        spec, table, source, refs = progress
        ui.chart(spec, name="investointi-2-edistyminen", title=t("inv2.progress_title", period=fmt.period(period)),
                 source=source)
        ui.source_caption(refs)
        ui.table(
            table,
            name="investointi-2-edistyminen-alueittain",
            title=t("inv2.progress_title", period=fmt.period(period)),
            source=source,
        )
        ui.source_caption(refs)

ui.narratives("P4I2")
