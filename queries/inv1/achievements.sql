-- Statements on whether the 7-day access target was achieved, oldest statement first.
SELECT a.indicator_code, a.statement_period, p.end_date, a.achieved, a.achieved_period, a.achieved_value,
       a.statement_fi, a.source_ref
FROM src.target_achievements AS a
JOIN src.indicators AS i USING (indicator_code)
JOIN src.periods AS p ON p.period = a.statement_period
WHERE i.investment_code = 'P4I1' AND a.region_code = 'SSS'
ORDER BY p.end_date, a.indicator_code
