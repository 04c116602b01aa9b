import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase } from './helpers/seeded-app.js';
import { fetchOnce, killServers, startServer, waitFor } from './helpers/server-process.js';

/**
 * SIGTERM on the real server process, with clients that behave like a load balancer's traffic: they stop
 * sending once /ready fails, and until then keep their connections alive or open new ones. Nothing they
 * sent may fail; slow clients are answered at the deadline rather than reset, and the exit code is 0.
 */

const URLS = ['/roles', '/roles/ai-engineer', '/roles/ai-engineer/responsibilities', '/technologies?limit=5', '/search?q=python', '/skills'];

interface Outcome {
  status?: number;
  connection?: string;
  error?: string;
}

function get(url: string, agent: Agent | false): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent }, (res) => {
      const expected = Number(res.headers['content-length'] ?? Number.NaN);
      let received = 0;
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('end', () => resolve(Number.isNaN(expected) || received === expected ? { status: res.statusCode, connection: res.headers.connection } : { error: 'truncated' }));
      res.on('aborted', () => resolve({ error: 'aborted' }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

let dbPath: string;

beforeAll(() => {
  ({ dbPath } = createSeededDatabase());
});

afterAll(() => {
  killServers();
});

describe('SIGTERM', () => {
  it('loses nothing: 100 keep-alive clients and new connections, /ready fails first, the port stays open through the drain, exit 0', async () => {
    const server = await startServer(dbPath, { SHUTDOWN_DRAIN_MS: '2000' });
    for (const url of URLS) await fetchOnce(`${server.url}${url}`); // cached, as in steady traffic
    const agent = new Agent({ keepAlive: true, maxSockets: 100 });
    let balancerSends = true;
    const outcomes: Outcome[] = [];
    // The balancer's readiness probe: every 100 ms on a fresh connection; once it fails, nothing new is sent.
    const probe = (async () => {
      while (balancerSends) {
        const ready = await get(`${server.url}/ready`, false);
        if (ready.status !== 200) balancerSends = false;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const keepAliveClient = async (offset: number) => {
      for (let i = offset; balancerSends; i++) outcomes.push(await get(`${server.url}${URLS[i % URLS.length]}`, agent));
    };
    const newConnections = async () => {
      for (let i = 0; balancerSends; i++) {
        outcomes.push(await get(`${server.url}${URLS[i % URLS.length]}`, false));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const clients = [...Array.from({ length: 100 }, (_, i) => keepAliveClient(i)), newConnections(), newConnections()];
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = outcomes.length;
    server.child.kill('SIGTERM');
    await Promise.all([probe, ...clients]);
    const exit = await Promise.race([server.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
    agent.destroy();

    const failed = outcomes.filter((o) => o.error !== undefined || o.status !== 200);
    expect(failed, JSON.stringify(failed.slice(0, 5))).toEqual([]);
    expect(before).toBeGreaterThan(100);
    // Answers sent while draining asked their clients to close the connection.
    expect(outcomes.slice(before).some((o) => o.connection === 'close')).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.logs.some((l) => l.msg === 'shut down' && l.cut === 0)).toBe(true);
  });

  it('answers slow clients at the deadline (408 for slow headers and a slow body) instead of hanging, answers admitted requests, and exits 0', async () => {
    const server = await startServer(dbPath, { SHUTDOWN_DRAIN_MS: '200', SHUTDOWN_TIMEOUT_MS: '4000', REQUEST_TIMEOUT_MS: '60000', HEADERS_TIMEOUT_MS: '60000' });
    const { port } = new URL(server.url);
    const raw = (bytes: string) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      const closed = new Promise<string>((resolve) => {
        socket.on('close', () => resolve(received));
        socket.on('error', () => undefined);
      });
      socket.write(bytes);
      return closed;
    };
    const slowHeaders = raw('GET /roles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    await fetchOnce(`${server.url}/roles`);
    // A cached GET that announces a body waits for it before answering: a body that never ends holds it.
    const slowBody = raw('GET /roles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"a":');
    const text = 'Szukamy osoby znającej Python, Docker i Kubernetes. '.repeat(40);
    const admitted = Array.from(
      { length: 20 },
      () =>
        new Promise<Outcome>((resolve) => {
          const req = httpRequest(`${server.url}/extract`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode }));
          });
          req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code }));
          req.end(JSON.stringify({ text }));
        }),
    );
    await waitFor(
      async () => {
        const metrics = await fetchOnce(`${server.url}/metrics`);
        return 'body' in metrics ? Number(/^http_requests_in_flight (\d+)$/m.exec(metrics.body.toString())?.[1] ?? 0) : 0;
      },
      (n) => n >= 3,
      20_000,
    );
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await Promise.race([server.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000))]);
    const exitMs = Date.now() - signalledAt;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(4000 + 1000 + 2000);
    for (const outcome of await Promise.all(admitted)) expect(outcome).toEqual({ status: 200 });
    const headersAnswer = await slowHeaders;
    expect(headersAnswer).toMatch(/^HTTP\/1\.1 408 /);
    expect(headersAnswer).toContain('application/problem+json');
    const bodyAnswer = await slowBody;
    expect(bodyAnswer).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyAnswer).toContain('"status":408');
    expect(server.logs.some((l) => l.msg === 'shut down' && Number(l.cut) >= 2)).toBe(true);
  });
});
