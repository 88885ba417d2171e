-- Investment 2 progress per county in the latest reported period.
WITH latest AS (
    SELECT pr.period
    FROM src.progress AS pr
    JOIN src.periods AS pe USING (period)
    WHERE pr.investment_code = 'P4I2'
    ORDER BY pe.end_date DESC, pr.period
    LIMIT 1
)
SELECT pr.period, r.region_code, r.short_name_fi, r.name_sv, r.yta, pr.percent, pr.note, pr.source_ref
FROM src.progress AS pr
JOIN src.regions AS r USING (region_code)
WHERE pr.investment_code = 'P4I2' AND pr.period = (SELECT period FROM latest)
  AND (len($regions) = 0 OR list_contains($regions, r.region_code))
ORDER BY pr.percent DESC, r.short_name_fi
