-- Investment 1 progress / completion per county, every reported period (long format), newest first.
SELECT pr.period, pe.end_date, r.region_code, r.short_name_fi, r.name_sv, r.yta,
       pr.percent, pr.note, pr.source_ref
FROM src.progress AS pr
JOIN src.periods AS pe USING (period)
JOIN src.regions AS r USING (region_code)
WHERE pr.investment_code = 'P4I1'
  AND (len($regions) = 0 OR list_contains($regions, r.region_code))
ORDER BY pe.end_date DESC, r.short_name_fi
