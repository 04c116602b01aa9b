import JSZip from 'jszip';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { Store } from 'oxigraph';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectGet } from './helpers/inject.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/**
 * Every export parsed back by a parser that shares no code with its writer (JSZip for fflate,
 * Papa Parse for csv-stringify, Oxigraph for n3's Writer, jsonld.js for the hand-built JSON-LD),
 * then compared with what the API serves: the same node ids, relation count and crosswalks.
 */
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCT = 'http://purl.org/dc/terms/';

interface Graph {
  nodes: { id: string; kind: string }[];
  edges: { from: string; to: string; type: string }[];
}

describe('exports', () => {
  let seeded: SeededApp;
  let graph: Graph;
  let meta: { dataVersion: string; counts: Record<string, number> };
  const get = injectGet(() => seeded.app, { host: 'api.example' });

  beforeAll(async () => {
    // Both hosts the tests send are allowed to shape the IRIs (any other Host gets the default origin's).
    seeded = await createSeededApp({ http: { allowedHosts: ['api.example', 'other.example'] } });
    graph = (await get('/graph')).json();
    meta = (await get('/meta')).json();
  }, 60_000);
  afterAll(async () => seeded?.close());

  const parseCsv = (text: string) => {
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed;
  };

  it('CSV: a zip of RFC 4180 files whose rows are the graph the API serves', async () => {
    const response = await get('/export/csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="rolegraph-${meta.dataVersion}.zip"`);
    const zip = await JSZip.loadAsync(response.rawPayload);
    const files = Object.keys(zip.files).sort();
    expect(files).toEqual(
      ['categories', 'comparisons', 'concepts', 'crosswalks', 'metadata', 'relations', 'responsibilities', 'roles', 'skills', 'tasks', 'technologies'].map((f) => `${f}.csv`),
    );
    const read = async (file: string) => parseCsv(await zip.file(file)!.async('string'));

    const files_by_kind: Record<string, string> = { role: 'roles', responsibility: 'responsibilities', task: 'tasks', technology: 'technologies', skill: 'skills', category: 'categories', concept: 'concepts', comparison: 'comparisons' };
    const exportedIds: string[] = [];
    for (const [kind, file] of Object.entries(files_by_kind)) {
      const csv = await read(`${file}.csv`);
      expect(csv.meta.fields).toEqual(['id', 'name_pl', 'name_en', 'text_pl', 'text_en', 'alt_labels', 'document', 'line', 'updated_in']);
      expect(csv.data.length, file).toBe(meta.counts[kind]);
      for (const row of csv.data) {
        expect(row.id.startsWith(`${kind}:`)).toBe(true);
        expect(row.name_pl.length).toBeGreaterThan(0);
        expect(Number(row.line)).toBeGreaterThan(0);
      }
      exportedIds.push(...csv.data.map((r) => r.id));
    }
    expect(exportedIds.sort()).toEqual(graph.nodes.map((n) => n.id).sort());

    const relations = await read('relations.csv');
    expect(relations.meta.fields).toEqual(['source_id', 'type', 'target_id', 'document', 'line']);
    expect(relations.data.map((r) => `${r.source_id}|${r.type}|${r.target_id}`).sort()).toEqual(graph.edges.map((e) => `${e.from}|${e.type}|${e.to}`).sort());

    const crosswalks = await read('crosswalks.csv');
    const role = (await get('/roles/data-scientist')).json();
    expect(crosswalks.data.filter((c) => c.role_id === 'role:data-scientist').map((c) => [c.scheme, c.code || c.uri, c.match])).toEqual(
      role.crosswalks.map((c: { scheme: string; code: string | null; uri: string | null; match: string }) => [c.scheme, c.code ?? c.uri, c.match]),
    );

    const metadata = await read('metadata.csv');
    expect(metadata.data.find((m) => m.key === 'version')?.value).toBe(meta.dataVersion);
    expect(metadata.data.filter((m) => m.key === 'attribution').length).toBeGreaterThan(0);
  });

  it('CSV: Polish texts survive (UTF-8), and a field with a comma or quote is quoted', async () => {
    const zip = await JSZip.loadAsync((await get('/export/csv')).rawPayload);
    const roles = await zip.file('roles.csv')!.async('string');
    expect(roles).toContain('Inżynier');
    expect(roles.split('\r\n')[0]).toBe('id,name_pl,name_en,text_pl,text_en,alt_labels,document,line,updated_in');
    // A definition holds commas: the writer must quote it, and the parser above read it back whole.
    const definition = parseCsv(roles).data.find((r) => r.id === 'role:ai-engineer')!.text_pl;
    expect(definition).toContain(',');
    expect(roles).toContain(`"${definition.replaceAll('"', '""')}"`);
  });

  it('SKOS: every node a skos:Concept with its labels, relations and crosswalks', async () => {
    const response = await get('/export/skos.ttl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const store = new Store();
    store.load(response.body, { format: 'text/turtle' });
    const select = (query: string) => store.query(query) as Map<string, { value: string; language?: string }>[];
    const concepts = select(`PREFIX skos: <${SKOS}> PREFIX dct: <${DCT}> SELECT ?id WHERE { ?c a skos:Concept ; dct:identifier ?id ; dct:source ?s }`);
    expect(concepts.map((r) => r.get('id')!.value).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const polish = select(`PREFIX skos: <${SKOS}> SELECT ?c WHERE { ?c a skos:Concept ; skos:prefLabel ?l FILTER(lang(?l) = "pl") }`);
    expect(polish.length).toBe(graph.nodes.length);
    const english = select(`PREFIX skos: <${SKOS}> SELECT ?l WHERE { ?c skos:prefLabel ?l FILTER(lang(?l) = "en") }`);
    expect(english.length).toBeGreaterThan(0);
    // Parent-child edges both ways, the others once as skos:related: every edge is one statement or two.
    const hierarchical = graph.edges.filter((e) => ['has_responsibility', 'has_task', 'in_category'].includes(e.type)).length;
    const narrower = select(`PREFIX skos: <${SKOS}> SELECT ?a ?b WHERE { ?a skos:narrower ?b }`);
    const broader = select(`PREFIX skos: <${SKOS}> SELECT ?a ?b WHERE { ?a skos:broader ?b }`);
    expect(narrower.length).toBe(hierarchical);
    expect(broader.length).toBe(hierarchical);
    const esco = select(`PREFIX skos: <${SKOS}> PREFIX dct: <${DCT}> SELECT ?m WHERE { ?c dct:identifier "role:data-scientist" ; skos:exactMatch ?m }`);
    expect(esco.map((r) => r.get('m')!.value)).toContain('http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30');
    const onet = select(`PREFIX skos: <${SKOS}> PREFIX dct: <${DCT}> SELECT ?code WHERE { ?c dct:identifier "role:data-scientist" ; skos:exactMatch ?m . ?m skos:notation ?code }`);
    expect(onet.map((r) => r.get('code')!.value)).toEqual(['15-2051.00']);
    const broad = select(`PREFIX skos: <${SKOS}> PREFIX dct: <${DCT}> SELECT ?m WHERE { ?c dct:identifier "role:ai-engineer" ; skos:broadMatch ?m }`);
    expect(broad.length).toBe(3);
  });

  it('JSON-LD: the same statements as the Turtle export', async () => {
    const response = await get('/export/graph.jsonld');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const nquads = (await jsonld.toRDF(response.json() as JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
    const fromJsonLd = new Store();
    fromJsonLd.load(nquads, { format: 'application/n-quads' });
    const fromTurtle = new Store();
    fromTurtle.load((await get('/export/skos.ttl')).body, { format: 'text/turtle' });
    expect(fromJsonLd.size).toBe(fromTurtle.size);
    const ids = (store: Store) =>
      (store.query(`PREFIX dct: <${DCT}> SELECT ?id WHERE { ?c dct:identifier ?id }`) as Map<string, { value: string }>[]).map((r) => r.get('id')!.value).sort();
    expect(ids(fromJsonLd)).toEqual(ids(fromTurtle));
  });

  it('each export has a strong ETag, revalidates with 304 and names its origin in the IRIs', async () => {
    for (const url of ['/export/csv', '/export/skos.ttl', '/export/graph.jsonld']) {
      const first = await get(url);
      expect(first.headers.etag, url).toMatch(new RegExp(`^"${meta.dataVersion}-`));
      const again = await get(url, { 'if-none-match': String(first.headers.etag) });
      expect(again.statusCode, url).toBe(304);
    }
    const other = await seeded.app.inject({ url: '/export/skos.ttl', headers: { host: 'other.example' } });
    expect(other.body).toContain('<http://other.example/graph>');
    expect(other.body).not.toContain('api.example');
  });

  it('refuses unknown query parameters with a problem naming them', async () => {
    const response = await get('/export/csv?format=xlsx');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toContain('format');
  });
});
