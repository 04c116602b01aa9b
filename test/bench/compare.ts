import type { BenchOptions } from './options.js';
import { getRaw } from './http-probe.js';
import { failures, runLoad, type LoadResult } from './load.js';
import { runWrk } from './load-wrk.js';
import type { CeilingRoute, RunningServer } from './spawn-server.js';
import { median } from './stats.js';

export interface KeyEndpoint {
  name: string;
  path: string;
  minRatio: number;
  /** rolegraph's p99 over the ceiling's */
  maxP99Ratio: number;
}

export type LoadTool = 'wrk' | 'autocannon';
export type Side = 'ceiling' | 'rolegraph' | 'sameHeaders';

/** Every cached GET route the issue names, on the real document's database; the same targets for each. */
export const KEY_ENDPOINTS: KeyEndpoint[] = [
  { name: 'role', path: '/roles/ai-engineer' },
  { name: 'responsibilities', path: '/roles/ai-engineer/responsibilities' },
  { name: 'technologies list', path: '/technologies' },
  { name: 'technology detail', path: '/technologies/dvc' },
  { name: 'skills', path: '/skills' },
  { name: 'search', path: '/search?q=model' },
  { name: 'suggest', path: '/search/suggest?q=kube' },
  { name: 'neighbors depth 2', path: '/graph/nodes/technology:dvc/neighbors?depth=2' },
  { name: 'path', path: '/graph/path?from=technology:dvc&to=role:data-analyst' },
].map((e) => ({ ...e, minRatio: 0.85, maxP99Ratio: 1.5 }));

export function requestHeaders(options: BenchOptions): Record<string, string> {
  return options.acceptEncoding ? { 'accept-encoding': options.acceptEncoding } : {};
}

export interface BrokenEndpoint {
  endpoint: KeyEndpoint;
  status: number;
  body: string;
}

/** Written by any Fastify reply (or set by the ceiling itself): not copied into the same-headers ceiling's routes. */
const FRAMEWORK_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

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
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined && !FRAMEWORK_HEADERS.has(name)) fields[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    routes.push({
      url: e.path,
      headBytes: res.headBytes,
      headers: fields,
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

export interface ToolComparison {
  ceiling: SideSummary;
  rolegraph: SideSummary;
  /** per rolegraph round, the share of its cache hits answered before routing (the rest took the cache's hook) */
  laneShares: number[];
  /** the ceiling sending rolegraph's header fields too: what is left is the framework's and rolegraph's own work */
  sameHeaders?: SideSummary;
  sameHeadersRatio?: number;
  ratio: number;
  p99Ratio: number;
  ok: boolean;
}

export interface ComparisonRow {
  endpoint: KeyEndpoint;
  bytes: number;
  /** status line and header fields as sent, per side */
  headBytes: { ceiling: number; rolegraph: number; sameHeaders?: number };
  /** which side each round started with */
  firstSides: Side[];
  tools: Partial<Record<LoadTool, ToolComparison>>;
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

/** fast_lane_answers_total and response_cache_hits_total, as the server's /metrics says now. */
async function hitCounts(port: number): Promise<{ lane: number; hits: number }> {
  const text = (await getRaw(port, '/metrics')).body.toString('utf8');
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { lane: value('fast_lane_answers_total'), hits: value('response_cache_hits_total') };
}

const line = (r: LoadResult) => `${Math.round(r.reqPerSec).toLocaleString('en-US').padStart(7)} req/s p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} ms${failures(r) ? ` ${failures(r)} failed` : ''}`;

/**
 * For each endpoint and load generator: `rounds` alternations of ceiling and rolegraph, the side that goes
 * first rotating every round. Each side has one or more processes, and round r runs on process r mod n:
 * on this shared machine a process can run ±15 % faster or slower than its twin for its whole life, and
 * with one process a side that luck decided every ratio of a run. All servers stay up; only the one under
 * load works (an idle Node process takes no CPU), so none pays a restart or loses its JIT state.
 */
export async function compareEndpoints(servers: { ceiling: RunningServer[]; rolegraph: RunningServer[]; sameHeaders?: RunningServer[] }, routes: CeilingRoute[], endpoints: KeyEndpoint[], options: BenchOptions, tools: LoadTool[]): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  const headers = requestHeaders(options);
  const sides = (['ceiling', 'rolegraph', 'sameHeaders'] as const).filter((side) => servers[side] !== undefined);
  for (const route of routes) {
    const endpoint = endpoints.find((e) => e.path === route.url)!;
    const row: ComparisonRow = {
      endpoint,
      bytes: Buffer.from(route.body, 'base64').length,
      headBytes: { ceiling: (await getRaw(servers.ceiling[0].port, endpoint.path, headers)).headBytes, rolegraph: route.headBytes, sameHeaders: servers.sameHeaders ? (await getRaw(servers.sameHeaders[0].port, endpoint.path, headers)).headBytes : undefined },
      firstSides: [],
      tools: {},
      ok: true,
    };
    for (const tool of tools) {
      const results: Record<Side, LoadResult[]> = { ceiling: [], rolegraph: [], sameHeaders: [] };
      const laneShares: number[] = [];
      for (let round = 1; round <= options.rounds; round++) {
        // The side that goes first rotates every round.
        const order = sides.map((_, i) => sides[(i + round - 1) % sides.length]);
        if (tool === tools[0]) row.firstSides.push(order[0]);
        for (const side of order) {
          const processes = servers[side]!;
          const server = processes[(round - 1) % processes.length];
          const load = { port: server.port, connections: options.connections, durationS: options.durationS, warmupS: options.warmupS, headers };
          const before = side === 'rolegraph' ? await hitCounts(server.port) : undefined;
          const r = tool === 'wrk' ? await runWrk({ ...load, path: endpoint.path }) : await runLoad({ ...load, paths: [endpoint.path] });
          results[side].push(r);
          let lane = '';
          if (before) {
            const after = await hitCounts(server.port);
            const hits = after.hits - before.hits;
            // No hits (every request refused or computed) or no such series: no share to report.
            if (hits > 0 && Number.isFinite(after.lane - before.lane)) {
              laneShares.push((after.lane - before.lane) / hits);
              lane = ` lane ${(laneShares.at(-1)! * 100).toFixed(1)} %`;
            }
          }
          console.error(`  ${endpoint.name.padEnd(18)} ${tool.padEnd(10)} round ${round}/${options.rounds} ${side.padEnd(11)} ${line(r)}${lane}`);
        }
      }
      const c = summarize(results.ceiling);
      const g = summarize(results.rolegraph);
      const same = results.sameHeaders.length ? summarize(results.sameHeaders) : undefined;
      const ratio = g.reqPerSec / c.reqPerSec;
      const p99Ratio = g.p99 / c.p99;
      const ok = ratio >= endpoint.minRatio && p99Ratio <= endpoint.maxP99Ratio && g.failures === 0;
      row.tools[tool] = { ceiling: c, rolegraph: g, laneShares, sameHeaders: same, sameHeadersRatio: same ? g.reqPerSec / same.reqPerSec : undefined, ratio, p99Ratio, ok };
      row.ok &&= ok;
    }
    rows.push(row);
  }
  return rows;
}
