"""Investointi 4 — Digitaalinen asiointi: Sotkanet 5548 by county, the 35 % target, tile map, national trend,
digital innovations and what the counties reported.

Reruns stay cheap: the parts that only draw are ``ui.replayed``; every section's table (its cell text formatted once,
by ``ui.prepare_table``) and chart spec comes from one cached builder (keyed on the database version, language
and filters), so a rerun pays one cache lookup, not pandas."""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, ui
from rrp_data.tilemap import TILES

t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.inv4", t("inv4.intro"))

lang = ui.lang()
version = ui.db_version()  # the builders below query the database: a rebuilt file gives new entries
selected = tuple(filters.region_codes()) if (filters.yta or filters.regions) else ()
focus = ui.focus_regions(filters)
SOURCE_5548 = "Sotkanet ind. 5548 (THL 29.2.2024, Investoinnin 4 tilanne)"


def national_values() -> pd.Series:
    """Whole-country values of 5548 by period ('2020', '2022', '2024')."""
    return ui.q("inv4/national_trend").set_index("period")["value"]


def county_rows(selected: tuple[str, ...]) -> pd.DataFrame:
    """inv4/digital_share_by_county with the county's name in the UI language and the gap to 35 % (0 when the
    county is past it; missing when the county has no 2022 value)."""
    table = ui.q("inv4/digital_share_by_county", regions=list(selected))
    return table.assign(
        county=table["short_name_fi"] if ui.lang() != "sv" else table["name_sv"],
        gap=table["gap_to_target"].where(table["gap_to_target"] > 0, 0.0).where(table["v2022"].notna()),
    )


# --- what each section shows (run by the cached builder ``digital_view`` below) -------------------------------


def county_table(selected: tuple[str, ...]) -> tuple[ui.PreparedTable, str, tuple, tuple]:
    """The county table as shown, its source line, the counties without a 2022 value and the source refs."""
    shown = county_rows(selected)
    display = pd.DataFrame(
        {
            t("common.county"): shown["county"],
            t("common.yta"): shown["yta"].fillna("–"),
            "2020": shown["v2020"],
            "2022": shown["v2022"],
            t("inv4.col_change"): shown["change_points"],
            t("inv4.col_gap"): shown["gap"],
            t("common.rank"): shown["rank_2022"],
        }
    )
    refs = shown["source_ref"]
    source = ui.describe_source(refs.dropna().iloc[0]) if refs.notna().any() else ""
    missing = tuple(shown[shown["v2022"].isna()]["county"])
    formats = {
        "2020": ui.fmt_pct,
        "2022": ui.fmt_pct,
        t("inv4.col_change"): ui.fmt_points,
        t("inv4.col_gap"): ui.fmt_points,
        t("common.rank"): lambda x: fmt.integer(x) if not fmt.is_missing(x) else "–",
    }
    return ui.prepare_table(display, formats), source, missing, tuple(refs)


def bar_chart(selected: tuple[str, ...], focus: frozenset) -> dict:
    """Counties' 2022 share as bars, with the 35 % target and the national 2022 value as rules."""
    target_value = float(ui.q("inv4/target").iloc[0]["target"])
    nat = national_values()
    national = float(nat["2022"]) if "2022" in nat else None
    shown = county_rows(selected)
    bars_df = shown[shown["v2022"].notna()].assign(label=lambda d: d["v2022"].map(ui.fmt_pct))
    bars_df = bars_df[["region_code", "county", "v2020", "v2022", "label"]]
    base = alt.Chart(bars_df).encode(
        y=alt.Y("county:N", sort="-x", title=None),
        x=alt.X("v2022:Q", title=t("inv4.axis_share"), scale=alt.Scale(domain=[0, 60])),
        tooltip=[
            alt.Tooltip("county:N", title=t("common.county")),
            alt.Tooltip("v2022:Q", title="2022", format=".1f"),
            alt.Tooltip("v2020:Q", title="2020", format=".1f"),
        ],
    )
    layers = [
        base.mark_bar().encode(color=charts.highlight(focus)),
        base.mark_text(align="left", dx=4).encode(text="label:N"),
        charts.rule(target_value, f"{t('common.target')} {ui.fmt_pct0(target_value)}", charts.TARGET, side="left"),
    ]
    if national is not None:
        layers.append(charts.rule(national, f"{t('common.national')} {ui.fmt_pct(national)}", charts.NATIONAL, dash=(2, 2)))
    return charts.spec(alt.layer(*layers).properties(height=max(260, 28 * len(bars_df))))


def tile_map(selected: tuple[str, ...], focus: frozenset) -> dict:
    """Counties as tiles on a grid shaped like Finland, coloured by the 2022 share."""
    table = ui.q("inv4/digital_share_by_county", regions=list(selected))
    tiles = pd.DataFrame([{"region_code": k, "col": c, "row": r} for k, (c, r) in TILES.items()])
    tiles = tiles.merge(table[["region_code", "v2022"]], on="region_code", how="left")
    tiles["name"] = tiles["region_code"].map(lambda code: ui.region_name(code))
    tiles["in_view"] = tiles["region_code"].isin(table["region_code"])
    # counties outside the filtered view are drawn grey with their name only: "ei tietoa" would claim the
    # sources have no value for them
    tiles["label"] = [
        (ui.fmt_pct(v) if not fmt.is_missing(v) else t("common.no_data")) if in_view else ""
        for v, in_view in zip(tiles["v2022"], tiles["in_view"], strict=True)
    ]
    tile_base = alt.Chart(tiles).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        tooltip=[alt.Tooltip("name:N", title=t("common.county")), alt.Tooltip("label:N", title="2022")],
    )
    squares = tile_base.mark_rect(stroke="white", strokeWidth=3).encode(
        color=alt.condition(
            "datum.v2022 != null && datum.in_view",
            alt.Color("v2022:Q", scale=alt.Scale(scheme=charts.SEQUENTIAL, domain=[10, 55]), title="%", legend=alt.Legend(format=".0f")),
            alt.value("#EEEEEE"),
        )
    )
    layers = [squares]
    if focus:  # the focused county framed in black: stands out without relying on colour
        framed = tiles[tiles["region_code"].isin(focus)]
        layers.append(alt.Chart(framed).mark_rect(fill=None, stroke="black", strokeWidth=6).encode(x="col:O", y="row:O"))
    text_colour = alt.condition("datum.v2022 > 38", alt.value("white"), alt.value("black"))
    layers.append(tile_base.mark_text(dy=-12, fontSize=13).encode(text="name:N", color=text_colour))
    layers.append(tile_base.mark_text(dy=10, fontSize=17, fontWeight="bold").encode(text="label:N", color=text_colour))
    return charts.spec(alt.layer(*layers).properties(width=5 * 150, height=8 * 80))


def trend_chart() -> tuple[dict, tuple]:
    """The national share over time with the target and the baseline as rules; and its source refs."""
    target = ui.q("inv4/target").iloc[0]
    national = ui.q("inv4/national_trend")
    trend = national.assign(year=national["period"].astype(int), label=national["value"].map(ui.fmt_pct))
    trend = trend[["year", "value", "label"]]
    target_value, baseline = float(target["target"]), float(target["baseline"])
    line = alt.Chart(trend).mark_line(point=alt.OverlayMarkDef(size=120), strokeWidth=4, color=charts.PRIMARY).encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=t("inv4.axis_share"), scale=alt.Scale(domain=[0, 50])),
        tooltip=[alt.Tooltip("year:O", title=t("common.period")), alt.Tooltip("value:Q", title="%", format=".1f")],
    )
    pts = alt.Chart(trend).mark_text(dy=-18, fontWeight="bold").encode(x="year:O", y="value:Q", text="label:N")
    spec = charts.spec(
        alt.layer(
            line, pts,
            charts.rule(target_value, f"{t('common.target')} {ui.fmt_pct0(target_value)}", charts.TARGET, orient="y"),
            charts.rule(
                baseline, f"{t('common.baseline')} {ui.fmt_pct0(baseline)}", "#555555", orient="y", dash=(2, 2), side="below",
            ),
        ).properties(height=340)
    )
    return spec, tuple(national["source_ref"])


def innovations_table(selected: tuple[str, ...]) -> tuple[ui.PreparedTable, tuple]:
    """Digital innovations of the counties in view (and those of no county) with their user counts; source refs."""
    inno = ui.q("inv4/innovations", regions=list(selected))
    display = pd.DataFrame(
        {
            t("inv4.col_actor"): inno["actor"],
            t("inv4.col_innovation"): inno["innovation_fi"],
            t("inv4.col_users"): inno["user_count"],
            t("inv4.col_users_text"): inno["user_count_text"],
            t("inv4.col_basis"): inno["basis_fi"],
        }
    )
    return ui.prepare_table(display, {t("inv4.col_users"): ui.fmt_num}), tuple(inno["source_ref"])


@ui.cache_data(show_spinner=False, max_entries=200)
def digital_view(version: tuple, lang: str, selected: tuple[str, ...], focus: frozenset) -> dict:
    """Every section's table and chart spec for these filters, built once per database version, language and
    filters (the queries, pandas and Altair work; a rerun pays one cache lookup for the page)."""
    return {
        "county_table": county_table(selected),
        "bar_chart": bar_chart(selected, focus),
        "tile_map": tile_map(selected, focus),
        "trend_chart": trend_chart(),
        "innovations_table": innovations_table(selected),
    }


# --- parts that only draw: replayed on reruns ------------------------------------------------------------------------


@ui.replayed()
def key_figures() -> None:
    """Baseline, the national 2022 and 2024 values and the target."""
    target = ui.q("inv4/target").iloc[0]
    national = ui.q("inv4/national_trend")
    nat = national.set_index("period")["value"]
    ui.metric_row([
        (t("common.baseline") + f" {target['baseline_period']}", ui.fmt_pct(target["baseline"])),
        (t("inv4.national_2022"), ui.fmt_pct(nat.get("2022"))),
        (t("inv4.national_2024"), ui.fmt_pct(nat.get("2024"))),
        (t("common.target") + f" {fmt.period(target['target_period'])}", ui.fmt_pct(target["target"])),
    ])
    ui.source_caption([target["source_ref"], *national["source_ref"]])


@ui.replayed()
def county_notes(missing: tuple[str, ...], refs: tuple) -> None:
    """Under the county table: which counties the sources leave without a value, and the sources."""
    if missing:
        st.info(t("inv4.missing", names=", ".join(missing)))
    ui.source_caption(refs)


view = digital_view(version, lang, selected, focus)

# --- key figures ------------------------------------------------------------------------------------
if ui.section(t("common.key_figures")):
    key_figures()

# --- county table -----------------------------------------------------------------------------------
if ui.section(t("inv4.table_title")):
    display, source, missing, refs = view["county_table"]
    ui.table(display, name="digitaalinen-asiointi-alueittain", title=t("inv4.table_title"), source=source)
    county_notes(missing, refs)

# --- bar chart with target and national rules ---------------------------------------------------------
if ui.section(t("inv4.chart_title")):
    ui.chart(view["bar_chart"], name="digitaalinen-asiointi-pylvaat",
             title=t("inv4.chart_title"), source=SOURCE_5548)

# --- tile-grid map --------------------------------------------------------------------------------------
if ui.section(t("inv4.map_title")):
    ui.chart(view["tile_map"], name="digitaalinen-asiointi-ruutukartta",
             title=t("inv4.map_title"), source=SOURCE_5548)
    st.caption(t("inv4.map_note"))

# --- national trend ---------------------------------------------------------------------------------------
if ui.section(t("inv4.trend_title")):
    spec, trend_refs = view["trend_chart"]
    ui.chart(spec, name="digitaalinen-asiointi-koko-maa", title=t("inv4.trend_title"),
             source="Sotkanet ind. 5548; THL 29.2.2024 ja RRP aamukahvit 6.6.2025")
    ui.source_caption(trend_refs)

# --- digital innovations -----------------------------------------------------------------------------------
if ui.section(t("inv4.innovations_title")):
    inno_display, inno_refs = view["innovations_table"]
    ui.table(inno_display, name="digitaaliset-innovaatiot", title=t("inv4.innovations_title"))
    ui.source_caption(inno_refs)  # also the innovations table's source line on its slide

ui.narratives("P4I4")
