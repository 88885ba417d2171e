-- Investment 3 research funding projects of the given collaboration areas (all five when $ytas is empty).
SELECT yta, project_fi, amount_meur, source_ref
FROM research_funding
WHERE len($ytas) = 0 OR list_contains($ytas, yta)
ORDER BY yta, project_fi
