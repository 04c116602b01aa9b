import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../src/paths.js';
import { HOST, getRaw } from './http-probe.js';
import type { RunningServer } from './spawn-server.js';
import { percentile } from './stats.js';

export interface StormResult {
  connections: number;
  textChars: number;
  durationS: number;
  extracts: Record<string, number>;
  probes: { path: string; count: number; p50: number; p99: number; max: number; failed: number }[];
}

/** A 20,000-character job ad: the real document repeated. */
function longText(chars: number): string {
  const doc = readFileSync(join(PROJECT_ROOT, 'seed/documents/ai-engineer.pl.txt'), 'utf8');
  return doc.repeat(Math.ceil(chars / doc.length)).slice(0, chars);
}

/**
 * `connections` clients send 20,000-character POST /extract back to back while one client asks /health
 * and a cached GET in turn: the analysis gate must keep those answering (p99 ≤ 50 ms) and refuse the
 * excess with 503 rather than let the event loop queue seconds of work.
 */
export async function extractStorm(server: RunningServer, opts: { connections: number; durationS: number; textChars?: number; cachedPath: string }): Promise<StormResult> {
  const textChars = opts.textChars ?? 20_000;
  const body = JSON.stringify({ text: longText(textChars) });
  const paths = ['/health', opts.cachedPath];
  await getRaw(server.port, opts.cachedPath);
  const times: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
  const failed: Record<string, number> = Object.fromEntries(paths.map((p) => [p, 0]));
  const instance = autocannon({ url: `http://${HOST}:${server.port}/extract`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: opts.connections, duration: opts.durationS, timeout: 30 });
  let running = true;
  const probing = (async () => {
    await new Promise((r) => setTimeout(r, 500)); // let the storm build up first
    for (let i = 0; running; i++) {
      const path = paths[i % paths.length];
      const res = await getRaw(server.port, path, {}, 30_000).catch(() => null);
      if (res?.status !== 200) failed[path]++;
      else times[path].push(res.ms);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const result = await instance;
  running = false;
  await probing;
  return {
    connections: opts.connections,
    textChars,
    durationS: opts.durationS,
    extracts: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    probes: paths.map((path) => {
      const sorted = Float64Array.from(times[path]).sort();
      return { path, count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, failed: failed[path] };
    }),
  };
}
