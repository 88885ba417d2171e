-- Traffic lights that changed colour between $period_from and $period_to: the same area, investment and
-- dimension with a different status in the two periods. step = severity at $period_to minus at $period_from
-- (on_track 0, watch 1, action_needed 2; positive = worse); NULL when either is not_reported.
-- $investments ([] = all), $regions ([] = every area). Largest step first, worsening before improving.
WITH a AS (SELECT * FROM src.status_lights WHERE period = $period_from),
b AS (SELECT * FROM src.status_lights WHERE period = $period_to),
pairs AS (
    SELECT a.region_code, a.investment_code, a.dimension, a.status AS status_from, b.status AS status_to,
           a.source_ref AS source_from, b.source_ref AS source_to,
           CASE b.status WHEN 'on_track' THEN 0 WHEN 'watch' THEN 1 WHEN 'action_needed' THEN 2 END
         - CASE a.status WHEN 'on_track' THEN 0 WHEN 'watch' THEN 1 WHEN 'action_needed' THEN 2 END AS step
    FROM a
    JOIN b ON a.region_code = b.region_code AND a.investment_code = b.investment_code AND a.dimension = b.dimension
    WHERE a.status <> b.status
)
SELECT r.region_code, r.short_name_fi, r.name_sv, r.yta, p.investment_code, p.dimension,
       CASE p.dimension WHEN 'schedule' THEN 1 WHEN 'costs' THEN 2 WHEN 'output_quality' THEN 3
                        WHEN 'output_scope' THEN 4 WHEN 'staff' THEN 5 WHEN 'risks' THEN 6 WHEN 'benefits' THEN 7
       END AS dimension_order,
       p.status_from, p.status_to, p.step, p.source_from, p.source_to
FROM pairs AS p
JOIN src.regions AS r USING (region_code)
WHERE (len($investments) = 0 OR list_contains($investments, p.investment_code))
  AND (len($regions) = 0 OR list_contains($regions, p.region_code))
ORDER BY abs(p.step) DESC NULLS LAST, p.step DESC, r.short_name_fi, p.investment_code, dimension_order
