-- The county's own targets (from its project plan), with the newest value the data hold for the same
-- indicator and county (NULL = "ei tietoa").
WITH latest AS (
    SELECT v.indicator_code, v.period, v.value, v.source_ref,
           row_number() OVER (PARTITION BY v.indicator_code ORDER BY p.end_date DESC, p.start_date DESC) AS rn
    FROM indicator_values AS v
    JOIN periods AS p USING (period)
    WHERE v.region_code = $region
)
SELECT t.indicator_code, i.name_fi, i.unit, t.baseline, t.baseline_period, t.target, t.target_period,
       t.comparator, t.statement_fi, t.source_ref,
       l.period AS latest_period, l.value AS latest_value, l.source_ref AS latest_source_ref
FROM region_targets AS t
JOIN indicators AS i USING (indicator_code)
LEFT JOIN periods AS tp ON tp.period = t.target_period
LEFT JOIN latest AS l ON l.indicator_code = t.indicator_code AND l.rn = 1
WHERE t.region_code = $region
ORDER BY t.indicator_code, tp.end_date
