import { NotFoundError } from '../model/domain-errors.js';
import { slugify } from '../lib/text.js';
import { ids, parseEntityId } from '../model/ids.js';
import type { GraphIndex } from './graph-index.js';

/** What resolving needs of the repositories (the data context's satisfy it): graph code sits below both. */
export interface EntityFinders {
  roles: { findRole(given: string): { slug: string } };
  catalog: { findTechnology(given: string): { slug: string }; findSkill(given: string): { slug: string } };
}

/**
 * The node an endpoint was given, as its id: a node id as is, or what the entity endpoints accept —
 * a slug, name or alias, with or without its `kind:` prefix (`role:Inżynier AI`, `k8s`,
 * `technology:Kubernetes`). Unprefixed, roles are tried first, then technologies, then skills.
 * Null when nothing matches.
 */
export function resolveNode(graph: GraphIndex, repositories: EntityFinders, given: string): string | null {
  if (graph.has(given)) return given;
  const parsed = parseEntityId(given);
  const finders = {
    role: (v: string) => ids.role(repositories.roles.findRole(v).slug),
    technology: (v: string) => ids.technology(repositories.catalog.findTechnology(v).slug),
    skill: (v: string) => ids.skill(repositories.catalog.findSkill(v).slug),
  };
  const attempt = (find: (v: string) => string, value: string) => {
    try {
      const id = find(value);
      return graph.has(id) ? id : null;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  };
  if (parsed) {
    if (parsed.kind in finders) return attempt(finders[parsed.kind as keyof typeof finders], parsed.key);
    const slugged = `${parsed.kind}:${parsed.key.split('.').map(slugify).join('.')}`;
    return graph.has(slugged) ? slugged : null;
  }
  for (const find of Object.values(finders)) {
    const id = attempt(find, given);
    if (id) return id;
  }
  return null;
}
