"""Edistyminen: county x investment heatmap of the progress percentages of one reporting period (value printed
in every cell), the pillar 3 programme matrix, national actors, and traffic lights per county and dimension
when the sources give them (an explained empty state when they do not).

Each section's figures are built by a function named for it (its query, the pandas work, the chart spec);
``progress_view`` runs them once per database version, language and filters, so a rerun only draws."""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, figures, fmt, ui

t = ui.t
version, lang = ui.db_version(), ui.lang()


@ui.cache_data(show_spinner=False, max_entries=20)
def filter_choices(version: tuple[str, int]) -> tuple[list[str], list[str]]:
    """The reporting periods (oldest first) and the pillar 4 investments offered in the sidebar."""
    return list(ui.q("progress/periods")["period"]), list(ui.q("progress/investments", pillar=4)["investment_code"])


periods, pillar4 = filter_choices(version)
filters = ui.sidebar_filters(periods=periods, yta=True, regions=True, investments=pillar4)
SORTS = ["aakkos", "keskiarvo", "yta"]
order = ui.param_select(
    "vertailu", SORTS, "aakkos", t("progress.sort"), format_func=lambda v: t(f"progress.sort.{v}"), widget="radio"
)
ui.page_header("page.progress", t("progress.intro"))

if not periods:
    st.info(t("progress.no_periods"))
    ui.end_page()

period = filters.period
yta = filters.yta or ""
chosen = tuple(filters.regions or [])
investments = (filters.investment,) if filters.investment else ()
period_text = fmt.period(period)
focus = tuple(sorted(ui.focus_regions(filters)))  # counties to set apart in the charts (bold, framed rows)

MISSING_FILL = "#F1F1F1"
DIMENSIONS = ["schedule", "costs", "output_quality", "output_scope", "staff", "risks", "benefits"]
STATUS_STYLE = {  # colour (Okabe–Ito), text colour; the symbol and the words come from the string catalog
    "on_track": ("#009E73", "white"),
    "watch": ("#F0E442", "black"),
    "action_needed": ("#D55E00", "white"),
    "not_reported": ("#BBBBBB", "black"),
}


def county_label(df: pd.DataFrame) -> pd.Series:
    return df["name_sv"] if ui.lang() == "sv" else df["short_name_fi"]


def county_order(wide: pd.DataFrame, how: str) -> list[str]:
    """Row order of the heatmaps: alphabetical, by the computed mean (highest first) or by collaboration area."""
    w = wide.copy()
    if how == "keskiarvo":
        w = w.sort_values(["mean", "county"], ascending=[False, True], na_position="last")
    elif how == "yta":
        rank = {y: i for i, y in enumerate(ui.YTAS)}
        w = w.assign(_r=w["yta"].map(lambda y: rank.get(y, len(rank)))).sort_values(["_r", "county"])
    else:
        w = w.sort_values("county")
    return list(w["county"])


def focused_names(df: pd.DataFrame, focus: tuple[str, ...]) -> tuple[str, ...]:
    """The row labels (county names) of the focused counties in ``df`` (bold, framed rows)."""
    return figures.focused_labels(df, frozenset(focus))


def source_of(df: pd.DataFrame) -> str:
    refs = df["source_ref"].dropna()
    return ui.describe_source(refs.iloc[0]) if not refs.empty else ""


def distinct_refs(*series: pd.Series) -> tuple[str, ...]:
    """The sources behind a part of the page, once each (for ``ui.source_caption``)."""
    return tuple(dict.fromkeys(r for s in series for r in s if isinstance(r, str) and r))


# --- chart specs (built inside the section builders below) -------------------------------------------------------


def heatmap(long: pd.DataFrame, rows: list[str], cols: list[str], focused: tuple[str, ...] = (),
            height_per_row: int = 36) -> dict:
    """Cells coloured by % (sequential) with the value printed; cells without a value are light grey with
    their own text ("–" or "ei mukana"), so colour never carries the meaning alone. Focused counties: bold
    row label and a black frame around the row."""
    base = alt.Chart(long).encode(
        x=alt.X(
            "column:N", sort=cols, title=None,
            axis=alt.Axis(
                orient="top", labelAngle=0, labelLimit=360, labelExpr="split(datum.label, ' · ')",
                labelPadding=26, labelLineHeight=20,
            ),
        ),
        y=alt.Y("county:N", sort=rows, title=None, axis=alt.Axis(labelFontWeight=figures.bold_labels(focused))
                if focused else alt.Axis()),
        tooltip=[
            alt.Tooltip("county:N", title=t("common.county")),
            alt.Tooltip("column_name:N", title=t("common.investment")),
            alt.Tooltip("text:N", title=t("progress.col_progress")),
        ],
    )
    valued = base.transform_filter("datum.percent != null").mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "percent:Q", title=t("progress.legend"),
            scale=alt.Scale(scheme=charts.SEQUENTIAL, domain=[0, 100]),
            legend=alt.Legend(format=".0f", orient="right", gradientLength=240),
        )
    )
    empty = base.transform_filter("datum.percent == null").mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.value(MISSING_FILL)
    )
    text = base.mark_text(fontWeight="bold", fontSize=17).encode(
        text="text:N",
        color=alt.condition("datum.percent != null && datum.percent >= 60", alt.value("white"), alt.value("#222222")),
    )
    layers = [empty, valued, text]
    frames = figures.row_frames(focused, "county", rows)
    if frames is not None:
        layers.append(frames)
    # the width is for the PNG and the slides (the page stretches the chart)
    return charts.spec(alt.layer(*layers).properties(height=height_per_row * len(rows) + 50, width=1000))


def lights_chart(grid: pd.DataFrame, counties: list[str], focused: tuple[str, ...]) -> dict:
    """Traffic lights: a county x dimension grid, each cell with its status in words and colour."""
    tooltip = [
        alt.Tooltip("county:N", title=t("common.county")),
        alt.Tooltip("dim_name:N", title=t("progress.col_dimension")),
        alt.Tooltip("text:N", title=t("progress.col_status")),
    ]
    return figures.cell_grid(grid, "dim_name", "county", "text", [t(f"progress.dim.{d}") for d in DIMENSIONS],
                             counties, tooltip, focused, row_height=40, font_size=14)


# --- what each section shows (the page's queries and pandas work; run inside progress_view) ---------------


def pillar4_heatmap(period: str, investments: tuple[str, ...], yta: str, regions: tuple[str, ...], order: str,
                    focus: tuple[str, ...]) -> dict | None:
    """Pillar 4 progress % per county x investment (``queries/progress/matrix.sql``): the heatmap, the same
    figures as a table with the computed mean, the county order (the traffic lights follow it) and what is
    missing. None when the filters leave no rows."""
    m = ui.q("progress/matrix", pillar=4, period=period, investments=list(investments), yta=yta, regions=list(regions))
    if m.empty:
        return None
    m["county"] = county_label(m)
    labels = {c: ui.investment_label(c) for c in m["investment_code"].unique()}
    inv_codes = list(dict.fromkeys(m["investment_code"]))
    wide = m.pivot_table(index=["county", "region_code"], columns="investment_code", values="percent", aggfunc="first")
    wide = wide.reindex(columns=inv_codes).reset_index()
    wide["yta"] = wide["region_code"].map(m.drop_duplicates("region_code").set_index("region_code")["yta"])
    wide["mean"] = wide[inv_codes].mean(axis=1, skipna=True)
    rows = county_order(wide, order)

    long = m.assign(
        column=m["investment_code"].map(labels),
        column_name=m["investment_code"].map(labels),
        text=m["percent"].map(lambda v: "–" if fmt.is_missing(v) else ui.fmt_pct0(v)),
    )
    cols = [labels[c] for c in inv_codes]
    chart = heatmap(long[["region_code", "county", "column", "column_name", "percent", "text"]], rows, cols,
                    focused_names(m, focus))

    missing = []  # investments without any figure of the period, then single cells without one
    have = [c for c in inv_codes if m.loc[m["investment_code"] == c, "percent"].notna().any()]
    lacking = [c for c in inv_codes if c not in have]
    if lacking:
        missing.append(t(
            "progress.missing_investments",
            period=fmt.period(period),
            have=", ".join(labels[c] for c in have) if have else t("common.no_data"),
            lacking=", ".join(labels[c] for c in lacking),
        ))
    partial = m[m["percent"].isna() & m["investment_code"].isin(have)]
    if not partial.empty:
        missing.append(t(
            "progress.missing_cells",
            cells="; ".join(f"{c} ({i})" for c, i in zip(partial["county"], partial["investment_code"], strict=True)),
        ))

    table = pd.DataFrame({t("common.county"): wide["county"], t("common.yta"): wide["yta"].fillna("–")})
    for c in inv_codes:
        table[labels[c]] = wide[c]
    table[t("progress.col_mean")] = wide["mean"]
    table = table.set_index(t("common.county")).loc[rows].reset_index()
    return {
        "rows": rows, "chart": chart, "source": source_of(m), "missing": missing,
        "notes": [n for n in dict.fromkeys(m["note"].dropna()) if n],
        "table": ui.prepare_table(table, {c: ui.fmt_pct0 for c in [*cols, t("progress.col_mean")]}),
        "refs": distinct_refs(m["source_ref"]),
    }


def national_actors(investments: tuple[str, ...]) -> dict | None:
    """The national actors' progress (``queries/progress/actors.sql``) as a table; None when there are none."""
    actors = ui.q("progress/actors", investments=list(investments))
    if actors.empty:
        return None
    table = pd.DataFrame(
        {
            t("progress.col_actor"): actors["actor"],
            t("common.investment"): actors["investment_code"].map(ui.investment_label),
            t("progress.col_period_printed"): actors["period"].map(fmt.period),
            t("progress.col_progress"): actors["percent"],
            t("progress.col_note"): actors["note"],
        }
    )
    return {"table": ui.prepare_table(table, {t("progress.col_progress"): ui.fmt_pct0}),
            "source": ui.describe_source(actors["source_ref"].iloc[0]), "refs": distinct_refs(actors["source_ref"])}


def pillar3_matrix(period: str, yta: str, regions: tuple[str, ...], order: str, focus: tuple[str, ...]) -> dict:
    """Pillar 3 programmes x counties (``queries/progress/pillar3_matrix.sql``) of the chosen period, else of the
    latest period that has them (``period``: None when there is none): the heatmap and the same cells as a
    table ("ei mukana" where a county is not in the programme). ``chart`` is None when the filters leave no rows."""
    p3_periods = list(ui.q("progress/pillar3_periods")["period"])
    p3_period = (period if period in p3_periods else p3_periods[-1]) if p3_periods else None
    if p3_period is None:
        return {"period": None}
    p3 = ui.q("progress/pillar3_matrix", period=p3_period, yta=yta, regions=list(regions))
    if p3.empty:
        return {"period": p3_period, "chart": None}
    p3["county"] = county_label(p3)
    p3_labels = {c: ui.investment_label(c) for c in p3["investment_code"].unique()}
    p3_codes = list(dict.fromkeys(p3["investment_code"]))
    p3["cell"] = [
        ui.fmt_pct0(v) if part else t("progress.not_in_programme")
        for v, part in zip(p3["percent"], p3["participates"], strict=True)
    ]
    p3_long = p3.assign(
        column=p3["investment_code"].map(p3_labels),
        column_name=p3["investment_code"].map(p3_labels),
        text=p3["cell"],
    )
    p3_wide = p3.pivot_table(index="county", columns="investment_code", values="percent", aggfunc="first")
    p3_wide = p3_wide.reindex(index=list(dict.fromkeys(p3["county"])), columns=p3_codes).reset_index()
    p3_wide["mean"] = p3_wide[p3_codes].mean(axis=1, skipna=True)
    p3_wide["yta"] = p3_wide["county"].map(p3.drop_duplicates("county").set_index("county")["yta"])
    p3_rows = county_order(p3_wide, order)
    chart = heatmap(
        p3_long[["region_code", "county", "column", "column_name", "percent", "text"]],
        p3_rows, [p3_labels[c] for c in p3_codes], focused_names(p3, focus),
    )
    cells = p3.pivot_table(index="county", columns="investment_code", values="cell", aggfunc="first")
    p3_table = pd.DataFrame({t("common.county"): p3_wide["county"], t("common.yta"): p3_wide["yta"].fillna("–")})
    for c in p3_codes:
        p3_table[p3_labels[c]] = list(cells.loc[p3_wide["county"], c])
    p3_table = p3_table.set_index(t("common.county")).loc[p3_rows].reset_index()
    return {"period": p3_period, "chart": chart, "n": len(p3_rows), "table": ui.prepare_table(p3_table),
            "source": source_of(p3),
            "refs": distinct_refs(p3["source_ref"])}


def status_text(s: str) -> str:
    return t(f"progress.status.{s}")


def traffic_lights(period: str, yta: str, regions: tuple[str, ...], investments: tuple[str, ...],
                   row_order: list[str], focus: tuple[str, ...]) -> dict:
    """Traffic lights of the period (``queries/progress/status_lights.sql``): per investment a county x dimension
    grid (chart and table; counties in the heatmap's order). Without any: the other periods that have them."""
    lights = ui.q("progress/status_lights", period=period, yta=yta, regions=list(regions), investments=list(investments))
    if lights.empty:
        return {"grids": [], "elsewhere": [p for p in ui.q("progress/status_light_periods")["period"] if p != period]}
    lights["county"] = county_label(lights)
    dim_names = [t(f"progress.dim.{d}") for d in DIMENSIONS]
    grids = []
    for inv, part in lights.groupby("investment_code", sort=True):
        present = set(part["county"])
        counties = [c for c in row_order if c in present] + sorted(present - set(row_order))
        grid = pd.MultiIndex.from_product([counties, DIMENSIONS], names=["county", "dimension"]).to_frame(index=False)
        grid = grid.merge(part[["county", "dimension", "status"]], on=["county", "dimension"], how="left")
        grid["dim_name"] = grid["dimension"].map(lambda d: t(f"progress.dim.{d}"))
        grid["text"] = grid["status"].map(lambda s: "–" if fmt.is_missing(s) else status_text(s))
        grid["fill"] = grid["status"].map(lambda s: STATUS_STYLE.get(s, (MISSING_FILL, "#222222"))[0])
        grid["ink"] = grid["status"].map(lambda s: STATUS_STYLE.get(s, (MISSING_FILL, "#222222"))[1])
        table = grid.pivot_table(index="county", columns="dim_name", values="text", aggfunc="first")
        table = table.reindex(index=counties, columns=dim_names).rename_axis(None, axis=1).reset_index()
        grids.append({
            "investment": inv,
            "label": ui.investment_label(inv),
            "chart": lights_chart(grid[["county", "dim_name", "text", "fill", "ink"]], counties,
                                  focused_names(part, focus)),
            "table": ui.prepare_table(table.rename(columns={"county": t("common.county")})),
            "source": ui.describe_source(part["source_ref"].iloc[0]),
            "refs": distinct_refs(part["source_ref"]),
        })
    return {"grids": grids}


@ui.cache_data(show_spinner=False, max_entries=200)
def progress_view(version: tuple[str, int], lang: str, period: str, investments: tuple[str, ...], yta: str,
                  regions: tuple[str, ...], order: str, focus: tuple[str, ...]) -> dict:
    """Every section's figures for these filters, built once per database version, language and filters (a rerun
    pays one cache lookup for the whole page)."""
    heatmap = pillar4_heatmap(period, investments, yta, regions, order, focus)
    return {
        "heatmap": heatmap,
        "actors": national_actors(investments),
        "pillar3": pillar3_matrix(period, yta, regions, order, focus),
        "lights": traffic_lights(period, yta, regions, investments, heatmap["rows"] if heatmap else [], focus),
    }


sections = progress_view(version, lang, period, investments, yta, chosen, order, focus)

# --- pillar 4: county x investment heatmap ------------------------------------------------------------------
heat = sections["heatmap"]
heat_title = t("progress.heatmap_title", period=period_text)
if ui.section(heat_title):
    if heat is None:
        st.info(t("progress.no_rows"))
    else:
        ui.chart(heat["chart"], name=f"edistyminen-{period}", title=heat_title, source=heat["source"])
        st.caption(t("progress.cell_legend"))
        for text in heat["missing"]:
            st.info(text)
        for n in heat["notes"]:
            st.caption(f"{t('progress.source_note')}: {n}")
        ui.table(
            heat["table"],
            name=f"edistyminen-taulukko-{period}",
            title=heat_title,
            source=heat["source"],
            sortable=False,
        )
        st.caption(t("progress.mean_note"))
        ui.source_caption(heat["refs"])

# --- national actors (competence centre) ------------------------------------------------------------------------
if ui.section(t("progress.actors_title")):
    actors = sections["actors"]
    if actors is None:
        st.info(t("progress.no_actors"))
    else:
        ui.table(
            actors["table"],
            name="edistyminen-kansalliset-toimijat",
            title=t("progress.actors_title"),
            source=actors["source"],
            sortable=False,
        )
        st.caption(t("progress.actors_note"))
        ui.source_caption(actors["refs"])

# --- pillar 3: programme x county ------------------------------------------------------------------------------
p3 = sections["pillar3"]
p3_period = p3["period"]
p3_title = t("progress.p3_title", period=fmt.period(p3_period) if p3_period else period_text)
if ui.section(p3_title):
    if p3_period is None:
        st.info(t("progress.p3_none"))
    else:
        if p3_period != period:
            st.info(t("progress.p3_other_period", period=period_text, shown=fmt.period(p3_period)))
        if p3["chart"] is None:
            st.info(t("progress.p3_filtered_out"))
        else:
            ui.chart(p3["chart"], name=f"edistyminen-pilari-3-{p3_period}", title=p3_title, source=p3["source"])
            st.caption(t("progress.p3_legend", n=p3["n"]))
            ui.folded_table(
                t("progress.as_table"),
                p3["table"],
                name=f"edistyminen-pilari-3-taulukko-{p3_period}",
                title=p3_title,
                source=p3["source"],
                sortable=False,
            )
            ui.source_caption(p3["refs"])

# --- traffic lights -------------------------------------------------------------------------------------------
lights_title = t("progress.lights_title", period=period_text)
if ui.section(lights_title):
    lights = sections["lights"]
    if not lights["grids"]:
        st.info(t("progress.lights_empty"))
        if lights["elsewhere"]:
            st.caption(t("progress.lights_elsewhere", periods=", ".join(fmt.period(p) for p in lights["elsewhere"])))
    else:
        for grid in lights["grids"]:
            st.markdown(f"**{grid['label']}**")
            ui.chart(grid["chart"], name=f"liikennevalot-{grid['investment']}-{period}",
                     title=f"{lights_title} — {grid['label']}", source=grid["source"])
            ui.folded_table(
                t("progress.as_table"), grid["table"], name=f"liikennevalot-taulukko-{grid['investment']}-{period}",
                title=grid["label"], source=grid["source"], sortable=False,
            )
            ui.source_caption(grid["refs"])
        st.caption(
            t("progress.lights_legend") + " " + " · ".join(status_text(s) for s in STATUS_STYLE) + ". "
            + t("progress.lights_missing")
        )
