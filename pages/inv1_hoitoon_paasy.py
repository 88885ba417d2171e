"""Investointi 1 — Hoitotakuu ja hoitoon pääsy: the 7-day access table (Avohilmo) with the document's arrows,
the 80 % target and 67 % baseline, the achievement statements, completion per county and what the counties
reported.

A rerun stays cheap: the parts that only draw are replayed (``ui.replayed``) and the tables and charts come
from cached builders that run their own queries (keyed on the database version, language and filters).
"""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, ui

t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.inv1", t("inv1.intro"))
lang = ui.lang()
version = ui.db_version()  # the builders below run their own queries, so they are keyed on the database too

# Okabe–Ito without vermillion (that is the target line's colour)
LINE_COLOURS = [charts.OKABE_ITO[0], charts.OKABE_ITO[1], charts.OKABE_ITO[2], charts.OKABE_ITO[4]]

selected = tuple(filters.region_codes()) if (filters.yta or filters.regions) else ()
focus = ui.focus_regions(filters)


# Texts in the UI language come from functions, not module-level dicts: a cached builder or replayed part may run
# with the globals of another session's run of this page, while t() always follows the caller's language.
def row_label(code: str, name: str) -> str:
    """The document's name for one of the four rows of the 7-day table (the source's own name otherwise)."""
    return {
        "access7d:all:all": t("inv1.row_all_all"),
        "access7d:all:physical": t("inv1.row_all_physical"),
        "access7d:doctor:all": t("inv1.row_doctor_all"),
        "access7d:doctor:physical": t("inv1.row_doctor_physical"),
    }.get(code, name)


def direction_text(arrow: str) -> str:
    return {"↑": t("inv1.arrow_up"), "↓": t("inv1.arrow_down"), "→": t("inv1.arrow_flat")}.get(arrow, "")


def period_text(period: str, kind: str) -> str:
    """10–12/2023 ka for an average over a range of months; the plain period label otherwise."""
    label = fmt.period(period)
    return f"{label} {t('inv1.avg')}" if kind == "range" else label


def eu_target() -> pd.Series | None:
    """The EU target row (queries/inv1/target.sql): baseline, target, their periods, definition, source."""
    target_rows = ui.q("inv1/target")
    return target_rows.iloc[0] if not target_rows.empty else None


# --- key figures ------------------------------------------------------------------------------------------


@ui.replayed()
def key_figures() -> None:
    target, access = eu_target(), ui.q("inv1/access7d")
    eu_code = target["indicator_code"] if target is not None else "access7d:all:all"
    eu_vals = access[access["indicator_code"] == eu_code]
    latest_avg = eu_vals[eu_vals["slot"] == "avg"].tail(1)
    metrics = []
    if target is not None:
        metrics.append((f"{t('common.baseline')} {fmt.period(target['baseline_period'])}", ui.fmt_pct0(target["baseline"])))
    if not latest_avg.empty:
        la = latest_avg.iloc[0]
        metrics.append((t("inv1.latest", period=period_text(la["period"], la["kind"])), ui.fmt_pct(la["value"])))
    else:
        metrics.append((t("common.latest"), ui.fmt_pct(None)))
    if target is not None:
        metrics.append((f"{t('common.target')} {fmt.period(target['target_period'])}", ui.fmt_pct0(target["target"])))
    ui.metric_row(metrics)
    ui.source_caption(
        ([target["source_ref"]] if target is not None else []) + list(latest_avg["source_ref"]),
        notes=[target["definition_fi"] if target is not None else None],
    )


if ui.section(t("common.key_figures")):
    key_figures()

# --- achievement statements ---------------------------------------------------------------------------------


@ui.replayed()
def achievement_statements() -> None:
    achievements = ui.q("inv1/achievements")
    if achievements.empty:
        st.info(t("inv1.no_statement"))
    for _, a in achievements.iterrows():
        ui.statement_box(a["achieved"], a["statement_fi"], a["statement_period"])
        ui.source_caption(a["source_ref"])


if ui.section(t("inv1.achievements_title")):
    achievement_statements()

# --- the 7-day table -------------------------------------------------------------------------------------------


def access_source(access: pd.DataFrame) -> str:
    return ui.describe_source(access["source_ref"].iloc[0]) if not access.empty else ""


@ui.cache_data(show_spinner=False, max_entries=20)
def seven_day_table(version: tuple, lang: str) -> tuple[ui.PreparedTable, str, str]:
    """The document's table (queries/inv1/access7d.sql): a row per access measure; the year, month and 3-month
    average columns named by their periods, the arrow (the document's, else computed and marked so), the
    earlier reference and the change. Also: the average's header and the source line."""
    access = ui.q("inv1/access7d")

    def slot_header(slot: str) -> str:
        part = access[access["slot"] == slot]
        distinct = part[["period", "kind"]].drop_duplicates()
        if len(distinct) == 1:
            return period_text(distinct.iloc[0]["period"], distinct.iloc[0]["kind"])
        return {"year": t("inv1.slot_year"), "month": t("inv1.slot_month"), "avg": t("inv1.slot_avg")}[slot]

    def slot_value(rows: pd.DataFrame, slot: str) -> float | None:
        return rows.loc[slot, "value"] if slot in rows.index else None

    headers = {s: slot_header(s) for s in ("year", "month", "avg")}
    col_arrow, col_ref, col_ref_period, col_change = (
        t("inv1.col_direction"), t("inv1.col_reference"), t("inv1.col_reference_period"), t("inv1.col_change")
    )
    records = []
    for code in dict.fromkeys(access["indicator_code"]):
        rows = access[access["indicator_code"] == code].set_index("slot")
        avg, ref = slot_value(rows, "avg"), slot_value(rows, "reference")
        arrow = rows.loc["avg", "doc_arrow"] if "avg" in rows.index else None
        computed = False
        if (arrow is None or fmt.is_missing(arrow)) and avg is not None and ref is not None:
            arrow, computed = ("↑" if avg > ref else "↓" if avg < ref else "→"), True
        arrow_text = t("common.no_data") if arrow is None or fmt.is_missing(arrow) else f"{arrow} {direction_text(arrow)}"
        if computed:
            arrow_text += f" ({t('inv1.computed')})"
        records.append(
            {
                t("inv1.col_row"): row_label(code, rows["name_fi"].iloc[0]),
                headers["year"]: slot_value(rows, "year"),
                headers["month"]: slot_value(rows, "month"),
                headers["avg"]: avg,
                col_arrow: arrow_text,
                col_ref: ref,
                col_ref_period: period_text(rows.loc["reference", "period"], rows.loc["reference", "kind"])
                if "reference" in rows.index else t("common.no_data"),
                col_change: round(avg - ref, 1) if avg is not None and ref is not None else None,
            }
        )
    pct_cols = [headers["year"], headers["month"], headers["avg"], col_ref]
    table = ui.prepare_table(
        pd.DataFrame.from_records(records), formats={**{c: ui.fmt_pct for c in pct_cols}, col_change: ui.fmt_points}
    )
    return table, headers["avg"], access_source(access)


@ui.replayed()
def seven_day_notes(avg_header: str) -> None:
    """Under the table: how to read it, its sources and the notes on the earlier reference values."""
    access = ui.q("inv1/access7d")
    st.caption(t("inv1.table_note", avg=avg_header))
    ui.source_caption(access["source_ref"])
    ref_notes = access[access["slot"] == "reference"]
    if not ref_notes.empty:
        with st.expander(t("inv1.notes_title")):
            for _, r in ref_notes.iterrows():
                st.markdown(f"- **{row_label(r['indicator_code'], r['name_fi'])}** ({r['period_label']}): {r['note']}")
            ui.source_caption(ref_notes["source_ref"])


if ui.section(t("inv1.table_title")):
    table, avg_header, source = seven_day_table(version, lang)
    ui.table(
        table,
        name="hoitoon-paasy-7-vrk",
        title=t("inv1.table_title"),
        source=source,
        sortable=False,
    )
    seven_day_notes(avg_header)

# --- chart: the four rows over the periods, with the target and the baseline ---------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def access_chart(version: tuple, lang: str) -> tuple[dict, str, tuple]:
    """The four rows over the periods, each named next to its last point, with the target and the baseline.
    No legend: direct labels survive the PNG export and do not lean on colour; the rows also differ by point
    shape and dash pattern. Returns the spec, its source line and every source."""
    access, target = ui.q("inv1/access7d"), eu_target()
    points = access.sort_values(["end_date", "start_date"]).assign(
        row=lambda d: [row_label(c, n) for c, n in zip(d["indicator_code"], d["name_fi"], strict=True)],
        x=lambda d: [period_text(p, k) for p, k in zip(d["period"], d["kind"], strict=True)],
        label=lambda d: d["value"].map(ui.fmt_pct),
    )
    x_order = list(dict.fromkeys(points["x"]))
    points["rank"] = points["x"].map(x_order.index)
    last = points["rank"] == points.groupby("row")["rank"].transform("max")
    points["text"] = points["label"].where(~last, points["label"] + "  " + points["row"])
    points = points[["x", "value", "row", "label", "text"]]
    row_order = [row_label(c, "") for c in dict.fromkeys(access["indicator_code"])]

    x_enc = alt.X("x:N", sort=x_order, title=None, axis=alt.Axis(labelAngle=0))
    y_enc = alt.Y("value:Q", title=t("inv1.axis_share"), scale=alt.Scale(domain=[40, 85]))
    colour = alt.Color("row:N", sort=row_order, scale=alt.Scale(range=LINE_COLOURS), legend=None)
    tooltip = [
        alt.Tooltip("row:N", title=t("inv1.col_row")),
        alt.Tooltip("x:N", title=t("common.period")),
        alt.Tooltip("label:N", title=t("common.value")),
    ]
    line = alt.Chart(points).mark_line(strokeWidth=3).encode(
        x=x_enc, y=y_enc, color=colour, strokeDash=alt.StrokeDash("row:N", sort=row_order, legend=None)
    )
    dots = alt.Chart(points).mark_point(size=160, filled=True, opacity=1).encode(
        x=x_enc, y=y_enc, color=colour, shape=alt.Shape("row:N", sort=row_order, legend=None), tooltip=tooltip
    )
    # value labels right of the points, on a white halo so that a crossing line never hides them
    halo = alt.Chart(points).mark_text(dx=12, align="left", fontWeight="bold", stroke="white", strokeWidth=5).encode(
        x=x_enc, y=y_enc, text="text:N"
    )
    vals = alt.Chart(points).mark_text(dx=12, align="left", fontWeight="bold").encode(
        x=x_enc, y=y_enc, text="text:N", color=colour
    )
    layers = [line, dots, halo, vals]
    if target is not None:  # the target and the baseline as labelled rules
        target_label = f"{t('common.target')} {ui.fmt_pct0(target['target'])} ({fmt.period(target['target_period'])})"
        baseline_label = (
            f"{t('common.baseline')} {ui.fmt_pct0(target['baseline'])} ({fmt.period(target['baseline_period'])})"
        )
        layers.append(charts.rule(float(target["target"]), target_label, charts.TARGET, orient="y"))
        layers.append(
            charts.rule(float(target["baseline"]), baseline_label, "#555555", orient="y", dash=(2, 2), side="below")
        )
    # the width is for the PNG (the page stretches); the padding leaves room for the line names on the right
    spec = charts.spec(
        alt.layer(*layers).properties(height=520, width=1000, padding={"left": 5, "top": 5, "bottom": 5, "right": 340})
    )
    return spec, access_source(access), tuple(dict.fromkeys(access["source_ref"]))


if ui.section(t("inv1.chart_title")):
    spec, source, refs = access_chart(version, lang)
    ui.chart(spec, name="hoitoon-paasy-7-vrk-kuva", title=t("inv1.chart_title"), source=source)
    st.caption(t("inv1.chart_note"))
    ui.source_caption(refs)

# --- completion per county ------------------------------------------------------------------------------------------


def completion_rows(selected: tuple[str, ...]) -> pd.DataFrame:
    """Completion % per chosen county and period (queries/inv1/completion.sql), newest period first."""
    completion = ui.q("inv1/completion", regions=list(selected))
    completion["county"] = completion["name_sv"] if ui.lang() == "sv" else completion["short_name_fi"]
    completion["yta"] = completion["yta"].fillna("–")
    return completion


@ui.cache_data(show_spinner=False, max_entries=200)
def completion_chart(version: tuple, lang: str, selected: tuple[str, ...], focus: frozenset) -> tuple | None:
    """Completion % per county in the latest period: under 100 % in orange, complete in blue (the value is
    printed on every bar); with a county in focus, that county in the primary colour and the others muted.
    Returns the spec, the period, its source line, the note under it and its sources (None: no rows)."""
    completion = completion_rows(selected)
    if completion.empty:
        return None
    latest = completion["period"].iloc[0]  # newest first
    bars_df = completion[completion["period"] == latest].assign(label=lambda d: d["percent"].map(ui.fmt_pct0))
    shown_codes = set(bars_df["region_code"])
    focus = focus if not shown_codes <= focus else frozenset()
    base = alt.Chart(bars_df[["region_code", "county", "percent", "label"]]).encode(
        y=alt.Y("county:N", sort=alt.EncodingSortField("percent", order="ascending"), title=None),
        x=alt.X(
            "percent:Q", title=t("inv1.axis_completion"), scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=[0, 25, 50, 75, 100]),
        ),
        tooltip=[alt.Tooltip("county:N", title=t("common.county")), alt.Tooltip("label:N", title="%")],
    )
    colour = charts.highlight(focus) if focus else alt.condition(
        alt.datum.percent < 100, alt.value(charts.OKABE_ITO[1]), alt.value(charts.PRIMARY)
    )
    bars = base.mark_bar().encode(color=colour)
    labels = base.mark_text(align="left", dx=5, fontWeight="bold").encode(text="label:N")
    spec = charts.spec(alt.layer(bars, labels).properties(height=max(140, 30 * len(bars_df)), width=1000))
    notes = bars_df["note"].dropna().unique()
    note = t("inv1.completion_note", period=fmt.period(latest)) + (
        f" {t('inv1.source_note')}: " + "; ".join(notes) if len(notes) else ""
    )
    refs = tuple(dict.fromkeys(bars_df["source_ref"]))
    return spec, latest, ui.describe_source(bars_df["source_ref"].iloc[0]), note, refs


@ui.cache_data(show_spinner=False, max_entries=200)
def completion_table(version: tuple, lang: str, selected: tuple[str, ...]) -> tuple[ui.PreparedTable, str, tuple]:
    """Completion % per county (rows) and period (columns, newest first), the source line and every source."""
    completion = completion_rows(selected)
    periods = list(dict.fromkeys(completion["period"]))  # newest first
    wide = completion.pivot_table(index=["county", "yta"], columns="period", values="percent", aggfunc="first")
    wide = wide.reset_index().sort_values("county")
    cols = {p: t("inv1.col_completion", period=fmt.period(p)) for p in periods}
    display = pd.DataFrame(
        {t("common.county"): wide["county"], t("common.yta"): wide["yta"], **{cols[p]: wide[p] for p in periods}}
    )
    source = ui.describe_source(completion["source_ref"].iloc[0])
    table = ui.prepare_table(display, formats={c: ui.fmt_pct0 for c in cols.values()})
    return table, source, tuple(dict.fromkeys(completion["source_ref"]))


if ui.section(t("inv1.completion_title")):
    chart = completion_chart(version, lang, selected, focus)
    if chart is None:
        st.info(t("inv1.no_completion"))
    else:
        spec, latest, source, note, refs = chart
        ui.chart(spec, name="investointi-1-toteuma-kuva",
                 title=t("inv1.completion_chart_title", period=fmt.period(latest)), source=source)
        st.caption(note)
        ui.source_caption(refs)

        table, source, refs = completion_table(version, lang, selected)
        ui.table(
            table,
            name="investointi-1-toteuma-alueittain",
            title=t("inv1.completion_title"),
            source=source,
        )
        ui.source_caption(refs)
        st.caption(t("inv1.completion_table_note"))

# --- survey figures -------------------------------------------------------------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def survey_table(version: tuple, lang: str) -> tuple[ui.PreparedTable, tuple] | None:
    """The evaluation survey's figures (queries/inv1/survey.sql) as the documents print them (the columns of
    figures.figure_table: measure, value, period, note) and their sources; None when there are none."""
    survey = ui.q("inv1/survey")
    if survey.empty:
        return None
    table = pd.DataFrame(
        {
            t("inv1.col_measure"): survey["name_fi"],
            t("common.value"): survey["value"],
            t("common.period"): survey["period"].map(fmt.period),
            t("inv1.col_note"): survey["note"],
        }
    )
    return ui.prepare_table(table, formats={t("common.value"): ui.fmt_num}), tuple(dict.fromkeys(survey["source_ref"]))


survey = survey_table(version, lang)
if survey is not None and ui.section(t("inv1.survey_title")):
    table, refs = survey
    ui.table(table, name="investointi-1-kysely", title=t("inv1.survey_title"), sortable=False)
    ui.source_caption(refs)  # also the table's source line on the exported slide

ui.narratives("P4I1")
