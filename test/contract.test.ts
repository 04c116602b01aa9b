// Needs one test seeds a database of its own, from a copy of the document it edits; the rest read the shared one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { negotiateLanguage } from '../src/lib/language.js';
import { PROBLEM_KEYS } from '../src/http/problems.js';
import { injectGet } from './helpers/inject.js';
import { readRealDocument, REAL_DOCUMENT_FILE, writeDocument } from './helpers/documents.js';
import { createSeededApp, makeTempDir, type SeededApp, useSeededApp } from './helpers/seeded-app.js';

const seeded = useSeededApp();

const get = injectGet(() => seeded.app);

/** Every object in a response that links to an entity (it has a slug and a url) also carries its id. */
function entitiesWithoutId(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => entitiesWithoutId(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = 'slug' in o && !('id' in o) ? [path] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => entitiesWithoutId(v, `${path}.${k}`))];
}

describe('one id per entity', () => {
  it('gives every entity in every JSON response its graph-node id', async () => {
    const urls = [
      '/roles',
      '/roles/ai-engineer',
      '/roles/ai-engineer/responsibilities',
      '/roles/ai-engineer/responsibilities/mlops',
      '/roles/ai-engineer/skills',
      '/roles/ai-engineer/technologies',
      '/roles/ai-engineer/comparisons',
      '/technologies',
      '/technologies/dvc',
      '/skills',
      '/skills/python',
      '/search?q=kube',
      '/search/suggest?q=kube',
      '/roles/ai-engineer/compare/data-analyst',
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(entitiesWithoutId(response.json()), url).toEqual([]);
    }
    for (const [url, payload] of [
      ['/roles/ai-engineer/gap', { have: ['python', 'k8s', 'Docker', 'Cobol'] }],
      ['/extract', { text: 'Szukamy inżyniera ze znajomością Pythona, Dockera i Kubernetesa.' }],
    ] as const) {
      const response = await seeded.app.inject({ method: 'POST', url, payload });
      expect(response.statusCode, url).toBe(200);
      expect(entitiesWithoutId(response.json()), url).toEqual([]);
    }
    const graph = (await get('/graph')).json() as { nodes: { id: string }[] };
    const nodeIds = new Set(graph.nodes.map((n) => n.id));
    const responsibility = (await get('/roles/ai-engineer/responsibilities/mlops')).json();
    expect(responsibility.id).toBe('responsibility:ai-engineer.mlops');
    // The ids in entity responses are the graph's node ids.
    for (const id of [responsibility.id, responsibility.role.id, ...responsibility.tasks.map((t: { id: string }) => t.id), ...responsibility.technologies.map((t: { id: string }) => t.id)]) {
      expect(nodeIds.has(id), id).toBe(true);
    }
    expect((await get('/technologies/dvc')).json().id).toBe('technology:dvc');
  });

  it('accepts an id, a slug, a name or an alias wherever an entity is taken', async () => {
    for (const role of ['role:ai-engineer', 'ai-engineer', 'Inżynier AI', 'AI Engineer']) {
      expect((await get(`/roles/${encodeURIComponent(role)}`)).json().id, role).toBe('role:ai-engineer');
    }
    for (const responsibility of ['mlops', 'responsibility:ai-engineer.mlops', 'MLOps']) {
      expect((await get(`/roles/ai-engineer/responsibilities/${encodeURIComponent(responsibility)}`)).json().id, responsibility).toBe('responsibility:ai-engineer.mlops');
    }
    for (const technology of ['technology:kubernetes', 'kubernetes', 'k8s', 'Kubernetes']) {
      expect((await get(`/technologies/${encodeURIComponent(technology)}`)).json().id, technology).toBe('technology:kubernetes');
    }
    for (const skill of ['skill:python', 'python', 'Python']) {
      expect((await get(`/skills/${encodeURIComponent(skill)}`)).json().id, skill).toBe('skill:python');
    }
    expect((await get(`/roles/${encodeURIComponent('role:Inżynier AI')}/compare/data-analyst`)).statusCode).toBe(200);
  });

  it('links Kubernetes the technology and Kubernetes the skill, and suggests them as one entry', async () => {
    expect((await get('/technologies/kubernetes')).json().sameAs).toEqual(['skill:kubernetes']);
    expect((await get('/skills/kubernetes')).json().sameAs).toEqual(['technology:kubernetes']);
    expect((await get('/technologies/dvc')).json().sameAs).toEqual([]);
    const items = (await get('/search/suggest?q=kube')).json().items as { id: string; sameAs: { id: string }[] }[];
    expect(items.filter((i) => i.id.endsWith(':kubernetes'))).toEqual([expect.objectContaining({ id: 'technology:kubernetes', sameAs: [expect.objectContaining({ id: 'skill:kubernetes' })] })]);
  });

  it('keeps every task id when a paragraph is inserted before it or another one is edited', async () => {
    const taskIds = async (app: Pick<SeededApp, 'app'>) => {
      const page = (await app.app.inject('/roles/ai-engineer/responsibilities?limit=100')).json() as { items: { tasks: { id: string; text: string }[] }[] };
      return page.items.flatMap((r) => r.tasks);
    };
    const before = await taskIds(seeded);
    const source = readRealDocument();
    const edited = source
      .replace('        Bierze gotowe architektury', '        Zupełnie nowy akapit o ewaluacji offline.\n\n        Bierze gotowe architektury')
      .replace('Trenuje je na przygotowanych wcześniej danych.', 'Trenuje je starannie na przygotowanych wcześniej danych.');
    expect(edited).not.toBe(source);
    const dir = makeTempDir();
    writeDocument(dir, REAL_DOCUMENT_FILE, edited);
    const reseeded = await createSeededApp({ documentsDir: dir });
    try {
      const after = new Set((await taskIds(reseeded)).map((t) => t.id));
      const changed = before.filter((t) => !after.has(t.id));
      expect(changed.map((t) => t.text)).toEqual(['Trenuje je na przygotowanych wcześniej danych.']);
      expect(after.size).toBe(before.length + 1);
    } finally {
      await reseeded.close();
    }
    expect(join(dir)).toBeTruthy();
  });
});

describe('standard HTTP semantics', () => {
  it('takes integers only as plain decimal digits', async () => {
    for (const value of ['0x10', '1e2', '+5', '5.0', '%205', '-0', '1_0']) {
      const response = await get(`/roles?limit=${value}`);
      expect(response.statusCode, value).toBe(400);
      expect(response.json().invalidParams[0].name).toBe('limit');
    }
    expect((await get('/roles?limit=05')).json().limit).toBe(5);
    expect((await get('/graph/nodes/technology:dvc/neighbors?depth=2')).json().depth).toBe(2);
    expect((await get('/graph/nodes/technology:dvc/neighbors?depth=2.0')).statusCode).toBe(400);
  });

  it('says where the other pages are in a Link header on every paginated list', async () => {
    const first = await get('/technologies?limit=5');
    const total = first.json().total as number;
    const last = Math.floor((total - 1) / 5) * 5;
    expect(first.headers.link).toBe(
      `</technologies?limit=5&offset=0>; rel="first", </technologies?limit=5&offset=5>; rel="next", </technologies?limit=5&offset=${last}>; rel="last"`,
    );
    const middle = await get('/technologies?limit=5&offset=5&kind=tool');
    expect(middle.headers.link).toContain('</technologies?limit=5&offset=0&kind=tool>; rel="prev"');
    const end = await get(`/technologies?limit=5&offset=${last}`);
    expect(end.headers.link).not.toContain('rel="next"');
    expect(end.headers.link).toContain('rel="prev"');
    for (const url of ['/roles', '/roles/ai-engineer/responsibilities', '/skills', '/search?q=model', '/roles/ai-engineer/skills']) {
      expect((await get(url)).headers.link, url).toMatch(/rel="first".*rel="last"/);
    }
    // Cached: the second answer carries the same Link.
    expect((await get('/technologies?limit=5')).headers.link).toBe(first.headers.link);
  });

  it('makes every problem type dereferenceable, in the negotiated language', async () => {
    for (const key of PROBLEM_KEYS) {
      const page = await get(`/problems/${key}`);
      expect(page.statusCode, key).toBe(200);
      expect(page.json()).toMatchObject({ type: `/problems/${key}` });
    }
    const english = (await get('/problems/not-found?lang=en')).json();
    expect(english).toEqual({ type: '/problems/not-found', title: 'Not found', status: 404, description: expect.stringContaining('No resource') });
    expect((await get('/problems/not-found')).json().title).toBe('Nie znaleziono');
    expect((await get('/problems/no-such-problem')).statusCode).toBe(404);
    // Names every object inherits are no problem types either.
    for (const inherited of ['constructor', 'toString', '__proto__']) expect((await get(`/problems/${inherited}`)).statusCode, inherited).toBe(404);
    // The type a problem names answers a GET.
    const problem = (await get('/roles/astronaut')).json();
    expect((await get(problem.type)).statusCode).toBe(200);
  });
});

describe('language like the web does it', () => {
  it('negotiates BCP 47 tags in any case, q-values, q=0 and *', () => {
    expect(negotiateLanguage('en-US', undefined)).toBe('en');
    expect(negotiateLanguage('EN', undefined)).toBe('en');
    expect(negotiateLanguage('pl-PL', 'en')).toBe('pl');
    expect(negotiateLanguage(undefined, 'pl;q=0.1, en;q=0.9')).toBe('en');
    expect(negotiateLanguage(undefined, 'EN-gb;q=0.5, PL-pl;q=0.4')).toBe('en');
    expect(negotiateLanguage(undefined, 'pl;q=0, *')).toBe('en');
    expect(negotiateLanguage(undefined, 'en;q=0')).toBe('pl');
    expect(negotiateLanguage(undefined, '*')).toBe('pl');
    expect(negotiateLanguage(undefined, 'de, fr;q=0.8')).toBe('pl');
    expect(negotiateLanguage(undefined, 'de, fr;q=0.8', 'en')).toBe('en');
    expect(negotiateLanguage(undefined, 'de, fr;q=0.8, en;q=0.1')).toBe('en');
    expect(negotiateLanguage(undefined, 'de, pl;q=0', 'pl')).toBe('en');
    expect(negotiateLanguage('de', 'en')).toBe('en');
  });

  it('answers in the negotiated language, says so in Content-Language, and so do problems', async () => {
    for (const [query, header, lang] of [
      ['lang=en-US', undefined, 'en'],
      ['lang=EN', undefined, 'en'],
      ['lang=pl-PL', 'en', 'pl'],
      ['', 'pl;q=0.1, en;q=0.9', 'en'],
      ['', 'en;q=0, *', 'pl'],
      ['', 'de-DE', 'pl'],
    ] as const) {
      const role = await get(`/roles/ai-engineer?${query}`, header ? { 'accept-language': header } : {});
      expect(role.statusCode, `${query} ${header}`).toBe(200);
      expect(role.headers['content-language'], `${query} ${header}`).toBe(lang);
      expect(role.json().name).toBe('AI Engineer');
      const problem = await get(`/roles/astronaut?${query}`, header ? { 'accept-language': header } : {});
      expect(problem.headers['content-language'], `${query} ${header}`).toBe(lang);
      expect(problem.json().title).toBe(lang === 'pl' ? 'Nie znaleziono' : 'Not found');
      expect(problem.json().detail).toBe(lang === 'pl' ? 'Brak roli „astronaut”.' : 'No role "astronaut" exists.');
    }
    const invalid = await get('/roles?limit=0', { 'accept-language': 'en' });
    expect(invalid.json()).toMatchObject({ title: 'Invalid parameter', detail: expect.stringContaining('query parameter "limit"') });
    const invalidPl = await get('/roles?limit=0');
    expect(invalidPl.json()).toMatchObject({ title: 'Nieprawidłowy parametr', detail: expect.stringContaining('Parametr zapytania „limit” musi być') });
    expect(invalidPl.headers['content-language']).toBe('pl');
  });

  it('reads DEFAULT_LANGUAGE from the environment, pl unless set, and refuses other values', () => {
    expect(loadConfig({}).http.defaultLanguage).toBe('pl');
    expect(loadConfig({ DEFAULT_LANGUAGE: 'en' }).http.defaultLanguage).toBe('en');
    expect(() => loadConfig({ DEFAULT_LANGUAGE: 'de' })).toThrow(ConfigError);
  });

  it('serves DEFAULT_LANGUAGE to a client that asks for no language it has', async () => {
    const english = await createSeededApp({ http: { defaultLanguage: 'en' } });
    try {
      const response = await english.app.inject({ url: '/roles/ai-engineer/responsibilities/data-pipelines', headers: { 'accept-language': 'de, fr;q=0.5' } });
      expect(response.headers['content-language']).toBe('en');
      expect(response.json().name).not.toBe((await get('/roles/ai-engineer/responsibilities/data-pipelines', { 'accept-language': 'de' })).json().name);
      expect((await english.app.inject({ url: '/roles/ai-engineer', headers: { 'accept-language': 'pl' } })).headers['content-language']).toBe('pl');
    } finally {
      await english.close();
    }
  });
});
