-- Pillar 3 participation and progress per county: one row per county that has a progress row for the
-- work-ability programme (P3-TKO) or IPS (P3-IPS) in the latest pillar 3 progress period. A county with no
-- row for a programme is not in that programme's progress reporting (NULL, shown as "ei mukana").
WITH p3 AS (
    SELECT pr.period, pr.investment_code, pr.region_code, pr.percent, pr.source_ref, pe.end_date
    FROM src.progress AS pr
    JOIN src.periods AS pe USING (period)
    WHERE pr.investment_code IN ('P3-TKO', 'P3-IPS')
), latest AS (
    SELECT period FROM p3 ORDER BY end_date DESC, period LIMIT 1
)
SELECT p3.period, r.region_code, r.short_name_fi, r.name_sv, r.yta,
       max(p3.percent) FILTER (WHERE p3.investment_code = 'P3-TKO') AS tko_percent,
       max(p3.percent) FILTER (WHERE p3.investment_code = 'P3-IPS') AS ips_percent,
       bool_or(p3.investment_code = 'P3-TKO') AS in_tko,
       bool_or(p3.investment_code = 'P3-IPS') AS in_ips,
       min(p3.source_ref) AS source_ref
FROM p3
JOIN src.regions AS r USING (region_code)
WHERE p3.period = (SELECT period FROM latest)
  AND (len($regions) = 0 OR list_contains($regions, r.region_code))
GROUP BY p3.period, r.region_code, r.short_name_fi, r.name_sv, r.yta
ORDER BY r.short_name_fi
