-- Reporting periods that have progress percentages (any investment), oldest first, with the Finnish label.
SELECT DISTINCT g.period, p.end_date, p.label_fi
FROM src.progress AS g
JOIN src.periods AS p USING (period)
ORDER BY p.end_date
