// Needs its own database: it re-seeds the file the app serves, under the app.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from '../src/db/drizzle.cjs';
import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { DataContext } from '../src/data/data-context.js';
import { DataSource } from '../src/data/data-source.js';
import { reloadData } from '../src/data/reload-data.js';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { DATA_ENGINEER_FIXTURE, documentsDirWith, REAL_DOCUMENT_PATH } from './helpers/documents.js';
import { makeTempDir, seedFromDocuments } from './helpers/seeded-app.js';

let dir: string;
let dbPath: string;
let app: App;
let data: DataSource;
let firstSqlite: ReturnType<typeof openReadOnlyDatabase>['sqlite'];

async function inject(options: InjectOptions | string) {
  return app.inject(options);
}

const metaVersion = async () => (await inject('/meta')).json().dataVersion as string;

/** Re-seeds the served path from the real document plus the data-engineer fixture (a different data version). */
function reseedWithDataEngineer(): void {
  const documents = documentsDirWith(join(dir, 'documents-2'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]);
  seedFromDocuments(dbPath, documents);
}

beforeEach(async () => {
  dir = makeTempDir();
  dbPath = join(dir, 'rolegraph.db');
  seedFromDocuments(dbPath);
  const opened = openReadOnlyDatabase(dbPath);
  firstSqlite = opened.sqlite;
  data = new DataSource(new DataContext(opened.db, opened.sqlite));
  app = await buildApp({ data, http: { rateLimitMax: 0 } });
});

afterEach(async () => {
  vi.useRealTimers();
  await app?.close();
  data?.current.close();
  if (firstSqlite.open) firstSqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hot data swap', () => {
  it('switches to a re-seeded file: new version, new ETags, no stale cached bytes, old handle closed later', async () => {
    const before = await inject('/roles?limit=100');
    expect(before.statusCode).toBe(200);
    expect((await inject('/roles?limit=100')).body).toBe(before.body); // cached now
    expect(before.json().items.map((r: { slug: string }) => r.slug)).not.toContain('data-engineer');
    expect((await inject('/roles/data-engineer')).statusCode).toBe(404);
    const versionBefore = await metaVersion();
    const readyBefore = (await inject('/ready')).json().dataVersion;
    expect(readyBefore).toBe(versionBefore);
    const previous = data.current;

    reseedWithDataEngineer();
    // Still the old data until the reload: the open handle keeps the replaced file's inode.
    expect(await metaVersion()).toBe(versionBefore);
    expect((await inject('/roles?limit=100')).body).toBe(before.body);

    vi.useFakeTimers({ toFake: ['setTimeout'] });
    expect(reloadData(dbPath, data, app.log)).toBe(true);
    expect(data.current).not.toBe(previous);
    // Requests that started on the old handle can still finish on it.
    expect(firstSqlite.open).toBe(true);
    expect(previous.db.all(sql`select count(*) as n from roles`)).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    vi.useRealTimers();
    expect(firstSqlite.open).toBe(false);

    const versionAfter = await metaVersion();
    expect(versionAfter).not.toBe(versionBefore);
    expect((await inject('/ready')).json().dataVersion).toBe(versionAfter);
    expect((await inject('/metrics')).body).toContain(`data_version="${versionAfter}"`);

    const after = await inject('/roles?limit=100');
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json().items.map((r: { slug: string }) => r.slug)).toContain('data-engineer');
    // The old ETag no longer validates.
    expect((await inject({ url: '/roles?limit=100', headers: { 'if-none-match': before.headers.etag as string } })).statusCode).toBe(200);
    const role = await inject('/roles/data-engineer');
    expect(role.statusCode).toBe(200);
    expect(role.json().slug).toBe('data-engineer');
    expect((await inject('/roles/data-engineer/responsibilities')).json().total).toBeGreaterThan(0);
    const meta = (await inject('/meta')).json();
    expect(meta.documents.map((d: { file: string }) => d.file).sort()).toEqual(['ai-engineer.pl.txt', 'data-engineer.pl.txt']);
  });

  it('returns false and keeps serving when the file holds the same data version', async () => {
    const version = await metaVersion();
    const current = data.current;
    expect(reloadData(dbPath, data, app.log)).toBe(false);
    expect(data.current).toBe(current);
    // Re-seeding the same inputs gives the same data version: nothing to switch to either.
    seedFromDocuments(dbPath);
    expect(reloadData(dbPath, data, app.log)).toBe(false);
    expect(await metaVersion()).toBe(version);
    expect((await inject('/roles/ai-engineer')).statusCode).toBe(200);
  });

  it('returns false and keeps the old data when the new file is missing, garbage or not a rolegraph database', async () => {
    const version = await metaVersion();
    const current = data.current;
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not an SQLite file at all, just text '.repeat(100));
    const empty = join(dir, 'empty.db');
    new Database(empty).exec('create table unrelated (x)');
    for (const path of [join(dir, 'missing.db'), garbage, empty, dir]) {
      expect(reloadData(path, data, app.log), path).toBe(false);
      expect(data.current).toBe(current);
    }
    expect(await metaVersion()).toBe(version);
    expect((await inject('/roles/ai-engineer/responsibilities')).statusCode).toBe(200);
  });

  it('answers every request during repeated swaps', async () => {
    const otherDocuments = documentsDirWith(join(dir, 'documents-2'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]);
    const urls = ['/roles', '/roles/ai-engineer', '/roles/ai-engineer/technologies', '/search?q=python', '/graph/nodes/technology:dvc/neighbors', '/meta'];
    const statuses: number[] = [];
    for (let round = 0; round < 4; round++) {
      const requests = Array.from({ length: 30 }, (_, i) => inject(urls[i % urls.length]).then((r) => statuses.push(r.statusCode)));
      seedFromDocuments(dbPath, round % 2 === 0 ? otherDocuments : undefined);
      expect(reloadData(dbPath, data, app.log)).toBe(true);
      await Promise.all(requests);
    }
    expect(statuses).toHaveLength(120);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
