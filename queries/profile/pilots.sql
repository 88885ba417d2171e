-- Investment 3 pilots of the given regions; with $yta set, also the joint authorities of that collaboration
-- area (HUS takes part in pilots on its own).
SELECT pl.region_code, coalesce(r.short_name_fi, pl.region_code) AS participant, r.kind,
       pl.pilot_code, pl.pilot_fi, pl.investment_code, pl.source_ref
FROM pilots AS pl
LEFT JOIN src.regions AS r USING (region_code)
WHERE list_contains($regions, pl.region_code)
   OR (r.kind = 'joint_authority' AND r.yta = $yta)
ORDER BY pl.pilot_code, participant
