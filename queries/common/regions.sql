-- All regions with both names and the short Finnish name the documents use.
SELECT region_code, name_fi, name_sv, short_name_fi, kind, yta, sotkanet_id
FROM src.regions
ORDER BY CASE kind WHEN 'country' THEN 0 ELSE 1 END, short_name_fi
