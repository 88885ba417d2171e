-- Municipality figures printed in the plan's document, by measure and period (the document's rows as given,
-- its own total row "Yhteensä" included; the total and the whole-county comparison row come last).
-- Measures in the order the source table first lists them.
SELECT f.measure, f.municipality, f.period, p.end_date, f.value, f.unit, f.period_label, f.source_ref
FROM src.municipality_figures AS f
LEFT JOIN src.periods AS p USING (period)
WHERE split_part(f.source_ref, ' | ', 1) = $document
ORDER BY min(f.rowid) OVER (PARTITION BY f.measure), p.end_date,
         CASE f.municipality WHEN 'Yhteensä' THEN 2 WHEN 'Satakunta' THEN 1 ELSE 0 END, f.municipality
