-- The areas compared by pace: every wellbeing services county, Helsinki and Åland (optionally only some).
SELECT region_code, short_name_fi, name_sv, yta
FROM src.regions
WHERE kind IN ('county', 'city', 'autonomous')
  AND (len($regions) = 0 OR list_contains($regions, region_code))
ORDER BY short_name_fi
