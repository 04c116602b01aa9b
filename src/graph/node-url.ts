import { urls } from '../model/ids.js';
import type { NodeKind } from '../model/graph-vocabulary.js';

/**
 * Where the REST API serves the entity behind a node, or null when it has no resource of its own.
 * Categories are shared by every role that groups skills under them and have no endpoint (a role's
 * categories are listed at /roles/{role}/skills), and concepts have none either: both get null.
 */
export function nodeUrl(kind: NodeKind, key: string, comparisonRole: (comparisonKey: string) => string | undefined): string | null {
  switch (kind) {
    case 'role':
      return urls.role(key);
    case 'responsibility':
    case 'task': {
      // responsibility:role.responsibility, task:role.responsibility.position — slugs never hold a dot.
      const [role, responsibility] = key.split('.');
      return responsibility ? urls.responsibility(role, responsibility) : null;
    }
    case 'technology':
      return urls.technology(key);
    case 'skill':
      return urls.skill(key);
    case 'comparison': {
      const role = comparisonRole(key);
      return role ? urls.roleComparisons(role) : null;
    }
    case 'category':
    case 'concept':
      return null;
  }
}

/** The explorer's page of a graph node: the URL people open, share and embed. */
export function explorerPath(nodeId: string, lang?: string): string {
  // Node ids are `kind:key` with keys in [a-z0-9._-]: nothing in them needs escaping in a query.
  return `/?node=${nodeId}${lang ? `&lang=${lang}` : ''}`;
}
