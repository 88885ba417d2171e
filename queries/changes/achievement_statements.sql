-- What the documents say about reaching one indicator's target ($indicator) at a time after $period_from and
-- no later than $period_to (by end dates): achieved 'yes' or 'partly' with an achieved_period in that window.
-- $regions ([] = every area); statements about the whole country always.
SELECT a.region_code, r.kind, r.short_name_fi, r.name_sv, a.achieved, a.achieved_period, a.achieved_value,
       a.statement_period, a.statement_fi, a.source_ref
FROM src.target_achievements AS a
JOIN src.regions AS r USING (region_code)
JOIN src.periods AS pa ON pa.period = a.achieved_period
WHERE a.indicator_code = $indicator
  AND a.achieved IN ('yes', 'partly')
  AND pa.end_date > (SELECT end_date FROM src.periods WHERE period = $period_from)
  AND pa.end_date <= (SELECT end_date FROM src.periods WHERE period = $period_to)
  AND (r.kind = 'country' OR len($regions) = 0 OR list_contains($regions, a.region_code))
ORDER BY r.kind <> 'country', r.short_name_fi, pa.end_date
