"""Investointi 3 — Tietopohja ja vaikuttavuus: monitoring coverage against 100 %, what the sources say about
reaching the target, pilot participation by area, research funding per collaboration area, the competence
centre's progress, progress 7–9/2024 by county, and what the counties reported."""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, figures, fmt, ui

INV = "P4I3"
t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.inv3", t("inv3.intro"))

yta = filters.yta or ""
chosen = list(filters.regions or [])


def label_or(key: str, fallback: str) -> str:
    """A catalog text when the catalog has one (known indicators, pilots), else the source's own Finnish name."""
    text = t(key)
    return fallback if text == key else text


def area_names(df: pd.DataFrame) -> pd.Series:
    """Swedish names for counties and cities when the UI is Swedish; others (HUS) keep their Finnish name."""
    if ui.lang() != "sv":
        return df["short_name_fi"]
    return df["name_sv"].where(df["kind"].isin(["county", "city"]), df["short_name_fi"])


# --- chart builders: cached, so the Altair work runs once per distinct data, filters and language ---------------


def upper_rule(value: float, label: str, color: str) -> alt.LayerChart:
    """A labelled vertical line whose label sits one line above the target rule's label (no overlap)."""
    df = pd.DataFrame({"v": [value], "label": [label]})
    line = alt.Chart(df).mark_rule(color=color, strokeWidth=3, strokeDash=[2, 2]).encode(x="v:Q")
    text = alt.Chart(df).mark_text(
        align="left", dx=6, dy=-30, color=color, fontWeight="bold", fontSize=charts.FONT_SIZE
    ).encode(x="v:Q", y=alt.value(0), text="label:N")
    return alt.layer(line, text)


@ui.cache_data(show_spinner=False, max_entries=50)
def bullet_chart(lang: str, rows: pd.DataFrame, target: tuple[float, str] | None,
                 baseline: tuple[float, str] | None) -> dict:
    """Progress bars on a 0–100 % track, one per measurement, with the target and baseline as labelled rules
    (or a plain 100 % reference when the sources give no target). ``target``/``baseline``: (value, label)."""
    rows = rows.assign(full=100.0)
    y = alt.Y("label:N", sort=list(rows["label"]), title=None)
    track = alt.Chart(rows).mark_bar(color="#ECEFF3", size=34).encode(y=y, x=alt.X("full:Q"))
    bar = alt.Chart(rows).mark_bar(color=charts.PRIMARY, size=34).encode(
        y=y,
        x=alt.X(
            "value:Q", title=t("inv3.axis_coverage"),
            scale=alt.Scale(domain=[0, 130]), axis=alt.Axis(values=[0, 20, 40, 60, 80, 100]),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=t("common.period")),
            alt.Tooltip("text:N", title=t("common.value")),
            alt.Tooltip("period_words:N", title=t("inv3.period_words")),
        ],
    )
    text = alt.Chart(rows).mark_text(align="right", dx=-8, color="white", fontWeight="bold").encode(
        y=y, x="value:Q", text="text:N"
    )
    layers: list = [track, bar, text]
    if target is not None:
        layers.append(charts.rule(target[0], target[1], charts.TARGET))
    else:
        layers.append(charts.rule(100.0, t("inv3.full_coverage"), charts.NATIONAL, dash=(2, 2)))
    if baseline is not None:
        layers.append(upper_rule(baseline[0], baseline[1], "#555555"))
    return charts.spec(alt.layer(*layers).properties(height=80 * len(rows) + 130))


@ui.cache_data(show_spinner=False, max_entries=200)
def pilot_chart(lang: str, pm: pd.DataFrame, area_order: tuple[str, ...], pilot_order: tuple[str, ...],
                focused: tuple[str, ...]) -> dict:
    """Area x pilot grid: a check mark with text where the area takes part; focused areas bold and framed."""
    areas = list(area_order)
    grid = alt.Chart(pm).encode(
        x=alt.X("pilot:N", sort=list(pilot_order), title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelLimit=420)),
        y=alt.Y("area:N", sort=areas, title=None,
                axis=alt.Axis(labelFontWeight=figures.bold_labels(focused)) if focused else alt.Axis()),
        tooltip=[
            alt.Tooltip("area:N", title=t("common.county")),
            alt.Tooltip("pilot_fi:N", title=t("inv3.col_pilot")),
            alt.Tooltip("cell:N", title=t("inv3.col_participates")),
        ],
    )
    layers = [
        grid.mark_rect(stroke="white", strokeWidth=2).encode(color=alt.Color("fill:N", scale=None)),
        grid.mark_text(fontWeight="bold").encode(text="cell:N", color=alt.Color("ink:N", scale=None)),
    ]
    frames = figures.row_frames(focused, "area", areas)
    if frames is not None:
        layers.append(frames)
    # the width is for the PNG and the slides (the page stretches the chart)
    return charts.spec(alt.layer(*layers).properties(height=34 * len(areas) + 20, width=1000))


@ui.cache_data(show_spinner=False, max_entries=50)
def funding_chart(lang: str, fd: pd.DataFrame) -> dict:
    """Research funding per collaboration area (M€), the project named under its bar."""
    y = alt.Y("yta:N", sort=list(fd["yta"]), title=None)
    fbase = alt.Chart(fd).encode(
        y=y,
        tooltip=[
            alt.Tooltip("yta:N", title=t("common.yta")),
            alt.Tooltip("project_fi:N", title=t("inv3.col_project")),
            alt.Tooltip("label:N", title=t("inv3.col_amount")),
        ],
    )
    fbars = fbase.mark_bar(color=charts.PRIMARY, size=24, yOffset=-10).encode(
        x=alt.X(
            "amount_meur:Q", title=t("inv3.axis_meur"),
            scale=alt.Scale(domain=[0, max(3.0, float(fd["amount_meur"].max()) * 1.15)], nice=False),
            axis=alt.Axis(tickCount=6, format=".1f"),
        )
    )
    flabels = fbase.mark_text(align="left", dx=6, dy=-10, fontWeight="bold").encode(x="amount_meur:Q", text="label:N")
    fprojects = fbase.mark_text(align="left", dx=2, dy=16, fontSize=14, color="#333333").encode(
        x=alt.value(0), text="project_fi:N"
    )
    return charts.spec(alt.layer(fbars, flabels, fprojects).properties(height=alt.Step(72)))


@ui.cache_data(show_spinner=False, max_entries=200)
def progress_chart(lang: str, known: pd.DataFrame, focus: frozenset) -> dict:
    """Progress % per county, highest first, with the mean of the shown counties (computed, labelled so)."""
    mean = float(known["percent"].mean())
    pbase = alt.Chart(known).encode(
        y=alt.Y("county:N", sort="-x", title=None),
        x=alt.X(
            "percent:Q", title=t("inv3.axis_progress"), scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=list(range(0, 101, 10))),
        ),
        tooltip=[alt.Tooltip("county:N", title=t("common.county")), alt.Tooltip("label:N", title="%")],
    )
    return charts.spec(
        alt.layer(
            pbase.mark_bar().encode(color=charts.highlight(focus)),
            pbase.mark_text(align="left", dx=4, fontWeight="bold").encode(text="label:N"),
            charts.rule(mean, t("inv3.mean_computed", value=ui.fmt_pct0(mean)), charts.NATIONAL, dash=(2, 2)),
        ).properties(height=max(200, 30 * len(known)))
    )


focus = ui.focus_regions(filters)

# --- monitoring coverage against 100 % ----------------------------------------------------------------------
indicators = ui.q("inv3/indicators", investment=INV)
values = ui.q("inv3/indicator_values", investment=INV)
national = values[values["region_code"] == "SSS"]
percent_inds = indicators[indicators["unit"] == "percent"]
main = percent_inds[percent_inds["is_eu_target"]].iloc[0] if percent_inds["is_eu_target"].any() else None

if ui.section(t("inv3.coverage_title")):
    metrics: list[tuple[str, str]] = []
    refs: list[str] = []
    if main is not None:
        mv = national[national["indicator_code"] == main["indicator_code"]]
        latest = mv.iloc[-1] if not mv.empty else None
        metrics.append((
            t("inv3.coverage_latest", period=fmt.period(latest["period"]) if latest is not None else t("common.no_data")),
            ui.fmt_pct0(latest["value"] if latest is not None else None),
        ))
        metrics.append((f"{t('common.baseline')} {main['baseline_period'] or ''}".strip(), ui.fmt_pct0(main["baseline"])))
        metrics.append((f"{t('common.target')} {fmt.period(main['target_period'])}", ui.fmt_pct0(main["target"])))
        refs += [main["source_ref"], *mv["source_ref"]]
    for _, ind in percent_inds[~percent_inds["is_eu_target"]].iterrows():
        ov = national[national["indicator_code"] == ind["indicator_code"]]
        latest = ov.iloc[-1] if not ov.empty else None
        when = fmt.period(latest["period"]) if latest is not None else t("common.no_data")
        metrics.append((
            f"{label_or('inv3.ind.' + ind['indicator_code'], ind['name_fi'])} {when}",
            ui.fmt_pct0(latest["value"] if latest is not None else None),
        ))
        refs += list(ov["source_ref"])
    for col, (label, value) in zip(st.columns(max(len(metrics), 1)), metrics, strict=False):
        col.metric(label, value)
    ui.source_caption(refs)
    if yta or chosen:
        st.caption(t("inv3.national_note"))

    for _, ind in percent_inds.iterrows():
        vals = national[national["indicator_code"] == ind["indicator_code"]]
        name = label_or(f"inv3.ind.{ind['indicator_code']}", ind["name_fi"])
        st.markdown(f"**{name}**")
        if vals.empty:
            st.info(t("inv3.no_values"))
            continue
        rows = pd.DataFrame({
            "label": vals["period"].map(fmt.period), "value": vals["value"], "text": vals["value"].map(ui.fmt_pct0),
            "period_words": vals["period_label"].fillna(""),
        })
        target = None if fmt.is_missing(ind["target"]) else (
            float(ind["target"]),
            f"{t('common.target')} {ui.fmt_pct0(ind['target'])} ({fmt.period(ind['target_period'])})",
        )
        baseline = None if fmt.is_missing(ind["baseline"]) else (
            float(ind["baseline"]), f"{t('common.baseline')} {ui.fmt_pct0(ind['baseline'])} ({ind['baseline_period']})",
        )
        ui.chart(
            bullet_chart(ui.lang(), rows, target, baseline),
            name=f"kattavuus-{ind['indicator_code'].split(':')[-1]}",
            title=name,
            source=ui.describe_source(vals["source_ref"].iloc[-1]),
        )
        st.caption(" ".join(f"{fmt.period(p)}: {n}" for p, n in zip(vals["period"], vals["note"], strict=True) if n))
        if fmt.is_missing(ind["target"]):
            st.caption(t("inv3.no_target_note"))
        ui.source_caption([ind["source_ref"], *vals["source_ref"]])

    counts = indicators[indicators["unit"] == "count"]
    for _, ind in counts.iterrows():
        cv = national[national["indicator_code"] == ind["indicator_code"]]
        for _, r in cv.iterrows():
            shown = fmt.auto(r["value"], ui.lang())
            if not fmt.is_missing(r["denominator"]):
                shown = t("inv3.count_of", n=shown, d=fmt.auto(r["denominator"], ui.lang()))
            st.metric(f"{label_or('inv3.ind.' + ind['indicator_code'], ind['name_fi'])} ({fmt.period(r['period'])})", shown)
            ui.source_caption(r["source_ref"])

# --- has the target been reached? ---------------------------------------------------------------------------
if ui.section(t("inv3.achievement_title")):
    ach = ui.q("inv3/achievements", investment=INV)
    if ach.empty:
        st.info(t("inv3.no_achievements"))
    else:
        ui.table(
            pd.DataFrame(
                {
                    t("inv3.col_indicator"): [
                        label_or("inv3.ind." + c, n)
                        for c, n in zip(ach["indicator_code"], ach["indicator_name_fi"], strict=True)
                    ],
                    t("inv3.col_statement_date"): ach["statement_period"].map(fmt.period),
                    t("inv3.col_achieved"): ach["achieved"].map(ui.achieved_label),
                    t("inv3.col_achieved_when"): ach["achieved_period"].map(
                        lambda p: fmt.period(p) if isinstance(p, str) and p else None
                    ),
                    t("inv3.col_statement"): ach["statement_fi"],
                }
            ),
            name="investointi-3-tavoitteen-saavuttaminen",
            title=t("inv3.achievement_title"),
            source=ui.describe_source(ach["source_ref"].iloc[0]),
        )
        for _, a in ach[ach["achieved"] == "unknown"].iterrows():
            last = national[national["indicator_code"] == a["indicator_code"]]
            st.info(
                t(
                    "inv3.achievement_unknown",
                    statement=a["statement_fi"],
                    date=fmt.period(a["statement_period"]),
                    latest=ui.fmt_pct0(last["value"].iloc[-1]) if not last.empty else t("common.no_data"),
                    latest_period=fmt.period(last["period"].iloc[-1]) if not last.empty else t("common.no_data"),
                )
            )
        ui.source_caption(ach["source_ref"])

# --- pilot participation ------------------------------------------------------------------------------------
if ui.section(t("inv3.pilots_title")):
    pm = ui.q("inv3/pilot_matrix", investment=INV, yta=yta, regions=chosen)
    if pm.empty:
        st.info(t("inv3.no_pilots"))
    else:
        pm["area"] = area_names(pm)
        pilot_names = pm.drop_duplicates("pilot_code").set_index("pilot_code")["pilot_fi"]
        n_by_pilot = pm.groupby("pilot_code")["participates"].sum()
        pilot_label = {c: f"{label_or('inv3.pilot.' + c, pilot_names[c])} ({int(n_by_pilot[c])})" for c in pilot_names.index}
        pm["pilot"] = pm["pilot_code"].map(pilot_label)
        yes_text = t("inv3.cell_yes")
        pm["cell"] = pm["participates"].map({True: yes_text, False: "–"})
        pm["fill"] = pm["participates"].map({True: charts.PRIMARY, False: "#F3F4F6"})
        pm["ink"] = pm["participates"].map({True: "white", False: "#555555"})
        area_order = list(dict.fromkeys(pm["area"]))
        pilot_order = list(dict.fromkeys(pm["pilot"]))
        pilots_source = ui.describe_source(pm["source_ref"].dropna().iloc[0]) if pm["source_ref"].notna().any() else ""
        ui.chart(
            pilot_chart(ui.lang(), pm[["area", "pilot", "pilot_fi", "cell", "fill", "ink"]], tuple(area_order),
                        tuple(pilot_order), figures.focused_labels(pm, focus, "area")),
            name="investointi-3-pilotit",
            title=t("inv3.pilots_title"),
            source=pilots_source,
        )
        st.caption(
            t("inv3.pilots_legend") + " "
            + " · ".join(f"{label_or('inv3.pilot.' + c, n)} = {n}" for c, n in pilot_names.items())
        )
        if (pm["kind"] == "joint_authority").any():
            st.caption(t("inv3.hus_note"))
        wide = pm.pivot_table(index="area", columns="pilot_fi", values="cell", aggfunc="first")
        wide = wide.reindex(index=area_order, columns=list(dict.fromkeys(pm["pilot_fi"]))).rename_axis(None, axis=1)
        wide = wide.reset_index().rename(columns={"area": t("common.county")})
        with st.expander(t("inv3.pilots_table")):
            ui.table(
                wide, name="investointi-3-pilotit-taulukko", title=t("inv3.pilots_title"), source=pilots_source,
                sortable=False,
            )
        ui.source_caption(pm["source_ref"])

# --- research funding per collaboration area ---------------------------------------------------------------
if ui.section(t("inv3.funding_title")):
    fund = ui.q("inv3/research_funding", yta=yta, regions=chosen)
    if fund.empty:
        st.info(t("inv3.no_funding"))
    else:
        if len(fund) > 1:
            st.metric(t("inv3.funding_sum"), fmt.meur(fund["amount_meur"].sum(), ui.lang()))
            st.caption(t("inv3.funding_sum_note", n=len(fund)))
        fd = fund.assign(label=fund["amount_meur"].map(lambda v: fmt.meur(v, ui.lang())))
        ui.chart(
            funding_chart(ui.lang(), fd[["yta", "project_fi", "amount_meur", "label"]]),
            name="investointi-3-tutkimusrahoitus",
            title=t("inv3.funding_title"),
            source=ui.describe_source(fd["source_ref"].iloc[0]),
        )
        ui.table(
            pd.DataFrame(
                {
                    t("common.yta"): fund["yta"],
                    t("inv3.col_project"): fund["project_fi"],
                    t("inv3.col_amount"): fund["amount_meur"],
                }
            ),
            formats={t("inv3.col_amount"): ui.fmt_num},
            name="investointi-3-tutkimusrahoitus-taulukko",
            title=t("inv3.funding_title"),
            source=ui.describe_source(fund["source_ref"].iloc[0]),
        )
        ui.source_caption(fund["source_ref"])

# --- national actor: the social-work competence centre ------------------------------------------------------
if ui.section(t("inv3.actors_title")):
    actors = ui.q("inv3/actors", investment=INV)
    if actors.empty:
        st.info(t("inv3.no_actors"))
    else:
        acols = st.columns(max(len(actors), 3))
        for col, (_, a) in zip(acols, actors.iterrows(), strict=False):
            col.metric(f"{a['actor']} {fmt.period(a['period'])}", ui.fmt_pct0(a["percent"]))
        for note in actors["note"]:
            if note:
                st.caption(f"{t('inv3.source_note')}: {note}")
        ui.source_caption(actors["source_ref"])

# --- progress by county -------------------------------------------------------------------------------------
pperiods = ui.q("inv3/progress_periods", investment=INV)
pperiod = pperiods["period"].iloc[-1] if not pperiods.empty else None
ptitle = t("inv3.progress_title", period=fmt.period(pperiod)) if pperiod else t("inv3.progress_title_none")
if ui.section(ptitle):
    if pperiod is None:
        st.info(t("inv3.no_progress"))
    else:
        prog = ui.q("inv3/progress_by_county", investment=INV, period=pperiod, yta=yta, regions=chosen)
        prog["county"] = prog["name_sv"] if ui.lang() == "sv" else prog["short_name_fi"]
        known = prog[prog["percent"].notna()].assign(label=lambda d: d["percent"].map(ui.fmt_pct0))
        if not known.empty:
            shown_codes = set(known["region_code"])
            ui.chart(
                progress_chart(ui.lang(), known[["region_code", "county", "percent", "label"]],
                               focus if not shown_codes <= focus else frozenset()),
                name="investointi-3-edistyminen",
                title=ptitle,
                source=ui.describe_source(known["source_ref"].iloc[0]),
            )
            st.caption(t("inv3.mean_note", n=len(known)))
        missing = prog[prog["percent"].isna()]["county"].tolist()
        if missing:
            st.info(t("inv3.progress_missing", names=", ".join(missing)))
        ui.source_caption(prog["source_ref"])

ui.narratives(INV)
