-- National (whole country) values of Sotkanet 5548 over time.
SELECT v.period, p.end_date, v.value, v.source_ref
FROM src.indicator_values AS v
JOIN src.periods AS p USING (period)
WHERE v.indicator_code = 'sotkanet:5548' AND v.region_code = 'SSS'
ORDER BY p.end_date
