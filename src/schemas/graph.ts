import { z } from 'zod';
import { DIRECTIONS, EDGE_TYPES, NODE_ID_PATTERN, NODE_KINDS } from '../graph/graph-vocabulary.js';
import { GRAPH_FORMATS } from '../graph/graph-format.js';
import { langQuerySchema, sourceSchema } from './common.js';

export const nodeKindSchema = z.enum(NODE_KINDS).meta({ id: 'GraphNodeKind', description: 'What a node stands for.' });
export const edgeTypeSchema = z.enum(EDGE_TYPES).meta({ id: 'GraphEdgeType', description: 'What an edge says of its two ends.' });

export const nodeIdSchema = z
  .string()
  .max(300)
  .regex(NODE_ID_PATTERN, 'must be a node id `kind:key`, e.g. `technology:dvc`')
  .describe(`A node id \`kind:key\`; kind is one of ${NODE_KINDS.join(', ')}.`);

const exampleSource = { document: 'ai-engineer.pl.txt', line: 21 };
const exampleEdge = {
  id: 'responsibility:ai-engineer.data-pipelines|uses_technology|technology:dvc',
  from: 'responsibility:ai-engineer.data-pipelines',
  to: 'technology:dvc',
  type: 'uses_technology',
  source: exampleSource,
};

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
    examples: [{ id: 'technology:dvc', kind: 'technology', key: 'dvc', name: 'DVC', url: '/technologies/dvc', source: exampleSource }],
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
    examples: [exampleEdge],
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

const pathExample = {
  hops: [
    { from: 'technology:dvc', to: 'responsibility:ai-engineer.data-pipelines', type: 'uses_technology', direction: 'in', edge: 'responsibility:ai-engineer.data-pipelines|uses_technology|technology:dvc', source: exampleSource },
  ],
};

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
    examples: [
      {
        node: { id: 'technology:dvc', kind: 'technology', key: 'dvc', name: 'DVC', url: '/technologies/dvc', source: exampleSource },
        depth: 1,
        direction: 'both',
        edgeTypes: null,
        nodes: [
          { id: 'technology:dvc', kind: 'technology', key: 'dvc', name: 'DVC', url: '/technologies/dvc', source: exampleSource, depth: 0, path: [] },
          {
            id: 'responsibility:ai-engineer.data-pipelines',
            kind: 'responsibility',
            key: 'ai-engineer.data-pipelines',
            name: 'Projektowanie i Budowanie Potoków Danych',
            url: '/roles/ai-engineer/responsibilities/data-pipelines',
            source: { document: 'ai-engineer.pl.txt', line: 17 },
            depth: 1,
            path: pathExample.hops,
          },
        ],
        edges: [exampleEdge],
      },
    ],
  });

export const graphPathSchema = z
  .object({
    from: graphNodeSchema,
    to: graphNodeSchema,
    length: z.number().int().min(0).describe('Hops on the path.'),
    nodes: z.array(graphNodeSchema).describe('The nodes along the path, `from` first, `to` last.'),
    hops: z.array(hopSchema),
  })
  .meta({ id: 'GraphPath', description: 'A shortest walk between two nodes.', examples: [dvcToDataAnalyst()] });

/** The real answer for technology:dvc → role:data-analyst (lines 17, 21 and 77 of the document). */
function dvcToDataAnalyst() {
  const source = (line: number) => ({ document: 'ai-engineer.pl.txt', line });
  const dvc = { id: 'technology:dvc', kind: 'technology', key: 'dvc', name: 'DVC', url: '/technologies/dvc', source: source(21) };
  const pipelines = {
    id: 'responsibility:ai-engineer.data-pipelines',
    kind: 'responsibility',
    key: 'ai-engineer.data-pipelines',
    name: 'Projektowanie i Budowanie Potoków Danych',
    url: '/roles/ai-engineer/responsibilities/data-pipelines',
    source: source(17),
  };
  const sql = { id: 'technology:sql', kind: 'technology', key: 'sql', name: 'SQL', url: '/technologies/sql', source: source(21) };
  const analyst = { id: 'role:data-analyst', kind: 'role', key: 'data-analyst', name: 'Data Analyst', url: '/roles/data-analyst', source: source(75) };
  const hop = (from: { id: string }, to: { id: string }, type: string, direction: 'out' | 'in', line: number) => {
    const [start, end] = direction === 'out' ? [from.id, to.id] : [to.id, from.id];
    return { from: from.id, to: to.id, type, direction, edge: `${start}|${type}|${end}`, source: source(line) };
  };
  return {
    from: dvc,
    to: analyst,
    length: 3,
    nodes: [dvc, pipelines, sql, analyst],
    hops: [hop(dvc, pipelines, 'uses_technology', 'in', 21), hop(pipelines, sql, 'uses_technology', 'out', 21), hop(sql, analyst, 'uses_tool', 'in', 77)],
  };
}

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
  .describe('Overrides the Accept header: `json`, `dot` (text/vnd.graphviz), `cytoscape` (application/vnd.cytoscape+json) or `svg` (image/svg+xml).');

export const graphQuerySchema = langQuerySchema
  .extend({
    kinds: csvOf(NODE_KINDS, 'node kind').optional().describe('Comma-separated node kinds to keep, e.g. `role,technology`; edges are kept only between kept nodes.'),
    role: z
      .string()
      .max(200)
      .optional()
      .describe(
        "A role slug: keep only the role's subgraph — its responsibilities, tasks, technologies, concepts, skills and their categories (everything reachable along outgoing edges, other roles not expanded), the comparisons that compare it with the roles they compare, and roles compared or contrasted with it.",
      ),
    format: graphFormatParam,
  })
  .strict();

const traversalQuery = {
  edge: csvOf(EDGE_TYPES, 'edge type').optional().describe('Comma-separated edge types to follow; all when absent.'),
};

export const neighborsQuerySchema = langQuerySchema
  .extend({
    depth: z.coerce.number().int().min(1).max(3).default(1).describe('Hops to follow, 1–3.'),
    direction: z.enum(DIRECTIONS).default('both').describe('`out` follows edges as stated, `in` backwards, `both` either way.'),
    ...traversalQuery,
    format: graphFormatParam,
  })
  .strict();

export const pathQuerySchema = langQuerySchema
  .extend({
    from: nodeIdSchema.describe('Start node id, e.g. `technology:dvc`.'),
    to: nodeIdSchema.describe('End node id, e.g. `role:data-analyst`.'),
    direction: z.enum(DIRECTIONS).default('both').describe('`both` (default) treats edges as undirected; `out` only follows them as stated; `in` only backwards.'),
    ...traversalQuery,
  })
  .strict();
