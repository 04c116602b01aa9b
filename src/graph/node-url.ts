import type { NodeKind } from './graph-vocabulary.js';

/**
 * Where the REST API serves the entity behind a node, or null when it has no resource of its own.
 * Categories are shared by every role that groups skills under them and have no endpoint (a role's
 * categories are listed at /roles/{role}/skills), and concepts have none either: both get null.
 */
export function nodeUrl(kind: NodeKind, key: string, comparisonRole: (comparisonKey: string) => string | undefined): string | null {
  switch (kind) {
    case 'role':
      return `/roles/${key}`;
    case 'responsibility':
    case 'task': {
      // responsibility:role.responsibility, task:role.responsibility.position — slugs never hold a dot.
      const [role, responsibility] = key.split('.');
      return responsibility ? `/roles/${role}/responsibilities/${responsibility}` : null;
    }
    case 'technology':
      return `/technologies/${key}`;
    case 'skill':
      return `/skills/${key}`;
    case 'comparison': {
      const role = comparisonRole(key);
      return role ? `/roles/${role}/comparisons` : null;
    }
    case 'category':
    case 'concept':
      return null;
  }
}
