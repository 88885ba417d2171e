-- A risk score in the plan's register is probability x impact.
SELECT plan_id, risk_id, probability, impact, score
FROM src.plan_risks
WHERE score <> probability * impact
