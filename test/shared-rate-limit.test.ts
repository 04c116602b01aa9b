import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { freePort } from './helpers/free-port.js';
import { RedisServer } from './helpers/redis-server.js';
import { metricValue } from './helpers/metrics.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';
import { systemBinary } from './helpers/system-binary.js';

const redisInstalled = systemBinary('redis-server', 'apt-get install redis-server');

/** Two apps over one seeded database file, as two replicas, counting in one real Redis. */
describe.skipIf(!redisInstalled)('rate limits shared in Redis', () => {
  let redis: RedisServer;
  let seeded: SeededApp;
  const replicas: App[] = [];
  const closers: (() => void)[] = [];
  const logs: string[][] = [[], []];
  const warnings = (i: number) => logs[i].filter((line) => line.includes('Redis unavailable')).length;

  beforeAll(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    seeded = await createSeededApp();
    for (let i = 0; i < 2; i++) {
      const { sqlite, db } = openReadOnlyDatabase(seeded.dbPath);
      closers.push(() => sqlite.close());
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs[i].push(chunk.toString());
          done();
        },
      });
      replicas.push(await buildApp({ db, logger: { level: 'info', stream }, http: { rateLimitMax: 5, redisUrl: redis.url } }));
    }
    await Promise.all(replicas.map((app) => until(app, 'redis')));
  }, 30_000);

  afterAll(async () => {
    await Promise.all(replicas.map((app) => app.close()));
    closers.forEach((close) => close());
    await seeded?.close();
    await redis?.stop();
  });

  const get = (app: App, client: string, url = '/roles') => app.inject({ url, remoteAddress: client });

  it('counts one budget across replicas: the 6th request is 429 whichever replica served the first five', async () => {
    const statuses: number[] = [];
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await get(replicas[i % 2], '10.1.0.1');
      statuses.push(response.statusCode);
      remaining.push(String(response.headers['ratelimit-remaining']));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    for (const app of replicas) {
      const limited = await get(app, '10.1.0.1', '/roles/ai-engineer');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.json().type).toBe('/problems/too-many-requests');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.headers['ratelimit-reset']).toBe(limited.headers['retry-after']);
    }
    expect((await get(replicas[1], '10.1.0.2')).headers['ratelimit-remaining']).toBe('4');
    expect((await replicas[0].inject({ url: '/ready' })).json().rateLimits).toBe('redis');
  });

  it('keeps serving when Redis goes away, counting per replica, and shares counts again when it returns', async () => {
    await redis.stop();
    await new Promise((r) => setTimeout(r, 300));
    const during: number[] = [];
    for (let i = 0; i < 12; i++) during.push((await get(replicas[i % 2], '10.2.0.1')).statusCode);
    // Each replica now enforces the limit on its own: 5 each, then 429 — never a 5xx.
    expect(during.filter((s) => s === 200)).toHaveLength(10);
    expect(during.filter((s) => s === 429)).toHaveLength(2);
    for (const app of replicas) {
      const ready = await app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().rateLimits).toBe('redis-unavailable');
      expect(await metricValue(app, 'rate_limit_store_fallbacks_total')).toBeGreaterThanOrEqual(6);
      expect(await metricValue(app, 'rate_limit_store_outages_total')).toBe(1);
      expect(await metricValue(app, 'rate_limit_store_up')).toBe(0);
    }
    // Logged once per outage, not once per request or per reconnection attempt.
    expect([warnings(0), warnings(1)]).toEqual([1, 1]);

    await redis.start();
    await Promise.all(replicas.map((app) => until(app, 'redis')));
    const after: number[] = [];
    for (let i = 0; i < 6; i++) after.push((await get(replicas[i % 2], '10.3.0.1')).statusCode);
    expect(after).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await metricValue(replicas[0], 'rate_limit_store_up')).toBe(1);
  }, 30_000);

  it('does not wait on a Redis that hangs with its connections open, and resumes when it answers again', async () => {
    redis.pause();
    try {
      const started = performance.now();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(replicas[0], `10.4.0.${i}`)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200]);
      // At most one request waits for the command timeout (250 ms); the rest count in memory at once.
      expect(performance.now() - started).toBeLessThan(2000);
      expect((await replicas[0].inject({ url: '/ready' })).json().rateLimits).toBe('redis-unavailable');
    } finally {
      redis.resume();
    }
    await until(replicas[0], 'redis');
    expect(warnings(0)).toBe(2);
  }, 30_000);
});

async function until(app: App, state: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await app.inject({ url: '/ready' })).json().rateLimits !== state) {
    if (Date.now() > deadline) throw new Error(`rate limits never became ${state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
