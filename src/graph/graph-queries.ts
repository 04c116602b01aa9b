import { InvalidInputError, NotFoundError, type InvalidParameter } from '../model/domain-errors.js';
import type { Lang } from '../lib/language.js';
import type { GraphIndex } from './graph-index.js';
import { presentHop, presentNode } from './graph-presenter.js';
import { breadthFirst, shortestPath } from './graph-traversal.js';
import type { Direction, EdgeType } from '../model/graph-vocabulary.js';
import { presentNeighborhood } from './neighborhood.js';
import { type EntityFinders, resolveNode } from './resolve-node.js';

/**
 * The neighbourhood and path queries as the REST routes and the MCP tools both answer them: one place
 * resolves the nodes, walks the graph and raises the problems (unknown node, no path).
 */

export interface Walk {
  depth: number;
  direction: Direction;
  edge?: ReadonlySet<EdgeType>;
}

/** The centre node a client named (id, slug, name or alias), or a 404 naming it. */
export function centreNode(graph: GraphIndex, repositories: EntityFinders, node: string) {
  const centreId = resolveNode(graph, repositories, node);
  const centre = centreId === null ? undefined : graph.nodes.get(centreId);
  if (!centre) throw new NotFoundError('node', node);
  return centre;
}

/** Every node within `depth` hops of the centre, each with its walk, and every edge followed. */
export function neighborhoodOf(graph: GraphIndex, repositories: EntityFinders, node: string, walk: Walk, lang: Lang) {
  const centre = centreNode(graph, repositories, node);
  const traversal = breadthFirst(graph, centre.id, { maxDepth: walk.depth, direction: walk.direction, edgeTypes: walk.edge, collectEdges: true });
  return {
    node: presentNode(centre, lang),
    depth: walk.depth,
    direction: walk.direction,
    edgeTypes: walk.edge ? [...walk.edge] : null,
    ...presentNeighborhood(graph, traversal, lang),
  };
}

/** A shortest walk between two named nodes; a 400 naming each end that names no node, a 404 when none connects them. */
export function pathBetween(graph: GraphIndex, repositories: EntityFinders, query: { from: string; to: string; direction: Direction; edge?: ReadonlySet<EdgeType> }, lang: Lang) {
  const { direction, edge } = query;
  const resolved = { from: resolveNode(graph, repositories, query.from), to: resolveNode(graph, repositories, query.to) };
  const unknown = (['from', 'to'] as const).filter((name) => resolved[name] === null);
  if (unknown.length > 0) {
    const invalid = unknown.map((name): InvalidParameter => ({ name, in: 'query', reason: `no node "${query[name]}" exists` }));
    throw new InvalidInputError(
      {
        pl: unknown.map((name) => `Parametr zapytania „${name}”: brak węzła „${query[name]}”`).join('; '),
        en: invalid.map((p) => `query parameter "${p.name}": ${p.reason}`).join('; '),
      },
      invalid,
    );
  }
  const from = resolved.from!;
  const to = resolved.to!;
  const hops = shortestPath(graph, from, to, { direction, edgeTypes: edge });
  if (!hops) throw new NotFoundError('path', `${from} → ${to}${direction === 'both' ? '' : ` (direction ${direction})`}${edge ? ` (${[...edge].join(', ')})` : ''}`);
  const present = (id: string) => presentNode(graph.nodes.get(id)!, lang);
  return { from: present(from), to: present(to), length: hops.length, nodes: [from, ...hops.map((h) => h.to)].map(present), hops: hops.map(presentHop) };
}
