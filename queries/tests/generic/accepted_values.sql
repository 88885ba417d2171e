-- generic test: {column} of {table} only holds the accepted values (bound as $accepted).
SELECT DISTINCT {column} AS value
FROM {table}
WHERE {column} IS NOT NULL
  AND NOT list_contains($accepted, {column})
