import { requestHeaders } from './compare.js';
import { getJson, getRaw } from './http-probe.js';
import { failures, runLoad, type LoadResult } from './load.js';
import type { BenchOptions } from './options.js';
import type { RunningServer } from './spawn-server.js';

export interface EscoEndpoint {
  name: string;
  path: string;
  maxP99Ms: number;
}

export interface EscoRow {
  endpoint: EscoEndpoint;
  /** the first request for this URL: nothing cached yet */
  firstMs: number;
  firstStatus: number;
  bytes: number;
  load: LoadResult;
  ok: boolean;
}

interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Real nodes of the synthetic graph, found through the API: the first and the last technology
 * (cheap list pages; /roles is not used because it is slow on this set).
 */
export async function escoEndpoints(server: RunningServer): Promise<EscoEndpoint[]> {
  const first = await getJson<Page<{ slug: string; name: string }>>(server.port, '/technologies?limit=1');
  const last = await getJson<Page<{ slug: string }>>(server.port, `/technologies?limit=1&offset=${first.total - 1}`);
  const from = `technology:${first.items[0].slug}`;
  const to = `technology:${last.items[0].slug}`;
  const prefix = encodeURIComponent(first.items[0].name.slice(0, 4).toLowerCase());
  return [
    { name: 'search', path: '/search?q=model', maxP99Ms: 10 },
    { name: 'suggest', path: `/search/suggest?q=${prefix}`, maxP99Ms: 10 },
    { name: 'neighbors depth 2', path: `/graph/nodes/${from}/neighbors?depth=2`, maxP99Ms: 25 },
    { name: 'path', path: `/graph/path?from=${from}&to=${to}`, maxP99Ms: 25 },
  ];
}

export async function measureEsco(server: RunningServer, endpoints: EscoEndpoint[], options: BenchOptions): Promise<EscoRow[]> {
  const rows: EscoRow[] = [];
  const headers = requestHeaders(options);
  for (const endpoint of endpoints) {
    const first = await getRaw(server.port, endpoint.path, headers);
    const load = await runLoad({ port: server.port, paths: [endpoint.path], connections: options.connections, durationS: options.durationS, warmupS: options.warmupS, headers });
    console.error(`  ESCO ${endpoint.name.padEnd(18)} first ${first.ms.toFixed(1)} ms (${first.status}), ${Math.round(load.reqPerSec)} req/s p50 ${load.p50.toFixed(2)} p99 ${load.p99.toFixed(2)} ms, ${failures(load)} failed`);
    rows.push({ endpoint, firstMs: first.ms, firstStatus: first.status, bytes: first.body.length, load, ok: first.status === 200 && load.p99 <= endpoint.maxP99Ms && failures(load) === 0 });
  }
  return rows;
}
