-- Build metadata: every key of build_info, and the build time in Finnish local time.
SELECT key, value,
       CASE WHEN key = 'built_at' THEN timezone('Europe/Helsinki', try_cast(value AS TIMESTAMPTZ)) END AS local_time
FROM build_info
ORDER BY key
