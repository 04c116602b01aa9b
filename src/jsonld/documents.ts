import type { Lang } from '../lib/language.js';
import type { Skill, Technology } from '../schemas/catalog.js';
import type { CategoryCodeNode, DefinedTermJsonLd, DefinedTermNode, DefinedTermSetNode, OccupationJsonLd } from '../schemas/jsonld.js';
import type { Crosswalk } from '../schemas/crosswalks.js';
import type { Responsibility, Role, RoleSkillCategory } from '../schemas/roles.js';
import { explorerPath } from '../graph/node-url.js';
import { jsonLdContext, jsonLdText } from './context.js';

/** Where the document is served: absolute identifiers need the origin, texts the language. */
export interface JsonLdTarget {
  origin: string;
  lang: Lang;
}

const TERM_SET_NAMES = {
  technologies: { pl: 'Technologie', en: 'Technologies' },
  skills: { pl: 'Umiejętności', en: 'Skills' },
} as const;

/** Skills and technologies are nodes shared by every role, so their set is the API's whole list, not one role's grouping. */
function termSet(collection: keyof typeof TERM_SET_NAMES, target: JsonLdTarget): DefinedTermSetNode {
  const id = `${target.origin}/${collection}`;
  return { '@type': 'DefinedTermSet', '@id': id, url: id, name: TERM_SET_NAMES[collection][target.lang] };
}

/** `url` is the page people read (the explorer), while `@id` stays the API resource. */
const humanPage = (nodeId: string, target: JsonLdTarget) => `${target.origin}${explorerPath(nodeId, target.lang)}`;

const fellBack = (untranslated: string[] | undefined, field: string) => untranslated?.includes(field) ?? false;

function skillTerm(skill: { slug: string; name: string; url: string }, nameFellBack: boolean, target: JsonLdTarget): DefinedTermNode {
  const id = `${target.origin}${skill.url}`;
  return { '@type': 'DefinedTerm', '@id': id, url: humanPage(`skill:${skill.slug}`, target), name: jsonLdText(skill.name, nameFellBack), termCode: skill.slug, inDefinedTermSet: termSet('skills', target) };
}

export function occupationJsonLd(role: Role, responsibilities: Responsibility[], skillCategories: RoleSkillCategory[], target: JsonLdTarget): OccupationJsonLd {
  const id = `${target.origin}${role.url}`;
  const skills = new Map<string, DefinedTermNode>();
  for (const category of skillCategories) {
    category.skills.forEach((skill, j) => {
      if (!skills.has(skill.slug)) skills.set(skill.slug, skillTerm(skill, fellBack(category.untranslated, `skills[${j}].name`), target));
    });
  }
  return {
    '@context': jsonLdContext(target.lang),
    '@type': 'Occupation',
    '@id': id,
    url: humanPage(`role:${role.slug}`, target),
    name: jsonLdText(role.name, fellBack(role.untranslated, 'name')),
    alternateName: role.aliases.map((a) => a.name),
    ...(role.definition ? { description: jsonLdText(role.definition.text, fellBack(role.untranslated, 'definition.text')) } : {}),
    responsibilities: responsibilities.map((r) => jsonLdText(r.name, fellBack(r.untranslated, 'name'))),
    skills: [...skills.values()],
    occupationalCategory: role.crosswalks.map(categoryCode),
  };
}

const CODE_SET_NAMES: Record<Crosswalk['scheme'], string> = { esco: 'ESCO occupations', 'isco-08': 'ISCO-08', 'onet-soc': 'O*NET-SOC 2019' };

function categoryCode(c: Crosswalk): CategoryCodeNode {
  return {
    '@type': 'CategoryCode',
    ...(c.uri ? { '@id': c.uri } : {}),
    codeValue: c.code ?? (c.uri as string),
    name: { '@value': c.label, '@language': 'en' },
    inCodeSet: { '@type': 'CategoryCodeSet', name: CODE_SET_NAMES[c.scheme] },
  };
}

export function technologyJsonLd(technology: Technology, target: JsonLdTarget): DefinedTermJsonLd {
  const id = `${target.origin}${technology.url}`;
  return {
    '@context': jsonLdContext(target.lang),
    '@type': 'DefinedTerm',
    '@id': id,
    url: humanPage(`technology:${technology.slug}`, target),
    // Technology names are proper names, served the same in every language.
    name: technology.name,
    termCode: technology.slug,
    alternateName: technology.aliases.map((a) => a.name),
    inDefinedTermSet: termSet('technologies', target),
  };
}

export function skillJsonLd(skill: Skill, target: JsonLdTarget): DefinedTermJsonLd {
  return { '@context': jsonLdContext(target.lang), ...skillTerm(skill, fellBack(skill.untranslated, 'name'), target) };
}
