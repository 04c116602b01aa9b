import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type { JsonLdDocument, NodeObject } from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupationJsonLd } from '../src/jsonld/documents.js';
import { prefersJsonLd } from '../src/jsonld/media-type.js';
import { withVary } from '../src/http/vary.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { definedTermJsonLdSchema, occupationJsonLdSchema } from '../src/schemas/jsonld.js';
import { roleSchema, type Role } from '../src/schemas/roles.js';
import { injectGet } from './helpers/inject.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/**
 * The schema.org context, served locally so the tests never touch the network. An excerpt is
 * enough: expansion only reads the definitions of the terms a document uses, and each is copied in
 * the shape schema.org generates them — `"term": { "@id": "schema:term" }`, plus `"@type": "@id"`
 * for properties whose range is URL without Text (url, sameAs, inDefinedTermSet), which is what makes
 * their string values IRIs. Note schema.org's own context maps `schema:` and `@vocab` to
 * http://schema.org/ (kept for compatibility), so that is what real expansion yields.
 */
const SCHEMA_ORG_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'schemaorg-context.jsonld'), 'utf8'));
const SCHEMA = 'http://schema.org/';
const SCHEMA_ORG_URLS = new Set(['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/']);

const documentLoader = async (url: string) => {
  if (!SCHEMA_ORG_URLS.has(url)) throw new Error(`offline test: refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
};

/** Every node of the document, embedded ones included, merged by @id. */
async function nodesOf(doc: object): Promise<Map<string, NodeObject>> {
  const flat = (await jsonld.flatten(doc as JsonLdDocument, null as never, { documentLoader })) as unknown as NodeObject[];
  return new Map(flat.map((node) => [node['@id'] as string, node]));
}

type Values = { '@value'?: string; '@language'?: string; '@id'?: string }[];
const values = (node: NodeObject | undefined, property: string) => (node?.[`${SCHEMA}${property}`] ?? []) as Values;

const ORIGIN = 'http://localhost:3000';
const documentLines = readFileSync(join(PROJECT_ROOT, 'seed', 'documents', 'ai-engineer.pl.txt'), 'utf8').split('\n');
const vocabulary = JSON.parse(readFileSync(join(PROJECT_ROOT, 'seed', 'vocabulary.json'), 'utf8')) as { technologies: { slug: string; aliases: string[] }[] };

let seeded: SeededApp;
let app: SeededApp['app'];

beforeAll(async () => {
  seeded = await createSeededApp();
  app = seeded.app;
});

afterAll(async () => {
  await seeded?.close();
});

const get = injectGet(() => app, { host: 'localhost:3000' });

const LD = { accept: 'application/ld+json' };

describe('content negotiation on the detail routes', () => {
  const routes = ['/roles/ai-engineer', '/technologies/dvc', '/skills/python'];

  it.each(routes)('%s stays application/json by default, and says it varies with Accept and Accept-Language', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).not.toHaveProperty('@context');
    const vary = String(res.headers.vary).split(',').map((f) => f.trim().toLowerCase());
    expect(vary).toEqual(expect.arrayContaining(['accept', 'accept-language']));
  });

  it.each(routes)('%s answers Accept: application/ld+json with a JSON-LD document', async (url) => {
    const res = await get(url, LD);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.json()['@context'][0]).toBe('https://schema.org');
    expect(String(res.headers.vary).match(/accept(?!-)/gi)).toHaveLength(1);
  });

  it.each([
    ['application/json, application/ld+json;q=0.5', false],
    ['application/ld+json, application/json;q=0.9', true],
    ['application/ld+json;q=0.2, application/json;q=0.1', true],
    ['application/ld+json, application/json', false],
    ['*/*', false],
    ['application/*', false],
    ['application/ld+json;q=0', false],
    ['text/html', false],
  ])('Accept: %s → JSON-LD: %s', async (accept, isJsonLd) => {
    const res = await get('/roles/ai-engineer', { accept });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(isJsonLd ? 'application/ld+json; charset=utf-8' : 'application/json; charset=utf-8');
  });

  it('?format=jsonld selects JSON-LD and ?format=json overrides Accept', async () => {
    expect((await get('/skills/python?format=jsonld')).headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect((await get('/skills/python?format=json', LD)).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('rejects an unknown format, and the querystring stays strict', async () => {
    const bad = await get('/roles/ai-engineer?format=xml');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().invalidParams[0].name).toBe('format');
    const unknown = await get('/technologies/dvc?fromat=jsonld');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams).toHaveLength(1);
    expect(unknown.json().invalidParams[0].in).toBe('query');
    expect(JSON.stringify(unknown.json().invalidParams)).toContain('fromat');
  });

  it('an unknown resource is still a problem+json 404 when JSON-LD is asked for', async () => {
    const res = await get('/technologies/no-such-thing', LD);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('builds no identifier from a Host header that is not host[:port]: they come from the default origin', async () => {
    const res = await get('/roles/ai-engineer', { ...LD, host: 'evil.example/path' });
    expect(res.statusCode).toBe(200);
    expect(res.json()['@id']).toBe(`${ORIGIN}/roles/ai-engineer`);
    expect(res.body).not.toContain('evil');
  });

  it('serializes each media type through its own response schema', async () => {
    const json = await get('/roles/ai-engineer');
    expect(roleSchema.safeParse(json.json()).success).toBe(true);
    const role = await get('/roles/ai-engineer', LD);
    expect(occupationJsonLdSchema.safeParse(role.json()).success).toBe(true);
    expect(roleSchema.safeParse(role.json()).success).toBe(false);
    for (const url of ['/technologies/kubernetes', '/skills/python']) {
      expect(definedTermJsonLdSchema.safeParse((await get(url, LD)).json()).success).toBe(true);
    }
  });

  it('documents JSON-LD as an operation of its own, and only JSON on the main path, so typed clients get no union', () => {
    const spec = app.swagger() as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { $ref?: string } }> }>; parameters: { name: string }[] } }> };
    const expected = { '/roles/{role}': 'OccupationJsonLd', '/technologies/{technology}': 'DefinedTermJsonLd', '/skills/{skill}': 'DefinedTermJsonLd' };
    for (const [path, component] of Object.entries(expected)) {
      expect(Object.keys(spec.paths[path].get.responses['200'].content)).toEqual(['application/json']);
      const content = spec.paths[`${path}/jsonld`].get.responses['200'].content;
      expect(Object.keys(content)).toEqual(['application/ld+json']);
      expect(content['application/ld+json'].schema.$ref).toBe(`#/components/schemas/${component}`);
    }
  });

  it('serves the same document at /jsonld as negotiation does on the main path', async () => {
    for (const path of ['/roles/ai-engineer', '/technologies/k8s', '/skills/python']) {
      const own = await get(`${path}/jsonld?lang=en`);
      expect(own.statusCode, path).toBe(200);
      expect(own.headers['content-type']).toBe('application/ld+json; charset=utf-8');
      expect(own.json()).toEqual((await get(`${path}?lang=en`, LD)).json());
    }
    expect(occupationJsonLdSchema.safeParse((await get('/roles/ai-engineer/jsonld')).json()).success).toBe(true);
    expect((await get('/roles/astronaut/jsonld')).statusCode).toBe(404);
  });
});

describe('the JSON-LD expands to schema.org (offline, local context)', () => {
  it('the loader serves only the schema.org context', async () => {
    await expect(nodesOf({ '@context': 'https://example.org/context.jsonld', name: 'x' })).rejects.toThrow();
  });

  it('a role is an Occupation with its definition, responsibilities and skills as DefinedTerms', async () => {
    const json = (await get('/roles/ai-engineer?lang=en')).json();
    const responsibilities = (await get('/roles/ai-engineer/responsibilities?lang=en&limit=100')).json().items as { name: string }[];
    const categories = (await get('/roles/ai-engineer/skills?lang=en&limit=100')).json().items as { skills: { slug: string; source: { line: number }; name: string }[] }[];
    const res = await get('/roles/ai-engineer', { ...LD, 'accept-language': 'en' });
    expect(res.headers['content-language']).toBe('en');
    const nodes = await nodesOf(res.json());
    const id = `${ORIGIN}/roles/ai-engineer`;
    const role = nodes.get(id);

    expect(role?.['@type']).toEqual([`${SCHEMA}Occupation`]);
    expect(values(role, 'name')).toEqual([{ '@value': json.name, '@language': 'en' }]);
    expect(values(role, 'description')).toEqual([{ '@value': json.definition.text, '@language': 'en' }]);
    // @id is the API resource; url is the page people read, the explorer, in the document's language.
    expect(values(role, 'url')).toEqual([{ '@id': `${ORIGIN}/?node=role:ai-engineer&lang=en` }]);
    expect(values(role, 'responsibilities')).toEqual(responsibilities.map((r) => ({ '@value': r.name, '@language': 'en' })));
    // Aliases are forms in no one language: the context keeps them untagged.
    expect(values(role, 'alternateName')).toContainEqual({ '@value': 'Artificial Intelligence Engineer' });
    expect(values(role, 'alternateName').every((v) => v['@language'] === undefined)).toBe(true);

    const skillSlugs = [...new Set(categories.flatMap((c) => c.skills.map((s) => s.slug)))];
    expect(values(role, 'skills').map((v) => v['@id'])).toEqual(skillSlugs.map((slug) => `${ORIGIN}/skills/${slug}`));
    for (const ref of values(role, 'skills')) {
      const skill = nodes.get(ref['@id']!);
      expect(skill?.['@type']).toEqual([`${SCHEMA}DefinedTerm`]);
      expect(values(skill, 'inDefinedTermSet')).toEqual([{ '@id': `${ORIGIN}/skills` }]);
      expect(values(skill, 'termCode')).toEqual([{ '@value': ref['@id']!.split('/').pop() }]);
    }
    expect(nodes.get(`${ORIGIN}/skills`)?.['@type']).toEqual([`${SCHEMA}DefinedTermSet`]);
    expect(values(nodes.get(`${ORIGIN}/skills`), 'name')).toEqual([{ '@value': 'Skills', '@language': 'en' }]);

    // Python is a skill of the role because the document's programming line names it.
    const python = categories.flatMap((c) => c.skills).find((s) => s.slug === 'python')!;
    expect(documentLines[python.source.line - 1]).toContain('Python');
    expect(values(nodes.get(`${ORIGIN}/skills/python`), 'name')).toEqual([{ '@value': 'Python', '@language': 'en' }]);
  });

  it('@language follows Accept-Language: in Polish the texts are the document\'s own', async () => {
    const json = (await get('/roles/ai-engineer?lang=pl')).json();
    const res = await get('/roles/ai-engineer', { ...LD, 'accept-language': 'pl-PL, en;q=0.5' });
    expect(res.headers['content-language']).toBe('pl');
    expect(res.json()['@context'][1]['@language']).toBe('pl');
    const role = (await nodesOf(res.json())).get(`${ORIGIN}/roles/ai-engineer`);
    const [description] = values(role, 'description');
    expect(description['@language']).toBe('pl');
    expect(documentLines[json.definition.source.line - 1]).toContain(description['@value']);
    expect(values(role, 'name')).toEqual([{ '@value': json.name, '@language': 'pl' }]);
    expect(documentLines[0]).toContain(json.name);
    const responsibilities = values(role, 'responsibilities');
    expect(responsibilities).toHaveLength(5);
    expect(responsibilities.every((r) => r['@language'] === 'pl')).toBe(true);
    expect(documentLines[16]).toContain(responsibilities[0]['@value']);
  });

  it('a text without a translation is tagged as Polish inside an English document', async () => {
    const role = roleSchema.parse((await get('/roles/ai-engineer?lang=en')).json()) as Role;
    const doc = occupationJsonLd({ ...role, untranslated: ['name'] }, [], [], { origin: ORIGIN, lang: 'en' });
    expect(occupationJsonLdSchema.safeParse(doc).success).toBe(true);
    const node = (await nodesOf(doc)).get(`${ORIGIN}/roles/ai-engineer`);
    expect(values(node, 'name')).toEqual([{ '@value': role.name, '@language': 'pl' }]);
    expect(values(node, 'description')[0]['@language']).toBe('en');
  });

  it('a technology, found by alias, is a DefinedTerm with its aliases as alternateName', async () => {
    const res = await get('/technologies/k8s', { ...LD, 'accept-language': 'en' });
    const nodes = await nodesOf(res.json());
    const id = `${ORIGIN}/technologies/kubernetes`;
    const technology = nodes.get(id);
    expect(technology?.['@type']).toEqual([`${SCHEMA}DefinedTerm`]);
    expect(values(technology, 'name')).toEqual([{ '@value': 'Kubernetes', '@language': 'en' }]);
    expect(values(technology, 'termCode')).toEqual([{ '@value': 'kubernetes' }]);
    expect(values(technology, 'url')).toEqual([{ '@id': `${ORIGIN}/?node=technology:kubernetes&lang=en` }]);
    const aliases = vocabulary.technologies.find((t) => t.slug === 'kubernetes')!.aliases;
    expect(aliases).toContain('k8s');
    expect(values(technology, 'alternateName')).toEqual(aliases.map((alias) => ({ '@value': alias })));
    expect(values(technology, 'inDefinedTermSet')).toEqual([{ '@id': `${ORIGIN}/technologies` }]);
    expect(nodes.get(`${ORIGIN}/technologies`)?.['@type']).toEqual([`${SCHEMA}DefinedTermSet`]);
  });

  it('a skill is a DefinedTerm in the skills set, named in the negotiated language', async () => {
    for (const lang of ['en', 'pl'] as const) {
      const json = (await get(`/skills/problem-solving?lang=${lang}`)).json();
      const nodes = await nodesOf((await get('/skills/problem-solving', { ...LD, 'accept-language': lang })).json());
      const skill = nodes.get(`${ORIGIN}/skills/problem-solving`);
      expect(skill?.['@type']).toEqual([`${SCHEMA}DefinedTerm`]);
      expect(values(skill, 'name')).toEqual([{ '@value': json.name, '@language': lang }]);
      expect(values(skill, 'inDefinedTermSet')).toEqual([{ '@id': `${ORIGIN}/skills` }]);
      expect(values(nodes.get(`${ORIGIN}/skills`), 'name')[0]).toEqual({ '@value': lang === 'en' ? 'Skills' : 'Umiejętności', '@language': lang });
    }
  });
});

describe('the small pure parts', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['application/ld+json', true],
    ['APPLICATION/LD+JSON; profile="http://www.w3.org/ns/json-ld#compacted"', true],
    ['application/json;q=0.9, application/*;q=1, application/ld+json;q=0.8', false],
    ['application/*;q=0.5, application/ld+json', true],
    ['application/ld+json;q=abc', false],
  ])('prefersJsonLd(%s) is %s', (accept, expected) => {
    expect(prefersJsonLd(accept)).toBe(expected);
  });

  it('withVary appends a field once', () => {
    expect(withVary('Accept-Language', 'Accept')).toBe('Accept-Language, Accept');
    expect(withVary('Accept-Language, accept', 'Accept')).toBe('Accept-Language, accept');
    expect(withVary(undefined, 'Accept')).toBe('Accept');
    expect(withVary('*', 'Accept')).toBe('*');
  });
});
