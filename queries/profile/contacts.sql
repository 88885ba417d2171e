-- The regional development managers of the given collaboration areas (all five when $ytas is empty).
SELECT yta, role_fi, name, phone, source_ref
FROM contacts
WHERE len($ytas) = 0 OR list_contains($ytas, yta)
ORDER BY yta
