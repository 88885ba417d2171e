-- Whole-country values of the EU indicators over time, each placed at the middle of its period
-- (periods of different length, e.g. a year and a month, can end on the same day).
SELECT v.indicator_code, v.period, p.start_date, p.end_date,
       p.start_date + CAST((p.end_date - p.start_date) // 2 AS INTEGER) AS mid_date,
       v.value, v.source_ref
FROM indicator_values AS v
JOIN periods AS p USING (period)
WHERE v.region_code = 'SSS'
  AND v.indicator_code IN (SELECT indicator_code FROM eu_targets)
ORDER BY v.indicator_code, mid_date, p.end_date
