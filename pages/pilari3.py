"""Pilari 3 — Työkykyohjelma ja IPS: participating counties and their progress, client and outcome counts,
IPS employment rate and fidelity, the EU targets and what the counties reported."""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, figures, fmt, ui

t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.p3", t("p3.intro"))

PROGRAMMES = {"P3-TKO": t("p3.tko"), "P3-IPS": t("p3.ips")}
STAGE_LABELS = {
    "p3tko:clients_started": t("p3.stage.tko_started"),
    "p3tko:job_search_started": t("p3.stage.tko_job_search"),
    "p3tko:employed_open_market": t("p3.stage.tko_employed"),
    "p3ips:job_search_started": t("p3.stage.ips_job_search"),
    "p3ips:employed_open_market": t("p3.stage.ips_employed"),
    "p3ips:pre_employment_activities": t("p3.stage.ips_pre_employment"),
}
SHARE_OF = {  # the document's own percentages next to a count ("36 henkilöä (20 %)")
    "p3ips:employed_open_market": "p3ips:employed_open_market_share",
    "p3ips:pre_employment_activities": "p3ips:pre_employment_activities_share",
}


selected = filters.region_codes() if (filters.yta or filters.regions) else []
everyone = ui.q("p3/participation", regions=[])
shown = ui.q("p3/participation", regions=selected)
figures_df = ui.q("p3/figures")
fig = figures_df.drop_duplicates("indicator_code", keep="last").set_index("indicator_code")  # latest per code
targets = ui.q("p3/eu_targets")
period = everyone["period"].iloc[0] if not everyone.empty else None


def figure(code: str) -> pd.Series | None:
    return fig.loc[code] if code in fig.index else None


# --- chart builders: cached, so the Altair work runs once per distinct data, filters and language ---------------


@ui.cache_data(show_spinner=False, max_entries=200)
def progress_chart(lang: str, long: pd.DataFrame, n_counties: int, focus: frozenset) -> dict:
    """One panel per programme, a bar per county; "ei mukana" printed where a county does not take part."""
    programmes = [t("p3.tko"), t("p3.ips")]
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
    chart = alt.layer(bars, labels, data=long).properties(width=460, height=max(180, 40 * n_counties)).facet(
        column=alt.Column(
            "programme:N", title=None, sort=programmes,
            header=alt.Header(labelFontSize=18, labelFontWeight="bold"),
        ),
        spacing=60,
    )
    return charts.spec(chart)


@ui.cache_data(show_spinner=False, max_entries=50)
def funnel_chart(lang: str, stage: pd.DataFrame, colour: str) -> dict:
    """Clients and outcomes of one programme: a bar per stage with the count (and the document's %)."""
    fb = alt.Chart(stage).encode(
        y=alt.Y("stage:N", sort=alt.EncodingSortField("order"), title=None, axis=alt.Axis(labelLimit=520)),
        x=alt.X(
            "value:Q", title=t("p3.persons"), axis=alt.Axis(tickCount=6),
            scale=alt.Scale(domainMax=float(stage["value"].max()) * 1.15),
        ),
        tooltip=[alt.Tooltip("stage:N", title=t("p3.stage")), alt.Tooltip("label:N", title=t("p3.persons"))],
    )
    return charts.spec(
        alt.layer(
            fb.mark_bar(color=colour),
            fb.mark_text(align="left", dx=6, fontWeight="bold").encode(text="label:N"),
        ).properties(height=56 * len(stage) + 30, width=1000)  # the width is for the PNG; the page stretches
    )


@ui.cache_data(show_spinner=False, max_entries=50)
def fidelity_chart(lang: str, value: float, top: float, label: str, has_max: bool) -> dict:
    """The fidelity score as a bullet: the score on a track up to the maximum points."""
    bullet = pd.DataFrame({"item": [t("p3.fidelity_item")], "value": [value], "max": [top], "label": [label]})
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
    return charts.spec(alt.layer(*layers).properties(height=130, width=1000))


focus = ui.focus_regions(filters)
rate, fidelity = figure("p3ips:employment_rate"), figure("p3ips:fidelity_score")
fid_text = (
    f"{ui.fmt_num(fidelity['value'])}/{ui.fmt_num(fidelity['denominator'])}"
    if fidelity is not None and not fmt.is_missing(fidelity["denominator"])
    else ui.fmt_num(fidelity["value"] if fidelity is not None else None)
)

# --- key figures ------------------------------------------------------------------------------------
if ui.section(t("common.key_figures")):
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("p3.tko_counties", period=fmt.period(period)), fmt.integer(int(everyone["in_tko"].sum()), ui.lang()))
    c2.metric(t("p3.ips_counties", period=fmt.period(period)), fmt.integer(int(everyone["in_ips"].sum()), ui.lang()))
    c3.metric(
        t("p3.employment_rate", period=fmt.period(rate["period"]) if rate is not None else ""),
        ui.fmt_pct(rate["value"] if rate is not None else None),
    )
    c4.metric(t("p3.fidelity", period=fmt.period(fidelity["period"]) if fidelity is not None else ""), fid_text)
    ui.source_caption(
        [everyone["source_ref"].iloc[0] if not everyone.empty else None]
        + [r["source_ref"] for r in (rate, fidelity) if r is not None]
    )
    if rate is not None:
        st.caption(f"{t('p3.rate_definition')}: {rate['definition_fi']}")

# --- EU targets ---------------------------------------------------------------------------------------
if ui.section(t("p3.targets_title")):
    tcols = st.columns(max(1, len(targets)))
    for col, (_, tg) in zip(tcols, targets.iterrows(), strict=False):
        with col.container(border=True):
            st.markdown(f"**{PROGRAMMES.get(tg['investment_code'], tg['investment_code'])}** · {tg['name_fi']}")
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
                label = ui.achieved_label(tg["achieved"])
                text = f"**{label}** · {t('p3.statement_of', date=fmt.period(tg['statement_period']))}: ”{tg['statement_fi']}”"
                box = st.success if tg["achieved"] == "yes" else st.warning if tg["achieved"] in ("no", "partly") else st.info
                box(text)
            ui.source_caption([tg["source_ref"], tg["statement_source_ref"]])

# --- participating counties ---------------------------------------------------------------------------
names = shown["name_sv"] if ui.lang() == "sv" else shown["short_name_fi"]
yes, no = t("p3.in"), t("p3.not_in")
if ui.section(t("p3.counties_title", period=fmt.period(period))):
    if shown.empty:
        st.info(t("p3.no_counties"))
    else:
        display = pd.DataFrame(
            {
                t("common.county"): names,
                t("common.yta"): shown["yta"].fillna("–"),
                t("p3.col_tko"): shown["in_tko"].map({True: yes, False: no}),
                t("p3.col_tko_progress"): shown["tko_percent"],
                t("p3.col_ips"): shown["in_ips"].map({True: yes, False: no}),
                t("p3.col_ips_progress"): shown["ips_percent"],
            }
        )
        ui.table(
            display,
            formats={t("p3.col_tko_progress"): ui.fmt_pct0, t("p3.col_ips_progress"): ui.fmt_pct0},
            name="pilari3-alueet",
            title=t("p3.counties_title", period=fmt.period(period)),
            source=ui.describe_source(shown["source_ref"].iloc[0]),
        )
        st.caption(t("p3.not_in_note"))
        ui.source_caption(shown["source_ref"])

# --- progress per county and programme -------------------------------------------------------------------
if ui.section(t("p3.progress_title", period=fmt.period(period))):
    if shown.empty:
        st.info(t("p3.no_counties"))
    else:
        long = pd.concat(
            [
                pd.DataFrame(
                    {"region_code": shown["region_code"], "county": names, "programme": PROGRAMMES[code],
                     "percent": shown[col]}
                )
                for code, col in (("P3-TKO", "tko_percent"), ("P3-IPS", "ips_percent"))
            ],
            ignore_index=True,
        )
        long["label"] = long["percent"].map(lambda v: ui.fmt_pct0(v) if not fmt.is_missing(v) else no)
        long["xpos"] = long["percent"].fillna(0)
        ui.chart(
            progress_chart(ui.lang(), long, len(shown), focus),
            name="pilari3-edistyminen",
            title=t("p3.progress_title", period=fmt.period(period)),
            source=ui.describe_source(shown["source_ref"].iloc[0]),
        )
        ui.source_caption(shown["source_ref"])
    if filters.yta or filters.regions:
        st.caption(t("p3.filter_note"))

# --- clients and outcomes ---------------------------------------------------------------------------------
if ui.section(t("p3.funnel_title")):
    for inv, codes in (
        ("P3-TKO", ["p3tko:clients_started", "p3tko:job_search_started", "p3tko:employed_open_market"]),
        ("P3-IPS", ["p3ips:job_search_started", "p3ips:employed_open_market", "p3ips:pre_employment_activities"]),
    ):
        rows = [c for c in codes if c in fig.index]
        st.markdown(f"**{PROGRAMMES[inv]}**")
        if not rows:
            st.info(t("common.no_data"))
            continue
        stage = pd.DataFrame(
            {
                "stage": [STAGE_LABELS[c] for c in rows],
                "order": range(len(rows)),
                "value": [fig.loc[c, "value"] for c in rows],
                "label": [
                    ui.fmt_num(fig.loc[c, "value"])
                    + (f" ({ui.fmt_pct0(fig.loc[SHARE_OF[c], 'value'])})" if SHARE_OF.get(c) in fig.index else "")
                    for c in rows
                ],
            }
        )
        ui.chart(
            funnel_chart(ui.lang(), stage, charts.PRIMARY if inv == "P3-TKO" else charts.OKABE_ITO[2]),
            name=f"pilari3-asiakkaat-{inv.lower()}",
            title=f"{PROGRAMMES[inv]}: {t('p3.funnel_title')}",
            source=ui.describe_source(fig.loc[rows[0], "source_ref"]),
        )
        st.caption(t("p3.period_note", period=fmt.period(fig.loc[rows[0], "period"])))
        ui.source_caption([fig.loc[c, "source_ref"] for c in rows])
    st.caption(t("p3.funnel_note"))

# --- IPS fidelity -------------------------------------------------------------------------------------------
if ui.section(t("p3.fidelity_title")):
    if fidelity is None:
        st.info(t("common.no_data"))
    else:
        has_max = not fmt.is_missing(fidelity["denominator"])
        top = float(fidelity["denominator"] if has_max else fidelity["value"])
        ui.chart(
            fidelity_chart(ui.lang(), float(fidelity["value"]), top, fid_text, has_max),
            name="pilari3-ips-laatuarvio",
            title=t("p3.fidelity_title"),
            source=ui.describe_source(fidelity["source_ref"]),
        )
        st.caption(f"{fmt.period(fidelity['period'])}: {fidelity['definition_fi']}")
        ui.source_caption(fidelity["source_ref"])

# --- every figure -------------------------------------------------------------------------------------------
if ui.section(t("p3.figures_title")):
    figures.figure_table(
        figures_df,
        lead={t("p3.programme"): figures_df["investment_code"].map(PROGRAMMES).fillna(figures_df["investment_code"])},
        measure=t("p3.col_measure"),
        note=t("p3.col_note"),
        name="pilari3-luvut",
        title=t("p3.figures_title"),
        caption=t("p3.figures_note"),
    )

# --- what the counties reported -------------------------------------------------------------------------------
if ui.presenting():  # one section per programme (tabs would show on every screen)
    ui.narratives("P3-TKO", subtitle=PROGRAMMES["P3-TKO"])
    ui.narratives("P3-IPS", subtitle=PROGRAMMES["P3-IPS"])
else:
    tab_tko, tab_ips = st.tabs([PROGRAMMES["P3-TKO"], PROGRAMMES["P3-IPS"]])
    with tab_tko:
        ui.narratives("P3-TKO")
    with tab_ips:
        ui.narratives("P3-IPS")
