-- The periods of one indicator ($indicator), oldest first (end date, then start date), with how many values
-- each has in all and for areas (counties and Helsinki).
SELECT v.period, p.start_date, p.end_date,
       count(*) AS n_values,
       count(*) FILTER (WHERE r.kind IN ('county', 'city')) AS n_area_values
FROM src.indicator_values AS v
JOIN src.periods AS p USING (period)
JOIN src.regions AS r ON r.region_code = v.region_code
WHERE v.indicator_code = $indicator
GROUP BY v.period, p.start_date, p.end_date
ORDER BY p.end_date, p.start_date, v.period
