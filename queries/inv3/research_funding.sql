-- Research funding per collaboration area (M€) with the project name. $yta ('' = all); $regions ([] = all)
-- keeps the collaboration areas of the chosen counties.
SELECT f.yta, f.project_fi, f.amount_meur, f.source_ref
FROM src.research_funding AS f
WHERE ($yta = '' OR f.yta = $yta)
  AND (len($regions) = 0 OR f.yta IN (SELECT yta FROM src.regions WHERE list_contains($regions, region_code)))
ORDER BY f.amount_meur DESC, f.yta
