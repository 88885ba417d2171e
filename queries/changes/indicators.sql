-- Indicators with values in at least two periods (something to compare), for the chosen investments
-- ($investments, [] = all). Those with the most area (county/city) values first: the default is the indicator
-- that says the most per county (Sotkanet 5548 with the shipped data).
SELECT i.indicator_code, i.name_fi, i.unit, i.investment_code,
       count(DISTINCT v.period) AS n_periods,
       count(*) FILTER (WHERE r.kind IN ('county', 'city')) AS n_area_values,
       count(*) AS n_values
FROM src.indicators AS i
JOIN src.indicator_values AS v USING (indicator_code)
JOIN src.regions AS r ON r.region_code = v.region_code
WHERE len($investments) = 0 OR list_contains($investments, i.investment_code)
GROUP BY i.indicator_code, i.name_fi, i.unit, i.investment_code
HAVING count(DISTINCT v.period) >= 2
ORDER BY n_area_values DESC, n_values DESC, i.indicator_code
