/** The node kinds and edge types the graph views (migrations/0001_graph_views.sql) produce. */

export const NODE_KINDS = ['role', 'responsibility', 'task', 'technology', 'skill', 'category', 'concept', 'comparison'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_TYPES = [
  'has_responsibility',
  'has_task',
  'uses_technology',
  'mentions_technology',
  'mentions_concept',
  'requires_skill',
  'in_category',
  'involves_technology',
  'compared_with',
  'compares',
  'uses_tool',
  'contrasted_with',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export const DIRECTIONS = ['out', 'in', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];


export function nodeId(kind: string, key: string): string {
  return `${kind}:${key}`;
}
