"""UI strings: one catalog (the CSV files in ``rrp_data/strings/``, one row per key with fi, sv and en columns).

Finnish is the source language. A missing sv/en text falls back to Finnish (the test suite fails on any
such gap). Texts use ``str.format`` placeholders: ``t("x", n=3)``.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

LANGS = ("fi", "sv", "en")
STRINGS_DIR = Path(__file__).parent / "strings"


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in sorted(STRINGS_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                key = row["key"]
                if key in out:
                    raise ValueError(f"{path.name}: duplicate string key {key!r}")
                out[key] = {lang: row.get(lang) or "" for lang in LANGS}
    return out


def t(key: str, lang: str = "fi", **kw: object) -> str:
    entry = catalog().get(key)
    if entry is None:
        return key  # visible, and tests/test_i18n.py fails on unknown keys used in code
    text = entry.get(lang) or entry["fi"]
    return text.format(**kw) if kw else text
