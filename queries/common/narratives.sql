-- Narrative findings of one investment (and region), newest period first, sections in report order.
SELECT n.period, p.end_date, n.section,
       CASE n.section WHEN 'summary' THEN 0 WHEN 'general' THEN 1 WHEN 'survey_finding' THEN 2
                      WHEN 'deviations' THEN 3 WHEN 'achievements' THEN 4 WHEN 'next_tasks' THEN 5 END AS section_order,
       n.ordinal, n.text_fi, n.source_ref
FROM src.narratives AS n
JOIN src.periods AS p USING (period)
WHERE n.investment_code = $investment AND n.region_code = $region
ORDER BY p.end_date DESC, section_order, n.ordinal
