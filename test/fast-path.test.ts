import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';
import { parameterValues, urlsFromSpec } from './helpers/spec-get-urls.js';

/**
 * The fast path (a cached representation written straight from prepared headers and bytes) must answer
 * exactly what the slow path (hooks, handler, serialization, compression) answers for the same request.
 * Each request is sent twice after the cache is emptied: the first is computed, the second is a hit.
 * The URLs come from the committed spec, with path and required query parameters filled from real entities.
 */

/** Headers that differ between any two exchanges, whatever the path. */
const PER_EXCHANGE = new Set(['date', 'x-request-id']);

let seeded: SeededApp;

const send = (method: 'GET' | 'HEAD', url: string, headers: Record<string, string>) => seeded.app.inject({ method, url, headers } as InjectOptions);

function comparable(response: LightMyRequestResponse) {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(response.headers)) if (!PER_EXCHANGE.has(name)) headers[name] = value;
  return { status: response.statusCode, headers, body: response.rawPayload.toString('base64') };
}

async function hits(): Promise<number> {
  const metric = seeded.app.metrics.registry.getSingleMetric('response_cache_hits_total');
  return (await metric!.get()).values[0]?.value ?? 0;
}

/** Slow path, then fast path, for one request: equal statuses, headers and bytes; the second one was a hit. */
async function expectSamePaths(method: 'GET' | 'HEAD', url: string, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  seeded.app.responseCache.clear();
  const slow = await send(method, url, headers);
  const before = await hits();
  const fast = await send(method, url, headers);
  const label = `${method} ${url} ${JSON.stringify(headers)}`;
  if (slow.headers.etag !== undefined && slow.statusCode < 400) expect(await hits(), `${label} was served from the cache`).toBe(before + 1);
  expect(comparable(fast), label).toEqual(comparable(slow));
  for (const name of PER_EXCHANGE) expect(fast.headers[name], `${label}: ${name}`).toBeDefined();
  return slow;
}

beforeAll(async () => {
  seeded = await createSeededApp();
});

afterAll(async () => {
  await seeded?.close();
});

describe('the fast path answers what the slow path answers', () => {
  it('for every GET route in the spec, language, content coding, media type, method and condition', { timeout: 120_000 }, async () => {
    const urls = urlsFromSpec(await parameterValues((url) => send('GET', url, {})));
    expect(urls.length).toBeGreaterThanOrEqual(17);
    const languages: Record<string, string>[] = [{}, { 'accept-language': 'en-GB,en;q=0.9,pl;q=0.5' }, { 'accept-language': 'de' }];
    const encodings: Record<string, string>[] = [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip, deflate' }, { 'accept-encoding': 'gzip;q=0, identity' }];
    let cached = 0;
    for (const { url, jsonLd } of urls) {
      const probe = await send('GET', url, {});
      if (probe.headers.etag === undefined) continue; // operations endpoints: never cached, no fast path
      cached++;
      for (const variant of [url, `${url}${url.includes('?') ? '&' : '?'}lang=en`]) {
        for (const language of languages) {
          for (const encoding of encodings) {
            for (const method of ['GET', 'HEAD'] as const) await expectSamePaths(method, variant, { ...language, ...encoding });
          }
        }
      }
      const media: Record<string, string>[] = jsonLd ? [{ accept: 'application/ld+json' }, { accept: 'application/json' }] : [{ accept: 'application/json' }];
      for (const accept of media) {
        for (const encoding of encodings) {
          const headers = { ...accept, ...encoding, origin: 'https://anything.example' };
          const slow = await expectSamePaths('GET', url, headers);
          // A media type the route does not offer (406) has no validator to condition on.
          if (slow.headers.etag === undefined) continue;
          // Conditional requests: the current validator (304), a list holding it, a stale one (200).
          for (const condition of [slow.headers.etag as string, `"stale", ${slow.headers.etag as string}`, '"stale"', '*']) {
            for (const method of ['GET', 'HEAD'] as const) await expectSamePaths(method, url, { ...headers, 'if-none-match': condition });
          }
        }
      }
    }
    expect(cached).toBeGreaterThanOrEqual(16);
  });

  it('with a configured CORS origin list, for an allowed, a refused and no Origin', async () => {
    const restricted = await createSeededApp({ http: { corsOrigins: ['https://a.example'] } });
    const previous = seeded;
    seeded = restricted;
    try {
      for (const origin of [{ origin: 'https://a.example' }, { origin: 'https://b.example' }, {}] as Record<string, string>[]) {
        for (const url of ['/roles', '/technologies?limit=2', '/search?q=python']) {
          const slow = await expectSamePaths('GET', url, origin);
          await expectSamePaths('GET', url, { ...origin, 'if-none-match': slow.headers.etag as string });
        }
      }
    } finally {
      seeded = previous;
      await restricted.close();
    }
  });

  it('with rate limiting on: a hit is counted and carries its own counters', async () => {
    const limited = await createSeededApp({ http: { rateLimitMax: 1000 } });
    try {
      const url = '/roles/ai-engineer/skills';
      const slow = await limited.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      const fast = await limited.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(fast.rawPayload.equals(slow.rawPayload)).toBe(true);
      expect(Number(slow.headers['ratelimit-remaining']) - Number(fast.headers['ratelimit-remaining'])).toBe(1);
    } finally {
      await limited.close();
    }
  });
});

describe('identifiers in JSON-LD', () => {
  it('come from PUBLIC_BASE_URL when set: no Host header changes them or the cached bytes', async () => {
    const pinned = await createSeededApp({ http: { publicBaseUrl: 'https://api.example.org' } });
    try {
      const url = '/roles/ai-engineer?format=jsonld';
      const evil = await pinned.app.inject({ url, headers: { host: 'evil.example' } });
      const good = await pinned.app.inject({ url, headers: { host: 'localhost:3000' } });
      const forwarded = await pinned.app.inject({ url, headers: { host: 'evil.example', 'x-forwarded-host': 'evil2.example' } });
      for (const res of [evil, good, forwarded]) {
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('"https://api.example.org/');
        expect(res.body).not.toContain('evil');
        expect(res.body).not.toContain('localhost');
      }
      expect(good.body).toBe(evil.body);
      // A malformed Host is not used, so it is not refused either.
      expect((await pinned.app.inject({ url, headers: { host: 'evil.example/path' } })).statusCode).toBe(200);
    } finally {
      await pinned.close();
    }
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('is read as an origin; a path, a query or another scheme is refused at start', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://API.example.org/' }).http.publicBaseUrl).toBe('https://api.example.org');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:8080' }).http.publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({}).http.publicBaseUrl).toBeNull();
    for (const bad of ['https://api.example.org/v1', 'https://api.example.org/?x=1', 'ftp://api.example.org', 'api.example.org']) {
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad }), bad).toThrow(ConfigError);
    }
  });
});
