-- Progress % of one county per reporting period and investment, next to the arithmetic means of its
-- collaboration area (YTA, the county included) and of all reporting areas. The means are COMPUTED here from
-- the rows, they are not figures of the documents. Pillar 4 rows are listed even where the county has no value
-- (percent NULL = "ei tietoa"); pillar 3 rows only where the county reported (takes part).
WITH me AS (
    SELECT region_code, yta FROM src.regions WHERE region_code = $region
), agg AS (
    SELECT pr.period, pr.investment_code,
           avg(pr.percent) AS all_mean,
           count(*) AS all_n,
           avg(pr.percent) FILTER (WHERE r.yta = (SELECT yta FROM me)) AS yta_mean,
           count(*) FILTER (WHERE r.yta = (SELECT yta FROM me)) AS yta_n,
           list(DISTINCT pr.source_ref) AS all_refs
    FROM src.progress AS pr
    JOIN src.regions AS r USING (region_code)
    GROUP BY pr.period, pr.investment_code
)
SELECT a.period, p.end_date, a.investment_code, i.short_name_fi, i.pillar,
       c.percent, c.note, c.source_ref,
       a.yta_mean, a.yta_n, a.all_mean, a.all_n, a.all_refs
FROM agg AS a
JOIN src.periods AS p USING (period)
JOIN src.investments AS i USING (investment_code)
LEFT JOIN src.progress AS c
       ON c.period = a.period AND c.investment_code = a.investment_code AND c.region_code = $region
WHERE i.pillar = 4 OR c.percent IS NOT NULL
ORDER BY p.end_date, i.pillar, a.investment_code
