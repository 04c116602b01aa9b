-- Task ids stop being positions: a task's key is derived from its own text by the seed
-- (src/model/ids.ts), so inserting or editing a paragraph changes no other task's id.
-- The graph views are recreated with it: task:ai-engineer.mlops.<key>.
ALTER TABLE `tasks` ADD `key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_key` ON `tasks` (`responsibility_id`,`key`);--> statement-breakpoint
DROP VIEW `graph_edges`;--> statement-breakpoint
DROP VIEW `graph_nodes`;--> statement-breakpoint
CREATE VIEW `graph_nodes` AS
SELECT 'role' AS kind, r.slug AS key, r.name_pl, r.name_en, r.document_id, r.line FROM roles r
UNION ALL
SELECT 'responsibility', ro.slug || '.' || re.slug, re.name_pl, re.name_en, re.document_id, re.line
  FROM responsibilities re JOIN roles ro ON ro.id = re.role_id
UNION ALL
SELECT 'task', ro.slug || '.' || re.slug || '.' || t.key, t.text_pl, t.text_en, t.document_id, t.line
  FROM tasks t JOIN responsibilities re ON re.id = t.responsibility_id JOIN roles ro ON ro.id = re.role_id
UNION ALL
SELECT 'technology', t.slug, t.name, t.name, t.document_id, t.line FROM technologies t
UNION ALL
SELECT 'skill', s.slug, s.name_pl, s.name_en, s.document_id, s.line FROM skills s
UNION ALL
SELECT 'category', c.slug, c.name_pl, c.name_en, c.document_id, c.line FROM skill_categories c
UNION ALL
SELECT 'concept', c.slug, c.name_pl, c.name_en, c.document_id, c.line FROM concepts c
UNION ALL
SELECT 'comparison', c.slug, c.title_pl, NULL, c.document_id, c.line FROM comparisons c;
--> statement-breakpoint
CREATE VIEW `graph_edges` AS
SELECT 'role' AS from_kind, ro.slug AS from_key, 'has_responsibility' AS type,
       'responsibility' AS to_kind, ro.slug || '.' || re.slug AS to_key, re.document_id, re.line
  FROM responsibilities re JOIN roles ro ON ro.id = re.role_id
UNION ALL
SELECT 'responsibility', ro.slug || '.' || re.slug, 'has_task', 'task', ro.slug || '.' || re.slug || '.' || t.key, t.document_id, t.line
  FROM tasks t JOIN responsibilities re ON re.id = t.responsibility_id JOIN roles ro ON ro.id = re.role_id
UNION ALL
SELECT 'responsibility', ro.slug || '.' || re.slug, 'uses_technology', 'technology', te.slug, rt.document_id, rt.line
  FROM responsibility_technologies rt JOIN responsibilities re ON re.id = rt.responsibility_id
  JOIN roles ro ON ro.id = re.role_id JOIN technologies te ON te.id = rt.technology_id
UNION ALL
SELECT 'task', ro.slug || '.' || re.slug || '.' || t.key, 'mentions_technology', 'technology', te.slug, tt.document_id, tt.line
  FROM task_technologies tt JOIN tasks t ON t.id = tt.task_id JOIN responsibilities re ON re.id = t.responsibility_id
  JOIN roles ro ON ro.id = re.role_id JOIN technologies te ON te.id = tt.technology_id
UNION ALL
SELECT 'task', ro.slug || '.' || re.slug || '.' || t.key, 'mentions_concept', 'concept', c.slug, tc.document_id, tc.line
  FROM task_concepts tc JOIN tasks t ON t.id = tc.task_id JOIN responsibilities re ON re.id = t.responsibility_id
  JOIN roles ro ON ro.id = re.role_id JOIN concepts c ON c.id = tc.concept_id
UNION ALL
SELECT 'responsibility', ro.slug || '.' || re.slug, 'mentions_concept', 'concept', c.slug, rc.document_id, rc.line
  FROM responsibility_concepts rc JOIN responsibilities re ON re.id = rc.responsibility_id
  JOIN roles ro ON ro.id = re.role_id JOIN concepts c ON c.id = rc.concept_id
UNION ALL
SELECT 'role', ro.slug, 'requires_skill', 'skill', s.slug, rs.document_id, rs.line
  FROM role_skills rs JOIN roles ro ON ro.id = rs.role_id JOIN skills s ON s.id = rs.skill_id
UNION ALL
SELECT 'skill', s.slug, 'in_category', 'category', c.slug, MIN(rs.document_id), MIN(rs.line)
  FROM role_skills rs JOIN skills s ON s.id = rs.skill_id JOIN skill_categories c ON c.id = rs.category_id
  GROUP BY s.slug, c.slug
UNION ALL
SELECT 'skill', s.slug, 'involves_technology', 'technology', te.slug, st.document_id, st.line
  FROM skill_technologies st JOIN skills s ON s.id = st.skill_id JOIN technologies te ON te.id = st.technology_id
UNION ALL
SELECT 'role', a.slug, 'compared_with', 'role', b.slug, c.document_id, c.line
  FROM comparisons c JOIN roles a ON a.id = c.role_id JOIN roles b ON b.id = c.other_role_id
UNION ALL
SELECT 'comparison', c.slug, 'compares', 'role', ro.slug, cs.document_id, cs.line
  FROM comparison_sides cs JOIN comparisons c ON c.id = cs.comparison_id JOIN roles ro ON ro.id = cs.role_id
UNION ALL
SELECT 'role', ro.slug, 'uses_tool', 'technology', te.slug, cst.document_id, cst.line
  FROM comparison_side_technologies cst JOIN comparison_sides cs ON cs.id = cst.side_id
  JOIN roles ro ON ro.id = cs.role_id JOIN technologies te ON te.id = cst.technology_id
UNION ALL
SELECT 'role', p.slug, 'contrasted_with', 'role', ro.slug, s.document_id, s.line
  FROM analogy_sides s JOIN analogies a ON a.id = s.analogy_id JOIN roles p ON p.id = a.role_id
  JOIN roles ro ON ro.id = s.role_id WHERE s.role_id <> a.role_id;
