import { Writable } from 'node:stream';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { createSeededApp, createSeededDatabase, type SeededApp } from './helpers/seeded-app.js';
import { parameterValues, urlsFromSpec } from './helpers/spec-get-urls.js';

/**
 * The lane in front of Fastify (src/http/fast-lane.ts) answers cached GET/HEAD requests before routing,
 * writing a prepared head (src/http/prepared-head.ts). light-my-request never reaches it, so everything
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

function comparable(answer: Answer) {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (!PER_EXCHANGE.has(name)) headers[name] = value;
  return { status: answer.status, headers, body: answer.body.toString('base64') };
}

/** Sends raw bytes on a fresh connection and collects what comes back until the server closes or `until` holds. */
function exchange(port: number, bytes: string, until: (received: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const finish = () => {
      socket.destroy();
      resolve(received);
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (until(received)) finish();
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.write(bytes);
  });
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

/** Routed (computed), then answered by the lane: equal statuses, headers and bytes. */
async function expectLaneAnswersAsRouted(method: 'GET' | 'HEAD', url: string, headers: Record<string, string>): Promise<Answer> {
  seeded.app.responseCache.clear();
  const before = seeded.app.fastLane.answered;
  const routed = await get(agent, port, method, url, headers);
  const label = `${method} ${url} ${JSON.stringify(headers)}`;
  expect(seeded.app.fastLane.answered, `${label}: the first request is computed`).toBe(before);
  const lane = await get(agent, port, method, url, headers);
  if (routed.headers.etag !== undefined && routed.status < 400) expect(seeded.app.fastLane.answered, `${label} was answered by the lane`).toBe(before + 1);
  expect(comparable(lane), label).toEqual(comparable(routed));
  for (const name of PER_EXCHANGE) expect(lane.headers[name], `${label}: ${name}`).toBeDefined();
  return routed;
}

describe('the lane before routing', () => {
  it('answers what the routed path answers: every GET route of the spec, languages, codings, media types, HEAD, conditions', { timeout: 120_000 }, async () => {
    const urls = urlsFromSpec(await parameterValues(async (url) => {
      const answer = await get(agent, port, 'GET', url);
      return { statusCode: answer.status, json: () => JSON.parse(answer.body.toString('utf8')) };
    }));
    expect(urls.length).toBeGreaterThanOrEqual(17);
    const languages: Record<string, string>[] = [{}, { 'accept-language': 'en-GB,en;q=0.9,pl;q=0.5' }];
    const encodings: Record<string, string>[] = [{}, { 'accept-encoding': 'br' }, { 'accept-encoding': 'gzip, deflate' }];
    let cached = 0;
    for (const { url, jsonLd } of urls) {
      const probe = await get(agent, port, 'GET', url);
      if (probe.headers.etag === undefined) continue;
      cached++;
      for (const language of languages) {
        for (const encoding of encodings) {
          for (const method of ['GET', 'HEAD'] as const) await expectLaneAnswersAsRouted(method, url, { ...language, ...encoding });
        }
      }
      for (const accept of jsonLd ? ['application/ld+json', 'application/json'] : ['application/json']) {
        const headers = { accept, 'accept-encoding': 'br', origin: 'https://anything.example' };
        const routed = await expectLaneAnswersAsRouted('GET', url, headers);
        if (routed.headers.etag === undefined) continue;
        for (const condition of [routed.headers.etag, `"stale", ${routed.headers.etag}`, '"stale"', '*']) {
          for (const method of ['GET', 'HEAD'] as const) await expectLaneAnswersAsRouted(method, url, { ...headers, 'if-none-match': condition });
        }
      }
    }
    expect(cached).toBeGreaterThanOrEqual(16);
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

  it('leaves to Fastify what Node must write itself: HTTP/1.0 (with and without keep-alive), Connection: close', async () => {
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

  it('counts its answers in the duration histogram under their route, and leaves nothing in flight', async () => {
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
    expect(await seeded.app.metrics.registry.metrics()).toMatch(/^http_requests_in_flight 0$/m);
  });
});

describe('the lane stays shut', () => {
  it('with rate limiting on: hits are served (and counted) from the cache hook instead', async () => {
    const limited = await createSeededApp({ http: { rateLimitMax: 1000 } });
    try {
      const limitedPort = await listening(limited.app);
      const limitedAgent = new Agent({ keepAlive: true, maxSockets: 1 });
      const first = await get(limitedAgent, limitedPort, 'GET', '/roles');
      const second = await get(limitedAgent, limitedPort, 'GET', '/roles');
      limitedAgent.destroy();
      expect(second.body.equals(first.body)).toBe(true);
      expect(Number(first.headers['ratelimit-remaining']) - Number(second.headers['ratelimit-remaining'])).toBe(1);
      expect(limited.app.fastLane.answered).toBe(0);
    } finally {
      await limited.close();
    }
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
