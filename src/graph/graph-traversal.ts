import type { GraphIndex, IndexedEdge } from './graph-index.js';
import { EDGE_TYPES, type Direction, type EdgeType } from '../model/graph-vocabulary.js';

/** One step of a walk: `out` follows the edge as stated (from → to), `in` walks it backwards. */
export interface Hop {
  from: string;
  to: string;
  edge: IndexedEdge;
  direction: 'out' | 'in';
}

export interface TraversalOptions {
  direction: Direction;
  /** Only edges of these types; every type when absent. */
  edgeTypes?: ReadonlySet<EdgeType>;
  /** Stop expanding past this many hops. */
  maxDepth?: number;
  /** Stop as soon as this node is reached. */
  target?: string;
  /** Record the edges followed (for a neighbourhood; a path needs only the walk). */
  collectEdges?: boolean;
}

/** What a breadth-first search found, by node number: see reachedIds, depthOf and walkTo. */
export interface Traversal {
  index: GraphIndex;
  /** Node numbers in the order they were reached, the start first. */
  order: number[];
  /** Hops from the start, -1 when not reached. */
  depth: Int32Array;
  /** The edge that first reached each node, and whether it was walked backwards. */
  viaEdge: Int32Array;
  viaBackwards: Uint8Array;
  /** With collectEdges: every edge followed from an expanded node, including those back into the visited set. */
  edges: Set<number>;
}

/** Breadth-first from `start`: each node is reached first along a shortest walk, and that walk is kept. */
export function breadthFirst(index: GraphIndex, start: string, options: TraversalOptions): Traversal {
  const { direction, edgeTypes, maxDepth = Infinity, collectEdges = false } = options;
  const count = index.nodeCount;
  const origin = index.numberOf.get(start);
  if (origin === undefined) throw new Error(`no node ${start}`);
  const target = options.target === undefined ? -1 : (index.numberOf.get(options.target) ?? -2);
  const allowed = EDGE_TYPES.map((type) => !edgeTypes || edgeTypes.has(type));
  const depth = new Int32Array(count).fill(-1);
  const viaEdge = new Int32Array(count).fill(-1);
  const viaBackwards = new Uint8Array(count);
  const order = [origin];
  const edges = new Set<number>();
  depth[origin] = 0;
  const passes: [Int32Array, Int32Array, Int32Array, number][] = [];
  if (direction !== 'in') passes.push([index.outStart, index.outEdges, index.edgeTo, 0]);
  if (direction !== 'out') passes.push([index.inStart, index.inEdges, index.edgeFrom, 1]);

  search: for (let head = 0; head < order.length && origin !== target; head++) {
    const node = order[head];
    if (depth[node] >= maxDepth) continue;
    for (const [start, list, otherEnd, backwards] of passes) {
      for (let i = start[node]; i < start[node + 1]; i++) {
        const edge = list[i];
        if (!allowed[index.edgeType[edge]]) continue;
        if (collectEdges) edges.add(edge);
        const next = otherEnd[edge];
        if (depth[next] !== -1) continue;
        depth[next] = depth[node] + 1;
        viaEdge[next] = edge;
        viaBackwards[next] = backwards;
        order.push(next);
        if (next === target) break search;
      }
    }
  }
  return { index, order, depth, viaEdge, viaBackwards, edges };
}

/** The hops from the start to `node`, in walking order; null when the traversal never reached it. */
export function walkTo(traversal: Traversal, node: string): Hop[] | null {
  const { index, depth, viaEdge, viaBackwards } = traversal;
  const end = index.numberOf.get(node);
  if (end === undefined || depth[end] === -1) return null;
  let n = end;
  const hops: Hop[] = [];
  while (viaEdge[n] !== -1) {
    const e = viaEdge[n];
    const edge = index.edge(e);
    const from: number = viaBackwards[n] ? index.edgeTo[e] : index.edgeFrom[e];
    hops.push({ from: index.ids[from], to: index.ids[n], edge, direction: viaBackwards[n] ? 'in' : 'out' });
    n = from;
  }
  return hops.reverse();
}

/** A shortest walk between two nodes, or null when none exists under the options. */
export function shortestPath(index: GraphIndex, from: string, to: string, options: Omit<TraversalOptions, 'target' | 'maxDepth'>): Hop[] | null {
  return walkTo(breadthFirst(index, from, { ...options, target: to }), to);
}
