-- Pillar 3 programmes x the counties of the period's pillar 3 table. A county listed for one programme but
-- not the other was a blank cell in the source table: participates = false ("ei mukana").
WITH rows AS (
    SELECT g.* FROM src.progress AS g
    JOIN src.investments AS i USING (investment_code)
    WHERE i.pillar = 3 AND g.period = $period
), progs AS (  -- programmes in the order of the investments table (Työkykyohjelma, IPS)
    SELECT i.investment_code, i.short_name_fi, i.rowid AS ord
    FROM src.investments AS i
    WHERE i.pillar = 3
), counties AS (
    SELECT DISTINCT region_code FROM rows
)
SELECT r.region_code, r.short_name_fi, r.name_sv, r.yta, progs.investment_code,
       progs.short_name_fi AS investment_name_fi,
       rows.percent, rows.region_code IS NOT NULL AS participates, rows.note, rows.source_ref
FROM counties
JOIN src.regions AS r USING (region_code)
CROSS JOIN progs
LEFT JOIN rows ON rows.region_code = r.region_code AND rows.investment_code = progs.investment_code
WHERE ($yta = '' OR r.yta = $yta)
  AND (len($regions) = 0 OR list_contains($regions, r.region_code))
ORDER BY r.short_name_fi, progs.ord
