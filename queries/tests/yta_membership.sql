-- Every county and Helsinki belongs to a collaboration area (YTA); Åland and the whole country do not.
SELECT region_code, kind, yta
FROM src.regions
WHERE (kind IN ('county', 'city') AND yta IS NULL)
   OR (kind IN ('country', 'autonomous') AND yta IS NOT NULL)
