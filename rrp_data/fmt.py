"""Finnish-first number and date formatting (36,5 %, 1 234, 31.12.2025) for tables, captions and charts.

``None``/NaN always becomes the "no data" text of the language ("ei tietoa"), never 0.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import parsing

NARROW_NBSP = "\u202f"  # thousands separator (Finnish typography)
NBSP = "\u00a0"  # before % and € so they never wrap away from the number

NO_DATA = {"fi": "ei tietoa", "sv": "uppgift saknas", "en": "no data"}


def is_missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        return isinstance(x, float) and math.isnan(x) or (hasattr(x, "__class__") and str(x) in ("<NA>", "NaT"))
    except TypeError:  # pragma: no cover
        return False


def _fixed(x: float, decimals: int) -> str:
    """``x`` with ``decimals`` decimals and "," thousands, rounded half up as statistics are published
    (31,25 -> 31,3; 0,5 -> 1), on the shortest decimal form of the float (2.675 -> 2,68), not half-to-even on
    its binary value as Python's own formatting does (31.25 -> 31.2)."""
    if not math.isfinite(x):
        return f"{x:,.{decimals}f}"
    d = Decimal(repr(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{d:,.{decimals}f}"


def number(x: Any, decimals: int = 1, lang: str = "fi", trim: bool = False) -> str:
    if is_missing(x):
        return NO_DATA.get(lang, NO_DATA["fi"])
    x = float(x)
    s = _fixed(abs(x), decimals)
    if trim and "." in s:
        s = s.rstrip("0").rstrip(".")
    if lang != "en":  # English keeps 1,234.5
        s = s.replace(",", NARROW_NBSP).replace(".", ",")
    sign = "−" if x < 0 and float(s.replace(NARROW_NBSP, "").replace(",", ".")) != 0 else ""
    return sign + s


def integer(x: Any, lang: str = "fi") -> str:
    return number(x, 0, lang)


def auto(x: Any, lang: str = "fi") -> str:
    """Whole numbers without decimals, others with as many (max 2) as needed: 16 / 36,5 / 2,61."""
    if is_missing(x):
        return NO_DATA.get(lang, NO_DATA["fi"])
    x = float(x)
    if x == int(x):
        return number(x, 0, lang)
    return number(x, 2, lang, trim=True)


def percent(x: Any, decimals: int = 1, lang: str = "fi") -> str:
    if is_missing(x):
        return NO_DATA.get(lang, NO_DATA["fi"])
    return number(x, decimals, lang) + ("%" if lang == "en" else NBSP + "%")


def points(x: Any, decimals: int = 1, lang: str = "fi") -> str:
    """Signed change in percentage points: +10,0 %-yks."""
    if is_missing(x):
        return NO_DATA.get(lang, NO_DATA["fi"])
    unit = {"fi": "%-yks.", "sv": "%-enh.", "en": "pp"}[lang if lang in ("fi", "sv", "en") else "fi"]
    sign = "+" if float(x) > 0 else ""
    return f"{sign}{number(x, decimals, lang)}{NBSP}{unit}"


def eur(x: Any, lang: str = "fi") -> str:
    if is_missing(x):
        return NO_DATA.get(lang, NO_DATA["fi"])
    return number(x, 0, lang) + NBSP + "€"


def meur(x: Any, lang: str = "fi") -> str:
    if is_missing(x):
        return NO_DATA.get(lang, NO_DATA["fi"])
    return number(x, 2, lang) + NBSP + "M€"


def date(d: dt.date | dt.datetime | str | None, lang: str = "fi") -> str:
    if d is None or is_missing(d):
        return NO_DATA.get(lang, NO_DATA["fi"])
    if isinstance(d, str):
        d = dt.datetime.fromisoformat(d)
    if lang == "en":
        return f"{d.day} {d.strftime('%b')} {d.year}"
    return f"{d.day}.{d.month}.{d.year}"


def period(p: str | None, lang: str = "fi") -> str:
    if not p:
        return NO_DATA.get(lang, NO_DATA["fi"])
    return parsing.period_label_fi(p)


def value(x: Any, unit: str, lang: str = "fi", decimals: int | None = None) -> str:
    """Format by indicator unit."""
    if unit == "percent":
        return percent(x, 1 if decimals is None else decimals, lang)
    if unit == "eur":
        return eur(x, lang)
    if unit == "meur":
        return meur(x, lang)
    if decimals is not None:
        return number(x, decimals, lang)
    return auto(x, lang)
