-- 7-day access to care (Avohilmo, whole country): the four rows of the document's table, every period.
-- slot: which column of the table a value belongs to. Per row the earliest-ending non-year period is the
-- earlier reference ("Aiempi tilanne"); of the others a year is "year", a range "avg", a month "month".
-- doc_arrow: the arrow the document prints next to the 10–12 average, as recorded in the note.
WITH v AS (
    SELECT v.indicator_code, i.name_fi, i.unit, v.period, p.kind, p.start_date, p.end_date,
           v.value, v.period_label, v.note, v.source_ref,
           row_number() OVER (
               PARTITION BY v.indicator_code, (p.kind = 'year')
               ORDER BY p.end_date, p.start_date
           ) AS nth_by_end
    FROM src.indicator_values AS v
    JOIN src.indicators AS i USING (indicator_code)
    JOIN src.periods AS p USING (period)
    WHERE v.indicator_code LIKE 'access7d:%' AND v.region_code = 'SSS'
)
SELECT indicator_code, name_fi, unit, period, kind, start_date, end_date, value, period_label, note, source_ref,
       CASE WHEN kind = 'year' THEN 'year'
            WHEN nth_by_end = 1 THEN 'reference'
            WHEN kind = 'range' THEN 'avg'
            ELSE 'month' END AS slot,
       nullif(regexp_extract(coalesce(note, ''), 'Nuoli taulukossa: ([↑↓→])', 1), '') AS doc_arrow
FROM v
ORDER BY CASE indicator_code WHEN 'access7d:all:all' THEN 1 WHEN 'access7d:all:physical' THEN 2
                             WHEN 'access7d:doctor:all' THEN 3 WHEN 'access7d:doctor:physical' THEN 4 ELSE 5 END,
         end_date, start_date
