-- Progress % rows of the given regions (long format; the page picks the newest period per investment).
SELECT pr.region_code, pr.period, p.end_date, pr.investment_code, i.pillar, pr.percent, pr.source_ref
FROM src.progress AS pr
JOIN src.periods AS p USING (period)
JOIN src.investments AS i USING (investment_code)
WHERE list_contains($regions, pr.region_code)
ORDER BY p.end_date, pr.investment_code, pr.region_code
