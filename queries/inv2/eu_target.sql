-- The EU (CID) target of investment 2 with every achievement statement on it (NULLs when none).
SELECT i.indicator_code, i.name_fi, i.unit, i.definition_fi, i.target, i.target_period, i.source_ref,
       a.statement_period, a.achieved, a.achieved_period, a.statement_fi, a.source_ref AS statement_source_ref
FROM src.indicators AS i
LEFT JOIN src.target_achievements AS a ON a.indicator_code = i.indicator_code AND a.region_code = 'SSS'
LEFT JOIN src.periods AS p ON p.period = a.statement_period
WHERE i.investment_code = 'P4I2' AND i.is_eu_target
ORDER BY i.indicator_code, p.end_date
