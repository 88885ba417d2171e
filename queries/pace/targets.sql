-- Every indicator target that has a baseline, a target value and a deadline: the final target and, where the
-- indicator has one, the interim target (one row each), in deadline order.
WITH t AS (
    SELECT indicator_code, investment_code, name_fi, unit, baseline, baseline_period,
           'final' AS target_kind, target, target_period, source_ref
    FROM src.indicators
    WHERE baseline IS NOT NULL AND target IS NOT NULL AND target_period IS NOT NULL
    UNION ALL
    SELECT indicator_code, investment_code, name_fi, unit, baseline, baseline_period,
           'interim' AS target_kind, interim_target AS target, interim_target_period AS target_period, source_ref
    FROM src.indicators
    WHERE baseline IS NOT NULL AND interim_target IS NOT NULL AND interim_target_period IS NOT NULL
)
SELECT t.*
FROM t
LEFT JOIN src.periods AS p ON p.period = t.target_period
ORDER BY t.investment_code, t.indicator_code, p.end_date
