"""Bad source files are rejected with file, line, column and value, and never touch the existing database.

Each case copies the shipped ``data/sources`` into a temp folder, corrupts ONE file, and runs
``python -m rrp_data build`` (in-process, via ``rrp_data.__main__.main``) against a copy of a database
previously built from the good sources.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from data_helpers import (
    append_row,
    build_good_db,
    copy_db,
    copy_sources,
    edit_line,
    line_of,
    query,
    read_lines,
    replace_in_line,
    run_build,
    sha256,
    stray_files,
)


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_good_db(tmp_path_factory.mktemp("good"))


@pytest.fixture
def workspace(tmp_path: Path, good_db: Path) -> tuple[Path, Path]:
    """(sources folder, db) in ``tmp_path``: a fresh copy of the shipped sources and of the good database."""
    return copy_sources(tmp_path / "sources"), copy_db(good_db, tmp_path / "db")


# --- the corruptions ------------------------------------------------------------------------------
# Each returns the names used in its expected messages (mostly line numbers, found by content so the
# tests do not depend on where a row sits in the file).

IV_SATAKUNTA_2022 = "sotkanet:5548,06,2022,"
PROGRESS_VS_P4I2 = "2024-Q3,P4I2,05,"


def wrong_column_name(src: Path) -> dict:
    replace_in_line(src / "regions.csv", "region_code,", ",name_sv,", ",name_se,")
    return {}


def missing_column(src: Path) -> dict:
    """Drop short_name_fi from investments.csv entirely (header and rows)."""
    path = src / "investments.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    i = rows[0].index("short_name_fi")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    return {}


def non_numeric_value(src: Path) -> dict:
    return {"line": replace_in_line(src / "indicator_values.csv", IV_SATAKUNTA_2022, ",27.6,", ",abc,")}


def percent_over_100_progress(src: Path) -> dict:
    return {"line": replace_in_line(src / "progress.csv", PROGRESS_VS_P4I2, ",90,", ",190,")}


def percent_negative_progress(src: Path) -> dict:
    return {"line": replace_in_line(src / "progress.csv", PROGRESS_VS_P4I2, ",90,", ",-5,")}


def percent_over_100_indicator_value(src: Path) -> dict:
    return {"line": replace_in_line(src / "indicator_values.csv", IV_SATAKUNTA_2022, ",27.6,", ",127.6,")}


def unknown_region(src: Path) -> dict:
    return {"line": replace_in_line(src / "progress.csv", PROGRESS_VS_P4I2, ",05,", ",99,")}


def unknown_investment(src: Path) -> dict:
    return {"line": replace_in_line(src / "progress.csv", PROGRESS_VS_P4I2, ",P4I2,", ",P4I9,")}


def duplicate_key(src: Path) -> dict:
    """Turn the Varsinais-Suomi P4I2 row into a second Itä-Uusimaa (01) P4I2 row."""
    path = src / "progress.csv"
    original = line_of(path, "2024-Q3,P4I2,01,")
    changed = replace_in_line(path, PROGRESS_VS_P4I2, ",05,", ",01,")
    first, second = sorted([original, changed])
    return {"line": second, "first": first}


def empty_file(src: Path) -> dict:
    (src / "pilots.csv").write_bytes(b"")
    return {}


def header_only(src: Path) -> dict:
    path = src / "regions.csv"
    path.write_text(read_lines(path)[0], encoding="utf-8")
    return {}


def truncated_row(src: Path) -> dict:
    """The last row is cut in its second field, so it has too few fields (and no line end)."""
    path = src / "research_funding.csv"
    lines = read_lines(path)
    last = lines[-1]
    first_field, _, rest = last.partition(",")
    cut = rest[:12]
    path.write_text("".join(lines[:-1]) + f"{first_field},{cut}", encoding="utf-8")
    return {"line": len(lines), "value": cut}


def truncated_in_quote(src: Path) -> dict:
    """The file ends inside the open quote of the last row's source_ref."""
    path = src / "research_funding.csv"
    lines = read_lines(path)
    last = lines[-1]
    start = last.rindex(',"') + 2
    value = last[start : start + 27]
    assert value == "001_476e4860c1c29617.txt | "
    path.write_text("".join(lines[:-1]) + last[:start] + value, encoding="utf-8")
    return {"line": len(lines), "value": value}


def bad_encoding(src: Path) -> dict:
    """Päijät-Häme's short name saved in cp1252 (Latin-1) inside an otherwise UTF-8 file."""
    path = src / "regions.csv"
    lineno = line_of(path, "09,")
    raw = path.read_bytes()
    good = ",Päijät-Häme,county,".encode()
    assert raw.count(good) == 1
    path.write_bytes(raw.replace(good, ",Päijät-Häme,county,".encode("cp1252")))
    return {"line": lineno}


def unknown_document(src: Path) -> dict:
    line = replace_in_line(
        src / "research_funding.csv", "Etelä-Suomi,", '"001_476e4860c1c29617.txt |', '"999_unknown.txt |'
    )
    return {"line": line}


def bad_period_quarter(src: Path) -> dict:
    return {"line": replace_in_line(src / "progress.csv", PROGRESS_VS_P4I2, "2024-Q3,", "2024-Q5,")}


def bad_period_month(src: Path) -> dict:
    line = replace_in_line(src / "indicator_values.csv", "access7d:all:all,SSS,2023-12,", ",2023-12,", ",2023-13,")
    return {"line": line}


def bad_period_range(src: Path) -> dict:
    line = replace_in_line(
        src / "indicator_values.csv", "access7d:all:all,SSS,2023-10/2023-12,", ",2023-10/2023-12,", ",2023-12/2023-10,"
    )
    return {"line": line}


@dataclass(frozen=True)
class Case:
    id: str
    corrupt: Callable[[Path], dict]
    expected: tuple[str, ...]  # exact substrings of stderr; {line} etc. are filled from corrupt()'s result


CASES = [
    Case(
        "wrong_column_name",
        wrong_column_name,
        (
            "regions.csv: line 1, column 'name_se', value 'name_se': unknown column; expected columns: "
            "region_code, name_fi, name_sv, short_name_fi, kind, yta, sotkanet_id, source_ref",
            "regions.csv: line 1, column 'name_sv', value '': required column is missing from the header row",
        ),
    ),
    Case(
        "missing_column",
        missing_column,
        ("investments.csv: line 1, column 'short_name_fi', value '': required column is missing from the header row",),
    ),
    Case(
        "non_numeric_value",
        non_numeric_value,
        ("indicator_values.csv: line {line}, column 'value', value 'abc': not a number: 'abc'",),
    ),
    Case(
        "percent_over_100_progress",
        percent_over_100_progress,
        ("progress.csv: line {line}, column 'percent', value '190': a percentage must be within 0–100",),
    ),
    Case(
        "percent_negative_progress",
        percent_negative_progress,
        ("progress.csv: line {line}, column 'percent', value '-5': a percentage must be within 0–100",),
    ),
    Case(
        "percent_over_100_indicator_value",
        percent_over_100_indicator_value,
        ("indicator_values.csv: line {line}, column 'value', value '127.6': a percentage must be within 0–100",),
    ),
    Case(
        "unknown_region",
        unknown_region,
        ("progress.csv: line {line}, column 'region_code', value '99': unknown code: not in regions.csv",),
    ),
    Case(
        "unknown_investment",
        unknown_investment,
        ("progress.csv: line {line}, column 'investment_code', value 'P4I9': unknown code: not in investments.csv",),
    ),
    Case(
        "duplicate_key",
        duplicate_key,
        (
            "progress.csv: line {line}, column 'period,investment_code,region_code', value '2024-Q3|P4I2|01': "
            "duplicate key (first seen on line {first})",
        ),
    ),
    Case("empty_file", empty_file, ("pilots.csv: line 1: file is empty: expected a header row",)),
    Case("header_only_regions", header_only, ("regions.csv: line 1: expected at least 1 data row(s)",)),
    Case(
        "truncated_row",
        truncated_row,
        (
            "research_funding.csv: line {line}, column 'amount_meur', value '{value}': row has 2 fields, expected 4: "
            "'amount_meur' and later columns are missing (truncated row?)",
        ),
    ),
    Case(
        "truncated_inside_quote",
        truncated_in_quote,
        (
            "research_funding.csv: line {line}, column 'source_ref', value '{value}': "
            "row is not valid CSV (unexpected end of data); is the file truncated?",
        ),
    ),
    Case(
        "bad_encoding_cp1252",
        bad_encoding,
        (
            "regions.csv: line {line}, column 'short_name_fi', value 'P\ufffdij\ufffdt-H\ufffdme': "
            "not valid UTF-8 (byte 0xe4); save the file as UTF-8",
        ),
    ),
    Case(
        "unknown_document",
        unknown_document,
        (
            "research_funding.csv: line {line}, column 'source_ref', value '999_unknown.txt | Investointi 3, Tutkimus': "
            "unknown document '999_unknown.txt': not in documents.csv",
        ),
    ),
    Case(
        "bad_period_quarter",
        bad_period_quarter,
        ("progress.csv: line {line}, column 'period', value '2024-Q5': not a period: '2024-Q5'",),
    ),
    Case(
        "bad_period_month",
        bad_period_month,
        ("indicator_values.csv: line {line}, column 'period', value '2023-13': not a period: '2023-13'",),
    ),
    Case(
        "bad_period_range",
        bad_period_range,
        (
            "indicator_values.csv: line {line}, column 'period', value '2023-12/2023-10': "
            "period range ends before it starts: '2023-12/2023-10'",
        ),
    ),
]


def assert_untouched(db: Path, digest: str) -> None:
    assert sha256(db) == digest, "the previous database was modified"
    assert stray_files(db) == [], "a failed build left files next to the database"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_source_is_rejected(case: Case, workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    src, db = workspace
    names = case.corrupt(src)
    before = sha256(db)
    capsys.readouterr()

    rc = run_build(src, db)

    err = capsys.readouterr().err
    assert rc == 1
    assert f"Build failed; {db} was not changed." in err
    for expected in case.expected:
        assert expected.format(**names) in err
    assert_untouched(db, before)


def test_finnish_decimal_comma_is_accepted(workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """A quoted ``"36,5"`` in a number column is valid and loads as 36.5."""
    src, db = workspace
    replace_in_line(src / "indicator_values.csv", "sotkanet:5548,SSS,2022,", ",36.5,", ',"36,5",')
    replace_in_line(src / "progress.csv", PROGRESS_VS_P4I2, ",90,", ',"90,0",')

    assert run_build(src, db) == 0, capsys.readouterr().err

    assert query(
        db,
        "SELECT value FROM indicator_values WHERE indicator_code = 'sotkanet:5548' "
        "AND region_code = 'SSS' AND period = '2022'",
    ) == [(36.5,)]
    assert query(
        db, "SELECT percent FROM progress WHERE period = '2024-Q3' AND investment_code = 'P4I2' AND region_code = '05'"
    ) == [(90.0,)]
    assert stray_files(db) == []


def test_all_errors_in_all_files_are_listed(workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """One run reports every problem of every file, not just the first."""
    src, db = workspace
    progress_pct = replace_in_line(src / "progress.csv", PROGRESS_VS_P4I2, ",90,", ",190,")
    progress_period = replace_in_line(src / "progress.csv", "2024-Q3,P4I4,11,", "2024-Q3,", "2024-Q9,")
    iv_abc = replace_in_line(src / "indicator_values.csv", IV_SATAKUNTA_2022, ",27.6,", ",abc,")
    rf_doc = replace_in_line(src / "research_funding.csv", "Sisä-Suomi,", '"001_476e4860c1c29617.txt |', '"nope.pdf |')
    pilots_region = append_row(src / "pilots.csv", "TEST-1,Testipilotti,P4I3,77,001_476e4860c1c29617.txt | test")
    (src / "events.csv").write_bytes(b"")
    before = sha256(db)
    capsys.readouterr()

    assert run_build(src, db) == 1

    err = capsys.readouterr().err
    expected = [
        f"progress.csv: line {progress_pct}, column 'percent', value '190'",
        f"progress.csv: line {progress_period}, column 'period', value '2024-Q9'",
        f"indicator_values.csv: line {iv_abc}, column 'value', value 'abc'",
        f"research_funding.csv: line {rf_doc}, column 'source_ref', value 'nope.pdf | Investointi 3, Tutkimus'",
        f"pilots.csv: line {pilots_region}, column 'region_code', value '77'",
        "events.csv: line 1: file is empty",
    ]
    missing = [e for e in expected if e not in err]
    assert not missing, f"not reported: {missing}\n{err}"
    assert "6 problem(s) in the source files:" in err
    assert_untouched(db, before)


def test_error_in_a_multiline_record_names_its_first_line(
    workspace: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A quoted cell may span lines; the reported line is where the bad record starts."""
    src, db = workspace
    path = src / "progress.csv"
    lineno = edit_line(path, PROGRESS_VS_P4I2, lambda line: line.replace(",90,,", ',abc,"two\nlines",'))
    after = append_row(path, "2024-Q3,P4I4,99,50,,003_60821df21df53ca5.txt | x")
    assert after == len(read_lines(path))
    capsys.readouterr()

    assert run_build(src, db) == 1

    err = capsys.readouterr().err
    assert f"progress.csv: line {lineno}, column 'percent', value 'abc'" in err
    assert f"progress.csv: line {after}, column 'region_code', value '99'" in err
