import type { GraphIndex, IndexedEdge, IndexedNode } from './graph-index.js';
import { EDGE_TYPES, NODE_KINDS, type EdgeType, type NodeKind } from '../model/graph-vocabulary.js';

export interface Subgraph {
  nodes: IndexedNode[];
  edges: IndexedEdge[];
}

export interface GraphSelection {
  /** Keep only nodes of these kinds. */
  kinds?: ReadonlySet<NodeKind>;
  /** Keep only this role's subgraph (see roleSubgraphNumbers); a node id `role:…`. */
  role?: string;
}

/** The nodes the selection keeps, in index order, and every edge whose both ends are kept. */
export function selectSubgraph(index: GraphIndex, selection: GraphSelection): Subgraph {
  const inRole = selection.role ? roleSubgraphNumbers(index, selection.role) : null;
  const kinds = selection.kinds ? new Set([...selection.kinds].map((k) => NODE_KINDS.indexOf(k))) : null;
  const kept = new Uint8Array(index.nodeCount);
  const nodes: IndexedNode[] = [];
  for (let n = 0; n < index.nodeCount; n++) {
    if ((!kinds || kinds.has(index.nodeKind[n])) && (!inRole || inRole[n])) {
      kept[n] = 1;
      nodes.push(index.node(n));
    }
  }
  const edges: IndexedEdge[] = [];
  for (let e = 0; e < index.edgeCount; e++) if (kept[index.edgeFrom[e]] && kept[index.edgeTo[e]]) edges.push(index.edge(e));
  return { nodes, edges };
}

const ROLE = NODE_KINDS.indexOf('role');
const type = (name: EdgeType) => EDGE_TYPES.indexOf(name);
const COMPARED_WITH = type('compared_with');
const CONTRASTED_WITH = type('contrasted_with');
const COMPARES = type('compares');

/**
 * A role's subgraph: the role; everything reachable from it along outgoing edges (responsibilities,
 * tasks, technologies, concepts, skills, categories), where another role is kept but not expanded,
 * so a comparison does not pull in the other role's whole subgraph; every comparison that `compares`
 * the role, with the roles it compares; and every role linked to it by `compared_with` or
 * `contrasted_with` in either direction.
 * One flag per node number.
 */
function roleSubgraphNumbers(index: GraphIndex, role: string): Uint8Array {
  const kept = new Uint8Array(index.nodeCount);
  const origin = index.numberOf.get(role);
  if (origin === undefined) return kept;
  kept[origin] = 1;
  const queue = [origin];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    if (current !== origin && index.nodeKind[current] === ROLE) continue;
    for (let i = index.outStart[current]; i < index.outStart[current + 1]; i++) {
      const to = index.edgeTo[index.outEdges[i]];
      if (kept[to]) continue;
      kept[to] = 1;
      queue.push(to);
    }
  }
  for (let i = index.inStart[origin]; i < index.inStart[origin + 1]; i++) {
    const edge = index.inEdges[i];
    const from = index.edgeFrom[edge];
    const t = index.edgeType[edge];
    if (t === COMPARED_WITH || t === CONTRASTED_WITH) kept[from] = 1;
    if (t === COMPARES) {
      kept[from] = 1;
      for (let k = index.outStart[from]; k < index.outStart[from + 1]; k++) {
        const side = index.outEdges[k];
        if (index.edgeType[side] === COMPARES) kept[index.edgeTo[side]] = 1;
      }
    }
  }
  return kept;
}
