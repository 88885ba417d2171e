"""Muutokset — what changed between two periods: progress % per county x investment between two reporting
periods, one indicator's values per county between two of its periods, targets newly reached, and traffic lights
that changed colour. Largest change first; a value missing in one period is "ei tietoa" and gets no change
(never 0). Periods come from the data, so a newly loaded reporting period is offered (and chosen) by default.

URL: ``kausi`` (the period looked at) and ``kausi2`` (the earlier period it is compared with); the indicator
``indikaattori`` with ``vuosi`` and ``vuosi2`` in the same roles. ``kausi`` is shared with the progress page,
so the period picked there is the one looked at here."""

from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, ui

t = ui.t
SEVERITY = {"on_track": 0, "watch": 1, "action_needed": 2}

# --- period pairs ------------------------------------------------------------------------------------------------


def _resolved(name: str, options: list[str]) -> str | None:
    """The valid value the address or the session holds for ``name`` (None: param_select would use its default)."""
    raw = st.query_params.get(name)
    if raw is not None:
        return raw if raw in options else None
    stored = st.session_state.get(f"_p_{name}")
    return stored if stored in options else None


def _forget(name: str) -> None:
    if name in st.query_params:
        del st.query_params[name]
    st.session_state.pop(f"_p_{name}", None)


def period_pair(
    to_name: str,
    from_name: str,
    options: list[str],
    default_to: str,
    default_from: Callable[[str], str],
    to_label: str,
    from_label: str,
) -> tuple[str | None, str | None]:
    """Two URL-backed selects: the period looked at (``to_name``) and the earlier period it is compared with
    (``from_name``, offered only among the periods before it). A link whose comparison period is not earlier
    gives a notice and falls back to the default; a value remembered from another page falls back silently.
    Returns (from, to); (None, None) with fewer than two periods."""
    if len(options) < 2:
        return None, None
    idx = {p: i for i, p in enumerate(options)}
    last_default = f"_changes_default_{from_name}"
    if from_name not in st.query_params and st.session_state.get(f"_p_{from_name}") == st.session_state.get(last_default):
        # never chosen by hand: the comparison period follows the period looked at (its default moves with it)
        st.session_state.pop(f"_p_{from_name}", None)
    to_now = _resolved(to_name, options)
    if to_now is not None and idx[to_now] == 0:
        if to_name in st.query_params:
            ui.notice(t("changes.no_earlier", period=fmt.period(to_now), name=to_name, value=to_now))
        _forget(to_name)
        to_now = None
    to_now = to_now or default_to
    from_now = _resolved(from_name, options)
    if from_now is not None and idx[from_now] >= idx[to_now]:
        if from_name in st.query_params:
            ui.notice(t("changes.bad_order", period=fmt.period(to_now), name=from_name, value=from_now))
        _forget(from_name)
    to = ui.param_select(to_name, options[1:], default_to, to_label, format_func=fmt.period)
    earlier = options[: idx[to]]
    st.session_state[last_default] = default_from(to)
    frm = ui.param_select(from_name, earlier, default_from(to), from_label, format_func=fmt.period)
    return frm, to


# --- formatting helpers ------------------------------------------------------------------------------------------


def pct_auto(x: object) -> str:
    """36 % / 62,5 %: as many decimals as the source gives (progress percentages are mostly whole numbers)."""
    return fmt.auto(x, ui.lang()) + ("%" if ui.lang() == "en" else "\u00a0%")


def signed(x: object) -> str:
    """A change in the indicator's own unit (non-percent indicators): +3 / −1,5."""
    if fmt.is_missing(x):
        return t("common.no_data")
    return ("+" if float(x) > 0 else "") + fmt.auto(x, ui.lang())


def area_name(code: str) -> str:
    return t("common.national") if code == "SSS" else ui.region_name(code)


def column_names(p_from: str, p_to: str) -> tuple[str, str]:
    """Column headings of the two periods; the period codes when their labels coincide (2023-Q4, 2023-10/2023-12)."""
    a, b = fmt.period(p_from), fmt.period(p_to)
    return (a, b) if a != b else (p_from, p_to)


def sources_text(*series: pd.Series) -> str:
    """Every distinct source behind a table or chart, described (for the XLSX and PNG downloads)."""
    refs = dict.fromkeys(r for s in series for r in s.dropna() if r)
    return " · ".join(ui.describe_source(r) for r in refs)


def source_notes(df: pd.DataFrame, pairs: list[tuple[str, str]]) -> None:
    """The sources' own remarks on the values shown (one caption per distinct note and period)."""
    for column, period in pairs:
        for note in dict.fromkeys(n for n in df[column].dropna() if n):
            st.caption(f"{t('changes.source_note')} ({fmt.period(period)}): {note}")


# --- chart builder: cached, so the Altair work runs once per distinct data, filters and language ---------------


@ui.cache_data(show_spinner=False, max_entries=200)
def change_chart(lang: str, bars: pd.DataFrame, focus: frozenset, x_title: str) -> dict:
    """Diverging bars of the change per row (largest first), value printed at the bar's end; the whole
    country's bar (``national``) in black, the focused counties highlighted."""
    order = list(bars["label"])
    tooltip = [
        alt.Tooltip("label:N", title=t("common.county")),
        alt.Tooltip("from_text:N", title=t("changes.filter_from")),
        alt.Tooltip("to_text:N", title=t("changes.filter_to")),
        alt.Tooltip("text:N", title=t("common.change")),
    ]
    base = alt.Chart(bars).encode(
        y=alt.Y("label:N", sort=order, title=None),
        x=alt.X("change:Q", title=x_title),
        tooltip=tooltip,
    )
    # A layer whose filter leaves no rows would be an empty, unlabelled SVG group (an accessibility
    # violation), so each layer is added only when it has rows.
    national = bars["national"].astype(bool)
    layers = []
    if (~national).any():
        layers.append(base.transform_filter("!datum.national").mark_bar().encode(color=charts.highlight(focus)))
    if national.any():
        layers.append(base.transform_filter("datum.national").mark_bar().encode(color=alt.value(charts.NATIONAL)))
    if (bars["change"] >= 0).any():
        layers.append(base.transform_filter("datum.change >= 0").mark_text(align="left", dx=4).encode(text="text:N"))
    if (bars["change"] < 0).any():
        layers.append(base.transform_filter("datum.change < 0").mark_text(align="right", dx=-4).encode(text="text:N"))
    layers.append(alt.Chart(pd.DataFrame({"v": [0]})).mark_rule(color="#555555", strokeWidth=2).encode(x="v:Q"))
    return charts.spec(alt.layer(*layers).properties(height=max(160, 30 * len(bars))))


# --- filters and periods (before the header, so their notices show under it) ------------------------------------

progress_periods = list(ui.q("changes/progress_periods")["period"])
investments = ui.q("changes/investments")
filters = ui.sidebar_filters(yta=True, regions=True, investments=list(investments["investment_code"]))
selected = filters.region_codes() if (filters.yta or filters.regions) else []
chosen_investments = [filters.investment] if filters.investment else []

kausi2, kausi = period_pair(
    "kausi", "kausi2", progress_periods,
    default_to=progress_periods[-1] if progress_periods else "",
    default_from=lambda to: progress_periods[progress_periods.index(to) - 1],
    to_label=t("changes.filter_to"), from_label=t("changes.filter_from"),
)

indicators = ui.q("changes/indicators", investments=chosen_investments)
ind_codes = list(indicators["indicator_code"])
ind_rows = {r["indicator_code"]: r for r in indicators.to_dict("records")}
indicator = None
if ind_codes:
    indicator = ui.param_select(
        "indikaattori", ind_codes, ind_codes[0], t("changes.filter_indicator"),
        format_func=lambda c: f"{ind_rows[c]['name_fi']} ({c})",
    )
if indicator and st.session_state.get("_changes_indicator") not in (None, indicator):
    for _name in ("vuosi", "vuosi2"):  # the periods chosen for another indicator mean nothing for this one
        _forget(_name)
st.session_state["_changes_indicator"] = indicator

ind_periods = ui.q("changes/indicator_periods", indicator=indicator or "")
ind_options = list(ind_periods["period"])
with_areas = [p for p, n in zip(ind_periods["period"], ind_periods["n_area_values"], strict=True) if n > 0]


def indicator_default_from(to: str) -> str:
    """The latest earlier period; when the period looked at has county values, the latest earlier one that has them."""
    earlier = ind_options[: ind_options.index(to)]
    if to in with_areas:
        candidates = [p for p in earlier if p in with_areas]
        if candidates:
            return candidates[-1]
    return earlier[-1]


vuosi2, vuosi = period_pair(
    "vuosi", "vuosi2", ind_options,
    default_to=with_areas[-1] if len(with_areas) >= 2 else (ind_options[-1] if ind_options else ""),
    default_from=indicator_default_from,
    to_label=t("changes.filter_year_to"), from_label=t("changes.filter_year_from"),
)

ui.page_header("page.changes", t("changes.intro"))
focus = ui.focus_regions(filters)

# --- 1. progress % per county x investment ------------------------------------------------------------------------
progress = pd.DataFrame()
if kausi and kausi2:
    progress = ui.q(
        "changes/progress_change", period_from=kausi2, period_to=kausi, investments=chosen_investments, regions=selected
    )
    start, end = fmt.period(kausi2), fmt.period(kausi)
    progress_title = t("changes.progress_title", start=start, end=end)
else:
    progress_title = t("changes.progress_title", start="–", end="–")

if ui.section(progress_title, caption=t("changes.progress_caption")):
    if not progress_periods:
        st.info(t("changes.no_progress"))
    elif not (kausi and kausi2):
        st.info(t("changes.one_period", period=fmt.period(progress_periods[0])))
    elif progress.empty:
        st.info(t("changes.progress_none", start=start, end=end))
    else:
        col_from, col_to = column_names(kausi2, kausi)
        table = pd.DataFrame(
            {
                t("common.county"): progress["region_code"].map(area_name),
                t("common.yta"): progress["yta"].fillna("–"),
                t("common.investment"): progress["investment_code"].map(ui.investment_label),
                col_from: progress["v_from"],
                col_to: progress["v_to"],
                t("common.change"): progress["change"],
            }
        )
        source = sources_text(progress["source_from"], progress["source_to"])
        ui.table(
            table,
            formats={col_from: pct_auto, col_to: pct_auto, t("common.change"): ui.fmt_points},
            name=f"muutokset-edistyminen-{kausi2}-{kausi}",
            title=progress_title,
            source=source,
        )
        both = int(progress["change"].notna().sum())
        st.caption(t("changes.progress_counts", n=len(progress), both=both))
        if both:
            bars = progress[progress["change"].notna()]
            bars = pd.DataFrame(
                {
                    "region_code": bars["region_code"],
                    "label": [f"{area_name(r)} · {i}" for r, i in zip(bars["region_code"], bars["investment_code"], strict=True)],
                    "change": bars["change"],
                    "text": bars["change"].map(ui.fmt_points),
                    "from_text": bars["v_from"].map(pct_auto),
                    "to_text": bars["v_to"].map(pct_auto),
                    "national": False,
                }
            )
            chart_title = t("changes.chart_progress_title", start=start, end=end)
            ui.chart(
                change_chart(ui.lang(), bars, focus, t("changes.axis_points")),
                name=f"muutokset-edistyminen-kuva-{kausi2}-{kausi}",
                title=chart_title,
                source=source,
            )
        else:
            st.info(t("changes.no_pairs"))
        source_notes(progress, [("note_from", kausi2), ("note_to", kausi)])
        ui.source_caption(pd.concat([progress["source_from"], progress["source_to"]]))

# --- 2. one indicator's values per county ---------------------------------------------------------------------------
ind = ind_rows.get(indicator) if indicator else None
values = pd.DataFrame()
if ind is not None and vuosi and vuosi2:
    values = ui.q("changes/indicator_change", indicator=indicator, period_from=vuosi2, period_to=vuosi, regions=selected)
    ind_start, ind_end = fmt.period(vuosi2), fmt.period(vuosi)
    indicator_title = t("changes.indicator_title", start=ind_start, end=ind_end)
else:
    indicator_title = t("changes.indicator_title", start="–", end="–")
is_percent = ind is not None and ind["unit"] == "percent"
value_fmt = ui.fmt_pct if is_percent else ui.fmt_num
change_fmt = ui.fmt_points if is_percent else signed

if ui.section(indicator_title):
    if ind is None:
        st.info(t("changes.no_indicators"))
    else:
        st.markdown(f"**{ind['name_fi']}** ({indicator})")
        st.caption(t("changes.indicator_defaults"))
        if values.empty:
            st.info(t("changes.indicator_no_rows", start=ind_start, end=ind_end))
        else:
            col_from, col_to = column_names(vuosi2, vuosi)
            table = pd.DataFrame(
                {
                    t("common.county"): values["region_code"].map(area_name),
                    t("common.yta"): values["yta"].fillna("–"),
                    col_from: values["v_from"],
                    col_to: values["v_to"],
                    t("common.change"): values["change"],
                }
            )
            source = sources_text(values["source_from"], values["source_to"])
            ui.table(
                table,
                formats={col_from: value_fmt, col_to: value_fmt, t("common.change"): change_fmt},
                name=f"muutokset-indikaattori-{indicator}-{vuosi2}-{vuosi}",
                title=f"{ind['name_fi']}: {indicator_title}",
                source=source,
            )
            bars = values[values["change"].notna()]
            if not bars.empty:
                bars = pd.DataFrame(
                    {
                        "region_code": bars["region_code"],
                        "label": bars["region_code"].map(area_name),
                        "change": bars["change"],
                        "text": bars["change"].map(change_fmt),
                        "from_text": bars["v_from"].map(value_fmt),
                        "to_text": bars["v_to"].map(value_fmt),
                        "national": bars["kind"] == "country",
                    }
                )
                ui.chart(
                    change_chart(ui.lang(), bars, focus, t("changes.axis_points") if is_percent else t("changes.axis_change")),
                    name=f"muutokset-indikaattori-kuva-{indicator}-{vuosi2}-{vuosi}",
                    title=f"{ind['name_fi']}: {t('changes.chart_indicator_title', start=ind_start, end=ind_end)}",
                    source=source,
                )
            else:
                st.info(t("changes.no_pairs"))
        if ind["n_area_values"] == 0:
            st.info(t("changes.national_only"))
        else:
            scope = filters.region_codes()
            without = [c for c in scope if c not in set(values.get("region_code", pd.Series(dtype=str)))]
            if without:
                st.info(t("changes.areas_without", names=", ".join(sorted(area_name(c) for c in without))))
        if not values.empty:
            source_notes(values, [("note_from", vuosi2), ("note_to", vuosi)])
            ui.source_caption(pd.concat([values["source_from"], values["source_to"]]))

# --- 3. targets newly reached ---------------------------------------------------------------------------------------
if ui.section(t("changes.targets_title")):
    if ind is not None and vuosi and vuosi2:
        st.markdown(f"**{t('changes.targets_indicator_heading', start=ind_start, end=ind_end)}** — {ind['name_fi']}")
        st.caption(t("changes.targets_caption", start=ind_start, end=ind_end))
        judged = ui.q("changes/targets_reached", indicator=indicator, period_from=vuosi2, period_to=vuosi, regions=selected)
        if judged.empty:
            st.info(t("changes.no_targets"))
        else:
            counts = judged["status"].value_counts()
            st.caption(
                t(
                    "changes.targets_counts", n=len(judged), newly=int(counts.get("newly", 0)),
                    still=int(counts.get("still", 0)), not_yet=int(counts.get("not_yet", 0)), lost=int(counts.get("lost", 0)),
                )
            )
            changed = judged[judged["status"].isin(["newly", "lost"])]
            changed = changed.assign(_o=changed["status"].map({"newly": 0, "lost": 1})).sort_values("_o", kind="stable")
            changed = changed.reset_index(drop=True)
            if changed.empty:
                st.info(t("changes.targets_none", start=ind_start, end=ind_end))
            else:
                col_from, col_to = column_names(vuosi2, vuosi)
                ui.table(
                    pd.DataFrame(
                        {
                            t("common.county"): changed["region_code"].map(area_name),
                            t("changes.col_target"): changed["target_kind"].map(lambda k: t(f"changes.target_kind.{k}")),
                            t("changes.col_target_level"): changed["target"],
                            t("common.deadline"): changed["target_period"].map(fmt.period),
                            col_from: changed["v_from"],
                            col_to: changed["v_to"],
                            t("changes.col_status"): changed["status"].map(lambda s: t(f"changes.target_status.{s}")),
                        }
                    ),
                    formats={t("changes.col_target_level"): value_fmt, col_from: value_fmt, col_to: value_fmt},
                    name=f"muutokset-tavoitteet-{indicator}-{vuosi2}-{vuosi}",
                    title=f"{ind['name_fi']}: {t('changes.targets_indicator_heading', start=ind_start, end=ind_end)}",
                    source=sources_text(changed["target_source"], changed["source_from"], changed["source_to"]),
                )
                ui.source_caption(pd.concat([changed["target_source"], changed["source_from"], changed["source_to"]]))
        statements = ui.q(
            "changes/achievement_statements", indicator=indicator, period_from=vuosi2, period_to=vuosi, regions=selected
        )
        if not statements.empty:
            st.markdown(f"**{t('changes.statements_heading', start=ind_start, end=ind_end)}**")
            st.markdown(
                "\n".join(
                    f"- {area_name(r['region_code'])} ({fmt.period(r['statement_period'])}): ”{r['statement_fi']}”"
                    for r in statements.to_dict("records")
                )
            )
            ui.source_caption(statements["source_ref"])
    else:
        st.info(t("changes.no_indicators"))

    if kausi and kausi2:
        st.markdown(f"**{t('changes.completed_heading', start=start, end=end)}**")
        done = progress[(progress["v_to"] >= 100) & (progress["v_from"] < 100)] if not progress.empty else progress
        if done.empty:
            st.info(t("changes.completed_none", start=start, end=end))
        else:
            col_from, col_to = column_names(kausi2, kausi)
            ui.table(
                pd.DataFrame(
                    {
                        t("common.county"): done["region_code"].map(area_name),
                        t("common.yta"): done["yta"].fillna("–"),
                        t("common.investment"): done["investment_code"].map(ui.investment_label),
                        col_from: done["v_from"],
                        col_to: done["v_to"],
                    }
                ),
                formats={col_from: pct_auto, col_to: pct_auto},
                name=f"muutokset-valmiit-{kausi2}-{kausi}",
                title=t("changes.completed_heading", start=start, end=end),
                source=sources_text(done["source_from"], done["source_to"]),
            )
            ui.source_caption(pd.concat([done["source_from"], done["source_to"]]))

# --- 4. traffic lights that changed colour ----------------------------------------------------------------------------
if ui.section(t("changes.lights_title")):
    light_periods = list(ui.q("changes/light_periods")["period"])
    if not light_periods:
        st.info(t("changes.lights_empty"))
    elif not (kausi and kausi2 and kausi in light_periods and kausi2 in light_periods):
        st.info(
            t(
                "changes.lights_missing_period", periods=", ".join(fmt.period(p) for p in light_periods),
                start=fmt.period(kausi2), end=fmt.period(kausi),
            )
        )
    else:
        lights = ui.q(
            "changes/light_changes", period_from=kausi2, period_to=kausi, investments=chosen_investments, regions=selected
        )
        if lights.empty:
            st.info(t("changes.lights_none_changed", start=start, end=end))
        else:
            st.caption(t("changes.lights_caption", start=start, end=end))

            def direction(step: object) -> str:
                if fmt.is_missing(step):
                    return t("changes.direction.other")
                return t("changes.direction.worse") if float(step) > 0 else t("changes.direction.better")

            col_from, col_to = column_names(kausi2, kausi)
            ui.table(
                pd.DataFrame(
                    {
                        t("common.county"): lights["region_code"].map(area_name),
                        t("common.yta"): lights["yta"].fillna("–"),
                        t("common.investment"): lights["investment_code"].map(ui.investment_label),
                        t("changes.col_dimension"): lights["dimension"].map(lambda d: t(f"changes.dim.{d}")),
                        col_from: lights["status_from"].map(lambda s: t(f"changes.status.{s}")),
                        col_to: lights["status_to"].map(lambda s: t(f"changes.status.{s}")),
                        t("changes.col_direction"): lights["step"].map(direction),
                    }
                ),
                name=f"muutokset-liikennevalot-{kausi2}-{kausi}",
                title=t("changes.lights_title"),
                source=sources_text(lights["source_from"], lights["source_to"]),
            )
            ui.source_caption(pd.concat([lights["source_from"], lights["source_to"]]))
