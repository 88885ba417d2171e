"""Altair building blocks: Finnish locale in every chart, large type for screen sharing, colour-blind-safe
palettes, and labelled reference rules (target, national value). Colour is never the only carrier of
meaning: bars and cells carry their value as text."""

from __future__ import annotations

import hashlib
import json

import altair as alt
import pandas as pd

FI_LOCALE = {
    "number": {
        "decimal": ",",
        "thousands": "\u202f",
        "grouping": [3],
        "currency": ["", "\u00a0€"],
        "percent": "\u00a0%",
    },
    "time": {
        "dateTime": "%A, %-d. %Bta %Y klo %X",
        "date": "%-d.%-m.%Y",
        "time": "%H:%M:%S",
        "periods": ["a.m.", "p.m."],
        "days": ["sunnuntai", "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai"],
        "shortDays": ["Su", "Ma", "Ti", "Ke", "To", "Pe", "La"],
        "months": [
            "tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu",
            "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu",
        ],
        "shortMonths": ["Tammi", "Helmi", "Maalis", "Huhti", "Touko", "Kesä", "Heinä", "Elo", "Syys", "Loka", "Marras", "Joulu"],
    },
}

# Okabe–Ito, safe for the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
PRIMARY = "#0072B2"
MUTED = "#B8C4D0"
TARGET = "#D55E00"
NATIONAL = "#000000"
SEQUENTIAL = "blues"

FONT_SIZE = 16


def finish(chart: alt.TopLevelMixin, height: int | None = None) -> alt.TopLevelMixin:
    """Apply the house style: Finnish locale, big readable type, no chart border."""
    if height is not None:
        chart = chart.properties(height=height)
    return chart.configure(locale=FI_LOCALE, font="Source Sans Pro, Arial, sans-serif").configure_axis(
        labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelLimit=320
    ).configure_legend(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE).configure_title(
        fontSize=FONT_SIZE + 4, subtitleFontSize=FONT_SIZE - 2
    ).configure_text(fontSize=FONT_SIZE).configure_view(stroke=None)


def spec(chart: alt.TopLevelMixin, height: int | None = None) -> dict:
    """The finished Vega-Lite spec (house style applied) as a plain dict.

    Pages build their charts inside ``st.cache_data`` functions that return this dict, so the costly Altair
    object construction runs once per distinct data and filters, not on every rerun. The spec is assembled
    by our own code from known-good pieces, so Altair's JSON-schema validation is skipped here (the chart
    tests render every spec with vl-convert, which would fail on an invalid one)."""
    out = finish(chart, height=height).to_dict(validate=False)
    out["usermeta"] = {"rrp_key": _digest(out)}
    return out


def _digest(spec: dict) -> str:
    return hashlib.blake2b(json.dumps(spec, sort_keys=True, default=str).encode(), digest_size=20).hexdigest()


def spec_key(spec: dict) -> str:
    """A digest of the spec's content: the one ``spec`` stored in ``usermeta`` (free to read on every rerun),
    else computed now (specs built elsewhere)."""
    meta = spec.get("usermeta")
    if isinstance(meta, dict) and isinstance(meta.get("rrp_key"), str):
        return meta["rrp_key"]
    return _digest(spec)


PRESENT_FONT_SIZE = 22


def presentation_size(spec: dict) -> dict:
    """A shallow copy of a finished spec with presentation-size type (presentation mode)."""
    out = dict(spec)
    config = dict(out.get("config", {}))
    for part, keys in (("axis", ("labelFontSize", "titleFontSize")), ("legend", ("labelFontSize", "titleFontSize")),
                       ("text", ("fontSize",))):
        config[part] = {**config.get(part, {}), **{k: PRESENT_FONT_SIZE for k in keys}}
    out["config"] = config
    return out


def highlight(focus: set[str] | frozenset[str] | None, field: str = "region_code") -> alt.Color | dict:
    """Colour for county marks: the focused counties in the primary colour, the rest muted.

    With no focus every mark is primary. Used by every per-county chart, so presentation mode's focused
    county (and any counties picked in the filters) stands out the same way everywhere."""
    if not focus:
        return alt.value(PRIMARY)
    test = " || ".join(f"datum[{field!r}] === {code!r}" for code in sorted(focus))
    return alt.condition(test, alt.value(PRIMARY), alt.value(MUTED))


def rule(
    value: float, label: str, color: str, orient: str = "x", dash: tuple[int, int] = (6, 4), side: str = "right"
) -> alt.LayerChart:
    """A labelled reference line (target, baseline or national value).

    ``side`` puts the label right/left of a vertical line (above/below a horizontal one), so two close
    lines (e.g. target 35 % and national 36,5 %) keep readable labels."""
    df = pd.DataFrame({"v": [value], "label": [label]})
    enc = alt.X if orient == "x" else alt.Y
    line = alt.Chart(df).mark_rule(color=color, strokeWidth=3, strokeDash=list(dash)).encode(enc("v:Q"))
    if orient == "x":
        right = side == "right"
        text = alt.Chart(df).mark_text(
            align="left" if right else "right", dx=6 if right else -6, dy=-8, color=color, fontWeight="bold", fontSize=FONT_SIZE
        ).encode(x="v:Q", y=alt.value(0), text="label:N")
    else:
        text = alt.Chart(df).mark_text(
            align="left", dx=4, dy=-8 if side == "right" else 16, color=color, fontWeight="bold", fontSize=FONT_SIZE
        ).encode(y="v:Q", x=alt.value(4), text="label:N")
    return alt.layer(line, text)
