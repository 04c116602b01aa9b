import { ids, urls } from '../model/ids.js';
import type { Lang } from '../lib/language.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import type { SkillGap } from '../schemas/analysis.js';
import type { EntityRefs } from './entity-refs.js';
import type { VocabularyIndex } from './vocabulary-index.js';

const ratio = (matched: number, required: number) => (required === 0 ? null : matched / required);

/**
 * How far what a candidate has covers a role: per responsibility (its "Technologie:" list), per skill
 * category (a skill counts as had when an input names it or a technology it involves), and overall.
 */
export function analyzeGap(roles: RolesRepository, index: VocabularyIndex, refs: EntityRefs, roleIdentifier: string, have: string[], lang: Lang): SkillGap {
  const role = roles.findRole(roleIdentifier);
  const untranslated: string[] = [];

  const byTechnology = new Map<string, string[]>();
  const bySkill = new Map<string, string[]>();
  const recognized: SkillGap['recognized'] = [];
  const unrecognized: string[] = [];
  for (const input of have) {
    const entities = index.resolve(input).filter((e) => e.kind !== 'role');
    if (entities.length === 0) {
      unrecognized.push(input);
      continue;
    }
    for (const e of entities) {
      const into = e.kind === 'technology' ? byTechnology : bySkill;
      into.set(e.slug, [...(into.get(e.slug) ?? []), input]);
    }
    recognized.push({
      input,
      technologies: entities.filter((e) => e.kind === 'technology').map((e) => refs.technology(e.slug)),
      skills: entities.filter((e) => e.kind === 'skill').map((e) => refs.skill(e.slug, lang)),
    });
  }

  const responsibilities = roles.responsibilities(role.slug, lang).map((r, i) => {
    if (r.untranslated?.includes('name')) untranslated.push(`responsibilities[${i}].name`);
    const required = r.technologies.map(({ id, slug, name, kind, url }) => ({ id, slug, name, kind, url }));
    const matched = required.filter((t) => byTechnology.has(t.slug)).map((t) => ({ ...t, matchedBy: byTechnology.get(t.slug)! }));
    const missing = required.filter((t) => !byTechnology.has(t.slug));
    return { id: r.id, slug: r.slug, name: r.name, url: r.url, required, matched, missing, ratio: ratio(matched.length, required.length) };
  });

  const skillCategories = roles.skills(role.slug, lang).map((c, i) => {
    if (c.untranslated?.includes('name')) untranslated.push(`skillCategories[${i}].name`);
    const matchedBy = (skill: (typeof c.skills)[number]) => [
      ...new Set([...(bySkill.get(skill.slug) ?? []), ...skill.technologies.flatMap((t) => byTechnology.get(t.slug) ?? [])]),
    ];
    const required = c.skills.map(({ id, slug, name, kind, url }) => ({ id, slug, name, kind, url }));
    const matched = c.skills.filter((s) => matchedBy(s).length > 0).map((s) => ({ id: s.id, slug: s.slug, name: s.name, kind: s.kind, url: s.url, matchedBy: matchedBy(s) }));
    const missing = c.skills.filter((s) => matchedBy(s).length === 0).map(({ id, slug, name, kind, url }) => ({ id, slug, name, kind, url }));
    return { id: c.id, slug: c.slug, name: c.name, kind: c.kind, required, matched, missing, ratio: ratio(matched.length, required.length) };
  });

  const requiredTechnologies = new Set(responsibilities.flatMap((r) => r.required.map((t) => t.slug)));
  const technologies = { matched: [...requiredTechnologies].filter((slug) => byTechnology.has(slug)).length, required: requiredTechnologies.size };
  const skills = {
    matched: skillCategories.reduce((n, c) => n + c.matched.length, 0),
    required: skillCategories.reduce((n, c) => n + c.required.length, 0),
  };
  const overall = { matched: technologies.matched + skills.matched, required: technologies.required + skills.required };

  const result: SkillGap = {
    role: { id: ids.role(role.slug), slug: role.slug, name: refs.role(role.slug, lang).name, url: urls.role(role.slug) },
    recognized,
    unrecognized,
    responsibilities,
    skillCategories,
    missing: {
      responsibilities: responsibilities.filter((r) => r.missing.length > 0).map((r) => ({ id: r.id, slug: r.slug, name: r.name, url: r.url, technologies: r.missing })),
      skillCategories: skillCategories.filter((c) => c.missing.length > 0).map((c) => ({ id: c.id, slug: c.slug, name: c.name, skills: c.missing })),
    },
    coverage: {
      technologies: { ...technologies, ratio: ratio(technologies.matched, technologies.required) },
      skills: { ...skills, ratio: ratio(skills.matched, skills.required) },
      overall: { ...overall, ratio: ratio(overall.matched, overall.required) },
    },
  };
  return untranslated.length ? { ...result, untranslated } : result;
}
