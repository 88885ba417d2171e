-- Digital innovations developed with RRP funding and their reported user counts.
SELECT i.innovation_id, i.period, coalesce(r.short_name_fi, i.actor) AS actor, r.yta, i.region_code,
       i.respondent_role, i.innovation_fi, i.user_count, i.user_count_text, i.approximate, i.basis_fi, i.source_ref
FROM src.innovations AS i
LEFT JOIN src.regions AS r USING (region_code)
WHERE len($regions) = 0 OR list_contains($regions, i.region_code) OR i.region_code IS NULL
ORDER BY i.user_count DESC NULLS LAST, actor
