-- Area x investment progress % of one period: every project area crossed with the chosen investments of the
-- pillar; percent is NULL where the source gives no value (shown as "ei tietoa", never 0).
-- $investments ([] = every investment of the pillar in the progress reports), $yta ('' = all), $regions ([] = all).
WITH inv AS (
    SELECT investment_code, short_name_fi
    FROM src.investments
    WHERE pillar = $pillar
      AND investment_code IN (SELECT investment_code FROM src.progress)
      AND (len($investments) = 0 OR list_contains($investments, investment_code))
)
SELECT r.region_code, r.short_name_fi, r.name_sv, r.yta, inv.investment_code, inv.short_name_fi AS investment_name_fi,
       g.percent, g.note, g.source_ref
FROM src.regions AS r
CROSS JOIN inv
LEFT JOIN src.progress AS g
       ON g.region_code = r.region_code AND g.investment_code = inv.investment_code AND g.period = $period
WHERE r.kind IN ('county', 'city')
  AND ($yta = '' OR r.yta = $yta)
  AND (len($regions) = 0 OR list_contains($regions, r.region_code))
ORDER BY r.short_name_fi, inv.investment_code
