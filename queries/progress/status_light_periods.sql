-- Periods that have any traffic lights at all (so an empty page can say where lights do exist).
SELECT DISTINCT s.period, p.end_date
FROM src.status_lights AS s
JOIN src.periods AS p USING (period)
ORDER BY p.end_date
