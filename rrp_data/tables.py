"""Specification of every source table: columns, types, keys and references.

The DDL in ``queries/schema/`` creates the same tables in DuckDB; ``tests/test_schema.py`` checks the two
agree. Types:

* ``text`` free text; ``number`` a float (Finnish decimal comma accepted); ``int``; ``percent`` a number
  within 0–100; ``period`` (see ``parsing.parse_period``); ``date`` ISO date; ``bool``;
* ``enum`` with ``values``; ``ref`` a foreign key to another table's key (``ref=("regions", "region_code")``);
* ``source_ref``: ``<document> | <locator>`` where the document is in ``documents.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "text"
    required: bool = True
    values: tuple[str, ...] = ()
    ref: tuple[str, str] | None = None
    min: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    min_rows: int = 0
    description: str = ""
    extra_checks: tuple[str, ...] = field(default_factory=tuple)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def C(name: str, type: str = "text", required: bool = True, **kw) -> Column:  # noqa: N802 - tiny DSL
    return Column(name, type, required, **kw)


REGION = ("regions", "region_code")
INVESTMENT = ("investments", "investment_code")
INDICATOR = ("indicators", "indicator_code")

REGION_KINDS = ("country", "county", "city", "autonomous", "joint_authority")
YTAS = ("Etelä-Suomi", "Sisä-Suomi", "Itä-Suomi", "Länsi-Suomi", "Pohjois-Suomi")
UNITS = ("percent", "count", "score", "eur", "meur", "person_years", "ratio")
DIMENSIONS = ("schedule", "costs", "output_quality", "output_scope", "staff", "risks", "benefits")
STATUSES = ("on_track", "watch", "action_needed", "not_reported")
SECTIONS = ("summary", "general", "deviations", "achievements", "next_tasks", "survey_finding")

SRC = C("source_ref", "source_ref")

TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        (
            C("document"),
            C("title"),
            C("publisher"),
            C("published", "date", required=False),
            C("kind", "enum", values=("slides", "plan", "reference", "api")),
            C("description", required=False),
        ),
        key=("document",),
        min_rows=1,
        description="Source documents and APIs that source_ref points to.",
    ),
    Table(
        "regions",
        (
            C("region_code"),
            C("name_fi"),
            C("name_sv"),
            C("short_name_fi"),
            C("kind", "enum", values=REGION_KINDS),
            C("yta", "enum", required=False, values=YTAS),
            C("sotkanet_id", "int", required=False),
            SRC,
        ),
        key=("region_code",),
        min_rows=1,
    ),
    Table(
        "investments",
        (
            C("investment_code"),
            C("pillar", "int", min=3, max=4),
            C("name_fi"),
            C("short_name_fi"),
            C("eu_measure"),
            C("deadline", "date", required=False),
            SRC,
        ),
        key=("investment_code",),
        min_rows=1,
    ),
    Table(
        "indicators",
        (
            C("indicator_code"),
            C("investment_code", "ref", required=False, ref=INVESTMENT),
            C("name_fi"),
            C("unit", "enum", values=UNITS),
            C("definition_fi", required=False),
            C("baseline", "number", required=False),
            C("baseline_period", "period", required=False),
            C("interim_target", "number", required=False),
            C("interim_target_period", "period", required=False),
            C("target", "number", required=False),
            C("target_period", "period", required=False),
            C("is_eu_target", "bool"),
            SRC,
        ),
        key=("indicator_code",),
        min_rows=1,
    ),
    Table(
        "indicator_values",
        (
            C("indicator_code", "ref", ref=INDICATOR),
            C("region_code", "ref", ref=REGION),
            C("period", "period"),
            C("value", "number"),
            C("denominator", "number", required=False),
            C("period_label", required=False),
            C("note", required=False),
            SRC,
        ),
        key=("indicator_code", "region_code", "period"),
    ),
    Table(
        "target_achievements",
        (
            C("indicator_code", "ref", ref=INDICATOR),
            C("region_code", "ref", ref=REGION),
            C("statement_period", "period"),
            C("achieved", "enum", values=("yes", "no", "partly", "unknown")),
            C("achieved_period", "period", required=False),
            C("achieved_value", "number", required=False),
            C("statement_fi"),
            SRC,
        ),
        key=("indicator_code", "region_code", "statement_period"),
    ),
    Table(
        "region_targets",
        (
            C("indicator_code", "ref", ref=INDICATOR),
            C("region_code", "ref", ref=REGION),
            C("baseline", "number", required=False),
            C("baseline_period", "period", required=False),
            C("target", "number"),
            C("target_period", "period"),
            C("comparator", "enum", values=(">=", "=")),
            C("statement_fi"),
            SRC,
        ),
        key=("indicator_code", "region_code", "target_period"),
    ),
    Table(
        "progress",
        (
            C("period", "period"),
            C("investment_code", "ref", ref=INVESTMENT),
            C("region_code", "ref", ref=REGION),
            C("percent", "percent"),
            C("note", required=False),
            SRC,
        ),
        key=("period", "investment_code", "region_code"),
    ),
    Table(
        "progress_actors",
        (
            C("period", "period"),
            C("investment_code", "ref", ref=INVESTMENT),
            C("actor"),
            C("percent", "percent"),
            C("note", required=False),
            SRC,
        ),
        key=("period", "investment_code", "actor"),
    ),
    Table(
        "status_lights",
        (
            C("period", "period"),
            C("investment_code", "ref", ref=INVESTMENT),
            C("region_code", "ref", ref=REGION),
            C("dimension", "enum", values=DIMENSIONS),
            C("status", "enum", values=STATUSES),
            SRC,
        ),
        key=("period", "investment_code", "region_code", "dimension"),
    ),
    Table(
        "innovations",
        (
            C("innovation_id"),
            C("period", "period"),
            C("region_code", "ref", required=False, ref=REGION),
            C("actor"),
            C("respondent_role", required=False),
            C("innovation_fi"),
            C("user_count", "number", required=False, min=0),
            C("user_count_text", required=False),
            C("approximate", "bool"),
            C("basis_fi", required=False),
            SRC,
        ),
        key=("innovation_id",),
    ),
    Table(
        "pilots",
        (
            C("pilot_code"),
            C("pilot_fi"),
            C("investment_code", "ref", ref=INVESTMENT),
            C("region_code", "ref", ref=REGION),
            SRC,
        ),
        key=("pilot_code", "region_code"),
    ),
    Table(
        "research_funding",
        (C("yta", "enum", values=YTAS), C("project_fi"), C("amount_meur", "number", min=0), SRC),
        key=("yta", "project_fi"),
    ),
    Table(
        "narratives",
        (
            C("narrative_id"),
            C("period", "period"),
            C("investment_code", "ref", required=False, ref=INVESTMENT),
            C("region_code", "ref", ref=REGION),
            C("section", "enum", values=SECTIONS),
            C("ordinal", "int", min=1),
            C("text_fi"),
            SRC,
        ),
        key=("narrative_id",),
    ),
    Table(
        "contacts",
        (C("yta", "enum", values=YTAS), C("role_fi"), C("name"), C("phone", required=False), SRC),
        key=("yta",),
    ),
    Table(
        "events",
        (
            C("event_date", "date"),
            C("time_text", required=False),
            C("title_fi"),
            C("mode", required=False),
            SRC,
        ),
        key=("event_date", "title_fi"),
    ),
    Table(
        "municipality_figures",
        (
            C("municipality"),
            C("measure"),
            C("period", "period"),
            C("value", "number"),
            C("unit", "enum", values=UNITS),
            C("period_label", required=False),
            SRC,
        ),
        key=("municipality", "measure", "period"),
    ),
    Table(
        "plan_costs",
        (
            C("plan_id"),
            C("line_id"),
            C("pillar", "int", required=False, min=3, max=4),
            C("investment_code", "ref", required=False, ref=INVESTMENT),
            C("part_fi", required=False),
            C("cost_eur", "number", required=False, min=0),
            C("note", required=False),
            SRC,
        ),
        key=("plan_id", "line_id"),
    ),
    Table(
        "plan_work_packages",
        (
            C("plan_id"),
            C("wp_code"),
            C("investment_code", "ref", required=False, ref=INVESTMENT),
            C("name_fi"),
            C("person_years", "number", required=False, min=0),
            C("cost_eur", "number", required=False, min=0),
            C("note", required=False),
            SRC,
        ),
        key=("plan_id", "wp_code"),
    ),
    Table(
        "plan_risks",
        (
            C("plan_id"),
            C("risk_id"),
            C("risk_fi"),
            C("probability", "int", min=1, max=5),
            C("impact", "int", min=1, max=5),
            C("score", "number"),
            C("mitigation_fi", required=False),
            C("owner_fi", required=False),
            SRC,
        ),
        key=("plan_id", "risk_id"),
    ),
    Table(
        "plan_targets",
        (
            C("plan_id"),
            C("target_id"),
            C("investment_code", "ref", required=False, ref=INVESTMENT),
            C("indicator_code", "ref", required=False, ref=INDICATOR),
            C("target_fi"),
            C("baseline", "number", required=False),
            C("baseline_period", "period", required=False),
            C("target", "number", required=False),
            C("target_period", "period", required=False),
            C("unit", "enum", required=False, values=UNITS),
            SRC,
        ),
        key=("plan_id", "target_id"),
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}
