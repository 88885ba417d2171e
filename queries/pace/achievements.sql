-- What the documents themselves say about reaching whole-country targets, newest statement first per indicator
-- (the page shows those of the indicators it assesses).
SELECT a.indicator_code, a.statement_period, a.achieved, a.achieved_period, a.achieved_value, a.statement_fi,
       a.source_ref
FROM src.target_achievements AS a
LEFT JOIN src.periods AS p ON p.period = a.statement_period
WHERE a.region_code = 'SSS'
ORDER BY a.indicator_code, p.end_date DESC NULLS LAST
