-- Reporting periods with pillar 3 progress percentages, oldest first.
SELECT DISTINCT g.period, p.end_date
FROM src.progress AS g
JOIN src.investments AS i USING (investment_code)
JOIN src.periods AS p USING (period)
WHERE i.pillar = 3
ORDER BY p.end_date
