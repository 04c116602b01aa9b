import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { DOCUMENTS_DIR } from '../src/paths.js';
import type { SearchHit, Suggestion } from '../src/schemas/search.js';
import { ELLIPSIS, MARK_CLOSE, MARK_OPEN, renderSnippet } from '../src/search/snippet.js';
import { foldForSearch, searchTokens } from '../src/search/search-text.js';
import { createSeededDatabase } from './helpers/seeded-app.js';

interface SearchPage {
  items: SearchHit[];
  total: number;
  limit: number;
  offset: number;
}

let app: App;
let sqlite: Database.Database;
const documentLines = readFileSync(join(DOCUMENTS_DIR, 'ai-engineer.pl.txt'), 'utf8').split('\n');

beforeAll(async () => {
  const opened = openReadOnlyDatabase(createSeededDatabase().dbPath);
  sqlite = opened.sqlite;
  app = await buildApp({ db: opened.db, http: { rateLimitMax: 0 } });
});

afterAll(async () => {
  await app?.close();
  sqlite?.close();
});

async function search(query: string): Promise<SearchPage> {
  const response = await app.inject(`/search?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function suggest(query: string): Promise<Suggestion[]> {
  const response = await app.inject(`/search/suggest?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

const ids = (page: SearchPage) => page.items.map((hit) => hit.id);
const hit = (page: SearchPage, id: string) => page.items.find((h) => h.id === id);

describe('GET /search: accents and case', () => {
  it('finds "Inżynier" from "inzynier", role first, and shows the original spelling in the snippet', async () => {
    const page = await search('q=inzynier');
    expect(page.items[0]).toMatchObject({ id: 'role:ai-engineer', kind: 'role', slug: 'ai-engineer', name: 'AI Engineer', url: '/roles/ai-engineer' });
    expect(page.items[0].snippet).toContain('<mark>Inżynier</mark>');
    expect(ids(page)).toContain('category:software-engineering');
    expect(hit(page, 'category:software-engineering')!.snippet).toBe('<mark>Inżynieria</mark> Oprogramowania');
    // Line 19: "Inżynier AI tworzy zautomatyzowane procesy (pipeline)".
    expect(hit(page, 'task:ai-engineer.data-pipelines.modele-ai-potrzebuja-danych-inzynier-ai')!.snippet).toContain('<mark>Inżynier</mark> AI tworzy');
    for (const h of page.items) expect(h.snippet).toMatch(/<mark>[Ii]nżynier/);
  });

  it('treats "INŻYNIER" and "inzynier" alike', async () => {
    const [upper, folded] = await Promise.all([search(`q=${encodeURIComponent('INŻYNIER')}`), search('q=inzynier')]);
    expect(ids(upper)).toEqual(ids(folded));
    expect(upper.total).toBeGreaterThanOrEqual(3);
  });

  it('finds "Wdrażanie" from "wdrazanie" and from "Wdrażanie", the responsibility named so first', async () => {
    for (const q of ['wdrazanie', 'Wdrażanie', 'WDRAZANIE']) {
      const page = await search(`q=${encodeURIComponent(q)}`);
      expect(page.items[0]).toMatchObject({
        id: 'responsibility:ai-engineer.model-deployment',
        name: 'Wdrażanie Modeli na Produkcję',
        snippet: '<mark>Wdrażanie</mark> Modeli na Produkcję',
        url: '/roles/ai-engineer/responsibilities/model-deployment',
        source: { document: 'ai-engineer.pl.txt', line: 35 },
      });
    }
  });

  it('folds ł, which the FTS5 tokenizer alone does not: "polaczenie" finds "połączenie", "ladowania" finds "ładowania"', async () => {
    const page = await search('q=polaczenie');
    expect(hit(page, 'task:ai-engineer.mlops.jest-to-polaczenie-uczenia-maszynowego-devops')!.snippet).toContain('<mark>połączenie</mark>');
    const loading = await search('q=ladowania');
    expect(hit(loading, 'task:ai-engineer.data-pipelines.modele-ai-potrzebuja-danych-inzynier-ai')!.snippet).toContain('<mark>ładowania</mark> danych');
  });
});

describe('GET /search: prefixes and aliases', () => {
  it('matches word prefixes: "kube" finds Kubernetes and Kubeflow', async () => {
    const page = await search('q=kube&kind=technology');
    expect(ids(page)).toEqual(expect.arrayContaining(['technology:kubernetes', 'technology:kubeflow']));
    expect(hit(page, 'technology:kubeflow')!.snippet).toBe('<mark>Kubeflow</mark>');
  });

  it.each([
    ['k8s', 'technology:kubernetes', 'Kubernetes', '/technologies/kubernetes'],
    ['sklearn', 'technology:scikit-learn', 'Scikit-learn', '/technologies/scikit-learn'],
    ['gcp', 'technology:google-cloud', 'Google Cloud', '/technologies/google-cloud'],
    ['GCP', 'technology:google-cloud', 'Google Cloud', '/technologies/google-cloud'],
  ])('finds a technology by its alias "%s"', async (q, id, name, url) => {
    const page = await search(`q=${q}`);
    expect(page.items[0]).toMatchObject({ id, name, url });
    expect(page.items[0].snippet.toLowerCase()).toContain(`<mark>${q.toLowerCase()}</mark>`);
  });

  it('finds a role by its aliases ("Analityk Danych")', async () => {
    const page = await search('q=analityk');
    expect(page.items[0]).toMatchObject({ id: 'role:data-analyst', url: '/roles/data-analyst' });
  });
});

describe('GET /search: ranking', () => {
  it('ranks the technology and skill named Python above texts that mention Pythona', async () => {
    const page = await search('q=python');
    expect(ids(page).slice(0, 2).sort()).toEqual(['skill:python', 'technology:python']);
    // Line 79: "Używa głównie Pythona i narzędzi do uczenia maszynowego."
    const comparison = hit(page, 'comparison:ai-engineer-vs-data-analyst')!;
    expect(comparison.snippet).toContain('<mark>Pythona</mark>');
    expect(comparison.score).toBeLessThan(page.items[1].score);
  });

  it('ranks the responsibility, category and concept named MLOps first', async () => {
    const page = await search('q=mlops');
    expect(ids(page).slice(0, 3).sort()).toEqual(['category:mlops', 'concept:mlops', 'responsibility:ai-engineer.mlops']);
    for (const h of page.items.slice(0, 3)) expect(h.snippet).toBe('<mark>MLOps</mark>');
  });

  it('ranks a name above an alias above a text', async () => {
    // "dryf modelu" names a concept and is written in the text of task 2 of monitoring (line 59).
    const drift = await search('q=dryf');
    expect(ids(drift)).toEqual(['concept:model-drift', 'task:ai-engineer.monitoring-and-maintenance.sprawdza-czy-nie-wystepuje-tzw-dryf']);
    // "Machine Learning Operations" is the responsibility's alias (line 45); tasks and texts only mention machine learning.
    const ml = await search('q=machine%20learning&lang=en');
    expect(ml.items[0].id).toBe('responsibility:ai-engineer.mlops');
    expect(ml.items.slice(1).map((h) => h.kind)).not.toContain('responsibility');
    expect(ids(ml)).toContain('task:ai-engineer.mlops.jest-to-polaczenie-uczenia-maszynowego-devops');
  });

  it('returns scores in non-increasing order', async () => {
    for (const q of ['model', 'danych', 'ai', 'data']) {
      const page = await search(`q=${q}&limit=100`);
      const scores = page.items.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});

describe('GET /search: languages', () => {
  it('searches English texts: "pipelines" and "deploying" with lang=en', async () => {
    const pipelines = await search('q=pipelines&lang=en');
    expect(pipelines.items[0]).toMatchObject({
      id: 'responsibility:ai-engineer.data-pipelines',
      name: 'Designing and Building Data Pipelines',
      snippet: 'Designing and Building Data <mark>Pipelines</mark>',
      snippetLang: 'en',
    });
    expect(hit(pipelines, 'task:ai-engineer.data-pipelines.modele-ai-potrzebuja-danych-inzynier-ai')!.snippet).toContain('(<mark>pipelines</mark>)');

    const deploying = await search('q=deploying&lang=en');
    expect(deploying.items[0]).toMatchObject({ id: 'responsibility:ai-engineer.model-deployment', snippet: '<mark>Deploying</mark> Models to Production' });
  });

  it('searches both languages whatever the response language, naming hits in the response language', async () => {
    const page = await search('q=deploying&lang=pl');
    expect(page.items[0]).toMatchObject({ id: 'responsibility:ai-engineer.model-deployment', name: 'Wdrażanie Modeli na Produkcję', snippetLang: 'en' });
    const accept = await app.inject({ url: '/search?q=wdrazanie', headers: { 'accept-language': 'en' } });
    expect(accept.headers['content-language']).toBe('en');
    // Only the Polish text holds the word, so the snippet is Polish while the name is English.
    expect(accept.json().items[0]).toMatchObject({ name: 'Deploying Models to Production', snippetLang: 'pl', snippet: '<mark>Wdrażanie</mark> Modeli na Produkcję' });
  });

  it('lists the name as untranslated when it has no English', async () => {
    const page = await search('q=vs&kind=comparison&lang=en');
    expect(page.items.length).toBe(2);
    for (const h of page.items) expect(h.untranslated).toEqual(['name']);
  });
});

describe('GET /search: hits', () => {
  it('filters by kind', async () => {
    const all = await search('q=model&limit=100');
    for (const kind of ['task', 'responsibility', 'concept'] as const) {
      const page = await search(`q=model&kind=${kind}&limit=100`);
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((h) => h.kind === kind)).toBe(true);
      expect(ids(page)).toEqual(ids(all).filter((id) => id.startsWith(`${kind}:`)));
    }
  });

  it('gives node ids of the graph_nodes view, each node once, with its source line', async () => {
    const nodes = new Map(
      (sqlite.prepare("select kind || ':' || key as id, line from graph_nodes").all() as { id: string; line: number }[]).map((n) => [n.id, n.line]),
    );
    const seen = new Set<string>();
    for (const q of ['a', 'e', 'i', 'o', 'model', 'dane', 'data', 'python', 'vs']) {
      const page = await search(`q=${q}&limit=100`);
      expect(new Set(ids(page)).size).toBe(page.items.length);
      for (const h of page.items) {
        expect(nodes.get(h.id), h.id).toBe(h.source.line);
        expect(h.id.startsWith(`${h.kind}:`)).toBe(true);
        seen.add(h.id);
      }
    }
    expect(new Set([...seen].map((id) => id.split(':')[0]))).toEqual(
      new Set(['role', 'responsibility', 'task', 'technology', 'skill', 'category', 'concept', 'comparison']),
    );
  });

  it('gives urls that resolve', async () => {
    const urls = new Set<string>();
    for (const q of ['a', 'e', 'i', 'o', 'model', 'data', 'vs', 'python', 'dryf', 'metryki']) {
      for (const h of (await search(`q=${q}&limit=100`)).items) if (h.url) urls.add(h.url);
    }
    expect(urls.size).toBeGreaterThan(10);
    for (const url of urls) expect((await app.inject(url)).statusCode, url).toBe(200);
  });

  it('leads a task to its responsibility, a category to its role\'s skills, a concept to where it is first mentioned', async () => {
    expect(hit(await search('q=hiperparametry&kind=task'), 'task:ai-engineer.model-training-and-fine-tuning.dostraja-hiperparametry-np-learning-rate-batch')!.url).toBe(
      '/roles/ai-engineer/responsibilities/model-training-and-fine-tuning',
    );
    expect((await search('q=programowanie&kind=category')).items[0].url).toBe('/roles/ai-engineer/skills');
    // "dryf modelu" is first written on line 59, a task of monitoring and maintenance.
    expect(documentLines[58]).toContain('dryf modelu');
    expect((await search('q=dryf&kind=concept')).items[0].url).toBe('/roles/ai-engineer/responsibilities/monitoring-and-maintenance');
  });

  it('quotes task hits from the source line they cite', async () => {
    const page = await search('q=modelu&kind=task&limit=100');
    expect(page.total).toBeGreaterThan(0);
    for (const h of page.items) {
      const marked = [...h.snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);
      expect(marked.length).toBeGreaterThan(0);
      for (const word of marked) expect(documentLines[h.source.line - 1]).toContain(word);
    }
  });
});

describe('GET /search: pagination', () => {
  it('pages through the same ordered list', async () => {
    const whole = await search('q=model&limit=100');
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThan(10);
    const pages: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 4) {
      const page = await search(`q=model&limit=4&offset=${offset}`);
      expect(page).toMatchObject({ total: whole.total, limit: 4, offset });
      pages.push(...ids(page));
    }
    expect(pages).toEqual(ids(whole));
  });

  it('keeps the total past the last page', async () => {
    const whole = await search('q=model');
    const past = await search('q=model&offset=500');
    expect(past).toEqual({ items: [], total: whole.total, limit: 20, offset: 500 });
    expect(await search('q=zzzqqq')).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
  });
});

describe('GET /search: hostile input', () => {
  const junk = [
    '"',
    '*',
    'NEAR(',
    'a OR',
    'a AND',
    'NOT',
    "'; DROP TABLE roles;--",
    '\u0000',
    '"pipe"* NEAR(a b) OR {name}: x',
    'name:python',
    '^python',
    'python -kube',
    '()',
    '💥',
    'x'.repeat(200),
    'ą'.repeat(200),
  ];
  it.each(junk)('answers %j with results or a 400 problem, never a 500', async (q) => {
    const response = await app.inject(`/search?q=${encodeURIComponent(q)}`);
    expect([200, 400]).toContain(response.statusCode);
    if (response.statusCode === 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().invalidParams).toEqual([expect.objectContaining({ name: 'q', in: 'query' })]);
    }
    const suggestion = await app.inject(`/search/suggest?q=${encodeURIComponent(q)}`);
    expect([200, 400]).toContain(suggestion.statusCode);
  });

  it('treats operators as words: "a OR" is the words a and or…, "^python" is python', async () => {
    expect((await search('q=name%3Apython')).total).toBe(0);
    expect(ids(await search('q=%5Epython')).slice(0, 2).sort()).toEqual(['skill:python', 'technology:python']);
    const or = await search('q=a%20OR&lang=en');
    expect(or.total).toBeGreaterThan(0);
    for (const h of or.items) expect(h.snippet.toLowerCase()).toContain('<mark>or');
  });

  it('answers an empty, blank or punctuation-only query with an empty list, as a search box expects', async () => {
    for (const q of ['', '"', '*', '%00', '%20%20', '()', '%22*%22']) {
      const search = await app.inject(`/search?q=${q}`);
      expect(search.statusCode, q).toBe(200);
      expect(search.json()).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
      const suggest = await app.inject(`/search/suggest?q=${q}`);
      expect(suggest.statusCode, q).toBe(200);
      expect(suggest.json()).toEqual({ items: [] });
    }
  });

  it('rejects a missing q, a q over 200 characters and a 10 kB q', async () => {
    for (const query of ['', `q=${'a'.repeat(201)}`, `q=${'inżynier '.repeat(100)}`]) {
      const response = await app.inject(`/search?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['q']);
    }
    // Over the URL limit (4096 characters) the request is refused before any parameter is read.
    const huge = await app.inject(`/search?q=${encodeURIComponent('inżynier '.repeat(1200))}`);
    expect(huge.statusCode).toBe(414);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('rejects unknown parameters, unknown kinds and bad paging', async () => {
    for (const query of ['q=python&foo=1', 'q=python&kind=person', 'q=python&limit=0', 'q=python&limit=101', 'q=python&offset=-1', 'q=python&lang=en_US']) {
      const response = await app.inject(`/search?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('leaves the data alone after an injection attempt', async () => {
    await app.inject(`/search?q=${encodeURIComponent("'; DROP TABLE roles;--")}`);
    expect((await app.inject('/roles/ai-engineer')).statusCode).toBe(200);
  });
});

describe('GET /search/suggest', () => {
  it('completes "kube" to Kubernetes (alias "kube" exactly) and Kubeflow, names only', async () => {
    const items = await suggest('q=kube');
    expect(items[0]).toEqual({
      kind: 'technology',
      id: 'technology:kubernetes',
      slug: 'kubernetes',
      name: 'Kubernetes',
      matched: 'kube',
      url: '/technologies/kubernetes',
      // Kubernetes the skill is the same real thing: one entry lists both.
      sameAs: [{ kind: 'skill', id: 'skill:kubernetes', url: '/skills/kubernetes' }],
    });
    expect(items.filter((s) => s.name === 'Kubernetes')).toHaveLength(1);
    expect(items.map((s) => s.id)).toContain('technology:kubeflow');
    // "Docker i Kubernetes" is a skill's text, not its name.
    expect(items.map((s) => s.id)).not.toContain('skill:docker');
  });

  it('completes aliases and accents, names in the response language', async () => {
    expect((await suggest('q=k8s'))[0]).toMatchObject({ id: 'technology:kubernetes', matched: 'k8s' });
    expect((await suggest('q=inz'))[0]).toMatchObject({ id: 'role:ai-engineer', name: 'AI Engineer', matched: 'Inżynier AI' });
    expect((await suggest('q=inz&lang=en')).map((s) => s.name)).toContain('Software Engineering');
    expect((await suggest('q=google%20cl')).map((s) => s.id)).toEqual(['technology:google-cloud', 'technology:google-ai-platform']);
  });

  it('never offers tasks, and honours limit (default 10, at most 20)', async () => {
    const many = await suggest('q=a&limit=20');
    expect(many.length).toBeGreaterThan(10);
    expect(many.length).toBeLessThanOrEqual(20);
    expect(many.map((s) => s.kind)).not.toContain('task');
    expect(await suggest('q=a')).toEqual(many.slice(0, 10));
    expect((await app.inject('/search/suggest?q=a&limit=21')).statusCode).toBe(400);
    expect((await app.inject('/search/suggest?q=a&offset=1')).statusCode).toBe(400);
    expect((await app.inject('/search/suggest')).statusCode).toBe(400);
  });
});

describe('search text', () => {
  it('folds accents without changing the length, so snippet offsets map back', () => {
    const text = 'Łódź, żółć i ß — Inżynier';
    expect(foldForSearch(text)).toBe('Lodz, zolc i ß — Inzynier');
    expect(foldForSearch(text)).toHaveLength(text.length);
  });

  it('splits a query into folded words, dropping syntax', () => {
    expect(searchTokens('"Wdrażanie" NEAR(ŁADOWANIA, *k8s*) CI/CD')).toEqual(['wdrazanie', 'near', 'ladowania', 'k8s', 'ci', 'cd']);
    expect(searchTokens('"*^():-+')).toEqual([]);
  });

  it('rebuilds a snippet from the original text, HTML-escaped', () => {
    const original = 'a <b> & łódź';
    const marked = `${ELLIPSIS}<b> & ${MARK_OPEN}lodz${MARK_CLOSE}`;
    expect(renderSnippet(marked, [{ folded: foldForSearch(original), original }])).toBe('…&lt;b&gt; &amp; <mark>łódź</mark>');
  });
});
