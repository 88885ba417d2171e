"""Parsers for the values found in source files: numbers (Finnish or dot decimals), periods, dates.

Every parser raises ``ValueError`` with a short Finnish-neutral English reason; the validator adds
file, line and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re

_NUM_RE = re.compile(r"[+-]?(\d+([.,]\d+)?|[.,]\d+)", re.ASCII)
# Thin/no-break spaces are used as thousands separators in Finnish text.
_SPACES = ("\u202f", "\u00a0", "\u2009", " ")


def parse_number(text: str) -> float:
    """Parse ``36,5`` / ``36.5`` / ``1 234`` / ``-2`` into a float.

    Rejects anything else (``abc``, ``36,5 %``, ``1,234.5``, ``nan``, ``inf``, empty).
    """
    s = text.strip()
    for sp in _SPACES:
        # a space is only allowed as a thousands separator between digit groups of three
        if sp in s:
            if not re.fullmatch(r"[+-]?\d{1,3}(" + re.escape(sp) + r"\d{3})+([.,]\d+)?", s, re.ASCII):
                raise ValueError(f"not a number: {text!r}")
            s = s.replace(sp, "")
    if not _NUM_RE.fullmatch(s):
        raise ValueError(f"not a number: {text!r}")
    value = float(s.replace(",", "."))
    if not math.isfinite(value):  # pragma: no cover - regex excludes inf/nan
        raise ValueError(f"not a finite number: {text!r}")
    return value


def parse_int(text: str) -> int:
    value = parse_number(text)
    if value != int(value):
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)


def parse_date(text: str) -> dt.date:
    """ISO date ``2025-12-31``."""
    s = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        raise ValueError(f"not an ISO date (yyyy-mm-dd): {text!r}")
    return dt.date.fromisoformat(s)


def parse_bool(text: str) -> bool:
    s = text.strip().lower()
    if s in ("true", "1", "yes"):
        return True
    if s in ("false", "0", "no"):
        return False
    raise ValueError(f"not true/false: {text!r}")


# --- periods ---------------------------------------------------------------------------------

_PERIOD_PATTERNS = [
    ("year", re.compile(r"(\d{4})", re.ASCII)),
    ("half", re.compile(r"(\d{4})-H([12])", re.ASCII)),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])", re.ASCII)),
    ("month", re.compile(r"(\d{4})-(0[1-9]|1[0-2])", re.ASCII)),
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)),
]


def _single_bounds(s: str) -> tuple[str, dt.date, dt.date]:
    for kind, pat in _PERIOD_PATTERNS:
        m = pat.fullmatch(s)
        if not m:
            continue
        y = int(m.group(1))
        if not 1900 <= y <= 2100:
            raise ValueError(f"year out of range: {s!r}")
        if kind == "year":
            return kind, dt.date(y, 1, 1), dt.date(y, 12, 31)
        if kind == "half":
            h = int(m.group(2))
            return kind, dt.date(y, 1 if h == 1 else 7, 1), dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31)
        if kind == "quarter":
            q = int(m.group(2))
            start = dt.date(y, 3 * q - 2, 1)
            return kind, start, _month_end(y, 3 * q)
        if kind == "month":
            mo = int(m.group(2))
            return kind, dt.date(y, mo, 1), _month_end(y, mo)
        d = dt.date(y, int(m.group(2)), int(m.group(3)))  # raises ValueError on 2023-02-30
        return kind, d, d
    raise ValueError(
        f"not a period: {s!r} (use 2023, 2023-H2, 2023-Q4, 2023-12, 2023-12-31 or a range A/B)"
    )


def _month_end(y: int, m: int) -> dt.date:
    if m == 12:
        return dt.date(y, 12, 31)
    return dt.date(y, m + 1, 1) - dt.timedelta(days=1)


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Return (start, end) dates of a period text. Raises ValueError when malformed."""
    s = text.strip()
    if s != text or not s:
        raise ValueError(f"not a period: {text!r}")
    if "/" in s:
        a, _, b = s.partition("/")
        _, start, _ = _single_bounds(a)
        _, _, end = _single_bounds(b)
        if end < start:
            raise ValueError(f"period range ends before it starts: {text!r}")
        return start, end
    _, start, end = _single_bounds(s)
    return start, end


def period_kind(text: str) -> str:
    if "/" in text:
        return "range"
    return _single_bounds(text)[0]


_FI_MONTH_LABEL = {"year": "{y}", "quarter": "Q{q}/{y}", "half": "{h}. puolivuotiskausi {y}"}


def period_label_fi(text: str) -> str:
    """Human Finnish label: 2024-Q3 -> '7–9/2024', 2023-12 -> '12/2023', 2024-02-13 -> '13.2.2024'."""
    if "/" in text:
        a, _, b = text.partition("/")
        ka, kb = period_kind(a), period_kind(b)
        if ka == kb == "month" and a[:4] == b[:4]:
            return f"{int(a[5:7])}–{int(b[5:7])}/{a[:4]}"
        return f"{period_label_fi(a)}–{period_label_fi(b)}"
    kind, start, end = _single_bounds(text)
    if kind == "year":
        return text
    if kind == "half":
        return f"{start.month}–{end.month}/{start.year}"
    if kind == "quarter":
        return f"{start.month}–{end.month}/{start.year}"
    if kind == "month":
        return f"{start.month}/{start.year}"
    return f"{start.day}.{start.month}.{start.year}"
