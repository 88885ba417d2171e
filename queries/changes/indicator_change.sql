-- Change of one indicator ($indicator) per area between two of its periods ($period_from -> $period_to), plus the
-- whole country. One row per region with a value in at least one of the two periods; the missing one is NULL
-- ("ei tietoa") and so is the change (rounded to 6 decimals only to drop floating-point noise). Åland (not an
-- RRP area) only without an area filter.
-- $regions ([] = every area). Areas by largest absolute change first, rows without a change after them, the
-- whole country last.
WITH a AS (
    SELECT region_code, value, period_label, note, source_ref
    FROM src.indicator_values WHERE indicator_code = $indicator AND period = $period_from
), b AS (
    SELECT region_code, value, period_label, note, source_ref
    FROM src.indicator_values WHERE indicator_code = $indicator AND period = $period_to
), pairs AS (
    SELECT coalesce(a.region_code, b.region_code) AS region_code,
           a.value AS v_from, b.value AS v_to,
           a.period_label AS label_from, b.period_label AS label_to,
           a.note AS note_from, b.note AS note_to,
           a.source_ref AS source_from, b.source_ref AS source_to
    FROM a
    FULL OUTER JOIN b ON a.region_code = b.region_code
)
SELECT r.region_code, r.kind, r.short_name_fi, r.name_sv, r.yta,
       p.v_from, p.v_to, round(p.v_to - p.v_from, 6) AS change,
       p.label_from, p.label_to, p.note_from, p.note_to, p.source_from, p.source_to
FROM pairs AS p
JOIN src.regions AS r USING (region_code)
WHERE r.kind = 'country'
   OR (r.kind IN ('county', 'city') AND (len($regions) = 0 OR list_contains($regions, r.region_code)))
   OR (r.kind = 'autonomous' AND len($regions) = 0)
ORDER BY r.kind = 'country', abs(change) DESC NULLS LAST, change DESC, r.short_name_fi
