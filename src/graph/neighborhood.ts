import type { Lang } from '../lib/language.js';
import type { GraphIndex, IndexedEdge } from './graph-index.js';
import { nameOf, type PresentedEdge, type PresentedNode } from './graph-presenter.js';
import type { Traversal } from './graph-traversal.js';

type PresentedHop = { from: string; to: string; type: IndexedEdge['type']; direction: 'out' | 'in'; edge: string; source: IndexedEdge['source'] };

/**
 * Every node a breadth-first search reached, with its depth and its walk from the centre, and every
 * edge it followed, as the API presents them. A node's walk is its parent's walk plus one hop, so each
 * hop is built once and shared (a depth-2 neighbourhood on an ESCO-sized graph reaches thousands of
 * nodes through a few hundred first hops); nodes and edges are read from the index by number, and each
 * presented object is built once, in its final shape: a large neighbourhood is thousands of objects per
 * request, and each copy is garbage the collector has to promote or sweep.
 */
export function presentNeighborhood(index: GraphIndex, traversal: Traversal, lang: Lang): { nodes: (PresentedNode & { depth: number; path: PresentedHop[] })[]; edges: PresentedEdge[] } {
  const { order, depth, viaEdge, viaBackwards } = traversal;
  const edgeOf = new Map<number, IndexedEdge>();
  // An indexed edge already has the presented shape (presentEdge's fields, nothing more).
  const edge = (e: number): PresentedEdge => {
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
    const node = index.node(n);
    return { id: node.id, kind: node.kind, key: node.key, name: nameOf(node, lang), url: node.url, source: node.source, depth: depth[n], path };
  });
  const edges = Array.from(traversal.edges)
    .sort((a, b) => a - b)
    .map(edge);
  return { nodes, edges };
}
