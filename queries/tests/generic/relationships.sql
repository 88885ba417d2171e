-- generic test: every {column} of {table} resolves to {ref_column} of {ref_table}.
SELECT DISTINCT t.{column} AS orphan
FROM {table} AS t
LEFT JOIN {ref_table} AS r ON r.{ref_column} = t.{column}
WHERE t.{column} IS NOT NULL
  AND r.{ref_column} IS NULL
