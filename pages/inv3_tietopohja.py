"""Investointi 3 — Tietopohja ja vaikuttavuus: monitoring coverage against 100 %, what the sources say about
reaching the target, pilot participation by area, research funding per collaboration area, the competence
centre's progress, progress 7–9/2024 by county, and what the counties reported.

A rerun stays cheap: the parts that only draw are replayed (``ui.replayed``) and the tables and charts come
from cached builders that run their own queries (keyed on the database version, language and filters).
"""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, figures, fmt, ui

INV = "P4I3"
t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.inv3", t("inv3.intro"))
lang = ui.lang()
version = ui.db_version()  # the builders below run their own queries, so they are keyed on the database too

yta = filters.yta or ""
chosen = tuple(filters.regions or ())
focus = ui.focus_regions(filters)


def label_or(key: str, fallback: str) -> str:
    """A catalog text when the catalog has one (known indicators, pilots), else the source's own Finnish name."""
    text = t(key)
    return fallback if text == key else text


def area_names(df: pd.DataFrame) -> pd.Series:
    """Swedish names for counties and cities when the UI is Swedish; others (HUS) keep their Finnish name."""
    if ui.lang() != "sv":
        return df["short_name_fi"]
    return df["name_sv"].where(df["kind"].isin(["county", "city"]), df["short_name_fi"])


# --- monitoring coverage against 100 % ----------------------------------------------------------------------


def coverage_data() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The investment's indicators (queries/inv3/indicators.sql), their whole-country values
    (queries/inv3/indicator_values.sql, region SSS) and the percent indicators among them."""
    indicators = ui.q("inv3/indicators", investment=INV)
    values = ui.q("inv3/indicator_values", investment=INV)
    national = values[values["region_code"] == "SSS"]
    return indicators, national, indicators[indicators["unit"] == "percent"]


@ui.replayed()
def coverage_figures(filtered: bool) -> None:
    """The latest coverage, its baseline and target, and the latest value of every other percent indicator."""
    _, national, percent_inds = coverage_data()
    main = percent_inds[percent_inds["is_eu_target"]].iloc[0] if percent_inds["is_eu_target"].any() else None
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
    ui.metric_row(metrics)
    ui.source_caption(refs, notes=[t("inv3.national_note") if filtered else None])


def upper_rule(value: float, label: str, color: str) -> alt.LayerChart:
    """A labelled vertical line whose label sits one line above the target rule's label (no overlap)."""
    df = pd.DataFrame({"v": [value], "label": [label]})
    line = alt.Chart(df).mark_rule(color=color, strokeWidth=3, strokeDash=[2, 2]).encode(x="v:Q")
    text = alt.Chart(df).mark_text(
        align="left", dx=6, dy=-30, color=color, fontWeight="bold", fontSize=charts.FONT_SIZE
    ).encode(x="v:Q", y=alt.value(0), text="label:N")
    return alt.layer(line, text)


def bullet_chart(rows: pd.DataFrame, target: tuple[float, str] | None, baseline: tuple[float, str] | None) -> dict:
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


@ui.cache_data(show_spinner=False, max_entries=20)
def coverage_charts(version: tuple, lang: str) -> tuple[tuple[str, str, tuple | None], ...]:
    """A bullet chart per percent indicator. Per indicator: its code, its name and, unless it has no values,
    the spec, its source line, the notes of the values, whether the sources give no target, every source."""
    _, national, percent_inds = coverage_data()
    out = []
    for _, ind in percent_inds.iterrows():
        vals = national[national["indicator_code"] == ind["indicator_code"]]
        name = label_or(f"inv3.ind.{ind['indicator_code']}", ind["name_fi"])
        if vals.empty:
            out.append((ind["indicator_code"], name, None))
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
        notes = " ".join(f"{fmt.period(p)}: {n}" for p, n in zip(vals["period"], vals["note"], strict=True) if n)
        refs = tuple(dict.fromkeys([ind["source_ref"], *vals["source_ref"]]))
        chart = (bullet_chart(rows, target, baseline), ui.describe_source(vals["source_ref"].iloc[-1]), notes,
                 fmt.is_missing(ind["target"]), refs)
        out.append((ind["indicator_code"], name, chart))
    return tuple(out)


@ui.replayed()
def count_figures() -> None:
    """Every value of the count indicators (e.g. areas taking part), each with its source."""
    indicators, national, _ = coverage_data()
    counts = indicators[indicators["unit"] == "count"]
    metrics, refs = [], []
    for _, ind in counts.iterrows():
        cv = national[national["indicator_code"] == ind["indicator_code"]]
        for _, r in cv.iterrows():
            shown = fmt.auto(r["value"], ui.lang())
            if not fmt.is_missing(r["denominator"]):
                shown = t("inv3.count_of", n=shown, d=fmt.auto(r["denominator"], ui.lang()))
            label = f"{label_or('inv3.ind.' + ind['indicator_code'], ind['name_fi'])} ({fmt.period(r['period'])})"
            # each figure names its own source on hover; the caption lists them all
            metrics.append({"label": label, "value": shown, "help": ui.describe_source(r["source_ref"])})
            refs.append(r["source_ref"])
    if metrics:
        ui.metric_row(metrics)
        ui.source_caption(refs)


if ui.section(t("inv3.coverage_title")):
    coverage_figures(bool(yta or chosen))
    for code, name, chart in coverage_charts(version, lang):
        st.markdown(f"**{name}**")
        if chart is None:
            st.info(t("inv3.no_values"))
            continue
        spec, source, notes, no_target, refs = chart
        ui.chart(spec, name=f"kattavuus-{code.split(':')[-1]}", title=name, source=source)
        ui.source_caption(refs, notes=[notes, t("inv3.no_target_note") if no_target else None])
    count_figures()

# --- has the target been reached? ---------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def achievement_table(version: tuple, lang: str) -> tuple[ui.PreparedTable, str] | None:
    """The sources' statements on reaching the targets (queries/inv3/achievements.sql) and the table's source
    line; None when there are none."""
    ach = ui.q("inv3/achievements", investment=INV)
    if ach.empty:
        return None
    table = pd.DataFrame(
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
    )
    return ui.prepare_table(table), ui.describe_source(ach["source_ref"].iloc[0])


@ui.replayed()
def unknown_achievements() -> None:
    """Under the table: a statement that leaves the date open, next to the latest value; then the sources."""
    ach = ui.q("inv3/achievements", investment=INV)
    _, national, _ = coverage_data()
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


if ui.section(t("inv3.achievement_title")):
    achievements = achievement_table(version, lang)
    if achievements is None:
        st.info(t("inv3.no_achievements"))
    else:
        table, source = achievements
        ui.table(table, name="investointi-3-tavoitteen-saavuttaminen", title=t("inv3.achievement_title"), source=source)
        unknown_achievements()

# --- pilot participation ------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=200)
def pilot_grid(version: tuple, lang: str, yta: str, chosen: tuple[str, ...], focus: frozenset) -> tuple | None:
    """Area x pilot grid (queries/inv3/pilot_matrix.sql): a check mark with text where the area takes part;
    focused areas bold and framed. Returns the spec, its source line, the legend, whether HUS is among the
    rows, the same grid as a table and every source (None: no rows)."""
    pm = ui.q("inv3/pilot_matrix", investment=INV, yta=yta, regions=list(chosen))
    if pm.empty:
        return None
    pm["area"] = area_names(pm)
    pilot_names = pm.drop_duplicates("pilot_code").set_index("pilot_code")["pilot_fi"]
    n_by_pilot = pm.groupby("pilot_code")["participates"].sum()
    pilot_label = {c: f"{label_or('inv3.pilot.' + c, pilot_names[c])} ({int(n_by_pilot[c])})" for c in pilot_names.index}
    pm["pilot"] = pm["pilot_code"].map(pilot_label)
    yes_text = t("inv3.cell_yes")
    pm["cell"] = pm["participates"].map({True: yes_text, False: "–"})
    pm["fill"] = pm["participates"].map({True: charts.PRIMARY, False: "#F3F4F6"})
    pm["ink"] = pm["participates"].map({True: "white", False: "#555555"})
    areas = list(dict.fromkeys(pm["area"]))
    pilot_order = list(dict.fromkeys(pm["pilot"]))
    focused = figures.focused_labels(pm, focus, "area")
    pilots_source = ui.describe_source(pm["source_ref"].dropna().iloc[0]) if pm["source_ref"].notna().any() else ""

    tooltip = [
        alt.Tooltip("area:N", title=t("common.county")),
        alt.Tooltip("pilot_fi:N", title=t("inv3.col_pilot")),
        alt.Tooltip("cell:N", title=t("inv3.col_participates")),
    ]
    spec = figures.cell_grid(pm[["area", "pilot", "pilot_fi", "cell", "fill", "ink"]], "pilot", "area", "cell",
                             pilot_order, areas, tooltip, focused, row_height=34, label_limit=420)
    legend = t("inv3.pilots_legend") + " " + " · ".join(
        f"{label_or('inv3.pilot.' + c, n)} = {n}" for c, n in pilot_names.items()
    )
    wide = pm.pivot_table(index="area", columns="pilot_fi", values="cell", aggfunc="first")
    wide = wide.reindex(index=areas, columns=list(dict.fromkeys(pm["pilot_fi"]))).rename_axis(None, axis=1)
    wide = wide.reset_index().rename(columns={"area": t("common.county")})
    has_hus = bool((pm["kind"] == "joint_authority").any())
    return spec, pilots_source, legend, has_hus, ui.prepare_table(wide), tuple(dict.fromkeys(pm["source_ref"]))


if ui.section(t("inv3.pilots_title")):
    pilots = pilot_grid(version, lang, yta, chosen, focus)
    if pilots is None:
        st.info(t("inv3.no_pilots"))
    else:
        spec, source, legend, has_hus, wide, refs = pilots
        ui.chart(spec, name="investointi-3-pilotit", title=t("inv3.pilots_title"), source=source)
        ui.source_caption(refs, notes=[legend, t("inv3.hus_note") if has_hus else None])
        ui.folded_table(t("inv3.pilots_table"), wide, name="investointi-3-pilotit-taulukko",
                        title=t("inv3.pilots_title"), source=source, sortable=False)

# --- research funding per collaboration area ---------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=200)
def research_funding(version: tuple, lang: str, yta: str, chosen: tuple[str, ...]) -> tuple | None:
    """Research funding per collaboration area (queries/inv3/research_funding.sql): the computed sum (None for
    a single area), the chart (M€, the project named under its bar), the table, their source line and every
    source (None: no rows)."""
    fund = ui.q("inv3/research_funding", yta=yta, regions=list(chosen))
    if fund.empty:
        return None
    total = fmt.meur(fund["amount_meur"].sum(), ui.lang()) if len(fund) > 1 else None
    fd = fund.assign(label=fund["amount_meur"].map(lambda v: fmt.meur(v, ui.lang())))[
        ["yta", "project_fi", "amount_meur", "label"]
    ]
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
    spec = charts.spec(alt.layer(fbars, flabels, fprojects).properties(height=alt.Step(72)))
    table = pd.DataFrame(
        {
            t("common.yta"): fund["yta"],
            t("inv3.col_project"): fund["project_fi"],
            t("inv3.col_amount"): fund["amount_meur"],
        }
    )
    table = ui.prepare_table(table, formats={t("inv3.col_amount"): ui.fmt_num})
    source = ui.describe_source(fund["source_ref"].iloc[0])
    return total, len(fund), spec, table, source, tuple(dict.fromkeys(fund["source_ref"]))


if ui.section(t("inv3.funding_title")):
    funding = research_funding(version, lang, yta, chosen)
    if funding is None:
        st.info(t("inv3.no_funding"))
    else:
        total, n, spec, table, source, refs = funding
        if total is not None:
            st.metric(t("inv3.funding_sum"), total)
            st.caption(t("inv3.funding_sum_note", n=n))
        ui.chart(spec, name="investointi-3-tutkimusrahoitus", title=t("inv3.funding_title"), source=source)
        ui.table(
            table,
            name="investointi-3-tutkimusrahoitus-taulukko",
            title=t("inv3.funding_title"),
            source=source,
        )
        ui.source_caption(refs)

# --- national actor: the social-work competence centre ------------------------------------------------------


@ui.replayed()
def competence_centre() -> None:
    actors = ui.q("inv3/actors", investment=INV)
    if actors.empty:
        st.info(t("inv3.no_actors"))
        return
    ui.metric_row([(f"{a['actor']} {fmt.period(a['period'])}", ui.fmt_pct0(a["percent"]))
                   for a in actors.to_dict("records")])
    ui.source_caption(actors["source_ref"], notes=[f"{t('inv3.source_note')}: {n}" for n in actors["note"] if n])


if ui.section(t("inv3.actors_title")):
    competence_centre()

# --- progress by county -------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=200)
def county_progress(version: tuple, lang: str, yta: str, chosen: tuple[str, ...], focus: frozenset) -> tuple[str | None, tuple | None]:
    """Progress % per county in the latest period (queries/inv3/progress_periods.sql, progress_by_county.sql):
    the period, and unless there is none, the chart (highest first, with the mean of the shown counties,
    computed and labelled so; None when no county has a value), its source line, the number of counties
    with a value, the counties without one and every source."""
    pperiods = ui.q("inv3/progress_periods", investment=INV)
    pperiod = pperiods["period"].iloc[-1] if not pperiods.empty else None
    if pperiod is None:
        return None, None
    prog = ui.q("inv3/progress_by_county", investment=INV, period=pperiod, yta=yta, regions=list(chosen))
    prog["county"] = prog["name_sv"] if ui.lang() == "sv" else prog["short_name_fi"]
    known = prog[prog["percent"].notna()].assign(label=lambda d: d["percent"].map(ui.fmt_pct0))
    spec, source = None, ""
    if not known.empty:
        focus = focus if not set(known["region_code"]) <= focus else frozenset()
        mean = float(known["percent"].mean())
        pbase = alt.Chart(known[["region_code", "county", "percent", "label"]]).encode(
            y=alt.Y("county:N", sort="-x", title=None),
            x=alt.X(
                "percent:Q", title=t("inv3.axis_progress"), scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(values=list(range(0, 101, 10))),
            ),
            tooltip=[alt.Tooltip("county:N", title=t("common.county")), alt.Tooltip("label:N", title="%")],
        )
        spec = charts.spec(
            alt.layer(
                pbase.mark_bar().encode(color=charts.highlight(focus)),
                pbase.mark_text(align="left", dx=4, fontWeight="bold").encode(text="label:N"),
                charts.rule(mean, t("inv3.mean_computed", value=ui.fmt_pct0(mean)), charts.NATIONAL, dash=(2, 2)),
            ).properties(height=max(200, 30 * len(known)))
        )
        source = ui.describe_source(known["source_ref"].iloc[0])
    missing = tuple(prog[prog["percent"].isna()]["county"])
    return pperiod, (spec, source, len(known), missing, tuple(dict.fromkeys(prog["source_ref"])))


pperiod, progress = county_progress(version, lang, yta, chosen, focus)
ptitle = t("inv3.progress_title", period=fmt.period(pperiod)) if pperiod else t("inv3.progress_title_none")
if ui.section(ptitle):
    if progress is None:
        st.info(t("inv3.no_progress"))
    else:
        spec, source, n_known, missing, refs = progress
        if spec is not None:
            ui.chart(spec, name="investointi-3-edistyminen", title=ptitle, source=source)
        if missing:
            st.info(t("inv3.progress_missing", names=", ".join(missing)))
        ui.source_caption(refs, notes=[t("inv3.mean_note", n=n_known) if spec is not None else None])

ui.narratives(INV)
