-- Targets of one indicator ($indicator) compared with its values at $period_from and $period_to, per region.
-- Targets: the indicator's own final and interim target (programme level: compared with the whole country and,
-- for orientation, with each area, as the investment pages do) and an area's own targets (src.region_targets,
-- that area only). A target below the baseline means lower is better; otherwise a value reaches the target
-- when it is at least the target. Only regions with a value in both periods can be judged:
-- status 'newly' (reached at $period_to, not at $period_from), 'lost' (the reverse), 'still', 'not_yet'.
-- $regions ([] = every area); the whole country always.
WITH vals AS (
    SELECT region_code,
           max(value) FILTER (WHERE period = $period_from) AS v_from,
           max(value) FILTER (WHERE period = $period_to) AS v_to,
           max(source_ref) FILTER (WHERE period = $period_from) AS source_from,
           max(source_ref) FILTER (WHERE period = $period_to) AS source_to
    FROM src.indicator_values
    WHERE indicator_code = $indicator AND period IN ($period_from, $period_to)
    GROUP BY region_code
), targets AS (
    SELECT 'final' AS target_kind, 1 AS kind_order, NULL::VARCHAR AS target_region, target, target_period,
           baseline, source_ref AS target_source
    FROM src.indicators WHERE indicator_code = $indicator AND target IS NOT NULL
    UNION ALL
    SELECT 'interim', 2, NULL, interim_target, interim_target_period, baseline, source_ref
    FROM src.indicators WHERE indicator_code = $indicator AND interim_target IS NOT NULL
    UNION ALL
    SELECT 'region', 3, region_code, target, target_period, baseline, source_ref
    FROM src.region_targets WHERE indicator_code = $indicator
), judged AS (
    SELECT t.*, v.region_code, v.v_from, v.v_to, v.source_from, v.source_to,
           CASE WHEN t.baseline IS NOT NULL AND t.target < t.baseline THEN v.v_from <= t.target
                ELSE v.v_from >= t.target END AS reached_from,
           CASE WHEN t.baseline IS NOT NULL AND t.target < t.baseline THEN v.v_to <= t.target
                ELSE v.v_to >= t.target END AS reached_to
    FROM targets AS t
    JOIN vals AS v ON t.target_region IS NULL OR t.target_region = v.region_code
    WHERE v.v_from IS NOT NULL AND v.v_to IS NOT NULL
)
SELECT r.region_code, r.kind, r.short_name_fi, r.name_sv, r.yta,
       j.target_kind, j.target, j.target_period, j.v_from, j.v_to,
       CASE WHEN j.reached_to AND NOT j.reached_from THEN 'newly'
            WHEN j.reached_from AND NOT j.reached_to THEN 'lost'
            WHEN j.reached_to THEN 'still'
            ELSE 'not_yet' END AS status,
       j.target_source, j.source_from, j.source_to
FROM judged AS j
JOIN src.regions AS r USING (region_code)
LEFT JOIN src.periods AS tp ON tp.period = j.target_period
WHERE r.kind = 'country' OR (r.kind IN ('county', 'city') AND (len($regions) = 0 OR list_contains($regions, r.region_code)))
ORDER BY r.kind <> 'country', r.short_name_fi, j.kind_order, tp.end_date, j.target
