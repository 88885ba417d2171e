"""Hankesuunnitelmat: a county's RRP project plan as printed — budget by pillar, investment and part (with the
sum this page computes, labelled as computed), work packages with person-years and costs, the risk register as
a probability x impact matrix, the plan's targets and the municipality figures it quotes.

Reruns stay cheap: each section's tables (their cell text formatted once, by ``ui.prepare_table``), figures and
chart specs come from one cached builder keyed on the database version, language, plan and investment filter;
the page body only draws them."""

import re

import altair as alt
import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, ui

t = ui.t
lang = ui.lang()
version = ui.db_version()  # the builders below query the database: a rebuilt file gives new entries


@ui.cache_data(show_spinner=False, max_entries=20)
def plan_index(version: tuple) -> dict[str, dict]:
    """The plans (plans/plans) by their key — the county (URL ?alue=06), else the plan id for a plan without a
    county — each with the investments it refers to (plans/investments, for the investment filter)."""
    plans = ui.q("plans/plans")
    keys = plans["region_code"].fillna(plans["plan_id"])
    return {
        key: {**row, "investments": list(ui.q("plans/investments", plan_id=row["plan_id"])["investment_code"])}
        for key, row in zip(keys, plans.to_dict("records"), strict=True)
    }


plans = plan_index(version)
if not plans:
    ui.page_header("page.plans", t("plans.intro"))
    st.info(t("plans.no_plans"))
    ui.end_page()


def plan_label(key: str) -> str:
    row = plans[key]
    who = ui.region_name(key) if isinstance(row["region_code"], str) else str(row["plan_id"])
    return f"{who} · {row['plan_id']}"


raw = st.query_params.get("alue")
if ui.presenting() and raw and raw not in plans and raw in ui.lookups()["region_rows"]:
    # stepping through a YTA's counties: a county without a plan in the data says so (no other county's plan)
    ui.page_header("page.plans", t("plans.intro"))
    st.info(t("plans.no_plan_for", county=ui.region_name(raw)))
    ui.end_page()
if not ui.presenting():  # presentation mode has no sidebar: the plan comes from the link
    st.sidebar.subheader(t("plans.select_heading"))
key = ui.param_select("alue", list(plans), next(iter(plans)), t("plans.select"), format_func=plan_label)
plan = plans[key]
plan_id, document = str(plan["plan_id"]), str(plan["document"])
filters = ui.sidebar_filters(investments=plan["investments"])
inv = filters.investment or ""

ui.page_header("page.plans", t("plans.intro"))
st.markdown(
    f"**{plan['title'] or plan_id}** — {plan['publisher'] or ''}"
    + (f", {fmt.date(plan['published'])}" if not fmt.is_missing(plan["published"]) else f" ({t('plans.no_date')})")
)
if len(plans) == 1:
    st.caption(t("plans.one_plan"))
if inv:
    st.info(t("plans.filtered", investment=ui.investment_label(inv)))


def inv_text(code: object, pillar: object = None) -> str:
    if isinstance(code, str) and code:
        return ui.investment_label(code)
    if pillar is not None and not fmt.is_missing(pillar) and int(pillar) == 3:
        return t("plans.pillar3_no_investment")
    return t("plans.no_investment_code")


def plain(text: object) -> object:
    """'1. Kirjaamis…' would render as a numbered list in a table cell: a no-break space after the number keeps
    it plain text (display only; downloads keep the text as printed)."""
    return re.sub(r"^(\d+)\. ", "\\1.\u00a0", text) if isinstance(text, str) else text


def eur(x: object) -> str:
    return fmt.eur(x, ui.lang())


# --- chart specs (Altair; built inside the cached builder below) ------------------------------------------------


def cost_chart(bar_df: pd.DataFrame, groups: list[str]) -> dict:
    """A bar per printed cost line, coloured by investment (the investment is also in the row label)."""
    cbase = alt.Chart(bar_df).encode(
        y=alt.Y("row:N", sort=list(bar_df["row"]), title=None, axis=alt.Axis(labelLimit=620)),
        x=alt.X("cost_eur:Q", title=t("plans.axis_eur"), axis=alt.Axis(format=",.0f", tickCount=6),
                scale=alt.Scale(domain=[0, float(bar_df["cost_eur"].max() or 1) * 1.2])),
        tooltip=[
            alt.Tooltip("line_id:N", title=t("plans.col_line")),
            alt.Tooltip("investment:N", title=t("common.investment")),
            alt.Tooltip("part:N", title=t("plans.col_part")),
            alt.Tooltip("label:N", title=t("plans.col_cost")),
        ],
    )
    return charts.spec(
        alt.layer(
            cbase.mark_bar().encode(
                color=alt.Color(
                    "group:N", title=t("common.investment"), sort=groups,
                    scale=alt.Scale(domain=groups, range=charts.OKABE_ITO[: len(groups)]),
                    legend=alt.Legend(orient="bottom"),
                )
            ),
            cbase.mark_text(align="left", dx=4, fontWeight="bold").encode(text="label:N"),
        ).properties(height=40 * len(bar_df) + 90)
    )


def risk_grid(risks: pd.DataFrame) -> pd.DataFrame:
    """The 25 cells of the matrix with the risk ids placed in each, their score(s) and the top score."""
    cells = pd.DataFrame([(p, i) for p in range(1, 6) for i in range(1, 6)], columns=["probability", "impact"])
    placed = (
        risks.groupby(["probability", "impact"])
        .agg(ids=("risk_id", lambda s: ", ".join(sorted(s, key=lambda x: (len(x), x)))),
             score=("score", lambda s: " / ".join(fmt.auto(v, ui.lang()) for v in dict.fromkeys(s))),
             top=("score", "max"))
        .reset_index()
    )
    grid = cells.merge(placed, on=["probability", "impact"], how="left")
    grid["ids"] = grid["ids"].fillna("")
    grid["score_text"] = grid["score"].map(lambda s: t("plans.score_text", score=s) if isinstance(s, str) else "")
    grid["has"] = grid["ids"] != ""
    return grid[["probability", "impact", "ids", "score_text", "top", "has"]]


def risk_matrix(grid: pd.DataFrame) -> dict:
    """The 5 x 5 probability x impact matrix: each risk id in its cell with the score (colour = top score)."""
    rbase = alt.Chart(grid).encode(
        x=alt.X("impact:O", title=t("plans.axis_impact"), sort=[1, 2, 3, 4, 5], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("probability:O", title=t("plans.axis_probability"), sort=[5, 4, 3, 2, 1]),
        tooltip=[
            alt.Tooltip("probability:O", title=t("plans.col_probability")),
            alt.Tooltip("impact:O", title=t("plans.col_impact")),
            alt.Tooltip("ids:N", title=t("plans.col_risk_id")),
            alt.Tooltip("score_text:N", title=t("plans.col_score")),
        ],
    )
    ink = alt.condition("datum.top >= 10", alt.value("white"), alt.value("#222222"))
    return charts.spec(alt.layer(
        rbase.transform_filter("!datum.has").mark_rect(stroke="white", strokeWidth=3).encode(color=alt.value("#F1F1F1")),
        rbase.transform_filter("datum.has").mark_rect(stroke="white", strokeWidth=3).encode(
            color=alt.Color(
                "top:Q", title=t("plans.col_score"), scale=alt.Scale(scheme=charts.SEQUENTIAL, domain=[0, 25]),
                legend=alt.Legend(orient="right", gradientLength=200),
            )
        ),
        rbase.mark_text(dy=-12, fontSize=18, fontWeight="bold").encode(text="ids:N", color=ink),
        rbase.mark_text(dy=14, fontSize=15).encode(text="score_text:N", color=ink),
    ).properties(width=5 * 150, height=5 * 90))


# --- what each section shows (run by the cached builder ``plan_view`` below) -------------------------------------


def budget(lang: str, plan_id: str, inv: str) -> dict | None:
    """The plan's printed cost lines (None: none): the computed sum, the table as shown and as downloaded, the
    bar chart, sums per pillar and investment (computed), lines printed as 0 and the source refs."""
    costs = ui.q("plans/costs", plan_id=plan_id, investment=inv)
    if costs.empty:
        return None
    lines = costs.assign(
        investment=[inv_text(c, p) for c, p in zip(costs["investment_code"], costs["pillar"], strict=True)],
        part=costs["part_fi"].fillna("–"),
    )
    cost_table = pd.DataFrame(
        {
            t("plans.col_line"): lines["line_id"],
            t("plans.col_pillar"): lines["pillar"],
            t("common.investment"): lines["investment"],
            t("plans.col_part"): lines["part_fi"],
            t("plans.col_cost"): lines["cost_eur"],
            t("plans.col_note"): lines["note"],
        }
    )
    # bar per printed line, coloured by investment (the investment is also in the row label)
    short_p3 = t("plans.pillar3_short")
    bar_df = lines.assign(
        row=[
            f"{lid} · {c if isinstance(c, str) else short_p3} · {p[:60] + ('…' if len(p) > 60 else '')}"
            for lid, c, p in zip(lines["line_id"], lines["investment_code"], lines["part"], strict=True)
        ],
        group=[c if isinstance(c, str) else short_p3 for c in lines["investment_code"]],
        label=lines["cost_eur"].map(eur),
    )
    # sums per pillar and investment: computed here, labelled as such
    sums = (
        lines.assign(pillar_txt=lines["pillar"].map(lambda p: fmt.integer(p, lang)))
        .groupby(["pillar_txt", "investment"], sort=False, dropna=False)["cost_eur"].sum(min_count=1).reset_index()
    )
    return {
        "total": eur(costs["cost_eur"].sum(min_count=1)),
        "n": len(costs),
        "shown": ui.prepare_table(
            cost_table.assign(**{t("plans.col_part"): cost_table[t("plans.col_part")].map(plain)}),
            {t("plans.col_cost"): eur, t("plans.col_pillar"): lambda x: fmt.integer(x, lang)},
        ),
        "download": cost_table,
        "source": ui.describe_source(costs["source_ref"].iloc[0]),
        "chart": cost_chart(bar_df[["row", "group", "cost_eur", "line_id", "investment", "part", "label"]],
                            list(dict.fromkeys(bar_df["group"]))),
        "sums": ui.prepare_table(
            pd.DataFrame(
                {
                    t("plans.col_pillar"): sums["pillar_txt"],
                    t("common.investment"): sums["investment"],
                    t("plans.col_computed_sum"): sums["cost_eur"],
                }
            ),
            {t("plans.col_computed_sum"): eur},
        ),
        "zero": costs[costs["cost_eur"] == 0]["line_id"].tolist(),
        "refs": tuple(costs["source_ref"]),
    }


def work_packages(lang: str, plan_id: str, inv: str) -> dict | None:
    """The plan's work packages (None: none): count and computed sums of person-years and costs, the table, the
    packages without person-years or costs, and the source refs."""
    wps = ui.q("plans/work_packages", plan_id=plan_id, investment=inv)
    if wps.empty:
        return None
    no_py = wps[wps["person_years"].isna()]["wp_code"].tolist()
    no_cost = wps[wps["cost_eur"].isna()]["wp_code"].tolist()
    return {
        "count": fmt.integer(len(wps), lang),
        "py_sum": fmt.auto(wps["person_years"].sum(min_count=1), lang),
        "cost_sum": eur(wps["cost_eur"].sum(min_count=1)),
        "note": t("plans.wp_sum_note", n_py=len(wps) - len(no_py), n_cost=len(wps) - len(no_cost), n=len(wps)),
        "table": ui.prepare_table(
            pd.DataFrame(
                {
                    t("plans.col_wp"): wps["wp_code"],
                    t("common.investment"): wps["investment_code"].map(inv_text),
                    t("plans.col_wp_name"): wps["name_fi"],
                    t("plans.col_py"): wps["person_years"],
                    t("plans.col_cost"): wps["cost_eur"],
                    t("plans.col_note"): wps["note"],
                }
            ),
            {t("plans.col_py"): lambda x: fmt.auto(x, lang), t("plans.col_cost"): eur},
        ),
        "source": ui.describe_source(wps["source_ref"].iloc[0]),
        "missing": t("plans.wp_missing", py=", ".join(no_py) if no_py else "–", cost=", ".join(no_cost) if no_cost else "–")
        if no_py or no_cost else None,
        "refs": tuple(wps["source_ref"]),
    }


def risk_register(lang: str, plan_id: str) -> dict | None:
    """The plan's risk register (None: none): the probability x impact matrix, the table and the source refs."""
    risks = ui.q("plans/risks", plan_id=plan_id)
    if risks.empty:
        return None
    return {
        "matrix": risk_matrix(risk_grid(risks[["risk_id", "probability", "impact", "score"]])),
        "source": ui.describe_source(risks["source_ref"].iloc[0]),
        "table": ui.prepare_table(
            pd.DataFrame(
                {
                    t("plans.col_risk_id"): risks["risk_id"],
                    t("plans.col_risk"): risks["risk_fi"],
                    t("plans.col_probability"): risks["probability"],
                    t("plans.col_impact"): risks["impact"],
                    t("plans.col_score"): risks["score"],
                    t("plans.col_mitigation"): risks["mitigation_fi"],
                    t("plans.col_owner"): risks["owner_fi"],
                }
            ),
            {
                t("plans.col_probability"): lambda x: fmt.integer(x, lang),
                t("plans.col_impact"): lambda x: fmt.integer(x, lang),
                t("plans.col_score"): lambda x: fmt.auto(x, lang),
            },
        ),
        "refs": tuple(risks["source_ref"]),
    }


def plan_targets(lang: str, plan_id: str, inv: str) -> dict | None:
    """The plan's own targets (None: none): the table, the targets without a single target figure, the refs."""
    targets = ui.q("plans/targets", plan_id=plan_id, investment=inv)
    if targets.empty:
        return None
    unit_text = {"percent": "%", "count": t("plans.unit_count"), "eur": "€"}
    return {
        "table": ui.prepare_table(
            pd.DataFrame(
                {
                    t("plans.col_target_id"): targets["target_id"],
                    t("common.investment"): targets["investment_code"].map(inv_text),
                    t("plans.col_target_text"): targets["target_fi"],
                    t("common.baseline"): targets["baseline"],
                    t("plans.col_target_value"): targets["target"],
                    t("plans.col_unit"): targets["unit"].map(lambda u: unit_text.get(u, u) if isinstance(u, str) else None),
                    t("plans.col_target_period"): targets["target_period"].map(
                        lambda p: fmt.period(p) if isinstance(p, str) and p else None
                    ),
                }
            ),
            {t("common.baseline"): ui.fmt_num, t("plans.col_target_value"): ui.fmt_num},
        ),
        "source": ui.describe_source(targets["source_ref"].iloc[0]),
        "no_target": targets[targets["target"].isna()]["target_id"].tolist(),
        "refs": tuple(targets["source_ref"]),
    }


def region_targets(lang: str, region: str, document: str, inv: str) -> dict | None:
    """The county's targets for the EU indicators as the plan states them (None: none); the refs."""
    rt = ui.q("plans/region_targets", region=region, document=document, investment=inv)
    if rt.empty:
        return None
    return {
        "table": ui.prepare_table(
            pd.DataFrame(
                {
                    t("plans.col_indicator"): rt["indicator_name_fi"],
                    t("common.baseline"): rt["baseline"],
                    t("plans.col_comparator"): rt["comparator"].map(lambda c: {">=": "≥", "=": "="}.get(c, c)),
                    t("plans.col_target_value"): rt["target"],
                    t("plans.col_target_period"): rt["target_period"].map(fmt.period),
                    t("plans.col_statement"): rt["statement_fi"],
                }
            ),
            {t("common.baseline"): ui.fmt_pct, t("plans.col_target_value"): ui.fmt_pct},
        ),
        "source": ui.describe_source(rt["source_ref"].iloc[0]),
        "other_units": bool(rt["unit"].ne("percent").any()),
        "refs": tuple(rt["source_ref"]),
    }


def municipality_tables(lang: str, document: str) -> list[dict]:
    """One municipality x period table per measure the plan quotes (values in its unit), with the period words
    and sources."""
    mf = ui.q("plans/municipality_figures", document=document)
    out = []
    for measure in dict.fromkeys(mf["measure"]):
        part = mf[mf["measure"] == measure]
        periods = list(dict.fromkeys(part.sort_values("end_date")["period"]))
        wide = part.pivot_table(index="municipality", columns="period", values="value", aggfunc="first")
        wide = wide.reindex(index=list(dict.fromkeys(part["municipality"])), columns=periods)
        wide.columns = [fmt.period(p) for p in periods]
        wide = wide.rename_axis(None, axis=1).reset_index().rename(columns={"municipality": t("plans.col_municipality")})
        fmt_value = ui.fmt_pct if part["unit"].iloc[0] == "percent" else ui.fmt_num
        out.append({
            "measure": measure, "table": ui.prepare_table(wide, {c: fmt_value for c in wide.columns[1:]}),
            "words": [w for w in dict.fromkeys(part["period_label"].dropna()) if w],
            "refs": list(part["source_ref"]), "source": ui.describe_source(part["source_ref"].iloc[0]),
        })
    return out


@ui.cache_data(show_spinner=False, max_entries=50)
def plan_view(version: tuple, lang: str, plan_id: str, inv: str, region: str | None, document: str) -> dict:
    """Every section's figures, tables and chart specs for this plan and investment filter, built once per
    database version and language (the queries, pandas and Altair work; a rerun pays one cache lookup)."""
    return {
        "budget": budget(lang, plan_id, inv),
        "work_packages": work_packages(lang, plan_id, inv),
        "risks": risk_register(lang, plan_id),
        "targets": plan_targets(lang, plan_id, inv),
        "region_targets": region_targets(lang, region, document, inv) if region else None,
        "municipalities": municipality_tables(lang, document),
    }


region = plan["region_code"] if isinstance(plan["region_code"], str) else None
view = plan_view(version, lang, plan_id, inv, region, document)

# --- budget -----------------------------------------------------------------------------------------------------
if ui.section(t("plans.costs_title")):
    costs = view["budget"]
    if costs is None:
        st.info(t("plans.no_costs"))
    else:
        st.metric(t("plans.computed_sum"), costs["total"])
        st.caption(t("plans.computed_sum_note", n=costs["n"]))  # next to the figure: the plan does not print it
        ui.table(
            costs["shown"],
            download=costs["download"],
            name=f"{plan_id}-kustannukset",
            title=t("plans.costs_title"),
            source=costs["source"],
        )
        ui.chart(costs["chart"], name=f"{plan_id}-kustannukset-kuva", title=t("plans.costs_title"), source=costs["source"])
        ui.folded_table(
            t("plans.sums_title"),
            costs["sums"],
            name=f"{plan_id}-kustannukset-summat",
            title=t("plans.sums_title"),
            source=costs["source"],
            sortable=False,
        )
        ui.source_caption(costs["refs"], notes=[
            t("plans.zero_lines", lines=", ".join(costs["zero"])) if costs["zero"] else None])

# --- work packages --------------------------------------------------------------------------------------------------
if ui.section(t("plans.wp_title")):
    wps = view["work_packages"]
    if wps is None:
        st.info(t("plans.no_wps"))
    else:
        ui.metric_row([(t("plans.wp_count"), wps["count"]), (t("plans.wp_py_sum"), wps["py_sum"]),
                       (t("plans.wp_cost_sum"), wps["cost_sum"])])
        st.caption(wps["note"])
        ui.table(
            wps["table"],
            name=f"{plan_id}-tyopaketit",
            title=t("plans.wp_title"),
            source=wps["source"],
        )
        if wps["missing"]:
            st.info(wps["missing"])
        ui.source_caption(wps["refs"])

# --- risk register -----------------------------------------------------------------------------------------------------
if ui.section(t("plans.risks_title")):
    risks = view["risks"]
    if risks is None:
        st.info(t("plans.no_risks"))
    else:
        left, right = st.columns([3, 2])
        with left:
            ui.chart(risks["matrix"], name=f"{plan_id}-riskimatriisi", title=t("plans.risks_title"), source=risks["source"])
        with right:
            st.markdown(t("plans.risk_matrix_help"))
            st.caption(t("plans.risk_score_note"))
        ui.table(
            risks["table"],
            name=f"{plan_id}-riskit",
            title=t("plans.risks_title"),
            source=risks["source"],
        )
        ui.source_caption(risks["refs"])

# --- targets ---------------------------------------------------------------------------------------------------------------
if ui.section(t("plans.targets_title")):
    targets = view["targets"]
    if targets is None:
        st.info(t("plans.no_targets"))
    else:
        ui.table(
            targets["table"],
            name=f"{plan_id}-tavoitteet",
            title=t("plans.targets_title"),
            source=targets["source"],
        )
        ui.source_caption(targets["refs"], notes=[
            t("plans.targets_missing", ids=", ".join(targets["no_target"])) if targets["no_target"] else None,
            t("plans.targets_note"),
        ])

if region and ui.section(t("plans.region_targets_title", region=ui.region_name(region))):
    rt = view["region_targets"]
    if rt is None:
        st.info(t("plans.no_region_targets"))
    else:
        ui.table(
            rt["table"],
            name=f"{plan_id}-aluetavoitteet",
            title=t("plans.region_targets_title", region=ui.region_name(region)),
            source=rt["source"],
        )
        ui.source_caption(rt["refs"], notes=[t("plans.region_targets_units") if rt["other_units"] else None])

# --- municipality figures ---------------------------------------------------------------------------------------------------
if ui.section(t("plans.municipalities_title")):
    tables = view["municipalities"]
    if not tables:
        st.info(t("plans.no_municipalities"))
    else:
        def measure_label(code: str) -> str:
            key = f"plans.measure.{code}"
            text = t(key)
            return code if text == key else text

        st.caption(t("plans.municipalities_note"))
        # Lazy tabs: only the open tab's table is drawn (and exported), switching tabs reruns the page.
        tabs = st.tabs([measure_label(m["measure"]) for m in tables], key="plans_measure", on_change="rerun")
        for tab, m in zip(tabs, tables, strict=True):
            if not tab.open:
                continue
            with tab:
                ui.table(
                    m["table"],
                    name=f"{plan_id}-{m['measure']}",
                    title=measure_label(m["measure"]),
                    source=m["source"],
                    sortable=False,
                )
                ui.source_caption(m["refs"], notes=[
                    t("plans.period_words", words=" · ".join(m["words"])) if m["words"] else None])
