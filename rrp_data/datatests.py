"""dbt-style data tests run on the freshly built database before it replaces the old one.

Generic tests (unique, not_null, accepted_values, relationships, source_ref) are templates in
``queries/tests/generic/``; the table and column names filled in come only from ``rrp_data.tables``
(identifiers are checked against a strict pattern). Singular tests are the other ``queries/tests/*.sql``
files. Each test is a SELECT that returns the offending rows: no rows means pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .paths import TESTS_SQL_DIR
from .tables import TABLES

_IDENT = re.compile(r"^[a-z_][a-z0-9_.]*$")


@dataclass
class TestResult:
    name: str
    failures: list[tuple]

    @property
    def ok(self) -> bool:
        return not self.failures


def _template(name: str) -> str:
    return (TESTS_SQL_DIR / "generic" / f"{name}.sql").read_text(encoding="utf-8")


def _fill(sql: str, **idents: str) -> str:
    for k, v in idents.items():
        for part in v.split(", "):
            if not _IDENT.match(part):
                raise ValueError(f"unsafe identifier {part!r}")
        sql = sql.replace("{" + k + "}", v)
    return sql


def generic_tests() -> list[tuple[str, str, dict]]:
    """(name, sql, params) for every generic test implied by the table specs."""
    tests: list[tuple[str, str, dict]] = []
    for t in TABLES:
        table = f"src.{t.name}"
        tests.append((f"unique:{t.name}({','.join(t.key)})", _fill(_template("unique"), table=table, columns=", ".join(t.key)), {}))
        for c in t.columns:
            if c.required:
                tests.append((f"not_null:{t.name}.{c.name}", _fill(_template("not_null"), table=table, column=c.name), {}))
            if c.values:
                tests.append(
                    (
                        f"accepted_values:{t.name}.{c.name}",
                        _fill(_template("accepted_values"), table=table, column=c.name),
                        {"accepted": list(c.values)},
                    )
                )
            if c.ref:
                rt, rc = c.ref
                tests.append(
                    (
                        f"relationships:{t.name}.{c.name}->{rt}.{rc}",
                        _fill(_template("relationships"), table=table, column=c.name, ref_table=f"src.{rt}", ref_column=rc),
                        {},
                    )
                )
        if "source_ref" in t.column_names:
            tests.append((f"source_ref:{t.name}", _fill(_template("source_ref"), table=table), {}))
    return tests


def singular_tests(directory: Path = TESTS_SQL_DIR) -> list[tuple[str, str, dict]]:
    return [(p.stem, p.read_text(encoding="utf-8"), {}) for p in sorted(directory.glob("*.sql"))]


def run_data_tests(con: duckdb.DuckDBPyConnection) -> list[TestResult]:
    results = []
    for name, sql, params in [*generic_tests(), *singular_tests()]:
        rows = con.execute(sql, params).fetchall() if params else con.execute(sql).fetchall()
        results.append(TestResult(name, rows))
    return results
