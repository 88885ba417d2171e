-- The public data model: every view of schema main with its columns (name and type) in order.
SELECT c.table_name AS view_name,
       count(*) AS column_count,
       string_agg(c.column_name || ' (' || lower(c.data_type) || ')', ', ' ORDER BY c.ordinal_position) AS columns
FROM information_schema.columns AS c
JOIN duckdb_views() AS v
  ON v.view_name = c.table_name AND v.schema_name = c.table_schema AND NOT v.internal
WHERE c.table_schema = 'main'
GROUP BY c.table_name
ORDER BY c.table_name
