-- Investments of one pillar that appear in the progress reports (any period), in code order.
SELECT i.investment_code, i.pillar, i.short_name_fi, i.name_fi
FROM src.investments AS i
WHERE i.pillar = $pillar
  AND i.investment_code IN (SELECT investment_code FROM src.progress)
ORDER BY i.investment_code
