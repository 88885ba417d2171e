-- Area x pilot participation of an investment: every project area (21 counties and Helsinki) plus any other
-- organisation that takes part in a pilot (HUS), crossed with every pilot; participates = a row in pilots.
-- $yta ('' = all) and $regions ([] = all) narrow the rows; an explicit region list leaves out HUS.
-- Pilots come in the order the source table lists them (first appearance).
WITH p AS (
    SELECT pilot_code, any_value(pilot_fi) AS pilot_fi, min(rowid) AS first_row
    FROM src.pilots WHERE investment_code = $investment
    GROUP BY pilot_code
), areas AS (
    SELECT region_code, short_name_fi, name_sv, kind, yta
    FROM src.regions
    WHERE kind IN ('county', 'city')
       OR region_code IN (SELECT region_code FROM src.pilots WHERE investment_code = $investment)
)
SELECT a.region_code, a.short_name_fi, a.name_sv, a.kind, a.yta, p.pilot_code, p.pilot_fi,
       x.region_code IS NOT NULL AS participates, x.source_ref
FROM areas AS a
CROSS JOIN p
LEFT JOIN src.pilots AS x ON x.pilot_code = p.pilot_code AND x.region_code = a.region_code
WHERE ($yta = '' OR a.yta = $yta)
  AND (len($regions) = 0 OR list_contains($regions, a.region_code))
ORDER BY CASE a.kind WHEN 'joint_authority' THEN 1 ELSE 0 END, a.short_name_fi, p.first_row
