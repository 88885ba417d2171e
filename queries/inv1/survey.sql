-- Investment 1 survey figures (p4i1:*) of the evaluation rounds, whole country.
SELECT v.indicator_code, i.name_fi, i.unit, v.period, p.end_date, v.value, v.period_label, v.note, v.source_ref
FROM src.indicator_values AS v
JOIN src.indicators AS i USING (indicator_code)
JOIN src.periods AS p USING (period)
WHERE v.indicator_code LIKE 'p4i1:%' AND v.region_code = 'SSS'
ORDER BY p.end_date, v.indicator_code
