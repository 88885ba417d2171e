"""Downloads: CSV for a Finnish Excel (UTF-8 BOM, ';', decimal comma), XLSX, and chart PNGs via vl-convert."""

from __future__ import annotations

import io

import altair as alt
import pandas as pd
import vl_convert as vlc


def csv_fi(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, semicolon separator, decimal comma: opens correctly in a Finnish Excel."""
    text = df.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def xlsx(df: pd.DataFrame, sheet: str = "data", title: str | None = None, source: str | None = None) -> bytes:
    """An .xlsx with the table, and (when given) a title row above it and the source line below it."""
    buf = io.BytesIO()
    start = 2 if title else 0
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        df.to_excel(xw, sheet_name=sheet[:31], index=False, startrow=start)
        ws = xw.sheets[sheet[:31]]
        if title:
            ws.cell(row=1, column=1, value=title)
        if source:
            ws.cell(row=start + len(df) + 3, column=1, value=source)
        for i, col in enumerate(df.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in df[col].head(200)]) + 2
            ws.column_dimensions[ws.cell(row=start + 1, column=i).column_letter].width = min(width, 60)
    return buf.getvalue()


def titled(spec: dict | alt.TopLevelMixin, title: str, source: str, date_text: str) -> dict:
    """A copy of a Vega-Lite spec with the title, source line and data date as its title block."""
    out = dict(spec if isinstance(spec, dict) else spec.to_dict())
    out["title"] = {"text": title, "subtitle": [f"Lähde: {source}", f"Tiedot: {date_text}"], "anchor": "start"}
    return out


def chart_png(spec: dict | alt.TopLevelMixin, title: str, source: str, date_text: str, scale: float = 2.0) -> bytes:
    """Render a chart to PNG with its title, source line and date in the image (Finnish number format)."""
    return vlc.vegalite_to_png(
        titled(spec, title, source, date_text), scale=scale, format_locale="fi-FI", time_format_locale="fi-FI"
    )
