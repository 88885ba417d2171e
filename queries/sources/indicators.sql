-- Indicator definitions: EU targets first, then by investment.
SELECT i.indicator_code, i.investment_code, inv.short_name_fi AS investment_name, i.name_fi, i.unit,
       i.definition_fi, i.baseline, i.baseline_period, i.interim_target, i.interim_target_period,
       i.target, i.target_period, i.is_eu_target, i.source_ref
FROM src.indicators AS i
LEFT JOIN src.investments AS inv USING (investment_code)
ORDER BY i.is_eu_target DESC, i.investment_code NULLS LAST, i.indicator_code
