-- What the documents state about reaching each EU target (whole country), newest statement first
-- (rn = 1 is the latest statement of the indicator).
SELECT a.indicator_code, a.statement_period, a.achieved, a.achieved_period, a.achieved_value,
       a.statement_fi, a.source_ref,
       row_number() OVER (PARTITION BY a.indicator_code ORDER BY p.end_date DESC, p.start_date DESC) AS rn
FROM target_achievements AS a
JOIN periods AS p ON p.period = a.statement_period
WHERE a.region_code = 'SSS'
  AND a.indicator_code IN (SELECT indicator_code FROM eu_targets)
ORDER BY a.indicator_code, rn
