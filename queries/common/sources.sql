SELECT document, title, publisher, published, kind, description
FROM sources
ORDER BY document
