-- The EU (CID) target of investment 1 (7-day access): baseline, target, definition.
SELECT indicator_code, name_fi, unit, definition_fi, baseline, baseline_period, target, target_period, source_ref
FROM src.indicators
WHERE investment_code = 'P4I1' AND is_eu_target
ORDER BY indicator_code
