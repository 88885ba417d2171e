"""Tavoitevauhti — pace to target: for every target with a baseline, a target value and a deadline, the gap still
to go, the gain per year still needed against the gain per year achieved so far, and a verdict (saavutettu /
aikataulussa / jäljessä / ei arviota) explained in words. Computation: rrp_data/pace.py.

Each section's figures are built by a function named for it (its queries, the pace computation, the chart spec);
``pace_view`` runs them once per database version, language and filters, so a rerun only draws."""

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, pace, ui

t = ui.t
filters = ui.sidebar_filters(yta=True, regions=True)
ui.page_header("page.pace", t("pace.intro"))
lang = ui.lang()  # for the page body; the section builders below ask ui.lang() themselves (see headings)
focus = tuple(sorted(ui.focus_regions(filters)))  # counties highlighted in the chart

COUNTY_INDICATOR = "sotkanet:5548"  # digital contacts: the indicator with values for every county
COMPUTED = ("gap", "needed", "achieved", "margin")  # the numeric pace columns


def points(values: pd.DataFrame) -> list[tuple[str, float]]:
    return list(zip(values["period"], values["value"], strict=True))


def values_of(codes: list[str], regions: list[str]) -> pd.DataFrame:
    """Every value of the given indicators in the given regions (``queries/pace/values.sql``, one per indicator)."""
    frames = [ui.q("pace/values", indicator=code, regions=regions) for code in codes]
    if not frames:
        return pd.DataFrame(columns=["indicator_code", "region_code", "period", "value", "source_ref"])
    return pd.concat(frames, ignore_index=True)


def unit_of(units: pd.Series) -> str:
    """The unit of a table's value columns: percent when every row is a percentage, else a plain number."""
    return "percent" if len(units) and (units == "percent").all() else ""


def headings() -> dict[str, str]:
    """The pace columns' headings. (Texts in the UI language come from functions, not module-level values: a
    cached builder may run with the globals of another session's run of this page, while ``t`` and ``ui.lang``
    always follow the caller's language.)"""
    return {"gap": t("pace.col_gap"), "needed": t("pace.col_needed"), "achieved": t("pace.col_achieved"),
            "margin": t("pace.col_margin"), "verdict": t("pace.col_verdict"), "explanation": t("pace.col_explanation")}


def formats_for(unit: str, cols: dict) -> dict:
    """Finnish formats for the value columns (``cols['values']``), the gap and the two paces."""
    lang = ui.lang()
    value = ui.fmt_pct if unit == "percent" else ui.fmt_num
    out = {c: value for c in cols["values"]}
    out[cols["gap"]] = lambda x: pace.amount_text(x, unit, lang)
    for c in cols["rates"]:
        out[c] = lambda x: pace.rate_text(x, unit, lang)
    if "deadline" in cols:
        out[cols["deadline"]] = lambda d: fmt.date(d, lang)
    return out


def pace_frame(results: list[pace.Pace], unit: str) -> pd.DataFrame:
    """The computed columns of a table (numbers stay numbers: sorting and downloads work on them)."""
    lang = ui.lang()
    return pd.DataFrame(
        {
            "gap": [r.remaining for r in results],
            "needed": [r.needed_per_year for r in results],
            "achieved": [r.achieved_per_year for r in results],
            "margin": [r.margin for r in results],
            "verdict": [pace.verdict_label(r.verdict, lang) for r in results],
            "explanation": [pace.explain(r, unit, lang) for r in results],
        },
        dtype=object,
    ).astype({c: float for c in COMPUTED})


def pace_columns(results: list[pace.Pace], baselines: pd.Series, targets: pd.Series, unit: str) -> dict[str, object]:
    """The columns every pace table shares, from the baseline to the explanation (the same order everywhere)."""
    lang, col = ui.lang(), headings()
    computed = pace_frame(results, unit)
    return {
        t("common.baseline"): list(baselines),
        t("pace.col_baseline_period"): [baseline_period_text(r) for r in results],
        t("common.latest"): [r.latest for r in results],
        t("pace.col_latest_period"): [fmt.period(r.latest_period, lang) if r.latest_period else None for r in results],
        t("common.target"): list(targets),
        t("common.deadline"): [r.deadline for r in results],
        col["gap"]: computed["gap"],
        col["needed"]: computed["needed"],
        col["achieved"]: computed["achieved"],
        col["verdict"]: computed["verdict"],
        col["explanation"]: computed["explanation"],
    }


def described(refs: pd.Series | list) -> str:
    return " · ".join(ui.describe_source(r) for r in dict.fromkeys(r for r in refs if isinstance(r, str) and r))


def baseline_period_text(p: pace.Pace) -> str | None:
    if p.baseline_period is None:
        return None
    label = fmt.period(p.baseline_period, ui.lang())
    return t("pace.inferred_period", period=label) if p.baseline_inferred else label


def pace_chart(df: pd.DataFrame, focus: tuple[str, ...], unit_label: str) -> dict:
    """Per county: pace so far (dot) and pace needed (black tick), the verdict written on the row."""
    order = list(df["county"])
    lo = min(0.0, float(df["achieved"].min()), float(df["needed"].min()))
    hi = max(float(df["achieved"].max()), float(df["needed"].max()))
    scale = alt.Scale(domain=[lo, hi + (hi - lo) * 0.6])
    base = alt.Chart(df).encode(
        y=alt.Y("county:N", sort=order, title=None),
        tooltip=[
            alt.Tooltip("county:N", title=t("common.county")),
            alt.Tooltip("achieved_text:N", title=t("pace.col_achieved")),
            alt.Tooltip("needed_text:N", title=t("pace.col_needed")),
            alt.Tooltip("verdict:N", title=t("pace.col_verdict")),
            alt.Tooltip("explanation:N", title=t("pace.col_explanation")),
        ],
    )
    layers = [  # the tick on top of the dot, so a pace needed close to the pace so far stays visible
        base.mark_circle(size=240, opacity=1).encode(
            x=alt.X("achieved:Q", title=unit_label, scale=scale), color=charts.highlight(frozenset(focus))
        ),
        base.mark_tick(color=charts.NATIONAL, thickness=3, size=24).encode(x=alt.X("needed:Q", scale=scale)),
        base.mark_text(align="left", dx=14).encode(x=alt.X("label_x:Q", scale=scale), text="label:N"),
    ]
    return charts.spec(alt.layer(*layers).properties(height=max(240, 30 * len(df))))


# --- what each section shows (the page's queries and the pace computation; run inside pace_view) -------------


def national_targets() -> dict:
    """The EU and national targets (``queries/pace/targets.sql``) against the whole country's values
    (``queries/pace/values.sql``): a verdict per target (the metrics), the same as a table, and the documents'
    own statements on reaching them (``queries/pace/achievements.sql``)."""
    lang, col = ui.lang(), headings()
    targets = ui.q("pace/targets")
    codes = sorted(targets["indicator_code"].unique())
    national_values = values_of(codes, ["SSS"])
    results, latest_refs = [], []
    for row in targets.itertuples(index=False):
        pts = points(national_values[national_values["indicator_code"] == row.indicator_code])
        latest = pace.latest_point(pts)
        baseline_period, inferred = row.baseline_period, False
        if not isinstance(baseline_period, str):
            baseline_period, inferred = pace.infer_baseline_period(row.baseline, pts), True
        results.append(
            pace.assess(row.target, row.target_period, row.baseline, baseline_period,
                        latest[1] if latest else None, latest[0] if latest else None, baseline_inferred=inferred)
        )
        if latest:
            mine = national_values[(national_values["indicator_code"] == row.indicator_code)
                                   & (national_values["period"] == latest[0])]
            latest_refs += list(mine["source_ref"])
    unit = unit_of(targets["unit"])
    kinds = targets["target_kind"].map({"final": t("common.target"), "interim": t("common.interim_target")})
    metrics = [
        (t("pace.metric_label", investment=row.investment_code, kind=kinds.iloc[i],
           target=fmt.value(row.target, row.unit, lang), deadline=fmt.period(row.target_period, lang)),
         pace.verdict_label(r.verdict, lang), pace.explain(r, row.unit, lang))
        for i, (row, r) in enumerate(zip(targets.itertuples(index=False), results, strict=True))
    ]
    table = pd.DataFrame(
        {
            t("common.investment"): list(targets["investment_code"]),
            t("pace.col_indicator"): list(targets["name_fi"]),
            t("pace.col_kind"): list(kinds),
            **pace_columns(results, targets["baseline"], targets["target"], unit),
        }
    )
    table = ui.prepare_table(table, formats_for(unit, {
        "values": [t("common.baseline"), t("common.latest"), t("common.target")],
        "gap": col["gap"], "rates": [col["needed"], col["achieved"]], "deadline": t("common.deadline"),
    }))
    refs = [*targets["source_ref"], *latest_refs]
    statements = ui.q("pace/achievements")
    statements = statements[statements["indicator_code"].isin(codes)]
    said = None
    if not statements.empty:
        investment_of = dict(zip(targets["indicator_code"], targets["investment_code"], strict=False))
        said = {
            "text": "\n".join(
                "- " + t("pace.statement_line", investment=investment_of.get(s.indicator_code, s.indicator_code),
                         status=ui.achieved_label(s.achieved if s.achieved in ("yes", "no", "partly") else "unknown"),
                         quote=s.statement_fi, period=fmt.period(s.statement_period, lang))
                for s in statements.itertuples(index=False)
            ),
            "refs": tuple(statements["source_ref"]),
        }
    final = targets[(targets["indicator_code"] == COUNTY_INDICATOR) & (targets["target_kind"] == "final")]
    return {"metrics": metrics, "table": table, "source": described(refs), "refs": tuple(refs),
            "statements": said, "county_goal": final.iloc[0].to_dict() if not final.empty else None,
            "county_goal_refs": tuple(final["source_ref"])}


def county_ranking(goal: dict | None, regions: list[str], focus: tuple[str, ...]) -> dict | None:
    """Counties ranked by their pace to the digital-contacts target (``goal``, the final EU target of
    ``COUNTY_INDICATOR``; ``queries/pace/areas.sql`` and ``values.sql``): the ranking table, the counties without
    an estimate, and the chart of pace so far against pace needed. None without the target or counties."""
    if goal is None:
        return None
    lang, col = ui.lang(), headings()
    areas = ui.q("pace/areas", regions=regions)
    county_values = ui.q("pace/values", indicator=COUNTY_INDICATOR, regions=list(areas["region_code"]))
    direction = 1 if goal["target"] > goal["baseline"] else -1
    rows = []
    for area in areas.itertuples(index=False):
        mine = county_values[county_values["region_code"] == area.region_code]
        base = mine[mine["period"] == goal["baseline_period"]]
        latest = pace.latest_point(points(mine))
        r = pace.assess(
            goal["target"], goal["target_period"],
            base["value"].iloc[0] if len(base) else None, goal["baseline_period"] if len(base) else None,
            latest[1] if latest else None, latest[0] if latest else None, direction=direction,
        )
        name = area.name_sv if lang == "sv" else area.short_name_fi
        rows.append({"region_code": area.region_code, "county": name, "yta": area.yta, "result": r,
                     "source_ref": mine["source_ref"].iloc[-1] if len(mine) else None})
    if not rows:
        return None
    rows.sort(key=lambda d: (pace.rank_key(d["result"]), d["county"]))
    ranked = pd.DataFrame(rows)

    results = list(ranked["result"])
    computed = pace_frame(results, goal["unit"])
    n = 0
    ranks = []
    for r in results:
        n += r.verdict != pace.NO_ESTIMATE
        ranks.append(n if r.verdict != pace.NO_ESTIMATE else None)
    col_base = f"{t('common.baseline')} {fmt.period(goal['baseline_period'], lang)}"
    table = pd.DataFrame(
        {
            t("common.rank"): pd.Series(ranks, dtype="Int64"),
            t("common.county"): ranked["county"],
            t("common.yta"): ranked["yta"].fillna("–"),
            col_base: [r.baseline for r in results],
            t("common.latest"): [r.latest for r in results],
            t("pace.col_latest_period"): [fmt.period(r.latest_period, lang) if r.latest_period else None for r in results],
            col["gap"]: computed["gap"],
            col["needed"]: computed["needed"],
            col["achieved"]: computed["achieved"],
            col["margin"]: computed["margin"],
            col["verdict"]: computed["verdict"],
            col["explanation"]: computed["explanation"],
        }
    )
    formats = formats_for(goal["unit"], {
        "values": [col_base, t("common.latest")], "gap": col["gap"], "rates": [col["needed"], col["achieved"], col["margin"]],
    })
    formats[t("common.rank")] = lambda x: fmt.integer(x, lang)

    plotted = ranked[[r.achieved_per_year is not None and r.needed_per_year is not None for r in ranked["result"]]]
    chart = None
    if not plotted.empty:
        res = list(plotted["result"])
        unit = goal["unit"]
        chart_df = pd.DataFrame(
            {
                "region_code": plotted["region_code"],
                "county": plotted["county"],
                "achieved": [r.achieved_per_year for r in res],
                "needed": [r.needed_per_year for r in res],
                "label_x": [max(r.achieved_per_year, r.needed_per_year) for r in res],
                "label": [f"{pace.verdict_label(r.verdict, lang)} · {pace.rate_text(r.achieved_per_year, unit, lang)}"
                          for r in res],
                "achieved_text": [pace.rate_text(r.achieved_per_year, unit, lang) for r in res],
                "needed_text": [pace.rate_text(r.needed_per_year, unit, lang) for r in res],
                "verdict": [pace.verdict_label(r.verdict, lang) for r in res],
                "explanation": [pace.explain(r, unit, lang) for r in res],
            }
        )
        chart = {"spec": pace_chart(chart_df, focus, t("pace.axis_rate") if unit == "percent" else ""),
                 "source": described(plotted["source_ref"])}
    return {
        "table": ui.prepare_table(table, formats), "source": described(ranked["source_ref"]),
        "refs": tuple(ranked["source_ref"]),
        "no_estimate": [c for c, r in zip(ranked["county"], results, strict=True) if r.verdict == pace.NO_ESTIMATE],
        "chart": chart,
    }


def own_targets(regions: list[str]) -> dict | None:
    """The counties' own targets from their plans (``queries/pace/region_targets.sql``) against their values:
    the table, and the targets the plan gives several deadlines. None when there are none."""
    own = ui.q("pace/region_targets", regions=regions)
    if own.empty:
        return None
    lang, col = ui.lang(), headings()
    own_regions = sorted(own["region_code"].unique())
    own_values = values_of(sorted(own["indicator_code"].unique()), own_regions)
    results, value_refs = [], []
    for row in own.itertuples(index=False):
        mine = own_values[(own_values["indicator_code"] == row.indicator_code)
                          & (own_values["region_code"] == row.region_code)]
        pts = points(mine)
        latest = pace.latest_point(pts)
        baseline_period, inferred = row.baseline_period, False
        if not isinstance(baseline_period, str):
            baseline_period, inferred = pace.infer_baseline_period(row.baseline, pts), True
        results.append(pace.assess(
            row.target, row.target_period, row.baseline, baseline_period,
            latest[1] if latest else None, latest[0] if latest else None,
            direction=1 if row.comparator == ">=" else None, baseline_inferred=inferred,
        ))
        value_refs += list(mine["source_ref"])
    unit = unit_of(own["unit"])
    counties = own["name_sv"] if lang == "sv" else own["short_name_fi"]
    table = pd.DataFrame(
        {
            t("common.county"): list(counties),
            t("pace.col_indicator"): list(own["indicator_name_fi"]),
            **pace_columns(results, own["baseline"], own["target"], unit),
            t("pace.col_statement"): list(own["statement_fi"]),
        }
    )
    # one target value with several deadlines (the plan contradicts itself): said; every row is shown
    conflicts = [
        t("pace.own_conflict", county=ui.region_name(region), target=fmt.value(target, group["unit"].iloc[0], lang),
          deadlines=", ".join(fmt.date(pace.period_end(p), lang) for p in group["target_period"]))
        for (region, _code, target), group in own.groupby(["region_code", "indicator_code", "target"], sort=False)
        if group["target_period"].nunique() > 1
    ]
    table = ui.prepare_table(table, formats_for(unit, {
        "values": [t("common.baseline"), t("common.latest"), t("common.target")],
        "gap": col["gap"], "rates": [col["needed"], col["achieved"]], "deadline": t("common.deadline"),
    }))
    refs = [*own["source_ref"], *value_refs]
    return {"table": table, "source": described(refs), "refs": tuple(refs), "conflicts": conflicts}


@ui.cache_data(show_spinner=False, max_entries=200)
def pace_view(version: tuple[str, int], lang: str, yta: str, regions: tuple[str, ...], focus: tuple[str, ...]) -> dict:
    """Every section's figures for these filters, built once per database version, language and filters (a rerun
    pays one cache lookup for the whole page). Counties: the picked ones, else the collaboration area's, else all."""
    selected = ui.Filters(yta=yta or None, regions=list(regions) or None).region_codes() if (yta or regions) else []
    national = national_targets()
    return {"national": national, "counties": county_ranking(national["county_goal"], selected, focus),
            "own": own_targets(selected)}


sections = pace_view(ui.db_version(), lang, filters.yta or "", tuple(filters.regions or ()), focus)

# --- 1. EU and national targets (whole country) ---------------------------------------------------------------
if ui.section(t("pace.national_title"), t("pace.national_caption")):
    national = sections["national"]
    metrics = national["metrics"]
    cols = st.columns(min(4, max(1, len(metrics))))
    for i, (label, verdict, explanation) in enumerate(metrics):
        cols[i % len(cols)].metric(label, verdict, help=explanation)
    ui.table(
        national["table"],
        name="tavoitevauhti-kansalliset",
        title=t("pace.national_title"),
        source=national["source"],
    )
    ui.source_caption(national["refs"])
    st.caption(t("pace.method"))
    if national["statements"] is not None:
        st.markdown(f"**{t('pace.statements_heading')}**")
        st.markdown(national["statements"]["text"])
        ui.source_caption(national["statements"]["refs"])

# --- 2. counties ranked by pace: digital contacts ---------------------------------------------------------------
ranking = sections["counties"]
if ui.section(t("pace.counties_title")):
    if ranking is None:
        st.info(t("common.no_data"))
    else:
        goal = sections["national"]["county_goal"]
        st.caption(t("pace.counties_caption", period=fmt.period(goal["baseline_period"], lang),
                     target=fmt.value(goal["target"], goal["unit"], lang), deadline=fmt.date(pace.period_end(goal["target_period"]), lang)))
        ui.table(
            ranking["table"],
            name="tavoitevauhti-alueet",
            title=t("pace.counties_title"),
            source=ranking["source"],
        )
        if ranking["no_estimate"]:
            st.info(t("pace.no_estimate_note", names=", ".join(ranking["no_estimate"])))
        ui.source_caption([*sections["national"]["county_goal_refs"], *ranking["refs"]])

if ui.section(t("pace.chart_title")):
    if ranking is None or ranking["chart"] is None:
        st.info(t("common.no_data"))
    else:
        ui.chart(
            ranking["chart"]["spec"],
            name="tavoitevauhti-alueet-kuva",
            title=t("pace.chart_title"),
            source=ranking["chart"]["source"],
        )
        st.caption(t("pace.chart_legend"))

# --- 3. counties' own targets from their plans ---------------------------------------------------------------
if ui.section(t("pace.own_title")):
    own = sections["own"]
    if own is None:
        st.info(t("pace.own_none"))
    else:
        ui.table(
            own["table"],
            name="tavoitevauhti-omat-tavoitteet",
            title=t("pace.own_title"),
            source=own["source"],
        )
        for text in own["conflicts"]:
            st.info(text)
        ui.source_caption(own["refs"])
