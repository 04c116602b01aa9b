import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRaw } from './bench/http-probe.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/** Issue 22 H1 and M2, over real sockets: what one client can make the server hold, per connection and per address. */
let seeded: SeededApp;
let port: number;

beforeAll(async () => {
  seeded = await createSeededApp({ http: { firstRequestTimeoutMs: 1_500 } });
  await seeded.app.listen({ port: 0, host: '127.0.0.1' });
  port = (seeded.app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await seeded?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function openSocket(localAddress?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

const closedBy = (socket: Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

describe('pipelined answers nobody reads (H1)', () => {
  it('3,000 pipelined GET /graph?format=svg on one unread socket: RSS stays within +100 MB, /health answers, the connection is closed', async () => {
    // Warmed under the Host the pipelined requests send: the cache keys on it (no PUBLIC_BASE_URL here).
    let svg = await getRaw(port, '/graph?format=svg', { host: '127.0.0.1' });
    if (svg.status !== 200) svg = await getRaw(port, '/graph?format=svg', { host: '127.0.0.1' });
    expect(svg.status).toBe(200);
    expect(svg.body.length).toBeGreaterThan(128 * 1024);
    // Held brotli-only once compressed in the background: every hit below is decompressed for a client without br.
    await sleep(500);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const socket = await openSocket();
    socket.pause();
    socket.on('error', () => undefined);
    const closed = closedBy(socket);
    socket.write('GET /graph?format=svg HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(3_000));
    let peak = before;
    const probes: number[] = [];
    for (let i = 0; i < 10; i++) {
      await sleep(100);
      peak = Math.max(peak, process.memoryUsage().rss);
      const health = await getRaw(port, '/health', {}, 5_000);
      expect(health.status).toBe(200);
      probes.push(health.ms);
    }
    console.log(`pipelined: RSS ${(before / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB; /health max ${Math.max(...probes).toFixed(1)} ms`);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
    expect(Math.max(...probes)).toBeLessThan(1_000);
    // The server closed it: reading now finds the end after at most the answers it had already sent.
    socket.resume();
    await closed;
  });

  it('a client that reads its pipelined answers gets them all', async () => {
    const socket = await openSocket();
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    const count = 50;
    socket.write(`${'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(count - 1)}GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    await closedBy(socket);
    expect(data.match(/HTTP\/1\.1 200 /g)?.length).toBe(count);
  });
});

describe('connection fairness (M2)', () => {
  it('2,000 idle sockets from 127.0.0.2: /health and /ready answer from 127.0.0.1 throughout, the idle ones are closed within the first-request deadline', async () => {
    const idle: Socket[] = [];
    const opening = (async () => {
      // In batches, as a client opening them as fast as the listen backlog takes them.
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 200 }, () =>
            openSocket('127.0.0.2').then(
              (s) => {
                s.on('error', () => undefined);
                idle.push(s);
              },
              () => undefined,
            ),
          ),
        );
      }
    })();
    const failures: string[] = [];
    const probing = (async () => {
      for (let i = 0; i < 20; i++) {
        for (const path of ['/health', '/ready']) {
          const res = await getRaw(port, path, {}, 2_000).catch((error: Error) => ({ status: 0, ms: 0, error }));
          if (res.status !== 200) failures.push(`${path}: ${res.status}`);
        }
        await sleep(100);
      }
    })();
    await opening;
    await probing;
    console.log(`idle: ${idle.length} opened, ${idle.filter((s) => s.destroyed).length} already closed; probes failed: ${failures.length}`);
    expect(failures).toEqual([]);
    // Past the per-address cap they are refused at once; the rest are closed at the first-request deadline.
    await Promise.all(idle.map(closedBy));
    expect(idle.every((s) => s.destroyed)).toBe(true);
  }, 20_000);
});
