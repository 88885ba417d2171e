-- A plan's own targets as printed. $investment ('' = all).
SELECT t.target_id, t.investment_code, t.indicator_code, ind.name_fi AS indicator_name_fi, t.target_fi,
       t.baseline, t.baseline_period, t.target, t.target_period, t.unit, t.source_ref
FROM src.plan_targets AS t
LEFT JOIN src.indicators AS ind USING (indicator_code)
WHERE t.plan_id = $plan_id
  AND ($investment = '' OR t.investment_code = $investment)
ORDER BY t.target_id
