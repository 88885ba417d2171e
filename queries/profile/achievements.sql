-- Statements of the documents on whether the county reached a target (none in the shipped sources).
SELECT a.indicator_code, i.name_fi, a.statement_period, a.achieved, a.achieved_period, a.achieved_value,
       a.statement_fi, a.source_ref
FROM target_achievements AS a
JOIN indicators AS i USING (indicator_code)
JOIN periods AS p ON p.period = a.statement_period
WHERE a.region_code = $region
ORDER BY p.end_date DESC, a.indicator_code
