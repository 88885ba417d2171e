-- Counties' own targets from their project plans (e.g. Satakunta 17,6 % -> 35 %), with the indicator's name
-- and unit, in deadline order. A plan that gives one target two deadlines has two rows: both are kept.
SELECT rt.indicator_code, i.name_fi AS indicator_name_fi, i.unit, rt.region_code, r.short_name_fi, r.name_sv, r.yta,
       rt.baseline, rt.baseline_period, rt.target, rt.target_period, rt.comparator,
       rt.statement_fi, rt.source_ref
FROM src.region_targets AS rt
JOIN src.indicators AS i USING (indicator_code)
JOIN src.regions AS r USING (region_code)
LEFT JOIN src.periods AS p ON p.period = rt.target_period
WHERE len($regions) = 0 OR list_contains($regions, rt.region_code)
ORDER BY r.short_name_fi, rt.indicator_code, p.end_date
