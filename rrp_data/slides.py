"""Slides: the current view as a PowerPoint deck, and a county one-pager (one slide, and the same as PNG).

Pure part (no Streamlit calls):

- ``deck(title, filter_lines, data_date, items, lang)`` turns what a page showed (``ui.view()["items"]``: charts
  as finished Vega-Lite specs, tables as frames of display strings) into a 16:9 .pptx: a title slide with the
  filter summary and the data date, one slide per chart (rendered with vl-convert, Finnish number format, alt
  text on the picture, source line below) and native PowerPoint tables (split over several slides when long).
- ``county_facts(run, code, lang, describe)`` gathers everything the data say about one county through a query
  runner (``ui.q`` in the app, ``query.run`` in tests) — the same ``queries/profile/*.sql`` the county profile
  page uses — as plain values; ``onepager_spec`` lays them out as one Vega-Lite composition, rendered once to
  the PNG that also fills the one-pager slide (so the PNG and the slide are the same picture).

Streamlit part: ``export_button`` (sidebar, current view) and ``onepager_buttons`` (county profile page). Their
downloads are deferred: every input is computed during the script run and captured; the callables touch no
``st.*`` or ``ui.*`` (Streamlit runs them later, outside the script run).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import struct
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from . import charts, fmt, i18n

t = i18n.t

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# ----------------------------------------------------------------------------- geometry (16:9)

SLIDE_W = Inches(13.333)
SLIDE_H = Inches(7.5)
MARGIN = Inches(0.5)
BODY_W = SLIDE_W - 2 * MARGIN
TITLE_TOP, TITLE_H = Inches(0.3), Inches(0.9)
BODY_TOP = Inches(1.3)
SOURCE_TOP, SOURCE_H = Inches(6.75), Inches(0.55)
BODY_H = SOURCE_TOP - BODY_TOP - Inches(0.1)

ROWS_PER_SLIDE = 12  # table rows per slide at most (fewer when the cells hold long texts)
CHART_WIDTH_PX = 1150  # a chart drawn for the browser's full width gets this width on a slide
CHART_SCALE = 2.0  # ~190 dpi at the content width: sharp on a projector and in print

DARK = RGBColor(0x1F, 0x2A, 0x36)
GREY = RGBColor(0x4A, 0x55, 0x60)
LAYOUT_TITLE, LAYOUT_TITLE_ONLY, LAYOUT_BLANK = 0, 5, 6
CORE_LANG = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", png[16:24])


def render_png(spec: dict, scale: float = CHART_SCALE) -> bytes:
    """A Vega-Lite spec as PNG in the Finnish number and date format."""
    return vlc.vegalite_to_png(spec, scale=scale, format_locale="fi-FI", time_format_locale="fi-FI")


def slide_spec(spec: dict) -> dict:
    """A copy of a page chart's spec for a slide: a fixed width where the page let it stretch, white background."""
    out = dict(spec)
    composed = any(k in out for k in ("hconcat", "vconcat", "concat", "facet", "repeat"))
    if not composed and out.get("width") in (None, "container"):
        out["width"] = CHART_WIDTH_PX
    out["background"] = "white"
    return out


def _new_presentation(title: str, lang: str) -> Presentation:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    props = prs.core_properties
    props.title = title[:250]
    props.author = "RRP-seuranta"
    props.language = CORE_LANG.get(lang, "fi-FI")
    return prs


def _style(paragraph, size: float, bold: bool = False, color: RGBColor = DARK) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = color


def _set_title(slide, text: str, size: float = 26) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, TITLE_TOP, BODY_W, TITLE_H
    tf = shape.text_frame
    tf.text = text
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.MIDDLE
    for p in tf.paragraphs:
        p.alignment = PP_ALIGN.LEFT
        _style(p, size, bold=True)


def _source_line(slide, text: str) -> None:
    """The source line at the bottom; anchored to the bottom edge, smaller type for long lists of sources."""
    box = slide.shapes.add_textbox(MARGIN, SOURCE_TOP, BODY_W, SOURCE_H)
    box.name = "Source"
    tf = box.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.BOTTOM
    tf.text = text
    size = 11 if len(text) <= 220 else 9 if len(text) <= 420 else 8
    for p in tf.paragraphs:
        _style(p, size, color=GREY)


def source_text(source: str, lang: str) -> str:
    """The source line of a content slide ("Lähde: …"); an item recorded without a source says so."""
    if source and source.strip():
        return f"{t('common.source', lang)}: {source.strip()}"
    return t("slides.source_not_given", lang)


def _notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


# ----------------------------------------------------------------------------- title slide


def _title_slide(prs, title: str, filter_lines: Sequence[str], data_date: str, lang: str, today: dt.date) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    head = slide.shapes.title
    head.left, head.top, head.width, head.height = MARGIN, Inches(1.2), BODY_W, Inches(1.6)
    head.text_frame.text = title
    head.text_frame.word_wrap = True
    head.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    for p in head.text_frame.paragraphs:
        p.alignment = PP_ALIGN.LEFT
        _style(p, 38, bold=True)
    sub = slide.placeholders[1]
    sub.left, sub.top, sub.width, sub.height = MARGIN, Inches(3.1), BODY_W, Inches(3.8)
    tf = sub.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = MSO_ANCHOR.TOP
    lines = [(line, 20, DARK) for line in filter_lines]
    lines += [
        (t("slides.data_date", lang, date=data_date), 16, GREY),
        (t("slides.created", lang, date=fmt.date(today, lang)), 16, GREY),
        (t("slides.app", lang), 16, GREY),
    ]
    for i, (text, size, color) in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = text
        p.alignment = PP_ALIGN.LEFT
        _style(p, size, color=color)


# ----------------------------------------------------------------------------- chart slides


def _picture(slide, png: bytes, left: int, top: int, width: int, height: int, alt_text: str, name: str):
    """The PNG fitted into the box (aspect ratio kept, centred), with its alt text."""
    w_px, h_px = png_size(png)
    ratio = min(width / w_px, height / h_px)
    w, h = int(w_px * ratio), int(h_px * ratio)
    pic = slide.shapes.add_picture(io.BytesIO(png), Emu(left + (width - w) // 2), Emu(top + (height - h) // 2), Emu(w), Emu(h))
    c_nv_pr = pic._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", alt_text)
    c_nv_pr.set("name", name[:250])
    return pic


def _chart_slide(prs, item: Mapping[str, Any], lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, item["title"] or item["name"])
    png = render_png(slide_spec(item["spec"]))
    alt_text = item.get("alt") or item["title"]
    _picture(slide, png, MARGIN, BODY_TOP, BODY_W, BODY_H, alt_text, item["name"])
    _source_line(slide, source_text(item.get("source", ""), lang))
    _notes(slide, alt_text)


# ----------------------------------------------------------------------------- table slides

CHARS_PER_INCH = 11.0  # average characters per inch of 12 pt text (Calibri)
LINE_IN = 0.21
ROW_PAD_IN = 0.12
_NUMERIC = set("0123456789,.−-+ %€\u00a0\u202fMyks.penhp")


def _column_weights(frame: pd.DataFrame) -> list[float]:
    weights = []
    for c in frame.columns:
        lens = [len(str(c))] + [len(v) for v in frame[c].astype(str)]
        weights.append(min(max(max(lens), 4), 45))
    return weights


def _column_widths(frame: pd.DataFrame) -> list[int]:
    weights = _column_weights(frame)
    total = sum(weights) or 1
    widths = [int(BODY_W * w / total) for w in weights]
    widths[-1] += BODY_W - sum(widths)  # rounding: the table is exactly the body width
    return widths


def _row_lines(values: Sequence[str], widths_in: Sequence[float]) -> int:
    return max(
        (max(1, math.ceil(len(str(v)) / max(1.0, w * CHARS_PER_INCH))) for v, w in zip(values, widths_in, strict=True)),
        default=1,
    )


def table_pages(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """Row ranges [start, end) of the slides a table needs: at most ``ROWS_PER_SLIDE`` rows each, fewer when
    long cell texts would make the rows taller than the slide (estimated from characters per column width)."""
    widths_in = [w / Inches(1) for w in _column_widths(frame)]
    budget = BODY_H / Inches(1) - (ROW_PAD_IN + LINE_IN * _row_lines([str(c) for c in frame.columns], widths_in))
    pages, start, used = [], 0, 0.0
    for i, row in enumerate(frame.astype(str).itertuples(index=False)):
        h = ROW_PAD_IN + LINE_IN * _row_lines(list(row), widths_in)
        if i > start and (i - start >= ROWS_PER_SLIDE or used + h > budget):
            pages.append((start, i))
            start, used = i, 0.0
        used += h
    pages.append((start, len(frame)))
    return pages


def _is_numeric_column(values: Sequence[str], no_data: str) -> bool:
    shown = [v for v in values if v and v not in (no_data, "–")]
    return bool(shown) and all(v[0] in "0123456789−-+" and set(v) <= _NUMERIC for v in shown)


def _table_slide(prs, title: str, frame: pd.DataFrame, source: str, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, title)
    widths = _column_widths(frame)
    widths_in = [w / Inches(1) for w in widths]
    heights = [ROW_PAD_IN + LINE_IN * _row_lines([str(c) for c in frame.columns], widths_in)]
    heights += [ROW_PAD_IN + LINE_IN * _row_lines(list(r), widths_in) for r in frame.astype(str).itertuples(index=False)]
    shape = slide.shapes.add_table(len(frame) + 1, len(frame.columns), MARGIN, BODY_TOP, BODY_W, Inches(sum(heights)))
    shape.name = "Table"
    shape._element.nvGraphicFramePr.cNvPr.set("descr", title)
    table = shape.table
    for j, w in enumerate(widths):
        table.columns[j].width = Emu(w)
    for i, h in enumerate(heights):
        table.rows[i].height = Inches(h)
    no_data = t("common.no_data", lang)
    size = 12 if len(frame.columns) <= 7 else 11
    for j, col in enumerate(frame.columns):
        values = [str(v) for v in frame[col]]
        align = PP_ALIGN.RIGHT if _is_numeric_column(values, no_data) else PP_ALIGN.LEFT
        for i, text in enumerate([str(col), *values]):
            cell = table.cell(i, j)
            cell.text = text
            cell.margin_left = cell.margin_right = Inches(0.06)
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            for p in cell.text_frame.paragraphs:
                p.alignment = align
                for run in p.runs:
                    run.font.size = Pt(size)
                    run.font.bold = i == 0
    _source_line(slide, source_text(source, lang))


def _table_slides(prs, item: Mapping[str, Any], lang: str) -> None:
    frame = item["frame"].astype(str) if len(item["frame"]) else item["frame"]
    pages = table_pages(frame)
    title = item["title"] or item["name"]
    for k, (a, b) in enumerate(pages, start=1):
        part_title = f"{title} ({k}/{len(pages)})" if len(pages) > 1 else title
        _table_slide(prs, part_title, frame.iloc[a:b], item.get("source", ""), lang)


# ----------------------------------------------------------------------------- the deck


def deck(
    title: str,
    filter_lines: Sequence[str],
    data_date: str,
    items: Sequence[Mapping[str, Any]],
    lang: str = "fi",
    today: dt.date | None = None,
) -> bytes:
    """The view as a .pptx: a title slide, then the charts and tables in the order the page showed them."""
    today = today or dt.date.today()
    prs = _new_presentation(title, lang)
    _title_slide(prs, title, filter_lines, data_date, lang, today)
    for item in items:
        if item.get("kind") == "chart":
            _chart_slide(prs, item, lang)
        elif item.get("kind") == "table":
            _table_slides(prs, item, lang)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


FILTER_ORDER = ("kausi", "kausi2", "vuosi", "yta", "alue", "alueet", "investointi", "vertailu")


def filter_lines(
    params: Mapping[str, str],
    lang: str,
    region_name: Callable[[str], str] = str,
    investment_label: Callable[[str], str] = str,
) -> list[str]:
    """The view's filters (the address parameters) as readable lines for the title slide."""
    out = []
    for name in FILTER_ORDER:
        raw = params.get(name)
        if not raw:
            continue
        if name in ("kausi", "kausi2"):
            value = fmt.period(raw, lang)
        elif name == "alue":
            value = region_name(raw)
        elif name == "alueet":
            value = ", ".join(region_name(c) for c in raw.split(",") if c)
        elif name == "investointi":
            value = investment_label(raw)
        else:
            value = raw
        out.append(f"{t('slides.param.' + name, lang)}: {value}")
    if not out:
        out.append(t("slides.no_filters", lang))
    code = params.get("lang") or lang
    out.append(f"{t('slides.language', lang)}: {t('slides.lang_name.' + (code if code in i18n.LANGS else 'fi'), lang)}")
    return out


def date_stem(data_date: str) -> str:
    """The data date for a file name: 21.11.2025 -> 21-11-2025."""
    return data_date.replace(".", "-").replace(" ", "-")


# ============================================================================= county one-pager


def pct_as_printed(x: Any, lang: str) -> str:
    """A percentage as printed in the source (no rounding): 60 %, 27,6 %."""
    if fmt.is_missing(x):
        return t("common.no_data", lang)
    return f"{fmt.auto(x, lang)}{'' if lang == 'en' else fmt.NBSP}%"


@dataclass
class Figure:
    """One key figure: as an ``st.metric`` on the page, as a text block on the one-pager."""

    label: str
    value: str
    delta: str | None = None  # comparison with the whole country
    help: str | None = None
    yta: str | None = None  # comparison with the collaboration area (one-pager)
    note: str | None = None  # the source's own qualifier of the value (one-pager; the page shows it as help)


@dataclass
class CountyFacts:
    code: str
    name: str  # full name (Swedish in sv)
    short: str  # the name used in tables and charts (ui.region_name)
    yta: str | None
    manager: str | None  # "Alueellinen kehittämispäällikkö: Tarja Räty, puh. …"
    figures: list[Figure]
    digital_period: str | None
    digital: pd.DataFrame  # region_code, county, value, label (the county's YTA, newest period with county data)
    digital_national: float | None
    digital_target: float
    digital_missing: list[str]
    progress: pd.DataFrame  # inv, series, series_order, value, label
    target_lines: list[str]
    other_lines: list[str]
    sources: list[str]  # described sources, one line per document
    refs: list[str] = field(default_factory=list)  # the raw source_refs behind everything shown
    figure_refs: list[str] = field(default_factory=list)  # the source_refs behind the key figures


def _short_name(row: Mapping[str, Any], lang: str) -> str:
    return str(row["name_sv"] if lang == "sv" else row["short_name_fi"])


def _sources_by_document(refs: Sequence[str], describe: Callable[[str], str]) -> list[str]:
    """One line per document: its description with every slide/section used ("doc | loc1; loc2")."""
    by_doc: dict[str, list[str]] = {}
    for ref in refs:
        if not isinstance(ref, str) or not ref:
            continue
        doc, _, loc = ref.partition(" | ")
        locs = by_doc.setdefault(doc, [])
        if loc and loc not in locs:
            locs.append(loc)
    return [describe(f"{doc} | {'; '.join(locs)}" if locs else doc) for doc, locs in by_doc.items()]


def county_figures(
    code: str,
    digital: pd.DataFrame,
    progress: pd.DataFrame,
    n_pilots: int,
    n_innovations: int,
    lang: str,
    yta_codes: Sequence[str] = (),
) -> tuple[list[Figure], list[str], str | None]:
    """The county's key figures (Sotkanet 5548 vs the country and its YTA; pillar 4 progress mean vs the national
    mean, both computed and labelled so; investment 1 completion as printed; pilots; innovations).

    Returns (figures, source_refs, newest Sotkanet 5548 period of the county)."""
    no_data = t("common.no_data", lang)
    figures: list[Figure] = []
    refs: list[str] = []
    mine = digital[digital["region_code"] == code].sort_values("end_date")
    nat = digital[digital["region_code"] == "SSS"].set_index("period")["value"]
    d_period = None
    if mine.empty:
        figures.append(Figure(t("profile.m_digital_nodata", lang), no_data))
    else:
        last = mine.iloc[-1]
        d_period = str(last["period"])
        delta = None
        if d_period in nat.index:
            delta = f"{fmt.points(last['value'] - nat[d_period], 1, lang)} {t('profile.vs_national', lang)}"
        peers = digital[(digital["period"] == d_period) & digital["region_code"].isin(yta_codes)]["value"].dropna()
        yta_text = None
        if len(yta_codes) > 1 and len(peers):
            yta_text = t("slides.yta_mean_value", lang, value=fmt.percent(peers.mean(), 1, lang), n=len(peers))
        figures.append(
            Figure(t("profile.m_digital", lang, period=fmt.period(d_period, lang)), fmt.percent(last["value"], 1, lang),
                   delta=delta, help=t("profile.m_digital_help", lang), yta=yta_text)
        )
        refs.append(last["source_ref"])
        if d_period in nat.index:
            refs += list(digital[(digital["region_code"] == "SSS") & (digital["period"] == d_period)]["source_ref"])

    p4 = progress[(progress["pillar"] == 4) & progress["percent"].notna()]
    if p4.empty:
        figures.append(Figure(t("profile.m_progress_nodata", lang), no_data))
    else:
        counts = p4.groupby("period").agg(n=("percent", "size"), end=("end_date", "max")).sort_values(["n", "end"])
        p_period = counts.index[-1]
        rows = p4[p4["period"] == p_period]
        mean, nat_mean = rows["percent"].mean(), rows["all_mean"].mean()
        yta_means = rows["yta_mean"].dropna()
        figures.append(
            Figure(
                t("profile.m_progress", lang, period=fmt.period(p_period, lang)), fmt.percent(mean, 1, lang),
                delta=f"{fmt.points(mean - nat_mean, 1, lang)} {t('profile.vs_national_mean', lang)}",
                help=t("profile.m_progress_help", lang, n=len(rows)),
                yta=t("slides.yta_mean_computed", lang, value=fmt.percent(yta_means.mean(), 1, lang))
                if len(yta_codes) > 1 and len(yta_means) else None,
            )
        )
        refs += list(rows["source_ref"])
    inv1 = progress[(progress["investment_code"] == "P4I1") & progress["percent"].notna()]
    if inv1.empty:
        figures.append(Figure(t("profile.m_inv1_nodata", lang), no_data))
    else:
        last1 = inv1.iloc[-1]
        # The source's own qualifier (e.g. "muut alueet 100 %": a report sentence, not a per-county figure).
        note1 = last1["note"] if isinstance(last1["note"], str) and last1["note"] else None
        figures.append(Figure(t("profile.m_inv1", lang, period=fmt.period(last1["period"], lang)),
                              pct_as_printed(last1["percent"], lang), help=note1, note=note1))
        refs.append(last1["source_ref"])
    figures.append(Figure(t("profile.m_pilots", lang), fmt.integer(n_pilots, lang) if n_pilots else no_data))
    figures.append(Figure(t("profile.m_innovations", lang), fmt.integer(n_innovations, lang) if n_innovations else no_data))
    return figures, refs, d_period


def latest_county_period(digital: pd.DataFrame, codes: Sequence[str]) -> str | None:
    """The newest period for which any of the given counties has a Sotkanet 5548 value."""
    mine = digital[digital["region_code"].isin(codes)]
    return None if mine.empty else str(mine.sort_values("end_date")["period"].iloc[-1])


def progress_comparison(progress: pd.DataFrame, county: str, lang: str) -> pd.DataFrame:
    """Per investment, the newest period with a county value: the county, its YTA mean and the national mean
    (the means computed from the rows, labelled so). Columns: inv, series, series_order, value, label."""
    rows = []
    have = progress[progress["percent"].notna()].sort_values("end_date")
    latest = have.groupby("investment_code", sort=False).tail(1).sort_values(["pillar", "investment_code"])
    for _, r in latest.iterrows():
        inv = f"{t('profile.inv.' + r['investment_code'], lang)} {fmt.period(r['period'], lang)}"
        rows.append((inv, county, 0, r["percent"], pct_as_printed(r["percent"], lang)))
        if r["yta_n"] and not fmt.is_missing(r["yta_mean"]):
            rows.append((inv, t("slides.series_yta", lang), 1, r["yta_mean"], fmt.percent(r["yta_mean"], 1, lang)))
        if not fmt.is_missing(r["all_mean"]):
            rows.append((inv, t("slides.series_national", lang), 2, r["all_mean"], fmt.percent(r["all_mean"], 1, lang)))
    return pd.DataFrame(rows, columns=["inv", "series", "series_order", "value", "label"])


def _shorten(text: str, width: int) -> str:
    return textwrap.shorten(str(text), width=width, placeholder=" …")


def county_facts(
    run: Callable[..., pd.DataFrame],
    code: str,
    lang: str = "fi",
    describe: Callable[[str], str] = str,
) -> CountyFacts:
    """Everything the one-pager shows about one county, from the county profile's queries.

    ``run(name, **params)`` runs a named query (``ui.q`` in the app); ``describe`` turns a source_ref into its
    readable line (``ui.describe_source``)."""
    no_data = t("common.no_data", lang)
    regions = run("common/regions")
    rows = {r["region_code"]: r for r in regions.to_dict("records")}
    reg = rows[code]
    yta = reg["yta"] if isinstance(reg["yta"], str) else None
    areas = regions[regions["kind"].isin(["county", "city"])].sort_values("short_name_fi")
    peers = list(areas[areas["yta"] == yta]["region_code"]) if yta else [code]
    short = _short_name(reg, lang)

    digital = run("profile/digital", regions=peers)
    progress = run("profile/progress", region=code)
    pilots = run("profile/pilots", regions=[code], yta="")
    inno = run("profile/innovations", regions=[code])
    targets = run("profile/targets", region=code)
    eu_target = run("profile/target").iloc[0]
    contacts = run("profile/contacts", ytas=[yta]) if yta else None
    research = run("profile/research", ytas=[yta]) if yta else None

    figures, refs, d_period = county_figures(code, digital, progress, len(pilots), len(inno), lang, peers)
    figure_refs = [*refs, *pilots["source_ref"], *inno["source_ref"]]

    manager = None
    if contacts is not None and not contacts.empty:
        c = contacts.iloc[0]
        manager = t("profile.manager_line", lang, role=c["role_fi"], name=c["name"], phone=c["phone"] or no_data).replace("**", "")
        refs.append(c["source_ref"])

    period = d_period or latest_county_period(digital, peers)
    shown = digital[(digital["period"] == period) & digital["region_code"].isin(peers)] if period else digital.iloc[0:0]
    digital_rows = pd.DataFrame(
        {
            "region_code": shown["region_code"],
            "county": [_short_name(rows[c], lang) for c in shown["region_code"]],
            "value": shown["value"],
            "label": shown["value"].map(lambda v: fmt.percent(v, 1, lang)),
        }
    )
    nat = digital[(digital["region_code"] == "SSS") & (digital["period"] == period)]
    national = float(nat["value"].iloc[0]) if len(nat) else None
    refs += [*shown["source_ref"], *nat["source_ref"], eu_target["source_ref"]]
    missing = [_short_name(rows[c], lang) for c in peers if c not in set(shown["region_code"])]

    comparison = progress_comparison(progress, short, lang)
    used = progress[progress["percent"].notna()]
    refs += [*used["source_ref"], *[r for refs_ in used["all_refs"] for r in refs_]]

    def val(x, unit):
        return fmt.value(x, unit, lang)

    target_lines = []
    for _, r in targets.iterrows():
        parts = [f"{t('common.target', lang)} {'≥ ' if r['comparator'] == '>=' else ''}{val(r['target'], r['unit'])}"
                 f" ({fmt.period(r['target_period'], lang)})"]
        if not fmt.is_missing(r["baseline"]):
            parts.append(f"{t('common.baseline', lang).lower()} {val(r['baseline'], r['unit'])}")
        latest = val(r["latest_value"], r["unit"])
        if isinstance(r["latest_period"], str):
            latest += f" ({fmt.period(r['latest_period'], lang)})"
        parts.append(f"{t('profile.col_latest', lang).lower()} {latest}")
        target_lines.append(f"{_shorten(r['name_fi'], 58)}: {', '.join(parts)}")
        refs += [r["source_ref"], r["latest_source_ref"]]
    if not target_lines:
        target_lines.append(t("profile.targets_missing", lang, county=short))

    other_lines = []
    if len(pilots):
        other_lines.append(f"{t('profile.m_pilots', lang)}: {'; '.join(pilots['pilot_fi'])}")
    else:
        other_lines.append(t("profile.pilots_missing", lang, county=short))
    if len(inno):
        shown_inno = [
            f"{r['innovation_fi']} ({r['user_count_text'] if isinstance(r['user_count_text'], str) else no_data})"
            for _, r in inno.iterrows()
        ]
        other_lines.append(f"{t('profile.m_innovations', lang)}: {'; '.join(shown_inno)}")
    else:
        other_lines.append(t("profile.innovations_missing", lang, county=short))
    if research is not None and not research.empty:
        funded = "; ".join(f"{p} {fmt.meur(a, lang)}" for p, a in zip(research["project_fi"], research["amount_meur"], strict=True))
        other_lines.append(f"{t('profile.m_research', lang)}, {yta}: {funded}")
        refs += list(research["source_ref"])
    elif not yta:
        other_lines.append(t("profile.no_yta_info", lang, county=short))
    refs += [*pilots["source_ref"], *inno["source_ref"]]
    refs = list(dict.fromkeys(r for r in refs if isinstance(r, str) and r))

    return CountyFacts(
        code=code,
        name=str(reg["name_sv"] if lang == "sv" else reg["name_fi"]),
        short=short,
        yta=yta,
        manager=manager,
        figures=figures,
        digital_period=period,
        digital=digital_rows,
        digital_national=national,
        digital_target=float(eu_target["target"]),
        digital_missing=missing,
        progress=comparison,
        target_lines=target_lines,
        other_lines=other_lines,
        sources=_sources_by_document(refs, describe),
        refs=refs,
        figure_refs=list(dict.fromkeys(figure_refs)),
    )


# ----------------------------------------------------------------------------- chart builders (page and one-pager)


def digital_bars(
    d: pd.DataFrame,
    focus: frozenset[str],
    target: float,
    national: float | None,
    period: str,
    lang: str,
    row_height: int = 56,
) -> alt.LayerChart:
    """Bars of Sotkanet 5548 for one period (``d``: region_code, county, value, label); the focused counties in the
    primary colour, bold label and ◆, the others muted; the target and the whole-country value as rules."""
    d = d.assign(
        county=[("◆ " if c in focus else "") + n for c, n in zip(d["region_code"], d["county"], strict=True)],
        focus=d["region_code"].isin(focus) if focus else True,
    )
    base = alt.Chart(d).encode(
        y=alt.Y("county:N", sort="-x", title=None),
        x=alt.X("value:Q", title=t("profile.axis_share", lang), scale=alt.Scale(domain=[0, 60]),
                axis=alt.Axis(values=list(range(0, 61, 10)))),
        tooltip=[alt.Tooltip("county:N", title=t("common.county", lang)),
                 alt.Tooltip("label:N", title=fmt.period(period, lang))],
    )
    layers = [
        base.mark_bar().encode(color=charts.highlight(focus)),
        base.mark_text(align="left", dx=4).encode(text="label:N").transform_filter(~alt.datum.focus),
        base.mark_text(align="left", dx=4, fontWeight="bold").encode(text="label:N").transform_filter(alt.datum.focus),
        charts.rule(float(target), f"{t('common.target', lang)} {fmt.percent(target, 0, lang)}", charts.TARGET, side="left"),
    ]
    if national is not None and not fmt.is_missing(national):
        layers.append(charts.rule(float(national), f"{t('common.national', lang)} {fmt.percent(national, 1, lang)}",
                                  charts.NATIONAL, dash=(2, 2)))
    return alt.layer(*layers).properties(height=max(240, row_height * len(d) + 60))


SERIES_COLOURS = [charts.PRIMARY, charts.OKABE_ITO[1], "#555555"]


def progress_bars(p: pd.DataFrame, lang: str, bar_px: int = 16) -> alt.LayerChart:
    """Grouped bars per investment: the county, its YTA mean and the national mean (``progress_comparison``);
    every bar carries its series and value as text, so colour is not needed to read it."""
    p = p.assign(text=[f"{s} {v}" for s, v in zip(p["series"], p["label"], strict=True)])
    series = list(dict.fromkeys(p.sort_values("series_order")["series"]))
    base = alt.Chart(p).encode(
        y=alt.Y("inv:N", title=None, sort=list(dict.fromkeys(p["inv"]))),
        yOffset=alt.YOffset("series:N", sort=series),
        x=alt.X("value:Q", title="%", scale=alt.Scale(domain=[0, 140]), axis=alt.Axis(values=list(range(0, 101, 20)))),
        tooltip=[alt.Tooltip("inv:N", title=t("common.investment", lang)), alt.Tooltip("series:N", title=""),
                 alt.Tooltip("label:N", title="%")],
    )
    bars = base.mark_bar(height=bar_px - 2).encode(
        color=alt.Color("series:N", sort=series, scale=alt.Scale(domain=series, range=SERIES_COLOURS[: len(series)]),
                        legend=None)
    )
    text = base.mark_text(align="left", dx=4, fontSize=12).encode(text="text:N")
    n_inv = max(1, p["inv"].nunique())
    return alt.layer(bars, text).properties(height=n_inv * (bar_px * len(series) + 14))


# ----------------------------------------------------------------------------- the one-pager composition

ONEPAGER_W = 1500
ONEPAGER_SCALE = 1.6  # 2400 px wide: sharp as a full 16:9 slide


def _text_panel(lines: Sequence[tuple[str, str]], width: int, title: str | None = None) -> alt.LayerChart:
    """Lines of text as a chart (Vega has no text flow): (style, text) with styles label/value/note/line/small."""
    styles = {  # font size, weight, colour, line height
        "label": (15, "normal", "#4A5560", 20),
        "value": (28, "bold", "#1F2A36", 33),
        "note": (14, "normal", "#1F2A36", 19),
        "line": (15, "normal", "#1F2A36", 21),
        "small": (12, "normal", "#4A5560", 16),
        "gap": (1, "normal", "#FFFFFF", 9),
    }
    rows, y = [], 0
    for style, text in lines:
        size, _w, _c, lh = styles[style]
        for part in _wrap(text, width, size) if style in ("line", "note", "small") else [text]:
            rows.append({"style": style, "text": part, "y": y + size})
            y += lh
    df = pd.DataFrame(rows, columns=["style", "text", "y"])
    layers = []
    for style, (size, weight, colour, _lh) in styles.items():
        part = df[df["style"] == style]
        if part.empty or style == "gap":
            continue
        layers.append(
            alt.Chart(part).mark_text(align="left", baseline="alphabetic", fontSize=size, fontWeight=weight, color=colour)
            .encode(x=alt.value(0), y=alt.Y("y:Q", scale=None, axis=None), text="text:N")
        )
    chart = alt.layer(*layers).properties(width=width, height=max(y, 10))
    if title:
        chart = chart.properties(title=alt.TitleParams(title, anchor="start", fontSize=18))
    return chart


def _wrap(text: str, width_px: int, font_px: int) -> list[str]:
    chars = max(20, int(width_px / (font_px * 0.52)))
    return textwrap.wrap(text, width=chars, break_on_hyphens=False) or [""]


def onepager_spec(facts: CountyFacts, lang: str, data_date: str, today: dt.date | None = None) -> dict:
    """The whole one-pager as one Vega-Lite composition: title, key figures, the county vs its YTA and the
    country (Sotkanet 5548; progress by investment), own targets, pilots/innovations/research, sources."""
    today = today or dt.date.today()
    no_data = t("common.no_data", lang)
    subtitle = [
        " · ".join(x for x in [t("slides.yta", lang, yta=facts.yta) if facts.yta else t("profile.no_yta", lang),
                               facts.manager] if x),
        f"{t('slides.data_date', lang, date=data_date)} · {t('slides.created', lang, date=fmt.date(today, lang))}"
        f" · {t('slides.app', lang)}",
    ]

    key_lines: list[tuple[str, str]] = []
    for i, f in enumerate(facts.figures):
        if i:
            key_lines.append(("gap", ""))
        key_lines.append(("label", f.label))
        key_lines.append(("value", f.value))
        for extra in (f.note, f.delta, f.yta):
            if extra:
                key_lines.append(("note", extra))
    key_panel = _text_panel(key_lines, 330, t("common.key_figures", lang))

    if facts.digital.empty:
        digital_panel = _text_panel([("line", t("profile.digital_missing", lang, county=facts.short))], 380,
                                    t("profile.digital_title", lang))
    else:
        bars = digital_bars(facts.digital, frozenset([facts.code]), facts.digital_target, facts.digital_national,
                            facts.digital_period or "", lang, row_height=34)
        title_lines = [t("profile.digital_chart_title", lang, period=fmt.period(facts.digital_period, lang))]
        if facts.digital_missing:
            title_lines.append(t("profile.digital_missing_list", lang, names=", ".join(facts.digital_missing)))
        digital_panel = bars.properties(
            width=360, title=alt.TitleParams(title_lines[0], anchor="start", fontSize=18, subtitleFontSize=13,
                                             **({"subtitle": title_lines[1:]} if title_lines[1:] else {}))
        )
    if facts.progress.empty:
        progress_panel = _text_panel([("line", t("slides.progress_missing", lang, county=facts.short))], 420,
                                     t("profile.progress_title", lang))
    else:
        progress_panel = progress_bars(facts.progress, lang, bar_px=15).properties(
            width=430,
            title=alt.TitleParams(t("slides.progress_chart_title", lang), subtitle=[t("slides.progress_chart_note", lang)],
                                  anchor="start", fontSize=18, subtitleFontSize=13),
        )

    half = (ONEPAGER_W - 40) // 2
    target_lines = [("line", line) for line in facts.target_lines]
    other_lines = [("line", line) for line in facts.other_lines]
    source_lines = [("small", line) for line in facts.sources] or [("small", no_data)]

    composition = alt.vconcat(
        alt.hconcat(key_panel, digital_panel, progress_panel, spacing=40),
        alt.hconcat(
            _text_panel(target_lines, half, t("profile.targets_title", lang)),
            _text_panel(other_lines, half, t("slides.other_title", lang)),
            spacing=40,
        ),
        _text_panel(source_lines, ONEPAGER_W, t("common.sources", lang)),
        spacing=26,
    ).properties(
        title=alt.TitleParams(facts.name, subtitle=subtitle, anchor="start", fontSize=34, subtitleFontSize=16,
                              subtitleColor="#4A5560", offset=18),
        padding=24,
        background="white",
    )
    return charts.spec(composition)


def onepager_alt_text(facts: CountyFacts, lang: str) -> str:
    figures = "; ".join(f"{f.label} {f.value}" + (f" ({f.delta})" if f.delta else "") for f in facts.figures)
    return f"{t('slides.onepager_alt', lang, county=facts.name)} {figures}."


def onepager_png(facts: CountyFacts, lang: str, data_date: str, today: dt.date | None = None) -> bytes:
    return render_png(onepager_spec(facts, lang, data_date, today), scale=ONEPAGER_SCALE)


def county_onepager(facts: CountyFacts, lang: str, data_date: str, today: dt.date | None = None) -> tuple[bytes, bytes]:
    """(pptx, png): one slide that is the one-pager picture (fitted, alt text on it; the sources and key figures
    as real text in the notes), and the same picture as PNG."""
    png = onepager_png(facts, lang, data_date, today)
    prs = _new_presentation(facts.name, lang)
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_BLANK])
    margin = Inches(0.15)
    _picture(slide, png, margin, margin, SLIDE_W - 2 * margin, SLIDE_H - 2 * margin, onepager_alt_text(facts, lang),
             f"{facts.name} – {t('slides.onepager', lang)}")
    notes = [facts.name, *(f"{f.label}: {f.value}" + (f" ({f.delta})" if f.delta else "") for f in facts.figures),
             f"{t('common.sources', lang)}:", *facts.sources]
    _notes(slide, "\n".join(notes))
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue(), png


# ============================================================================= Streamlit side


def export_button() -> None:
    """The sidebar button that downloads the current view as a deck (inputs captured now, deck built on click)."""
    import streamlit as st

    from . import ui

    view = ui.view()
    items = list(view["items"])
    lang = ui.lang()
    title = view["title"] or t("slides.app", lang)
    params = {k: st.query_params.get(k) for k in st.query_params.keys() if k not in ("esitys", "osa")}
    lines = filter_lines(params, lang, ui.region_name, ui.investment_label)
    data_date = ui.data_date_text()
    st.sidebar.download_button(
        t("slides.export", lang),
        data=lambda: deck(title, lines, data_date, items, lang),
        file_name=f"{ui._slug(title) or 'rrp-seuranta'}_{date_stem(data_date)}.pptx",
        mime=PPTX_MIME,
        key="dl_pptx",
        on_click="ignore",
        icon=":material/slideshow:",
        disabled=not items,
        help=t("slides.export_help", lang) if items else t("slides.export_empty", lang),
        width="stretch",
    )


def app_county_facts(code: str) -> CountyFacts:
    """``county_facts`` through the app's cached queries, in the UI language, sources described."""
    from . import ui

    return county_facts(ui.q, code, ui.lang(), ui.describe_source)


def onepager_buttons(facts: CountyFacts, container: Any = None) -> None:
    """The county one-pager downloads (PPTX and PNG) for the county profile page (built on click)."""
    import streamlit as st

    from . import ui

    lang = ui.lang()
    code = facts.code
    data_date = ui.data_date_text()
    today = dt.date.today()
    stem = f"{ui._slug(facts.short) or code}_{date_stem(data_date)}"
    c1, c2, _ = (container or st).columns([2, 2, 3])
    c1.download_button(
        t("slides.onepager_pptx", lang),
        data=lambda: county_onepager(facts, lang, data_date, today)[0],
        file_name=f"{stem}.pptx",
        mime=PPTX_MIME,
        key="dl_onepager_pptx",
        on_click="ignore",
        icon=":material/slideshow:",
    )
    c2.download_button(
        t("slides.onepager_png", lang),
        data=lambda: onepager_png(facts, lang, data_date, today),
        file_name=f"{stem}.png",
        mime="image/png",
        key="dl_onepager_png",
        on_click="ignore",
        icon=":material/image:",
    )
