-- Progress is reported by the 22 project areas (21 counties and Helsinki), not by Åland or the whole country.
SELECT p.period, p.investment_code, p.region_code
FROM src.progress AS p
JOIN src.regions AS r USING (region_code)
WHERE r.kind NOT IN ('county', 'city')
