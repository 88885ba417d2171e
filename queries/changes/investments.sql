-- Investments (pillars 3 and 4) that appear in the progress reports of any period, in code order.
SELECT i.investment_code, i.pillar, i.short_name_fi
FROM src.investments AS i
WHERE i.investment_code IN (SELECT investment_code FROM src.progress)
ORDER BY i.investment_code
