-- A plan's cost table as printed, line by line (no total: the plan prints none; the page computes the sum).
-- $investment ('' = all lines; otherwise that investment's lines only).
SELECT c.line_id, c.pillar, c.investment_code, i.short_name_fi AS investment_name_fi, c.part_fi, c.cost_eur,
       c.note, c.source_ref
FROM src.plan_costs AS c
LEFT JOIN src.investments AS i USING (investment_code)
WHERE c.plan_id = $plan_id
  AND ($investment = '' OR c.investment_code = $investment)
ORDER BY c.line_id
