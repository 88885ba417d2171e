-- Every period used by a value, progress row or narrative has parsed bounds in src.periods.
SELECT period FROM (
    SELECT period FROM src.indicator_values
    UNION SELECT period FROM src.progress
    UNION SELECT period FROM src.progress_actors
    UNION SELECT period FROM src.status_lights
    UNION SELECT period FROM src.narratives
    UNION SELECT period FROM src.innovations
)
WHERE period NOT IN (SELECT period FROM src.periods)
