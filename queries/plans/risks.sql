-- A plan's risk register: probability (1-5), impact (1-5) and the score the plan prints.
SELECT risk_id, risk_fi, probability, impact, score, mitigation_fi, owner_fi, source_ref
FROM src.plan_risks
WHERE plan_id = $plan_id
ORDER BY score DESC, risk_id
