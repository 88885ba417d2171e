SELECT indicator_code, name_fi, baseline, baseline_period, interim_target, interim_target_period,
       target, target_period, definition_fi, source_ref
FROM src.indicators
WHERE indicator_code = 'sotkanet:5548'
