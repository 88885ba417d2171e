-- The EU (CID) targets of pillar 3 with the latest achievement statement of each (NULLs when none).
WITH ach AS (
    SELECT a.*, p.end_date,
           row_number() OVER (PARTITION BY a.indicator_code ORDER BY p.end_date DESC) AS rn
    FROM src.target_achievements AS a
    JOIN src.periods AS p ON p.period = a.statement_period
    WHERE a.region_code = 'SSS'
)
SELECT i.indicator_code, i.investment_code, i.name_fi, i.unit, i.definition_fi, i.target, i.target_period,
       i.source_ref,
       ach.statement_period, ach.achieved, ach.achieved_period, ach.statement_fi,
       ach.source_ref AS statement_source_ref
FROM src.indicators AS i
LEFT JOIN ach ON ach.indicator_code = i.indicator_code AND ach.rn = 1
WHERE i.is_eu_target AND i.investment_code IN ('P3-TKO', 'P3-IPS')
ORDER BY i.investment_code DESC
