-- Every source document and API, with the number of database rows that cite it in their source_ref.
WITH refs AS (
    SELECT source_ref FROM src.regions
    UNION ALL SELECT source_ref FROM src.investments
    UNION ALL SELECT source_ref FROM src.indicators
    UNION ALL SELECT source_ref FROM src.indicator_values
    UNION ALL SELECT source_ref FROM src.target_achievements
    UNION ALL SELECT source_ref FROM src.region_targets
    UNION ALL SELECT source_ref FROM src.progress
    UNION ALL SELECT source_ref FROM src.progress_actors
    UNION ALL SELECT source_ref FROM src.status_lights
    UNION ALL SELECT source_ref FROM src.innovations
    UNION ALL SELECT source_ref FROM src.pilots
    UNION ALL SELECT source_ref FROM src.research_funding
    UNION ALL SELECT source_ref FROM src.narratives
    UNION ALL SELECT source_ref FROM src.contacts
    UNION ALL SELECT source_ref FROM src.events
    UNION ALL SELECT source_ref FROM src.municipality_figures
    UNION ALL SELECT source_ref FROM src.plan_costs
    UNION ALL SELECT source_ref FROM src.plan_work_packages
    UNION ALL SELECT source_ref FROM src.plan_risks
    UNION ALL SELECT source_ref FROM src.plan_targets
), cited AS (
    SELECT split_part(source_ref, ' | ', 1) AS document, count(*) AS cited_rows
    FROM refs
    GROUP BY 1
)
SELECT s.document, s.title, s.publisher, s.published, s.kind, s.description, coalesce(c.cited_rows, 0) AS cited_rows
FROM sources AS s
LEFT JOIN cited AS c USING (document)
ORDER BY CASE s.kind WHEN 'slides' THEN 0 WHEN 'plan' THEN 1 WHEN 'api' THEN 2 ELSE 3 END, s.document
