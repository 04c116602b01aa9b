import type { Lang } from '../lib/language.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import type { RoleCard } from '../schemas/card.js';
import { explorerPath } from '../graph/node-url.js';

/** The first sentence: a card shows one, the role resource has the whole definition. */
export function firstSentence(text: string): string {
  const match = /^.+?[.!?](?=\s+\p{Lu}|\s*$)/su.exec(text.trim());
  return (match ? match[0] : text).trim();
}

/** What a role card shows, projected from the role and its responsibilities. */
export function roleCard(roles: RolesRepository, identifier: string, lang: Lang): RoleCard {
  const role = roles.get(identifier, lang);
  const responsibilities = roles.responsibilities(role.slug, lang);
  return {
    id: role.id,
    slug: role.slug,
    name: role.name,
    definition: role.definition ? firstSentence(role.definition.text) : null,
    responsibilities: responsibilities.map((r) => ({
      slug: r.slug,
      name: r.name,
      technologies: r.technologies.map((t) => ({ id: t.id, name: t.name })),
    })),
    occupations: role.crosswalks.map(({ scheme, code, uri, label, match }) => ({ scheme, code, uri, label, match })),
    counts: role.counts,
    links: {
      role: role.url,
      ...role.links,
      explorer: explorerPath(`role:${role.slug}`),
    },
  };
}
