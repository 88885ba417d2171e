-- Sotkanet 5548 (digital contacts with a professional, % of service users) for the given regions and the whole
-- country, every period the data hold (the documents' 2020/2022 values; more years when Sotkanet was loaded).
SELECT v.region_code, r.short_name_fi, r.name_sv, r.yta, v.period, p.end_date, v.value, v.source_ref
FROM indicator_values AS v
JOIN periods AS p USING (period)
JOIN src.regions AS r USING (region_code)
WHERE v.indicator_code = 'sotkanet:5548'
  AND (v.region_code = 'SSS' OR list_contains($regions, v.region_code))
ORDER BY p.end_date, r.short_name_fi
