-- County targets set in the plan's document (region_targets rows whose source is that document).
SELECT t.indicator_code, i.name_fi AS indicator_name_fi, i.unit, i.investment_code, t.region_code,
       t.baseline, t.baseline_period, t.comparator, t.target, t.target_period, p.end_date, t.statement_fi, t.source_ref
FROM src.region_targets AS t
JOIN src.indicators AS i USING (indicator_code)
LEFT JOIN src.periods AS p ON p.period = t.target_period
WHERE t.region_code = $region
  AND split_part(t.source_ref, ' | ', 1) = $document
  AND ($investment = '' OR i.investment_code = $investment)
ORDER BY t.indicator_code, p.end_date
