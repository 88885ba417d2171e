-- Reporting periods that have progress percentages (any investment), oldest first. "Later" means a later end
-- date (then a later start, then the text), the order the period selects and their validation use.
SELECT DISTINCT g.period, p.start_date, p.end_date
FROM src.progress AS g
JOIN src.periods AS p USING (period)
ORDER BY p.end_date, p.start_date, g.period
