-- Investment 2 figures (p4i2:*), whole country. denominator: the source's own (e.g. 22 in "16/22"), else the
-- number of project areas (21 counties and Helsinki); denominator_given tells which.
SELECT v.indicator_code, i.name_fi, i.unit, i.definition_fi, v.period, p.end_date, v.value,
       CASE WHEN i.unit = 'count'
            THEN coalesce(v.denominator, (SELECT count(*) FROM src.regions WHERE kind IN ('county', 'city')))
            ELSE v.denominator END AS denominator,
       v.denominator IS NOT NULL AS denominator_given,
       v.period_label, v.note, v.source_ref
FROM src.indicator_values AS v
JOIN src.indicators AS i USING (indicator_code)
JOIN src.periods AS p USING (period)
WHERE v.indicator_code LIKE 'p4i2:%' AND v.region_code = 'SSS'
ORDER BY p.end_date, v.indicator_code
