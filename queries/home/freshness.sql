-- How fresh the data are: the newest dated source document, the build time (Finnish local time) and
-- whether Sotkanet was loaded; also the newest reporting period of the progress table (an undated document
-- can be newer than the newest dated one).
WITH info AS (
    SELECT max(value) FILTER (WHERE key = 'built_at') AS built_at,
           max(value) FILTER (WHERE key = 'sotkanet') AS sotkanet,
           max(value) FILTER (WHERE key = 'sources_digest') AS sources_digest
    FROM build_info
), newest AS (
    SELECT document, title, publisher, published
    FROM sources
    WHERE published IS NOT NULL
    ORDER BY published DESC, document
    LIMIT 1
)
SELECT n.document AS newest_document, n.title AS newest_title, n.publisher AS newest_publisher,
       n.published AS newest_published,
       timezone('Europe/Helsinki', try_cast(i.built_at AS TIMESTAMPTZ)) AS built_local,
       i.built_at, i.sotkanet, i.sources_digest,
       (SELECT count(*) FROM sources WHERE published IS NULL) AS undated_documents,
       (SELECT pr.period FROM progress AS pr JOIN periods AS p USING (period)
        ORDER BY p.end_date DESC LIMIT 1) AS newest_progress_period
FROM info AS i
LEFT JOIN newest AS n ON true
