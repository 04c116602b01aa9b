import { createHash } from 'node:crypto';
import { ids } from '../model/ids.js';
import type { GraphModel } from './graph-model.js';

/** What a change can touch, as `GET /changes` names it. */
export const CHANGE_FIELDS = ['name', 'texts', 'relations'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export interface EntityState {
  kind: string;
  /** The display name (Polish), kept so a rename can be told from a removal. */
  name: string;
  /** Per field, a hash of its content: names, texts and outgoing relations, never lines or positions. */
  fp: Record<ChangeField, string>;
}

type Bag = { kind: string; name: string; fields: Record<ChangeField, unknown[]> };

/**
 * Every entity of the model with a fingerprint of what it says. Provenance (lines, positions, row
 * ids) is left out on purpose: a paragraph added above an entity moves its line, not its content.
 */
export function entityFingerprints(model: GraphModel): Map<string, EntityState> {
  const bags = new Map<string, Bag>();
  const add = (id: string, kind: string, name: string, name_: unknown[], texts: unknown[] = []) => bags.set(id, { kind, name, fields: { name: name_, texts, relations: [] } });
  const relate = (id: string | undefined, ...target: unknown[]) => {
    if (id) bags.get(id)?.fields.relations.push(target);
  };
  const text = (id: string | undefined, ...value: unknown[]) => {
    if (id) bags.get(id)?.fields.texts.push(value);
  };

  const roleIds = new Map(model.roles.map((r) => [r.id, ids.role(r.slug)]));
  const roleSlugs = new Map(model.roles.map((r) => [r.id, r.slug]));
  const technologyIds = new Map(model.technologies.map((t) => [t.id, ids.technology(t.slug)]));
  const skillIds = new Map(model.skills.map((s) => [s.id, ids.skill(s.slug)]));
  const categoryIds = new Map(model.skillCategories.map((c) => [c.id, ids.category(c.slug)]));
  const conceptIds = new Map(model.concepts.map((c) => [c.id, ids.concept(c.slug)]));
  const responsibilityIds = new Map(model.responsibilities.map((r) => [r.id, ids.responsibility(roleSlugs.get(r.roleId) as string, r.slug)]));
  const responsibilityRows = new Map(model.responsibilities.map((r) => [r.id, r]));
  const taskIds = new Map(
    model.tasks.map((t) => {
      const r = responsibilityRows.get(t.responsibilityId)!;
      return [t.id, ids.task(roleSlugs.get(r.roleId) as string, r.slug, t.key as string)];
    }),
  );
  const comparisonIds = new Map(model.comparisons.map((c) => [c.id, ids.comparison(c.slug)]));

  for (const r of model.roles) add(ids.role(r.slug), 'role', r.namePl, [r.namePl, r.nameEn], [r.definitionPl, r.definitionEn]);
  for (const a of model.roleAliases) bags.get(roleIds.get(a.roleId) as string)?.fields.name.push(a.alias);
  for (const t of model.roleTexts) text(roleIds.get(t.roleId), t.section, t.labelPl, t.labelEn, t.textPl, t.textEn);
  for (const a of model.analogies) text(roleIds.get(a.roleId), 'analogy', a.titlePl, a.titleEn);
  for (const s of model.analogySides) text(roleIds.get(s.roleId), 'analogy-side', s.labelPl, s.labelEn, s.textPl, s.textEn);
  for (const r of model.responsibilities) {
    const id = responsibilityIds.get(r.id) as string;
    add(id, 'responsibility', r.namePl, [r.namePl, r.nameEn, r.term]);
    relate(roleIds.get(r.roleId), 'has_responsibility', id);
  }
  for (const n of model.responsibilityToolNotes) text(responsibilityIds.get(n.responsibilityId), n.textPl, n.textEn);
  for (const t of model.tasks) {
    const id = taskIds.get(t.id) as string;
    add(id, 'task', t.textPl, [], [t.textPl, t.textEn]);
    relate(responsibilityIds.get(t.responsibilityId), 'has_task', id);
  }
  for (const t of model.technologies) add(ids.technology(t.slug), 'technology', t.name, [t.name, t.kind]);
  for (const a of model.technologyAliases) bags.get(technologyIds.get(a.technologyId) as string)?.fields.name.push(a.alias);
  for (const x of model.responsibilityTechnologies) relate(responsibilityIds.get(x.responsibilityId), 'uses_technology', technologyIds.get(x.technologyId), x.contextPl, x.contextEn);
  for (const x of model.taskTechnologies) relate(taskIds.get(x.taskId), 'mentions_technology', technologyIds.get(x.technologyId));
  for (const c of model.concepts) add(ids.concept(c.slug), 'concept', c.namePl, [c.namePl, c.nameEn], [c.descriptionPl, c.descriptionEn]);
  for (const x of model.taskConcepts) relate(taskIds.get(x.taskId), 'mentions_concept', conceptIds.get(x.conceptId));
  for (const x of model.responsibilityConcepts) relate(responsibilityIds.get(x.responsibilityId), 'mentions_concept', conceptIds.get(x.conceptId));
  for (const c of model.skillCategories) add(ids.category(c.slug), 'category', c.namePl, [c.namePl, c.nameEn, c.kind]);
  for (const s of model.skills) add(ids.skill(s.slug), 'skill', s.namePl, [s.namePl, s.nameEn, s.kind]);
  for (const x of model.roleSkills) {
    relate(roleIds.get(x.roleId), 'requires_skill', skillIds.get(x.skillId), x.textPl, x.textEn, x.qualifierPl, x.qualifierEn);
    relate(skillIds.get(x.skillId), 'in_category', categoryIds.get(x.categoryId));
  }
  for (const x of model.skillTechnologies) relate(skillIds.get(x.skillId), 'involves_technology', technologyIds.get(x.technologyId));
  for (const c of model.comparisons) {
    const id = comparisonIds.get(c.id) as string;
    add(id, 'comparison', c.titlePl, [c.titlePl]);
    relate(id, 'compares', roleIds.get(c.roleId), roleIds.get(c.otherRoleId));
  }
  const sideComparison = new Map(model.comparisonSides.map((s) => [s.id, comparisonIds.get(s.comparisonId)]));
  for (const s of model.comparisonSides) text(sideComparison.get(s.id), roleIds.get(s.roleId), s.textPl, s.textEn, s.focusPl, s.focusEn, s.keyQuestionPl, s.keyQuestionEn);
  for (const x of model.comparisonSideTechnologies) relate(sideComparison.get(x.sideId), 'uses_tool', technologyIds.get(x.technologyId));
  for (const x of model.roleCrosswalks) relate(roleIds.get(x.roleId), 'crosswalk', x.scheme, x.code, x.uri, x.match);

  const states = new Map<string, EntityState>();
  for (const [id, bag] of bags) {
    states.set(id, { kind: bag.kind, name: bag.name, fp: { name: hash(bag.fields.name, false), texts: hash(bag.fields.texts, false), relations: hash(bag.fields.relations, true) } });
  }
  return states;
}

/** Relations are a set (their order follows the document, which is not a change of the entity); names and texts keep their order. */
function hash(values: unknown[], unordered: boolean): string {
  const parts = values.map((v) => JSON.stringify(v ?? null));
  if (unordered) parts.sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}
