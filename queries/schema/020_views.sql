-- PUBLIC CONTRACT. Excel, Power BI and the DuckDB CLI read these views. Change them only on purpose and
-- update README.md ("Data model") in the same commit. tests/test_build.py pins their columns.

CREATE VIEW regions AS
SELECT region_code, name_fi, name_sv, kind, yta, sotkanet_id
FROM src.regions;

CREATE VIEW investments AS
SELECT investment_code, pillar, name_fi, eu_measure
FROM src.investments;

CREATE VIEW indicators AS
SELECT indicator_code, investment_code, name_fi, unit, baseline, baseline_period, target, target_period, source_ref
FROM src.indicators;

CREATE VIEW indicator_values AS
SELECT indicator_code, region_code, period, value, source_ref
FROM src.indicator_values;

CREATE VIEW progress AS
SELECT period, investment_code, region_code, percent, source_ref
FROM src.progress;

CREATE VIEW status_lights AS
SELECT period, investment_code, region_code, dimension, status, source_ref
FROM src.status_lights;

-- Views of our own design (also public).

CREATE VIEW sources AS
SELECT document, title, publisher, published, kind, description
FROM src.documents;

CREATE VIEW eu_targets AS
SELECT i.indicator_code, i.investment_code, i.name_fi, i.unit, i.definition_fi,
       i.baseline, i.baseline_period, i.interim_target, i.interim_target_period,
       i.target, i.target_period, i.source_ref
FROM src.indicators AS i
WHERE i.is_eu_target;

CREATE VIEW indicator_values_detail AS
SELECT v.indicator_code, i.name_fi AS indicator_name_fi, i.unit, i.investment_code,
       v.region_code, r.name_fi AS region_name_fi, v.period, p.label_fi AS period_label_fi,
       p.start_date AS period_start, p.end_date AS period_end,
       v.value, v.denominator, v.period_label, v.note, v.source_ref
FROM src.indicator_values AS v
JOIN src.indicators AS i USING (indicator_code)
JOIN src.regions AS r USING (region_code)
JOIN src.periods AS p USING (period);

CREATE VIEW target_achievements AS
SELECT indicator_code, region_code, statement_period, achieved, achieved_period, achieved_value,
       statement_fi, source_ref
FROM src.target_achievements;

CREATE VIEW region_targets AS
SELECT indicator_code, region_code, baseline, baseline_period, target, target_period, comparator,
       statement_fi, source_ref
FROM src.region_targets;

CREATE VIEW progress_actors AS
SELECT period, investment_code, actor, percent, note, source_ref
FROM src.progress_actors;

CREATE VIEW innovations AS
SELECT innovation_id, period, region_code, actor, respondent_role, innovation_fi, user_count,
       user_count_text, approximate, basis_fi, source_ref
FROM src.innovations;

CREATE VIEW pilots AS
SELECT pilot_code, pilot_fi, investment_code, region_code, source_ref
FROM src.pilots;

CREATE VIEW research_funding AS
SELECT yta, project_fi, amount_meur, source_ref
FROM src.research_funding;

CREATE VIEW narratives AS
SELECT narrative_id, period, investment_code, region_code, section, ordinal, text_fi, source_ref
FROM src.narratives;

CREATE VIEW plan_costs AS
SELECT plan_id, line_id, pillar, investment_code, part_fi, cost_eur, note, source_ref
FROM src.plan_costs;

CREATE VIEW plan_work_packages AS
SELECT plan_id, wp_code, investment_code, name_fi, person_years, cost_eur, note, source_ref
FROM src.plan_work_packages;

CREATE VIEW plan_risks AS
SELECT plan_id, risk_id, risk_fi, probability, impact, score, mitigation_fi, owner_fi, source_ref
FROM src.plan_risks;

CREATE VIEW plan_targets AS
SELECT plan_id, target_id, investment_code, indicator_code, target_fi, baseline, baseline_period,
       target, target_period, unit, source_ref
FROM src.plan_targets;

CREATE VIEW municipality_figures AS
SELECT municipality, measure, period, value, unit, period_label, source_ref
FROM src.municipality_figures;

CREATE VIEW contacts AS
SELECT yta, role_fi, name, phone, source_ref
FROM src.contacts;

CREATE VIEW events AS
SELECT event_date, time_text, title_fi, mode, source_ref
FROM src.events;

CREATE VIEW periods AS
SELECT period, kind, start_date, end_date, label_fi
FROM src.periods;

CREATE VIEW build_info AS
SELECT key, value
FROM src.build_info;
