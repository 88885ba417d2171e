-- Progress reported by national actors (e.g. the social-work competence centre) for the investment.
SELECT a.period, p.end_date, a.actor, a.percent, a.note, a.source_ref
FROM src.progress_actors AS a
JOIN src.periods AS p USING (period)
WHERE a.investment_code = $investment
ORDER BY p.end_date DESC, a.actor
