-- Progress reported by national actors (e.g. the social-work competence centre), every period, with notes.
SELECT a.period, p.end_date, a.investment_code, a.actor, a.percent, a.note, a.source_ref
FROM src.progress_actors AS a
JOIN src.periods AS p USING (period)
WHERE len($investments) = 0 OR list_contains($investments, a.investment_code)
ORDER BY p.end_date DESC, a.investment_code, a.actor
