-- Investments that a plan's cost lines, work packages or targets refer to (for the investment filter).
SELECT DISTINCT investment_code FROM (
    SELECT investment_code FROM src.plan_costs WHERE plan_id = $plan_id
    UNION ALL SELECT investment_code FROM src.plan_work_packages WHERE plan_id = $plan_id
    UNION ALL SELECT investment_code FROM src.plan_targets WHERE plan_id = $plan_id
)
WHERE investment_code IS NOT NULL
ORDER BY investment_code
