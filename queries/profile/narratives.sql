-- What the documents say about the county in words (e.g. its project plan), by investment and section.
SELECT n.period, p.end_date, n.investment_code, i.short_name_fi AS investment_name, n.section,
       CASE n.section WHEN 'summary' THEN 0 WHEN 'general' THEN 1 WHEN 'survey_finding' THEN 2
                      WHEN 'deviations' THEN 3 WHEN 'achievements' THEN 4 WHEN 'next_tasks' THEN 5 END AS section_order,
       n.ordinal, n.text_fi, n.source_ref
FROM narratives AS n
JOIN periods AS p USING (period)
LEFT JOIN src.investments AS i USING (investment_code)
WHERE n.region_code = $region
ORDER BY p.end_date DESC, n.investment_code NULLS FIRST, section_order, n.ordinal, n.narrative_id
