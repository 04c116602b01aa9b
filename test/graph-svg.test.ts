import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { graphSvg, KIND_COLOURS, MAX_PICTURE_ELEMENTS } from '../src/graph/graph-svg.js';
import { InvalidInputError } from '../src/model/domain-errors.js';
import { injectGet } from './helpers/inject.js';
import { useSeededApp } from './helpers/seeded-app.js';

const seeded = useSeededApp();

const get = injectGet(() => seeded.app);

interface Node {
  id: string;
  kind: keyof typeof KIND_COLOURS;
  name: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML character references, as Graphviz writes them (it escapes `-` as `&#45;`). */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, ref: string) =>
    ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : (NAMED[ref] ?? `&${ref};`),
  );
}

/** Every <g class="node …"> of the SVG: its <title> (the node id), the text it shows and its fill. */
function svgNodes(svg: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'g' || name === 'text', processEntities: false });
  const nodes = new Map<string, { classes: string; texts: string[]; fill: string | undefined }>();
  const walk = (g: Record<string, unknown>) => {
    const classes = String(g.class ?? '');
    if (classes.startsWith('node')) {
      const link = (g.g as Record<string, unknown>[] | undefined)?.[0]?.a as Record<string, unknown> | undefined;
      const shape = (link ?? g) as Record<string, unknown>;
      const texts = ((shape.text as unknown[]) ?? []).map((t) => decode(String(typeof t === 'object' ? (t as Record<string, unknown>)['#text'] : t)));
      const path = shape.path as Record<string, string> | undefined;
      const polygon = shape.polygon as Record<string, string> | undefined;
      nodes.set(decode(String(g.title)), { classes, texts, fill: path?.fill ?? polygon?.fill });
    }
    for (const child of (g.g as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const svgElement = parser.parse(svg).svg as Record<string, unknown>;
  for (const g of svgElement.g as Record<string, unknown>[]) walk(g);
  return nodes;
}

describe('SVG pictures of the graph', () => {
  it("draws a role's subgraph: well-formed, every node with its label in the negotiated language, coloured by kind, with a legend", async () => {
    for (const lang of ['pl', 'en'] as const) {
      const json = (await get(`/graph?role=ai-engineer&lang=${lang}`)).json() as { nodes: Node[] };
      const response = await get(`/graph?role=ai-engineer&lang=${lang}`, { accept: 'image/svg+xml' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(response.headers.vary).toMatch(/Accept\b/);
      expect(XMLValidator.validate(response.body)).toBe(true);
      const nodes = svgNodes(response.body);
      for (const node of json.nodes) {
        const drawn = nodes.get(node.id);
        expect(drawn, node.id).toBeDefined();
        expect(drawn!.texts.join(' ')).toBe(node.name);
        expect(drawn!.classes).toBe(`node ${node.kind}`);
        expect(drawn!.fill).toBe(KIND_COLOURS[node.kind]);
      }
      const kinds = new Set(json.nodes.map((n) => n.kind));
      const legend = [...nodes.keys()].filter((id) => id.startsWith('legend:'));
      expect(legend.sort()).toEqual([...kinds].map((k) => `legend:${k}`).sort());
      expect(response.body).toContain(lang === 'en' ? '>Legend<' : '>Legenda<');
      expect(nodes.size).toBe(json.nodes.length + legend.length);
    }
  });

  it('draws English labels in English and Polish ones in Polish', async () => {
    const en = (await get('/graph?role=ai-engineer&format=svg&lang=en')).body;
    const pl = (await get('/graph?role=ai-engineer&format=svg&lang=pl')).body;
    expect(en).toContain('Model Training and Fine');
    expect(pl).toContain('Trening i Dostrajanie Modeli');
    expect(pl).not.toContain('Model Training and Fine');
  });

  it("draws a node's neighbourhood, each node linked to its explorer page", async () => {
    const json = (await get('/graph/nodes/technology:kubernetes/neighbors?depth=1&lang=en')).json() as { nodes: Node[] };
    const response = await get('/graph/nodes/technology:kubernetes/neighbors?depth=1&lang=en&format=svg');
    expect(response.statusCode).toBe(200);
    expect(XMLValidator.validate(response.body)).toBe(true);
    const nodes = svgNodes(response.body);
    for (const node of json.nodes) expect(nodes.get(node.id)?.texts.join(' '), node.id).toBe(node.name);
    expect(response.body).toContain('xlink:href="/?node=technology:kubernetes&amp;lang=en"');
  });

  it('is laid out once per data version: the same request is answered with the same bytes and ETag', async () => {
    const first = await get('/graph?kinds=role,comparison&format=svg');
    const second = await get('/graph?kinds=role,comparison&format=svg');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it('refuses to lay out a picture larger than a person can read, naming the parameter', async () => {
    const source = { document: 'synthetic.pl.txt', line: 1 };
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ id: `technology:t${i}`, kind: 'technology', key: `t${i}`, name: `T${i}`, url: null, source }));
    const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, from: nodes[i].id, to: node.id, type: 'compared_with', source }));
    const graph = { nodes, edges } as Parameters<typeof graphSvg>[0];
    const error = await graphSvg(graph, 'en', 'v1', 'depth').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).invalidParams.map((p) => p.name)).toEqual(['depth']);
    expect(MAX_PICTURE_ELEMENTS).toBeLessThan(1999);
  });

  it('serves neighbourhoods as Cytoscape.js elements too', async () => {
    const json = (await get('/graph/nodes/technology:kubernetes/neighbors?depth=2')).json() as { nodes: Node[]; edges: { id: string }[] };
    const response = await get('/graph/nodes/technology:kubernetes/neighbors?depth=2&format=cytoscape');
    expect(response.headers['content-type']).toMatch(/^application\/vnd\.cytoscape\+json/);
    const { elements } = response.json() as { elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] } };
    expect(elements.nodes.map((n) => n.data.id)).toEqual(json.nodes.map((n) => n.id));
    expect(elements.edges.map((e) => e.data.id)).toEqual(json.edges.map((e) => e.id));
    expect((await get('/graph/nodes/technology:kubernetes/neighbors', { accept: 'application/vnd.cytoscape+json' })).headers['content-type']).toMatch(/cytoscape/);
    expect((await get('/graph/nodes/technology:kubernetes/neighbors', { accept: 'application/xml' })).statusCode).toBe(406);
  });
});
