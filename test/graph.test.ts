import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { quote } from '../src/graph/graph-dot.js';
import { negotiateGraphFormat } from '../src/graph/graph-format.js';
import { GraphIndex, graphIndexFor } from '../src/graph/graph-index.js';
import { shortestPath } from '../src/graph/graph-traversal.js';
import { DOCUMENTS_DIR } from '../src/paths.js';
import { OPENAPI_FILE } from '../src/paths.js';
import { injectGet } from './helpers/inject.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

interface ViewNode {
  id: string;
  kind: string;
  name_pl: string;
  name_en: string | null;
  line: number;
}
interface ViewEdge {
  from: string;
  to: string;
  type: string;
  line: number;
}
interface Node {
  id: string;
  kind: string;
  key: string;
  name: string;
  url: string | null;
  source: { document: string; line: number };
}
interface Edge {
  id: string;
  from: string;
  to: string;
  type: string;
  source: { document: string; line: number };
}
interface Hop {
  from: string;
  to: string;
  type: string;
  direction: 'out' | 'in';
  edge: string;
  source: { document: string; line: number };
}

let seeded: SeededApp;
let viewNodes: ViewNode[];
let viewEdges: ViewEdge[];
const documentLines = readFileSync(join(DOCUMENTS_DIR, 'ai-engineer.pl.txt'), 'utf8').split('\n');

beforeAll(async () => {
  seeded = await createSeededApp();
  // The views read straight from the seeded file, independently of the app's index.
  const sqlite = new Database(seeded.dbPath, { readonly: true });
  viewNodes = sqlite.prepare("select kind || ':' || key as id, kind, name_pl, name_en, line from graph_nodes").all() as ViewNode[];
  viewEdges = sqlite
    .prepare("select from_kind || ':' || from_key as \"from\", to_kind || ':' || to_key as \"to\", type, line from graph_edges")
    .all() as ViewEdge[];
  sqlite.close();
});

afterAll(async () => {
  await seeded?.close();
});

const get = injectGet(() => seeded.app);

async function getGraph(query = ''): Promise<{ nodes: Node[]; edges: Edge[] }> {
  const response = await get(`/graph${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** An independent breadth-first search over the view rows: distances from `start`. */
function distances(start: string, options: { direction?: 'out' | 'in' | 'both'; types?: string[]; maxDepth?: number } = {}): Map<string, number> {
  const { direction = 'both', types, maxDepth = Infinity } = options;
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const e of viewEdges) {
    if (types && !types.includes(e.type)) continue;
    if (direction !== 'in') link(e.from, e.to);
    if (direction !== 'out') link(e.to, e.from);
  }
  const seen = new Map([[start, 0]]);
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const n of neighbours.get(node) ?? []) {
        if (!seen.has(n)) {
          seen.set(n, depth);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** A hop is real when the view states its edge, in the direction the hop says it was walked, on the line it cites. */
function isRealHop(hop: Hop): boolean {
  const [from, to] = hop.direction === 'out' ? [hop.from, hop.to] : [hop.to, hop.from];
  return viewEdges.some((e) => e.from === from && e.to === to && e.type === hop.type && e.line === hop.source.line);
}

function expectConnectedWalk(start: string, end: string, hops: Hop[]) {
  let at = start;
  for (const hop of hops) {
    expect(hop.from).toBe(at);
    expect(isRealHop(hop), JSON.stringify(hop)).toBe(true);
    at = hop.to;
  }
  expect(at).toBe(end);
}

describe('GET /graph', () => {
  it('serves exactly the nodes and edges of the graph views, with their provenance', async () => {
    const graph = await getGraph();
    expect(graph.nodes).toHaveLength(viewNodes.length);
    expect(graph.edges).toHaveLength(viewEdges.length);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(viewNodes.length);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(viewEdges.length);

    const nodeLines = new Map(viewNodes.map((n) => [n.id, n.line]));
    for (const node of graph.nodes) {
      expect(node.id).toBe(`${node.kind}:${node.key}`);
      expect(node.source).toEqual({ document: 'ai-engineer.pl.txt', line: nodeLines.get(node.id) });
    }
    const edgeKey = (e: { from: string; type: string; to: string; line: number }) => `${e.from} ${e.type} ${e.to} @${e.line}`;
    expect(graph.edges.map((e) => edgeKey({ ...e, line: e.source.line })).sort()).toEqual(viewEdges.map(edgeKey).sort());
  });

  it('has every edge end among the nodes', async () => {
    const graph = await getGraph();
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.from), edge.from).toBe(true);
      expect(ids.has(edge.to), edge.to).toBe(true);
    }
  });

  it('covers every relation type of the issue', async () => {
    const types = new Set((await getGraph()).edges.map((e) => e.type));
    for (const type of ['has_responsibility', 'has_task', 'uses_technology', 'mentions_technology', 'mentions_concept', 'requires_skill', 'in_category', 'involves_technology', 'compared_with', 'compares', 'uses_tool', 'contrasted_with']) {
      expect(types.has(type), type).toBe(true);
    }
  });

  it('names nodes in the negotiated language, falling back to Polish', async () => {
    const [pl, en] = [await getGraph('?lang=pl'), await getGraph('?lang=en')];
    const byId = (g: { nodes: Node[] }) => new Map(g.nodes.map((n) => [n.id, n.name]));
    const view = new Map(viewNodes.map((n) => [n.id, n]));
    for (const [id, name] of byId(en)) expect(name).toBe(view.get(id)!.name_en ?? view.get(id)!.name_pl);
    for (const [id, name] of byId(pl)) expect(name).toBe(view.get(id)!.name_pl);
    // The document names the data-pipelines responsibility in Polish on line 17; the translation differs.
    expect(byId(pl).get('responsibility:ai-engineer.data-pipelines')).toBe('Projektowanie i Budowanie Potoków Danych');
    expect(documentLines[16]).toContain('Projektowanie i Budowanie Potoków Danych');
    expect(byId(en).get('responsibility:ai-engineer.data-pipelines')).not.toBe(byId(pl).get('responsibility:ai-engineer.data-pipelines'));
  });

  it('links every node with a resource to a URL the API serves', async () => {
    const graph = await getGraph();
    const urls = new Set<string>();
    for (const node of graph.nodes) {
      if (node.kind === 'category' || node.kind === 'concept') expect(node.url).toBeNull();
      else {
        expect(node.url, node.id).not.toBeNull();
        urls.add(node.url!);
      }
    }
    expect(graph.nodes.find((n) => n.id === 'task:ai-engineer.data-pipelines.modele-ai-potrzebuja-danych-inzynier-ai')?.url).toBe('/roles/ai-engineer/responsibilities/data-pipelines');
    for (const url of urls) expect((await get(url)).statusCode, url).toBe(200);
  });

  it('keeps only the requested kinds, and only edges between kept nodes', async () => {
    const graph = await getGraph('?kinds=role,technology');
    const expectedNodes = viewNodes.filter((n) => n.kind === 'role' || n.kind === 'technology');
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(expectedNodes.map((n) => n.id).sort());
    const kept = new Set(expectedNodes.map((n) => n.id));
    const expectedEdges = viewEdges.filter((e) => kept.has(e.from) && kept.has(e.to));
    expect(expectedEdges.length).toBeGreaterThan(0);
    expect(graph.edges).toHaveLength(expectedEdges.length);
    expect(new Set(graph.edges.map((e) => e.type))).toEqual(new Set(['uses_tool', 'compared_with', 'contrasted_with']));
  });

  it("keeps a role's subgraph: its own parts expanded, other roles only as ends", async () => {
    const graph = await getGraph('?role=data-analyst');
    const ids = new Set(graph.nodes.map((n) => n.id));
    // Line 77: "Data Analyst: ... Używa narzędzi takich jak SQL, Excel, Tableau."
    expect(documentLines[76]).toMatch(/Data Analyst:.*SQL, Excel, Tableau/);
    for (const id of ['role:data-analyst', 'technology:sql', 'technology:excel', 'technology:tableau', 'comparison:ai-engineer-vs-data-analyst', 'role:ai-engineer']) {
      expect(ids.has(id), id).toBe(true);
    }
    // AI Engineer is the other side of the comparison: named, but not expanded.
    expect([...ids].some((id) => id.startsWith('responsibility:'))).toBe(false);
    expect(ids.has('comparison:ai-engineer-vs-data-scientist')).toBe(false);
    for (const edge of graph.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    expect(graph.edges.some((e) => e.from === 'role:ai-engineer' && e.type === 'compared_with' && e.to === 'role:data-analyst')).toBe(true);
  });

  it("keeps every part the document gives a role in the role's subgraph", async () => {
    const graph = await getGraph('?role=ai-engineer');
    const ids = new Set(graph.nodes.map((n) => n.id));
    const own = viewEdges.filter((e) => e.from === 'role:ai-engineer').map((e) => e.to);
    const tasks = viewEdges.filter((e) => e.type === 'has_task' && e.from.startsWith('responsibility:ai-engineer.')).map((e) => e.to);
    for (const id of [...own, ...tasks, 'comparison:ai-engineer-vs-data-scientist', 'category:programming', 'technology:dvc']) expect(ids.has(id), id).toBe(true);
    // Every kind is present, and a role only some other role reaches stays out.
    expect(new Set(graph.nodes.map((n) => n.kind)).size).toBe(8);
    const combined = await getGraph('?role=ai-engineer&kinds=role');
    expect(combined.nodes.map((n) => n.id).sort()).toEqual(['role:ai-engineer', 'role:ai-scientist', 'role:data-analyst', 'role:data-scientist']);
  });

  it('answers an unknown role with a 400 naming the parameter', async () => {
    const response = await get('/graph?role=astronaut');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().invalidParams).toEqual([expect.objectContaining({ name: 'role', in: 'query' })]);
  });

  it('rejects unknown kinds and parameters with a 400 naming them', async () => {
    for (const [query, name] of [
      ['?kinds=role,planet', 'kinds'],
      ['?kinds=,', 'kinds'],
      ['?format=png', 'format'],
      ['?colour=red', 'colour'],
    ]) {
      const response = await get(`/graph${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain(name);
    }
  });
});

describe('GET /graph representations', () => {
  /** DOT statements inside the braces: one per line, every id and attribute value a well-formed quoted string. */
  const QUOTED = String.raw`"(?:[^"\\\n]|\\.)*"`;
  const ATTRS = String.raw`\[(?:\w+=${QUOTED})(?:, \w+=${QUOTED})*\]`;
  const NODE_LINE = new RegExp(`^  ${QUOTED} ${ATTRS};$`);
  const EDGE_LINE = new RegExp(`^  ${QUOTED} -> ${QUOTED} ${ATTRS};$`);

  function unquote(text: string) {
    return JSON.parse(text.replace(/\\n/g, '\n').replace(/\n/g, '\\n')) as string;
  }

  it('serves Graphviz DOT for Accept: text/vnd.graphviz, one line per node and edge', async () => {
    const [json, response] = [await getGraph(), await get('/graph', { accept: 'text/vnd.graphviz' })];
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/vnd.graphviz; charset=utf-8');
    expect(response.headers.vary).toMatch(/Accept\b/);
    const lines = response.body.trimEnd().split('\n');
    expect(lines[0]).toBe('digraph rolegraph {');
    expect(lines.at(-1)).toBe('}');
    const body = lines.slice(1, -1);
    const nodeLines = body.filter((l) => NODE_LINE.test(l));
    const edgeLines = body.filter((l) => EDGE_LINE.test(l));
    const defaults = body.filter((l) => /^ {2}(graph|node) \[/.test(l));
    expect(nodeLines.length + edgeLines.length + defaults.length).toBe(body.length);
    expect(nodeLines).toHaveLength(json.nodes.length);
    expect(edgeLines).toHaveLength(json.edges.length);
    // Braces balance outside quoted strings.
    const unquoted = response.body.replace(new RegExp(QUOTED, 'g'), '""');
    expect(unquoted.split('{').length).toBe(unquoted.split('}').length);
    // The ids and edge labels are the JSON graph's.
    const dotNodeIds = nodeLines.map((l) => unquote(l.match(new RegExp(`^  (${QUOTED})`))![1]));
    expect(dotNodeIds.sort()).toEqual(json.nodes.map((n) => n.id).sort());
    const dotEdges = edgeLines.map((l) => {
      const [, from, to, label] = l.match(new RegExp(`^  (${QUOTED}) -> (${QUOTED}) \\[label=(${QUOTED})`))!;
      return `${unquote(from)} ${unquote(label)} ${unquote(to)}`;
    });
    expect(dotEdges.sort()).toEqual(json.edges.map((e) => `${e.from} ${e.type} ${e.to}`).sort());
  });

  it('escapes quotes, backslashes and line breaks in DOT strings', () => {
    expect(quote('say "hi"\\now\nthen')).toBe(String.raw`"say \"hi\"\\now\nthen"`);
    expect(new RegExp(`^${QUOTED}$`).test(quote('a"b\\c\r\nd'))).toBe(true);
  });

  it('renders with Graphviz when `dot` is installed', async (context) => {
    const probe = spawnSync('dot', ['-V']);
    if (probe.error) return context.skip();
    const response = await get('/graph?format=dot&lang=en');
    const rendered = spawnSync('dot', ['-Tsvg'], { input: response.body });
    expect(rendered.status, rendered.stderr.toString()).toBe(0);
    expect(rendered.stdout.toString()).toContain('<svg');
  });

  it('serves Cytoscape.js elements for the vendor type and for ?format=cytoscape', async () => {
    const json = await getGraph('?kinds=role,comparison');
    for (const response of [
      await get('/graph?kinds=role,comparison', { accept: 'application/vnd.cytoscape+json' }),
      await get('/graph?kinds=role,comparison&format=cytoscape', { accept: 'application/json' }),
    ]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.cytoscape+json; charset=utf-8');
      const { elements } = response.json() as { elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] } };
      expect(elements.nodes.map((n) => n.data.id)).toEqual(json.nodes.map((n) => n.id));
      expect(elements.nodes.map((n) => n.data.label)).toEqual(json.nodes.map((n) => n.name));
      const ids = new Set(elements.nodes.map((n) => n.data.id));
      expect(elements.edges).toHaveLength(json.edges.length);
      for (const { data } of elements.edges) {
        expect(ids.has(data.source as string) && ids.has(data.target as string)).toBe(true);
        expect(json.edges.some((e) => e.id === data.id && e.from === data.source && e.to === data.target && e.type === data.label && e.source.line === data.line)).toBe(true);
      }
    }
  });

  it('lets ?format= override Accept', async () => {
    const dot = await get('/graph?format=dot', { accept: 'application/json' });
    expect(dot.headers['content-type']).toMatch(/^text\/vnd\.graphviz/);
    const json = await get('/graph?format=json', { accept: 'application/xml' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers an Accept it cannot meet with a 406 problem', async () => {
    const response = await get('/graph', { accept: 'application/xml' });
    expect(response.statusCode).toBe(406);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 406, detail: expect.stringContaining('text/vnd.graphviz') });
    expect(response.headers.vary).toMatch(/Accept\b/);
  });

  it('negotiates by weight and specificity', async () => {
    expect(negotiateGraphFormat(undefined)).toBe('json');
    expect(negotiateGraphFormat('*/*')).toBe('json');
    expect(negotiateGraphFormat('text/*')).toBe('dot');
    expect(negotiateGraphFormat('application/json;q=0.1, text/vnd.graphviz;q=0.5')).toBe('dot');
    expect(negotiateGraphFormat('application/json;q=0, */*')).toBe('cytoscape');
    expect(negotiateGraphFormat('application/xml, text/html')).toBeNull();
    expect((await get('/graph', { accept: 'text/html, text/*;q=0.2' })).headers['content-type']).toMatch(/^text\/vnd\.graphviz/);
  });
});

describe('GET /graph/path', () => {
  it('finds a shortest path from technology:dvc to role:data-analyst, each hop a stated edge', async () => {
    const response = await get('/graph/path?from=technology:dvc&to=role:data-analyst');
    expect(response.statusCode, response.body).toBe(200);
    const path = response.json() as { from: Node; to: Node; length: number; nodes: Node[]; hops: Hop[] };
    expect(path.from.id).toBe('technology:dvc');
    expect(path.to.id).toBe('role:data-analyst');
    expectConnectedWalk('technology:dvc', 'role:data-analyst', path.hops);
    expect(path.length).toBe(path.hops.length);
    expect(path.nodes.map((n) => n.id)).toEqual(['technology:dvc', ...path.hops.map((h) => h.to)]);
    // Shortest: an independent search over the view rows agrees. DVC is named only by two AI Engineer
    // responsibilities (lines 21, 53), neither of which touches Data Analyst, so no walk is shorter than 3.
    expect(path.length).toBe(distances('technology:dvc').get('role:data-analyst'));
    expect(path.length).toBe(3);
    // The documented example is this very answer.
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { example?: unknown }> }> } }> };
    expect(committed.paths['/graph/path'].get.responses['200'].content['application/json'].example).toEqual(path);
    // Every hop cites a line that names the technology it touches.
    for (const hop of path.hops.filter((h) => h.to.startsWith('technology:') || h.from.startsWith('technology:'))) {
      const technology = [hop.from, hop.to].find((id) => id.startsWith('technology:'))!;
      const name = path.nodes.find((n) => n.id === technology)!.name;
      expect(documentLines[hop.source.line - 1]).toContain(name);
    }
  });

  it('follows edges as stated only when asked, and says when no path exists', async () => {
    const response = await get('/graph/path?from=technology:dvc&to=role:data-analyst&direction=out');
    expect(distances('technology:dvc', { direction: 'out' }).has('role:data-analyst')).toBe(false);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().detail).toContain('technology:dvc');
    const forward = await get('/graph/path?from=role:ai-engineer&to=technology:dvc&direction=out');
    expect(forward.statusCode).toBe(200);
    const hops = forward.json().hops as Hop[];
    expect(hops.every((h) => h.direction === 'out')).toBe(true);
    expect(hops.length).toBe(distances('role:ai-engineer', { direction: 'out' }).get('technology:dvc'));
    expectConnectedWalk('role:ai-engineer', 'technology:dvc', hops);
  });

  it('keeps to the edge types asked for', async () => {
    const response = await get('/graph/path?from=technology:dvc&to=role:data-analyst&edge=uses_technology,has_responsibility,compared_with');
    expect(response.statusCode).toBe(200);
    const hops = response.json().hops as Hop[];
    expect(hops.map((h) => h.type)).toEqual(['uses_technology', 'has_responsibility', 'compared_with']);
    expectConnectedWalk('technology:dvc', 'role:data-analyst', hops);
    const none = await get('/graph/path?from=technology:dvc&to=role:data-analyst&edge=has_task');
    expect(none.statusCode).toBe(404);
  });

  it('returns an empty path from a node to itself', async () => {
    const response = await get('/graph/path?from=role:ai-engineer&to=role:ai-engineer');
    expect(response.json()).toMatchObject({ length: 0, hops: [], nodes: [{ id: 'role:ai-engineer' }] });
  });

  it('answers malformed and unknown node ids with a 400 naming the parameter', async () => {
    for (const [query, names] of [
      ['from=no-such-thing&to=role:data-analyst', ['from']],
      ['from=technology:dvc&to=planet:mars', ['to']],
      ['from=technology:cobol&to=role:data-analyst', ['from']],
      ['from=technology:dvc&to=role:astronaut', ['to']],
      ['from=technology:cobol&to=role:astronaut', ['from', 'to']],
      ['to=role:data-analyst', ['from']],
      ['from=technology:dvc&to=role:data-analyst&edge=knows', ['edge']],
    ] as const) {
      const response = await get(`/graph/path?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(names);
    }
  });
});

describe('GET /graph/nodes/{node}/neighbors', () => {
  type Neighborhood = { node: Node; depth: number; nodes: (Node & { depth: number; path: Hop[] })[]; edges: Edge[] };

  async function neighbors(node: string, query = ''): Promise<Neighborhood> {
    const response = await get(`/graph/nodes/${node}/neighbors${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  function expectConsistent(hood: Neighborhood, centre: string) {
    const edgeIds = new Set(hood.edges.map((e) => e.id));
    const nodeIds = new Set(hood.nodes.map((n) => n.id));
    for (const node of hood.nodes) {
      expect(node.path).toHaveLength(node.depth);
      expectConnectedWalk(centre, node.id, node.path);
      for (const hop of node.path) expect(edgeIds.has(hop.edge)).toBe(true);
    }
    for (const edge of hood.edges) expect(nodeIds.has(edge.from) && nodeIds.has(edge.to)).toBe(true);
  }

  it('reaches role:ai-engineer from technology:dvc at depth 2 through a responsibility', async () => {
    const hood = await neighbors('technology:dvc', '?depth=2');
    expect(hood.node.id).toBe('technology:dvc');
    expect(hood.nodes[0]).toMatchObject({ id: 'technology:dvc', depth: 0, path: [] });
    const role = hood.nodes.find((n) => n.id === 'role:ai-engineer')!;
    expect(role).toMatchObject({ depth: 2 });
    expect(role.path[0]).toMatchObject({ from: 'technology:dvc', type: 'uses_technology', direction: 'in' });
    expect(role.path[0].to).toMatch(/^responsibility:ai-engineer\./);
    expect(role.path[1]).toMatchObject({ type: 'has_responsibility', direction: 'in', to: 'role:ai-engineer' });
    expectConsistent(hood, 'technology:dvc');
    // Exactly the nodes, at the depths, that an independent search finds within two hops.
    const expected = distances('technology:dvc', { maxDepth: 2 });
    expect(new Map(hood.nodes.map((n) => [n.id, n.depth]))).toEqual(expected);
  });

  it('follows only the edge types asked for', async () => {
    const hood = await neighbors('technology:dvc', '?depth=3&edge=uses_technology');
    expect(hood.nodes.map((n) => n.id).sort()).toEqual([...distances('technology:dvc', { types: ['uses_technology'], maxDepth: 3 }).keys()].sort());
    expect(new Set(hood.nodes.map((n) => n.kind))).toEqual(new Set(['technology', 'responsibility']));
    expect(hood.nodes.some((n) => n.id === 'role:ai-engineer')).toBe(false);
    expect(hood.edges.every((e) => e.type === 'uses_technology')).toBe(true);
    expectConsistent(hood, 'technology:dvc');
  });

  it('follows edges one way when asked', async () => {
    expect(viewEdges.some((e) => e.from === 'technology:dvc')).toBe(false);
    expect((await neighbors('technology:dvc', '?direction=out&depth=3')).nodes.map((n) => n.id)).toEqual(['technology:dvc']);
    const out = await neighbors('role:ai-engineer', '?direction=out&depth=2&lang=en');
    expect(new Map(out.nodes.map((n) => [n.id, n.depth]))).toEqual(distances('role:ai-engineer', { direction: 'out', maxDepth: 2 }));
    expectConsistent(out, 'role:ai-engineer');
  });

  it('takes the node as an id, a slug, a name or an alias, with or without its kind, like the entity endpoints', async () => {
    for (const node of ['role:ai-engineer', 'ai-engineer', 'role:Inżynier AI', 'Inżynier AI', 'role:AI Engineer']) {
      expect((await neighbors(encodeURIComponent(node))).node.id, node).toBe('role:ai-engineer');
    }
    for (const node of ['technology:k8s', 'k8s', 'Kubernetes']) expect((await neighbors(encodeURIComponent(node))).node.id, node).toBe('technology:kubernetes');
    expect((await get('/graph/nodes/skill:Kubernetes/neighbors')).json().node.id).toBe('skill:kubernetes');
    const path = await get(`/graph/path?from=dvc&to=${encodeURIComponent('Inżynier AI')}`);
    expect(path.statusCode).toBe(200);
    expect(path.json()).toMatchObject({ from: { id: 'technology:dvc' }, to: { id: 'role:ai-engineer' } });
    expect((await get(`/graph?role=${encodeURIComponent('Inżynier AI')}`)).statusCode).toBe(200);
    expect((await get('/graph?role=role:ai-engineer')).statusCode).toBe(200);
  });

  it('answers an unknown node with a 404 naming it, and bad parameters with a 400', async () => {
    const unknown = await get('/graph/nodes/technology:cobol/neighbors');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json().detail).toContain('technology:cobol');
    for (const [url, name] of [
      ['/graph/nodes/technology:dvc/neighbors?depth=0', 'depth'],
      ['/graph/nodes/technology:dvc/neighbors?depth=4', 'depth'],
      ['/graph/nodes/technology:dvc/neighbors?depth=two', 'depth'],
      ['/graph/nodes/technology:dvc/neighbors?direction=sideways', 'direction'],
      ['/graph/nodes/technology:dvc/neighbors?edge=uses_technology,likes', 'edge'],
      ['/graph/nodes/technology:dvc/neighbors?depth=1.0', 'depth'],
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain(name);
    }
  });
});

describe('graph representations as operations of their own', () => {
  it('serves at /graph/dot and /graph/cytoscape what negotiation gives on /graph', async () => {
    const dot = await get('/graph/dot?role=data-analyst&lang=en');
    expect(dot.headers['content-type']).toBe('text/vnd.graphviz; charset=utf-8');
    expect(dot.body).toBe((await get('/graph?role=data-analyst&lang=en', { accept: 'text/vnd.graphviz' })).body);
    const cytoscape = await get('/graph/cytoscape?kinds=role,comparison');
    expect(cytoscape.headers['content-type']).toBe('application/vnd.cytoscape+json; charset=utf-8');
    expect(cytoscape.json()).toEqual((await get('/graph?kinds=role,comparison&format=cytoscape')).json());
    expect((await get('/graph/dot?format=dot')).statusCode).toBe(400);
  });
});

describe('graph OpenAPI', () => {
  it('documents the three operations, and the four media types of the graph', () => {
    const spec = seeded.app.swagger() as { paths: Record<string, { get: { operationId: string; tags: string[]; responses: Record<string, { content?: Record<string, unknown> }> } }> };
    expect(spec.paths['/graph'].get.operationId).toBe('getGraph');
    expect(spec.paths['/graph/nodes/{node}/neighbors'].get.operationId).toBe('getNeighbors');
    expect(spec.paths['/graph/path'].get.operationId).toBe('getPath');
    for (const path of ['/graph', '/graph/nodes/{node}/neighbors', '/graph/path']) expect(spec.paths[path].get.tags).toEqual(['graph']);
    // One media type per operation: a typed client of /graph gets the JSON graph, not a union.
    expect(Object.keys(spec.paths['/graph'].get.responses['200'].content!)).toEqual(['application/json']);
    expect(Object.keys(spec.paths['/graph/cytoscape'].get.responses['200'].content!)).toEqual(['application/vnd.cytoscape+json']);
    expect(Object.keys(spec.paths['/graph/dot'].get.responses['200'].content!)).toEqual(['text/vnd.graphviz']);
    expect(Object.keys(spec.paths['/graph/svg'].get.responses['200'].content!)).toEqual(['image/svg+xml']);
    expect(Object.keys(spec.paths['/graph/nodes/{node}/neighbors'].get.responses['200'].content!)).toEqual(['application/json']);
    expect(Object.keys(spec.paths['/graph/nodes/{node}/neighbors/svg'].get.responses['200'].content!)).toEqual(['image/svg+xml']);
    expect(Object.keys(spec.paths['/graph'].get.responses)).toEqual(expect.arrayContaining(['400', '406']));
  });
});

describe('graph index', () => {
  it('is built once per database handle', () => {
    const { sqlite, db } = openReadOnlyDatabase(seeded.dbPath);
    try {
      const index = graphIndexFor(db);
      expect(graphIndexFor(db)).toBe(index);
      expect(index.nodes.size).toBe(viewNodes.length);
      expect(index.edges).toHaveLength(viewEdges.length);
    } finally {
      sqlite.close();
    }
  });

  // Its speed is measured by `npm run bench`, not here: these machines are shared and timings are noise.
  it('finds a short path through an ESCO-sized graph', () => {
    // 150k nodes in a long chain with random shortcuts: the path must use the shortcuts.
    const size = 150_000;
    const source = { document: 'synthetic', line: 1 };
    const nodes = Array.from({ length: size }, (_, i) => ({ id: `skill:s${i}`, kind: 'skill' as const, key: `s${i}`, namePl: `s${i}`, nameEn: null, url: null, source }));
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const edges = [
      ...Array.from({ length: size - 1 }, (_, i) => ({ from: `skill:s${i}`, to: `skill:s${i + 1}`, type: 'in_category' as const, source })),
      ...Array.from({ length: size }, () => ({ from: `skill:s${Math.floor(random() * size)}`, to: `skill:s${Math.floor(random() * size)}`, type: 'involves_technology' as const, source })),
    ];
    const index = new GraphIndex(nodes, edges);
    const path = shortestPath(index, 'skill:s0', `skill:s${size - 1}`, { direction: 'both' });
    expect(path).not.toBeNull();
    expect(path!.length).toBeLessThan(100);
  });
});
