-- Sotkanet 5548 (digital contacts, % of service users) per county: 2020, 2022, change, gap to the target.
-- Every county, Helsinki and Åland is listed; a county the sources do not give has NULLs ("ei tietoa").
WITH v AS (
    SELECT region_code,
           max(value) FILTER (WHERE period = '2020') AS v2020,
           max(value) FILTER (WHERE period = '2022') AS v2022,
           max(source_ref) FILTER (WHERE period = '2022') AS source_2022,
           max(source_ref) FILTER (WHERE period = '2020') AS source_2020
    FROM src.indicator_values
    WHERE indicator_code = 'sotkanet:5548'
    GROUP BY region_code
), target AS (
    SELECT target FROM src.indicators WHERE indicator_code = 'sotkanet:5548'
)
SELECT r.region_code, r.short_name_fi, r.name_sv, r.yta,
       v.v2020, v.v2022,
       v.v2022 - v.v2020 AS change_points,
       (SELECT target FROM target) - v.v2022 AS gap_to_target,
       CASE WHEN v.v2022 IS NULL THEN NULL
            ELSE rank() OVER (ORDER BY v.v2022 DESC NULLS LAST) END AS rank_2022,
       coalesce(v.source_2022, v.source_2020) AS source_ref
FROM src.regions AS r
LEFT JOIN v USING (region_code)
WHERE r.kind IN ('county', 'city', 'autonomous')
  AND (len($regions) = 0 OR list_contains($regions, r.region_code))
ORDER BY v.v2022 DESC NULLS LAST, r.short_name_fi
