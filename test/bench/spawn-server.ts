import { readFileSync, writeFileSync } from 'node:fs';
import { spawnTs, type Child } from './children.js';
import { HOST, freePort, pollUntilOk } from './http-probe.js';

export interface RunningServer {
  name: string;
  port: number;
  child: Child;
  /** Spawn → first 200 from the ready path, polled every 5 ms. */
  coldStartMs: number;
  rssMb(): number;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const POLL_INTERVAL_MS = 5;

/** Resident set size of a live process, from /proc (Linux), in MB. */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) / 1024;
}

/** Cold start is timed to the first 200 of `readyPath`; the server is handed over once `servingPath` (default the same) answers 200 too. */
async function start(name: string, script: string, args: string[], env: Record<string, string>, readyPath: string, timeoutMs: number, nodeFlags: readonly string[] = [], fixedPort?: number, servingPath = readyPath): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const spawned = performance.now();
  const child = spawnTs(script, args, { ...env, PORT: String(port), HOST }, { nodeFlags });
  let dead = false;
  void child.exited.then(() => (dead = true));
  let coldStartMs: number;
  try {
    coldStartMs = await pollUntilOk(port, readyPath, spawned, { intervalMs: POLL_INTERVAL_MS, timeoutMs, isDead: () => dead });
    if (servingPath !== readyPath) await pollUntilOk(port, servingPath, spawned, { intervalMs: POLL_INTERVAL_MS, timeoutMs, isDead: () => dead });
  } catch (error) {
    await child.stop('SIGKILL');
    throw new Error(`${name}: ${(error as Error).message}\n${child.output()}`);
  }
  return { name, port, child, coldStartMs, rssMb: () => rssMbOf(child.pid), stop: (signal) => child.stop(signal) };
}

let compiled = false;
/**
 * Run rolegraph's entry points from the sources through tsx (`npm start`, `npm run seed`), or from the build
 * (`npm run build`, as the Docker image does). Server and seed must match: the data version hashes the seed code.
 */
export function useCompiled(on: boolean): void {
  compiled = on;
}
export const entry = (name: 'server' | 'seed/cli', build = compiled) => (build ? `dist/${name}.js` : `src/${name}.ts`);

/** What the bench runs rolegraph with besides its data: printed with the results. */
export const SERVER_ENV = { LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0' } as const;
/** The node flags `npm start` and the Docker image run the server with (package.json, Dockerfile). */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2', '--no-allocation-site-pretenuring', '--heap-growing-percent=25'] as const;
/** The allocator settings `npm start` and the Docker image run the server with (package.json, Dockerfile). */
export const SERVER_RUNTIME_ENV = { MALLOC_MMAP_THRESHOLD_: '524288', MALLOC_TRIM_THRESHOLD_: '524288' } as const;

/** rolegraph itself on a database that is already seeded with the current code, so it does not re-seed. */
export function startRolegraph(opts: { databasePath: string; documentsDir: string; readyPath?: string; timeoutMs?: number; port?: number; nodeFlags?: readonly string[]; runtimeEnv?: Record<string, string>; env?: Record<string, string> }): Promise<RunningServer> {
  return start(
    'rolegraph',
    entry('server'),
    [],
    { DATABASE_PATH: opts.databasePath, DOCUMENTS_DIR: opts.documentsDir, ...(opts.runtimeEnv ?? SERVER_RUNTIME_ENV), ...SERVER_ENV, ...opts.env },
    opts.readyPath ?? '/health',
    opts.timeoutMs ?? 180_000,
    opts.nodeFlags ?? SERVER_NODE_FLAGS,
    opts.port,
    // Load goes to a replica once it is ready (warmed up), as a balancer sends it.
    '/ready',
  );
}

export interface CeilingRoute {
  url: string;
  contentType: string;
  contentEncoding?: string;
  /** rolegraph's status line and header fields, in bytes */
  headBytes: number;
  /** rolegraph's header fields besides those any Fastify reply writes, for the same-headers ceiling */
  headers: Record<string, string>;
  /** base64 of the exact bytes rolegraph sent */
  body: string;
}

/** The ceiling: bare Fastify answering each URL with rolegraph's bytes, pre-serialized. */
export function startCeiling(routes: CeilingRoute[], routesFile: string, opts: { sameHeaders?: boolean } = {}): Promise<RunningServer> {
  writeFileSync(routesFile, JSON.stringify(routes));
  return start(opts.sameHeaders ? 'same-headers ceiling' : 'ceiling', 'test/bench/ceiling-server.ts', [routesFile], opts.sameHeaders ? { CEILING_SAME_HEADERS: '1' } : {}, routes[0].url, 30_000);
}
