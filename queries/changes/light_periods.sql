-- Periods that have traffic lights (src.status_lights), oldest first, with the number of lights.
SELECT s.period, p.end_date, count(*) AS n_lights
FROM src.status_lights AS s
JOIN src.periods AS p USING (period)
GROUP BY s.period, p.end_date
ORDER BY p.end_date, s.period
