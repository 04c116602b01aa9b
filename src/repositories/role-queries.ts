import { asc, eq, inArray, or } from '../db/drizzle.cjs';
import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { NotFoundError } from '../model/domain-errors.js';
import { normalizeName, slugify } from '../lib/text.js';
import { withoutKindPrefix } from '../model/ids.js';
import type { ReferenceData } from './reference-data.js';
import { driverOf } from './raw-rows.js';
import { RoleCountQueries } from './role-counts.js';

export type RoleRow = typeof s.roles.$inferSelect;
export type ResponsibilityRow = typeof s.responsibilities.$inferSelect;
export type ComparisonRow = typeof s.comparisons.$inferSelect;
export type RoleQueries = ReturnType<typeof createRoleQueries>;

/** Rows grouped by an owner id, in their order. */
function groupBy<T>(rows: T[], owner: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(owner(row));
    if (group) group.push(row);
    else groups.set(owner(row), [row]);
  }
  return groups;
}

/** The reads behind the role endpoints: rows only, in document order; the presenter (roles-repository.ts) shapes them. */
export function createRoleQueries(db: Db, refs: ReferenceData) {
  const roleCounts = new RoleCountQueries(driverOf(db));

  /** An id (`role:ai-engineer`), slug, or any name or alias of the role ("Inżynier AI" finds ai-engineer). */
  function findRole(given: string): RoleRow {
    const identifier = withoutKindPrefix('role', given);
    const role = refs.roleBySlug.get(identifier) ?? refs.roleByAlias.get(normalizeName(identifier)) ?? refs.roleBySlug.get(slugify(identifier));
    if (!role) throw new NotFoundError('role', given);
    return role;
  }

  function responsibilityRows(roleId: number) {
    return db.select().from(s.responsibilities).where(eq(s.responsibilities.roleId, roleId)).orderBy(asc(s.responsibilities.position)).all();
  }

  /** One responsibility of a role by slug, name, or id (`responsibility:ai-engineer.mlops`). */
  function responsibilityRow(role: RoleRow, given: string): ResponsibilityRow {
    const prefix = `${role.slug}.`;
    const key = withoutKindPrefix('responsibility', given);
    const identifier = key !== given && key.startsWith(prefix) ? key.slice(prefix.length) : given;
    const rows = responsibilityRows(role.id);
    const folded = normalizeName(identifier);
    const row =
      rows.find((r) => r.slug === identifier) ??
      rows.find((r) => [r.namePl, r.nameEn, r.term].some((name) => name != null && normalizeName(name) === folded)) ??
      rows.find((r) => r.slug === slugify(identifier));
    if (!row) throw new NotFoundError('responsibility', given, role.slug);
    return row;
  }

  function comparisonRows(roleId: number) {
    return db
      .select()
      .from(s.comparisons)
      .where(or(eq(s.comparisons.roleId, roleId), eq(s.comparisons.otherRoleId, roleId)))
      .orderBy(asc(s.comparisons.documentId), asc(s.comparisons.position))
      .all();
  }

  function comparisonSideRows(comparisonIds: number[]) {
    if (comparisonIds.length === 0) return [];
    return db.select().from(s.comparisonSides).where(inArray(s.comparisonSides.comparisonId, comparisonIds)).orderBy(asc(s.comparisonSides.position)).all();
  }

  function sideTechnologies(sideIds: number[]) {
    if (sideIds.length === 0) return new Map<number, number[]>();
    const rows = db.select().from(s.comparisonSideTechnologies).where(inArray(s.comparisonSideTechnologies.sideId, sideIds)).orderBy(asc(s.comparisonSideTechnologies.position)).all();
    const bySide = new Map<number, number[]>();
    for (const r of rows) bySide.set(r.sideId, [...(bySide.get(r.sideId) ?? []), r.technologyId]);
    return bySide;
  }

  /** Every (technology, how, where) that ties a technology to the role, in document order. */
  function technologyUsages(roleId: number) {
    const responsibilities = responsibilityRows(roleId);
    const responsibilityIds = responsibilities.map((r) => r.id);
    const byResponsibility = new Map(responsibilities.map((r) => [r.id, r]));
    const viaResponsibility = responsibilityIds.length
      ? db.select().from(s.responsibilityTechnologies).where(inArray(s.responsibilityTechnologies.responsibilityId, responsibilityIds)).all()
      : [];
    const taskRows = responsibilityIds.length ? db.select().from(s.tasks).where(inArray(s.tasks.responsibilityId, responsibilityIds)).all() : [];
    const taskById = new Map(taskRows.map((t) => [t.id, t]));
    const viaTask = taskRows.length ? db.select().from(s.taskTechnologies).where(inArray(s.taskTechnologies.taskId, [...taskById.keys()])).all() : [];
    const roleSkills = db.select().from(s.roleSkills).where(eq(s.roleSkills.roleId, roleId)).all();
    const viaSkill = roleSkills.length
      ? db.select().from(s.skillTechnologies).where(inArray(s.skillTechnologies.skillId, roleSkills.map((r) => r.skillId))).all()
      : [];
    const roleSkillBySkill = new Map(roleSkills.map((r) => [r.skillId, r]));
    const sides = comparisonSideRows(comparisonRows(roleId).map((c) => c.id)).filter((side) => side.roleId === roleId);
    const viaComparison = sides.length
      ? db.select().from(s.comparisonSideTechnologies).where(inArray(s.comparisonSideTechnologies.sideId, sides.map((x) => x.id))).all()
      : [];
    const sideById = new Map(sides.map((x) => [x.id, x]));
    return [
      ...viaResponsibility.map((r) => ({ technologyId: r.technologyId, via: 'responsibility' as const, responsibility: byResponsibility.get(r.responsibilityId)!, skillId: null, comparisonId: null, contextPl: r.contextPl, contextEn: r.contextEn, row: r })),
      ...viaTask.map((r) => ({ technologyId: r.technologyId, via: 'task' as const, responsibility: byResponsibility.get(taskById.get(r.taskId)!.responsibilityId)!, skillId: null, comparisonId: null, contextPl: null, contextEn: null, row: r })),
      ...viaSkill.map((r) => ({ technologyId: r.technologyId, via: 'skill' as const, responsibility: null, skillId: r.skillId, comparisonId: null, contextPl: roleSkillBySkill.get(r.skillId)!.textPl, contextEn: roleSkillBySkill.get(r.skillId)!.textEn, row: roleSkillBySkill.get(r.skillId)! })),
      ...viaComparison.map((r) => ({ technologyId: r.technologyId, via: 'comparison' as const, responsibility: null, skillId: null, comparisonId: sideById.get(r.sideId)!.comparisonId, contextPl: null, contextEn: null, row: r })),
    ].sort((a, b) => a.row.documentId - b.row.documentId || a.row.line - b.row.line);
  }

  /** Everything the responsibilities hold, each related table read once for all of them. */
  function responsibilityDetails(rows: ResponsibilityRow[]) {
    const ids = rows.map((r) => r.id);
    const allTasks = db.select().from(s.tasks).where(inArray(s.tasks.responsibilityId, ids)).orderBy(asc(s.tasks.position)).all();
    const taskIds = allTasks.map((t) => t.id);
    // Per task, in the order a query on that task alone returns them (its primary key's).
    const taskTechnologies = groupBy(taskIds.length ? db.select().from(s.taskTechnologies).where(inArray(s.taskTechnologies.taskId, taskIds)).orderBy(asc(s.taskTechnologies.taskId), asc(s.taskTechnologies.technologyId)).all() : [], (x) => x.taskId);
    const taskConcepts = groupBy(taskIds.length ? db.select().from(s.taskConcepts).where(inArray(s.taskConcepts.taskId, taskIds)).orderBy(asc(s.taskConcepts.taskId), asc(s.taskConcepts.conceptId)).all() : [], (x) => x.taskId);
    return {
      tasks: groupBy(allTasks, (t) => t.responsibilityId),
      taskTechnologies,
      taskConcepts,
      technologies: groupBy(db.select().from(s.responsibilityTechnologies).where(inArray(s.responsibilityTechnologies.responsibilityId, ids)).orderBy(asc(s.responsibilityTechnologies.position)).all(), (x) => x.responsibilityId),
      notes: groupBy(db.select().from(s.responsibilityToolNotes).where(inArray(s.responsibilityToolNotes.responsibilityId, ids)).orderBy(asc(s.responsibilityToolNotes.position)).all(), (x) => x.responsibilityId),
      headingConcepts: groupBy(db.select().from(s.responsibilityConcepts).where(inArray(s.responsibilityConcepts.responsibilityId, ids)).orderBy(asc(s.responsibilityConcepts.responsibilityId), asc(s.responsibilityConcepts.conceptId)).all(), (x) => x.responsibilityId),
    };
  }

  /** What a role's own page shows: texts, analogies (also those it is only a side of), comparisons with their sides and tools. */
  function roleDetails(role: RoleRow) {
    const texts = db.select().from(s.roleTexts).where(eq(s.roleTexts.roleId, role.id)).orderBy(asc(s.roleTexts.section), asc(s.roleTexts.position)).all();
    // A role only named in an analogy ("AI Scientist") gets the analogy too: it is what the document says of it.
    const sidedIn = db.select({ analogyId: s.analogySides.analogyId }).from(s.analogySides).where(eq(s.analogySides.roleId, role.id)).all();
    const analogies = db
      .select()
      .from(s.analogies)
      .where(or(eq(s.analogies.roleId, role.id), inArray(s.analogies.id, sidedIn.map((x) => x.analogyId))))
      .orderBy(asc(s.analogies.id))
      .all();
    const analogySides = analogies.length ? db.select().from(s.analogySides).where(inArray(s.analogySides.analogyId, analogies.map((a) => a.id))).orderBy(asc(s.analogySides.position)).all() : [];
    const comparisons = comparisonRows(role.id);
    const comparisonSides = comparisonSideRows(comparisons.map((c) => c.id));
    return { texts, analogies, analogySides, comparisons, comparisonSides, tools: sideTechnologies(comparisonSides.map((x) => x.id)) };
  }

  /** A role's skill categories in order, its skill items, and the technologies those skills name. */
  function skillRows(roleId: number) {
    const categories = db
      .select({ link: s.roleSkillCategories, category: s.skillCategories })
      .from(s.roleSkillCategories)
      .innerJoin(s.skillCategories, eq(s.skillCategories.id, s.roleSkillCategories.categoryId))
      .where(eq(s.roleSkillCategories.roleId, roleId))
      .orderBy(asc(s.roleSkillCategories.position))
      .all();
    const items = db.select().from(s.roleSkills).where(eq(s.roleSkills.roleId, roleId)).orderBy(asc(s.roleSkills.position)).all();
    const technologies = items.length ? db.select().from(s.skillTechnologies).where(inArray(s.skillTechnologies.skillId, items.map((i) => i.skillId))).all() : [];
    return { categories, items, technologies };
  }

  /** Roles described by a document first, then those the documents only name. */
  function rolesInListOrder(): RoleRow[] {
    return [...refs.roles.values()].sort((a, b) => Number(b.primaryDocumentId !== null) - Number(a.primaryDocumentId !== null) || a.id - b.id);
  }

  return {
    findRole,
    responsibilityRows,
    responsibilityRow,
    comparisonRows,
    comparisonSideRows,
    sideTechnologies,
    technologyUsages,
    responsibilityDetails,
    roleDetails,
    skillRows,
    rolesInListOrder,
    counts: (roleId: number) => roleCounts.of(roleId),
    allCounts: () => roleCounts.forAll(),
  };
}
