import { z } from 'zod';
import { DIRECTIONS, EDGE_TYPES, NODE_KINDS } from '../model/graph-vocabulary.js';
import { GRAPH_FORMATS } from '../graph/graph-format.js';
import { decimalIntegerQuery, langQuerySchema, sourceSchema } from './common.js';

export const nodeKindSchema = z.enum(NODE_KINDS).meta({ id: 'GraphNodeKind', description: 'What a node stands for.' });
export const edgeTypeSchema = z.enum(EDGE_TYPES).meta({ id: 'GraphEdgeType', description: 'What an edge says of its two ends.' });

export const nodeIdSchema = z
  .string()
  .min(1)
  .max(300)
  .describe(
    `A node id \`kind:key\` (kind one of ${NODE_KINDS.join(', ')}), or what the entity endpoints accept: a slug, name or alias, ` +
      'with or without its `kind:` prefix (`role:Inżynier AI`, `k8s`). Unprefixed, roles are tried first, then technologies, then skills.',
  );

export const neighborsParamsSchema = z.object({ node: nodeIdSchema.describe('The centre node: an id (`technology:dvc`), or a name or alias of it.') });

export const graphNodeSchema = z
  .object({
    id: z.string().describe('`kind:key`.'),
    kind: nodeKindSchema,
    key: z.string().describe("The entity's slug; nested entities join their parents' slugs with `.`."),
    name: z.string().describe('In the negotiated language; Polish when no translation exists.'),
    url: z.string().nullable().describe('The REST resource of the entity; null for categories and concepts, which have none.'),
    source: sourceSchema,
  })
  .meta({
    id: 'GraphNode',
    description: 'An entity of the knowledge graph.',
  });

export const graphEdgeSchema = z
  .object({
    id: z.string().describe('`from|type|to`, with `#n` appended when the same relation is stated again elsewhere.'),
    from: z.string().describe('Node id.'),
    to: z.string().describe('Node id.'),
    type: edgeTypeSchema,
    source: sourceSchema.describe('Where the relation is stated.'),
  })
  .meta({
    id: 'GraphEdge',
    description: 'A typed, directed relation between two nodes.',
  });

export const graphSchema = z
  .object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema).describe('Only edges whose both ends are among `nodes`.') })
  .meta({ id: 'Graph', description: 'The knowledge graph, or the part of it a filter kept.' });

export const cytoscapeGraphSchema = z
  .object({
    elements: z.object({
      nodes: z.array(
        z.object({
          data: z.object({ id: z.string(), label: z.string(), kind: nodeKindSchema, key: z.string(), url: z.string().nullable(), document: z.string(), line: z.number().int() }),
        }),
      ),
      edges: z.array(
        z.object({
          data: z.object({ id: z.string(), source: z.string(), target: z.string(), label: edgeTypeSchema, document: z.string(), line: z.number().int() }),
        }),
      ),
    }),
  })
  .meta({ id: 'CytoscapeGraph', description: 'The same graph as Cytoscape.js elements; provenance is in `document` and `line`, since `source` is the edge start.' });

export const hopSchema = z
  .object({
    from: z.string().describe('The node the hop leaves.'),
    to: z.string().describe('The node the hop reaches.'),
    type: edgeTypeSchema,
    direction: z.enum(['out', 'in']).describe('`out`: along the edge as stated (`from` is its start); `in`: against it.'),
    edge: z.string().describe('The edge id.'),
    source: sourceSchema.describe('Where the relation is stated.'),
  })
  .meta({ id: 'GraphHop', description: 'One step of a walk over the graph.' });

export const neighborhoodSchema = z
  .object({
    node: graphNodeSchema.describe('The node the neighbourhood is around.'),
    depth: z.number().int().describe('The greatest number of hops followed.'),
    direction: z.enum(DIRECTIONS),
    edgeTypes: z.array(edgeTypeSchema).nullable().describe('The edge types followed; null for all.'),
    nodes: z
      .array(
        graphNodeSchema.extend({
          depth: z.number().int().min(0).describe('Hops from the centre (0 for the centre itself).'),
          path: z.array(hopSchema).describe('A shortest walk from the centre to this node, found breadth-first.'),
        }),
      )
      .describe('Every node reached, the centre first, in breadth-first order.'),
    edges: z.array(graphEdgeSchema).describe('Every edge followed from a node closer than `depth`.'),
  })
  .meta({
    id: 'Neighborhood',
    description: 'The nodes within some hops of a node, each with the walk that reaches it.',
  });

export const graphPathSchema = z
  .object({
    from: graphNodeSchema,
    to: graphNodeSchema,
    length: z.number().int().min(0).describe('Hops on the path.'),
    nodes: z.array(graphNodeSchema).describe('The nodes along the path, `from` first, `to` last.'),
    hops: z.array(hopSchema),
  })
  .meta({ id: 'GraphPath', description: 'A shortest walk between two nodes.' });

/** A comma-separated list of enum values, validated as one parameter so an error names it. */
function csvOf<T extends string>(values: readonly T[], what: string) {
  return z
    .string()
    .max(1000)
    .superRefine((text, ctx) => {
      const unknown = split(text).filter((v) => !(values as readonly string[]).includes(v));
      if (split(text).length === 0) ctx.addIssue({ code: 'custom', message: `must list at least one ${what}` });
      else if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `has unknown ${what} ${unknown.map((u) => `"${u}"`).join(', ')}; expected some of ${values.join(', ')}` });
    })
    .transform((text) => new Set(split(text) as T[]));
}

function split(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

const graphFormatParam = z
  .enum(GRAPH_FORMATS)
  .optional()
  .describe(
    'Overrides the Accept header: `json`, `dot` (text/vnd.graphviz), `cytoscape` (application/vnd.cytoscape+json) or `svg` (image/svg+xml). Typed clients use the sibling operations (`/dot`, `/cytoscape`, `/svg`) instead.',
  );

/** The selection every representation of the graph takes; `/graph` adds `format` for negotiation. */
export const graphRepresentationQuerySchema = langQuerySchema
  .extend({
    kinds: csvOf(NODE_KINDS, 'node kind').optional().describe('Comma-separated node kinds to keep, e.g. `role,technology`; edges are kept only between kept nodes.'),
    role: z
      .string()
      .max(200)
      .optional()
      .describe(
        "A role (id, slug, name or alias): keep only the role's subgraph — its responsibilities, tasks, technologies, concepts, skills and their categories (everything reachable along outgoing edges, other roles not expanded), the comparisons that compare it with the roles they compare, and roles compared or contrasted with it.",
      ),
  })
  .strict();

export const graphQuerySchema = graphRepresentationQuerySchema
  .extend({
    format: graphFormatParam,
  })
  .strict();

const traversalQuery = {
  edge: csvOf(EDGE_TYPES, 'edge type').optional().describe('Comma-separated edge types to follow; all when absent.'),
};

/** The walk every representation of a neighbourhood takes; the main path adds `format` for negotiation. */
export const neighborsRepresentationQuerySchema = langQuerySchema
  .extend({
    depth: decimalIntegerQuery(1, 3, 1).describe('Hops to follow, 1–3 (default 1).'),
    direction: z.enum(DIRECTIONS).default('both').describe('`out` follows edges as stated, `in` backwards, `both` either way.'),
    ...traversalQuery,
  })
  .strict();

export const neighborsQuerySchema = neighborsRepresentationQuerySchema.extend({ format: graphFormatParam }).strict();

export const pathQuerySchema = langQuerySchema
  .extend({
    from: nodeIdSchema.describe('Start node id, e.g. `technology:dvc`.'),
    to: nodeIdSchema.describe('End node id, e.g. `role:data-analyst`.'),
    direction: z.enum(DIRECTIONS).default('both').describe('`both` (default) treats edges as undirected; `out` only follows them as stated; `in` only backwards.'),
    ...traversalQuery,
  })
  .strict();
