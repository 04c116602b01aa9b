import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisGate } from '../src/analysis/analysis-gate.js';
import { parseRawResponse, rawExchange } from './helpers/raw-socket.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/** Real sockets against a listening server: what a hostile or broken client does happens below fastify's inject. */

let seeded: SeededApp;
let port: number;
const REQUEST_TIMEOUT_MS = 1_000;

beforeAll(async () => {
  seeded = await createSeededApp({ http: { requestTimeoutMs: REQUEST_TIMEOUT_MS, headersTimeoutMs: REQUEST_TIMEOUT_MS, maxConnections: 20 } });
  await seeded.app.listen({ port: 0, host: '127.0.0.1' });
  port = (seeded.app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await seeded?.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** ms from the first byte sent to the server closing the connection */
  closedAfterMs: number;
}

/** Sends `chunks` (a string, or pieces with pauses between them) and reads until the server closes. */
async function exchange(chunks: (string | number)[], opts: { stopAfterMs?: number } = {}): Promise<RawResponse> {
  const { received, closedAfterMs } = await rawExchange(port, chunks, opts);
  return { ...parseRawResponse(received), closedAfterMs };
}

function expectProblemWithSecurityHeaders(response: RawResponse, status: number) {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body, 'latin1'));
  const problem = JSON.parse(response.body) as { status: number; type: string; title: string; detail: string };
  expect(problem).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String), detail: expect.any(String) });
  // The headers every routed response carries: helmet's and CORS for any origin.
  expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['access-control-allow-origin']).toBe('*');
}

describe('errors raised before routing are problem+json with the security headers', () => {
  it('400 for a malformed request line', async () => {
    expectProblemWithSecurityHeaders(await exchange(['GET /roles HTTP/1.1 garbage\r\nHost: x\r\n\r\n']), 400);
  });

  it('400 for a header line that is not a header', async () => {
    expectProblemWithSecurityHeaders(await exchange(['GET /roles HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n']), 400);
  });

  it('431 for headers larger than the server accepts', async () => {
    expectProblemWithSecurityHeaders(await exchange([`GET /roles HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]), 431);
  });

  it('417 for an Expect other than 100-continue', async () => {
    const response = await exchange(['POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: tea\r\nConnection: close\r\n\r\n{}']);
    expectProblemWithSecurityHeaders(response, 417);
  });

  it('413 for a body over the limit, 414 for a URL over the limit', async () => {
    // The declared length is enough to refuse; the body is not sent (writing into a closed socket would reset it before the answer is read).
    const tooLarge = await exchange([`POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 300000\r\nConnection: close\r\n\r\n`]);
    expectProblemWithSecurityHeaders(tooLarge, 413);
    const tooLong = await exchange([`GET /search?q=${'a'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]);
    expectProblemWithSecurityHeaders(tooLong, 414);
  });
});

describe('slow clients are cut off', () => {
  it('a body sent a byte at a time gets 408 problem+json and the connection closed within the request timeout', async () => {
    const trickle: (string | number)[] = ['POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n'];
    for (let i = 0; i < 40; i++) trickle.push('{', 150);
    const response = await exchange(trickle);
    expectProblemWithSecurityHeaders(response, 408);
    // Node checks every quarter of the timeout (config): the cut comes within 1.5× the timeout, plus scheduling slack.
    expect(response.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS * 1.5 + 1_000);
    expect(response.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
  });

  it('headers sent a line at a time get 408 too', async () => {
    const trickle: (string | number)[] = ['GET /roles HTTP/1.1\r\n'];
    for (let i = 0; i < 40; i++) trickle.push(`X-Slow-${i}: 1\r\n`, 150);
    const response = await exchange(trickle);
    expectProblemWithSecurityHeaders(response, 408);
    expect(response.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS * 1.5 + 1_000);
  });
});

async function inFlight(): Promise<number> {
  const metric = seeded.app.metrics.registry.getSingleMetric('http_requests_in_flight');
  return (await metric!.get()).values[0]?.value ?? NaN;
}

describe('the in-flight gauge', () => {
  it('falls back after clients abort mid-request', async () => {
    const before = await inFlight();
    const sockets: Socket[] = [];
    for (let i = 0; i < 5; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      // Headers complete, body never finished: the request is routed and in flight.
      socket.write('POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text":');
      sockets.push(socket);
    }
    await expect.poll(inFlight, { timeout: 2_000 }).toBe(before + 5);
    for (const socket of sockets) socket.destroy();
    await expect.poll(inFlight, { timeout: 2_000 }).toBe(before);
  });
});

describe('the connection cap', () => {
  it('closes connections past maxConnections and keeps serving the others', async () => {
    const held: Socket[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        await new Promise((r) => socket.once('connect', r));
        held.push(socket);
      }
      await new Promise((r) => setTimeout(r, 50));
      const refused = await exchange(['GET /health HTTP/1.1\r\nHost: x\r\n\r\n'], { stopAfterMs: 3_000 });
      expect(refused.status).toBe(0); // closed without an answer
    } finally {
      for (const socket of held) socket.destroy();
    }
    await new Promise((r) => setTimeout(r, 50));
    const served = await exchange(['GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(served.status).toBe(200);
  });
});

describe('CPU-bound analysis', () => {
  it('admits at most maxConcurrentAnalyses at once; the rest get 503 problem+json with Retry-After', async () => {
    const gated = await createSeededApp({ http: { maxConcurrentAnalyses: 3 } });
    try {
      const text = 'Python, Kubernetes, MLOps, Docker i potoki danych. '.repeat(300);
      const responses = await Promise.all(Array.from({ length: 12 }, () => gated.app.inject({ method: 'POST', url: '/extract', payload: { text } })));
      const statuses = responses.map((r) => r.statusCode);
      // Those arriving while three are admitted are refused; how many arrive before the first is answered depends on timing.
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      const refused = responses.find((r) => r.statusCode === 503)!;
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const ok = responses.filter((r) => r.statusCode === 200).map((r) => r.body);
      expect(new Set(ok).size).toBe(1);
      // The gate is free again once they are answered.
      expect((await gated.app.inject({ method: 'POST', url: '/roles/ai-engineer/gap', payload: { have: ['python'] } })).statusCode).toBe(200);
    } finally {
      await gated.close();
    }
  });

  it('runs `concurrency` analyses at once and gives a free turn to the address with the fewest running', async () => {
    const gate = new AnalysisGate(6, 1, 4);
    const order: string[] = [];
    const run = async (name: string) => {
      const client = name[0];
      const turn = gate.enter(client);
      if (turn === false) return order.push(`${name} refused`);
      await turn;
      order.push(name);
      await new Promise((r) => setImmediate(r));
      gate.release(client);
    };
    // a1 runs at once; a sends five (its fifth is over its share of four), b and c one each after it.
    await Promise.all(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'c1'].map(run));
    expect(order).toEqual(['a5 refused', 'a1', 'b1', 'c1', 'a2', 'a3', 'a4']);
    expect(gate.admitted).toBe(0);
  });

  it('a slow body holds its own socket, never the gate: a normal analysis beside 40 stalled ones is answered at once, the stalled get 408', async () => {
    const slow = await createSeededApp({ http: { analysisBodyTimeoutMs: 1_500, maxConcurrentAnalyses: 8, maxConnections: 100 } });
    try {
      await slow.app.listen({ port: 0, host: '127.0.0.1' });
      const slowPort = (slow.app.server.address() as { port: number }).port;
      // Workers start and load their vocabulary once; that is not what is measured here.
      await Promise.all([1, 2, 3, 4].map(() => slow.app.analyze({ kind: 'extract', text: 'Python', lang: 'pl' })));
      // The reproduction: Content-Length 100 and no body, more sockets than the gate has places.
      const stalled = Array.from({ length: 40 }, () => {
        const socket = connect(slowPort, '127.0.0.1');
        let data = '';
        socket.setEncoding('latin1');
        socket.on('data', (chunk: string) => (data += chunk));
        socket.on('error', () => undefined);
        const closed = new Promise<{ data: string; ms: number }>((resolve) => socket.on('close', () => resolve({ data, ms: performance.now() - started })));
        const started = performance.now();
        socket.write('POST /extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text":');
        return closed;
      });
      await new Promise((r) => setTimeout(r, 200));
      const started = performance.now();
      const normal = await fetch(`http://127.0.0.1:${slowPort}/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Python i Docker' }) });
      expect(normal.status).toBe(200);
      const gap = await fetch(`http://127.0.0.1:${slowPort}/roles/ai-engineer/gap`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ have: ['python'] }) });
      expect(gap.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1_000);
      for (const { data, ms } of await Promise.all(stalled)) {
        expect(data).toMatch(/^HTTP\/1\.1 408 /);
        expect(data).toContain('application/problem+json');
        expect(data).toContain('/problems/request-timeout');
        expect(ms).toBeGreaterThan(1_200);
        expect(ms).toBeLessThan(4_000);
      }
    } finally {
      await slow.close();
    }
  });
});
