import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../src/paths.js';
import { REAL_DOCUMENT_FILE, realDocumentLines } from './helpers/documents.js';
import { injectGet } from './helpers/inject.js';
import { expectProblem } from './helpers/problems.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

const lines = realDocumentLines();
const translations = JSON.parse(readFileSync(join(SEED_DIR, 'translations', 'en.json'), 'utf8')) as Record<string, string>;
/** The document's own text of a "Label: text" line. */
const textOfLine = (line: number) => lines[line].trim().replace(/^[^:]+:\s+/, '');

let seeded: SeededApp;
const responses: LightMyRequestResponse[] = [];

const injected = injectGet(() => seeded.app);
async function get(url: string, headers: Record<string, string> = {}) {
  const response = await injected(url, headers);
  responses.push(response);
  return response;
}

async function getJson<T = any>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await get(url, headers);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json() as T;
}

beforeAll(async () => {
  seeded = await createSeededApp();
});

afterAll(async () => {
  await seeded?.close();
});

describe('GET /roles', () => {
  it('lists the roles, the described one first, with a page envelope', async () => {
    const page = await getJson('/roles');
    expect(page).toMatchObject({ total: 4, limit: 20, offset: 0 });
    expect(page.items.map((r: any) => r.slug)).toEqual(['ai-engineer', 'ai-scientist', 'data-scientist', 'data-analyst']);
    expect(page.items[0]).toMatchObject({ name: 'AI Engineer', url: '/roles/ai-engineer', definition: textOfLine(5), source: { document: REAL_DOCUMENT_FILE, line: 1 } });
    expect(page.items[0].counts).toMatchObject({ responsibilities: 5, comparisons: 2 });
    // Roles the document only names have no definition.
    expect(page.items.slice(1).map((r: any) => r.definition)).toEqual([null, null, null]);
  });

  it('pages with limit and offset', async () => {
    const page = await getJson('/roles?limit=2&offset=1');
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.items.map((r: any) => r.slug)).toEqual(['ai-scientist', 'data-scientist']);
    expect((await getJson('/roles?offset=10')).items).toEqual([]);
  });
});

describe('GET /roles/:role', () => {
  it('serves the definition from line 5 in Polish by default', async () => {
    const response = await get('/roles/ai-engineer');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-language']).toBe('pl');
    const role = response.json();
    expect(role.definition).toEqual({ text: textOfLine(5), source: { document: REAL_DOCUMENT_FILE, line: 5 } });
    expect(role.describedBy).toEqual({ document: REAL_DOCUMENT_FILE, title: lines[1] });
    expect(role.untranslated).toBeUndefined();
    expect(role.analogies[0].sides.map((s: any) => [s.role.slug, s.source.line])).toEqual([
      ['ai-scientist', 11],
      ['ai-engineer', 13],
    ]);
    expect(role.summary.map((s: any) => s.source.line)).toEqual([101, 103, 105]);
    expect(role.links.responsibilities).toBe('/roles/ai-engineer/responsibilities');
  });

  it('serves the curated English translation with lang=en', async () => {
    const response = await get('/roles/ai-engineer?lang=en');
    expect(response.headers['content-language']).toBe('en');
    const role = response.json();
    expect(translations[textOfLine(5)]).toBeDefined();
    expect(role.definition).toEqual({ text: translations[textOfLine(5)], source: { document: REAL_DOCUMENT_FILE, line: 5 } });
    expect(role.describedBy.title).toBe(translations[lines[1]]);
    expect(role.untranslated).toBeUndefined();
  });

  it('negotiates Accept-Language, and ?lang= wins over it', async () => {
    const en = await get('/roles/ai-engineer', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.headers['content-language']).toBe('en');
    expect(en.json().definition.text).toBe(translations[textOfLine(5)]);
    expect(en.headers.vary).toMatch(/Accept-Language/i);

    const pl = await get('/roles/ai-engineer?lang=pl', { 'accept-language': 'en' });
    expect(pl.headers['content-language']).toBe('pl');
    expect(pl.json().definition.text).toBe(textOfLine(5));

    const preferPolish = await get('/roles/ai-engineer', { 'accept-language': 'de, pl;q=0.8, en;q=0.5' });
    expect(preferPolish.headers['content-language']).toBe('pl');
  });

  it('resolves a role by an alias', async () => {
    const role = await getJson('/roles/In%C5%BCynier%20AI');
    expect(role.slug).toBe('ai-engineer');
    expect(role.aliases.map((a: { name: string }) => a.name)).toContain('Inżynier AI');
    // The definition names the role "Inżynier Sztucznej Inteligencji" in parentheses.
    expect((await getJson(`/roles/${encodeURIComponent('Inżynier Sztucznej Inteligencji')}`)).slug).toBe('ai-engineer');
  });

  it("describes a role the document only compares, with that comparison's focus, key question and tools", async () => {
    const role = await getJson('/roles/data-analyst');
    expect(role).toMatchObject({ slug: 'data-analyst', definition: null, describedBy: null, source: { line: 75 } });
    expect(role.comparisons).toHaveLength(1);
    const comparison = role.comparisons[0];
    expect(comparison).toMatchObject({
      slug: 'ai-engineer-vs-data-analyst',
      with: { slug: 'ai-engineer' },
      focus: 'Pracuje na danych historycznych, aby wyciągać wnioski i tworzyć raporty.',
      keyQuestion: 'Co się stało?',
      source: { document: REAL_DOCUMENT_FILE, line: 77 },
    });
    expect(lines[77]).toContain(comparison.focus);
    expect(comparison.tools.map((t: any) => t.slug)).toEqual(['sql', 'excel', 'tableau']);
    const en = await getJson('/roles/data-analyst?lang=en');
    expect(en.comparisons[0].keyQuestion).toBe(translations['Co się stało?']);
  });
});

describe('GET /roles/:role/responsibilities', () => {
  it('lists the five responsibilities in document order with tasks and technologies', async () => {
    const page = await getJson('/roles/ai-engineer/responsibilities');
    expect(page.total).toBe(5);
    expect(page.items.map((r: any) => [r.slug, r.position, r.source.line])).toEqual([
      ['data-pipelines', 1, 17],
      ['model-training-and-fine-tuning', 2, 23],
      ['model-deployment', 3, 35],
      ['mlops', 4, 45],
      ['monitoring-and-maintenance', 5, 55],
    ]);
    expect(page.items.map((r: any) => r.tasks.length)).toEqual([1, 4, 3, 3, 4]);
    for (const r of page.items) {
      expect(lines[r.source.line]).toContain(r.name);
      for (const t of r.tasks) expect(lines[t.source.line].trim()).toBe(t.text);
    }
    const pipelines = page.items[0];
    expect(pipelines.technologies.map((t: any) => [t.slug, t.name, t.source.line])).toEqual([
      ['apache-spark', 'Apache Spark', 21],
      ['apache-airflow', 'Apache Airflow', 21],
      ['dvc', 'DVC', 21],
      ['sql', 'SQL', 21],
      ['nosql', 'NoSQL', 21],
    ]);
    expect(pipelines.technologies[3].context).toBe('praca z bazami danych');
    const deployment = page.items[2];
    expect(deployment.tasks[1].technologies.map((t: any) => t.slug)).toEqual(['fastapi']);
    expect(deployment.tasks[2].technologies.map((t: any) => t.slug)).toEqual(['aws', 'google-cloud', 'azure']);
    expect(page.items[4].otherTools).toEqual([{ text: 'narzędzia monitorujące dostawców chmurowych', source: { document: REAL_DOCUMENT_FILE, line: 65 } }]);
  });

  it('translates names and tasks with lang=en', async () => {
    const page = await getJson('/roles/ai-engineer/responsibilities?lang=en');
    expect(page.items[0].name).toBe(translations['Projektowanie i Budowanie Potoków Danych']);
    expect(page.items[0].tasks[0].text).toBe(translations[lines[19].trim()]);
    expect(page.items.every((r: any) => r.untranslated === undefined)).toBe(true);
  });

  it('serves one responsibility: MLOps with DVC and its expansion as the term', async () => {
    const mlops = await getJson('/roles/ai-engineer/responsibilities/mlops');
    expect(mlops).toMatchObject({ slug: 'mlops', name: 'MLOps', term: 'Machine Learning Operations', position: 4, source: { line: 45 } });
    expect(mlops.technologies.map((t: any) => t.slug)).toEqual(['mlflow', 'kubeflow', 'dvc', 'github-actions']);
    expect(mlops.technologies.find((t: any) => t.slug === 'dvc')).toMatchObject({ name: 'DVC', url: '/technologies/dvc', source: { line: 53 } });
    expect(mlops.tasks.map((t: any) => t.source.line)).toEqual([47, 49, 51]);
  });
});

describe('GET /roles/:role/skills', () => {
  it('lists the eight categories in document order', async () => {
    const page = await getJson('/roles/ai-engineer/skills');
    expect(page.total).toBe(8);
    expect(page.items.map((c: any) => [c.name, c.position, c.source.line])).toEqual([
      ['Programowanie', 1, 83],
      ['Biblioteki i Frameworki', 2, 85],
      ['Inżynieria Oprogramowania', 3, 87],
      ['Chmura Obliczeniowa', 4, 89],
      ['Konteneryzacja i Orkiestracja', 5, 91],
      ['MLOps', 6, 93],
      ['Bazy Danych', 7, 95],
      ['Umiejętności Miękkie', 8, 97],
    ]);
    expect(page.items[7].kind).toBe('soft');
    expect(page.items.slice(0, 7).every((c: any) => c.kind === 'technical')).toBe(true);
  });

  it('keeps the qualifier of Python, in both languages', async () => {
    const pl = await getJson('/roles/ai-engineer/skills');
    expect(pl.items[0].skills).toEqual([
      expect.objectContaining({ slug: 'python', text: 'Głównie Python (perfekcyjna znajomość)', qualifier: 'perfekcyjna znajomość', source: { document: REAL_DOCUMENT_FILE, line: 83 } }),
    ]);
    const en = await getJson('/roles/ai-engineer/skills?lang=en');
    expect(en.items[0].skills[0].qualifier).toBe(translations['perfekcyjna znajomość']);
    expect(en.items[0].name).toBe(translations.Programowanie);
  });

  it('links the cloud-providers skill to AWS, Google Cloud (written GCP) and Azure', async () => {
    const page = await getJson('/roles/ai-engineer/skills');
    const cloud = page.items.find((c: any) => c.source.line === 89);
    expect(cloud.skills).toHaveLength(1);
    expect(cloud.skills[0].slug).toBe('cloud-providers');
    expect(cloud.skills[0].technologies.map((t: any) => t.slug)).toEqual(['aws', 'google-cloud', 'azure']);
  });

  it('splits "PyTorch/TensorFlow" and "Docker i Kubernetes" into their technologies', async () => {
    const page = await getJson('/roles/ai-engineer/skills');
    expect(page.items[1].skills.map((s: any) => s.slug)).toEqual(['pandas', 'numpy', 'pytorch', 'tensorflow', 'scikit-learn', 'fastapi', 'flask', 'pydantic']);
    expect(page.items[4].skills.map((s: any) => s.slug)).toEqual(['docker', 'kubernetes']);
  });
});

describe('GET /roles/:role/technologies and /comparisons', () => {
  it('lists DVC once with both responsibilities that use it', async () => {
    const page = await getJson('/roles/ai-engineer/technologies?limit=100');
    const dvc = page.items.filter((t: any) => t.slug === 'dvc');
    expect(dvc).toHaveLength(1);
    expect(dvc[0].usages.map((u: any) => [u.via, u.responsibility?.slug, u.source.line])).toEqual([
      ['responsibility', 'data-pipelines', 21],
      ['responsibility', 'mlops', 53],
    ]);
    const slugs = page.items.map((t: any) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(page.total).toBe(slugs.length);
  });

  it('lists both comparisons with every side, its key question and tools', async () => {
    const page = await getJson('/roles/ai-engineer/comparisons');
    expect(page.total).toBe(2);
    expect(page.items.map((c: any) => [c.slug, c.title, c.source.line])).toEqual([
      ['ai-engineer-vs-data-scientist', 'AI Engineer vs. Data Scientist', 69],
      ['ai-engineer-vs-data-analyst', 'AI Engineer vs. Data Analyst', 75],
    ]);
    const sides = page.items.flatMap((c: any) => c.sides.map((s: any) => [s.role.slug, s.keyQuestion, s.source.line]));
    expect(sides).toEqual([
      ['data-scientist', 'Czy to jest możliwe?', 71],
      ['ai-engineer', 'Jak sprawić, by to działało dla milionów użytkowników 24/7?', 73],
      ['data-analyst', 'Co się stało?', 77],
      ['ai-engineer', 'Co się stanie?', 79],
    ]);
    for (const side of page.items.flatMap((c: any) => c.sides)) expect(lines[side.source.line]).toContain(`"${side.keyQuestion}"`);
    const analyst = page.items[1].sides[0];
    expect(analyst.tools.map((t: any) => t.name)).toEqual(['SQL', 'Excel', 'Tableau']);
    const en = await getJson('/roles/ai-engineer/comparisons?lang=en');
    expect(en.items[0].sides[0].keyQuestion).toBe(translations['Czy to jest możliwe?']);
  });
});

describe('GET /technologies', () => {
  it('pages through every technology sorted by name', async () => {
    const all = await getJson('/technologies?limit=100');
    const names = all.items.map((t: any) => t.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const page = await getJson('/technologies?limit=5&offset=5');
    expect(page).toMatchObject({ total: all.total, limit: 5, offset: 5 });
    expect(page.items).toEqual(all.items.slice(5, 10));
  });

  it('filters by kind', async () => {
    const cloud = await getJson('/technologies?kind=cloud');
    expect(cloud.items.map((t: any) => t.slug)).toEqual(['aws', 'azure', 'google-cloud']);
    expect(cloud.items.every((t: any) => t.kind === 'cloud')).toBe(true);
  });

  it('resolves aliases: k8s and GCP', async () => {
    expect((await getJson('/technologies/k8s')).slug).toBe('kubernetes');
    const gcp = await getJson('/technologies/GCP');
    expect(gcp.slug).toBe('google-cloud');
    expect(gcp.aliases.map((a: { name: string }) => a.name)).toContain('GCP');
    expect(gcp.skills.map((s: any) => s.slug)).toEqual(['cloud-providers']);
    expect(gcp.tasks.map((t: any) => [t.responsibility.slug, t.source.line])).toEqual([['model-deployment', 41]]);
  });

  it('lists both responsibilities that use DVC', async () => {
    const dvc = await getJson('/technologies/dvc');
    expect(dvc.responsibilities.map((r: any) => [r.role.slug, r.slug, r.source.line])).toEqual([
      ['ai-engineer', 'data-pipelines', 21],
      ['ai-engineer', 'mlops', 53],
    ]);
    expect(dvc.roles).toEqual([expect.objectContaining({ slug: 'ai-engineer', via: ['responsibility'] })]);
  });
});

describe('GET /skills', () => {
  it('lists the skills and filters them by kind', async () => {
    const page = await getJson('/skills?limit=100');
    expect(page.items[0].slug).toBe('python');
    expect(page.items.map((s: any) => s.slug)).toEqual(expect.arrayContaining(['cloud-providers', 'relational-databases', 'problem-solving']));
    const soft = await getJson('/skills?kind=soft');
    expect(soft.items.map((s: any) => s.slug)).toEqual(['problem-solving', 'communication', 'understanding-business-needs']);
  });

  it('serves one skill with the roles that require it', async () => {
    const python = await getJson('/skills/python');
    expect(python).toMatchObject({ slug: 'python', name: 'Python', kind: 'technical', source: { line: 83 } });
    expect(python.technologies.map((t: any) => t.slug)).toEqual(['python']);
    expect(python.roles).toEqual([
      expect.objectContaining({ role: expect.objectContaining({ slug: 'ai-engineer' }), qualifier: 'perfekcyjna znajomość', source: { document: REAL_DOCUMENT_FILE, line: 83 } }),
    ]);
  });
});

describe('meta endpoints', () => {
  it('GET /health answers ok, and /meta reports the data version, counts and documents', async () => {
    expect(await getJson('/health')).toMatchObject({ status: 'ok' });
    const meta = await getJson('/meta');
    expect(meta).toMatchObject({ dataVersion: seeded.report.dataVersion, counts: { role: 4, responsibility: 5, task: 15, comparison: 2 } });
    expect(meta.documents.map((d: { file: string }) => d.file)).toEqual([REAL_DOCUMENT_FILE]);
    expect(meta.documents[0].lines).toBe(105);
    expect(Number.isNaN(Date.parse(meta.seededAt))).toBe(false);
  });

  it('GET /openapi.json documents every API route and method', async () => {
    const response = await get('/openapi.json');
    expect(response.statusCode).toBe(200);
    const spec = JSON.parse(response.body);
    expect(spec.openapi).toMatch(/^3\.1/);
    // Paths compared by shape: two routes may name the parameter at one position differently.
    const documented = new Map(Object.entries(spec.paths as Record<string, Record<string, unknown>>).map(([path, item]) => [pathShape(path), item]));
    const routes = apiRoutes(seeded.app.printRoutes({ commonPrefix: false }));
    expect(routes.map((r) => r.shape)).toEqual(
      expect.arrayContaining(['/roles', '/roles/{}', '/roles/{}/responsibilities/{}', '/technologies/{}', '/skills/{}', '/health', '/openapi.json']),
    );
    for (const route of routes) {
      const item = documented.get(route.shape);
      expect(item, `route ${route.path} is missing from the OpenAPI document`).toBeDefined();
      for (const method of route.methods) expect(Object.keys(item!), `${method} ${route.path} is not documented`).toContain(method.toLowerCase());
    }
  });

  it('GET /docs serves Swagger UI with its assets from this server', async () => {
    const page = await get('/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    // Nothing from a CDN: every asset is a path on this server.
    for (const asset of assets) expect(asset).toMatch(/^\/docs\/static\//);
    const css = await get('/docs/static/swagger-ui.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    const bundle = await get('/docs/static/swagger-ui-bundle.js');
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
  });
});

describe('errors', () => {
  it.each([
    ['/roles?limit=0', 'limit'],
    ['/roles?limit=101', 'limit'],
    ['/roles?limit=abc', 'limit'],
    ['/roles?offset=-1', 'offset'],
    ['/technologies?limit=2.5', 'limit'],
    ['/roles?lang=en_US', 'lang'],
    ['/roles/ai-engineer?lang=1en', 'lang'],
    ['/technologies?kind=quantum', 'kind'],
  ])('GET %s → 400 problem+json naming %s', async (url, name) => {
    const problem = expectProblem(await get(url), 400, `${url}: `);
    expect(problem.invalidParams[0]).toMatchObject({ name, in: 'query' });
    expect(problem.detail).toContain(name);
    expect(problem.instance).toBe(url);
  });

  it.each([
    ['/roles?foo=1', 'foo'],
    ['/roles/ai-engineer?limit=5', 'limit'],
    ['/technologies/dvc?verbose=true', 'verbose'],
  ])('GET %s → 400 problem+json naming the unknown parameter %s', async (url, name) => {
    const problem = expectProblem(await get(url), 400, `${url}: `);
    expect(problem.invalidParams[0]).toMatchObject({ name, in: 'query' });
    expect(problem.detail).toContain(name);
  });

  it.each([
    ['/roles/no-such-role', 'no-such-role'],
    ['/roles/no-such-role/responsibilities', 'no-such-role'],
    ['/roles/no-such-role/skills', 'no-such-role'],
    ['/roles/no-such-role/technologies', 'no-such-role'],
    ['/roles/no-such-role/comparisons', 'no-such-role'],
    ['/roles/ai-engineer/responsibilities/no-such-duty', 'no-such-duty'],
    ['/technologies/no-such-tech', 'no-such-tech'],
    ['/skills/no-such-skill', 'no-such-skill'],
  ])('GET %s → 404 problem+json naming %s', async (url, slug) => {
    const problem = expectProblem(await get(url), 404, `${url}: `);
    expect(problem.detail).toContain(`„${slug}”`);
    expect(problem.type).toBe('/problems/not-found');
    const english = expectProblem(await get(`${url}?lang=en`), 404);
    expect(english.detail).toContain(`"${slug}"`);
  });

  it('answers an unknown route with 404 and a known path with a wrong method with 405 and Allow, both problem+json', async () => {
    const problem = expectProblem(await get('/no/such/route'), 404);
    expect(problem.detail).toContain('/no/such/route');
    for (const [method, url, allow] of [
      ['POST', '/roles', 'GET, HEAD, OPTIONS'],
      ['PUT', '/roles', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/roles/ai-engineer', 'GET, HEAD, OPTIONS'],
      ['GET', '/extract', 'POST, OPTIONS'],
      ['PATCH', '/roles/ai-engineer/gap', 'POST, OPTIONS'],
    ] as const) {
      const response = await seeded.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      responses.push(response);
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ type: '/problems/method-not-allowed', status: 405, title: 'Niedozwolona metoda' });
    }
  });

  it('answers a malformed percent-encoding with 400 problem+json', async () => {
    // Fastify's router rejects it before any route runs.
    expectProblem(await get('/roles/%E0%A4%A'), 400);
  });

  it('answers a path parameter longer than the router allows with a 4xx problem+json', async () => {
    const tooLong = await get(`/roles/${'a'.repeat(250)}`);
    expect(tooLong.statusCode).toBeGreaterThanOrEqual(400);
    expect(tooLong.statusCode).toBeLessThan(500);
    expect(tooLong.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('never sends a stack trace or a 500', () => {
    expect(responses.length).toBeGreaterThan(40);
    for (const response of responses) {
      expect(response.statusCode).toBeLessThan(500);
      if (!/json/.test(String(response.headers['content-type']))) continue;
      expect(response.body).not.toMatch(/"stack"|\n\s+at |node_modules|\/src\//);
    }
  });
});

/** "/roles/{role}", "/roles/:role" and "/roles/:role|:a" all have the shape "/roles/{}". */
function pathShape(path: string): string {
  return path.replace(/\{[^}]+\}/g, '{}').replace(/:[^/]+/g, '{}');
}

/** The API's routes from Fastify's route tree (/docs is Swagger UI's own), with their methods but HEAD. */
function apiRoutes(tree: string): { path: string; shape: string; methods: string[] }[] {
  const stack: string[] = [];
  const routes: { path: string; shape: string; methods: string[] }[] = [];
  for (const raw of tree.split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(\S+) \(([^)]*)\)/.exec(raw);
    if (!match) continue;
    stack.length = match[1].length / 4;
    stack.push(match[2]);
    const path = stack.join('');
    // HEAD mirrors GET; OPTIONS * only answers CORS preflights.
    const methods = match[3].split(',').map((m) => m.trim()).filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
    if (path.startsWith('/docs') || methods.length === 0) continue;
    routes.push({ path, shape: pathShape(path), methods });
  }
  return routes;
}
