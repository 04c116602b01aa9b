import { cpSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_ENDPOINTS, requestHeaders } from './compare.js';
import { runTs } from './children.js';
import { dataVersionOf, getRaw } from './http-probe.js';
import { runLoad, type LoadResult } from './load.js';
import type { BenchOptions } from './options.js';
import { probeShutdown, type ShutdownCounts } from './shutdown-probe.js';
import { entry, startRolegraph, type RunningServer } from './spawn-server.js';

/** What the soak cycles through: the key endpoints plus a few more reads, in both languages. */
export const SOAK_PATHS = [
  ...KEY_ENDPOINTS.map((e) => e.path),
  '/health',
  '/roles',
  '/roles/ai-engineer/skills',
  '/roles/ai-engineer/technologies',
  '/technologies/dvc?lang=en',
  '/roles/ai-engineer/responsibilities?lang=en',
  '/search?q=kubernetes&lang=en',
  '/graph/nodes/role:ai-engineer/neighbors?depth=1',
];

/** Every soak URL must answer 200 before the soak, or its failures would be the bench's own. */
export async function checkSoakPaths(port: number): Promise<string[]> {
  const ok: string[] = [];
  for (const path of SOAK_PATHS) {
    const res = await getRaw(port, path);
    if (res.status === 200) ok.push(path);
    else console.error(`  soak: leaving out ${path} (answered ${res.status})`);
  }
  return ok;
}

export async function soakMix(server: RunningServer, paths: string[], options: BenchOptions): Promise<LoadResult> {
  return runLoad({ port: server.port, paths, connections: options.soakConnections, durationS: options.soakDurationS, warmupS: 0, headers: requestHeaders(options) });
}

export interface SigtermResult {
  counts: ShutdownCounts;
  /** SIGTERM → process exit */
  exitMs: number;
  exit: string;
}

/** A fresh server under `clients` keep-alive clients gets SIGTERM after 2 s. */
export async function sigtermMidLoad(db: { databasePath: string; documentsDir: string }, paths: string[], clients: number): Promise<SigtermResult> {
  const server = await startRolegraph(db);
  let signalledAt = 0;
  let exitedAt = NaN;
  void server.child.exited.then(() => (exitedAt = performance.now()));
  const counts = await probeShutdown({
    port: server.port,
    paths,
    clients,
    signalAfterMs: 2000,
    sendSignal: () => {
      signalledAt = performance.now();
      server.child.process.kill('SIGTERM');
    },
    maxMs: 30_000,
  });
  const { code, signal } = await server.stop('SIGTERM'); // already signalled: this only waits (SIGKILL after 15 s)
  return { counts, exitMs: exitedAt - signalledAt, exit: signal ?? `exit ${code}` };
}

export interface ReseedResult {
  load: LoadResult;
  seedS: number;
  before: { dataVersion: string; seededAt: string };
  during: { dataVersion: string; seededAt: string };
  after: { dataVersion: string; seededAt: string };
}

type Health = Awaited<ReturnType<typeof dataVersionOf>>;

/**
 * The seed CLI rewrites the database file a server is serving while `soakConnections` connections read.
 * The documents are a copy of the real ones in another folder, so the data version differs and a swap is visible.
 */
export async function reseedMidLoad(dir: string, sourceDb: string, documentsDir: string, paths: string[], options: BenchOptions): Promise<ReseedResult> {
  const databasePath = join(dir, 'reseed.db');
  const otherDocuments = join(dir, 'reseed-documents');
  rmSync(otherDocuments, { recursive: true, force: true });
  mkdirSync(otherDocuments, { recursive: true });
  cpSync(documentsDir, otherDocuments, { recursive: true });
  copyFileSync(sourceDb, databasePath);
  const server = await startRolegraph({ databasePath, documentsDir });
  try {
    const health = () => dataVersionOf(server.port);
    const before = await health();
    let seeding: Promise<{ seedS: number; during: Health }> | undefined;
    const load = await runLoad({
      port: server.port,
      paths,
      connections: options.soakConnections,
      durationS: Math.max(12, options.durationS),
      warmupS: 0,
      headers: requestHeaders(options),
      onStart: () => {
        seeding = (async () => {
          await new Promise((r) => setTimeout(r, 1000));
          const { ms } = await runTs(entry('seed/cli'), [], { DOCUMENTS_DIR: otherDocuments, DATABASE_PATH: databasePath });
          await new Promise((r) => setTimeout(r, 2000)); // time for a watcher to notice, still under load
          return { seedS: ms / 1000, during: await health() };
        })();
      },
    });
    const { seedS, during } = await seeding!;
    return { load, seedS, before, during, after: await health() };
  } finally {
    await server.stop();
  }
}

