import type { Lang } from '../http/language.js';
import type { GraphIndex, IndexedEdge } from './graph-index.js';
import { presentEdge, presentNode, type PresentedNode } from './graph-presenter.js';
import type { Traversal } from './graph-traversal.js';

type PresentedHop = { from: string; to: string; type: IndexedEdge['type']; direction: 'out' | 'in'; edge: string; source: IndexedEdge['source'] };

/**
 * Every node a breadth-first search reached, with its depth and its walk from the centre, and every
 * edge it followed, as the API presents them. A node's walk is its parent's walk plus one hop, so each
 * hop is built once and shared (a depth-2 neighbourhood on an ESCO-sized graph reaches thousands of
 * nodes through a few hundred first hops); nodes and edges are read from the index by number.
 */
export function presentNeighborhood(index: GraphIndex, traversal: Traversal, lang: Lang): { nodes: (PresentedNode & { depth: number; path: PresentedHop[] })[]; edges: ReturnType<typeof presentEdge>[] } {
  const { order, depth, viaEdge, viaBackwards } = traversal;
  const edgeOf = new Map<number, IndexedEdge>();
  const edge = (e: number) => {
    let found = edgeOf.get(e);
    if (!found) edgeOf.set(e, (found = index.edge(e)));
    return found;
  };
  const pathOf = new Map<number, PresentedHop[]>();
  const nodes = order.map((n) => {
    let path: PresentedHop[] = [];
    const e = viaEdge[n];
    if (e !== -1) {
      const backwards = viaBackwards[n] === 1;
      const parent = backwards ? index.edgeTo[e] : index.edgeFrom[e];
      const via = edge(e);
      path = [...pathOf.get(parent)!, { from: index.ids[parent], to: index.ids[n], type: via.type, direction: backwards ? 'in' : 'out', edge: via.id, source: via.source }];
    }
    pathOf.set(n, path);
    return { ...presentNode(index.node(n), lang), depth: depth[n], path };
  });
  const edges = Array.from(traversal.edges)
    .sort((a, b) => a - b)
    .map((e) => presentEdge(edge(e)));
  return { nodes, edges };
}
