-- generic test: the key columns {columns} of {table} are unique. Returns offending keys.
SELECT {columns}, count(*) AS n
FROM {table}
GROUP BY {columns}
HAVING count(*) > 1
