-- Values of one indicator in the given regions (all when empty), every period, with the period's bounds
-- (the page picks the baseline-period value and the latest value with rrp_data.pace).
SELECT v.indicator_code, v.region_code, v.period, p.start_date, p.end_date, v.value, v.source_ref
FROM src.indicator_values AS v
JOIN src.periods AS p USING (period)
WHERE v.indicator_code = $indicator
  AND (len($regions) = 0 OR list_contains($regions, v.region_code))
ORDER BY v.region_code, p.end_date, p.start_date
