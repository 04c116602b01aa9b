// Needs its own databases: it seeds edited copies of the document one after another to read the release log they leave.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { SEED_DIR } from '../src/paths.js';
import { seedDatabase } from '../src/seed/build-database.js';
import { DEFAULT_SEED_INPUTS, type SeedInputs } from '../src/seed/data-version.js';
import { changesSchema, versionEntrySchema } from '../src/schemas/changes.js';
import { REAL_DOCUMENT_FILE, readRealDocument, writeDocument } from './helpers/documents.js';
import { makeTempDir } from './helpers/seeded-app.js';

/** The three edits the issue names, made to a copy of the real document. */
function editedDocument(): string {
  const source = readRealDocument();
  const edited = source
    // A technology in one list replaced by another.
    .replace('Technologie: Prometheus, Grafana,', 'Technologie: Prometheus, Tableau,')
    // A task sentence extended (its first words, and so its id, stay).
    .replace('Trenuje je na przygotowanych wcześniej danych.', 'Trenuje je na przygotowanych wcześniej danych, dbając o powtarzalność eksperymentów.')
    // A paragraph added: a new task.
    .replace('        Bierze gotowe architektury', '        Porównuje wyniki z poprzednimi wersjami modelu.\n\n        Bierze gotowe architektury');
  expect(edited).not.toBe(source);
  return edited;
}

interface Served {
  app: App;
  close(): Promise<void>;
}

async function serve(dbPath: string): Promise<Served> {
  const { sqlite, db } = openReadOnlyDatabase(dbPath);
  const app = await buildApp({ db, http: { rateLimitMax: 0 } });
  return {
    app,
    async close() {
      await app.close();
      sqlite.close();
    },
  };
}

const json = async (served: Served, url: string) => {
  const response = await served.app.inject({ url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};
const nodeIds = async (served: Served, kind: string) => new Set(((await json(served, '/graph')).nodes as { id: string; kind: string }[]).filter((n) => n.kind === kind).map((n) => n.id));

describe('versions and the change feed', () => {
  let dir: string;
  let inputs: SeedInputs;
  let v1: string;
  let v2: string;
  let before: Served;
  let after: Served;

  beforeAll(async () => {
    dir = makeTempDir();
    const documentsDir = join(dir, 'documents');
    writeDocument(documentsDir, REAL_DOCUMENT_FILE, readRealDocument());
    inputs = { ...DEFAULT_SEED_INPUTS, documentsDir };
    v1 = seedDatabase(join(dir, 'v1.db'), inputs).newRelease!.version;
    writeDocument(documentsDir, REAL_DOCUMENT_FILE, editedDocument());
    const report = seedDatabase(join(dir, 'v2.db'), inputs);
    v2 = report.newRelease!.version;
    before = await serve(join(dir, 'v1.db'));
    after = await serve(join(dir, 'v2.db'));
  }, 120_000);

  afterAll(async () => {
    await before?.close();
    await after?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the releases newest first, with their documents, hashes and counts', async () => {
    const page = await json(after, '/versions');
    const versions = page.items.map((v: unknown) => versionEntrySchema.parse(v));
    expect(versions.map((v: { version: string }) => v.version)).toEqual([v2, v1]);
    expect(versions[1].counts).toEqual({ created: (await json(before, '/graph')).nodes.length, updated: 0, removed: 0 });
    expect(versions[0].documents).toEqual([{ file: REAL_DOCUMENT_FILE, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(versions[0].documents[0].sha256).not.toBe(versions[1].documents[0].sha256);
    expect(versions[0].changes).toBe(`/changes?since=${v1}`);
    expect(v2).not.toBe(v1);
  });

  it('reports the edited task as updated (texts), the new paragraph as created, and the replaced technology', async () => {
    const feed = changesSchema.parse(await json(after, `/changes?since=${v1}`));
    expect(feed).toMatchObject({ from: v1, to: v2 });
    const byId = new Map(feed.items.map((c) => [c.id, c]));
    expect(feed.items.every((c) => c.version === v2)).toBe(true);

    const trained = feed.items.find((c) => c.kind === 'task' && c.change === 'updated');
    expect(trained).toMatchObject({ id: expect.stringMatching(/^task:ai-engineer\.model-training-and-fine-tuning\.trenuje-je-na/), fields: ['texts'] });
    const created = feed.items.filter((c) => c.kind === 'task' && c.change === 'created');
    expect(created.map((c) => c.id)).toEqual([expect.stringMatching(/^task:ai-engineer\.model-training-and-fine-tuning\.porownuje-wyniki/)]);
    expect(byId.get('responsibility:ai-engineer.model-training-and-fine-tuning')).toMatchObject({ change: 'updated', fields: ['relations'] });

    // The technologies that appeared and disappeared are exactly those the graph gained and lost.
    const [was, is] = [await nodeIds(before, 'technology'), await nodeIds(after, 'technology')];
    const gained = [...is].filter((id) => !was.has(id));
    const lost = [...was].filter((id) => !is.has(id));
    expect(feed.items.filter((c) => c.kind === 'technology' && c.change === 'created').map((c) => c.id)).toEqual(gained);
    expect(feed.items.filter((c) => c.kind === 'technology' && c.change === 'removed').map((c) => c.id)).toEqual(lost);
    expect(lost).toEqual(['technology:grafana']);
    // The list that named Grafana now names Tableau: its responsibility's relations changed.
    const monitoring = [...byId.values()].find((c) => c.kind === 'responsibility' && c.id !== 'responsibility:ai-engineer.model-training-and-fine-tuning');
    expect(monitoring).toMatchObject({ change: 'updated', fields: ['relations'] });
    // Nothing else changed: other entities keep their version, even those whose lines moved.
    expect(feed.items.length).toBe(2 + 2 + gained.length + lost.length + feed.items.filter((c) => ['role', 'skill', 'category', 'concept', 'comparison'].includes(c.kind)).length);
    expect(feed.items.filter((c) => c.kind === 'role' || c.kind === 'comparison')).toEqual([]);
  });

  it('says in which version each entity last changed (updatedIn)', async () => {
    expect((await json(after, '/roles/ai-engineer')).updatedIn).toBe(v1);
    expect((await json(before, '/roles/ai-engineer')).updatedIn).toBe(v1);
    const training = await json(after, '/roles/ai-engineer/responsibilities/model-training-and-fine-tuning');
    expect(training.updatedIn).toBe(v2);
    const tasks = new Map(training.tasks.map((t: { id: string; updatedIn: string }) => [t.id.split('.').at(-1), t.updatedIn]));
    expect(tasks.get('trenuje-je-na-przygotowanych-wczesniej-danych')).toBe(v2);
    expect(tasks.get('bierze-gotowe-architektury-modeli-np-z')).toBe(v1);
    expect((await json(after, '/technologies/tableau')).updatedIn).toBe(v1);
    expect((await json(after, '/roles/ai-engineer/responsibilities/mlops')).updatedIn).toBe(v1);
  });

  it('pages the feed with Link headers and an ETag, and answers since=current with nothing', async () => {
    const first = await after.app.inject({ url: `/changes?since=${v1}&limit=2` });
    expect(first.json().items).toHaveLength(2);
    expect(first.headers.link).toContain(`</changes?since=${v1}&limit=2&offset=2>; rel="next"`);
    expect(first.headers.etag).toBeDefined();
    expect((await after.app.inject({ url: `/changes?since=${v1}&limit=2`, headers: { 'if-none-match': String(first.headers.etag) } })).statusCode).toBe(304);
    for (const since of [v2, after.app.data.current.dataVersion]) {
      expect(await json(after, `/changes?since=${since}`)).toMatchObject({ from: since, to: v2, items: [], total: 0 });
    }
  });

  it('answers an unknown version with a 404 problem', async () => {
    const response = await after.app.inject({ url: '/changes?since=0123456789abcdef' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('makes no release when a re-seed changes nothing, and gives the same history on another database path', async () => {
    const log = readFileSync(join(inputs.documentsDir, 'releases.jsonl'), 'utf8');
    const report = seedDatabase(join(dir, 'elsewhere.db'), inputs);
    expect(report.newRelease).toBeNull();
    expect(readFileSync(join(inputs.documentsDir, 'releases.jsonl'), 'utf8')).toBe(log);
    const restarted = await serve(join(dir, 'elsewhere.db'));
    try {
      for (const url of ['/versions', `/changes?since=${v1}`, '/roles/ai-engineer', '/export/csv']) {
        const [a, b] = [await after.app.inject({ url }), await restarted.app.inject({ url })];
        expect(b.rawPayload.equals(a.rawPayload), url).toBe(true);
        expect(b.headers.etag, url).toBe(a.headers.etag);
      }
    } finally {
      await restarted.close();
    }
  });

  it('reads a release recorded twice (two seeds of the same inputs at once) as one', async () => {
    const logPath = join(inputs.documentsDir, 'releases.jsonl');
    const log = readFileSync(logPath, 'utf8');
    writeFileSync(logPath, `${log}${log.trimEnd().split('\n').at(-1)}\n`);
    try {
      expect(seedDatabase(join(dir, 'twice.db'), inputs).newRelease).toBeNull();
      const twice = await serve(join(dir, 'twice.db'));
      try {
        expect((await json(twice, '/versions')).items.map((v: { version: string }) => v.version)).toEqual([v2, v1]);
      } finally {
        await twice.close();
      }
    } finally {
      writeFileSync(logPath, log);
    }
  });

  it('answers a version older than the history kept with a 410 problem', async () => {
    seedDatabase(join(dir, 'short.db'), { ...inputs, keptReleases: 1 });
    const short = await serve(join(dir, 'short.db'));
    try {
      const response = await short.app.inject({ url: `/changes?since=${v1}` });
      expect(response.statusCode).toBe(410);
      expect(response.json()).toMatchObject({ type: '/problems/version-gone', status: 410 });
      expect((await json(short, '/versions')).items.map((v: { version: string }) => v.version)).toEqual([v2, v1]);
    } finally {
      await short.close();
    }
  });

  it('names a technology renamed with its old name kept as an alias as replacedBy the new one', async () => {
    // A copy of the curated data where DVC gets a new slug and name, and keeps "DVC" as an alias.
    const seedDir = join(dir, 'seed');
    cpSync(SEED_DIR, seedDir, { recursive: true, filter: (path) => !path.includes('documents') });
    const vocabularyPath = join(seedDir, 'vocabulary.json');
    const vocabulary = JSON.parse(readFileSync(vocabularyPath, 'utf8'));
    const dvc = vocabulary.technologies.find((t: { slug: string }) => t.slug === 'dvc');
    Object.assign(dvc, { slug: 'data-version-control', name: 'Data Version Control', aliases: ['DVC'] });
    writeFileSync(vocabularyPath, JSON.stringify(vocabulary, null, 2));
    const renamed = seedDatabase(join(dir, 'renamed.db'), { ...inputs, seedDir });
    expect(renamed.newRelease).not.toBeNull();
    const served = await serve(join(dir, 'renamed.db'));
    try {
      const feed = changesSchema.parse(await json(served, `/changes?since=${v2}`));
      expect(feed.items.find((c) => c.id === 'technology:dvc')).toMatchObject({ change: 'removed', replacedBy: 'technology:data-version-control' });
      expect(feed.items.find((c) => c.id === 'technology:data-version-control')).toMatchObject({ change: 'created' });
    } finally {
      await served.close();
    }
  });
});
