-- The national EU target of Sotkanet 5548 (for the reference line of the county chart).
SELECT indicator_code, baseline, baseline_period, target, target_period, source_ref
FROM eu_targets
WHERE indicator_code = 'sotkanet:5548'
