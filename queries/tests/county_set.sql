-- The 21 wellbeing services counties (codes 01..21), Helsinki (90), Åland (91) and the whole country exist.
SELECT 'missing county ' || code AS problem
FROM (SELECT lpad(CAST(range AS VARCHAR), 2, '0') AS code FROM range(1, 22)
      UNION ALL SELECT '90' UNION ALL SELECT '91' UNION ALL SELECT 'SSS') AS expected
WHERE code NOT IN (SELECT region_code FROM src.regions)
