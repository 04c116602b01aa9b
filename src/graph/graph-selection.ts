import type { GraphIndex, IndexedEdge, IndexedNode } from './graph-index.js';
import type { NodeKind } from './graph-vocabulary.js';

export interface Subgraph {
  nodes: IndexedNode[];
  edges: IndexedEdge[];
}

export interface GraphSelection {
  /** Keep only nodes of these kinds. */
  kinds?: ReadonlySet<NodeKind>;
  /** Keep only this role's subgraph (see roleSubgraph); a node id `role:…`. */
  role?: string;
}

/** The nodes the selection keeps, in index order, and every edge whose both ends are kept. */
export function selectSubgraph(index: GraphIndex, selection: GraphSelection): Subgraph {
  const inRole = selection.role ? roleSubgraph(index, selection.role) : null;
  const nodes = [...index.nodes.values()].filter((n) => (!selection.kinds || selection.kinds.has(n.kind)) && (!inRole || inRole.has(n.id)));
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: index.edges.filter((e) => kept.has(e.from) && kept.has(e.to)) };
}

/**
 * A role's subgraph: the role; everything reachable from it along outgoing edges (responsibilities,
 * tasks, technologies, concepts, skills, categories), where another role is kept but not expanded,
 * so a comparison does not pull in the other role's whole subgraph; every comparison that `compares`
 * the role, with the roles it compares; and every role linked to it by `compared_with` or
 * `contrasted_with` in either direction.
 */
export function roleSubgraph(index: GraphIndex, role: string): Set<string> {
  const kept = new Set<string>([role]);
  const queue = [role];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    if (current !== role && index.nodes.get(current)?.kind === 'role') continue;
    for (const edge of index.out(current)) {
      if (kept.has(edge.to)) continue;
      kept.add(edge.to);
      queue.push(edge.to);
    }
  }
  for (const edge of index.in(role)) {
    if (edge.type === 'compared_with' || edge.type === 'contrasted_with') kept.add(edge.from);
    if (edge.type === 'compares') {
      kept.add(edge.from);
      for (const side of index.out(edge.from)) if (side.type === 'compares') kept.add(side.to);
    }
  }
  return kept;
}
