-- Indicators of one investment (investment 3 on its page): definition, baseline, target and the source.
SELECT indicator_code, name_fi, unit, definition_fi, is_eu_target,
       baseline, baseline_period, interim_target, interim_target_period, target, target_period, source_ref
FROM src.indicators
WHERE investment_code = $investment
ORDER BY is_eu_target DESC, indicator_code
