-- Achievement statements about the investment's indicators, newest statement first ("unknown" kept as is).
SELECT a.indicator_code, i.name_fi AS indicator_name_fi, i.target, i.target_period, i.unit,
       a.region_code, a.statement_period, p.end_date, a.achieved, a.achieved_period, a.achieved_value,
       a.statement_fi, a.source_ref
FROM src.target_achievements AS a
JOIN src.indicators AS i USING (indicator_code)
JOIN src.periods AS p ON p.period = a.statement_period
WHERE i.investment_code = $investment
ORDER BY p.end_date DESC, a.indicator_code
