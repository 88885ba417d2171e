-- Values of percent-unit indicators lie within 0-100.
SELECT v.indicator_code, v.region_code, v.period, v.value
FROM src.indicator_values AS v
JOIN src.indicators AS i USING (indicator_code)
WHERE i.unit = 'percent' AND (v.value < 0 OR v.value > 100)
