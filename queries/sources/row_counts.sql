-- Rows per table of schema src (exact counts; a table added later without a line here shows DuckDB's estimate,
-- flagged as estimated), and the public view that exposes the table (src.documents is the view "sources").
WITH exact AS (
    SELECT 'build_info' AS table_name, count(*) AS n FROM src.build_info
    UNION ALL SELECT 'contacts', count(*) FROM src.contacts
    UNION ALL SELECT 'documents', count(*) FROM src.documents
    UNION ALL SELECT 'events', count(*) FROM src.events
    UNION ALL SELECT 'indicator_values', count(*) FROM src.indicator_values
    UNION ALL SELECT 'indicators', count(*) FROM src.indicators
    UNION ALL SELECT 'innovations', count(*) FROM src.innovations
    UNION ALL SELECT 'investments', count(*) FROM src.investments
    UNION ALL SELECT 'municipality_figures', count(*) FROM src.municipality_figures
    UNION ALL SELECT 'narratives', count(*) FROM src.narratives
    UNION ALL SELECT 'periods', count(*) FROM src.periods
    UNION ALL SELECT 'pilots', count(*) FROM src.pilots
    UNION ALL SELECT 'plan_costs', count(*) FROM src.plan_costs
    UNION ALL SELECT 'plan_risks', count(*) FROM src.plan_risks
    UNION ALL SELECT 'plan_targets', count(*) FROM src.plan_targets
    UNION ALL SELECT 'plan_work_packages', count(*) FROM src.plan_work_packages
    UNION ALL SELECT 'progress', count(*) FROM src.progress
    UNION ALL SELECT 'progress_actors', count(*) FROM src.progress_actors
    UNION ALL SELECT 'region_targets', count(*) FROM src.region_targets
    UNION ALL SELECT 'regions', count(*) FROM src.regions
    UNION ALL SELECT 'research_funding', count(*) FROM src.research_funding
    UNION ALL SELECT 'status_lights', count(*) FROM src.status_lights
    UNION ALL SELECT 'target_achievements', count(*) FROM src.target_achievements
)
SELECT t.table_name, coalesce(e.n, t.estimated_size) AS row_count, e.n IS NULL AS estimated,
       CASE WHEN t.table_name = 'documents' THEN 'sources'
            WHEN t.table_name IN (SELECT view_name FROM duckdb_views() WHERE schema_name = 'main') THEN t.table_name
       END AS public_view
FROM duckdb_tables() AS t
LEFT JOIN exact AS e USING (table_name)
WHERE t.schema_name = 'src' AND t.database_name = current_database()
ORDER BY t.table_name
