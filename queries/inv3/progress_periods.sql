-- Reporting periods that have progress percentages for the investment, oldest first.
SELECT DISTINCT g.period, p.end_date
FROM src.progress AS g
JOIN src.periods AS p USING (period)
WHERE g.investment_code = $investment
ORDER BY p.end_date
