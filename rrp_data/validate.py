"""Read and validate source CSV files.

Every problem becomes one :class:`Problem` naming file, line, column and value. A run collects all problems
of all files (it never stops at the first) so a curator can fix a file in one pass.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import parsing
from .tables import TABLES, Column, Table


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        col = f", column '{self.column}'" if self.column else ""
        val = f", value {self.value!r}" if self.column or self.value else ""
        return f"{self.file}: line {self.line}{col}{val}: {self.message}"


class ValidationError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_problems(problems))


def format_problems(problems: list[Problem]) -> str:
    head = f"{len(problems)} problem(s) in the source files:"
    return "\n".join([head, *(f"  - {p}" for p in problems)])


@dataclass
class LoadedTable:
    table: Table
    path: Path
    rows: list[dict[str, Any]]
    lines: list[int]  # source line of each row (1-based, header is line 1)


def _decode(path: Path, raw: bytes, problems: list[Problem]) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad_line = raw.split(b"\n")[line - 1].decode("utf-8", errors="replace")
        header = raw.split(b"\n")[0].decode("utf-8", errors="replace").strip().split(",")
        column = ""
        try:
            fields = next(csv.reader([bad_line]))
            for i, f in enumerate(fields):
                if "\ufffd" in f:
                    column = header[i] if i < len(header) else f"#{i + 1}"
                    value = f
                    break
            else:  # pragma: no cover - defensive
                value = bad_line
        except (csv.Error, StopIteration):  # pragma: no cover - defensive
            value = bad_line
        problems.append(
            Problem(
                path.name,
                line,
                column,
                value,
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            )
        )
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _convert(col: Column, raw: str) -> Any:
    """Convert one non-empty cell; raise ValueError with a reason."""
    t = col.type
    if t in ("text", "ref", "source_ref"):
        return raw
    if t == "enum":
        if raw not in col.values:
            raise ValueError(f"must be one of: {', '.join(col.values)}")
        return raw
    if t == "number":
        v = parsing.parse_number(raw)
    elif t == "percent":
        v = parsing.parse_number(raw)
        if not 0 <= v <= 100:
            raise ValueError("a percentage must be within 0–100")
    elif t == "int":
        v = parsing.parse_int(raw)
    elif t == "period":
        parsing.parse_period(raw)
        return raw
    elif t == "date":
        return parsing.parse_date(raw)
    elif t == "bool":
        return parsing.parse_bool(raw)
    else:  # pragma: no cover - spec error
        raise AssertionError(f"unknown type {t}")
    if col.min is not None and v < col.min:
        raise ValueError(f"must be at least {col.min:g}")
    if col.max is not None and v > col.max:
        raise ValueError(f"must be at most {col.max:g}")
    return v


def read_table(table: Table, path: Path, problems: list[Problem]) -> LoadedTable | None:
    """Parse one file. Appends problems; returns None when the file cannot be read at all."""
    name = path.name
    if not path.exists():
        problems.append(Problem(name, 0, "", "", "file is missing"))
        return None
    raw = path.read_bytes()
    text = _decode(path, raw, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(name, 1, "", "", "file is empty: expected a header row"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        problems.append(Problem(name, 1, "", "", f"header row is not valid CSV: {exc}"))
        return None
    header = [h.strip() for h in header]
    expected = table.column_names
    if header != expected:
        missing = [c for c in expected if c not in header]
        unknown = [c for c in header if c not in expected]
        if missing or unknown:
            for c in unknown:
                problems.append(Problem(name, 1, c, c, f"unknown column; expected columns: {', '.join(expected)}"))
            for c in missing:
                problems.append(Problem(name, 1, c, "", "required column is missing from the header row"))
        else:
            problems.append(
                Problem(name, 1, "", ",".join(header), f"columns are in the wrong order; expected {','.join(expected)}")
            )
        return None

    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    keys: dict[tuple, int] = {}
    prev_end = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # Re-read the broken record leniently to name the column and value where it went wrong
            # (e.g. a quote left open at the end of a truncated file).
            rest = "".join(io.StringIO(text, newline="").readlines()[prev_end:])
            partial = next(csv.reader(io.StringIO(rest, newline=""), strict=False), [])
            col = expected[min(len(partial), len(expected)) - 1] if partial else ""
            problems.append(
                Problem(
                    name,
                    prev_end + 1,
                    col,
                    partial[-1] if partial else "",
                    f"row is not valid CSV ({exc}); is the file truncated?",
                )
            )
            break
        line = prev_end + 1
        prev_end = reader.line_num
        if not fields or all(not f.strip() for f in fields):
            continue  # blank line
        if len(fields) != len(expected):
            if len(fields) < len(expected):
                col = expected[len(fields)]
                msg = (
                    f"row has {len(fields)} fields, expected {len(expected)}: "
                    f"'{col}' and later columns are missing (truncated row?)"
                )
                problems.append(Problem(name, line, col, fields[-1] if fields else "", msg))
            else:
                problems.append(
                    Problem(
                        name,
                        line,
                        "",
                        ",".join(fields[len(expected):]),
                        f"row has {len(fields)} fields, expected {len(expected)} (an unquoted comma?)",
                    )
                )
            continue
        record: dict[str, Any] = {}
        ok = True
        for col, cell in zip(table.columns, fields, strict=False):
            value = cell.strip()
            if value == "":
                if col.required:
                    problems.append(Problem(name, line, col.name, cell, "required value is empty"))
                    ok = False
                record[col.name] = None
                continue
            try:
                record[col.name] = _convert(col, value)
            except ValueError as exc:
                problems.append(Problem(name, line, col.name, cell, str(exc)))
                ok = False
        if not ok:
            continue
        key = tuple(record[k] for k in table.key)
        if key in keys:
            problems.append(
                Problem(
                    name,
                    line,
                    ",".join(table.key),
                    "|".join(str(k) for k in key),
                    f"duplicate key (first seen on line {keys[key]})",
                )
            )
            continue
        keys[key] = line
        rows.append(record)
        lines.append(line)
    if table.min_rows and len(rows) < table.min_rows and not any(p.file == name for p in problems):
        problems.append(Problem(name, prev_end, "", "", f"expected at least {table.min_rows} data row(s)"))
    return LoadedTable(table, path, rows, lines)


def check_references(loaded: dict[str, LoadedTable], problems: list[Problem]) -> None:
    """Foreign keys, source_ref documents, and percentages of percent-unit indicators."""
    keysets: dict[tuple[str, str], set] = {}
    for lt in loaded.values():
        for col in lt.table.columns:
            if col.ref:
                ref_table, ref_col = col.ref
                if ref_table not in loaded:
                    continue
                known = keysets.setdefault(col.ref, {r[ref_col] for r in loaded[ref_table].rows})
                for row, line in zip(lt.rows, lt.lines, strict=False):
                    v = row[col.name]
                    if v is not None and v not in known:
                        problems.append(
                            Problem(lt.path.name, line, col.name, v, f"unknown code: not in {ref_table}.csv")
                        )
    documents = {r["document"] for r in loaded["documents"].rows} if "documents" in loaded else set()
    for lt in loaded.values():
        if "source_ref" not in lt.table.column_names:
            continue
        for row, line in zip(lt.rows, lt.lines, strict=False):
            ref = row["source_ref"]
            doc, sep, locator = ref.partition(" | ")
            if not sep or not locator.strip():
                problems.append(
                    Problem(lt.path.name, line, "source_ref", ref, "must be '<document> | <slide, section or page>'")
                )
            elif documents and doc not in documents:
                problems.append(
                    Problem(lt.path.name, line, "source_ref", ref, f"unknown document {doc!r}: not in documents.csv")
                )
    if "indicators" in loaded and "indicator_values" in loaded:
        units = {r["indicator_code"]: r["unit"] for r in loaded["indicators"].rows}
        lt = loaded["indicator_values"]
        for row, line in zip(lt.rows, lt.lines, strict=False):
            if units.get(row["indicator_code"]) == "percent" and not 0 <= row["value"] <= 100:
                problems.append(
                    Problem(lt.path.name, line, "value", f"{row['value']:g}", "a percentage must be within 0–100")
                )


def load_sources(sources_dir: Path, tables: tuple[Table, ...] = TABLES) -> dict[str, LoadedTable]:
    """Read, type-check and cross-check every source table. Raises ValidationError listing all problems."""
    problems: list[Problem] = []
    loaded: dict[str, LoadedTable] = {}
    for table in tables:
        lt = read_table(table, sources_dir / table.file, problems)
        if lt is not None:
            loaded[table.name] = lt
    check_references(loaded, problems)
    if problems:
        raise ValidationError(problems)
    return loaded
