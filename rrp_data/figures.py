"""Pieces shared by several pages that do not belong in ``ui`` (Streamlit glue) or ``charts`` (house style):
the "measure / value / period / note" figure table of the programme pages, and the marking of focused rows
in heatmaps (presentation mode's county, or the counties picked in the filters).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import altair as alt
import pandas as pd
import streamlit as st

from . import charts, fmt, ui


def figure_table(
    df: pd.DataFrame,
    *,
    measure: str,
    note: str,
    name: str,
    title: str,
    lead: Mapping[str, pd.Series] | None = None,
    caption: str | None = None,
    sortable: bool = True,
) -> None:
    """A table of single figures as the documents print them: measure, value (Finnish number), period, note,
    then the sources. ``df`` has name_fi, value, period, note and source_ref; ``lead`` adds columns before
    the measure (e.g. the programme); ``measure`` and ``note`` are the column headings of the page."""
    t = ui.t
    value, period = t("common.value"), t("common.period")
    columns = {**(lead or {}), measure: df["name_fi"], value: df["value"], period: df["period"].map(fmt.period),
               note: df["note"]}
    ui.table(pd.DataFrame(columns), formats={value: ui.fmt_num}, name=name, title=title, sortable=sortable)
    if caption:
        st.caption(caption)
    ui.source_caption(df["source_ref"])


# ----------------------------------------------------------------------------- focused rows of a heatmap


def focused_labels(df: pd.DataFrame, focus: frozenset[str], label: str = "county") -> tuple[str, ...]:
    """Row labels of the focused counties (``region_code`` in ``focus``) among the rows of ``df``; none when
    every row is focused (counties picked in the filters are then all there is, nothing to set apart)."""
    if not focus:
        return ()
    mine = tuple(dict.fromkeys(df.loc[df["region_code"].isin(focus), label]))
    return () if len(mine) == df[label].nunique() else mine


def _in_list(labels: Iterable[str], field: str) -> str:
    names = ", ".join(repr(str(x)) for x in sorted(set(labels)))
    return f"indexof([{names}], {field}) >= 0"


def bold_labels(labels: Iterable[str]) -> dict | None:
    """``labelFontWeight`` for a heatmap's row axis: the focused rows' labels in bold (None: no focus)."""
    labels = list(labels)
    if not labels:
        return None
    return {"condition": {"test": _in_list(labels, "datum.value"), "value": "bold"}, "value": "normal"}


def row_frames(labels: Iterable[str], field: str, sort: list[str], width: int = 4) -> alt.Chart | None:
    """A black frame around each focused row of a heatmap (a rect with only a y encoding spans the whole
    width): the focus stands out without relying on colour. Add it as the last layer."""
    labels = [x for x in dict.fromkeys(labels) if x in set(sort)]
    if not labels:
        return None
    frame = pd.DataFrame({field: labels})
    return alt.Chart(frame).mark_rect(filled=False, stroke="black", strokeWidth=width).encode(
        y=alt.Y(f"{field}:N", sort=sort, title=None)
    )


def cell_grid(
    data: pd.DataFrame,
    x: str,
    y: str,
    text: str,
    x_sort: list[str],
    y_sort: list[str],
    tooltip: list[alt.Tooltip],
    focused: tuple[str, ...] = (),
    row_height: int = 40,
    label_limit: int = 200,
    font_size: int | None = None,
) -> dict:
    """A grid of cells that say what they are (county x dimension traffic lights, county x pilot participation):
    each cell filled with its ``fill`` colour and printed with its ``text`` in its ``ink`` colour (words and
    colour together, never colour alone), column labels on top, focused rows bold and framed. The width is for
    the PNG and the slides (the page stretches the chart)."""
    base = alt.Chart(data).encode(
        x=alt.X(f"{x}:N", sort=x_sort, title=None, axis=alt.Axis(orient="top", labelAngle=0, labelLimit=label_limit)),
        y=alt.Y(f"{y}:N", sort=y_sort, title=None,
                axis=alt.Axis(labelFontWeight=bold_labels(focused)) if focused else alt.Axis()),
        tooltip=tooltip,
    )
    marks = {"fontWeight": "bold", **({"fontSize": font_size} if font_size else {})}
    layers = [
        base.mark_rect(stroke="white", strokeWidth=2).encode(color=alt.Color("fill:N", scale=None)),
        base.mark_text(**marks).encode(text=f"{text}:N", color=alt.Color("ink:N", scale=None)),
    ]
    frames = row_frames(focused, y, y_sort)
    if frames is not None:
        layers.append(frames)
    return charts.spec(alt.layer(*layers).properties(height=row_height * len(y_sort) + 60, width=1000))
