SELECT investment_code, pillar, name_fi, short_name_fi, eu_measure, deadline, source_ref
FROM src.investments
ORDER BY investment_code
