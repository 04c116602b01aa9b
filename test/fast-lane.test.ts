import { Writable } from 'node:stream';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { LANE_MIRRORS } from '../src/plugins/fast-lane.js';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { createSeededApp, createSeededDatabase, type SeededApp } from './helpers/seeded-app.js';
import { rawExchange } from './helpers/raw-socket.js';
import { metricValue } from './helpers/metrics.js';
import { parameterValues, urlsFromSpec } from './helpers/spec-get-urls.js';

/**
 * The lane in front of Fastify (src/http/fast-lane.ts) answers cached GET/HEAD requests before routing,
 * with `writeHead` and `end`. light-my-request never reaches it, so everything
 * here goes over real sockets: a hit answered by the lane must carry what the routed answer carries.
 */

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Headers that differ between any two exchanges, whatever the path. */
const PER_EXCHANGE = new Set(['date', 'x-request-id']);

function get(agent: Agent, port: number, method: string, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: url, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends raw bytes on a fresh connection and collects what comes back until the server closes or `until` holds. */
async function exchange(port: number, bytes: string, until: (received: string) => boolean): Promise<string> {
  return (await rawExchange(port, [bytes], { until })).received;
}

/** The status line and header lines of one raw response, and what follows its head. */
function splitHead(raw: string): { lines: string[]; rest: string } {
  const end = raw.indexOf('\r\n\r\n');
  return { lines: raw.slice(0, end).split('\r\n'), rest: raw.slice(end + 4) };
}

async function listening(app: App): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let seeded: SeededApp;
let port: number;
let agent: Agent;

beforeAll(async () => {
  seeded = await createSeededApp();
  port = await listening(seeded.app);
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
});

afterAll(async () => {
  agent?.destroy();
  await seeded?.close();
});

interface Served {
  app: App;
  port: number;
  agent: Agent;
  /** Whether hits should be answered by the lane (false: from the cache's hook). */
  lane: boolean;
  /** Headers that differ between two exchanges on this app. */
  perExchange: Set<string>;
}

/** Routed (computed), then a hit — answered by the lane, or by the cache's hook: equal statuses, headers and bytes. */
async function expectHitAnswersAsRouted(served: Served, method: 'GET' | 'HEAD', url: string, headers: Record<string, string>): Promise<Answer> {
  const { app } = served;
  app.responseCache.clear();
  const before = app.fastLane.answered;
  const routed = await get(served.agent, served.port, method, url, headers);
  const label = `${method} ${url} ${JSON.stringify(headers)}`;
  expect(app.fastLane.answered, `${label}: the first request is computed`).toBe(before);
  const hit = await get(served.agent, served.port, method, url, headers);
  if (routed.headers.etag !== undefined && routed.status < 400) expect(app.fastLane.answered, `${label} was answered by the lane`).toBe(served.lane ? before + 1 : before);
  const comparable = (answer: Answer) => {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!served.perExchange.has(name)) fields[name] = value;
    return { status: answer.status, headers: fields, body: answer.body.toString('base64') };
  };
  expect(comparable(hit), label).toEqual(comparable(routed));
  for (const name of PER_EXCHANGE) expect(hit.headers[name], `${label}: ${name}`).toBeDefined();
  return routed;
}

/** Every GET route of the spec, languages, codings, media types, HEAD and conditions: a hit equals the routed answer. */
async function expectHitsAnswerAsRouted(served: Served): Promise<void> {
  const urls = urlsFromSpec(
    await parameterValues(async (url) => {
      const answer = await get(served.agent, served.port, 'GET', url);
      return { statusCode: answer.status, json: () => JSON.parse(answer.body.toString('utf8')) };
    }),
  );
  expect(urls.length).toBeGreaterThanOrEqual(17);
  const languages: Record<string, string>[] = [{}, { 'accept-language': 'en-GB,en;q=0.9,pl;q=0.5' }];
  const encodings: Record<string, string>[] = [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip, deflate' }];
  let cached = 0;
  for (const { url, jsonLd } of urls) {
    const probe = await get(served.agent, served.port, 'GET', url);
    if (probe.headers.etag === undefined) continue;
    cached++;
    for (const language of languages) {
      for (const encoding of encodings) {
        for (const method of ['GET', 'HEAD'] as const) await expectHitAnswersAsRouted(served, method, url, { ...language, ...encoding });
      }
    }
    for (const accept of jsonLd ? ['application/ld+json', 'application/json'] : ['application/json']) {
      const headers = { accept, 'accept-encoding': 'br', origin: 'https://anything.example' };
      const routed = await expectHitAnswersAsRouted(served, 'GET', url, headers);
      if (routed.headers.etag === undefined) continue;
      for (const condition of [routed.headers.etag, `"stale", ${routed.headers.etag}`, '"stale"', '*']) {
        for (const method of ['GET', 'HEAD'] as const) await expectHitAnswersAsRouted(served, method, url, { ...headers, 'if-none-match': condition });
      }
    }
  }
  expect(cached).toBeGreaterThanOrEqual(16);
}

describe('the lane before routing', () => {
  it('answers what the routed path answers: every GET route of the spec, languages, codings, media types, HEAD, conditions', { timeout: 120_000 }, async () => {
    await expectHitsAnswerAsRouted({ app: seeded.app, port, agent, lane: true, perExchange: PER_EXCHANGE });
  });

  it("writes Node's own Date, Connection and Keep-Alive fields, and keeps the connection for the next request", async () => {
    const url = '/technologies?limit=2';
    seeded.app.responseCache.clear();
    const request = `GET ${url} HTTP/1.1\r\nHost: localhost\r\n\r\n`;
    const complete = (raw: string) => {
      const { lines, rest } = splitHead(raw);
      const length = Number(lines.find((l) => l.toLowerCase().startsWith('content-length:'))?.split(':')[1]);
      return raw.includes('\r\n\r\n') && Buffer.byteLength(rest, 'latin1') >= length;
    };
    const before = seeded.app.fastLane.answered;
    const routed = splitHead(await exchange(port, request, complete));
    const lane = splitHead(await exchange(port, request, complete));
    expect(seeded.app.fastLane.answered).toBe(before + 1);
    const nodeFields = (lines: string[]) => lines.filter((l) => /^(date|connection|keep-alive):/i.test(l)).map((l) => l.replace(/^Date: .*$/, 'Date: <date>'));
    expect(nodeFields(lane.lines)).toEqual(nodeFields(routed.lines));
    expect(nodeFields(lane.lines)).toEqual(['Date: <date>', 'Connection: keep-alive', `Keep-Alive: timeout=${Math.floor(seeded.app.server.keepAliveTimeout / 1000)}`]);
    expect(lane.lines.find((l) => l.startsWith('Date: '))).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(lane.rest).toBe(routed.rest);
  });

  it('answers pipelined requests in order, on one connection', async () => {
    const urls = ['/technologies?limit=1', '/skills?limit=1', '/technologies?limit=1'];
    for (const url of urls) await get(agent, port, 'GET', url);
    const before = seeded.app.fastLane.answered;
    // The agent's Host: the cache keys by origin.
    const raw = await exchange(port, urls.map((url) => `GET ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`).join(''), (received) => (received.match(/HTTP\/1\.1 200 OK/g) ?? []).length === 3 && received.trimEnd().endsWith('}'));
    expect(seeded.app.fastLane.answered).toBe(before + 3);
    const bodies = raw.split(/HTTP\/1\.1 200 OK\r\n/).slice(1).map((part) => JSON.parse(Buffer.from(splitHead(`x\r\n${part}`).rest, 'latin1').toString('utf8')));
    expect(bodies.map((b) => b.items[0].id)).toEqual([bodies[0].items[0].id, bodies[1].items[0].id, bodies[0].items[0].id]);
    expect(bodies[1].items[0].id).toMatch(/^skill:/);
  });

  it('keeps pipelined answers whole and in order when the client stops reading and the socket backs up', async () => {
    const url = '/roles/ai-engineer/responsibilities';
    const expected = (await get(agent, port, 'GET', url)).body;
    const count = 150; // ~2 MB of answers: more than loopback's socket buffers take while the client is not reading
    const before = seeded.app.fastLane.answered;
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      let received = 0;
      socket.pause();
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= count * expected.length) {
          const all = Buffer.concat(chunks);
          if ((all.toString('latin1').match(/HTTP\/1\.1 200 OK\r\n/g) ?? []).length === count && all.subarray(-expected.length).equals(expected)) {
            socket.destroy();
            resolve(all);
          }
        }
      });
      socket.on('error', reject);
      socket.write(`GET ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`.repeat(count));
      setTimeout(() => socket.resume(), 300);
    });
    expect(seeded.app.fastLane.answered).toBe(before + count);
    const answers = raw.toString('latin1').split(/(?=HTTP\/1\.1 200 OK\r\n)/);
    expect(answers).toHaveLength(count);
    for (const answer of answers) {
      const { lines, rest } = splitHead(answer);
      expect(Number(lines.find((l) => l.startsWith('content-length:'))?.split(': ')[1])).toBe(expected.length);
      expect(Buffer.from(rest, 'latin1').equals(expected)).toBe(true);
    }
  });

  it('answers HTTP/1.0 (with and without keep-alive) and Connection: close, framed by Node as on the routed path', async () => {
    const url = '/technologies?limit=3';
    await get(agent, port, 'GET', url);
    await get(agent, port, 'GET', url);
    const before = seeded.app.fastLane.answered;
    const host = `Host: 127.0.0.1:${port}\r\n`;
    for (const request of [`GET ${url} HTTP/1.0\r\n${host}\r\n`, `GET ${url} HTTP/1.0\r\n${host}Connection: keep-alive\r\n\r\n`, `GET ${url} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`]) {
      const keepAlive = request.includes('keep-alive');
      const { lines, rest } = splitHead(await exchange(port, request, (raw) => keepAlive && raw.trimEnd().endsWith('}')));
      expect(lines[0]).toMatch(/^HTTP\/1\.1 200 OK$/);
      expect(lines).toContain(keepAlive ? 'Connection: keep-alive' : 'Connection: close');
      expect(JSON.parse(Buffer.from(rest, 'latin1').toString('utf8')).items).toHaveLength(3);
    }
    expect(seeded.app.fastLane.answered).toBe(before + 3);
  });

  it('leaves a request that announces a body to Fastify: a framing error gets the 400 alone, never an answer first', async () => {
    const url = '/skills?limit=2';
    await get(agent, port, 'GET', url);
    const before = seeded.app.fastLane.answered;
    const host = `Host: 127.0.0.1:${port}\r\n`;
    for (const request of [`GET ${url} HTTP/1.1\r\n${host}Transfer-Encoding: gzip\r\n\r\n`, `GET ${url} HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\n\r\nzz\r\n`]) {
      const raw = await exchange(port, request, () => false);
      const statuses = [...raw.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => m[1]);
      expect(statuses).toEqual(['400']);
    }
    expect(seeded.app.fastLane.answered).toBe(before);
  });

  it('leaves a draining server to Fastify, whose answers ask the client to close', async () => {
    const url = '/skills?limit=2';
    await get(agent, port, 'GET', url);
    const before = seeded.app.fastLane.answered;
    seeded.app.draining = true;
    try {
      const answer = await get(new Agent({ keepAlive: true }), port, 'GET', url);
      expect(answer.status).toBe(200);
      expect(answer.headers.connection).toBe('close');
    } finally {
      seeded.app.draining = false;
    }
    expect(seeded.app.fastLane.answered).toBe(before);
  });

  it('counts its answers in the duration histogram under their route and in fast_lane_answers_total, and leaves nothing in flight', async () => {
    const url = '/technologies?limit=4';
    await get(agent, port, 'GET', url);
    const count = async () => {
      const text = await seeded.app.metrics.registry.metrics();
      const line = text.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('route="/technologies"') && l.includes('method="GET"') && l.includes('status="200"'));
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    const before = await count();
    const answered = seeded.app.fastLane.answered;
    for (let i = 0; i < 5; i++) await get(agent, port, 'GET', url);
    expect(seeded.app.fastLane.answered).toBe(answered + 5);
    expect(await count()).toBe(before + 5);
    // And in a counter of their own, for operators and the bench.
    expect(await metricValue(seeded.app, 'fast_lane_answers_total')).toBe(answered + 5);
    expect(await seeded.app.metrics.registry.metrics()).toMatch(/^http_requests_in_flight 0$/m);
  });
});

/** An app of its own, listening, for a configuration the shared one does not have. */
async function withApp(http: Parameters<typeof createSeededApp>[0], run: (served: Omit<Served, 'lane' | 'perExchange'>) => Promise<void>): Promise<void> {
  const other = await createSeededApp(http);
  const otherAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await run({ app: other.app, port: await listening(other.app), agent: otherAgent });
  } finally {
    otherAgent.destroy();
    await other.close();
  }
}

describe('behind a trusted proxy', () => {
  const HSTS = 'max-age=31536000; includeSubDomains';

  it('keys hits by the forwarded host and protocol as Fastify reads them, and answers them as routed, HSTS over TLS included', { timeout: 120_000 }, async () => {
    await withApp({ http: { trustProxy: true, allowedHosts: ['a.example', 'b.example'] } }, async (served) => {
      const laneServed = { ...served, lane: true, perExchange: PER_EXCHANGE };
      for (const host of ['a.example', 'b.example']) {
        for (const proto of ['https', 'http']) {
          const forwarded = { 'x-forwarded-host': host, 'x-forwarded-proto': proto, 'x-forwarded-for': '198.51.100.7' };
          const routed = await expectHitAnswersAsRouted(laneServed, 'GET', '/roles/ai-engineer/jsonld', forwarded);
          expect(routed.body.toString()).toContain(`${proto}://${host}/`);
          expect(routed.headers['strict-transport-security']).toBe(proto === 'https' ? HSTS : undefined);
        }
      }
      // The last entry of a repeated field, as Fastify reads it.
      const repeated = await expectHitAnswersAsRouted(laneServed, 'GET', '/roles/ai-engineer/jsonld', { 'x-forwarded-host': 'b.example, a.example', 'x-forwarded-proto': 'http, https' });
      expect(repeated.body.toString()).toContain('https://a.example/');
      // Entries for both hosts side by side: each host's hit names that host.
      const answered = served.app.fastLane.answered;
      for (const host of ['a.example', 'b.example', 'a.example', 'b.example']) {
        const answer = await get(served.agent, served.port, 'GET', '/roles/ai-engineer/jsonld', { 'x-forwarded-host': host });
        expect(answer.body.toString()).toContain(`://${host}/`);
      }
      expect(served.app.fastLane.answered).toBe(answered + 2);
      await expectHitsAnswerAsRouted(laneServed);
    });
  });

  it('believes X-Forwarded-* only from a trusted peer: from another, a lane hit is keyed, counted and answered by the socket', async () => {
    await withApp({ http: { trustProxy: ['10.0.0.0/8'], publicBaseUrl: 'https://api.example', rateLimitMax: 5 } }, async (served) => {
      const spoofed = (client: string) => ({ 'x-forwarded-proto': 'https', 'x-forwarded-for': client });
      const hit = await expectHitAnswersAsRouted({ ...served, lane: true, perExchange: new Set([...PER_EXCHANGE, 'ratelimit-remaining', 'ratelimit-reset']) }, 'GET', '/skills', spoofed('198.51.100.7'));
      expect(hit.headers['strict-transport-security']).toBeUndefined();
      // Another spoofed client is the same socket address: one more request against the same limit.
      const answered = served.app.fastLane.answered;
      const next = await get(served.agent, served.port, 'GET', '/skills', spoofed('203.0.113.9'));
      expect(served.app.fastLane.answered).toBe(answered + 1);
      expect(next.headers['ratelimit-remaining']).toBe('2');
    });
  });

  it('a hit over TLS carries HSTS from the lane, and the plain hit of the same entry does not', async () => {
    await withApp({ http: { trustProxy: true, publicBaseUrl: 'https://api.example' } }, async (served) => {
      const overTls = { 'x-forwarded-proto': 'https' };
      await get(served.agent, served.port, 'GET', '/skills', overTls);
      const answered = served.app.fastLane.answered;
      const hits = await metricValue(served.app, 'response_cache_hits_total');
      const hit = await get(served.agent, served.port, 'GET', '/skills', overTls);
      expect(hit.headers['strict-transport-security']).toBe(HSTS);
      const plain = await get(served.agent, served.port, 'GET', '/skills');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(plain.body.equals(hit.body)).toBe(true);
      // Both hits of the entry stored over TLS, both answered before routing.
      expect(await metricValue(served.app, 'response_cache_hits_total')).toBe(hits + 2);
      expect(served.app.fastLane.answered).toBe(answered + 2);
    });
  });

  it('counts rate limits per forwarded client, as the routed hook does, and a client over its limit gets the routed 429', async () => {
    // One proxy in front (the shipped manifests: TRUST_PROXY=1): the client is the hop before it.
    await withApp({ http: { trustProxy: 1, rateLimitMax: 3 } }, async (served) => {
      const from = (client: string) => get(served.agent, served.port, 'GET', '/skills?limit=1', { 'x-forwarded-for': client, 'x-forwarded-proto': 'https' });
      const a = [await from('198.51.100.7'), await from('198.51.100.7'), await from('198.51.100.7')];
      const b = await from('203.0.113.9');
      const refused = await from('198.51.100.7');
      expect(a.map((r) => [r.status, r.headers['ratelimit-remaining']])).toEqual([
        [200, '2'],
        [200, '1'],
        [200, '0'],
      ]);
      expect([b.status, b.headers['ratelimit-remaining']]).toEqual([200, '2']);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['strict-transport-security']).toBe(HSTS);
      // The first request was computed; the other hits of either client came from the lane.
      expect(served.app.fastLane.answered).toBe(3);
      for (const answer of [...a, b]) expect(answer.headers['strict-transport-security']).toBe(HSTS);
    });
  });
});

describe('the lane stays shut', () => {
  it('until the required data version is held', async () => {
    await withApp({ http: { requireDataVersion: 'not-this-one' } }, async (served) => {
      for (let i = 0; i < 2; i++) expect((await get(served.agent, served.port, 'GET', '/roles')).status).toBe(503);
      expect(served.app.fastLane.answered).toBe(0);
    });
  });
});

describe('with rate limiting on', () => {
  it('hits are counted as the rate-limit hook counts them and carry their own counters', { timeout: 120_000 }, async () => {
    await withApp({ http: { rateLimitMax: 1_000_000 } }, async (served) => {
      const first = await get(served.agent, served.port, 'GET', '/roles');
      const answered = served.app.fastLane.answered;
      const second = await get(served.agent, served.port, 'GET', '/roles');
      expect(served.app.fastLane.answered).toBe(answered + 1);
      expect(second.body.equals(first.body)).toBe(true);
      expect(Number(first.headers['ratelimit-remaining']) - Number(second.headers['ratelimit-remaining'])).toBe(1);
      expect(second.headers['ratelimit-limit']).toBe('1000000');
      await expectHitsAnswerAsRouted({ ...served, lane: true, perExchange: new Set([...PER_EXCHANGE, 'ratelimit-remaining', 'ratelimit-reset']) });
    });
  });

  it('a client over the limit gets the routed 429 problem, lane or not', async () => {
    await withApp({ http: { rateLimitMax: 3 } }, async (served) => {
      const answers: Answer[] = [];
      for (let i = 0; i < 5; i++) answers.push(await get(served.agent, served.port, 'GET', '/skills?limit=1'));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
      expect(answers.map((a) => a.headers['ratelimit-remaining'])).toEqual(['2', '1', '0', '0', '0']);
      expect(answers[3].headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answers[3].headers['retry-after']).toBeDefined();
      expect(served.app.fastLane.answered).toBe(2);
    });
  });
});

describe('with a CORS origin list', () => {
  it('a lane answer carries the routed CORS fields for an allowed, a refused and no Origin', async () => {
    await withApp({ http: { corsOrigins: ['https://a.example'] } }, async (served) => {
      for (const origin of [{ origin: 'https://a.example' }, { origin: 'https://b.example' }, {}] as Record<string, string>[]) {
        for (const url of ['/roles', '/search?q=python']) {
          await expectHitAnswersAsRouted({ ...served, lane: true, perExchange: PER_EXCHANGE }, 'GET', url, origin);
        }
      }
      const allowed = await get(served.agent, served.port, 'GET', '/roles', { origin: 'https://a.example' });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://a.example');
      expect(allowed.headers.vary).toContain('Origin');
      expect(served.app.fastLane.answered).toBeGreaterThan(0);
    });
  });
});

describe('the request line', () => {
  it('is written for a lane answer with the fields of a routed one', async () => {
    const { dbPath, cleanup } = createSeededDatabase();
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const { sqlite, db } = openReadOnlyDatabase(dbPath);
    const app = await buildApp({ db, logger: { level: 'info', stream }, http: { rateLimitMax: 0 } });
    try {
      const appPort = await listening(app);
      const appAgent = new Agent({ keepAlive: true, maxSockets: 1 });
      await get(appAgent, appPort, 'GET', '/skills?limit=1', { 'x-request-id': 'routed-1' });
      await get(appAgent, appPort, 'GET', '/skills?limit=1', { 'x-request-id': 'lane-1' });
      appAgent.destroy();
      expect(app.fastLane.answered).toBe(1);
      const requestLines = lines.filter((l) => l.msg === 'request');
      const routed = requestLines.find((l) => l.reqId === 'routed-1');
      const lane = requestLines.find((l) => l.reqId === 'lane-1');
      expect(routed).toBeDefined();
      expect(lane).toMatchObject({ method: 'GET', url: '/skills?limit=1', route: routed!.route, status: 200, level: routed!.level });
      expect(Object.keys(lane!).sort()).toEqual(Object.keys(routed!).sort());
    } finally {
      await app.close();
      sqlite.close();
      cleanup();
    }
  });
});

describe('one definition for both paths', () => {
  it('every onRequest hook before the cache, in every configuration, is one the lane mirrors (a new one fails here)', { timeout: 120_000 }, async () => {
    // Rate limiting and a required data version add hooks of their own: both on, so every hook is present.
    await withApp({ http: { rateLimitMax: 1_000_000, requireDataVersion: 'abc123' } }, async (served) => {
      const tree = served.app.printRoutes({ includeHooks: true, commonPrefix: false });
      const lists = [...tree.matchAll(/• \(onRequest\) (\[.*\])/g)].map((m) => (JSON.parse(m[1]) as string[]).map((name) => name.replace(/\(\)$/, '')));
      expect(lists.length).toBeGreaterThan(20);
      const beforeCache = new Set<string>();
      for (const hooks of lists) {
        const cache = hooks.indexOf('answerFromStoredRepresentation');
        expect(cache, `a route without the cache hook: ${hooks.join(', ')}`).toBeGreaterThan(0);
        for (const name of hooks.slice(0, cache)) beforeCache.add(name);
      }
      expect([...beforeCache].filter((name) => !(name in LANE_MIRRORS))).toEqual([]);
      expect([...beforeCache].sort()).toEqual(Object.keys(LANE_MIRRORS).sort());
    });
  });
});
