-- Digital innovations (investment 4) reported by the given regions, with user counts as printed.
SELECT i.region_code, coalesce(r.short_name_fi, i.actor) AS actor, i.period, i.respondent_role,
       i.innovation_fi, i.user_count, i.user_count_text, i.approximate, i.basis_fi, i.source_ref
FROM innovations AS i
LEFT JOIN src.regions AS r USING (region_code)
WHERE list_contains($regions, i.region_code)
ORDER BY i.user_count DESC NULLS LAST, i.innovation_fi
