-- Project plans in the database: plan id, its source document, and the county whose targets come from the
-- same document (region_targets), so the plan can be selected by county. One row per plan.
WITH docs AS (
    SELECT plan_id, split_part(source_ref, ' | ', 1) AS document FROM src.plan_costs
    UNION SELECT plan_id, split_part(source_ref, ' | ', 1) FROM src.plan_work_packages
    UNION SELECT plan_id, split_part(source_ref, ' | ', 1) FROM src.plan_risks
    UNION SELECT plan_id, split_part(source_ref, ' | ', 1) FROM src.plan_targets
), plan_doc AS (
    SELECT plan_id, min(document) AS document FROM docs GROUP BY plan_id
), plan_region AS (
    SELECT d.plan_id, min(t.region_code) AS region_code
    FROM plan_doc AS d
    JOIN src.region_targets AS t ON split_part(t.source_ref, ' | ', 1) = d.document
    GROUP BY d.plan_id
)
SELECT d.plan_id, d.document, doc.title, doc.publisher, doc.published,
       pr.region_code, r.short_name_fi AS region_short_name_fi, r.name_sv AS region_name_sv
FROM plan_doc AS d
LEFT JOIN src.documents AS doc USING (document)
LEFT JOIN plan_region AS pr USING (plan_id)
LEFT JOIN src.regions AS r ON r.region_code = pr.region_code
ORDER BY r.short_name_fi NULLS LAST, d.plan_id
