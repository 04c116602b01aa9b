import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { NotFoundError } from '../http/errors.js';
import type { Lang } from '../http/language.js';
import { normalizeName, slugify } from '../lib/text.js';
import type { Comparison, Responsibility, Role, RoleSkillCategory, RoleSummary, RoleTechnology } from '../schemas/roles.js';
import { Localized } from './localized.js';
import type { ReferenceData } from './reference-data.js';
import { driverOf } from './raw-rows.js';
import { RoleCountQueries } from './role-counts.js';

type RoleRow = typeof s.roles.$inferSelect;

export type RolesRepository = ReturnType<typeof createRolesRepository>;

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

export function createRolesRepository(db: Db, refs: ReferenceData) {
  const roleCounts = new RoleCountQueries(driverOf(db));

  /** A slug, or any name or alias of the role ("Inżynier AI" finds ai-engineer). */
  function findRole(identifier: string): RoleRow {
    const role = refs.roleBySlug.get(identifier) ?? refs.roleByAlias.get(normalizeName(identifier)) ?? refs.roleBySlug.get(slugify(identifier));
    if (!role) throw new NotFoundError('role', identifier);
    return role;
  }

  function responsibilityRows(roleId: number) {
    return db.select().from(s.responsibilities).where(eq(s.responsibilities.roleId, roleId)).orderBy(asc(s.responsibilities.position)).all();
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

  function counts(roleId: number) {
    return roleCounts.of(roleId);
  }

  function comparisonTitle(c: typeof s.comparisons.$inferSelect, l: Localized): string {
    if (l.lang === 'pl') return c.titlePl;
    const a = refs.roles.get(c.roleId)!;
    const b = refs.roles.get(c.otherRoleId)!;
    return `${l.text('title', a.namePl, a.nameEn)} vs. ${l.text('title', b.namePl, b.nameEn)}`;
  }

  /** The responsibilities of one role in full, each of their related tables read once for all of them. */
  function responsibilitiesOf(rows: (typeof s.responsibilities.$inferSelect)[], lang: Lang): Responsibility[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const allTasks = db.select().from(s.tasks).where(inArray(s.tasks.responsibilityId, ids)).orderBy(asc(s.tasks.position)).all();
    const taskIds = allTasks.map((t) => t.id);
    // Per task, in the order a query on that task alone returns them (its primary key's).
    const taskTech = groupBy(taskIds.length ? db.select().from(s.taskTechnologies).where(inArray(s.taskTechnologies.taskId, taskIds)).orderBy(asc(s.taskTechnologies.taskId), asc(s.taskTechnologies.technologyId)).all() : [], (x) => x.taskId);
    const taskConcepts = groupBy(taskIds.length ? db.select().from(s.taskConcepts).where(inArray(s.taskConcepts.taskId, taskIds)).orderBy(asc(s.taskConcepts.taskId), asc(s.taskConcepts.conceptId)).all() : [], (x) => x.taskId);
    const tasks = groupBy(allTasks, (t) => t.responsibilityId);
    const technologies = groupBy(db.select().from(s.responsibilityTechnologies).where(inArray(s.responsibilityTechnologies.responsibilityId, ids)).orderBy(asc(s.responsibilityTechnologies.position)).all(), (x) => x.responsibilityId);
    const notes = groupBy(db.select().from(s.responsibilityToolNotes).where(inArray(s.responsibilityToolNotes.responsibilityId, ids)).orderBy(asc(s.responsibilityToolNotes.position)).all(), (x) => x.responsibilityId);
    const headingConcepts = groupBy(db.select().from(s.responsibilityConcepts).where(inArray(s.responsibilityConcepts.responsibilityId, ids)).orderBy(asc(s.responsibilityConcepts.responsibilityId), asc(s.responsibilityConcepts.conceptId)).all(), (x) => x.responsibilityId);
    return rows.map((row) =>
      responsibility(row, lang, tasks.get(row.id) ?? [], taskTech, taskConcepts, technologies.get(row.id) ?? [], notes.get(row.id) ?? [], headingConcepts.get(row.id) ?? []),
    );
  }

  function responsibility(
    row: typeof s.responsibilities.$inferSelect,
    lang: Lang,
    taskRows: (typeof s.tasks.$inferSelect)[],
    taskTech: Map<number, (typeof s.taskTechnologies.$inferSelect)[]>,
    taskConcepts: Map<number, (typeof s.taskConcepts.$inferSelect)[]>,
    technologies: (typeof s.responsibilityTechnologies.$inferSelect)[],
    notes: (typeof s.responsibilityToolNotes.$inferSelect)[],
    headingConcepts: (typeof s.responsibilityConcepts.$inferSelect)[],
  ): Responsibility {
    const l = new Localized(lang);
    const role = refs.roles.get(row.roleId)!;
    return l.finish({
      slug: row.slug,
      position: row.position,
      name: l.text('name', row.namePl, row.nameEn),
      term: row.term,
      url: `/roles/${role.slug}/responsibilities/${row.slug}`,
      role: refs.roleRef(role.id, l, 'role'),
      tasks: taskRows.map((t, i) => ({
        position: t.position,
        text: l.text(`tasks[${i}].text`, t.textPl, t.textEn),
        technologies: (taskTech.get(t.id) ?? []).map((x) => ({ ...refs.technologyRef(x.technologyId), matched: x.matched })),
        concepts: (taskConcepts.get(t.id) ?? []).map((x, j) => refs.conceptMention(x.conceptId, x.matched, x, l, `tasks[${i}].concepts[${j}]`)),
        source: refs.source(t),
      })),
      technologies: technologies.map((x, i) => ({ ...refs.technologyRef(x.technologyId), context: l.optional(`technologies[${i}].context`, x.contextPl, x.contextEn), source: refs.source(x) })),
      otherTools: notes.map((n, i) => ({ text: l.text(`otherTools[${i}].text`, n.textPl, n.textEn), source: refs.source(n) })),
      concepts: headingConcepts.map((x, j) => refs.conceptMention(x.conceptId, x.matched, x, l, `concepts[${j}]`)),
      source: refs.source(row),
    });
  }

  return {
    findRole,

    list(lang: Lang): RoleSummary[] {
      const allCounts = roleCounts.forAll();
      return [...refs.roles.values()]
        .sort((a, b) => Number(b.primaryDocumentId !== null) - Number(a.primaryDocumentId !== null) || a.id - b.id)
        .map((role) => {
          const l = new Localized(lang);
          return l.finish({
            slug: role.slug,
            name: l.text('name', role.namePl, role.nameEn),
            url: `/roles/${role.slug}`,
            definition: l.optional('definition', role.definitionPl, role.definitionEn),
            counts: { ...(allCounts.get(role.id) ?? { responsibilities: 0, skills: 0, technologies: 0, comparisons: 0 }) },
            source: refs.source(role),
          });
        });
    },

    /**
     * Every role's names, in list order, without the rest of a summary: what name matching and
     * links need, read from memory.
     */
    names(): { slug: string; namePl: string; nameEn: string | null; aliases: string[] }[] {
      return [...refs.roles.values()]
        .sort((a, b) => Number(b.primaryDocumentId !== null) - Number(a.primaryDocumentId !== null) || a.id - b.id)
        .map((role) => ({ slug: role.slug, namePl: role.namePl, nameEn: role.nameEn, aliases: (refs.roleAliases.get(role.id) ?? []).map((a) => a.name) }));
    },

    get(identifier: string, lang: Lang): Role {
      const role = findRole(identifier);
      const l = new Localized(lang);
      const texts = db.select().from(s.roleTexts).where(eq(s.roleTexts.roleId, role.id)).orderBy(asc(s.roleTexts.section), asc(s.roleTexts.position)).all();
      // A role only named in an analogy ("AI Scientist") gets the analogy too: it is what the document says of it.
      const sidedIn = db.select({ analogyId: s.analogySides.analogyId }).from(s.analogySides).where(eq(s.analogySides.roleId, role.id)).all();
      const analogies = db
        .select()
        .from(s.analogies)
        .where(or(eq(s.analogies.roleId, role.id), inArray(s.analogies.id, sidedIn.map((x) => x.analogyId))))
        .orderBy(asc(s.analogies.id))
        .all();
      const sides = analogies.length ? db.select().from(s.analogySides).where(inArray(s.analogySides.analogyId, analogies.map((a) => a.id))).orderBy(asc(s.analogySides.position)).all() : [];
      const comparisons = comparisonRows(role.id);
      const comparisonSides = comparisonSideRows(comparisons.map((c) => c.id));
      const tools = sideTechnologies(comparisonSides.map((x) => x.id));
      const document = role.primaryDocumentId ? refs.documents.get(role.primaryDocumentId)! : null;
      const introduction = texts.filter((t) => t.section === 'introduction');
      const summary = texts.filter((t) => t.section === 'summary');
      const base = `/roles/${role.slug}`;
      return l.finish({
        slug: role.slug,
        name: l.text('name', role.namePl, role.nameEn),
        url: base,
        aliases: refs.roleAliases.get(role.id) ?? [],
        describedBy: document ? { document: document.file, title: l.text('describedBy.title', document.titlePl, document.titleEn) } : null,
        definition:
          role.definitionPl && role.definitionLine
            ? { text: l.text('definition.text', role.definitionPl, role.definitionEn), source: refs.source({ documentId: role.primaryDocumentId!, line: role.definitionLine }) }
            : null,
        introduction: introduction.map((t, i) => ({
          label: l.optional(`introduction[${i}].label`, t.labelPl, t.labelEn),
          text: l.text(`introduction[${i}].text`, t.textPl, t.textEn),
          source: refs.source(t),
        })),
        analogies: analogies.map((a, i) => ({
          title: l.text(`analogies[${i}].title`, a.titlePl, a.titleEn),
          source: refs.source(a),
          sides: sides
            .filter((x) => x.analogyId === a.id)
            .map((x, j) => ({
              role: refs.roleRef(x.roleId, l, `analogies[${i}].sides[${j}].role`),
              label: l.optional(`analogies[${i}].sides[${j}].label`, x.labelPl, x.labelEn),
              text: l.text(`analogies[${i}].sides[${j}].text`, x.textPl, x.textEn),
              source: refs.source(x),
            })),
        })),
        summary: summary.map((t, i) => ({ text: l.text(`summary[${i}].text`, t.textPl, t.textEn), source: refs.source(t) })),
        comparisons: comparisons.flatMap((c, i) => {
          const mine = comparisonSides.find((x) => x.comparisonId === c.id && x.roleId === role.id);
          if (!mine) return [];
          const otherId = c.roleId === role.id ? c.otherRoleId : c.roleId;
          return [
            {
              slug: c.slug,
              with: refs.roleRef(otherId, l, `comparisons[${i}].with`),
              focus: l.text(`comparisons[${i}].focus`, mine.focusPl, mine.focusEn),
              keyQuestion: l.optional(`comparisons[${i}].keyQuestion`, mine.keyQuestionPl, mine.keyQuestionEn),
              tools: (tools.get(mine.id) ?? []).map((id) => refs.technologyRef(id)),
              source: refs.source(mine),
            },
          ];
        }),
        counts: counts(role.id),
        links: { responsibilities: `${base}/responsibilities`, skills: `${base}/skills`, technologies: `${base}/technologies`, comparisons: `${base}/comparisons` },
        source: refs.source(role),
      });
    },

    responsibilities(identifier: string, lang: Lang): Responsibility[] {
      return responsibilitiesOf(responsibilityRows(findRole(identifier).id), lang);
    },

    responsibility(identifier: string, responsibilitySlug: string, lang: Lang): Responsibility {
      const role = findRole(identifier);
      const row = db
        .select()
        .from(s.responsibilities)
        .where(and(eq(s.responsibilities.roleId, role.id), eq(s.responsibilities.slug, responsibilitySlug)))
        .get();
      if (!row) throw new NotFoundError(`responsibility of role "${role.slug}"`, responsibilitySlug);
      return responsibilitiesOf([row], lang)[0];
    },

    skills(identifier: string, lang: Lang): RoleSkillCategory[] {
      const role = findRole(identifier);
      const categories = db
        .select({ link: s.roleSkillCategories, category: s.skillCategories })
        .from(s.roleSkillCategories)
        .innerJoin(s.skillCategories, eq(s.skillCategories.id, s.roleSkillCategories.categoryId))
        .where(eq(s.roleSkillCategories.roleId, role.id))
        .orderBy(asc(s.roleSkillCategories.position))
        .all();
      const items = db.select().from(s.roleSkills).where(eq(s.roleSkills.roleId, role.id)).orderBy(asc(s.roleSkills.position)).all();
      const links = items.length ? db.select().from(s.skillTechnologies).where(inArray(s.skillTechnologies.skillId, items.map((i) => i.skillId))).all() : [];
      return categories.map(({ link, category }) => {
        const l = new Localized(lang);
        return l.finish({
          slug: category.slug,
          name: l.text('name', category.namePl, category.nameEn),
          kind: category.kind,
          position: link.position,
          skills: items
            .filter((i) => i.categoryId === category.id)
            .map((i, j) => ({
              ...refs.skillRef(i.skillId, l, `skills[${j}]`),
              text: l.text(`skills[${j}].text`, i.textPl, i.textEn),
              qualifier: l.optional(`skills[${j}].qualifier`, i.qualifierPl, i.qualifierEn),
              technologies: links.filter((x) => x.skillId === i.skillId).map((x) => refs.technologyRef(x.technologyId)),
              source: refs.source(i),
            })),
          source: refs.source(link),
        });
      });
    },

    technologies(identifier: string, lang: Lang): RoleTechnology[] {
      const role = findRole(identifier);
      const usages = technologyUsages(role.id);
      const order = [...new Set(usages.map((u) => u.technologyId))];
      const comparisons = new Map(comparisonRows(role.id).map((c) => [c.id, c]));
      return order.map((technologyId) => {
        const l = new Localized(lang);
        return l.finish({
          ...refs.technologyRef(technologyId),
          usages: usages
            .filter((u) => u.technologyId === technologyId)
            .map((u, i) => ({
              via: u.via,
              responsibility: u.responsibility
                ? { slug: u.responsibility.slug, name: l.text(`usages[${i}].responsibility.name`, u.responsibility.namePl, u.responsibility.nameEn), url: `/roles/${role.slug}/responsibilities/${u.responsibility.slug}` }
                : null,
              skill: u.skillId ? refs.skillRef(u.skillId, l, `usages[${i}].skill`) : null,
              comparison: u.comparisonId ? { slug: comparisons.get(u.comparisonId)!.slug, url: `/roles/${role.slug}/comparisons` } : null,
              context: l.optional(`usages[${i}].context`, u.contextPl, u.contextEn),
              source: refs.source(u.row),
            })),
        });
      });
    },

    comparisons(identifier: string, lang: Lang): Comparison[] {
      const role = findRole(identifier);
      const comparisons = comparisonRows(role.id);
      const sides = comparisonSideRows(comparisons.map((c) => c.id));
      const tools = sideTechnologies(sides.map((x) => x.id));
      return comparisons.map((c) => {
        const l = new Localized(lang);
        return l.finish({
          slug: c.slug,
          title: comparisonTitle(c, l),
          url: `/roles/${role.slug}/comparisons`,
          roles: [refs.roleRef(c.roleId, l, 'roles[0]'), refs.roleRef(c.otherRoleId, l, 'roles[1]')],
          sides: sides
            .filter((x) => x.comparisonId === c.id)
            .map((x, i) => ({
              role: refs.roleRef(x.roleId, l, `sides[${i}].role`),
              text: l.text(`sides[${i}].text`, x.textPl, x.textEn),
              focus: l.text(`sides[${i}].focus`, x.focusPl, x.focusEn),
              keyQuestion: l.optional(`sides[${i}].keyQuestion`, x.keyQuestionPl, x.keyQuestionEn),
              tools: (tools.get(x.id) ?? []).map((id) => refs.technologyRef(id)),
              source: refs.source(x),
            })),
          source: refs.source(c),
        });
      });
    },
  };
}
