-- generic test: every source_ref of {table} names a known document before ' | '.
SELECT DISTINCT t.source_ref
FROM {table} AS t
LEFT JOIN src.documents AS d ON d.document = split_part(t.source_ref, ' | ', 1)
WHERE d.document IS NULL
