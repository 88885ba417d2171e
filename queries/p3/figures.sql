-- Programme-level figures of pillar 3 (work-ability programme p3tko:*, IPS p3ips:*), whole project level.
SELECT v.indicator_code, i.investment_code, i.name_fi, i.unit, i.definition_fi,
       v.region_code, v.period, p.end_date, v.value, v.denominator, v.period_label, v.note, v.source_ref
FROM src.indicator_values AS v
JOIN src.indicators AS i USING (indicator_code)
JOIN src.periods AS p USING (period)
WHERE i.investment_code IN ('P3-TKO', 'P3-IPS')
  AND (v.indicator_code LIKE 'p3tko:%' OR v.indicator_code LIKE 'p3ips:%')
ORDER BY i.investment_code DESC, p.end_date, v.indicator_code
