-- Every value of the investment's indicators, oldest first, with the document's own period words and note.
SELECT v.indicator_code, i.unit, v.region_code, v.period, p.end_date, v.value, v.denominator,
       v.period_label, v.note, v.source_ref
FROM src.indicator_values AS v
JOIN src.indicators AS i USING (indicator_code)
JOIN src.periods AS p USING (period)
WHERE i.investment_code = $investment
ORDER BY v.indicator_code, p.end_date
