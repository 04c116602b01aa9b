import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { sql } from '../src/db/drizzle.cjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { healthSchema, metaSchema, readySchema } from '../src/schemas/operations.js';
import { REAL_DOCUMENT_FILE, REAL_DOCUMENT_PATH, realDocumentLines } from './helpers/documents.js';
import { createSeededDatabase } from './helpers/seeded-app.js';

/** A seeded database served by an app whose pino logger writes into `logLines`. */
let app: App;
let dbPath: string;
let closeDb: () => void;
const logLines: Record<string, unknown>[] = [];

const logStream = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
    callback();
  },
});

async function inject(options: InjectOptions) {
  return app.inject(options);
}

function metricsLines(text: string, name: string): string[] {
  return text.split('\n').filter((l) => l.startsWith(name) && (l[name.length] === ' ' || l[name.length] === '{'));
}

function metricNumber(text: string, name: string): number {
  const [line] = metricsLines(text, name);
  expect(line, `${name} in /metrics`).toBeDefined();
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

beforeAll(async () => {
  ({ dbPath } = createSeededDatabase());
  const { sqlite, db } = openReadOnlyDatabase(dbPath);
  closeDb = () => sqlite.close();
  app = await buildApp({ db, logger: { level: 'info', stream: logStream }, http: { rateLimitMax: 0 } });
});

afterAll(async () => {
  await app?.close();
  closeDb?.();
});

describe('/health, /ready, /meta', () => {
  it('/health says ok', async () => {
    const response = await inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(healthSchema.parse(response.json()).status).toBe('ok');
  });

  it('/ready is 200 with the data version /meta reports', async () => {
    const ready = await inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    const body = readySchema.parse(ready.json());
    const meta = metaSchema.parse((await inject({ url: '/meta' })).json());
    expect(body.dataVersion).toBe(meta.dataVersion);
    expect(body.dataVersion).toBe(app.data.current.dataVersion);
    expect(body.dataVersion).not.toBe('unseeded');
  });

  it('/ready fails until a server built to warm up has asked itself every expensive kind of request; the answers are then forgotten and nothing is logged or counted against a client', async () => {
    const { sqlite, db } = openReadOnlyDatabase(dbPath);
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        callback();
      },
    });
    const cold = await buildApp({ db, logger: { level: 'info', stream }, http: { rateLimitMax: 5 }, warmUp: true });
    try {
      const before = await cold.inject({ url: '/ready' });
      expect(before.statusCode).toBe(503);
      expect(before.json().detail).toMatch(/warming up|rozgrzewa/);
      const warm = await cold.warmUp();
      expect(warm.requests).toBeGreaterThan(100);
      expect(cold.warmedUp).toBe(true);
      expect((await cold.inject({ url: '/ready' })).statusCode).toBe(200);
      expect(cold.responseCache.entries).toBe(0);
      expect(lines.filter((l) => l.msg === 'request' && l.reqId === 'warm-up')).toEqual([]);
      // A real client from the usual address still has its whole allowance (5 a minute here).
      expect((await cold.inject({ url: '/roles' })).headers['ratelimit-remaining']).toBe('4');
    } finally {
      await cold.close();
      sqlite.close();
    }
  });

  it('/meta names the real document with its sha256 and 105 lines, and counts what the API lists', async () => {
    const response = await inject({ url: '/meta' });
    expect(response.statusCode).toBe(200);
    const meta = metaSchema.parse(response.json());
    const sha256 = createHash('sha256').update(readFileSync(REAL_DOCUMENT_PATH)).digest('hex');
    expect(meta.documents).toEqual([{ file: REAL_DOCUMENT_FILE, sha256, title: expect.any(String), lines: 105 }]);
    // The real file: 105 lines (the last without a newline), titled by its first line.
    expect(readFileSync(REAL_DOCUMENT_PATH, 'utf8').split('\n')).toHaveLength(105);
    expect(meta.documents[0].title).toBe(realDocumentLines()[1].trim());
    expect(Number.isNaN(Date.parse(meta.seededAt))).toBe(false);

    const total = async (url: string) => (await inject({ url })).json().total as number;
    expect(meta.counts.role).toBe(await total('/roles'));
    expect(meta.counts.technology).toBe(await total('/technologies?limit=100'));
    expect(meta.counts.skill).toBe(await total('/skills?limit=100'));
    expect(meta.counts.responsibility).toBe(await total('/roles/ai-engineer/responsibilities'));
  });
});

describe('/metrics', () => {
  it('exposes Prometheus text with request, cache, data and process metrics', async () => {
    // Traffic of every kind first: hits, misses, 304, HEAD, errors, preflight, a request the router rejects.
    const first = await inject({ url: '/roles' });
    await inject({ url: '/roles' });
    await inject({ url: '/roles', headers: { 'if-none-match': first.headers.etag as string } });
    await inject({ method: 'HEAD', url: '/roles' });
    await inject({ url: '/roles/no-such-role' });
    await inject({ url: '/roles?bogus=1' });
    await inject({ method: 'OPTIONS', url: '/roles', headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' } });
    await inject({ url: '/roles/%E0%A4%A' });
    await inject({ url: `/x${'y'.repeat(5000)}` });
    await inject({ method: 'POST', url: '/extract', payload: { text: 'x'.repeat(200 * 1024) } });

    const response = await inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.body;

    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/roles",status="200"\} [1-9]/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/roles",status="304"\} 1$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/roles",status="200"\} [1-9]/m);

    // The scrape itself is the one request in flight; never negative after rejected or hijacked requests.
    expect(metricNumber(text, 'http_requests_in_flight')).toBe(1);

    const hits = metricNumber(text, 'response_cache_hits_total');
    const misses = metricNumber(text, 'response_cache_misses_total');
    expect(hits).toBeGreaterThanOrEqual(3); // the repeat, the 304 and the HEAD
    expect(misses).toBeGreaterThanOrEqual(1);
    expect(metricNumber(text, 'response_cache_hit_ratio')).toBeCloseTo(hits / (hits + misses), 6);

    const version = app.data.current.dataVersion;
    expect(metricsLines(text, 'rolegraph_data_info')).toEqual([expect.stringContaining(`data_version="${version}"`)]);
    expect(metricNumber(text, 'rolegraph_data_info')).toBe(1);

    const roles = (await inject({ url: '/roles' })).json().total as number;
    expect(roles).toBe(4);
    expect(text).toMatch(new RegExp(`^rolegraph_entities\\{kind="role"\\} ${roles}$`, 'm'));
    expect(text).toMatch(/^rolegraph_entities\{kind="technology"\} \d+$/m);

    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'process_start_time_seconds', 'nodejs_eventloop_lag_seconds']) {
      expect(metricsLines(text, name).length, name).toBeGreaterThan(0);
    }
  });

  it('keeps http_requests_in_flight at 1 during a scrape after concurrent traffic', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => inject({ url: i % 2 ? '/roles/ai-engineer/skills' : '/roles/nope' })));
    const text = (await inject({ url: '/metrics' })).body;
    expect(metricNumber(text, 'http_requests_in_flight')).toBe(1);
  });
});

describe('request log', () => {
  const requestLines = (id: string) => logLines.filter((l) => l.reqId === id);

  it('writes exactly one line per request, with id, route, status and duration — cached, 304 and errors too', async () => {
    const cases: { id: string; method?: 'GET' | 'HEAD' | 'POST'; url: string; headers?: Record<string, string>; payload?: unknown; route: string | null; status: number }[] = [
      { id: 'log-miss', url: '/technologies?limit=3', route: '/technologies', status: 200 },
      { id: 'log-hit', url: '/technologies?limit=3', route: '/technologies', status: 200 },
      { id: 'log-head', method: 'HEAD', url: '/technologies?limit=3', route: '/technologies', status: 200 },
      { id: 'log-404', url: '/technologies/nothing-like-it', route: '/technologies/:technology', status: 404 },
      { id: 'log-400', url: '/technologies?nope=1', route: '/technologies', status: 400 },
      { id: 'log-unrouted', url: '/no/such/route', route: null, status: 404 },
      { id: 'log-post', method: 'POST', url: '/extract', payload: { text: 'Python' }, route: '/extract', status: 200 },
    ];
    const etag = (await inject({ url: '/technologies?limit=3' })).headers.etag as string;
    cases.push({ id: 'log-304', url: '/technologies?limit=3', headers: { 'if-none-match': etag }, route: '/technologies', status: 304 });

    for (const c of cases) {
      const response = await inject({ method: c.method ?? 'GET', url: c.url, headers: { 'x-request-id': c.id, ...c.headers }, payload: c.payload as string });
      expect(response.statusCode, c.id).toBe(c.status);
    }
    await new Promise((resolve) => setImmediate(resolve));

    for (const c of cases) {
      const lines = requestLines(c.id);
      expect(lines, c.id).toHaveLength(1);
      const [line] = lines;
      expect(line, c.id).toMatchObject({ level: 30, msg: 'request', reqId: c.id, method: c.method ?? 'GET', status: c.status, route: c.route });
      expect(typeof line.durationMs, c.id).toBe('number');
      expect(line.durationMs as number, c.id).toBeGreaterThanOrEqual(0);
    }
  });

  it('logs a fresh id for requests without one, and the id it answered with', async () => {
    const response = await inject({ url: '/roles' });
    const id = response.headers['x-request-id'] as string;
    await new Promise((resolve) => setImmediate(resolve));
    expect(requestLines(id)).toHaveLength(1);
  });

  it('keeps probes and scrapes out of the request log (they log at warn)', async () => {
    for (const url of ['/health', '/ready', '/metrics']) await inject({ url, headers: { 'x-request-id': `probe${url.replace('/', '-')}` } });
    await new Promise((resolve) => setImmediate(resolve));
    for (const url of ['/health', '/ready', '/metrics']) expect(requestLines(`probe${url.replace('/', '-')}`), url).toHaveLength(0);
  });
});

describe('read-only data', () => {
  it('the served handle refuses writes', async () => {
    const db = app.data.current.db;
    /** drizzle wraps the driver's error; the cause says why. */
    const writeError = (statement: ReturnType<typeof sql>) => {
      try {
        db.run(statement);
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause ?? error;
        return String((cause as Error).message);
      }
      return 'no error';
    };
    expect(writeError(sql`insert into meta (key, value) values ('hack', 'x')`)).toMatch(/readonly|read-only/i);
    expect(writeError(sql`delete from roles`)).toMatch(/readonly|read-only/i);
    expect((await inject({ url: '/roles' })).json().total).toBe(4);
  });
});
