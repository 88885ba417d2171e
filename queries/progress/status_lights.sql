-- Traffic lights (status per dimension) of one period; empty when the sources give none (the shipped data).
SELECT s.investment_code, s.region_code, r.short_name_fi, r.name_sv, r.yta, s.dimension,
       CASE s.dimension WHEN 'schedule' THEN 1 WHEN 'costs' THEN 2 WHEN 'output_quality' THEN 3
                        WHEN 'output_scope' THEN 4 WHEN 'staff' THEN 5 WHEN 'risks' THEN 6 WHEN 'benefits' THEN 7
       END AS dimension_order,
       s.status, s.source_ref
FROM src.status_lights AS s
JOIN src.regions AS r USING (region_code)
WHERE s.period = $period
  AND ($yta = '' OR r.yta = $yta)
  AND (len($regions) = 0 OR list_contains($regions, s.region_code))
  AND (len($investments) = 0 OR list_contains($investments, s.investment_code))
ORDER BY s.investment_code, r.short_name_fi, dimension_order
