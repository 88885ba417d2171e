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


def source_notes(df: pd.DataFrame, pairs: list[tuple[str, str]]) -> list[str]:
    """The sources' own remarks on the values shown (one caption per distinct note and period)."""
    return [
        f"{t('changes.source_note')} ({fmt.period(period)}): {note}"
        for column, period in pairs
        for note in dict.fromkeys(n for n in df[column].dropna() if n)
    ]


def distinct_refs(*series: pd.Series) -> tuple[str, ...]:
    """The sources behind a part of the page, once each (for ``ui.source_caption``)."""
    return tuple(dict.fromkeys(r for s in series for r in s if isinstance(r, str) and r))


# --- chart spec (built inside the section builders below) ------------------------------------------------------


def change_chart(bars: pd.DataFrame, focus: tuple[str, ...], x_title: str) -> dict:
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
        layers.append(base.transform_filter("!datum.national").mark_bar().encode(color=charts.highlight(frozenset(focus))))
    if national.any():
        layers.append(base.transform_filter("datum.national").mark_bar().encode(color=alt.value(charts.NATIONAL)))
    if (bars["change"] >= 0).any():
        layers.append(base.transform_filter("datum.change >= 0").mark_text(align="left", dx=4).encode(text="text:N"))
    if (bars["change"] < 0).any():
        layers.append(base.transform_filter("datum.change < 0").mark_text(align="right", dx=-4).encode(text="text:N"))
    layers.append(alt.Chart(pd.DataFrame({"v": [0]})).mark_rule(color="#555555", strokeWidth=2).encode(x="v:Q"))
    return charts.spec(alt.layer(*layers).properties(height=max(160, 30 * len(bars))))


# --- filter choices (before the header, so their notices show under it) ------------------------------------------


@ui.cache_data(show_spinner=False, max_entries=20)
def filter_choices(version: tuple[str, int]) -> tuple[list[str], list[str]]:
    """The reporting periods with progress figures (oldest first) and the investments offered in the sidebar."""
    return list(ui.q("changes/progress_periods")["period"]), list(ui.q("changes/investments")["investment_code"])


@ui.cache_data(show_spinner=False, max_entries=50)
def indicator_choices(version: tuple[str, int], investments: tuple[str, ...]) -> dict[str, dict]:
    """The indicators with something to compare (``queries/changes/indicators.sql``), the default first."""
    indicators = ui.q("changes/indicators", investments=list(investments))
    return {r["indicator_code"]: r for r in indicators.to_dict("records")}


@ui.cache_data(show_spinner=False, max_entries=200)
def indicator_periods(version: tuple[str, int], indicator: str) -> tuple[list[str], list[str]]:
    """The indicator's periods (oldest first) and those of them that have county values."""
    ind_periods = ui.q("changes/indicator_periods", indicator=indicator)
    return list(ind_periods["period"]), [
        p for p, n in zip(ind_periods["period"], ind_periods["n_area_values"], strict=True) if n > 0
    ]


version = ui.db_version()
progress_periods, investment_codes = filter_choices(version)
filters = ui.sidebar_filters(yta=True, regions=True, investments=investment_codes)
chosen_investments = (filters.investment,) if filters.investment else ()

kausi2, kausi = period_pair(
    "kausi", "kausi2", progress_periods,
    default_to=progress_periods[-1] if progress_periods else "",
    default_from=lambda to: progress_periods[progress_periods.index(to) - 1],
    to_label=t("changes.filter_to"), from_label=t("changes.filter_from"),
)

ind_rows = indicator_choices(version, chosen_investments)
ind_codes = list(ind_rows)
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

ind_options, with_areas = indicator_periods(version, indicator or "")


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
focus = tuple(sorted(ui.focus_regions(filters)))  # counties highlighted in the charts

ind = ind_rows.get(indicator) if indicator else None
is_percent = ind is not None and ind["unit"] == "percent"

# --- what each section shows (the page's queries and pandas work; run inside changes_view) -----------------


def progress_change(kausi2: str, kausi: str, investments: tuple[str, ...], regions: list[str],
                    focus: tuple[str, ...]) -> dict:
    """Progress % per area x investment in the two periods and the change (``queries/changes/progress_change.sql``):
    the table, the bars of the rows with both values, the sources' notes, and the rows that reached 100 %."""
    progress = ui.q(
        "changes/progress_change", period_from=kausi2, period_to=kausi, investments=list(investments), regions=regions
    )
    if progress.empty:
        return {"empty": True}
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
    table = ui.prepare_table(table, {col_from: pct_auto, col_to: pct_auto, t("common.change"): ui.fmt_points})
    both = int(progress["change"].notna().sum())
    chart = None
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
        chart = change_chart(bars, focus, t("changes.axis_points"))

    done = progress[(progress["v_to"] >= 100) & (progress["v_from"] < 100)]  # reached 100 % in between
    completed = None
    if not done.empty:
        completed = {
            "table": ui.prepare_table(
                pd.DataFrame(
                    {
                        t("common.county"): done["region_code"].map(area_name),
                        t("common.yta"): done["yta"].fillna("–"),
                        t("common.investment"): done["investment_code"].map(ui.investment_label),
                        col_from: done["v_from"],
                        col_to: done["v_to"],
                    }
                ),
                {col_from: pct_auto, col_to: pct_auto},
            ),
            "source": sources_text(done["source_from"], done["source_to"]),
            "refs": distinct_refs(done["source_from"], done["source_to"]),
        }
    return {
        "empty": False, "table": table,
        "source": sources_text(progress["source_from"], progress["source_to"]),
        "n": len(progress), "both": both, "chart": chart,
        "notes": source_notes(progress, [("note_from", kausi2), ("note_to", kausi)]),
        "refs": distinct_refs(progress["source_from"], progress["source_to"]),
        "completed": completed,
    }


def indicator_change(indicator: str, vuosi2: str, vuosi: str, regions: list[str], scope: list[str],
                     is_percent: bool, focus: tuple[str, ...]) -> dict:
    """One indicator's values per area in the two periods and the change (``queries/changes/indicator_change.sql``):
    the table, the bars (the whole country in black) and the areas of ``scope`` the source has no values for."""
    values = ui.q("changes/indicator_change", indicator=indicator, period_from=vuosi2, period_to=vuosi, regions=regions)
    present = set(values.get("region_code", pd.Series(dtype=str)))
    out = {"empty": values.empty, "without": [c for c in scope if c not in present]}
    if values.empty:
        return out
    value_fmt = ui.fmt_pct if is_percent else ui.fmt_num
    change_fmt = ui.fmt_points if is_percent else signed
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
    out["table"] = ui.prepare_table(table, {col_from: value_fmt, col_to: value_fmt, t("common.change"): change_fmt})
    out["source"] = sources_text(values["source_from"], values["source_to"])
    bars = values[values["change"].notna()]
    out["chart"] = None
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
        out["chart"] = change_chart(bars, focus, t("changes.axis_points") if is_percent else t("changes.axis_change"))
    out["notes"] = source_notes(values, [("note_from", vuosi2), ("note_to", vuosi)])
    out["refs"] = distinct_refs(values["source_from"], values["source_to"])
    return out


def targets_reached(indicator: str, vuosi2: str, vuosi: str, regions: list[str], is_percent: bool) -> dict:
    """Targets of the indicator judged in both periods (``queries/changes/targets_reached.sql``): how many were
    newly reached, still reached, not yet and no longer; the newly reached and lost ones as a table; and the
    documents' own statements on reaching them (``queries/changes/achievement_statements.sql``)."""
    judged = ui.q("changes/targets_reached", indicator=indicator, period_from=vuosi2, period_to=vuosi, regions=regions)
    out: dict = {"judged": not judged.empty, "changed": None, "statements": None}
    if not judged.empty:
        counts = judged["status"].value_counts()
        out["counts"] = t(
            "changes.targets_counts", n=len(judged), newly=int(counts.get("newly", 0)),
            still=int(counts.get("still", 0)), not_yet=int(counts.get("not_yet", 0)), lost=int(counts.get("lost", 0)),
        )
        changed = judged[judged["status"].isin(["newly", "lost"])]
        changed = changed.assign(_o=changed["status"].map({"newly": 0, "lost": 1})).sort_values("_o", kind="stable")
        changed = changed.reset_index(drop=True)
        if not changed.empty:
            col_from, col_to = column_names(vuosi2, vuosi)
            value_fmt = ui.fmt_pct if is_percent else ui.fmt_num
            table = pd.DataFrame(
                {
                    t("common.county"): changed["region_code"].map(area_name),
                    t("changes.col_target"): changed["target_kind"].map(lambda k: t(f"changes.target_kind.{k}")),
                    t("changes.col_target_level"): changed["target"],
                    t("common.deadline"): changed["target_period"].map(fmt.period),
                    col_from: changed["v_from"],
                    col_to: changed["v_to"],
                    t("changes.col_status"): changed["status"].map(lambda s: t(f"changes.target_status.{s}")),
                }
            )
            out["changed"] = {
                "table": ui.prepare_table(
                    table, {t("changes.col_target_level"): value_fmt, col_from: value_fmt, col_to: value_fmt}
                ),
                "source": sources_text(changed["target_source"], changed["source_from"], changed["source_to"]),
                "refs": distinct_refs(changed["target_source"], changed["source_from"], changed["source_to"]),
            }
    statements = ui.q(
        "changes/achievement_statements", indicator=indicator, period_from=vuosi2, period_to=vuosi, regions=regions
    )
    if not statements.empty:
        out["statements"] = {
            "text": "\n".join(
                f"- {area_name(r['region_code'])} ({fmt.period(r['statement_period'])}): ”{r['statement_fi']}”"
                for r in statements.to_dict("records")
            ),
            "refs": distinct_refs(statements["source_ref"]),
        }
    return out


def light_changes(kausi2: str | None, kausi: str | None, investments: tuple[str, ...], regions: list[str]) -> dict:
    """Traffic lights that changed colour between the two periods (``queries/changes/light_changes.sql``), when
    both periods have lights (``periods``: the periods that have any)."""
    light_periods = list(ui.q("changes/light_periods")["period"])
    out: dict = {"periods": light_periods, "table": None}
    if not (kausi and kausi2 and kausi in light_periods and kausi2 in light_periods):
        return out
    lights = ui.q(
        "changes/light_changes", period_from=kausi2, period_to=kausi, investments=list(investments), regions=regions
    )
    if lights.empty:
        return out

    def direction(step: object) -> str:
        if fmt.is_missing(step):
            return t("changes.direction.other")
        return t("changes.direction.worse") if float(step) > 0 else t("changes.direction.better")

    col_from, col_to = column_names(kausi2, kausi)
    table = pd.DataFrame(
        {
            t("common.county"): lights["region_code"].map(area_name),
            t("common.yta"): lights["yta"].fillna("–"),
            t("common.investment"): lights["investment_code"].map(ui.investment_label),
            t("changes.col_dimension"): lights["dimension"].map(lambda d: t(f"changes.dim.{d}")),
            col_from: lights["status_from"].map(lambda s: t(f"changes.status.{s}")),
            col_to: lights["status_to"].map(lambda s: t(f"changes.status.{s}")),
            t("changes.col_direction"): lights["step"].map(direction),
        }
    )
    out["table"] = ui.prepare_table(table)
    out["source"] = sources_text(lights["source_from"], lights["source_to"])
    out["refs"] = distinct_refs(lights["source_from"], lights["source_to"])
    return out


@ui.cache_data(show_spinner=False, max_entries=200)
def changes_view(version: tuple[str, int], lang: str, kausi2: str | None, kausi: str | None,
                 investments: tuple[str, ...], yta: str, regions: tuple[str, ...], indicator: str | None,
                 vuosi2: str | None, vuosi: str | None, is_percent: bool, focus: tuple[str, ...]) -> dict:
    """Every section's figures for these choices, built once per database version, language and choices (a rerun
    pays one cache lookup for the whole page). Areas: the picked counties, else the collaboration area's, else
    every area (and the whole country)."""
    scope = ui.Filters(yta=yta or None, regions=list(regions) or None).region_codes()  # the areas asked about
    selected = scope if (yta or regions) else []
    progress = progress_change(kausi2, kausi, investments, selected, focus) if kausi and kausi2 else None
    indicator_ok = indicator is not None and vuosi and vuosi2
    return {
        "progress": progress,
        "indicator": indicator_change(indicator, vuosi2, vuosi, selected, scope, is_percent, focus)
        if indicator_ok else None,
        "targets": targets_reached(indicator, vuosi2, vuosi, selected, is_percent) if indicator_ok else None,
        "lights": light_changes(kausi2, kausi, investments, selected),
    }


sections = changes_view(version, ui.lang(), kausi2, kausi, chosen_investments, filters.yta or "",
                        tuple(filters.regions or ()), indicator, vuosi2, vuosi, is_percent, focus)

# --- 1. progress % per county x investment ------------------------------------------------------------------------
progress = sections["progress"]
if kausi and kausi2:
    start, end = fmt.period(kausi2), fmt.period(kausi)
    progress_title = t("changes.progress_title", start=start, end=end)
else:
    progress_title = t("changes.progress_title", start="–", end="–")

if ui.section(progress_title, caption=t("changes.progress_caption")):
    if not progress_periods:
        st.info(t("changes.no_progress"))
    elif not (kausi and kausi2):
        st.info(t("changes.one_period", period=fmt.period(progress_periods[0])))
    elif progress["empty"]:
        st.info(t("changes.progress_none", start=start, end=end))
    else:
        ui.table(
            progress["table"],
            name=f"muutokset-edistyminen-{kausi2}-{kausi}",
            title=progress_title,
            source=progress["source"],
        )
        st.caption(t("changes.progress_counts", n=progress["n"], both=progress["both"]))
        if progress["chart"] is not None:
            ui.chart(
                progress["chart"],
                name=f"muutokset-edistyminen-kuva-{kausi2}-{kausi}",
                title=t("changes.chart_progress_title", start=start, end=end),
                source=progress["source"],
            )
        else:
            st.info(t("changes.no_pairs"))
        ui.source_caption(progress["refs"], notes=progress["notes"])

# --- 2. one indicator's values per county ---------------------------------------------------------------------------
values = sections["indicator"]
if values is not None:
    ind_start, ind_end = fmt.period(vuosi2), fmt.period(vuosi)
    indicator_title = t("changes.indicator_title", start=ind_start, end=ind_end)
else:
    indicator_title = t("changes.indicator_title", start="–", end="–")

if ui.section(indicator_title):
    if ind is None:
        st.info(t("changes.no_indicators"))
    else:
        st.markdown(f"**{ind['name_fi']}** ({indicator})")
        st.caption(t("changes.indicator_defaults"))
        if values is None or values["empty"]:
            st.info(t("changes.indicator_no_rows", start=ind_start, end=ind_end))
        else:
            ui.table(
                values["table"],
                name=f"muutokset-indikaattori-{indicator}-{vuosi2}-{vuosi}",
                title=f"{ind['name_fi']}: {indicator_title}",
                source=values["source"],
            )
            if values["chart"] is not None:
                ui.chart(
                    values["chart"],
                    name=f"muutokset-indikaattori-kuva-{indicator}-{vuosi2}-{vuosi}",
                    title=f"{ind['name_fi']}: {t('changes.chart_indicator_title', start=ind_start, end=ind_end)}",
                    source=values["source"],
                )
            else:
                st.info(t("changes.no_pairs"))
        if ind["n_area_values"] == 0:
            st.info(t("changes.national_only"))
        elif values["without"]:
            st.info(t("changes.areas_without", names=", ".join(sorted(area_name(c) for c in values["without"]))))
        if not values["empty"]:
            ui.source_caption(values["refs"], notes=values["notes"])

# --- 3. targets newly reached ---------------------------------------------------------------------------------------
if ui.section(t("changes.targets_title")):
    targets = sections["targets"]
    if targets is not None:
        st.markdown(f"**{t('changes.targets_indicator_heading', start=ind_start, end=ind_end)}** — {ind['name_fi']}")
        ui.source_caption(None, notes=[t("changes.targets_caption", start=ind_start, end=ind_end),
                                       targets["counts"] if targets["judged"] else None])
        if not targets["judged"]:
            st.info(t("changes.no_targets"))
        else:
            changed = targets["changed"]
            if changed is None:
                st.info(t("changes.targets_none", start=ind_start, end=ind_end))
            else:
                ui.table(
                    changed["table"],
                    name=f"muutokset-tavoitteet-{indicator}-{vuosi2}-{vuosi}",
                    title=f"{ind['name_fi']}: {t('changes.targets_indicator_heading', start=ind_start, end=ind_end)}",
                    source=changed["source"],
                )
                ui.source_caption(changed["refs"])
        if targets["statements"] is not None:
            st.markdown(f"**{t('changes.statements_heading', start=ind_start, end=ind_end)}**")
            st.markdown(targets["statements"]["text"])
            ui.source_caption(targets["statements"]["refs"])
    else:
        st.info(t("changes.no_indicators"))

    if kausi and kausi2:
        st.markdown(f"**{t('changes.completed_heading', start=start, end=end)}**")
        completed = None if progress["empty"] else progress["completed"]
        if completed is None:
            st.info(t("changes.completed_none", start=start, end=end))
        else:
            ui.table(
                completed["table"],
                name=f"muutokset-valmiit-{kausi2}-{kausi}",
                title=t("changes.completed_heading", start=start, end=end),
                source=completed["source"],
            )
            ui.source_caption(completed["refs"])

# --- 4. traffic lights that changed colour ----------------------------------------------------------------------------
if ui.section(t("changes.lights_title")):
    lights = sections["lights"]
    if not lights["periods"]:
        st.info(t("changes.lights_empty"))
    elif not (kausi and kausi2 and kausi in lights["periods"] and kausi2 in lights["periods"]):
        st.info(
            t(
                "changes.lights_missing_period", periods=", ".join(fmt.period(p) for p in lights["periods"]),
                start=fmt.period(kausi2), end=fmt.period(kausi),
            )
        )
    elif lights["table"] is None:
        st.info(t("changes.lights_none_changed", start=start, end=end))
    else:
        st.caption(t("changes.lights_caption", start=start, end=end))
        ui.table(
            lights["table"],
            name=f"muutokset-liikennevalot-{kausi2}-{kausi}",
            title=t("changes.lights_title"),
            source=lights["source"],
        )
        ui.source_caption(lights["refs"])
