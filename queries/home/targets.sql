-- One card per EU indicator / investment target: definition, baseline, target and the latest whole-country
-- value (latest period end date; on a tie the shorter, i.e. later-starting, period wins) with its period.
WITH ranked AS (
    SELECT v.indicator_code, v.period, v.value, v.source_ref,
           row_number() OVER (PARTITION BY v.indicator_code ORDER BY p.end_date DESC, p.start_date DESC) AS rn
    FROM indicator_values AS v
    JOIN periods AS p USING (period)
    WHERE v.region_code = 'SSS'
)
SELECT t.indicator_code, t.investment_code, t.name_fi, t.unit, t.definition_fi,
       t.baseline, t.baseline_period, t.interim_target, t.interim_target_period,
       t.target, t.target_period, t.source_ref,
       r.period AS latest_period, r.value AS latest_value, r.source_ref AS latest_source_ref
FROM eu_targets AS t
LEFT JOIN ranked AS r ON r.indicator_code = t.indicator_code AND r.rn = 1
ORDER BY CASE t.investment_code WHEN 'P3-TKO' THEN 0 WHEN 'P3-IPS' THEN 1 ELSE 2 END, t.investment_code, t.indicator_code
