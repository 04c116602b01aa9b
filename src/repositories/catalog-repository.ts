import { asc, eq } from '../db/drizzle.cjs';
import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { NotFoundError } from '../model/domain-errors.js';
import type { Lang } from '../lib/language.js';
import { normalizeName, slugify } from '../lib/text.js';
import type { Skill, SkillRole, SkillSummary, Technology, TechnologySummary } from '../schemas/catalog.js';
import { USAGE_KINDS } from '../schemas/roles.js';
import { ids, parseEntityId, urls, withoutKindPrefix } from '../model/ids.js';
import { Localized } from './localized.js';
import type { ReferenceData } from './reference-data.js';

type Via = (typeof USAGE_KINDS)[number];

/** What `a.localeCompare(b, 'en', { sensitivity: 'base' })` does, without building a collator per comparison. */
const byName = new Intl.Collator('en', { sensitivity: 'base' });

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;

/** Technologies and skills: the nodes roles share. */
export function createCatalogRepository(db: Db, refs: ReferenceData) {
  function findTechnology(given: string) {
    const identifier = withoutKindPrefix('technology', given);
    const t = refs.technologyBySlug.get(identifier) ?? refs.technologyByAlias.get(normalizeName(identifier)) ?? refs.technologyBySlug.get(slugify(identifier));
    if (!t) throw new NotFoundError('technology', given);
    return t;
  }

  function findSkill(given: string) {
    const identifier = withoutKindPrefix('skill', given);
    const skill = refs.skillBySlug.get(identifier) ?? refs.skillByName.get(normalizeName(identifier)) ?? refs.skillBySlug.get(slugify(identifier));
    if (!skill) throw new NotFoundError('skill', given);
    return skill;
  }

  function technologySummary(id: number): TechnologySummary {
    const t = refs.technologies.get(id)!;
    return { ...refs.technologyRef(id), aliases: refs.technologyAliases.get(id) ?? [], sameAs: refs.technologySameAs(id), source: refs.source(t), nameSource: refs.nameSource(t) };
  }

  function skillTechnologies(skillId: number) {
    return db.select().from(s.skillTechnologies).where(eq(s.skillTechnologies.skillId, skillId)).all().map((x) => refs.technologyRef(x.technologyId));
  }

  function skillSummary(id: number, l: Localized, technologies = skillTechnologies(id)): SkillSummary {
    const skill = refs.skills.get(id)!;
    return { id: ids.skill(skill.slug), slug: skill.slug, name: l.text('name', skill.namePl, skill.nameEn), kind: skill.kind, url: urls.skill(skill.slug), sameAs: refs.skillSameAs(id), technologies, source: refs.source(skill), nameSource: refs.nameSource(skill) };
  }

  /** The lines of roles' skills that name the skill, with their category, by role. */
  function roleSkillRows(skillId: number) {
    return db
      .select({ link: s.roleSkills, category: s.skillCategories })
      .from(s.roleSkills)
      .innerJoin(s.skillCategories, eq(s.skillCategories.id, s.roleSkills.categoryId))
      .where(eq(s.roleSkills.skillId, skillId))
      .orderBy(asc(s.roleSkills.roleId))
      .all();
  }

  function requirement({ link, category }: ReturnType<typeof roleSkillRows>[number], l: Localized, field: string) {
    return {
      category: { id: ids.category(category.slug), slug: category.slug, name: l.text(`${field}.category.name`, category.namePl, category.nameEn) },
      text: l.text(`${field}.text`, link.textPl, link.textEn),
      qualifier: l.optional(`${field}.qualifier`, link.qualifierPl, link.qualifierEn),
      source: refs.source(link),
    };
  }

  /** Every skill's technologies, in one query, in the order skillTechnologies gives one skill's (its primary key's). */
  function allSkillTechnologies() {
    const bySkill = new Map<number, ReturnType<typeof refs.technologyRef>[]>();
    const rows = db.select({ skillId: s.skillTechnologies.skillId, technologyId: s.skillTechnologies.technologyId }).from(s.skillTechnologies).orderBy(asc(s.skillTechnologies.skillId), asc(s.skillTechnologies.technologyId)).all();
    for (const { skillId, technologyId } of rows) {
      const list = bySkill.get(skillId);
      if (list) list.push(refs.technologyRef(technologyId));
      else bySkill.set(skillId, [refs.technologyRef(technologyId)]);
    }
    return bySkill;
  }

  return {
    findTechnology,
    findSkill,

    /** Ids of the nodes of another kind that name the same real thing as the node `id` (technology ↔ skill). */
    sameAs(id: string): string[] {
      const parsed = parseEntityId(id);
      if (parsed?.kind === 'technology') {
        const t = refs.technologyBySlug.get(parsed.key);
        return t ? refs.technologySameAs(t.id) : [];
      }
      if (parsed?.kind === 'skill') {
        const skill = refs.skillBySlug.get(parsed.key);
        return skill ? refs.skillSameAs(skill.id) : [];
      }
      return [];
    },

    listTechnologies(kind?: string): TechnologySummary[] {
      return [...refs.technologies.values()]
        .filter((t) => !kind || t.kind === kind)
        .sort((a, b) => byName.compare(a.name, b.name))
        .map((t) => technologySummary(t.id));
    },

    technology(identifier: string, lang: Lang): Technology {
      const t = findTechnology(identifier);
      const l = new Localized(lang);
      const roleVia = new Map<number, Set<Via>>();
      const via = (roleId: number, kind: Via) => roleVia.set(roleId, (roleVia.get(roleId) ?? new Set()).add(kind));

      const responsibilities = db
        .select({ link: s.responsibilityTechnologies, responsibility: s.responsibilities })
        .from(s.responsibilityTechnologies)
        .innerJoin(s.responsibilities, eq(s.responsibilities.id, s.responsibilityTechnologies.responsibilityId))
        .where(eq(s.responsibilityTechnologies.technologyId, t.id))
        .orderBy(asc(s.responsibilities.roleId), asc(s.responsibilities.position))
        .all();
      const tasks = db
        .select({ link: s.taskTechnologies, task: s.tasks, responsibility: s.responsibilities })
        .from(s.taskTechnologies)
        .innerJoin(s.tasks, eq(s.tasks.id, s.taskTechnologies.taskId))
        .innerJoin(s.responsibilities, eq(s.responsibilities.id, s.tasks.responsibilityId))
        .where(eq(s.taskTechnologies.technologyId, t.id))
        .orderBy(asc(s.tasks.id))
        .all();
      const skills = db.select().from(s.skillTechnologies).where(eq(s.skillTechnologies.technologyId, t.id)).orderBy(asc(s.skillTechnologies.skillId)).all();
      const rolesViaSkills = db
        .select({ roleId: s.roleSkills.roleId })
        .from(s.skillTechnologies)
        .innerJoin(s.roleSkills, eq(s.roleSkills.skillId, s.skillTechnologies.skillId))
        .where(eq(s.skillTechnologies.technologyId, t.id))
        .all();
      for (const rs of rolesViaSkills) via(rs.roleId, 'skill');
      const comparisons = db
        .select({ link: s.comparisonSideTechnologies, side: s.comparisonSides, comparison: s.comparisons })
        .from(s.comparisonSideTechnologies)
        .innerJoin(s.comparisonSides, eq(s.comparisonSides.id, s.comparisonSideTechnologies.sideId))
        .innerJoin(s.comparisons, eq(s.comparisons.id, s.comparisonSides.comparisonId))
        .where(eq(s.comparisonSideTechnologies.technologyId, t.id))
        .orderBy(asc(s.comparisons.id))
        .all();
      responsibilities.forEach((r) => via(r.responsibility.roleId, 'responsibility'));
      tasks.forEach((r) => via(r.responsibility.roleId, 'task'));
      comparisons.forEach((r) => via(r.side.roleId, 'comparison'));

      const responsibilityLink = (r: typeof s.responsibilities.$inferSelect, field: string) => {
        const role = refs.roles.get(r.roleId)!;
        return { id: ids.responsibility(role.slug, r.slug), slug: r.slug, name: l.text(`${field}.name`, r.namePl, r.nameEn), url: urls.responsibility(role.slug, r.slug) };
      };
      return l.finish({
        ...technologySummary(t.id),
        roles: [...roleVia.entries()].sort(([a], [b]) => a - b).map(([roleId, kinds], i) => ({ ...refs.roleRef(roleId, l, `roles[${i}]`), via: USAGE_KINDS.filter((k) => kinds.has(k)) })),
        responsibilities: responsibilities.map(({ link, responsibility }, i) => ({
          ...responsibilityLink(responsibility, `responsibilities[${i}]`),
          role: refs.roleRef(responsibility.roleId, l, `responsibilities[${i}].role`),
          context: l.optional(`responsibilities[${i}].context`, link.contextPl, link.contextEn),
          source: refs.source(link),
        })),
        tasks: tasks.map(({ link, task, responsibility }, i) => ({
          id: ids.task(refs.roles.get(responsibility.roleId)!.slug, responsibility.slug, task.key),
          role: refs.roleRef(responsibility.roleId, l, `tasks[${i}].role`),
          responsibility: responsibilityLink(responsibility, `tasks[${i}].responsibility`),
          position: task.position,
          text: l.text(`tasks[${i}].text`, task.textPl, task.textEn),
          matched: link.matched,
          source: refs.source(link),
        })),
        skills: skills.map((link, i) => ({ ...refs.skillRef(link.skillId, l, `skills[${i}]`), source: refs.source(link) })),
        updatedIn: refs.updatedIn(ids.technology(t.slug)),
        comparisons: comparisons.map(({ link, side, comparison }, i) => ({
          id: ids.comparison(comparison.slug),
          slug: comparison.slug,
          url: urls.roleComparisons(refs.roles.get(side.roleId)!.slug),
          role: refs.roleRef(side.roleId, l, `comparisons[${i}].role`),
          matched: link.matched,
          source: refs.source(link),
        })),
      });
    },

    listSkills(lang: Lang, kind?: string): SkillSummary[] {
      const technologies = allSkillTechnologies();
      return [...refs.skills.values()]
        .filter((x) => !kind || x.kind === kind)
        .sort((a, b) => a.id - b.id)
        .map((x) => {
          const l = new Localized(lang);
          return l.finish(skillSummary(x.id, l, technologies.get(x.id) ?? []));
        });
    },

    /** Every skill's names, kind and technology slugs, in list order, without building summaries: what name matching needs. */
    skillNames(): { slug: string; namePl: string; nameEn: string | null; kind: SkillSummary['kind']; technologies: string[] }[] {
      const technologies = allSkillTechnologies();
      return [...refs.skills.values()]
        .sort((a, b) => a.id - b.id)
        .map((x) => ({ slug: x.slug, namePl: x.namePl, nameEn: x.nameEn, kind: x.kind, technologies: (technologies.get(x.id) ?? []).map((t) => t.slug) }));
    },

    skill(identifier: string, lang: Lang): Skill {
      const skill = findSkill(identifier);
      const l = new Localized(lang);
      return l.finish({
        ...skillSummary(skill.id, l),
        roles: roleSkillRows(skill.id).map((row, i) => ({ role: refs.roleRef(row.link.roleId, l, `roles[${i}].role`), ...requirement(row, l, `roles[${i}]`) })),
        updatedIn: refs.updatedIn(ids.skill(skill.slug)),
      });
    },

    /** The roles that need the skill, each once, with every line of its skills that names it. */
    skillRoles(identifier: string, lang: Lang): SkillRole[] {
      const rows = roleSkillRows(findSkill(identifier).id);
      return [...new Set(rows.map((row) => row.link.roleId))].map((roleId) => {
        const l = new Localized(lang);
        const role = refs.roles.get(roleId)!;
        return l.finish({
          id: ids.role(role.slug),
          slug: role.slug,
          name: l.text('name', role.namePl, role.nameEn),
          url: urls.role(role.slug),
          requirements: rows.filter((row) => row.link.roleId === roleId).map((row, i) => requirement(row, l, `requirements[${i}]`)),
        });
      });
    },
  };
}
