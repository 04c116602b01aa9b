import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toCytoscape } from '../graph/graph-cytoscape.js';
import { toDot } from '../graph/graph-dot.js';
import { graphSvg } from '../graph/graph-svg.js';
import { GRAPH_MEDIA_TYPES, negotiateGraphFormat } from '../graph/graph-format.js';
import type { GraphIndex } from '../graph/graph-index.js';
import { appendVary } from '../http/vary.js';
import { presentEdge, presentHop, presentNode } from '../graph/graph-presenter.js';
import { selectSubgraph } from '../graph/graph-selection.js';
import { presentNeighborhood } from '../graph/neighborhood.js';
import { breadthFirst, shortestPath } from '../graph/graph-traversal.js';
import { nodeId } from '../graph/graph-vocabulary.js';
import { NotAcceptableError } from '../graph/not-acceptable-error.js';
import { BadRequestError, NotFoundError, type InvalidParameter } from '../http/errors.js';
import { problemResponses } from '../schemas/common.js';
import {
  cytoscapeGraphSchema,
  graphPathSchema,
  graphQuerySchema,
  graphSchema,
  neighborhoodSchema,
  neighborsQuerySchema,
  nodeIdSchema,
  pathQuerySchema,
} from '../schemas/graph.js';

const tags = ['graph'];
/** A whole ESCO-sized graph is ~100 MB of JSON: too much for one response, so larger selections must be narrowed. */
export const MAX_GRAPH_ELEMENTS = 50_000;
const svgSchema = z.string().describe('An SVG picture laid out by Graphviz: labels in the response language, nodes coloured by kind with a legend, each linked to its explorer page.');

const graphRoutes: FastifyPluginAsyncZod = async (app) => {
  // Built on first use, then shared by every request on this database handle.
  const graph = (): GraphIndex => app.data.current.graph;

  app.get(
    '/graph',
    {
      schema: {
        operationId: 'getGraph',
        tags,
        summary: 'Get the knowledge graph, whole or filtered',
        description:
          'Every entity a node `kind:key`, every relation a typed edge, each with its source line. ' +
          `At most ${MAX_GRAPH_ELEMENTS} nodes and edges at once (400 beyond that: narrow with kinds= or role=). ` +
          'As JSON, as Cytoscape.js elements (`Accept: application/vnd.cytoscape+json`), as Graphviz DOT (`Accept: text/vnd.graphviz`) or as an SVG picture laid out by Graphviz (`Accept: image/svg+xml`); `?format=` overrides Accept.',
        querystring: graphQuerySchema,
        response: {
          200: {
            description: 'The graph, in the negotiated representation.',
            content: {
              [GRAPH_MEDIA_TYPES.json]: { schema: graphSchema },
              [GRAPH_MEDIA_TYPES.cytoscape]: { schema: cytoscapeGraphSchema },
              [GRAPH_MEDIA_TYPES.dot]: { schema: z.string().describe('A Graphviz `digraph`: one line per node, then one per edge labelled with its type.') },
              [GRAPH_MEDIA_TYPES.svg]: { schema: svgSchema },
            },
          },
          ...problemResponses(400, 406),
        },
      },
    },
    async (request, reply) => {
      appendVary(reply, 'Accept');
      const { kinds, role, format: requested } = request.query;
      const format = requested ?? negotiateGraphFormat(request.headers.accept);
      if (!format) throw new NotAcceptableError(request.headers.accept ?? '', Object.values(GRAPH_MEDIA_TYPES));
      const roleId = role === undefined ? undefined : nodeId('role', role);
      if (roleId && !graph().has(roleId)) {
        throw new BadRequestError(`No role "${role}" exists.`, [{ name: 'role', in: 'query', reason: `no role "${role}" exists` }]);
      }
      const selected = selectSubgraph(graph(), { kinds, role: roleId });
      const size = selected.nodes.length + selected.edges.length;
      if (size > MAX_GRAPH_ELEMENTS) {
        throw new BadRequestError(
          `The selection holds ${selected.nodes.length} nodes and ${selected.edges.length} edges; at most ${MAX_GRAPH_ELEMENTS} are served at once. ` +
            'Narrow it with kinds= or role=, or walk it with /graph/nodes/{node}/neighbors.',
          [{ name: kinds ? 'kinds' : 'role', in: 'query', reason: `selects ${size} nodes and edges, more than ${MAX_GRAPH_ELEMENTS}` }],
        );
      }
      const body = { nodes: selected.nodes.map((n) => presentNode(n, request.lang)), edges: selected.edges.map(presentEdge) };
      if (format === 'dot') return reply.type(`${GRAPH_MEDIA_TYPES.dot}; charset=utf-8`).send(toDot(body));
      if (format === 'cytoscape') return reply.type(`${GRAPH_MEDIA_TYPES.cytoscape}; charset=utf-8`).send(toCytoscape(body));
      if (format === 'svg') return reply.type(`${GRAPH_MEDIA_TYPES.svg}; charset=utf-8`).send(await graphSvg(body, request.lang, app.data.current.dataVersion));
      return reply.type(`${GRAPH_MEDIA_TYPES.json}; charset=utf-8`).send(body);
    },
  );

  app.get(
    '/graph/nodes/:node/neighbors',
    {
      schema: {
        operationId: 'getNeighbors',
        tags,
        summary: "Get a node's neighbourhood",
        description:
          'Breadth-first up to `depth` hops; each node reached comes with its depth and a shortest walk from the centre, hop by hop with edge type, direction and source. ' +
          'The nodes and edges reached are also served as Cytoscape.js elements, Graphviz DOT or an SVG picture (Accept, or `?format=`).',
        params: z.object({ node: nodeIdSchema.describe('The centre node id, e.g. `technology:dvc`.') }),
        querystring: neighborsQuerySchema,
        response: {
          200: {
            description: 'The neighbourhood, in the negotiated representation.',
            content: {
              [GRAPH_MEDIA_TYPES.json]: { schema: neighborhoodSchema },
              [GRAPH_MEDIA_TYPES.cytoscape]: { schema: cytoscapeGraphSchema },
              [GRAPH_MEDIA_TYPES.dot]: { schema: z.string().describe('A Graphviz `digraph` of the nodes and edges reached.') },
              [GRAPH_MEDIA_TYPES.svg]: { schema: svgSchema },
            },
          },
          ...problemResponses(400, 404, 406),
        },
      },
    },
    async (request, reply) => {
      appendVary(reply, 'Accept');
      const format = request.query.format ?? negotiateGraphFormat(request.headers.accept);
      if (!format) throw new NotAcceptableError(request.headers.accept ?? '', Object.values(GRAPH_MEDIA_TYPES));
      const index = graph();
      const centre = index.nodes.get(request.params.node);
      if (!centre) throw new NotFoundError('node', request.params.node);
      const { depth, direction, edge } = request.query;
      const traversal = breadthFirst(index, centre.id, { maxDepth: depth, direction, edgeTypes: edge, collectEdges: true });
      if (format !== 'json') {
        const reached = { nodes: traversal.order.map((n) => presentNode(index.nodeList[n], request.lang)), edges: [...traversal.edges].sort((a, b) => a - b).map((e) => presentEdge(index.edges[e])) };
        if (format === 'cytoscape') return reply.type(`${GRAPH_MEDIA_TYPES.cytoscape}; charset=utf-8`).send(toCytoscape(reached));
        if (format === 'dot') return reply.type(`${GRAPH_MEDIA_TYPES.dot}; charset=utf-8`).send(toDot(reached));
        return reply.type(`${GRAPH_MEDIA_TYPES.svg}; charset=utf-8`).send(await graphSvg(reached, request.lang, app.data.current.dataVersion));
      }
      return reply.type(`${GRAPH_MEDIA_TYPES.json}; charset=utf-8`).send({
        node: presentNode(centre, request.lang),
        depth,
        direction,
        edgeTypes: edge ? [...edge] : null,
        ...presentNeighborhood(index, traversal, request.lang),
      });
    },
  );

  app.get(
    '/graph/path',
    {
      schema: {
        operationId: 'getPath',
        tags,
        summary: 'Find a shortest path between two nodes',
        description: 'Breadth-first, over undirected edges unless `direction` says otherwise; each hop with its edge type, the direction it was walked and its source line.',
        querystring: pathQuerySchema,
        response: { 200: graphPathSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const index = graph();
      const { from, to, direction, edge } = request.query;
      const unknown = (['from', 'to'] as const)
        .filter((name) => !index.has(request.query[name]))
        .map((name): InvalidParameter => ({ name, in: 'query', reason: `no node "${request.query[name]}" exists` }));
      if (unknown.length > 0) throw new BadRequestError(unknown.map((p) => `query parameter "${p.name}": ${p.reason}`).join('; '), unknown);
      const hops = shortestPath(index, from, to, { direction, edgeTypes: edge });
      if (!hops) throw new NotFoundError('path', `${from} → ${to}${direction === 'both' ? '' : ` (direction ${direction})`}${edge ? ` over ${[...edge].join(', ')}` : ''}`);
      const present = (id: string) => presentNode(index.nodes.get(id)!, request.lang);
      return { from: present(from), to: present(to), length: hops.length, nodes: [from, ...hops.map((h) => h.to)].map(present), hops: hops.map(presentHop) };
    },
  );
};

export default graphRoutes;
