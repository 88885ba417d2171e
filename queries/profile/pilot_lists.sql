-- The pilot lists of the documents (to say which lists a county is not named in) and their sources.
SELECT pilot_code, pilot_fi, investment_code, count(*) AS participants, min(source_ref) AS source_ref
FROM pilots
GROUP BY pilot_code, pilot_fi, investment_code
ORDER BY pilot_code
