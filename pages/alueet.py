"""Alueet: everything the data say about one county (param ``alue``) across pillars and investments, or — with
no county chosen — an overview of a collaboration area (param ``yta``) or of all areas.

Comparisons with the YTA and the whole country use values of the same period; means are computed from the rows
and labelled as computed. Whatever the sources do not give is shown as "ei tietoa", with the reason.

Reruns stay cheap: tables (their cell text formatted once, by ``ui.prepare_table``) and chart specs come from
one cached builder per view (keyed on the database version, language and county or area), and the parts that
only draw (key figures, notes, pilots, findings, links) are ``ui.replayed``."""

import pandas as pd
import streamlit as st

from rrp_data import charts, fmt, slides, ui

t = ui.t
lang = ui.lang()
presenting = ui.presenting()
version = ui.db_version()  # the builders below query the database: a rebuilt file gives new entries

# --- filters: YTA, then a county (limited to the chosen YTA) ------------------------------------------------
if not presenting:
    st.sidebar.subheader(t("filter.heading"))
yta = ui.param_select("yta", ["", *ui.YTAS], "", t("filter.yta"), format_func=lambda v: v or t("filter.yta_all")) or None
region_rows = ui.lookups()["region_rows"]  # code -> the region's row (names, kind, YTA)
area_codes = list(ui.lookups()["areas"]["region_code"])  # the 22 project areas, in Finnish alphabetical order
all_options = [*area_codes, *(c for c, r in region_rows.items() if r["kind"] == "autonomous")]  # + Åland
options = [c for c in all_options if not yta or region_rows[c]["yta"] == yta]
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
all_codes = tuple(all_options)


def name_of(code: str) -> str:
    return ui.region_name(code)


def pct(x) -> str:
    """A percentage as printed in the source (no rounding): 60 %, 27,6 %."""
    return slides.pct_as_printed(x, ui.lang())


def inv_label(code: str) -> str:
    return t("profile.inv." + code)


def described(refs) -> str:
    """The distinct sources behind a table or chart as one line (its slide's source line)."""
    return " · ".join(ui.describe_source(r) for r in dict.fromkeys(r for r in refs if isinstance(r, str) and r))


def yta_of(code: str) -> str | None:
    y = region_rows[code]["yta"]
    return y if isinstance(y, str) else None


def yta_codes(area: str) -> list[str]:
    """The project areas of a collaboration area, in Finnish alphabetical order."""
    return [c for c in area_codes if region_rows[c]["yta"] == area]


def digital_spec(digital: pd.DataFrame, regions: list[str], period: str, focus: frozenset) -> dict:
    """Bars of Sotkanet 5548 for one period (``digital``: profile/digital rows); the county in focus in the
    primary colour, bold and marked with ◆; the target and the whole-country value as rules."""
    df = digital[(digital["period"] == period) & digital["region_code"].isin(regions)]
    d = pd.DataFrame(
        {"region_code": df["region_code"], "county": df["region_code"].map(name_of), "value": df["value"],
         "label": df["value"].map(ui.fmt_pct)}
    )
    nat = digital[(digital["region_code"] == "SSS") & (digital["period"] == period)]["value"]
    national = nat.iloc[0] if len(nat) else None
    nat_value = None if national is None or fmt.is_missing(national) else float(national)
    target = float(ui.q("profile/target").iloc[0]["target"])
    return charts.spec(slides.digital_bars(d, focus, target, nat_value, period, ui.lang()))


@ui.cache_data(show_spinner=False, max_entries=200)
def county_facts(version: tuple, lang: str, code: str) -> slides.CountyFacts:
    """The county's key figures and one-pager content (rrp_data/slides.py), cached per database version and
    language."""
    return slides.app_county_facts(code)


# --- what each section shows (run by the cached builders ``profile_view`` and ``overview_view`` below) ------------


def yta_contacts(lang: str, ytas: tuple[str, ...]) -> tuple[ui.PreparedTable, str, tuple]:
    """Development managers and research funding of the given collaboration areas (all five when none); the
    table's source line and source refs."""
    contacts = ui.q("profile/contacts", ytas=list(ytas))
    research = ui.q("profile/research", ytas=list(ytas))
    merged = pd.DataFrame({"yta": list(ytas) if ytas else list(ui.YTAS)})
    merged = merged.merge(contacts, on="yta", how="left").merge(research, on="yta", how="left")
    table = pd.DataFrame(
        {
            t("common.yta"): merged["yta"],
            t("profile.col_manager"): merged["name"],
            t("profile.col_phone"): merged["phone"],
            t("profile.col_research"): merged["project_fi"],
            t("profile.col_amount"): merged["amount_meur"],
        }
    )
    refs = (*contacts["source_ref"], *research["source_ref"])
    return ui.prepare_table(table, {t("profile.col_amount"): lambda x: fmt.meur(x, lang)}), described(refs), refs


def county_digital(facts: slides.CountyFacts, code: str, focus: frozenset) -> dict:
    """Sotkanet 5548 of the county, its YTA peers and the whole country: the bar chart of the county's newest
    period (``spec``; None without one), peers without a value then, and the table of every period."""
    cyta = yta_of(code)
    peers = yta_codes(cyta) if cyta else [code]
    digital = ui.q("profile/digital", regions=peers)
    period = facts.digital_period
    out = {"no_value": digital[digital["region_code"] == code].empty, "period": period, "spec": None, "missing": ()}
    if period:
        shown = digital[(digital["period"] == period) & digital["region_code"].isin(peers)]
        out["spec"] = digital_spec(digital, peers, period, focus)
        out["missing"] = tuple(name_of(c) for c in peers if c != code and c not in set(shown["region_code"]))
    # one row per region (the peers, then the whole country), one column per period
    periods = list(dict.fromkeys(digital.sort_values("end_date")["period"]))
    wide = digital.pivot_table(index="region_code", columns="period", values="value", aggfunc="first")
    rows = [*peers, "SSS"]
    table = pd.DataFrame({t("common.county"): [name_of(c) if c != "SSS" else t("common.national") for c in rows]})
    for p in periods:
        table[fmt.period(p)] = [wide.loc[c, p] if c in wide.index and p in wide.columns else None for c in rows]
    out["table"] = ui.prepare_table(table, {fmt.period(p): ui.fmt_pct for p in digital["period"].unique()})
    out["refs"] = tuple(digital["source_ref"])
    out["source"] = described(out["refs"])
    return out


def county_progress(facts: slides.CountyFacts, lang: str, code: str) -> dict:
    """Progress % per period and investment: the county against its YTA and national means (computed), as a
    table and (``spec``; None without values) as grouped bars of the newest period per investment."""
    progress = ui.q("profile/progress", region=code)
    county_col = t("profile.col_county_value", county=name_of(code))
    refs = (*progress["source_ref"], *[r for refs_ in progress["all_refs"] for r in refs_])
    table = pd.DataFrame(
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
    )
    formats = {
        county_col: pct,
        t("profile.col_yta_mean"): ui.fmt_pct,
        t("profile.col_all_mean"): ui.fmt_pct,
        t("profile.col_yta_n"): ui.fmt_num,
        t("profile.col_all_n"): ui.fmt_num,
    }
    comparison = facts.progress
    out = {"no_value": progress["percent"].isna().all(), "table": ui.prepare_table(table, formats), "refs": refs,
           "source": described(refs), "spec": None, "alt": ""}
    if not comparison.empty:
        out["spec"] = charts.spec(slides.progress_bars(comparison, lang))
        out["alt"] = t("profile.progress_chart_alt", county=name_of(code)) + " " + "; ".join(
            f"{i}: {s} {v}" for i, s, v in zip(comparison["inv"], comparison["series"], comparison["label"], strict=True)
        )
    return out


def county_targets(lang: str, code: str) -> tuple[ui.PreparedTable | None, str]:
    """The county's own targets from its project plan (None: the plan gives none) and the table's source line."""
    targets = ui.q("profile/targets", region=code)
    if targets.empty:
        return None, ""

    def val(x, unit):
        return fmt.value(x, unit, lang)

    table = pd.DataFrame(
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
    )
    return ui.prepare_table(table), described([*targets["source_ref"], *targets["latest_source_ref"]])


def county_innovations(code: str) -> tuple[ui.PreparedTable | None, str, tuple]:
    """The county's digital innovations (None: none reported), the table's source line and its source refs
    (without innovations: the refs of the whole innovations list)."""
    inno_all = ui.q("profile/innovations", regions=list(all_codes))
    inno = inno_all[inno_all["region_code"] == code]
    if inno.empty:
        return None, "", tuple(inno_all["source_ref"])
    table = pd.DataFrame(
        {
            t("profile.col_innovation"): inno["innovation_fi"],
            t("profile.col_users"): inno["user_count"],
            t("profile.col_users_text"): inno["user_count_text"],
            t("profile.col_basis"): inno["basis_fi"],
        }
    )
    return (ui.prepare_table(table, {t("profile.col_users"): ui.fmt_num}), described(inno["source_ref"]),
            tuple(inno["source_ref"]))


def county_other_values(lang: str, code: str) -> tuple[ui.PreparedTable | None, str, tuple]:
    """Other indicator values of the county (None: none), the table's source line and source refs."""
    other = ui.q("profile/other_values", region=code)
    if other.empty:
        return None, "", ()
    table = pd.DataFrame(
        {
            t("profile.col_indicator"): other["indicator_name_fi"],
            t("common.period"): other["period"].map(fmt.period),
            t("common.value"): [fmt.value(v, u, lang) for v, u in zip(other["value"], other["unit"], strict=True)],
            t("profile.col_note"): other["note"],
        }
    )
    return ui.prepare_table(table), described(other["source_ref"]), tuple(other["source_ref"])


def counties_table(area: str | None, codes: tuple[str, ...]) -> dict:
    """One row per county of the overview: Sotkanet 5548 per period, the newest progress % per investment,
    numbers of pilots and innovations; the source line and source refs."""
    digital = ui.q("profile/digital", regions=list(codes))
    prog = ui.q("profile/progress_by_county", regions=list(codes))
    pilots_all = ui.q("profile/pilots", regions=list(all_codes), yta=area or "")
    inno_all = ui.q("profile/innovations", regions=list(all_codes))
    table = pd.DataFrame({"region_code": list(codes)})
    table[t("common.county")] = table["region_code"].map(name_of)
    if not area:
        table[t("common.yta")] = table["region_code"].map(lambda c: yta_of(c) or "–")
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
    refs = (*digital["source_ref"], *prog["source_ref"], *pilots_all["source_ref"], *inno_all["source_ref"])
    return {"table": ui.prepare_table(table.drop(columns=["region_code"]), formats), "refs": refs,
            "source": described(refs)}


def area_digital(area: str, focus: frozenset) -> dict:
    """Sotkanet 5548 of a collaboration area: its newest period with county values (None: no values), the bar
    chart of that period, the counties without a value then, and the source refs."""
    codes = yta_codes(area)
    digital = ui.q("profile/digital", regions=codes)
    period = slides.latest_county_period(digital, codes)
    if not period:
        return {"period": None}
    have = set(digital[digital["period"] == period]["region_code"])
    return {"period": period, "spec": digital_spec(digital, codes, period, focus),
            "missing": tuple(name_of(c) for c in codes if c not in have), "refs": tuple(digital["source_ref"])}


@ui.cache_data(show_spinner=False, max_entries=200)
def profile_view(version: tuple, lang: str, code: str, focus: frozenset) -> dict:
    """Every section's tables, figures and chart specs of one county, built once per database version, language
    and focus (the queries, pandas and Altair work; a rerun pays one cache lookup for the page)."""
    facts = county_facts(version, lang, code)
    cyta = yta_of(code)
    return {
        "facts": facts,
        "digital": county_digital(facts, code, focus),
        "progress": county_progress(facts, lang, code),
        "targets": county_targets(lang, code),
        "innovations": county_innovations(code),
        "other": county_other_values(lang, code),
        "contacts": yta_contacts(lang, (cyta,)) if cyta else None,
    }


@ui.cache_data(show_spinner=False, max_entries=100)
def overview_view(version: tuple, lang: str, area: str | None, codes: tuple[str, ...], focus: frozenset) -> dict:
    """Every section's tables and chart specs of the overview of a collaboration area (or of all areas), built
    once per database version, language and focus (a rerun pays one cache lookup for the page)."""
    return {
        "counties": counties_table(area, codes),
        "digital": area_digital(area, focus) if area else None,
        "contacts": yta_contacts(lang, (area,) if area else ()),
    }


# --- parts that only draw: replayed on reruns ------------------------------------------------------------------


@ui.replayed()
def county_header(code: str) -> None:
    """Whose figures: the county's name, its YTA and development manager (on every step of a presentation)."""
    reg = region_rows[code]
    cyta = yta_of(code)
    contacts = ui.q("profile/contacts", ytas=[cyta]) if cyta else pd.DataFrame()
    st.header(str(reg["name_fi"] if ui.lang() != "sv" else reg["name_sv"]))
    line = [t("profile.yta_line", yta=cyta) if cyta else t("profile.no_yta")]
    if not contacts.empty:
        c = contacts.iloc[0]
        line.append(t("profile.manager_line", role=c["role_fi"], name=c["name"], phone=c["phone"] or t("common.no_data")))
    st.markdown(" · ".join(line))


@ui.replayed()
def county_key_figures(code: str) -> None:
    """The county's key figures: the same facts as its one-pager (rrp_data/slides.py), so they always agree."""
    facts = county_facts(ui.db_version(), ui.lang(), code)
    for col, f in zip(st.columns(len(facts.figures)), facts.figures, strict=True):
        if f.delta:
            col.metric(f.label, f.value, delta=f.delta, delta_color="off", delta_arrow="off", help=f.help)
        else:
            col.metric(f.label, f.value, help=f.help)
    ui.source_caption(facts.figure_refs)


@ui.replayed()
def county_target_notes(code: str) -> None:
    """Under the targets table: how to read it, the plan's own statements and the sources; then what the
    documents say the county has achieved."""
    targets = ui.q("profile/targets", region=code)
    if not targets.empty:
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


@ui.replayed()
def county_pilots(code: str, yta: str) -> None:
    """The investment 3 pilots the county takes part in, and the pilot lists that do not name it."""
    pilots_all = ui.q("profile/pilots", regions=list(all_codes), yta=yta)
    pilots = pilots_all[pilots_all["region_code"] == code]
    pilot_lists = ui.q("profile/pilot_lists")
    if pilots.empty:
        st.info(t("profile.pilots_missing", county=name_of(code)))
    else:
        st.markdown("\n".join(f"- {p}" for p in pilots["pilot_fi"]))
        absent = pilot_lists[~pilot_lists["pilot_code"].isin(pilots["pilot_code"])]
        if not absent.empty:
            st.caption(t("profile.pilots_not_named", lists="; ".join(absent["pilot_fi"])))
    ui.source_caption(pilot_lists["source_ref"])


@ui.replayed()
def county_narratives(code: str) -> None:
    """What the documents say about the county in words, by period and investment."""
    if ui.lang() != "fi":
        st.caption(t("common.findings_note"))
    narr = ui.q("profile/narratives", region=code)
    if narr.empty:
        st.info(t("profile.narratives_missing", county=name_of(code)))
        return
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


@ui.replayed()
def county_links(code: str, cyta: str | None) -> None:
    """Onwards: the county on the other pages (filtered to it)."""
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


@ui.replayed()
def overview_key_figures(area: str | None, codes: tuple[str, ...]) -> None:
    """Number of counties; of a YTA its development manager and research funding, of all areas the number of
    YTAs and the national Sotkanet 5548 value."""
    m1, m2, m3 = st.columns(3)
    m1.metric(t("profile.m_counties"), fmt.integer(len(codes), ui.lang()))
    refs: list[str] = []
    if area:
        contacts = ui.q("profile/contacts", ytas=[area])
        research = ui.q("profile/research", ytas=[area])
        m2.metric(t("profile.m_manager"), contacts["name"].iloc[0] if not contacts.empty else t("common.no_data"))
        if research.empty:
            m3.metric(t("profile.m_research"), t("common.no_data"))
        elif len(research) == 1:
            m3.metric(t("profile.m_research"), fmt.meur(research["amount_meur"].iloc[0], ui.lang()),
                      help=research["project_fi"].iloc[0])
        else:
            m3.metric(t("profile.m_research_sum"), fmt.meur(research["amount_meur"].sum(), ui.lang()))
        refs += [*contacts["source_ref"], *research["source_ref"]]
    else:
        digital = ui.q("profile/digital", regions=list(codes))
        nat = digital[digital["region_code"] == "SSS"].sort_values("end_date")
        m2.metric(t("profile.m_ytas"), fmt.integer(len(ui.YTAS), ui.lang()))
        if nat.empty:
            m3.metric(t("profile.m_digital_nodata"), t("common.no_data"))
        else:
            m3.metric(t("profile.m_digital_national", period=fmt.period(nat["period"].iloc[-1])),
                      ui.fmt_pct(nat["value"].iloc[-1]))
            refs.append(nat["source_ref"].iloc[-1])
    ui.source_caption(refs)


@ui.replayed()
def counties_notes(refs: tuple, area: str | None, codes: tuple[str, ...], links: bool) -> None:
    """Under the overview table: how to read it, its sources and (not in a presentation) a link to every
    county's profile."""
    st.caption(t("profile.overview_note"))
    ui.source_caption(refs)
    if links:
        st.markdown(f"**{t('profile.open_profile')}**")
        per_row = 4
        for start in range(0, len(codes), per_row):
            cols = st.columns(per_row)
            for col, code in zip(cols, codes[start : start + per_row], strict=False):
                params = {"alue": code, **({"yta": area} if area else {})}
                col.page_link("pages/alueet.py", label=name_of(code), icon=":material/location_on:", query_params=params)


@ui.replayed()
def area_pilots(area: str) -> None:
    """The pilots of a collaboration area's counties (joint authorities such as HUS included)."""
    codes = yta_codes(area)
    pilots_all = ui.q("profile/pilots", regions=list(all_codes), yta=area)
    in_area = pilots_all[pilots_all["region_code"].isin(codes) | (pilots_all["kind"] == "joint_authority")]
    if in_area.empty:
        st.info(t("profile.pilots_missing_yta", yta=area))
    else:
        for (_code, pilot), part in in_area.groupby(["pilot_code", "pilot_fi"], sort=False):
            st.markdown(f"- **{pilot}**: {', '.join(part['participant'])}")
    ui.source_caption(ui.q("profile/pilot_lists")["source_ref"])


def contacts_and_research(contacts: tuple[ui.PreparedTable, str, tuple]) -> None:
    table, source, refs = contacts
    ui.table(
        table,
        name="yhteistyoalueet",
        title=t("profile.yta_table_title"),
        source=source,
        sortable=False,
    )
    ui.source_caption(refs)


# ================================================================================ one county
def county_view(code: str) -> None:
    cyta = yta_of(code)
    view = profile_view(version, lang, code, focus)

    # --- the county's header (shown on every step of a presentation, so the audience knows whose figures) ------
    county_header(code)
    if not presenting:
        slides.onepager_buttons(view["facts"])

    # --- summary row --------------------------------------------------------------------------------------
    if ui.section(t("common.key_figures")):
        county_key_figures(code)

    # --- digital contacts vs YTA and whole country -----------------------------------------------------------
    if ui.section(t("profile.digital_title")):
        digital = view["digital"]
        if digital["no_value"]:
            st.info(t("profile.digital_missing", county=name_of(code)))
        if digital["period"]:
            ui.chart(
                digital["spec"],
                name=f"digitaalinen-asiointi-{code}",
                title=t("profile.digital_chart_title", period=fmt.period(digital["period"])),
                source=t("profile.digital_chart_source"),
            )
            if digital["missing"]:
                st.caption(t("profile.digital_missing_list", names=", ".join(digital["missing"])))
        ui.table(
            digital["table"],
            name=f"digitaalinen-asiointi-{code}-taulukko",
            title=t("profile.digital_title"),
            source=digital["source"],
            sortable=False,
        )
        if cyta:
            st.caption(t("profile.peers_note", yta=cyta))
        ui.source_caption(digital["refs"])

    # --- progress % vs YTA and national means (computed) -------------------------------------------------------
    if ui.section(t("profile.progress_title")):
        progress = view["progress"]
        if progress["no_value"]:
            st.info(t("profile.progress_missing", county=name_of(code)))
        ui.table(
            progress["table"],
            name=f"edistyminen-{code}",
            title=t("profile.progress_title"),
            source=progress["source"],
            sortable=False,
        )
        if progress["spec"] is not None:
            ui.chart(
                progress["spec"],
                name=f"edistyminen-{code}-kaavio",
                title=t("profile.progress_chart_title", county=name_of(code)),
                source=progress["source"],
                alt_text=progress["alt"],
            )
        st.caption(t("profile.computed_note"))
        ui.source_caption(progress["refs"])

    # --- the county's own targets ---------------------------------------------------------------------------
    if ui.section(t("profile.targets_title")):
        targets, targets_source = view["targets"]
        if targets is None:
            st.info(t("profile.targets_missing", county=name_of(code)))
        else:
            ui.table(targets, name=f"alueen-tavoitteet-{code}", title=t("profile.targets_title"), source=targets_source,
                     sortable=False)
        county_target_notes(code)

    # --- investment 3 pilots and investment 4 innovations --------------------------------------------------------
    if ui.section(t("profile.pilots_title")):
        county_pilots(code, yta or "")
    if ui.section(t("profile.innovations_title")):
        inno, inno_source, inno_refs = view["innovations"]
        if inno is None:
            st.info(t("profile.innovations_missing", county=name_of(code)))
            ui.source_caption(inno_refs)
        else:
            ui.table(inno, name=f"innovaatiot-{code}", title=t("profile.innovations_title"), source=inno_source)
            ui.source_caption(inno_refs)

    # --- other indicator values of the county ------------------------------------------------------------------
    other, other_source, other_refs = view["other"]
    if other is not None and ui.section(t("profile.other_title")):
        ui.table(other, name=f"muut-arvot-{code}", title=t("profile.other_title"), source=other_source)
        ui.source_caption(other_refs)

    # --- the collaboration area: development manager and research funding ------------------------------------------
    if ui.section(t("profile.yta_title", yta=cyta) if cyta else t("profile.yta_title_none")):
        if cyta:
            contacts_and_research(view["contacts"])
        else:
            st.info(t("profile.no_yta_info", county=name_of(code)))

    # --- what the documents say about the county in words ------------------------------------------------------------
    if ui.section(t("profile.narratives_title")):
        county_narratives(code)

    # --- onwards (links; not part of a presentation) -------------------------------------------------------------------
    if code in area_codes and not presenting and ui.section(t("profile.more_title")):
        county_links(code, cyta)


# ================================================================================ overview (YTA or all)
def overview(area: str | None) -> None:
    codes = tuple(yta_codes(area)) if area else all_codes
    view = overview_view(version, lang, area, codes, focus)
    st.header(t("profile.overview_yta", yta=area) if area else t("profile.overview_all"))
    if not area and not presenting:
        st.info(t("profile.pick_hint"), icon=":material/arrow_back:")

    # --- summary row ----------------------------------------------------------------------------------------
    if ui.section(t("common.key_figures")):
        overview_key_figures(area, codes)

    # --- one row per county, with links to their profiles ------------------------------------------------------------
    if ui.section(t("profile.counties_title")):
        counties = view["counties"]
        ui.table(counties["table"], name=f"alueet-{area or 'kaikki'}", title=t("profile.counties_title"),
                 source=counties["source"])
        counties_notes(counties["refs"], area, codes, not presenting)

    if area:
        # --- digital contacts chart of the YTA --------------------------------------------------------------------
        digital = view["digital"]
        if digital["period"] and ui.section(t("profile.digital_title")):
            ui.chart(
                digital["spec"],
                name=f"digitaalinen-asiointi-{area}",
                title=t("profile.digital_chart_title", period=fmt.period(digital["period"])),
                source=t("profile.digital_chart_source"),
            )
            if digital["missing"]:
                st.caption(t("profile.digital_missing_list", names=", ".join(digital["missing"])))
            ui.source_caption(digital["refs"])

        # --- pilots of the area (joint authorities such as HUS included) --------------------------------------------
        if ui.section(t("profile.pilots_title")):
            area_pilots(area)

    # --- development managers and research funding ----------------------------------------------------------------------
    if ui.section(t("profile.yta_table_title")):
        contacts_and_research(view["contacts"])


if alue:
    county_view(alue)
else:
    overview(yta)
