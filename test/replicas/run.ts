/**
 * Three rolegraph replicas on loopback behind nginx, sharing rate limits in a real Redis, proving:
 * (a) one client's budget is shared by all replicas; (b) replicas answer identical bytes and ETags;
 * (c) a rolling data update under load loses no request; (d) a Redis outage under load loses no
 * request, limits fall back to each replica, and sharing resumes when Redis returns.
 * `npm run test:replicas`; exits non-zero on any failure; every child process is stopped on exit.
 */
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENTS_DIR } from '../../src/paths.js';
import { seedDatabase } from '../../src/seed/build-database.js';
import { DEFAULT_SEED_INPUTS } from '../../src/seed/data-version.js';
import { DATA_ENGINEER_FIXTURE, documentsDirWith, REAL_DOCUMENT_PATH } from '../helpers/documents.js';
import { freePort } from '../helpers/free-port.js';
import { hasRedisServer, RedisServer } from '../helpers/redis-server.js';
import { freshClientAddress, get, type Answer } from './http.js';
import { Load, type LoadReport } from './load.js';
import { nginxBinary, startNginx } from './nginx.js';
import { installCleanup, onCleanup, startServer, type Child } from './processes.js';
import { CACHE_HEADERS, comparableMeta, SAMPLE_URLS } from './sample-urls.js';

const TIME_LIMIT_MS = 170_000;
const LOAD_RATE = 150;
const RATE_LIMIT_MAX = 5;
const LOAD_URLS = SAMPLE_URLS.filter((url) => !url.includes('no-such'));

interface Replica {
  name: string;
  port: number;
  databasePath: string;
  child?: Child;
}

const checks: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail = ''): void {
  checks.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

async function main(): Promise<void> {
  installCleanup(TIME_LIMIT_MS);
  for (const [tool, ok] of [['redis-server', hasRedisServer()], ['nginx', nginxBinary() !== undefined]] as const) {
    if (!ok) throw new Error(`${tool} is not installed: apt-get install -y ${tool}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rolegraph-replicas-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));

  // Two data releases: today's documents, and today's plus a new one (as a new image tag would carry).
  const v1Docs = documentsDirWith(join(dir, 'docs-v1'), [REAL_DOCUMENT_PATH]);
  const v2Docs = documentsDirWith(join(dir, 'docs-v2'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]);
  const v1 = seedDatabase(join(dir, 'v1.db'), { ...DEFAULT_SEED_INPUTS, documentsDir: v1Docs });
  const v2 = seedDatabase(join(dir, 'v2.db'), { ...DEFAULT_SEED_INPUTS, documentsDir: v2Docs });
  console.log(`data versions: v1 ${v1.dataVersion} (${DOCUMENTS_DIR.split('/').at(-1)}), v2 ${v2.dataVersion} (+ a new document)`);

  const redis = new RedisServer(await freePort());
  onCleanup(() => redis.killNow());
  await redis.start();

  const replicas: Replica[] = [];
  for (let i = 1; i <= 3; i++) replicas.push({ name: `replica-${i}`, port: await freePort(), databasePath: join(dir, `replica-${i}.db`) });
  // Each replica seeds its own copy: separately built files of the same documents.
  replicas.forEach((r, i) => (i === 0 ? copyFileSync(join(dir, 'v1.db'), r.databasePath) : seedDatabase(r.databasePath, { ...DEFAULT_SEED_INPUTS, documentsDir: v1Docs })));
  const start = async (replica: Replica, documentsDir: string, dataVersion: string, wait = true) => {
    replica.child = startServer(replica.name, {
      PORT: String(replica.port),
      HOST: '127.0.0.1',
      DATABASE_PATH: replica.databasePath,
      DOCUMENTS_DIR: documentsDir,
      REDIS_URL: redis.url,
      RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
      REQUIRE_DATA_VERSION: dataVersion,
      TRUST_PROXY: '1',
      // As in production (deploy/kubernetes): replicas behind one name build ids from it, not from each one's own port.
      PUBLIC_BASE_URL: 'http://rolegraph.test',
      SHUTDOWN_DRAIN_MS: '1000',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    });
    if (wait) await untilReady(replica, dataVersion);
  };
  await Promise.all(replicas.map((r) => start(r, v1Docs, v1.dataVersion)));

  const lbPort = await freePort();
  const nginx = startNginx(dir, lbPort, replicas.map((r) => r.port));
  await until(`nginx on ${lbPort}`, async () => (await get(lbPort, '/health').catch(() => undefined))?.status === 200, () => nginx.output());
  console.log(`replicas on ${replicas.map((r) => r.port).join(', ')}, redis on ${redis.port}, nginx on ${lbPort}\n`);

  // (a) One budget per client across replicas.
  await sharedBudget(lbPort, '(a) shared limit: 6th request of a client is 429');

  // (b) Identical bytes and cache headers from every replica.
  let mismatches = 0;
  const mismatchExamples: string[] = [];
  for (const url of [...SAMPLE_URLS, '/meta']) {
    for (const headers of [{}, { 'accept-encoding': 'br, gzip' }] as Record<string, string>[]) {
      const answers: Answer[] = [];
      for (const r of replicas) answers.push(await get(r.port, url, { clientAddress: freshClientAddress(), headers }));
      const [first, ...others] = answers;
      for (const other of others) {
        const same =
          other.status === first.status &&
          (url === '/meta' ? JSON.stringify(comparableMeta(other.body.toString())) === JSON.stringify(comparableMeta(first.body.toString())) : other.body.equals(first.body)) &&
          CACHE_HEADERS.every((h) => url === '/meta' && h === 'content-length' ? true : String(other.headers[h]) === String(first.headers[h]));
        if (!same) {
          mismatches++;
          const differs = CACHE_HEADERS.filter((h) => String(other.headers[h]) !== String(first.headers[h]));
          if (mismatchExamples.length < 3) mismatchExamples.push(`${url} ${JSON.stringify(headers)}: status ${first.status}/${other.status}, headers ${differs.map((h) => `${h} ${String(first.headers[h])} vs ${String(other.headers[h])}`).join('; ') || 'alike'}`);
        }
      }
    }
  }
  check('(b) identical bodies and ETags across replicas', mismatches === 0, `${SAMPLE_URLS.length + 1} URLs × 2 encodings × 3 replicas${mismatches ? `; differ: ${mismatchExamples.join(', ')}` : ''}`);

  // (c) Rolling data update under load: one replica at a time onto the re-seeded database.
  const reports: LoadReport[] = [];
  const rollout = new Load(lbPort, LOAD_URLS, LOAD_RATE);
  rollout.start();
  await sleep(2000);
  for (const [i, replica] of replicas.entries()) {
    const { code } = await replica.child!.stop('SIGTERM');
    if (code !== 0) throw new Error(`${replica.name} exited with ${code} on SIGTERM:\n${replica.child!.output()}`);
    if (i < replicas.length - 1) {
      copyFileSync(join(dir, 'v2.db'), replica.databasePath);
      await start(replica, v2Docs, v2.dataVersion);
    } else {
      // The last one comes back on the old file but told to wait for the new version: it refuses
      // traffic (nginx retries elsewhere) until the new file is renamed into place and hot-swapped in.
      await start(replica, v1Docs, v2.dataVersion, false);
      await until(`${replica.name} listening`, async () => (await get(replica.port, '/health')).status === 200, () => replica.child!.output());
      const [ready, roles] = [await get(replica.port, '/ready'), await get(replica.port, '/roles', { clientAddress: freshClientAddress() })];
      check('(c) a replica holding old data refuses traffic under REQUIRE_DATA_VERSION', ready.status === 503 && roles.status === 503, `/ready ${ready.status}, /roles ${roles.status}`);
      await sleep(1000);
      copyFileSync(join(dir, 'v2.db'), `${replica.databasePath}.next`);
      renameSync(`${replica.databasePath}.next`, replica.databasePath);
      await untilReady(replica, v2.dataVersion);
    }
    await sleep(1000);
  }
  await sleep(1000);
  reports.push(await rollout.stop('(c) rolling data update'));
  const versions = await Promise.all(replicas.map(async (r) => JSON.parse((await get(r.port, '/meta')).body.toString()).dataVersion as string));
  const throughLb = new Set<string>();
  for (let i = 0; i < 6; i++) throughLb.add(JSON.parse((await get(lbPort, '/meta', { clientAddress: freshClientAddress() })).body.toString()).dataVersion);
  check('(c) zero failed requests during the rollout', reports[0].failures === 0 && reports[0].rps >= 100, describe(reports[0]));
  check('(c) every replica serves the new data version', versions.every((v) => v === v2.dataVersion) && [...throughLb].join() === v2.dataVersion, `replicas: ${versions.join(', ')}; via nginx: ${[...throughLb].join(', ')}`);
  const dataEngineer = await get(lbPort, '/roles/data-engineer', { clientAddress: freshClientAddress() });
  check('(c) the new document is served', dataEngineer.status === 200, `/roles/data-engineer → ${dataEngineer.status}`);

  // (d) Redis stopped under load: no failures, each replica counts on its own, shared again on return.
  const outage = new Load(lbPort, LOAD_URLS, LOAD_RATE);
  outage.start();
  await sleep(2000);
  await redis.stop();
  await sleep(1000);
  const states = await Promise.all(replicas.map(async (r) => JSON.parse((await get(r.port, '/ready')).body.toString()).rateLimits as string));
  check('(d) replicas report the fallback on /ready', states.every((s) => s === 'redis-unavailable'), states.join(', '));
  const local = freshClientAddress();
  const localStatuses: number[] = [];
  for (let i = 0; i < RATE_LIMIT_MAX + 1; i++) localStatuses.push((await get(replicas[0].port, '/roles', { clientAddress: local })).status);
  check('(d) limits fall back to each replica’s memory', localStatuses.join() === '200,200,200,200,200,429', `one client, one replica: ${localStatuses.join(' ')}`);
  const fallbacks = await metric(replicas[0].port, 'rate_limit_store_fallbacks_total');
  check('(d) /metrics counts requests counted without Redis', fallbacks > 0, `rate_limit_store_fallbacks_total ${fallbacks}`);
  await sleep(3000);
  await redis.start();
  await until('replicas back on Redis', async () => {
    const s = await Promise.all(replicas.map(async (r) => JSON.parse((await get(r.port, '/ready')).body.toString()).rateLimits as string));
    return s.every((x) => x === 'redis');
  });
  await sleep(2000);
  reports.push(await outage.stop('(d) Redis outage'));
  check('(d) zero failed requests during the Redis outage', reports[1].failures === 0 && reports[1].rps >= 100, describe(reports[1]));
  await sharedBudget(lbPort, '(d) shared limits resume after Redis returns');

  console.log('\nphase                        requests  failures  req/s   p50 ms   p99 ms   max ms');
  for (const r of reports) {
    console.log(`${r.phase.padEnd(28)} ${String(r.requests).padStart(8)}  ${String(r.failures).padStart(8)}  ${String(r.rps).padStart(5)}  ${String(r.p50Ms).padStart(7)}  ${String(r.p99Ms).padStart(7)}  ${String(r.maxMs).padStart(7)}`);
    for (const example of r.examples) console.log(`    failed: ${example}`);
  }
  console.log(`\nRSS per replica after the load: ${replicas.map((r) => `${r.name} ${rssMb(r.child!.process.pid!)} MB`).join(', ')}`);
  await Promise.all(replicas.map((r) => r.child?.stop('SIGTERM')));
  await nginx.stop('SIGQUIT');
  await redis.stop();
}

async function sharedBudget(lbPort: number, name: string): Promise<void> {
  const client = freshClientAddress();
  const answers: Answer[] = [];
  for (let i = 0; i < RATE_LIMIT_MAX + 1; i++) answers.push(await get(lbPort, '/roles', { clientAddress: client }));
  const servedBy = new Set(answers.slice(0, RATE_LIMIT_MAX).map((a) => String(a.headers['x-upstream'])));
  const last = answers.at(-1)!;
  const ok =
    answers.slice(0, RATE_LIMIT_MAX).every((a) => a.status === 200) &&
    servedBy.size >= 2 &&
    last.status === 429 &&
    String(last.headers['content-type']).startsWith('application/problem+json') &&
    Number(last.headers['retry-after']) >= 1;
  check(name, ok, `statuses ${answers.map((a) => a.status).join(' ')}; first ${RATE_LIMIT_MAX} served by ${[...servedBy].join(' ')}; 6th by ${String(last.headers['x-upstream'])}`);
}

async function untilReady(replica: Replica, dataVersion: string): Promise<void> {
  await until(
    `${replica.name} ready on ${dataVersion}`,
    async () => {
      const ready = await get(replica.port, '/ready').catch(() => undefined);
      return ready?.status === 200 && JSON.parse(ready.body.toString()).dataVersion === dataVersion;
    },
    () => replica.child?.output() ?? '',
  );
}

async function until(what: string, test: () => Promise<boolean>, output: () => string = () => '', timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output()}`);
    await sleep(50);
  }
}

async function metric(port: number, name: string): Promise<number> {
  const text = (await get(port, '/metrics')).body.toString();
  return Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ')[1] ?? NaN);
}

/** Resident set size from /proc (Linux). */
function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Math.round(Number(kb[1]) / 1024) : NaN;
}

const describe = (r: LoadReport) => `${r.requests} requests at ${r.rps} req/s, ${r.failures} failed, p99 ${r.p99Ms} ms${r.examples.length ? `; e.g. ${r.examples[0]}` : ''}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const started = performance.now();
main().then(
  () => {
    const failed = checks.filter((c) => !c.ok);
    console.log(`\n${checks.length - failed.length}/${checks.length} checks passed in ${Math.round((performance.now() - started) / 1000)} s`);
    process.exit(failed.length === 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.error(`test:replicas: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
