import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { roleComparisonSchema } from '../src/schemas/analysis.js';
import { skillSchema, skillSummarySchema, technologySchema, technologySummarySchema } from '../src/schemas/catalog.js';
import { graphPathSchema, graphSchema, neighborhoodSchema } from '../src/schemas/graph.js';
import { definedTermJsonLdSchema, occupationJsonLdSchema } from '../src/schemas/jsonld.js';
import { comparisonSchema, responsibilitySchema, roleSchema, roleSkillCategorySchema, roleSummarySchema, roleTechnologySchema } from '../src/schemas/roles.js';
import { searchPageSchema, suggestionsSchema } from '../src/schemas/search.js';
import Fastify from 'fastify';
import languagePlugin from '../src/plugins/language.js';
import responseCachePlugin from '../src/plugins/response-cache.js';
import { type Headers, injectGet } from './helpers/inject.js';
import { metricValue } from './helpers/metrics.js';
import { expectProblem } from './helpers/problems.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

type Method = 'GET' | 'HEAD' | 'POST' | 'OPTIONS';

/** Pages re-declared here: pageSchema() registers an OpenAPI id, which may exist once only. */
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/** The main GET routes, each with the zod schema its 200 response is documented by. */
const MAIN_ROUTES: [string, z.ZodType][] = [
  ['/roles', page(roleSummarySchema)],
  ['/roles/ai-engineer', roleSchema],
  ['/roles/ai-engineer?format=jsonld', occupationJsonLdSchema],
  ['/roles/ai-engineer/responsibilities', page(responsibilitySchema)],
  ['/roles/ai-engineer/responsibilities/data-pipelines', responsibilitySchema],
  ['/roles/ai-engineer/skills', page(roleSkillCategorySchema)],
  ['/roles/ai-engineer/technologies', page(roleTechnologySchema)],
  ['/roles/ai-engineer/comparisons', page(comparisonSchema)],
  ['/roles/ai-engineer/compare/data-scientist', roleComparisonSchema],
  ['/technologies', page(technologySummarySchema)],
  ['/technologies/dvc', technologySchema],
  ['/technologies/dvc?format=jsonld', definedTermJsonLdSchema],
  ['/skills', page(skillSummarySchema)],
  ['/skills/python', skillSchema],
  ['/search?q=python', searchPageSchema],
  ['/search/suggest?q=py', suggestionsSchema],
  ['/graph', graphSchema],
  ['/graph/nodes/technology:dvc/neighbors?depth=2', neighborhoodSchema],
  ['/graph/path?from=technology:dvc&to=role:ai-engineer', graphPathSchema],
];

const DEFAULT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
const STRONG_ETAG = /^"[^"\s]+"$/;

let seeded: SeededApp;

async function send(app: SeededApp['app'], method: Method, url: string, headers: Headers = {}, extra: { payload?: unknown; remoteAddress?: string } = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers, ...extra } as InjectOptions);
}
const get = injectGet(() => seeded.app);
const head = (url: string, headers: Headers = {}) => send(seeded.app, 'HEAD', url, headers);

async function ok(url: string, headers: Headers = {}) {
  const response = await get(url, headers);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response;
}

const varyFields = (response: LightMyRequestResponse) =>
  String(response.headers.vary ?? '')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
    .sort();

beforeAll(async () => {
  seeded = await createSeededApp();
});

afterAll(async () => {
  await seeded?.close();
});

describe('ETags and conditional requests', () => {
  it.each(MAIN_ROUTES.map(([url]) => url))('GET %s carries a strong quoted ETag that revalidates to 304 with no body', async (url) => {
    const first = await ok(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(STRONG_ETAG);
    expect(etag.startsWith('W/')).toBe(false);

    const again = await ok(url);
    expect(again.headers.etag).toBe(etag);

    const notModified = await get(url, { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['cache-control']).toBe(DEFAULT_CACHE_CONTROL);
    expect(varyFields(notModified)).toEqual(varyFields(first));
  });

  it('answers 304 on the first (uncached) request too, without a Content-Length that contradicts the 200', async () => {
    const { app, close } = await createSeededApp();
    try {
      const etag = (await send(app, 'GET', '/skills')).headers.etag as string;
      const { app: other, close: closeOther } = await createSeededApp();
      try {
        // A fresh app over the same data: the request is a cache miss, computed, then compared.
        const notModified = await send(other, 'GET', '/skills', { 'if-none-match': etag });
        expect(notModified.statusCode).toBe(304);
        expect(notModified.rawPayload.length).toBe(0);
        expect(notModified.headers['content-length']).toBeUndefined();
        expect(notModified.headers.etag).toBe(etag);
        expect(await metricValue(other, 'response_cache_misses_total')).toBe(1);
      } finally {
        await closeOther();
      }
    } finally {
      await close();
    }
  });

  it('answers 200 with the body to a wrong, garbage or weak-looking-but-different If-None-Match', async () => {
    const etag = (await ok('/technologies')).headers.etag as string;
    for (const candidate of ['"nope"', 'garbage without quotes', `W/"x${etag.slice(1)}`, `${etag.slice(0, -2)}"`, '""', ',,,']) {
      const response = await get('/technologies', { 'if-none-match': candidate });
      expect(response.statusCode, candidate).toBe(200);
      expect(response.json().items.length).toBeGreaterThan(0);
    }
    // A list that holds the current one matches; so does its weak form (If-None-Match compares weakly).
    expect((await get('/technologies', { 'if-none-match': `"other", ${etag}` })).statusCode).toBe(304);
    expect((await get('/technologies', { 'if-none-match': `W/${etag}` })).statusCode).toBe(304);
  });

  it('answers 304 to If-None-Match: * on an existing representation', async () => {
    await ok('/roles/ai-engineer/skills');
    const response = await get('/roles/ai-engineer/skills', { 'if-none-match': '*' });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.length).toBe(0);
  });

  it('gives each representation its own ETag: language, JSON vs JSON-LD, content coding', async () => {
    const url = '/roles/ai-engineer/responsibilities';
    const pl = await ok(`${url}?lang=pl`);
    const en = await ok(`${url}?lang=en`);
    expect(pl.headers['content-language']).toBe('pl');
    expect(en.headers['content-language']).toBe('en');
    expect(en.body).not.toBe(pl.body);
    expect(en.headers.etag).not.toBe(pl.headers.etag);

    // Accept-Language negotiates the same representation as ?lang= and gets the same ETag.
    const byHeader = await ok(url, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(byHeader.body).toBe(en.body);
    expect(byHeader.headers.etag).toBe(en.headers.etag);

    const json = await ok('/roles/ai-engineer');
    const jsonLd = await ok('/roles/ai-engineer', { accept: 'application/ld+json' });
    expect(jsonLd.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(jsonLd.headers.etag).not.toBe(json.headers.etag);
    // The JSON ETag does not validate the JSON-LD representation.
    expect((await get('/roles/ai-engineer', { accept: 'application/ld+json', 'if-none-match': json.headers.etag as string })).statusCode).toBe(200);

    const identity = await ok(url);
    const br = await ok(url, { 'accept-encoding': 'br' });
    const gzip = await ok(url, { 'accept-encoding': 'gzip' });
    const etags = new Set([identity.headers.etag, br.headers.etag, gzip.headers.etag]);
    expect(etags.size).toBe(3);
    for (const etag of etags) expect(etag).toMatch(STRONG_ETAG);
    // Each coding's ETag validates that coding.
    expect((await get(url, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string })).statusCode).toBe(304);
    expect((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': gzip.headers.etag as string })).statusCode).toBe(304);
  });

  it('keeps the ETag stable across many requests', async () => {
    const etags = new Set<string>();
    for (let i = 0; i < 10; i++) etags.add((await ok('/graph/path?from=technology:dvc&to=role:ai-engineer')).headers.etag as string);
    expect(etags.size).toBe(1);
  });

  it('sends the default Cache-Control and Vary: Accept, Accept-Language, Accept-Encoding', async () => {
    for (const [url] of MAIN_ROUTES.slice(0, 6)) {
      const response = await ok(url);
      expect(response.headers['cache-control'], url).toBe(DEFAULT_CACHE_CONTROL);
      expect(varyFields(response), url).toEqual(['accept', 'accept-encoding', 'accept-language']);
    }
  });

  it('takes Cache-Control from http.cacheControl', async () => {
    const other = await createSeededApp({ http: { cacheControl: 'public, max-age=5' } });
    try {
      const first = await send(other.app, 'GET', '/roles');
      const cached = await send(other.app, 'GET', '/roles');
      expect(first.headers['cache-control']).toBe('public, max-age=5');
      expect(cached.headers['cache-control']).toBe('public, max-age=5');
    } finally {
      await other.close();
    }
  });

  it('does not cache or tag the operations endpoints', async () => {
    for (const url of ['/health', '/ready', '/meta', '/metrics']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers.etag, url).toBeUndefined();
    }
  });
});

describe('HEAD', () => {
  it.each(MAIN_ROUTES.map(([url]) => url))('HEAD %s has the GET headers, no body, and the GET body length', async (url) => {
    // HEAD first (a cache miss here for most URLs), then GET, then HEAD again (a hit).
    const headFirst = await head(url);
    const getResponse = await ok(url);
    const headAgain = await head(url);
    for (const response of [headFirst, headAgain]) {
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.length).toBe(0);
      expect(Number(response.headers['content-length'])).toBe(getResponse.rawPayload.length);
      for (const name of ['etag', 'content-type', 'cache-control', 'vary', 'content-language']) {
        expect(response.headers[name], name).toBe(getResponse.headers[name]);
      }
    }
  });

  it('HEAD with Accept-Encoding gives the encoded length', async () => {
    const url = '/roles/ai-engineer/technologies';
    const gzip = await ok(url, { 'accept-encoding': 'gzip' });
    const response = await head(url, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(Number(response.headers['content-length'])).toBe(gzip.rawPayload.length);
    expect(response.headers.etag).toBe(gzip.headers.etag);
  });
});

describe('the response cache', () => {
  it('serves a repeated GET from the cache: identical bytes, hit counted', async () => {
    const url = '/roles/ai-engineer/responsibilities?limit=3';
    const hitsBefore = await metricValue(seeded.app, 'response_cache_hits_total');
    const missesBefore = await metricValue(seeded.app, 'response_cache_misses_total');
    const first = await ok(url);
    expect(await metricValue(seeded.app, 'response_cache_misses_total')).toBe(missesBefore + 1);
    const second = await ok(url);
    const third = await ok(url);
    expect(await metricValue(seeded.app, 'response_cache_hits_total')).toBe(hitsBefore + 2);
    expect(await metricValue(seeded.app, 'response_cache_misses_total')).toBe(missesBefore + 1);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(third.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
  });

  it.each(MAIN_ROUTES)('cached bytes of %s validate against the route schema', async (url, schema) => {
    await ok(url);
    const hits = await metricValue(seeded.app, 'response_cache_hits_total');
    const cached = await ok(url);
    expect(await metricValue(seeded.app, 'response_cache_hits_total')).toBe(hits + 1);
    const parsed = schema.safeParse(JSON.parse(cached.body));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it('cached responses still carry per-request headers: a fresh request id, a counting rate limit', async () => {
    const limited = await createSeededApp({ http: { rateLimitMax: 50 } });
    try {
      const responses: LightMyRequestResponse[] = [];
      for (let i = 0; i < 4; i++) responses.push(await send(limited.app, 'GET', '/roles/ai-engineer/skills', { 'x-request-id': `req-${i}` }));
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      expect(responses.map((r) => r.headers['x-request-id'])).toEqual(['req-0', 'req-1', 'req-2', 'req-3']);
      expect(responses.map((r) => r.headers['ratelimit-remaining'])).toEqual(['49', '48', '47', '46']);
      expect(responses.every((r) => r.headers['ratelimit-limit'] === '50')).toBe(true);
      // Without a client id each request still gets its own.
      const a = await send(limited.app, 'GET', '/roles/ai-engineer/skills');
      const b = await send(limited.app, 'GET', '/roles/ai-engineer/skills');
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
      expect(await metricValue(limited.app, 'response_cache_hits_total')).toBe(5);
    } finally {
      await limited.close();
    }
  });

  it('keys JSON-LD by Host: each allowed host gets its own absolute identifiers', async () => {
    const url = '/roles/ai-engineer?format=jsonld';
    const a = await ok(url, { host: 'localhost:3000' });
    const b = await ok(url, { host: '127.0.0.1:3000' });
    const aAgain = await ok(url, { host: 'localhost:3000' });
    expect(a.body).toContain('http://localhost:3000/');
    expect(a.body).not.toContain('127.0.0.1');
    expect(b.body).toContain('http://127.0.0.1:3000/');
    expect(b.body).not.toContain('localhost');
    expect(aAgain.body).toBe(a.body);
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });

  it('keeps the cached bytes within a total budget, evicting the oldest first', async () => {
    const bare = Fastify();
    const counts = { hits: 0, misses: 0 };
    try {
      await bare.register(languagePlugin);
      await bare.register(responseCachePlugin, {
        data: seeded.app.data,
        cacheControl: 'no-cache',
        compressionThreshold: 1024,
        maxBytes: 7600, // three entries of ~2.3 KB (body as bytes and as text, key, stored headers and the prepared heads) fit, a fourth does not
        onHit: () => counts.hits++,
        onMiss: () => counts.misses++,
      });
      bare.get('/blob/:n', async (request) => `${(request.params as { n: string }).n}`.padEnd(1000, '.'));
      for (const n of [1, 2, 3]) expect((await bare.inject(`/blob/${n}`)).statusCode).toBe(200);
      expect(counts).toEqual({ hits: 0, misses: 3 });
      await bare.inject('/blob/3');
      expect(counts).toEqual({ hits: 1, misses: 3 });
      await bare.inject('/blob/4'); // would not fit: /blob/1 goes
      await bare.inject('/blob/2');
      await bare.inject('/blob/4');
      expect(counts).toEqual({ hits: 3, misses: 4 });
      await bare.inject('/blob/1');
      expect(counts).toEqual({ hits: 3, misses: 5 });
    } finally {
      await bare.close();
    }
  });

  it('counts a coding made on a hit in its byte total, as much as a miss that makes it', async () => {
    const bare = Fastify();
    try {
      await bare.register(languagePlugin);
      await bare.register(responseCachePlugin, { data: seeded.app.data, cacheControl: 'no-cache', compressionThreshold: 1024, onHit: () => {}, onMiss: () => {} });
      bare.get('/blob', async () => 'zażółć gęślą jaźń '.repeat(200));
      const br = { 'accept-encoding': 'br' };
      expect((await bare.inject('/blob')).headers['content-encoding']).toBeUndefined();
      const identityOnly = bare.responseCache.bytes;
      expect((await bare.inject({ url: '/blob', headers: br })).headers['content-encoding']).toBe('br');
      const both = bare.responseCache.bytes;
      expect(both).toBeGreaterThan(identityOnly);
      bare.responseCache.clear();
      await bare.inject({ url: '/blob', headers: br });
      expect(bare.responseCache.bytes).toBe(both);
      await bare.inject('/blob');
      expect(bare.responseCache.bytes).toBe(both);
    } finally {
      await bare.close();
    }
  });

  it('does not cache errors', async () => {
    const first = await get('/roles/no-such-role');
    const second = await get('/roles/no-such-role');
    expectProblem(first, 404);
    expectProblem(second, 404);
    expect(second.headers.etag).toBeUndefined();
  });
});

describe('compression', () => {
  const big = '/roles/ai-engineer/technologies'; // well above 1 KiB

  it('compresses a cached response with br and gzip above 1 KiB; the bytes decode to the identity bytes', async () => {
    const identity = await ok(big);
    expect(identity.rawPayload.length).toBeGreaterThan(1024);
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (let round = 0; round < 2; round++) {
      const br = await ok(big, { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
      expect(br.rawPayload.length).toBeLessThan(identity.rawPayload.length);
      expect(brotliDecompressSync(br.rawPayload).equals(identity.rawPayload)).toBe(true);

      const gzip = await ok(big, { 'accept-encoding': 'gzip, deflate' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).equals(identity.rawPayload)).toBe(true);
    }
  });

  it('prefers br when both are accepted, and honours q-values', async () => {
    const identity = await ok(big);
    expect((await ok(big, { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe('br');
    const noGzip = await ok(big, { 'accept-encoding': 'gzip;q=0' });
    expect(noGzip.headers['content-encoding']).toBeUndefined();
    expect(noGzip.rawPayload.equals(identity.rawPayload)).toBe(true);
    expect((await ok(big, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await ok(big, { 'accept-encoding': 'gzip;q=0.5, br;q=0.1' })).headers['content-encoding']).toBe('gzip');
  });

  it('sends identity when Accept-Encoding is absent or identity', async () => {
    const none = await ok(big);
    const identity = await ok(big, { 'accept-encoding': 'identity' });
    for (const response of [none, identity]) {
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(() => JSON.parse(response.body)).not.toThrow();
    }
    expect(identity.headers.etag).toBe(none.headers.etag);
  });

  it('does not compress below 1 KiB', async () => {
    const small = await ok('/skills/python', { 'accept-encoding': 'br, gzip' });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().slug).toBe('python');
    const health = await get('/health', { 'accept-encoding': 'gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('compresses uncached responses (POST /extract) the same way', async () => {
    const payload = { text: 'Szukamy osoby znającej Python, Docker i Kubernetes oraz Apache Spark. '.repeat(40) };
    const identity = await send(seeded.app, 'POST', '/extract', {}, { payload });
    expect(identity.statusCode).toBe(200);
    expect(identity.rawPayload.length).toBeGreaterThan(1024);
    expect(identity.headers['content-encoding']).toBeUndefined();
    const br = await send(seeded.app, 'POST', '/extract', { 'accept-encoding': 'br' }, { payload });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).equals(identity.rawPayload)).toBe(true);
    const gzip = await send(seeded.app, 'POST', '/extract', { 'accept-encoding': 'gzip' }, { payload });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(identity.rawPayload)).toBe(true);
    const refused = await send(seeded.app, 'POST', '/extract', { 'accept-encoding': 'gzip;q=0' }, { payload });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(identity.rawPayload)).toBe(true);

    const small = await send(seeded.app, 'POST', '/extract', { 'accept-encoding': 'br' }, { payload: { text: 'Python' } });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('allows any origin by default on GET, cached or not', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await ok('/roles', { origin: 'https://anything.example' });
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(String(response.headers['access-control-expose-headers'])).toMatch(/ETag/i);
      // Pagination links readable from another origin.
      expect(String(response.headers['access-control-expose-headers'])).toMatch(/\bLink\b/);
    }
    expect((await ok('/roles')).headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a preflight with 204, methods, headers and max-age', async () => {
    const response = await send(seeded.app, 'OPTIONS', '/roles/ai-engineer/gap', {
      origin: 'https://anything.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(response.statusCode).toBe(204);
    expect(response.rawPayload.length).toBe(0);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-allow-methods'])).toMatch(/\bPOST\b/);
    expect(String(response.headers['access-control-allow-methods'])).toMatch(/\bGET\b/);
    expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('content-type');
    expect(Number(response.headers['access-control-max-age'])).toBeGreaterThan(0);
  });

  it('with a configured origin list reflects only those origins and varies on Origin', async () => {
    const restricted = await createSeededApp({ http: { corsOrigins: ['https://a.example'] } });
    try {
      for (let i = 0; i < 2; i++) {
        // Twice: the second is served from the cache, which must not replay the first request's CORS answer.
        const allowed = await send(restricted.app, 'GET', '/roles', { origin: 'https://a.example' });
        expect(allowed.statusCode).toBe(200);
        expect(allowed.headers['access-control-allow-origin']).toBe('https://a.example');
        expect(varyFields(allowed)).toEqual(['accept', 'accept-encoding', 'accept-language', 'origin']);

        const other = await send(restricted.app, 'GET', '/roles', { origin: 'https://b.example' });
        expect(other.statusCode).toBe(200);
        expect(other.headers['access-control-allow-origin']).toBeUndefined();
        // It differs by Origin too: a shared cache must not hand this answer to https://a.example.
        expect(varyFields(other)).toContain('origin');

        const none = await send(restricted.app, 'GET', '/roles');
        expect(none.headers['access-control-allow-origin']).toBeUndefined();
      }
      const etag = (await send(restricted.app, 'GET', '/roles')).headers.etag as string;
      const notModified = await send(restricted.app, 'GET', '/roles', { origin: 'https://a.example', 'if-none-match': etag });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.headers['access-control-allow-origin']).toBe('https://a.example');
      expect(varyFields(notModified)).toContain('origin');

      const preflight = await send(restricted.app, 'OPTIONS', '/extract', { origin: 'https://a.example', 'access-control-request-method': 'POST' });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://a.example');
      const refused = await send(restricted.app, 'OPTIONS', '/extract', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await restricted.close();
    }
  });
});

describe('security headers', () => {
  it.each(['/roles', '/roles/ai-engineer/responsibilities', '/meta'])('GET %s (fresh and cached), a data answer, carries the headers of a data answer and no banner', async (url) => {
    for (let i = 0; i < 2; i++) {
      const response = await ok(url);
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      // Plain HTTP: RFC 6797 §7.2 forbids HSTS here (see 'HSTS only over TLS' below).
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
      // What steers only a page is left out of a data answer.
      for (const pageOnly of ['referrer-policy', 'cross-origin-opener-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection']) {
        expect(response.headers[pageOnly], pageOnly).toBeUndefined();
      }
      expect(response.headers['x-frame-options']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers.server).toBeUndefined();
    }
  });

  it.each(['/docs', '/', '/?node=technology:python'])('GET %s (fresh and cached), a page, carries helmet\'s whole set and no banner', async (url) => {
    for (let i = 0; i < 2; i++) {
      const response = await ok(url, { accept: 'text/html' });
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      // frame-ancestors alone says who may frame (issue 22 L5: X-Frame-Options beside it disagreed).
      expect(response.headers['x-frame-options']).toBeUndefined();
      expect(csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))).toBe(url === '/docs' ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'");
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers.server).toBeUndefined();
    }
  });

  it('HSTS only over TLS: behind a trusted proxy saying https, every answer carries it (fresh, cached, a page, a 429); over plain HTTP none, not even a hit stored from an https request', async () => {
    const proxied = await createSeededApp({ http: { trustProxy: true, rateLimitMax: 8, publicBaseUrl: 'https://api.example' } });
    try {
      const overTls = { 'x-forwarded-proto': 'https' };
      const hits = await metricValue(proxied.app, 'response_cache_hits_total');
      for (const url of ['/roles/ai-engineer', '/roles/ai-engineer', '/docs', '/no-such-page']) {
        const response = await send(proxied.app, 'GET', url, overTls);
        expect(response.statusCode, url).toBe(url === '/no-such-page' ? 404 : 200);
        expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      }
      const preflight = await send(proxied.app, 'OPTIONS', '/extract', { ...overTls, origin: 'https://a.example', 'access-control-request-method': 'POST' });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      // The second https request was a hit, and the plain one a hit of the entry an https request stored (one origin: PUBLIC_BASE_URL).
      const plain = await send(proxied.app, 'GET', '/roles/ai-engineer', { 'x-forwarded-proto': 'http' });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(await metricValue(proxied.app, 'response_cache_hits_total')).toBe(hits + 2);
      let limited = await send(proxied.app, 'GET', '/roles', overTls);
      for (let i = 0; i < 8 && limited.statusCode !== 429; i++) limited = await send(proxied.app, 'GET', '/roles', overTls);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await proxied.close();
    }
    // Without a trusted proxy the header is the client's word, and ignored.
    expect((await ok('/roles', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('serves /docs under the CSP: every script is same-origin, so the policy lets Swagger UI start', async () => {
    const docs = await ok('/docs');
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(docs.headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
    // Plain HTTP must keep working (docker, LAN): no upgrade of /docs's assets to https.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(directive('script-src')).toContain("'self'");
    expect(directive('style-src')).toContain("'unsafe-inline'"); // Swagger UI (React) sets inline styles
    expect(directive('img-src')).toContain('data:'); // its logo is a data: URL

    // The page's scripts and styles: all same-origin files that the server serves.
    const scripts = [...docs.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      expect(src, `inline script needs 'unsafe-inline': ${inline.slice(0, 80)}`).toBeDefined();
      expect(src).toMatch(/^\/(?!\/)/);
      const asset = await ok(src!);
      expect(asset.headers['content-type']).toMatch(/javascript/);
    }
    for (const [, href] of docs.body.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) {
      expect(href).toMatch(/^\/(?!\/)/);
      expect((await ok(href)).headers['content-type']).toMatch(/^text\/css/);
    }
    // The bootstrap fetches the spec from its own origin (connect-src 'self').
    const initializer = await ok('/docs/static/swagger-initializer.js');
    expect(initializer.body).toContain("resolveUrl('./json')");
    expect(directive('connect-src')).toContain("'self'");
    expect((await ok('/docs/json')).json().openapi).toMatch(/^3\.1/);
  });
});

describe('rate limit', () => {
  it('answers the 4th request in a window with 429 problem+json, Retry-After and RateLimit headers', async () => {
    const limited = await createSeededApp({ http: { rateLimitMax: 3 } });
    try {
      const statuses: number[] = [];
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await limited.app.inject({ url: '/roles' });
        statuses.push(response.statusCode);
        remaining.push(String(response.headers['ratelimit-remaining']));
        expect(response.headers['ratelimit-limit']).toBe('3');
      }
      expect(statuses).toEqual([200, 200, 200]);
      expect(remaining).toEqual(['2', '1', '0']);

      const limitedResponse = await limited.app.inject({ url: '/roles/ai-engineer' });
      const problem = expectProblem(limitedResponse, 429);
      expect(problem.detail).toMatch(/3/);
      const retryAfter = Number(limitedResponse.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limitedResponse.headers['ratelimit-limit']).toBe('3');
      expect(limitedResponse.headers['ratelimit-remaining']).toBe('0');
      expect(Number(limitedResponse.headers['ratelimit-reset'])).toBe(retryAfter);
      // Cached or not, conditional or not: still limited.
      expect((await limited.app.inject({ url: '/roles' })).statusCode).toBe(429);
      expect((await limited.app.inject({ method: 'HEAD', url: '/roles' })).statusCode).toBe(429);

      // Probes and scrapers stay reachable.
      for (const url of ['/health', '/ready', '/metrics']) {
        const response = await limited.app.inject({ url });
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['ratelimit-limit'], url).toBeUndefined();
      }

      // Per client IP: another address has its own budget.
      const other = await limited.app.inject({ url: '/roles', remoteAddress: '10.0.0.2' });
      expect(other.statusCode).toBe(200);
      expect(other.headers['ratelimit-remaining']).toBe('2');
      expect((await limited.app.inject({ url: '/roles', remoteAddress: '10.0.0.3' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('ignores X-Forwarded-For unless trustProxy is on', async () => {
    const limited = await createSeededApp({ http: { rateLimitMax: 1 } });
    try {
      expect((await limited.app.inject({ url: '/roles', headers: { 'x-forwarded-for': '1.1.1.1' } })).statusCode).toBe(200);
      // A spoofed header does not buy a new budget.
      expect((await limited.app.inject({ url: '/roles', headers: { 'x-forwarded-for': '2.2.2.2' } })).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('is off with rateLimitMax 0', async () => {
    const unlimited = await createSeededApp({ http: { rateLimitMax: 0 } });
    try {
      for (let i = 0; i < 30; i++) {
        const response = await unlimited.app.inject({ url: '/roles' });
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await unlimited.close();
    }
  });
});

describe('request limits', () => {
  it('answers a URL over 4096 characters with 414 problem+json', async () => {
    const url = `/search?q=${'a'.repeat(4100)}`;
    const problem = expectProblem(await get(url), 414);
    expect(problem.detail).toMatch(/4096/);
    // 4096 itself is fine as far as the limit goes (the search schema then rejects q's length, as 400).
    const atLimit = await get(`/search?q=${'a'.repeat(4096 - '/search?q='.length)}`);
    expect(atLimit.statusCode).toBe(400);
  });

  it('answers more than 20 query parameters with 400 naming the query', async () => {
    const url = `/roles?${Array.from({ length: 21 }, (_, i) => `p${i}=1`).join('&')}`;
    const problem = expectProblem(await get(url), 400);
    expect(problem.detail).toMatch(/20/);
    expect(problem.invalidParams?.[0]).toMatchObject({ in: 'query' });
  });

  it('answers an unknown query parameter with 400 naming it', async () => {
    const problem = expectProblem(await get('/roles?colour=blue'), 400);
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: 'colour', in: 'query' })]);
    expect(problem.detail).toContain('colour');
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const response = await send(seeded.app, 'POST', '/extract', { 'content-type': 'application/json' }, { payload: JSON.stringify({ text: 'x'.repeat(200 * 1024) }) });
    expectProblem(response, 413);
  });
});

describe('request id', () => {
  it('echoes a well-formed X-Request-Id', async () => {
    const response = await get('/roles', { 'x-request-id': 'abc-123' });
    expect(response.headers['x-request-id']).toBe('abc-123');
  });

  it.each([
    ['spaces', 'has spaces in it'],
    ['200 characters', 'a'.repeat(200)],
    ['newline-ish', 'abc\tdef'],
  ])('replaces a garbage X-Request-Id (%s) with a UUID', async (_label, garbage) => {
    const response = await get('/roles', { 'x-request-id': garbage });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
