"""Alueet: everything the data say about one county (param ``alue``) across pillars and investments, or — with
no county chosen — an overview of a collaboration area (param ``yta``) or of all areas.

Comparisons with the YTA and the whole country use values of the same period; means are computed from the rows
and labelled as computed. Whatever the sources do not give is shown as "ei tietoa", with the reason."""

import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, slides, ui

t = ui.t
lang = ui.lang()
presenting = ui.presenting()

# --- filters: YTA, then a county (limited to the chosen YTA) ------------------------------------------------
if not presenting:
    st.sidebar.subheader(t("filter.heading"))
yta = ui.param_select("yta", ["", *ui.YTAS], "", t("filter.yta"), format_func=lambda v: v or t("filter.yta_all")) or None
areas = ui.project_areas()
regs = ui.regions().set_index("region_code")
all_options = [*areas["region_code"], *regs.index[regs["kind"] == "autonomous"]]  # 22 project areas + Åland
options = [c for c in all_options if not yta or regs.loc[c, "yta"] == yta]
raw = st.query_params.get("alue")
if yta and raw in all_options and raw not in options:  # a real county, just outside the chosen YTA
    ui.notice(t("profile.outside_yta", county=ui.region_name(raw), yta=yta))
    del st.query_params["alue"]
alue = ui.param_select(
    "alue", ["", *options], "", t("filter.region"), format_func=lambda c: ui.region_name(c) if c else t("profile.no_county")
) or None
if not presenting:
    st.sidebar.caption(t("filter.share_hint"))

ui.page_header("page.regions", t("profile.intro"))
# The county in focus in every chart: the chosen county (in presentation mode the one being stepped through).
focus = frozenset([alue]) if alue else ui.focus_regions()

# --- shared data -----------------------------------------------------------------------------------------------
all_codes = list(all_options)
target = ui.q("profile/target").iloc[0]
pilots_all = ui.q("profile/pilots", regions=all_codes, yta=yta or "")
pilot_lists = ui.q("profile/pilot_lists")
inno_all = ui.q("profile/innovations", regions=all_codes)


def name_of(code: str) -> str:
    return ui.region_name(code)


def pct(x) -> str:
    """A percentage as printed in the source (no rounding): 60 %, 27,6 %."""
    return slides.pct_as_printed(x, lang)


def inv_label(code: str) -> str:
    return t("profile.inv." + code)


def described(refs) -> str:
    """The distinct sources behind a table or chart as one line (its slide's source line)."""
    return " · ".join(ui.describe_source(r) for r in dict.fromkeys(r for r in refs if isinstance(r, str) and r))


# --- chart builders: cached, so the Altair work runs once per distinct data, focus and language -------------------


@ui.cache_data(show_spinner=False, max_entries=200)
def digital_spec(lang: str, d: pd.DataFrame, focus: frozenset, target: float, national: float | None, period: str) -> dict:
    return charts.spec(slides.digital_bars(d, focus, target, national, period, lang))


@ui.cache_data(show_spinner=False, max_entries=200)
def progress_spec(lang: str, p: pd.DataFrame) -> dict:
    return charts.spec(slides.progress_bars(p, lang))


def digital_chart(df: pd.DataFrame, national: float | None, period: str, name: str) -> None:
    """Bars of Sotkanet 5548 for one period; the county in focus in the primary colour, bold and marked with ◆."""
    d = pd.DataFrame(
        {"region_code": df["region_code"], "county": df["region_code"].map(name_of), "value": df["value"],
         "label": df["value"].map(ui.fmt_pct)}
    )
    nat_value = None if national is None or fmt.is_missing(national) else float(national)
    ui.chart(
        digital_spec(lang, d, focus, float(target["target"]), nat_value, period),
        name=name,
        title=t("profile.digital_chart_title", period=fmt.period(period)),
        source=t("profile.digital_chart_source"),
    )


def digital_pivot(df: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """One row per region (the given ones, then the whole country), one column per period."""
    periods = list(dict.fromkeys(df.sort_values("end_date")["period"]))
    wide = df.pivot_table(index="region_code", columns="period", values="value", aggfunc="first")
    rows = [*codes, "SSS"]
    out = pd.DataFrame({t("common.county"): [name_of(c) if c != "SSS" else t("common.national") for c in rows]})
    for p in periods:
        out[fmt.period(p)] = [wide.loc[c, p] if c in wide.index and p in wide.columns else None for c in rows]
    return out


def contacts_and_research(ytas: list[str]) -> None:
    contacts = ui.q("profile/contacts", ytas=ytas)
    research = ui.q("profile/research", ytas=ytas)
    merged = pd.DataFrame({"yta": list(ytas) if ytas else list(ui.YTAS)})
    merged = merged.merge(contacts, on="yta", how="left").merge(research, on="yta", how="left")
    ui.table(
        pd.DataFrame(
            {
                t("common.yta"): merged["yta"],
                t("profile.col_manager"): merged["name"],
                t("profile.col_phone"): merged["phone"],
                t("profile.col_research"): merged["project_fi"],
                t("profile.col_amount"): merged["amount_meur"],
            }
        ),
        formats={t("profile.col_amount"): lambda x: fmt.meur(x, lang)},
        name="yhteistyoalueet",
        title=t("profile.yta_table_title"),
        source=described([*contacts["source_ref"], *research["source_ref"]]),
        sortable=False,
    )
    ui.source_caption([*contacts["source_ref"], *research["source_ref"]])


# ================================================================================ one county
def county_view(code: str) -> None:
    reg = regs.loc[code]
    cyta = reg["yta"] if isinstance(reg["yta"], str) else None
    peers = list(areas[areas["yta"] == cyta]["region_code"]) if cyta else [code]
    digital = ui.q("profile/digital", regions=peers)
    progress = ui.q("profile/progress", region=code)
    pilots = pilots_all[pilots_all["region_code"] == code]
    inno = inno_all[inno_all["region_code"] == code]
    contacts = ui.q("profile/contacts", ytas=[cyta]) if cyta else pd.DataFrame()
    # The key figures and the one-pager come from the same facts (rrp_data/slides.py), so they always agree.
    facts = slides.app_county_facts(code)

    # --- the county's header (shown on every step of a presentation, so the audience knows whose figures) ------
    st.header(str(reg["name_fi"] if lang != "sv" else reg["name_sv"]))
    line = [t("profile.yta_line", yta=cyta) if cyta else t("profile.no_yta")]
    if not contacts.empty:
        c = contacts.iloc[0]
        line.append(t("profile.manager_line", role=c["role_fi"], name=c["name"], phone=c["phone"] or t("common.no_data")))
    st.markdown(" · ".join(line))
    if not presenting:
        slides.onepager_buttons(facts)

    # --- summary row --------------------------------------------------------------------------------------
    if ui.section(t("common.key_figures")):
        for col, f in zip(st.columns(len(facts.figures)), facts.figures, strict=True):
            if f.delta:
                col.metric(f.label, f.value, delta=f.delta, delta_color="off", delta_arrow="off", help=f.help)
            else:
                col.metric(f.label, f.value, help=f.help)
        ui.source_caption(facts.figure_refs)

    # --- digital contacts vs YTA and whole country -----------------------------------------------------------
    mine = digital[digital["region_code"] == code]
    nat = digital[digital["region_code"] == "SSS"].set_index("period")["value"]
    if ui.section(t("profile.digital_title")):
        if mine.empty:
            st.info(t("profile.digital_missing", county=name_of(code)))
        period = facts.digital_period
        if period:
            shown = digital[(digital["period"] == period) & digital["region_code"].isin(peers)]
            digital_chart(shown, nat.get(period), period, f"digitaalinen-asiointi-{code}")
            missing = [name_of(c) for c in peers if c != code and c not in set(shown["region_code"])]
            if missing:
                st.caption(t("profile.digital_missing_list", names=", ".join(missing)))
        ui.table(
            digital_pivot(digital, peers),
            formats={fmt.period(p): ui.fmt_pct for p in digital["period"].unique()},
            name=f"digitaalinen-asiointi-{code}-taulukko",
            title=t("profile.digital_title"),
            source=described(digital["source_ref"]),
            sortable=False,
        )
        if cyta:
            st.caption(t("profile.peers_note", yta=cyta))
        ui.source_caption(digital["source_ref"])

    # --- progress % vs YTA and national means (computed) -------------------------------------------------------
    if ui.section(t("profile.progress_title")):
        if progress["percent"].isna().all():
            st.info(t("profile.progress_missing", county=name_of(code)))
        county_col = t("profile.col_county_value", county=name_of(code))
        progress_refs = [*progress["source_ref"], *[r for refs_ in progress["all_refs"] for r in refs_]]
        ui.table(
            pd.DataFrame(
                {
                    t("common.period"): progress["period"].map(fmt.period),
                    t("common.investment"): [
                        f"{inv_label(c)} · {n}" for c, n in zip(progress["investment_code"], progress["short_name_fi"], strict=True)
                    ],
                    county_col: progress["percent"],
                    t("profile.col_yta_mean"): progress["yta_mean"],
                    t("profile.col_yta_n"): progress["yta_n"].where(progress["yta_n"] > 0),
                    t("profile.col_all_mean"): progress["all_mean"],
                    t("profile.col_all_n"): progress["all_n"],
                    t("profile.col_note"): progress["note"],
                }
            ),
            formats={
                county_col: pct,
                t("profile.col_yta_mean"): ui.fmt_pct,
                t("profile.col_all_mean"): ui.fmt_pct,
                t("profile.col_yta_n"): ui.fmt_num,
                t("profile.col_all_n"): ui.fmt_num,
            },
            name=f"edistyminen-{code}",
            title=t("profile.progress_title"),
            source=described(progress_refs),
            sortable=False,
        )
        if not facts.progress.empty:
            ui.chart(
                progress_spec(lang, facts.progress),
                name=f"edistyminen-{code}-kaavio",
                title=t("profile.progress_chart_title", county=name_of(code)),
                source=described(progress_refs),
                alt_text=t("profile.progress_chart_alt", county=name_of(code)) + " " + "; ".join(
                    f"{i}: {s} {v}" for i, s, v in zip(facts.progress["inv"], facts.progress["series"], facts.progress["label"],
                                                      strict=True)
                ),
            )
        st.caption(t("profile.computed_note"))
        ui.source_caption(progress_refs)

    # --- the county's own targets ---------------------------------------------------------------------------
    if ui.section(t("profile.targets_title")):
        targets = ui.q("profile/targets", region=code)
        if targets.empty:
            st.info(t("profile.targets_missing", county=name_of(code)))
        else:
            def val(x, unit):
                return fmt.value(x, unit, lang)

            ui.table(
                pd.DataFrame(
                    {
                        t("profile.col_indicator"): targets["name_fi"],
                        t("common.baseline"): [
                            val(b, u) + (f" ({fmt.period(p)})" if isinstance(p, str) else "")
                            for b, u, p in zip(targets["baseline"], targets["unit"], targets["baseline_period"], strict=True)
                        ],
                        t("common.target"): [
                            ("≥ " if c == ">=" else "") + val(v, u)
                            for v, u, c in zip(targets["target"], targets["unit"], targets["comparator"], strict=True)
                        ],
                        t("common.deadline"): targets["target_period"].map(fmt.period),
                        t("profile.col_latest"): [
                            val(v, u) + (f" ({fmt.period(p)})" if isinstance(p, str) else "")
                            for v, u, p in zip(targets["latest_value"], targets["unit"], targets["latest_period"], strict=True)
                        ],
                    }
                ),
                name=f"alueen-tavoitteet-{code}",
                title=t("profile.targets_title"),
                source=described([*targets["source_ref"], *targets["latest_source_ref"]]),
                sortable=False,
            )
            st.caption(t("profile.targets_note"))
            with st.expander(t("profile.targets_statements")):
                for _, r in targets.iterrows():
                    st.markdown(f"- “{r['statement_fi']}” — {ui.describe_source(r['source_ref'])}")
            ui.source_caption([*targets["source_ref"], *targets["latest_source_ref"]])
        achieved = ui.q("profile/achievements", region=code)
        if not achieved.empty:
            st.markdown(f"**{t('profile.achievements_title')}**")
            for _, r in achieved.iterrows():
                st.markdown(f"- {r['name_fi']}: “{r['statement_fi']}” ({fmt.period(r['statement_period'])})")
            ui.source_caption(achieved["source_ref"])

    # --- investment 3 pilots and investment 4 innovations --------------------------------------------------------
    if ui.section(t("profile.pilots_title")):
        if pilots.empty:
            st.info(t("profile.pilots_missing", county=name_of(code)))
        else:
            st.markdown("\n".join(f"- {p}" for p in pilots["pilot_fi"]))
            absent = pilot_lists[~pilot_lists["pilot_code"].isin(pilots["pilot_code"])]
            if not absent.empty:
                st.caption(t("profile.pilots_not_named", lists="; ".join(absent["pilot_fi"])))
        ui.source_caption(pilot_lists["source_ref"])
    if ui.section(t("profile.innovations_title")):
        if inno.empty:
            st.info(t("profile.innovations_missing", county=name_of(code)))
            ui.source_caption(inno_all["source_ref"])
        else:
            ui.table(
                pd.DataFrame(
                    {
                        t("profile.col_innovation"): inno["innovation_fi"],
                        t("profile.col_users"): inno["user_count"],
                        t("profile.col_users_text"): inno["user_count_text"],
                        t("profile.col_basis"): inno["basis_fi"],
                    }
                ),
                formats={t("profile.col_users"): ui.fmt_num},
                name=f"innovaatiot-{code}",
                title=t("profile.innovations_title"),
                source=described(inno["source_ref"]),
            )
            ui.source_caption(inno["source_ref"])

    # --- other indicator values of the county ------------------------------------------------------------------
    other = ui.q("profile/other_values", region=code)
    if not other.empty and ui.section(t("profile.other_title")):
        ui.table(
            pd.DataFrame(
                {
                    t("profile.col_indicator"): other["indicator_name_fi"],
                    t("common.period"): other["period"].map(fmt.period),
                    t("common.value"): [fmt.value(v, u, lang) for v, u in zip(other["value"], other["unit"], strict=True)],
                    t("profile.col_note"): other["note"],
                }
            ),
            name=f"muut-arvot-{code}",
            title=t("profile.other_title"),
            source=described(other["source_ref"]),
        )
        ui.source_caption(other["source_ref"])

    # --- the collaboration area: development manager and research funding ------------------------------------------
    if ui.section(t("profile.yta_title", yta=cyta) if cyta else t("profile.yta_title_none")):
        if cyta:
            contacts_and_research([cyta])
        else:
            st.info(t("profile.no_yta_info", county=name_of(code)))

    # --- what the documents say about the county in words ------------------------------------------------------------
    if ui.section(t("profile.narratives_title")):
        if lang != "fi":
            st.caption(t("common.findings_note"))
        narr = ui.q("profile/narratives", region=code)
        if narr.empty:
            st.info(t("profile.narratives_missing", county=name_of(code)))
        else:
            narr["group"] = narr["investment_code"].map(lambda c: inv_label(c) if isinstance(c, str) else t("profile.whole_project"))
            narr["group"] = [
                g + (f" · {n}" if isinstance(n, str) else "") for g, n in zip(narr["group"], narr["investment_name"], strict=True)
            ]
            for (period, group), part in narr.groupby(["period", "group"], sort=False):
                with st.expander(f"{fmt.period(period)} · {group} · {len(part)}", expanded=False):
                    for _order, rows in part.groupby("section_order", sort=True):
                        st.markdown(f"**{t('common.section.' + rows['section'].iloc[0])}**")
                        st.markdown("\n".join(f"- {x.replace(chr(10), ' ')}" for x in rows["text_fi"]))
                    ui.source_caption(part["source_ref"])

    # --- onwards (links; not part of a presentation) -------------------------------------------------------------------
    if code in set(areas["region_code"]) and not presenting and ui.section(t("profile.more_title")):
        params = {"alueet": code, **({"yta": cyta} if cyta else {})}
        cols = st.columns(4)
        links = [
            ("pages/edistyminen.py", "page.progress", ":material/grid_on:"),
            ("pages/inv1_hoitoon_paasy.py", "page.inv1", ":material/schedule:"),
            ("pages/inv3_tietopohja.py", "page.inv3", ":material/query_stats:"),
            ("pages/inv4_digi.py", "page.inv4", ":material/devices:"),
        ]
        for col, (path, title, icon) in zip(cols, links, strict=True):
            col.page_link(path, label=t(title), icon=icon, query_params=params)


# ================================================================================ overview (YTA or all)
def overview(area: str | None) -> None:
    codes = list(areas[areas["yta"] == area]["region_code"]) if area else all_codes
    digital = ui.q("profile/digital", regions=codes)
    prog = ui.q("profile/progress_by_county", regions=codes)
    st.header(t("profile.overview_yta", yta=area) if area else t("profile.overview_all"))
    if not area and not presenting:
        st.info(t("profile.pick_hint"), icon=":material/arrow_back:")

    # --- summary row ----------------------------------------------------------------------------------------
    if ui.section(t("common.key_figures")):
        m1, m2, m3 = st.columns(3)
        m1.metric(t("profile.m_counties"), fmt.integer(len(codes), lang))
        refs: list[str] = []
        if area:
            contacts = ui.q("profile/contacts", ytas=[area])
            research = ui.q("profile/research", ytas=[area])
            m2.metric(t("profile.m_manager"), contacts["name"].iloc[0] if not contacts.empty else t("common.no_data"))
            if research.empty:
                m3.metric(t("profile.m_research"), t("common.no_data"))
            elif len(research) == 1:
                m3.metric(t("profile.m_research"), fmt.meur(research["amount_meur"].iloc[0], lang),
                          help=research["project_fi"].iloc[0])
            else:
                m3.metric(t("profile.m_research_sum"), fmt.meur(research["amount_meur"].sum(), lang))
            refs += [*contacts["source_ref"], *research["source_ref"]]
        else:
            nat = digital[digital["region_code"] == "SSS"].sort_values("end_date")
            m2.metric(t("profile.m_ytas"), fmt.integer(len(ui.YTAS), lang))
            if nat.empty:
                m3.metric(t("profile.m_digital_nodata"), t("common.no_data"))
            else:
                m3.metric(t("profile.m_digital_national", period=fmt.period(nat["period"].iloc[-1])),
                          ui.fmt_pct(nat["value"].iloc[-1]))
                refs.append(nat["source_ref"].iloc[-1])
        ui.source_caption(refs)

    # --- one row per county, with links to their profiles ------------------------------------------------------------
    if ui.section(t("profile.counties_title")):
        table = pd.DataFrame({"region_code": codes})
        table[t("common.county")] = table["region_code"].map(name_of)
        if not area:
            table[t("common.yta")] = table["region_code"].map(
                lambda c: regs.loc[c, "yta"] if isinstance(regs.loc[c, "yta"], str) else "–"
            )
        formats = {}
        county_digital = digital[digital["region_code"] != "SSS"]
        for p in dict.fromkeys(county_digital.sort_values("end_date")["period"]):
            col = t("profile.col_digital", period=fmt.period(p))
            table[col] = table["region_code"].map(county_digital[county_digital["period"] == p].set_index("region_code")["value"])
            formats[col] = ui.fmt_pct
        latest = prog.sort_values("end_date").groupby("investment_code").tail(1)[["investment_code", "period", "pillar"]]
        for _, inv in latest.sort_values(["pillar", "investment_code"]).iterrows():
            col = t("profile.col_progress", inv=inv_label(inv["investment_code"]), period=fmt.period(inv["period"]))
            part = prog[(prog["investment_code"] == inv["investment_code"]) & (prog["period"] == inv["period"])]
            table[col] = table["region_code"].map(part.set_index("region_code")["percent"])
            formats[col] = pct
        n_pilots = pilots_all[pilots_all["region_code"].isin(codes)].groupby("region_code").size()
        n_inno = inno_all.groupby("region_code").size()
        table[t("profile.m_pilots")] = table["region_code"].map(n_pilots)
        table[t("profile.m_innovations")] = table["region_code"].map(n_inno)
        formats[t("profile.m_pilots")] = ui.fmt_num
        formats[t("profile.m_innovations")] = ui.fmt_num
        table_refs = [*digital["source_ref"], *prog["source_ref"], *pilots_all["source_ref"], *inno_all["source_ref"]]
        ui.table(table.drop(columns=["region_code"]), formats=formats, name=f"alueet-{area or 'kaikki'}",
                 title=t("profile.counties_title"), source=described(table_refs))
        st.caption(t("profile.overview_note"))
        ui.source_caption(table_refs)

        if not presenting:
            st.markdown(f"**{t('profile.open_profile')}**")
            per_row = 4
            for start in range(0, len(codes), per_row):
                cols = st.columns(per_row)
                for col, code in zip(cols, codes[start : start + per_row], strict=False):
                    params = {"alue": code, **({"yta": area} if area else {})}
                    col.page_link("pages/alueet.py", label=name_of(code), icon=":material/location_on:", query_params=params)

    if area:
        # --- digital contacts chart of the YTA --------------------------------------------------------------------
        period = slides.latest_county_period(digital, codes)
        if period and ui.section(t("profile.digital_title")):
            nat_v = digital[(digital["region_code"] == "SSS") & (digital["period"] == period)]["value"]
            digital_chart(
                digital[(digital["period"] == period) & digital["region_code"].isin(codes)],
                nat_v.iloc[0] if len(nat_v) else None, period, f"digitaalinen-asiointi-{area}",
            )
            missing = [name_of(c) for c in codes if c not in set(digital[digital["period"] == period]["region_code"])]
            if missing:
                st.caption(t("profile.digital_missing_list", names=", ".join(missing)))
            ui.source_caption(digital["source_ref"])

        # --- pilots of the area (joint authorities such as HUS included) --------------------------------------------
        if ui.section(t("profile.pilots_title")):
            in_area = pilots_all[pilots_all["region_code"].isin(codes) | (pilots_all["kind"] == "joint_authority")]
            if in_area.empty:
                st.info(t("profile.pilots_missing_yta", yta=area))
            else:
                for (_code, pilot), part in in_area.groupby(["pilot_code", "pilot_fi"], sort=False):
                    st.markdown(f"- **{pilot}**: {', '.join(part['participant'])}")
            ui.source_caption(pilot_lists["source_ref"])

    # --- development managers and research funding ----------------------------------------------------------------------
    if ui.section(t("profile.yta_table_title")):
        contacts_and_research([area] if area else [])


if alue:
    county_view(alue)
else:
    overview(yta)
