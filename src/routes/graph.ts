import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toCytoscape } from '../graph/graph-cytoscape.js';
import { toDot } from '../graph/graph-dot.js';
import { GRAPH_MEDIA_TYPES, negotiateGraphFormat } from '../graph/graph-format.js';
import { graphSvg } from '../graph/graph-svg.js';
import type { GraphIndex } from '../graph/graph-index.js';
import { sendSerialized } from '../http/send-serialized.js';
import { appendVary } from '../http/vary.js';
import { presentEdge, presentNode } from '../graph/graph-presenter.js';
import { selectSubgraph } from '../graph/graph-selection.js';
import { centreNode, neighborhoodOf, pathBetween } from '../graph/graph-queries.js';
import { breadthFirst } from '../graph/graph-traversal.js';
import { resolveNode } from '../graph/resolve-node.js';
import { InvalidInputError, NotAcceptableError } from '../model/domain-errors.js';
import type { NodeKind } from '../model/graph-vocabulary.js';
import type { Lang } from '../lib/language.js';
import { problemResponses } from '../schemas/common.js';
import {
  graphRepresentationQuerySchema,
  cytoscapeGraphSchema,
  graphPathSchema,
  graphQuerySchema,
  graphSchema,
  neighborhoodSchema,
  neighborsQuerySchema,
  neighborsRepresentationQuerySchema,
  neighborsParamsSchema,
  pathQuerySchema,
} from '../schemas/graph.js';

const tags = ['graph'];
const svgSchema = z.string().describe('An SVG picture laid out by Graphviz: labels in the response language, nodes coloured by kind with a legend, each linked to its explorer page.');
const dotSchema = z.string().describe('A Graphviz `digraph`: one line per node, then one per edge labelled with its type.');
/** A whole ESCO-sized graph is ~100 MB of JSON: too much for one response, so larger selections must be narrowed. */
export const MAX_GRAPH_ELEMENTS = 50_000;

const graphRoutes: FastifyPluginAsyncZod = async (app) => {
  // Built on first use, then shared by every request on this database handle.
  const graph = (): GraphIndex => app.data.current.graph;

  /** The parameter that narrows a selection: the one the client used, else `kinds`. */
  const narrowingParameter = (query: { kinds?: unknown; role?: unknown }) => (query.role !== undefined && query.kinds === undefined ? 'role' : 'kinds');

  /** The selected subgraph as JSON, or a 400 naming the parameter that selects too much or an unknown role. */
  function selectedGraph(query: { kinds?: Set<NodeKind>; role?: string }, lang: Lang) {
    const { kinds, role } = query;
    const roleId = role === undefined ? undefined : (resolveNode(graph(), app.repositories, role.includes(':') ? role : `role:${role}`) ?? '');
    if (roleId !== undefined && !roleId.startsWith('role:')) {
      throw new InvalidInputError({ pl: `Brak roli „${role}”.`, en: `No role "${role}" exists.` }, [{ name: 'role', in: 'query', reason: `no role "${role}" exists` }]);
    }
    const selected = selectSubgraph(graph(), { kinds, role: roleId });
    const size = selected.nodes.length + selected.edges.length;
    if (size > MAX_GRAPH_ELEMENTS) {
      throw new InvalidInputError(
        {
          pl: `Wybór obejmuje ${selected.nodes.length} węzłów i ${selected.edges.length} krawędzi; naraz serwer wydaje najwyżej ${MAX_GRAPH_ELEMENTS}. Zawęź go przez kinds= lub role=, albo przechodź graf przez /graph/nodes/{node}/neighbors.`,
          en:
            `The selection holds ${selected.nodes.length} nodes and ${selected.edges.length} edges; at most ${MAX_GRAPH_ELEMENTS} are served at once. ` +
            'Narrow it with kinds= or role=, or walk it with /graph/nodes/{node}/neighbors.',
        },
        [{ name: narrowingParameter(query), in: 'query', reason: `selects ${size} nodes and edges, more than ${MAX_GRAPH_ELEMENTS}` }],
      );
    }
    return { nodes: selected.nodes.map((n) => presentNode(n, lang)), edges: selected.edges.map(presentEdge) };
  }

  const selection =
    'Every entity a node `kind:key`, every relation a typed edge, each with its source line. ' +
    `At most ${MAX_GRAPH_ELEMENTS} nodes and edges at once (400 beyond that: narrow with kinds= or role=).`;

  app.get(
    '/graph',
    {
      schema: {
        operationId: 'getGraph',
        'x-example-request': { url: '/graph?role=data-analyst&kinds=role,comparison&lang=en' },
        tags,
        summary: 'Get the knowledge graph, whole or filtered',
        description:
          `${selection} Other representations are operations of their own, one path segment further: ` +
          '`/graph/cytoscape` (Cytoscape.js elements), `/graph/dot` (Graphviz DOT) and `/graph/svg` (a picture laid out by Graphviz). Here, `Accept` or `?format=` also negotiate them.',
        querystring: graphQuerySchema,
        response: {
          200: { description: 'The graph as nodes and edges.', content: { [GRAPH_MEDIA_TYPES.json]: { schema: graphSchema } } },
          ...problemResponses(400, 406),
        },
      },
    },
    async (request, reply) => {
      appendVary(reply, 'Accept');
      const format = request.query.format ?? negotiateGraphFormat(request.headers.accept);
      if (!format) throw new NotAcceptableError(Object.values(GRAPH_MEDIA_TYPES));
      const body = selectedGraph(request.query, request.lang);
      if (format === 'dot') return sendSerialized(reply, GRAPH_MEDIA_TYPES.dot, toDot(body));
      if (format === 'cytoscape') return sendSerialized(reply, GRAPH_MEDIA_TYPES.cytoscape, JSON.stringify(toCytoscape(body)));
      if (format === 'svg') return sendSerialized(reply, GRAPH_MEDIA_TYPES.svg, await graphSvg(body, request.lang, app.data.current.dataVersion, narrowingParameter(request.query)));
      return reply.type(`${GRAPH_MEDIA_TYPES.json}; charset=utf-8`).send(body);
    },
  );

  app.get(
    '/graph/cytoscape',
    {
      schema: {
        operationId: 'getGraphCytoscape',
        'x-example-request': { url: '/graph/cytoscape?role=data-analyst&kinds=role,comparison&lang=en' },
        tags,
        summary: 'Get the knowledge graph as Cytoscape.js elements',
        description: selection,
        querystring: graphRepresentationQuerySchema,
        response: {
          200: { description: 'The graph as Cytoscape.js elements.', content: { [GRAPH_MEDIA_TYPES.cytoscape]: { schema: cytoscapeGraphSchema } } },
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => reply.type(`${GRAPH_MEDIA_TYPES.cytoscape}; charset=utf-8`).send(toCytoscape(selectedGraph(request.query, request.lang))),
  );

  app.get(
    '/graph/dot',
    {
      schema: {
        operationId: 'getGraphDot',
        'x-example-request': { url: '/graph/dot?role=data-analyst&kinds=role,comparison&lang=en' },
        tags,
        summary: 'Get the knowledge graph as Graphviz DOT',
        description: `${selection} Render it with \`dot -Tsvg\`.`,
        querystring: graphRepresentationQuerySchema,
        response: {
          200: {
            description: 'The graph as a Graphviz digraph.',
            content: { [GRAPH_MEDIA_TYPES.dot]: { schema: dotSchema } },
          },
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => reply.type(`${GRAPH_MEDIA_TYPES.dot}; charset=utf-8`).send(toDot(selectedGraph(request.query, request.lang))),
  );

  app.get(
    '/graph/svg',
    {
      schema: {
        operationId: 'getGraphSvg',
        tags,
        summary: 'Get the knowledge graph as an SVG picture',
        description: `${selection} Laid out by Graphviz (compiled to WebAssembly) once per data version; a picture holds at most the elements Graphviz lays out quickly (400 beyond that).`,
        querystring: graphRepresentationQuerySchema,
        response: { 200: { description: 'The graph as an SVG picture.', content: { [GRAPH_MEDIA_TYPES.svg]: { schema: svgSchema } } }, ...problemResponses(400) },
      },
    },
    async (request, reply) => sendSerialized(reply, GRAPH_MEDIA_TYPES.svg, await graphSvg(selectedGraph(request.query, request.lang), request.lang, app.data.current.dataVersion, narrowingParameter(request.query))),
  );

  /** The centre node a path segment names (id, slug, name or alias), or a 404. */
  const centreOf = (node: string) => centreNode(graph(), app.repositories, node);

  type NeighborsQuery = z.infer<typeof neighborsRepresentationQuerySchema>;

  /** The nodes and edges a walk reaches, as a graph of its own (for Cytoscape, DOT and SVG). */
  function reachedGraph(node: string, query: NeighborsQuery, lang: Lang) {
    const index = graph();
    const centre = centreOf(node);
    const traversal = breadthFirst(index, centre.id, { maxDepth: query.depth, direction: query.direction, edgeTypes: query.edge, collectEdges: true });
    return {
      nodes: traversal.order.map((n) => presentNode(index.nodeList[n], lang)),
      edges: [...traversal.edges].sort((a, b) => a - b).map((e) => presentEdge(index.edges[e])),
    };
  }

  const walk = 'Breadth-first up to `depth` hops from the centre node.';

  app.get(
    '/graph/nodes/:node/neighbors',
    {
      schema: {
        operationId: 'getNeighbors',
        'x-example-request': { url: '/graph/nodes/technology:airflow/neighbors?lang=en' },
        tags,
        summary: "Get a node's neighbourhood",
        description:
          `${walk} Each node reached comes with its depth and a shortest walk from the centre, hop by hop with edge type, direction and source. ` +
          'The nodes and edges reached are also operations of their own, one path segment further: `/cytoscape`, `/dot` and `/svg`. Here, `Accept` or `?format=` also negotiate them.',
        params: neighborsParamsSchema,
        querystring: neighborsQuerySchema,
        response: { 200: { description: 'The neighbourhood.', content: { [GRAPH_MEDIA_TYPES.json]: { schema: neighborhoodSchema } } }, ...problemResponses(400, 404, 406) },
      },
    },
    async (request, reply) => {
      appendVary(reply, 'Accept');
      const format = request.query.format ?? negotiateGraphFormat(request.headers.accept);
      if (!format) throw new NotAcceptableError(Object.values(GRAPH_MEDIA_TYPES));
      if (format !== 'json') {
        const reached = reachedGraph(request.params.node, request.query, request.lang);
        if (format === 'cytoscape') return sendSerialized(reply, GRAPH_MEDIA_TYPES.cytoscape, JSON.stringify(toCytoscape(reached)));
        if (format === 'dot') return sendSerialized(reply, GRAPH_MEDIA_TYPES.dot, toDot(reached));
        return sendSerialized(reply, GRAPH_MEDIA_TYPES.svg, await graphSvg(reached, request.lang, app.data.current.dataVersion, 'depth'));
      }
      const { depth, direction, edge } = request.query;
      return reply.type(`${GRAPH_MEDIA_TYPES.json}; charset=utf-8`).send(neighborhoodOf(graph(), app.repositories, request.params.node, { depth, direction, edge }, request.lang));
    },
  );

  app.get(
    '/graph/nodes/:node/neighbors/cytoscape',
    {
      schema: {
        operationId: 'getNeighborsCytoscape',
        tags,
        summary: "Get a node's neighbourhood as Cytoscape.js elements",
        description: walk,
        params: neighborsParamsSchema,
        querystring: neighborsRepresentationQuerySchema,
        response: { 200: { description: 'The nodes and edges reached, as Cytoscape.js elements.', content: { [GRAPH_MEDIA_TYPES.cytoscape]: { schema: cytoscapeGraphSchema } } }, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => reply.type(`${GRAPH_MEDIA_TYPES.cytoscape}; charset=utf-8`).send(toCytoscape(reachedGraph(request.params.node, request.query, request.lang))),
  );

  app.get(
    '/graph/nodes/:node/neighbors/dot',
    {
      schema: {
        operationId: 'getNeighborsDot',
        tags,
        summary: "Get a node's neighbourhood as Graphviz DOT",
        description: walk,
        params: neighborsParamsSchema,
        querystring: neighborsRepresentationQuerySchema,
        response: { 200: { description: 'The nodes and edges reached, as a Graphviz digraph.', content: { [GRAPH_MEDIA_TYPES.dot]: { schema: dotSchema } } }, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => reply.type(`${GRAPH_MEDIA_TYPES.dot}; charset=utf-8`).send(toDot(reachedGraph(request.params.node, request.query, request.lang))),
  );

  app.get(
    '/graph/nodes/:node/neighbors/svg',
    {
      schema: {
        operationId: 'getNeighborsSvg',
        tags,
        summary: "Get a node's neighbourhood as an SVG picture",
        description: `${walk} Laid out by Graphviz (compiled to WebAssembly) once per data version.`,
        params: neighborsParamsSchema,
        querystring: neighborsRepresentationQuerySchema,
        response: { 200: { description: 'The nodes and edges reached, as an SVG picture.', content: { [GRAPH_MEDIA_TYPES.svg]: { schema: svgSchema } } }, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) =>
      sendSerialized(reply, GRAPH_MEDIA_TYPES.svg, await graphSvg(reachedGraph(request.params.node, request.query, request.lang), request.lang, app.data.current.dataVersion, 'depth')),
  );

  app.get(
    '/graph/path',
    {
      schema: {
        operationId: 'getPath',
        'x-example-request': { url: '/graph/path?from=technology:dvc&to=role:data-analyst' },
        tags,
        summary: 'Find a shortest path between two nodes',
        description: 'Breadth-first, over undirected edges unless `direction` says otherwise; each hop with its edge type, the direction it was walked and its source line.',
        querystring: pathQuerySchema,
        response: { 200: graphPathSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => pathBetween(graph(), app.repositories, request.query, request.lang),
  );
};

export default graphRoutes;
