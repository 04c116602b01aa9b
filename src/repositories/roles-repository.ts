import type { Db } from '../db/open-database.js';
import type * as s from '../db/schema.js';
import type { Lang } from '../lib/language.js';
import { ids, urls } from '../model/ids.js';
import type { Comparison, Responsibility, Role, RoleSkillCategory, RoleSummary, RoleTechnology } from '../schemas/roles.js';
import { crosswalksByRole } from './crosswalk-queries.js';
import { Localized } from './localized.js';
import type { ReferenceData } from './reference-data.js';
import { createRoleQueries, type ComparisonRow, type ResponsibilityRow, type RoleQueries } from './role-queries.js';

export type RolesRepository = ReturnType<typeof createRolesRepository>;

/** Shapes the rows role-queries.ts reads into the role endpoints' responses, in the negotiated language. */
export function createRolesRepository(db: Db, refs: ReferenceData) {
  const q: RoleQueries = createRoleQueries(db, refs);
  let crosswalks: ReturnType<typeof crosswalksByRole> | undefined;

  function comparisonTitle(c: ComparisonRow, l: Localized): string {
    if (l.lang === 'pl') return c.titlePl;
    const a = refs.roles.get(c.roleId)!;
    const b = refs.roles.get(c.otherRoleId)!;
    return `${l.text('title', a.namePl, a.nameEn)} vs. ${l.text('title', b.namePl, b.nameEn)}`;
  }

  function responsibilitiesOf(rows: ResponsibilityRow[], lang: Lang): Responsibility[] {
    if (rows.length === 0) return [];
    const d = q.responsibilityDetails(rows);
    return rows.map((row) => {
      const l = new Localized(lang);
      const role = refs.roles.get(row.roleId)!;
      return l.finish({
        id: ids.responsibility(role.slug, row.slug),
        slug: row.slug,
        position: row.position,
        name: l.text('name', row.namePl, row.nameEn),
        term: row.term,
        url: urls.responsibility(role.slug, row.slug),
        role: refs.roleRef(role.id, l, 'role'),
        tasks: (d.tasks.get(row.id) ?? []).map((t, i) => ({
          id: ids.task(role.slug, row.slug, t.key),
          position: t.position,
          text: l.text(`tasks[${i}].text`, t.textPl, t.textEn),
          technologies: (d.taskTechnologies.get(t.id) ?? []).map((x) => ({ ...refs.technologyRef(x.technologyId), matched: x.matched })),
          concepts: (d.taskConcepts.get(t.id) ?? []).map((x, j) => refs.conceptMention(x.conceptId, x.matched, x, l, `tasks[${i}].concepts[${j}]`)),
          source: refs.source(t),
          updatedIn: refs.updatedIn(ids.task(role.slug, row.slug, t.key)),
        })),
        technologies: (d.technologies.get(row.id) ?? []).map((x, i) => ({ ...refs.technologyRef(x.technologyId), context: l.optional(`technologies[${i}].context`, x.contextPl, x.contextEn), source: refs.source(x) })),
        otherTools: (d.notes.get(row.id) ?? []).map((n, i) => ({ text: l.text(`otherTools[${i}].text`, n.textPl, n.textEn), source: refs.source(n) })),
        concepts: (d.headingConcepts.get(row.id) ?? []).map((x, j) => refs.conceptMention(x.conceptId, x.matched, x, l, `concepts[${j}]`)),
        source: refs.source(row),
        updatedIn: refs.updatedIn(ids.responsibility(role.slug, row.slug)),
      });
    });
  }

  return {
    findRole: q.findRole,

    list(lang: Lang): RoleSummary[] {
      const allCounts = q.allCounts();
      return q.rolesInListOrder().map((role) => {
        const l = new Localized(lang);
        return l.finish({
          id: ids.role(role.slug),
          slug: role.slug,
          name: l.text('name', role.namePl, role.nameEn),
          url: urls.role(role.slug),
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
      return q.rolesInListOrder().map((role) => ({ slug: role.slug, namePl: role.namePl, nameEn: role.nameEn, aliases: (refs.roleAliases.get(role.id) ?? []).map((a) => a.name) }));
    },

    get(identifier: string, lang: Lang): Role {
      const role = q.findRole(identifier);
      const l = new Localized(lang);
      const d = q.roleDetails(role);
      const document = role.primaryDocumentId ? refs.documents.get(role.primaryDocumentId)! : null;
      const introduction = d.texts.filter((t) => t.section === 'introduction');
      const summary = d.texts.filter((t) => t.section === 'summary');
      return l.finish({
        id: ids.role(role.slug),
        slug: role.slug,
        name: l.text('name', role.namePl, role.nameEn),
        url: urls.role(role.slug),
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
        analogies: d.analogies.map((a, i) => ({
          title: l.text(`analogies[${i}].title`, a.titlePl, a.titleEn),
          source: refs.source(a),
          sides: d.analogySides
            .filter((x) => x.analogyId === a.id)
            .map((x, j) => ({
              role: refs.roleRef(x.roleId, l, `analogies[${i}].sides[${j}].role`),
              label: l.optional(`analogies[${i}].sides[${j}].label`, x.labelPl, x.labelEn),
              text: l.text(`analogies[${i}].sides[${j}].text`, x.textPl, x.textEn),
              source: refs.source(x),
            })),
        })),
        summary: summary.map((t, i) => ({ text: l.text(`summary[${i}].text`, t.textPl, t.textEn), source: refs.source(t) })),
        comparisons: d.comparisons.flatMap((c, i) => {
          const mine = d.comparisonSides.find((x) => x.comparisonId === c.id && x.roleId === role.id);
          if (!mine) return [];
          const otherId = c.roleId === role.id ? c.otherRoleId : c.roleId;
          return [
            {
              id: ids.comparison(c.slug),
              slug: c.slug,
              with: refs.roleRef(otherId, l, `comparisons[${i}].with`),
              focus: l.text(`comparisons[${i}].focus`, mine.focusPl, mine.focusEn),
              keyQuestion: l.optional(`comparisons[${i}].keyQuestion`, mine.keyQuestionPl, mine.keyQuestionEn),
              tools: (d.tools.get(mine.id) ?? []).map((id) => refs.technologyRef(id)),
              source: refs.source(mine),
            },
          ];
        }),
        crosswalks: (crosswalks ??= crosswalksByRole(db)).get(role.id) ?? [],
        updatedIn: refs.updatedIn(ids.role(role.slug)),
        counts: q.counts(role.id),
        links: {
          responsibilities: urls.responsibilities(role.slug),
          skills: urls.roleSkills(role.slug),
          technologies: urls.roleTechnologies(role.slug),
          comparisons: urls.roleComparisons(role.slug),
        },
        source: refs.source(role),
      });
    },

    responsibilities(identifier: string, lang: Lang): Responsibility[] {
      return responsibilitiesOf(q.responsibilityRows(q.findRole(identifier).id), lang);
    },

    responsibility(identifier: string, responsibility: string, lang: Lang): Responsibility {
      return responsibilitiesOf([q.responsibilityRow(q.findRole(identifier), responsibility)], lang)[0];
    },

    skills(identifier: string, lang: Lang): RoleSkillCategory[] {
      const role = q.findRole(identifier);
      const { categories, items, technologies } = q.skillRows(role.id);
      return categories.map(({ link, category }) => {
        const l = new Localized(lang);
        return l.finish({
          id: ids.category(category.slug),
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
              technologies: technologies.filter((x) => x.skillId === i.skillId).map((x) => refs.technologyRef(x.technologyId)),
              source: refs.source(i),
            })),
          source: refs.source(link),
        });
      });
    },

    technologies(identifier: string, lang: Lang): RoleTechnology[] {
      const role = q.findRole(identifier);
      const usages = q.technologyUsages(role.id);
      const order = [...new Set(usages.map((u) => u.technologyId))];
      const comparisons = new Map(q.comparisonRows(role.id).map((c) => [c.id, c]));
      return order.map((technologyId) => {
        const l = new Localized(lang);
        return l.finish({
          ...refs.technologyRef(technologyId),
          usages: usages
            .filter((u) => u.technologyId === technologyId)
            .map((u, i) => ({
              via: u.via,
              responsibility: u.responsibility ? responsibilityLink(role.slug, u.responsibility, l, `usages[${i}].responsibility`) : null,
              skill: u.skillId ? refs.skillRef(u.skillId, l, `usages[${i}].skill`) : null,
              comparison: u.comparisonId ? comparisonLink(role.slug, comparisons.get(u.comparisonId)!) : null,
              context: l.optional(`usages[${i}].context`, u.contextPl, u.contextEn),
              source: refs.source(u.row),
            })),
        });
      });
    },

    comparisons(identifier: string, lang: Lang): Comparison[] {
      const role = q.findRole(identifier);
      const comparisons = q.comparisonRows(role.id);
      const sides = q.comparisonSideRows(comparisons.map((c) => c.id));
      const tools = q.sideTechnologies(sides.map((x) => x.id));
      return comparisons.map((c) => {
        const l = new Localized(lang);
        return l.finish({
          id: ids.comparison(c.slug),
          slug: c.slug,
          title: comparisonTitle(c, l),
          url: urls.roleComparisons(role.slug),
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

function responsibilityLink(roleSlug: string, r: typeof s.responsibilities.$inferSelect, l: Localized, field: string) {
  return { id: ids.responsibility(roleSlug, r.slug), slug: r.slug, name: l.text(`${field}.name`, r.namePl, r.nameEn), url: urls.responsibility(roleSlug, r.slug) };
}

function comparisonLink(roleSlug: string, c: ComparisonRow) {
  return { id: ids.comparison(c.slug), slug: c.slug, url: urls.roleComparisons(roleSlug) };
}
