"""The UI string catalog: every key used in code exists, and every key has fi, sv and en texts."""

import re
from pathlib import Path

from rrp_data.i18n import LANGS, catalog, t
from rrp_data.paths import ROOT

# t("key") / ui.t("key") / i18n.t("key", ...) with a literal key
_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")


def _code_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "rrp_data").glob("*.py"))]


def test_every_key_used_in_code_is_in_the_catalog():
    keys = catalog()
    missing = []
    for path in _code_files():
        for key in _CALL.findall(path.read_text(encoding="utf-8")):
            if key.endswith("."):  # a dynamic key built as prefix + name: some key must have that prefix
                if not any(k.startswith(key) for k in keys):
                    missing.append(f"{path.name}: {key}*")
            elif key not in keys:
                missing.append(f"{path.name}: {key}")
    assert not missing, "keys used in code but missing from rrp_data/strings/*.csv:\n" + "\n".join(missing)


def test_every_key_has_all_languages():
    # common.findings_note is deliberately empty in Finnish (the narratives are Finnish).
    gaps = [
        f"{key} [{lang}]"
        for key, texts in catalog().items()
        for lang in LANGS
        if not texts[lang] and not (key == "common.findings_note" and lang == "fi")
    ]
    assert not gaps, "untranslated catalog entries:\n" + "\n".join(gaps)


def test_placeholders_agree_between_languages():
    bad = []
    for key, texts in catalog().items():
        fields = {lang: set(re.findall(r"{(\w+)}", texts[lang])) for lang in LANGS if texts[lang]}
        if len({frozenset(v) for v in fields.values()}) > 1:
            bad.append(f"{key}: {fields}")
    assert not bad, "\n".join(bad)


def test_lookup_and_fallback():
    assert t("page.inv4", "sv").startswith("Investering 4")
    assert t("notice.bad_param", "fi", name="yta", value="x") == (
        "Osoitteen parametria yta=x ei tunnistettu; näytetään oletus."
    )
    assert t("no.such.key") == "no.such.key"
