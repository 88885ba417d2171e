"""Pilari 3 — Työkykyohjelma ja IPS: participating counties and their progress, client and outcome counts,
IPS employment rate and fidelity, the EU targets and what the counties reported.

A rerun stays cheap: the parts that only draw are replayed (``ui.replayed``) and the tables and charts come
from cached builders that run their queries themselves (keyed on the database version, language and filters).
"""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, ui

t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.p3", t("p3.intro"))
lang = ui.lang()
version = ui.db_version()  # the builders below run their own queries, so they are keyed on the database too


# Texts in the UI language come from functions, not module-level dicts: a cached builder or replayed part may run
# with the globals of another session's run of this page, while t() always follows the caller's language.
def programmes() -> dict[str, str]:
    return {"P3-TKO": t("p3.tko"), "P3-IPS": t("p3.ips")}


def stage_labels() -> dict[str, str]:
    return {
        "p3tko:clients_started": t("p3.stage.tko_started"),
        "p3tko:job_search_started": t("p3.stage.tko_job_search"),
        "p3tko:employed_open_market": t("p3.stage.tko_employed"),
        "p3ips:job_search_started": t("p3.stage.ips_job_search"),
        "p3ips:employed_open_market": t("p3.stage.ips_employed"),
        "p3ips:pre_employment_activities": t("p3.stage.ips_pre_employment"),
    }


PROGRAMMES = programmes()  # for the page body (the cached parts call programmes() themselves)
SHARE_OF = {  # the document's own percentages next to a count ("36 henkilöä (20 %)")
    "p3ips:employed_open_market": "p3ips:employed_open_market_share",
    "p3ips:pre_employment_activities": "p3ips:pre_employment_activities_share",
}
FUNNELS = (  # the stages of each programme, in order
    ("P3-TKO", ("p3tko:clients_started", "p3tko:job_search_started", "p3tko:employed_open_market")),
    ("P3-IPS", ("p3ips:job_search_started", "p3ips:employed_open_market", "p3ips:pre_employment_activities")),
)

selected = tuple(filters.region_codes()) if (filters.yta or filters.regions) else ()
focus = ui.focus_regions(filters)


# --- data shared by several parts ----------------------------------------------------------------------------


def latest_figures() -> pd.DataFrame:
    """Programme-level figures (queries/p3/figures.sql), the latest value per indicator code."""
    return ui.q("p3/figures").drop_duplicates("indicator_code", keep="last").set_index("indicator_code")


def figure(fig: pd.DataFrame, code: str) -> pd.Series | None:
    return fig.loc[code] if code in fig.index else None


def fidelity_text(fidelity: pd.Series | None) -> str:
    """The IPS fidelity score as the document gives it: "104/125" (or the score alone)."""
    if fidelity is not None and not fmt.is_missing(fidelity["denominator"]):
        return f"{ui.fmt_num(fidelity['value'])}/{ui.fmt_num(fidelity['denominator'])}"
    return ui.fmt_num(fidelity["value"] if fidelity is not None else None)


@ui.cache_data(show_spinner=False, max_entries=20)
def reporting_period(version: tuple) -> str | None:
    """The latest pillar 3 progress period (queries/p3/participation.sql, every county)."""
    everyone = ui.q("p3/participation", regions=[])
    return everyone["period"].iloc[0] if not everyone.empty else None


period = reporting_period(version)

# --- key figures ------------------------------------------------------------------------------------------------


@ui.replayed()
def key_figures(period: str | None) -> None:
    everyone = ui.q("p3/participation", regions=[])
    fig = latest_figures()
    rate, fidelity = figure(fig, "p3ips:employment_rate"), figure(fig, "p3ips:fidelity_score")
    ui.metric_row([
        (t("p3.tko_counties", period=fmt.period(period)), fmt.integer(int(everyone["in_tko"].sum()), ui.lang())),
        (t("p3.ips_counties", period=fmt.period(period)), fmt.integer(int(everyone["in_ips"].sum()), ui.lang())),
        (t("p3.employment_rate", period=fmt.period(rate["period"]) if rate is not None else ""),
         ui.fmt_pct(rate["value"] if rate is not None else None)),
        (t("p3.fidelity", period=fmt.period(fidelity["period"]) if fidelity is not None else ""),
         fidelity_text(fidelity)),
    ])
    ui.source_caption(
        [everyone["source_ref"].iloc[0] if not everyone.empty else None]
        + [r["source_ref"] for r in (rate, fidelity) if r is not None],
        notes=[f"{t('p3.rate_definition')}: {rate['definition_fi']}" if rate is not None else None],
    )


if ui.section(t("common.key_figures")):
    key_figures(period)

# --- EU targets -------------------------------------------------------------------------------------------------


@ui.replayed()
def eu_targets(period: str | None) -> None:
    targets = ui.q("p3/eu_targets")
    everyone = ui.q("p3/participation", regions=[])
    tcols = st.columns(max(1, len(targets)))
    for col, (_, tg) in zip(tcols, targets.iterrows(), strict=False):
        with col.container(border=True):
            st.markdown(f"**{programmes().get(tg['investment_code'], tg['investment_code'])}** · {tg['name_fi']}")
            st.metric(
                f"{t('common.target')} {fmt.period(tg['target_period'])}",
                ui.fmt_num(tg["target"]),
            )
            st.markdown(tg["definition_fi"] or "")
            in_prog = everyone["in_tko"] if tg["investment_code"] == "P3-TKO" else everyone["in_ips"]
            st.markdown(t("p3.in_reporting", period=fmt.period(period), n=fmt.integer(int(in_prog.sum()), ui.lang())))
            if fmt.is_missing(tg["statement_fi"]) or tg["statement_fi"] is None:
                st.info(t("p3.no_statement"))
            else:
                ui.statement_box(tg["achieved"], tg["statement_fi"], tg["statement_period"])
            ui.source_caption([tg["source_ref"], tg["statement_source_ref"]])


if ui.section(t("p3.targets_title")):
    eu_targets(period)

# --- participating counties -------------------------------------------------------------------------------------


def county_names(shown: pd.DataFrame) -> pd.Series:
    return shown["name_sv"] if ui.lang() == "sv" else shown["short_name_fi"]


@ui.cache_data(show_spinner=False, max_entries=200)
def county_table(version: tuple, lang: str, selected: tuple[str, ...]) -> tuple[ui.PreparedTable, str, tuple] | None:
    """The chosen counties (queries/p3/participation.sql) with "mukana"/"ei mukana" and the progress % of each
    programme; also the table's source line and every source. None when no chosen county takes part."""
    shown = ui.q("p3/participation", regions=list(selected))
    if shown.empty:
        return None
    yes, no = t("p3.in"), t("p3.not_in")
    display = pd.DataFrame(
        {
            t("common.county"): county_names(shown),
            t("common.yta"): shown["yta"].fillna("–"),
            t("p3.col_tko"): shown["in_tko"].map({True: yes, False: no}),
            t("p3.col_tko_progress"): shown["tko_percent"],
            t("p3.col_ips"): shown["in_ips"].map({True: yes, False: no}),
            t("p3.col_ips_progress"): shown["ips_percent"],
        }
    )
    table = ui.prepare_table(
        display, formats={t("p3.col_tko_progress"): ui.fmt_pct0, t("p3.col_ips_progress"): ui.fmt_pct0}
    )
    return table, ui.describe_source(shown["source_ref"].iloc[0]), tuple(dict.fromkeys(shown["source_ref"]))


if ui.section(t("p3.counties_title", period=fmt.period(period))):
    counties = county_table(version, lang, selected)
    if counties is None:
        st.info(t("p3.no_counties"))
    else:
        table, source, refs = counties
        ui.table(
            table,
            name="pilari3-alueet",
            title=t("p3.counties_title", period=fmt.period(period)),
            source=source,
        )
        ui.source_caption(refs, notes=[t("p3.not_in_note")])

# --- progress per county and programme --------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=200)
def progress_chart(version: tuple, lang: str, selected: tuple[str, ...], focus: frozenset) -> tuple[dict, str, tuple] | None:
    """One panel per programme, a bar per county; "ei mukana" printed where a county does not take part.
    Returns the spec, its source line and every source (None when no chosen county takes part)."""
    shown = ui.q("p3/participation", regions=list(selected))
    if shown.empty:
        return None
    no = t("p3.not_in")
    long = pd.concat(
        [
            pd.DataFrame(
                {"region_code": shown["region_code"], "county": county_names(shown), "programme": programmes()[code],
                 "percent": shown[col]}
            )
            for code, col in (("P3-TKO", "tko_percent"), ("P3-IPS", "ips_percent"))
        ],
        ignore_index=True,
    )
    long["label"] = long["percent"].map(lambda v: ui.fmt_pct0(v) if not fmt.is_missing(v) else no)
    long["xpos"] = long["percent"].fillna(0)
    panels = [t("p3.tko"), t("p3.ips")]
    base = alt.Chart().encode(
        y=alt.Y("county:N", title=None, sort="ascending"),
        tooltip=[
            alt.Tooltip("county:N", title=t("common.county")),
            alt.Tooltip("programme:N", title=t("p3.programme")),
            alt.Tooltip("label:N", title=t("p3.progress_axis")),
        ],
    )
    bars = base.mark_bar().encode(
        x=alt.X(
            "percent:Q", title=t("p3.progress_axis"), scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=[0, 25, 50, 75, 100]),
        ),
        color=charts.highlight(focus),
    )
    labels = base.mark_text(align="left", dx=5).encode(
        x="xpos:Q", text="label:N",
        color=alt.condition("datum.percent == null", alt.value("#555555"), alt.value("black")),
    )
    chart = alt.layer(bars, labels, data=long).properties(width=460, height=max(180, 40 * len(shown))).facet(
        column=alt.Column(
            "programme:N", title=None, sort=panels,
            header=alt.Header(labelFontSize=18, labelFontWeight="bold"),
        ),
        spacing=60,
    )
    return charts.spec(chart), ui.describe_source(shown["source_ref"].iloc[0]), tuple(dict.fromkeys(shown["source_ref"]))


if ui.section(t("p3.progress_title", period=fmt.period(period))):
    progress = progress_chart(version, lang, selected, focus)
    filter_note = t("p3.filter_note") if filters.yta or filters.regions else None
    if progress is None:
        st.info(t("p3.no_counties"))
        ui.source_caption(None, notes=[filter_note])
    else:
        spec, source, refs = progress
        ui.chart(spec, name="pilari3-edistyminen", title=t("p3.progress_title", period=fmt.period(period)), source=source)
        ui.source_caption(refs, notes=[filter_note])

# --- clients and outcomes ---------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def funnel_charts(version: tuple, lang: str) -> tuple[tuple[str, tuple | None], ...]:
    """Clients and outcomes of each programme: a bar per stage with the count (and the document's %).
    Per programme: (code, None when it has no figures, else (spec, source line, period, every source))."""
    fig = latest_figures()
    out = []
    for inv, codes in FUNNELS:
        rows = [c for c in codes if c in fig.index]
        if not rows:
            out.append((inv, None))
            continue
        stage = pd.DataFrame(
            {
                "stage": [stage_labels()[c] for c in rows],
                "order": range(len(rows)),
                "value": [fig.loc[c, "value"] for c in rows],
                "label": [
                    ui.fmt_num(fig.loc[c, "value"])
                    + (f" ({ui.fmt_pct0(fig.loc[SHARE_OF[c], 'value'])})" if SHARE_OF.get(c) in fig.index else "")
                    for c in rows
                ],
            }
        )
        fb = alt.Chart(stage).encode(
            y=alt.Y("stage:N", sort=alt.EncodingSortField("order"), title=None, axis=alt.Axis(labelLimit=520)),
            x=alt.X(
                "value:Q", title=t("p3.persons"), axis=alt.Axis(tickCount=6),
                scale=alt.Scale(domainMax=float(stage["value"].max()) * 1.15),
            ),
            tooltip=[alt.Tooltip("stage:N", title=t("p3.stage")), alt.Tooltip("label:N", title=t("p3.persons"))],
        )
        colour = charts.PRIMARY if inv == "P3-TKO" else charts.OKABE_ITO[2]
        spec = charts.spec(
            alt.layer(
                fb.mark_bar(color=colour),
                fb.mark_text(align="left", dx=6, fontWeight="bold").encode(text="label:N"),
            ).properties(height=56 * len(stage) + 30, width=1000)  # the width is for the PNG; the page stretches
        )
        refs = tuple(dict.fromkeys(fig.loc[c, "source_ref"] for c in rows))
        out.append((inv, (spec, ui.describe_source(fig.loc[rows[0], "source_ref"]), fig.loc[rows[0], "period"], refs)))
    return tuple(out)


if ui.section(t("p3.funnel_title")):
    for inv, funnel in funnel_charts(version, lang):
        st.markdown(f"**{PROGRAMMES[inv]}**")
        if funnel is None:
            st.info(t("common.no_data"))
            continue
        spec, source, figures_period, refs = funnel
        ui.chart(spec, name=f"pilari3-asiakkaat-{inv.lower()}", title=f"{PROGRAMMES[inv]}: {t('p3.funnel_title')}",
                 source=source)
        ui.source_caption(refs, notes=[t("p3.period_note", period=fmt.period(figures_period))])
    st.caption(t("p3.funnel_note"))

# --- IPS fidelity -----------------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def fidelity_chart(version: tuple, lang: str) -> tuple[dict, str, str, str] | None:
    """The fidelity score as a bullet: the score on a track up to the maximum points. Returns the spec, its
    source line, the caption (period: definition) and the source (None when there is no score)."""
    fidelity = figure(latest_figures(), "p3ips:fidelity_score")
    if fidelity is None:
        return None
    has_max = not fmt.is_missing(fidelity["denominator"])
    top = float(fidelity["denominator"] if has_max else fidelity["value"])
    bullet = pd.DataFrame({"item": [t("p3.fidelity_item")], "value": [float(fidelity["value"])], "max": [top],
                           "label": [fidelity_text(fidelity)]})
    bb = alt.Chart(bullet).encode(y=alt.Y("item:N", title=None))
    layers = [
        bb.mark_bar(color="#E3E8EE", size=44).encode(
            x=alt.X(
                "max:Q", title=t("p3.points"), scale=alt.Scale(domain=[0, top]),
                axis=alt.Axis(values=[top * k / 5 for k in range(6)]),
            )
        ),
        bb.mark_bar(color=charts.PRIMARY, size=24).encode(x="value:Q"),
        bb.mark_text(align="right", dx=-8, color="white", fontWeight="bold", fontSize=18).encode(
            x="value:Q", text="label:N"
        ),
    ]
    if has_max:
        layers.append(charts.rule(top, t("p3.max_points", n=ui.fmt_num(top)), charts.NATIONAL, side="left"))
    spec = charts.spec(alt.layer(*layers).properties(height=130, width=1000))
    caption = f"{fmt.period(fidelity['period'])}: {fidelity['definition_fi']}"
    return spec, ui.describe_source(fidelity["source_ref"]), caption, fidelity["source_ref"]


if ui.section(t("p3.fidelity_title")):
    fidelity = fidelity_chart(version, lang)
    if fidelity is None:
        st.info(t("common.no_data"))
    else:
        spec, source, caption, ref = fidelity
        ui.chart(spec, name="pilari3-ips-laatuarvio", title=t("p3.fidelity_title"), source=source)
        ui.source_caption(ref, notes=[caption])

# --- every figure -----------------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def every_figure(version: tuple, lang: str) -> tuple[ui.PreparedTable, tuple]:
    """Every programme-level figure as the documents print them (the columns of figures.figure_table:
    programme, measure, value, period, note) and their sources."""
    df = ui.q("p3/figures")
    table = pd.DataFrame(
        {
            t("p3.programme"): df["investment_code"].map(programmes()).fillna(df["investment_code"]),
            t("p3.col_measure"): df["name_fi"],
            t("common.value"): df["value"],
            t("common.period"): df["period"].map(fmt.period),
            t("p3.col_note"): df["note"],
        }
    )
    return ui.prepare_table(table, formats={t("common.value"): ui.fmt_num}), tuple(dict.fromkeys(df["source_ref"]))


if ui.section(t("p3.figures_title")):
    table, refs = every_figure(version, lang)
    ui.table(table, name="pilari3-luvut", title=t("p3.figures_title"))
    ui.source_caption(refs, notes=[t("p3.figures_note")])  # also the table's source line on the exported slide

# --- what the counties reported ---------------------------------------------------------------------------------
if ui.presenting():  # one section per programme (tabs would show on every screen)
    ui.narratives("P3-TKO", subtitle=PROGRAMMES["P3-TKO"])
    ui.narratives("P3-IPS", subtitle=PROGRAMMES["P3-IPS"])
else:
    # Lazy tabs: only the open programme's findings are drawn; switching tabs reruns the page.
    tab_tko, tab_ips = st.tabs([PROGRAMMES["P3-TKO"], PROGRAMMES["P3-IPS"]], key="p3_findings", on_change="rerun")
    if tab_tko.open:
        with tab_tko:
            ui.narratives("P3-TKO")
    if tab_ips.open:
        with tab_ips:
            ui.narratives("P3-IPS")
