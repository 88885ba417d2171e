-- Progress % of the investment in one period for every project area (NULL = the source gives no value).
SELECT r.region_code, r.short_name_fi, r.name_sv, r.yta, g.percent, g.note, g.source_ref
FROM src.regions AS r
LEFT JOIN src.progress AS g
       ON g.region_code = r.region_code AND g.investment_code = $investment AND g.period = $period
WHERE r.kind IN ('county', 'city')
  AND ($yta = '' OR r.yta = $yta)
  AND (len($regions) = 0 OR list_contains($regions, r.region_code))
ORDER BY g.percent DESC NULLS LAST, r.short_name_fi
