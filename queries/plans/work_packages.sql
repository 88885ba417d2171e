-- A plan's work packages with person-years and costs (NULL = the plan gives no figure). $investment ('' = all).
-- Sorted by code part by part (4.1.1, 4.1.A.1, ..., 4.4.9, 4.4.10).
SELECT w.wp_code, w.investment_code, i.short_name_fi AS investment_name_fi, w.name_fi, w.person_years, w.cost_eur,
       w.note, w.source_ref
FROM src.plan_work_packages AS w
LEFT JOIN src.investments AS i USING (investment_code)
WHERE w.plan_id = $plan_id
  AND ($investment = '' OR w.investment_code = $investment)
ORDER BY list_transform(string_split(w.wp_code, '.'), lambda x: lpad(x, 4, '0'))
