-- Change of the progress % per area x investment between two reporting periods ($period_from -> $period_to).
-- One row per area x investment with a value in at least one of the two periods. A value the source does not
-- give for one period is NULL ("ei tietoa") and so is the change: never 0, never filled in. The change is
-- rounded to 6 decimals only to drop floating-point noise (27.6 - 17.6 = 10.000000000000002).
-- $investments ([] = all), $regions ([] = every area). Largest absolute change first; rows without a change last.
WITH a AS (
    SELECT region_code, investment_code, percent, note, source_ref FROM src.progress WHERE period = $period_from
), b AS (
    SELECT region_code, investment_code, percent, note, source_ref FROM src.progress WHERE period = $period_to
), pairs AS (
    SELECT coalesce(a.region_code, b.region_code) AS region_code,
           coalesce(a.investment_code, b.investment_code) AS investment_code,
           a.percent AS v_from, b.percent AS v_to,
           a.note AS note_from, b.note AS note_to,
           a.source_ref AS source_from, b.source_ref AS source_to
    FROM a
    FULL OUTER JOIN b ON a.region_code = b.region_code AND a.investment_code = b.investment_code
)
SELECT r.region_code, r.short_name_fi, r.name_sv, r.yta, i.pillar, p.investment_code,
       p.v_from, p.v_to, round(p.v_to - p.v_from, 6) AS change,
       p.note_from, p.note_to, p.source_from, p.source_to
FROM pairs AS p
JOIN src.regions AS r USING (region_code)
JOIN src.investments AS i USING (investment_code)
WHERE (len($investments) = 0 OR list_contains($investments, p.investment_code))
  AND (len($regions) = 0 OR list_contains($regions, p.region_code))
ORDER BY abs(change) DESC NULLS LAST, change DESC, r.short_name_fi, p.investment_code
