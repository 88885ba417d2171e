"""Ohjelma yhdellä silmäyksellä: one card per EU indicator / investment target (baseline -> latest -> target,
what the documents say about reaching it, a small trend), tiles to every page carrying the current filters,
and how fresh the data are."""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, ui

t = ui.t
filters = ui.sidebar_filters(yta=True)
ui.page_header("page.home", t("home.intro"))
lang = ui.lang()

info = ui.q("home/freshness").iloc[0]

# --- freshness texts (a one-line summary on top, details at the bottom) -----------------------------------------
built = info["built_local"]
if fmt.is_missing(built):
    built_text = t("common.no_data")
else:
    built_text = t("home.datetime", date=fmt.date(built, lang), time=built.strftime("%H:%M" if lang == "en" else "%H.%M"))
newest_text = fmt.date(info["newest_published"], lang)
sotkanet_status = info["sotkanet"] if isinstance(info["sotkanet"], str) else ""
sotkanet_kind = sotkanet_status.replace(" ", "_") if sotkanet_status in ("not requested", "unavailable") else (
    "loaded" if sotkanet_status else ""
)
sotkanet_text = t("home.sotkanet." + sotkanet_kind) if sotkanet_kind else t("common.no_data")
st.caption(t("home.asof", built=built_text, newest=newest_text, sotkanet=sotkanet_text.lower()))

STATUS = {  # achieved -> (text key, badge colour, icon); the text always carries the meaning, colour only helps
    "yes": ("common.achieved", "green", ":material/check_circle:"),
    "no": ("common.not_achieved", "red", ":material/cancel:"),
    "partly": ("common.partly", "orange", ":material/timelapse:"),
    "unknown": ("common.unknown", "gray", ":material/help:"),
}


def value_text(x, unit: str) -> str:
    return fmt.value(x, unit, lang)


@ui.cache_data(show_spinner=False, max_entries=200)
def sparkline_spec(lang: str, pts: pd.DataFrame, target: float | None) -> dict:
    """A small whole-country trend (periods placed at their midpoint) with the target as a dashed line.
    ``pts``: mid_date, value, label (period), shown (value as text)."""
    values = list(pts["value"]) + ([target] if target is not None else [])
    pad = max(1.0, (max(values) - min(values)) * 0.15)
    scale = alt.Scale(domain=[min(values) - pad, max(values) + pad], zero=False)
    base = alt.Chart(pts).encode(
        x=alt.X("mid_date:T", axis=None),
        y=alt.Y("value:Q", axis=None, scale=scale),
        tooltip=[alt.Tooltip("label:N", title=t("common.period")), alt.Tooltip("shown:N", title=t("common.value"))],
    )
    layers = [base.mark_line(strokeWidth=3, color=charts.PRIMARY), base.mark_point(filled=True, size=70, color=charts.PRIMARY)]
    if target is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"v": [target]})).mark_rule(color=charts.TARGET, strokeWidth=2, strokeDash=[6, 4]).encode(
                y=alt.Y("v:Q", scale=scale)
            )
        )
    return charts.spec(alt.layer(*layers), height=80)


def sparkline(points: pd.DataFrame, target: float | None) -> None:
    pts = points[["mid_date", "value"]].assign(
        label=points["period"].map(fmt.period), shown=points["value"].map(ui.fmt_num)
    )
    target = None if target is None or fmt.is_missing(target) else float(target)
    st.vega_lite_chart(sparkline_spec(lang, pts, target), width="stretch")


def badge(label: str, colour: str, icon: str) -> str:
    """A badge as Markdown (what ``st.badge`` sends), so heading, badge and quote are one element."""
    escaped = label.replace("[", "\\[").replace("]", "\\]")
    return f":{colour}-badge[{icon} {escaped}]"


def card(row: pd.Series, statements: pd.DataFrame, trend: pd.DataFrame) -> None:
    code, unit = row["indicator_code"], row["unit"]
    with st.container(border=True):
        st.markdown(f"#### {t('home.card.' + row['investment_code'])}\n\n{row['name_fi']}")
        base_label = t("home.baseline_label", period=fmt.period(row["baseline_period"])) if isinstance(
            row["baseline_period"], str
        ) else t("common.baseline")
        latest_label = t("home.latest_label", period=fmt.period(row["latest_period"])) if isinstance(
            row["latest_period"], str
        ) else t("common.latest")
        ui.metric_row([
            (base_label, value_text(row["baseline"], unit)),
            (latest_label, value_text(row["latest_value"], unit)),
            (t("home.target_label", period=fmt.period(row["target_period"])), value_text(row["target"], unit)),
        ])
        notes = []
        if fmt.is_missing(row["baseline"]):
            notes.append(t("home.no_baseline"))
        if fmt.is_missing(row["latest_value"]):
            notes.append(t("home.no_latest"))
        if not fmt.is_missing(row["interim_target"]):
            notes.append(
                t("home.interim", value=value_text(row["interim_target"], unit), period=fmt.period(row["interim_target_period"]))
            )
        if notes:
            st.caption(" ".join(notes))

        # --- reached? only as the documents say it -----------------------------------------------------
        heading = f"**{t('home.status_heading')}**"
        mine = statements[statements["indicator_code"] == code]
        refs = [row["source_ref"], row["latest_source_ref"]]
        if mine.empty:
            st.markdown(f"{heading}\n\n{badge(t('common.no_data'), 'gray', ':material/help:')}")
            st.caption(t("home.no_statement"))
        else:
            latest = mine.iloc[0]
            key, colour, icon = STATUS.get(latest["achieved"], STATUS["unknown"])
            label = t(key)
            if isinstance(latest["achieved_period"], str):
                label += f" ({fmt.period(latest['achieved_period'])})"
            quote = f"> “{latest['statement_fi']}”  \n> — {t('home.statement_of', period=fmt.period(latest['statement_period']))}"
            st.markdown(f"{heading}\n\n{badge(label, colour, icon)}\n\n{quote}")
            earlier = mine.iloc[1:]
            if not earlier.empty:
                with st.expander(t("home.earlier_statements", n=len(earlier))):
                    for _, s in earlier.iterrows():
                        k, _c, _i = STATUS.get(s["achieved"], STATUS["unknown"])
                        when = f" ({fmt.period(s['achieved_period'])})" if isinstance(s["achieved_period"], str) else ""
                        st.markdown(
                            f"**{t(k)}{when}** — “{s['statement_fi']}” "
                            f"({t('home.statement_of', period=fmt.period(s['statement_period']))})"
                        )
            refs += list(mine["source_ref"])

        # --- small trend -------------------------------------------------------------------------------
        points = trend[trend["indicator_code"] == code]
        trend_note = None
        if len(points) >= 2:
            sparkline(points, row["target"])
            text = " → ".join(f"{fmt.period(p)} {value_text(v, unit)}" for p, v in zip(points["period"], points["value"], strict=True))
            trend_note = t("home.trend_caption", points=text)
            refs += list(points["source_ref"])
        ui.source_caption(refs, notes=[trend_note])


TILES = [
    ("pages/edistyminen.py", "page.progress", ":material/grid_on:", "home.tile.progress"),
    ("pages/pilari3.py", "page.p3", ":material/work:", "home.tile.p3"),
    ("pages/inv1_hoitoon_paasy.py", "page.inv1", ":material/schedule:", "home.tile.inv1"),
    ("pages/inv2_hyte.py", "page.inv2", ":material/diversity_3:", "home.tile.inv2"),
    ("pages/inv3_tietopohja.py", "page.inv3", ":material/query_stats:", "home.tile.inv3"),
    ("pages/inv4_digi.py", "page.inv4", ":material/devices:", "home.tile.inv4"),
    ("pages/alueet.py", "page.regions", ":material/map:", "home.tile.regions"),
    ("pages/hankesuunnitelmat.py", "page.plans", ":material/description:", "home.tile.plans"),
    ("pages/tietolahteet.py", "page.sources", ":material/info:", "home.tile.sources"),
]

# --- one card per EU target ---------------------------------------------------------------------------------
@ui.replayed()
def target_cards() -> None:
    targets, trend, statements = ui.q("home/targets"), ui.q("home/trend"), ui.q("home/achievements")
    for start in range(0, len(targets), 2):  # two cards a row: labels and values stay whole at 1920 px when shared
        cols = st.columns(2)
        for col, (_, row) in zip(cols, targets.iloc[start : start + 2].iterrows(), strict=False):
            with col:
                card(row, statements, trend)


if ui.section(t("home.targets_title")):
    target_cards()

# --- tiles to every page (carry the current filters so a deep link survives the switch) ------------------------
@ui.replayed()
def page_tiles(carry: tuple[tuple[str, str], ...]) -> None:
    for start in range(0, len(TILES), 3):
        cols = st.columns(3)
        for col, (path, title, icon, desc) in zip(cols, TILES[start : start + 3], strict=False):
            with col, st.container(border=True):
                st.page_link(path, label=t(title), icon=icon, query_params=dict(carry) or None, width="stretch")
                st.caption(t(desc))


if ui.section(t("home.pages_title")):
    if filters.yta:
        st.info(t("home.yta_note", yta=filters.yta), icon=":material/filter_alt:")
    carry = filters.query_params()
    raw_regions = st.query_params.get("alueet", "")
    if raw_regions:
        areas = ui.project_areas()
        allowed = set(areas[areas["yta"] == filters.yta]["region_code"] if filters.yta else areas["region_code"])
        kept = [c for c in raw_regions.split(",") if c in allowed]
        if kept:
            carry["alueet"] = ",".join(kept)
    if lang != "fi":
        carry["lang"] = lang
    page_tiles(tuple(sorted(carry.items())))

# --- freshness ------------------------------------------------------------------------------------------------
@ui.replayed()
def freshness() -> None:
    c1, c2, c3 = st.columns(3)
    with c1:
        st.metric(t("home.newest_doc"), newest_text)
        if isinstance(info["newest_title"], str):
            st.caption(t("home.newest_doc_caption", publisher=info["newest_publisher"], title=info["newest_title"]))
        if info["undated_documents"]:
            st.caption(t("home.undated_caption", n=int(info["undated_documents"]), period=fmt.period(info["newest_progress_period"])))
    with c2:
        st.metric(t("home.built"), built_text)
        if not fmt.is_missing(built):
            st.caption(t("home.built_caption", digest=info["sources_digest"]))
    with c3:
        st.metric(t("home.sotkanet"), sotkanet_text)
        if sotkanet_kind in ("not_requested", "unavailable"):
            st.caption(t("home.sotkanet_caption." + sotkanet_kind))
        elif sotkanet_kind == "loaded":
            st.caption(sotkanet_status)


if ui.section(t("home.freshness_title")):
    freshness()
