import { InvalidInputError } from '../model/domain-errors.js';
import type { Lang } from '../lib/language.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import type { RoleComparison } from '../schemas/analysis.js';
import { USAGE_KINDS } from '../schemas/roles.js';
import { urls } from '../model/ids.js';

type Side = 'a' | 'b';

/** Shared and distinct technologies and skills of two roles, and what a document says sets them apart. */
export function compareRoles(roles: RolesRepository, aIdentifier: string, bIdentifier: string, lang: Lang): RoleComparison {
  const a = roles.findRole(aIdentifier);
  const b = roles.findRole(bIdentifier);
  if (a.id === b.id) {
    throw new InvalidInputError({ pl: `Parametry ścieżki „a” i „b” wskazują tę samą rolę „${a.slug}”; porównaj dwie różne role.`, en: `Path parameters "a" and "b" name the same role "${a.slug}"; compare two different roles.` }, [
      { name: 'b', in: 'path', reason: `names the same role as "a" (${a.slug})` },
    ]);
  }
  const untranslated: string[] = [];
  const roleA = roles.get(a.slug, lang);
  const roleB = roles.get(b.slug, lang);

  const technologies = split(
    { a: roles.technologies(a.slug, lang), b: roles.technologies(b.slug, lang) },
    (t) => t.slug,
    (t, other) => {
      const kinds = (side: typeof t | undefined) => USAGE_KINDS.filter((k) => side?.usages.some((u) => u.via === k));
      return { id: t.id, slug: t.slug, name: t.name, kind: t.kind, url: t.url, via: other.side === 'a' ? { a: kinds(other.item), b: kinds(t) } : { a: kinds(t), b: kinds(other.item) } };
    },
  );

  const flatSkills = (identifier: string) =>
    roles.skills(identifier, lang).flatMap((category) =>
      category.skills.map((skill) => ({ skill, category: { id: category.id, slug: category.slug, name: category.name } })),
    );
  const skills = split(
    { a: flatSkills(a.slug), b: flatSkills(b.slug) },
    (x) => x.skill.slug,
    (x, other) => {
      const { id, slug, name, kind, url } = x.skill;
      const mine = x.category;
      const theirs = other.item?.category ?? null;
      return { id, slug, name, kind, url, category: other.side === 'a' ? { a: theirs, b: mine } : { a: mine, b: theirs } };
    },
  );

  const comparison = roles.comparisons(a.slug, lang).find((c) => c.roles.some((r) => r.slug === b.slug));
  let statedDifferences: RoleComparison['statedDifferences'] = null;
  if (comparison) {
    const sideOf = (slug: string, as: Side) => {
      const index = comparison.sides.findIndex((x) => x.role.slug === slug);
      const side = comparison.sides[index];
      for (const field of comparison.untranslated ?? []) {
        const prefix = `sides[${index}].`;
        if (field.startsWith(prefix)) untranslated.push(`statedDifferences.${as}.${field.slice(prefix.length)}`);
      }
      return { label: null, text: side.text, focus: side.focus, keyQuestion: side.keyQuestion, tools: side.tools, source: side.source };
    };
    if (comparison.untranslated?.includes('title')) untranslated.push('statedDifferences.title');
    statedDifferences = { kind: 'comparison', id: comparison.id, slug: comparison.slug, title: comparison.title, url: comparison.url, a: sideOf(a.slug, 'a'), b: sideOf(b.slug, 'b'), source: comparison.source };
  } else {
    statedDifferences = analogyBetween(roleA, a.slug, b.slug, untranslated);
  }

  if (roleA.untranslated?.includes('name')) untranslated.push('a.name');
  if (roleB.untranslated?.includes('name')) untranslated.push('b.name');
  const result: RoleComparison = {
    a: { id: roleA.id, slug: roleA.slug, name: roleA.name, url: roleA.url },
    b: { id: roleB.id, slug: roleB.slug, name: roleB.name, url: roleB.url },
    technologies,
    skills,
    statedDifferences,
  };
  return untranslated.length ? { ...result, untranslated } : result;
}

type RoleDetail = ReturnType<RolesRepository['get']>;

/**
 * An analogy that puts both roles side by side ("AI Scientist (Naukowiec): …", "AI Engineer (Inżynier
 * Budowy): …") states how they differ as much as a "vs." section does; the role's own description
 * lists every analogy it takes part in, whichever role's document holds it.
 */
function analogyBetween(role: RoleDetail, aSlug: string, bSlug: string, untranslated: string[]): RoleComparison['statedDifferences'] {
  const index = role.analogies.findIndex((an) => an.sides.some((x) => x.role.slug === aSlug) && an.sides.some((x) => x.role.slug === bSlug));
  if (index < 0) return null;
  const analogy = role.analogies[index];
  const prefix = `analogies[${index}].`;
  const sideOf = (slug: string, as: Side) => {
    const at = analogy.sides.findIndex((x) => x.role.slug === slug);
    const side = analogy.sides[at];
    for (const field of role.untranslated ?? []) {
      const sidePrefix = `${prefix}sides[${at}].`;
      if (field.startsWith(sidePrefix) && !field.endsWith('.role.name')) untranslated.push(`statedDifferences.${as}.${field.slice(sidePrefix.length)}`);
    }
    return { label: side.label, text: side.text, focus: null, keyQuestion: null, tools: [], source: side.source };
  };
  if (role.untranslated?.includes(`${prefix}title`)) untranslated.push('statedDifferences.title');
  return {
    kind: 'analogy',
    id: null,
    // Named like a comparison ("ai-engineer-vs-data-scientist"), sides in the document's order: the same in every language.
    slug: `${analogy.sides.map((x) => x.role.slug).join('-vs-')}-analogy`,
    title: analogy.title,
    url: urls.role(role.slug),
    a: sideOf(aSlug, 'a'),
    b: sideOf(bSlug, 'b'),
    source: analogy.source,
  };
}

/**
 * Splits two ordered lists by key into shared (in a's order), only-a and only-b. `describe` gets the
 * item and its counterpart on the other side (undefined when there is none).
 */
function split<T, R>(
  lists: Record<Side, T[]>,
  key: (item: T) => string,
  describe: (item: T, other: { side: Side; item: T | undefined }) => R,
): { shared: R[]; onlyA: R[]; onlyB: R[] } {
  const bByKey = new Map(lists.b.map((x) => [key(x), x]));
  const aKeys = new Set(lists.a.map(key));
  return {
    shared: lists.a.filter((x) => bByKey.has(key(x))).map((x) => describe(x, { side: 'b', item: bByKey.get(key(x)) })),
    onlyA: lists.a.filter((x) => !bByKey.has(key(x))).map((x) => describe(x, { side: 'b', item: undefined })),
    onlyB: lists.b.filter((x) => !aKeys.has(key(x))).map((x) => describe(x, { side: 'a', item: undefined })),
  };
}
