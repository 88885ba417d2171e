-- Every other indicator value the data hold for the county (Sotkanet 5548 has its own section).
SELECT v.indicator_code, v.indicator_name_fi, v.unit, v.investment_code, v.period, v.period_end,
       v.value, v.period_label, v.note, v.source_ref
FROM indicator_values_detail AS v
WHERE v.region_code = $region AND v.indicator_code <> 'sotkanet:5548'
ORDER BY v.investment_code, v.indicator_code, v.period_end
