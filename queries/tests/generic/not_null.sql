-- generic test: {column} of {table} is never NULL. Returns the number of NULLs when > 0.
SELECT count(*) AS nulls
FROM {table}
WHERE {column} IS NULL
HAVING count(*) > 0
