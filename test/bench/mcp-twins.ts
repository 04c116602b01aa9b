import autocannon from 'autocannon';
import { HOST } from './http-probe.js';
import { fmt, table, type Cell } from './report.js';
import { percentile } from './stats.js';

/**
 * An MCP tool call (POST /mcp, tools/call) against its REST twin, on the same server process in the
 * same run, one after the other: what an agent pays for the protocol. The REST GETs are answered from
 * the response cache after the first request; a tool call is computed every time (POST, never cached),
 * so the GET twins show the cache's worth and POST /extract, computed on both sides, the protocol's own cost.
 */

interface Exchange {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

interface Twin {
  name: string;
  tool: string;
  arguments: Record<string, unknown>;
  rest: Exchange;
}

const EXTRACT_TEXT = 'Szukamy inżyniera ze znajomością Pythona, Dockera i Kubernetesa, a także doświadczenia z MLflow i Apache Airflow.';

const TWINS: Twin[] = [
  { name: 'role', tool: 'get_role', arguments: { role: 'ai-engineer', lang: 'en' }, rest: { method: 'GET', path: '/roles/ai-engineer?lang=en' } },
  { name: 'neighbors depth 2', tool: 'neighbors', arguments: { node: 'technology:dvc', depth: 2, lang: 'en' }, rest: { method: 'GET', path: '/graph/nodes/technology:dvc/neighbors?depth=2&lang=en' } },
  { name: 'extract', tool: 'extract_entities', arguments: { text: EXTRACT_TEXT, lang: 'en' }, rest: { method: 'POST', path: '/extract?lang=en', body: { text: EXTRACT_TEXT } } },
];

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' };

const mcpCall = (twin: Twin): Exchange => ({ method: 'POST', path: '/mcp', body: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: twin.tool, arguments: twin.arguments } } });

export interface TwinSide {
  reqPerSec: number;
  p50: number;
  p99: number;
  failed: number;
  bytes: number;
}

export interface TwinRow {
  twin: Twin;
  tool: TwinSide;
  rest: TwinSide;
}

async function once(port: number, exchange: Exchange): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://${HOST}:${port}${exchange.path}`, {
    method: exchange.method,
    headers: exchange.method === 'POST' ? MCP_HEADERS : {},
    body: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
  });
  return { status: response.status, text: await response.text() };
}

function load(port: number, exchange: Exchange, opts: { connections: number; durationS: number }, record: boolean): Promise<TwinSide> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `http://${HOST}:${port}${exchange.path}`,
    method: exchange.method,
    headers: exchange.method === 'POST' ? MCP_HEADERS : {},
    body: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
    connections: opts.connections,
    duration: opts.durationS,
    timeout: 10,
  });
  if (record) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  return Promise.resolve(instance).then((result) => {
    const sorted = Float64Array.from(latencies).sort();
    return { reqPerSec: result.requests.total / Math.max(result.duration, 0.001), p50: percentile(sorted, 50), p99: percentile(sorted, 99), failed: result.errors + result.timeouts + result.non2xx, bytes: 0 };
  });
}

/** Each twin: a warm-up and a measured run of each side, the side that goes first alternating from twin to twin. */
export async function measureMcpTwins(port: number, opts: { connections: number; durationS: number; warmupS: number }, log: (line: string) => void = () => {}): Promise<TwinRow[]> {
  const rows: TwinRow[] = [];
  for (const [i, twin] of TWINS.entries()) {
    const sides = { tool: mcpCall(twin), rest: twin.rest };
    const measured: Partial<Record<'tool' | 'rest', TwinSide>> = {};
    for (const side of i % 2 === 0 ? (['rest', 'tool'] as const) : (['tool', 'rest'] as const)) {
      const first = await once(port, sides[side]);
      if (first.status !== 200 || (side === 'tool' && /"isError":true/.test(first.text))) throw new Error(`${twin.name} ${side}: answered ${first.status} ${first.text.slice(0, 300)}`);
      if (opts.warmupS > 0) await load(port, sides[side], { ...opts, durationS: opts.warmupS }, false);
      measured[side] = { ...(await load(port, sides[side], opts, true)), bytes: Buffer.byteLength(first.text) };
      log(`  ${twin.name.padEnd(18)} ${side.padEnd(4)} ${fmt.int(measured[side].reqPerSec)} req/s p50 ${fmt.ms(measured[side].p50)} p99 ${fmt.ms(measured[side].p99)} ms`);
    }
    rows.push({ twin, tool: measured.tool!, rest: measured.rest! });
  }
  return rows;
}

export function renderMcpTwins(rows: TwinRow[], opts: { connections: number; durationS: number }): string {
  const cells = rows.map((r): Cell[] => [
    `${r.twin.tool} ↔ \`${r.twin.rest.method} ${r.twin.rest.path}\``,
    `${fmt.kb(r.tool.bytes)} / ${fmt.kb(r.rest.bytes)}`,
    fmt.int(r.tool.reqPerSec),
    fmt.int(r.rest.reqPerSec),
    fmt.ratio(r.tool.reqPerSec / r.rest.reqPerSec),
    `${fmt.ms(r.tool.p50)} / ${fmt.ms(r.rest.p50)}`,
    `${fmt.ms(r.tool.p99)} / ${fmt.ms(r.rest.p99)}`,
    r.tool.failed + r.rest.failed,
  ]);
  return `#### MCP tool call vs its REST twin, real document (${opts.connections} connections, ${opts.durationS} s a side, same process; latency in ms)

The REST GETs are response-cache hits; a tool call (a stateless \`POST /mcp\`: a fresh MCP server and transport, the JSON-RPC envelope, the route's code, the output schema checked) is computed every time. \`POST /extract\` is computed on both sides.

${table(['tool ↔ route', 'body tool / REST', 'tool req/s', 'REST req/s', 'tool / REST', 'p50 tool / REST', 'p99 tool / REST', 'failed'], cells)}`;
}
