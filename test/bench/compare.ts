import type { BenchOptions } from './options.js';
import { getRaw } from './http-probe.js';
import { failures, runLoad, type LoadResult } from './load.js';
import type { CeilingRoute, RunningServer } from './spawn-server.js';
import { median } from './stats.js';

export interface KeyEndpoint {
  name: string;
  path: string;
  minRatio: number;
  maxP99Ms?: number;
}

/** The endpoints the issue names, on the real document's database. */
export const KEY_ENDPOINTS: KeyEndpoint[] = [
  { name: 'responsibilities', path: '/roles/ai-engineer/responsibilities', minRatio: 0.85, maxP99Ms: 2 },
  { name: 'role', path: '/roles/ai-engineer', minRatio: 0.5 },
  { name: 'technologies list', path: '/technologies', minRatio: 0.5 },
  { name: 'technology detail', path: '/technologies/dvc', minRatio: 0.5 },
  { name: 'search', path: '/search?q=model', minRatio: 0.5 },
  { name: 'suggest', path: '/search/suggest?q=kube', minRatio: 0.5 },
  { name: 'neighbors depth 2', path: '/graph/nodes/technology:dvc/neighbors?depth=2', minRatio: 0.5 },
  { name: 'path', path: '/graph/path?from=technology:dvc&to=role:data-analyst', minRatio: 0.5 },
];

export function requestHeaders(options: BenchOptions): Record<string, string> {
  return options.acceptEncoding ? { 'accept-encoding': options.acceptEncoding } : {};
}

export interface BrokenEndpoint {
  endpoint: KeyEndpoint;
  status: number;
  body: string;
}

/** rolegraph's exact bytes and content type for each URL, for the ceiling to replay; endpoints that do not answer 200 are set aside. */
export async function captureRoutes(port: number, endpoints: KeyEndpoint[], headers: Record<string, string>): Promise<{ routes: CeilingRoute[]; broken: BrokenEndpoint[] }> {
  const routes: CeilingRoute[] = [];
  const broken: BrokenEndpoint[] = [];
  for (const e of endpoints) {
    const res = await getRaw(port, e.path, headers);
    if (res.status !== 200) {
      broken.push({ endpoint: e, status: res.status, body: res.body.toString('utf8').slice(0, 300) });
      continue;
    }
    const encoding = res.headers['content-encoding'];
    routes.push({
      url: e.path,
      contentType: res.headers['content-type'] ?? 'application/octet-stream',
      contentEncoding: encoding && encoding !== 'identity' ? encoding : undefined,
      body: res.body.toString('base64'),
    });
  }
  return { routes, broken };
}

export interface SideSummary {
  reqPerSec: number;
  p50: number;
  p99: number;
  failures: number;
  rounds: LoadResult[];
}

export interface ComparisonRow {
  endpoint: KeyEndpoint;
  bytes: number;
  ceiling: SideSummary;
  rolegraph: SideSummary;
  ratio: number;
  ok: boolean;
}

function summarize(rounds: LoadResult[]): SideSummary {
  return {
    reqPerSec: median(rounds.map((r) => r.reqPerSec)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    failures: rounds.reduce((sum, r) => sum + failures(r), 0),
    rounds,
  };
}

const line = (r: LoadResult) => `${Math.round(r.reqPerSec).toLocaleString('en-US').padStart(7)} req/s p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} ms${failures(r) ? ` ${failures(r)} failed` : ''}`;

/**
 * For each endpoint: ceiling, rolegraph, ceiling, rolegraph … `rounds` times. Both servers stay up; only the
 * one under load does work (an idle Node process takes no CPU), so neither pays a restart or loses its JIT state.
 */
export async function compareEndpoints(ceiling: RunningServer, rolegraph: RunningServer, routes: CeilingRoute[], endpoints: KeyEndpoint[], options: BenchOptions): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  const headers = requestHeaders(options);
  for (const route of routes) {
    const endpoint = endpoints.find((e) => e.path === route.url)!;
    const results: Record<'ceiling' | 'rolegraph', LoadResult[]> = { ceiling: [], rolegraph: [] };
    for (let round = 1; round <= options.rounds; round++) {
      for (const [side, server] of [['ceiling', ceiling], ['rolegraph', rolegraph]] as const) {
        const r = await runLoad({ port: server.port, paths: [endpoint.path], connections: options.connections, durationS: options.durationS, warmupS: options.warmupS, headers });
        results[side].push(r);
        console.error(`  ${endpoint.name.padEnd(18)} round ${round}/${options.rounds} ${side.padEnd(9)} ${line(r)}`);
      }
    }
    const c = summarize(results.ceiling);
    const g = summarize(results.rolegraph);
    const ratio = g.reqPerSec / c.reqPerSec;
    const ok = ratio >= endpoint.minRatio && (endpoint.maxP99Ms === undefined || g.p99 <= endpoint.maxP99Ms) && g.failures === 0;
    rows.push({ endpoint, bytes: Buffer.from(route.body, 'base64').length, ceiling: c, rolegraph: g, ratio, ok });
  }
  return rows;
}
