/**
 * `npm run bench`: seed time, cold start, ceiling vs rolegraph per key endpoint, ESCO-sized p99s, RSS
 * (after GET load, then after analyses), soak, SIGTERM and re-seed under load. Not a CI test. Writes the tables to data/bench/last-run.md.
 * Every server is a child process on 127.0.0.1; all of them are killed on exit, error and Ctrl-C.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';
import { readDataVersion } from '../../src/seed/build-database.js';
import { DEFAULT_SEED_INPUTS, computeDataVersion } from '../../src/seed/data-version.js';
import { installCleanup, killAllChildren } from './children.js';
import { KEY_ENDPOINTS, captureRoutes, compareEndpoints, requestHeaders, type BrokenEndpoint, type ComparisonRow } from './compare.js';
import { escoEndpoints, measureEsco, type EscoRow } from './esco.js';
import { distinctUrls, measureDistinct, type DistinctRow } from './esco-distinct.js';
import { wrkAvailable } from './load-wrk.js';
import { extractStorm, type StormResult } from './extract-storm.js';
import { dataVersionOf, getRaw } from './http-probe.js';
import { failures, type LoadResult } from './load.js';
import { measureMcpTwins, renderMcpTwins, type TwinRow } from './mcp-twins.js';
import { parseOptions, type BenchOptions } from './options.js';
import { fmt, machine, mark, table, type Cell } from './report.js';
import { reseedMidLoad, sigtermMidLoad, soakMix, checkSoakPaths, type ReseedResult, type SigtermResult } from './soak.js';
import { runSynth, timeSeed, type SeedTiming } from './seed.js';
import { SERVER_ENV, SERVER_NODE_FLAGS, SERVER_RUNTIME_ENV, entry, startCeiling, startRolegraph, useCompiled, type RunningServer } from './spawn-server.js';
import { median } from './stats.js';

const BENCH_DIR = resolve(PROJECT_ROOT, 'data/bench');
const REAL = { databasePath: join(BENCH_DIR, 'real.db'), documentsDir: DEFAULT_SEED_INPUTS.documentsDir };
const ESCO = { databasePath: join(BENCH_DIR, 'esco.db'), documentsDir: join(BENCH_DIR, 'synth') };
const ESCO_COUNTS = { roles: 3000, skills: 14_000, relations: 130_000, seed: 42 };

let compiledRun = false;
const log = (message: string) => console.error(`bench: ${message}`);

interface DatasetResult {
  name: string;
  seed: SeedTiming | null;
  synthS: number | null;
  coldStartsMs: number[];
  rssStartMb: number;
  /** Serving GETs: on the document, after the comparison rounds and the soak, before anything runs an analysis. */
  rssAfterLoadMb: number;
  /** After the MCP tool calls, which run analyses on worker threads (they idle out after ANALYSIS_IDLE_TIMEOUT_MS); none on the ESCO-sized set. */
  rssAfterAnalysesMb?: number;
  coldTargetMs: number;
  rssTargetMb: number;
}

/**
 * Others may edit the seed code while the bench runs; a server finding a stale database re-seeds before it
 * listens, which is not a cold start. So the database is brought up to date right before the starts.
 */
async function ensureCurrent(db: { databasePath: string; documentsDir: string }): Promise<void> {
  if (compiledRun) return; // the build hashes dist/, which this process cannot check; the start's own warning still shows
  if (readDataVersion(db.databasePath) === computeDataVersion({ ...DEFAULT_SEED_INPUTS, documentsDir: db.documentsDir })) return;
  log(`  ${db.databasePath} is stale (the seed code changed since it was seeded): re-seeding before the cold starts`);
  await timeSeed(db.documentsDir, db.databasePath);
}

/** Starts `runs` servers one after another (each timed from spawn to first /health 200) and keeps the last one. */
async function coldStarts(db: { databasePath: string; documentsDir: string }, runs: number): Promise<{ server: RunningServer; times: number[] }> {
  const times: number[] = [];
  await ensureCurrent(db);
  const expectedVersion = readDataVersion(db.databasePath);
  for (let i = 1; ; i++) {
    const server = await startRolegraph(db);
    times.push(server.coldStartMs);
    log(`  cold start ${i}/${runs}: ${server.coldStartMs.toFixed(0)} ms`);
    if (i === 1 && expectedVersion) {
      const health = await dataVersionOf(server.port);
      if (health.dataVersion !== expectedVersion) log(`  warning: the server serves data version ${health.dataVersion}, the seed wrote ${expectedVersion} (the seed code changed since: this start re-seeded, so it is not a cold start)`);
    }
    if (i === runs) return { server, times };
    await server.stop();
  }
}

async function seedEsco(options: BenchOptions): Promise<{ seed: SeedTiming | null; synthS: number | null }> {
  const current = existsSync(join(ESCO.documentsDir)) && readDataVersion(ESCO.databasePath) === computeDataVersion({ ...DEFAULT_SEED_INPUTS, documentsDir: ESCO.documentsDir });
  if (options.reuseEsco && current) {
    log('ESCO-sized set: reusing data/bench/esco.db (current; --reuse-esco)');
    return { seed: null, synthS: null };
  }
  log(`ESCO-sized set: generating (roles ${ESCO_COUNTS.roles}, skills ${ESCO_COUNTS.skills}, relations ${ESCO_COUNTS.relations}, seed ${ESCO_COUNTS.seed})`);
  const synthS = await runSynth('data/bench/synth', ESCO_COUNTS);
  log(`  generated in ${synthS.toFixed(1)} s; seeding`);
  const seed = await timeSeed(ESCO.documentsDir, ESCO.databasePath);
  log(`  seeded in ${seed.wallS.toFixed(1)} s (seedDatabase ${seed.seedS.toFixed(1)} s)`);
  return { seed, synthS };
}

function render(options: BenchOptions, started: number, datasets: DatasetResult[], rows: ComparisonRow[], broken: BrokenEndpoint[], esco: EscoRow[], distinct: DistinctRow[], storm: StormResult | null, soak: { mix: LoadResult; paths: number; sigterm: SigtermResult; reseed: ReseedResult } | null, mcp: TwinRow[]): string {
  const out: string[] = [];
  out.push(`### Bench run\n\n${machine()}\n- \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`: ${options.rounds} round(s) × ${options.durationS} s per side, ${options.warmupS} s warm-up discarded, ${options.connections} connections, Accept-Encoding ${options.acceptEncoding ?? 'none (identity)'}; server and seed run from ${options.compiled ? `${entry('server')} (compiled)` : `${entry('server')} through tsx`}; whole run ${fmt.s((performance.now() - started) / 1000)} s\n- rolegraph runs as \`${Object.entries(SERVER_RUNTIME_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} node ${SERVER_NODE_FLAGS.join(' ')}\` with ${Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} (rate limiting off, so the load generator's single address is not throttled); the ceiling is bare Fastify (logger off) in its own process, answering each URL with rolegraph's exact body bytes and content type\n- load generators: ${options.tools.join(', ')}; each endpoint alternates ceiling and rolegraph ${options.rounds} time(s) per generator, the side that goes first swapping every round, on ${options.processes} process(es) a side (round r on process r mod ${options.processes}; the first rolegraph process also serves the soak; the document's "after load" RSS is the largest of the rolegraph processes' after the GET rounds and the soak, before the MCP tool calls start analysis workers; "after analyses" is the first process's after those tool calls)`);

  out.push(`#### Seed and start\n\n${table(
    ['dataset', 'generate (s)', 'seed CLI wall (s)', 'seedDatabase (s)', 'target seed', 'cold start → first 200 (ms, median)', 'runs (ms)', 'target start', 'RSS at start (MB)', 'RSS after load (MB)', 'target RSS', 'RSS after analyses (MB)'],
    datasets.map((d) => [
      d.name,
      d.synthS === null ? '–' : fmt.s(d.synthS),
      d.seed ? fmt.s(d.seed.wallS) : 'reused',
      d.seed ? fmt.s(d.seed.seedS) : 'reused',
      d.name === 'ESCO-sized' ? `≤ 30 s ${d.seed ? mark(d.seed.wallS <= 30) : '–'}` : '–',
      fmt.int(median(d.coldStartsMs)),
      d.coldStartsMs.map(fmt.int).join(', '),
      `≤ ${d.coldTargetMs} ms ${mark(median(d.coldStartsMs) <= d.coldTargetMs)}`,
      fmt.mb(d.rssStartMb),
      fmt.mb(d.rssAfterLoadMb),
      `≤ ${d.rssTargetMb} MB ${mark(d.rssAfterLoadMb <= d.rssTargetMb)}`,
      d.rssAfterAnalysesMb === undefined ? '–' : fmt.mb(d.rssAfterAnalysesMb),
    ]),
  )}`);

  if (rows.length) {
    const toolRows = rows.flatMap((r) =>
      options.tools.flatMap((tool): Cell[][] => {
        const t = r.tools[tool];
        if (!t) return [];
        return [[
          `${r.endpoint.name} \`${r.endpoint.path}\``,
          tool,
          fmt.kb(r.bytes),
          `${r.headBytes.ceiling} / ${r.headBytes.rolegraph} / ${r.headBytes.sameHeaders ?? '–'}`,
          r.firstSides.map((s) => (s === 'ceiling' ? 'C' : s === 'rolegraph' ? 'R' : 'H')).join(''),
          fmt.int(t.ceiling.reqPerSec),
          fmt.int(t.rolegraph.reqPerSec),
          fmt.ratio(t.ratio),
          t.sameHeaders ? fmt.int(t.sameHeaders.reqPerSec) : '–',
          t.sameHeadersRatio === undefined ? '–' : fmt.ratio(t.sameHeadersRatio),
          fmt.ms(t.ceiling.p99),
          fmt.ms(t.rolegraph.p99),
          fmt.ratio(t.p99Ratio),
          t.rolegraph.failures + t.ceiling.failures,
          t.laneShares.length ? `${(Math.min(...t.laneShares) * 100).toFixed(0)} %` : '–',
          mark(t.ok),
        ]];
      }),
    );
    const brokenRows = broken.map((b): Cell[] => [`${b.endpoint.name} \`${b.endpoint.path}\``, '–', `answered ${b.status}`, '–', '–', '–', '–', '–', '–', '–', '–', '–', '–', 'all', '–', mark(false)]);
    const missed = rows.flatMap((r) => options.tools.filter((t) => r.tools[t] && !r.tools[t]!.ok).map((t) => `${r.endpoint.name} (${t}: ${fmt.ratio(r.tools[t]!.ratio)}, p99 ${fmt.ratio(r.tools[t]!.p99Ratio)})`));
    out.push(`#### Cached GETs: ceiling vs rolegraph, real document (medians of ${options.rounds} round(s); latency in ms)

Target on every route: rolegraph ≥ 0.85× the ceiling's req/s and p99 ≤ 1.5× the ceiling's p99, no errors. "head bytes" is the status line and header fields each side sends (ceiling / rolegraph / same-headers ceiling); "first" lists which side ran first in each round (C ceiling, R rolegraph, H same-headers ceiling). The same-headers ceiling is the ceiling also sending rolegraph's other header fields (security, caching, CORS, language, ETag, request id): rolegraph's ratio to it is its cost beyond writing those bytes. "lane share" is the lowest, over rolegraph's rounds, of the share of its cache hits answered before routing (\`fast_lane_answers_total\` over \`response_cache_hits_total\`); the rest took the cache's hook, about half as fast on small bodies.

${table(['endpoint', 'load', 'body', 'head bytes C / R / H', 'first', 'ceiling req/s', 'rolegraph req/s', 'ratio', 'same-headers ceiling req/s', 'ratio to it', 'ceiling p99', 'rolegraph p99', 'p99 ratio', 'errors', 'lane share (min)', ''], toolRows.concat(brokenRows))}

Missed: ${missed.length || broken.length ? [...missed, ...broken.map((b) => `${b.endpoint.name} (answered ${b.status})`)].join('; ') : 'none'}.`);
  }

  if (mcp.length) out.push(renderMcpTwins(mcp, options));

  if (distinct.length) {
    out.push(`#### ESCO-sized set, distinct URLs (uncached: each URL asked once, one client, nothing else running; timed by curl, one keep-alive connection; latency in ms)

${table(['endpoint', 'server', 'example', 'distinct URLs', 'p50', 'p99', 'max', 'failed', 'target', ''], distinct.map((d): Cell[] => [d.name, d.phase, `\`${d.example}\``, d.urls, fmt.ms(d.p50), fmt.ms(d.p99), fmt.ms(d.max), d.failed, `p99 ≤ ${d.maxP99Ms} ms`, mark(d.ok)]))}`);
  }

  if (storm) {
    const codes = Object.entries(storm.extracts).map(([code, n]) => `${code} × ${fmt.int(n)}`).join(', ');
    out.push(`#### CPU-bound analysis under a storm, real document

${storm.connections} connections send ${fmt.int(storm.textChars)}-character \`POST /extract\` back to back for ${storm.durationS} s (answers: ${codes || 'none'}); meanwhile one client asks each probe in turn.

${table(['probe', 'answers', 'p50', 'p99', 'max', 'failed', 'target', ''], storm.probes.map((p): Cell[] => [`\`${p.path}\``, p.count, fmt.ms(p.p50), fmt.ms(p.p99), fmt.ms(p.max), p.failed, 'p99 ≤ 50 ms', mark(p.failed === 0 && p.p99 <= 50)]))}`);
  }

  if (esco.length) {
    out.push(`#### ESCO-sized synthetic set, one URL repeated (cache hits after the first request; 3,000 roles, 14,000 skills, 130,000 relations; latency in ms)\n\n${table(
      ['endpoint', 'first request', 'body', 'req/s', 'p50', 'p99', 'errors', 'target', ''],
      esco.map((r): Cell[] => [
        `${r.endpoint.name} \`${r.endpoint.path}\``,
        `${fmt.ms(r.firstMs)}${r.firstStatus === 200 ? '' : ` (${r.firstStatus})`}`,
        fmt.kb(r.bytes),
        fmt.int(r.load.reqPerSec),
        fmt.ms(r.load.p50),
        fmt.ms(r.load.p99),
        failures(r.load),
        `p99 ≤ ${r.endpoint.maxP99Ms} ms`,
        mark(r.ok),
      ]),
    )}`);
  }

  if (soak) {
    const c = soak.sigterm.counts;
    const other = Object.entries(c.other).map(([k, n]) => `${k} ${n}`).join(', ');
    const versionChanged = soak.reseed.after.dataVersion !== soak.reseed.before.dataVersion;
    out.push(`#### Under load, real document (${options.soakConnections} connections)\n\n${table(
      ['scenario', 'result', 'target', ''],
      [
        [`mixed soak, ${soak.paths} URLs cycled, ${options.soakDurationS} s`, `${fmt.int(soak.mix.requests)} requests, ${fmt.int(soak.mix.reqPerSec)} req/s, p99 ${fmt.ms(soak.mix.p99)} ms, max ${fmt.ms(soak.mix.max)} ms; errors ${soak.mix.errors}, timeouts ${soak.mix.timeouts}, non-2xx ${soak.mix.non2xx}`, 'zero errors and timeouts', mark(failures(soak.mix) === 0)],
        [
          `SIGTERM after 2 s of ${options.soakConnections} keep-alive clients`,
          `in-flight failed ${c.inFlightFailed}${c.inFlightFailed ? ` (${Object.entries(c.inFlightHow).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}; completed ${fmt.int(c.completed)}, non-2xx ${c.rejected}, idle keep-alive sockets closed before a request reached the server ${c.idleSocketClosed}, refused after close ${c.refused}${other ? `, other ${other}` : ''}, failures before SIGTERM ${c.failedBeforeSignal}; exited (${soak.sigterm.exit}) ${fmt.int(soak.sigterm.exitMs)} ms after SIGTERM`,
          'no in-flight request fails',
          mark(c.inFlightFailed === 0 && c.rejected === 0 && c.failedBeforeSignal === 0 && Object.keys(c.other).length === 0),
        ],
        [
          `seed CLI rewrites the served DATABASE_PATH (${fmt.s(soak.reseed.seedS)} s) during ${fmt.int(soak.reseed.load.requests)} requests`,
          `errors ${soak.reseed.load.errors}, timeouts ${soak.reseed.load.timeouts}, non-2xx ${soak.reseed.load.non2xx}, p99 ${fmt.ms(soak.reseed.load.p99)} ms; dataVersion ${soak.reseed.before.dataVersion} → ${soak.reseed.during.dataVersion} (2 s after the seed) → ${soak.reseed.after.dataVersion} (after the load): ${versionChanged ? 'swapped' : 'not swapped'}`,
          'no request fails',
          mark(failures(soak.reseed.load) === 0),
        ],
      ],
    )}`);
  }
  return `${out.join('\n\n')}\n`;
}

async function main(): Promise<void> {
  installCleanup();
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  if (options.compiled) {
    for (const name of ['server', 'seed/cli'] as const) {
      if (!existsSync(resolve(PROJECT_ROOT, entry(name, true)))) throw new Error(`--compiled: ${entry(name, true)} is missing; run \`npm run build\` first`);
    }
    useCompiled(true);
    compiledRun = true;
  }
  mkdirSync(BENCH_DIR, { recursive: true });
  const datasets: DatasetResult[] = [];

  log('seeding the real document → data/bench/real.db');
  const realSeed = await timeSeed(REAL.documentsDir, REAL.databasePath);
  log(`  ${realSeed.wallS.toFixed(1)} s (seedDatabase ${realSeed.seedS.toFixed(2)} s)`);
  const escoSeed = options.esco ? await seedEsco(options) : null;

  log(`real document: ${options.coldRuns} cold start(s)`);
  const real = await coldStarts(REAL, options.coldRuns);
  const rssStart = real.server.rssMb();
  const headers = requestHeaders(options);
  const { routes, broken } = await captureRoutes(real.server.port, KEY_ENDPOINTS, headers);
  for (const b of broken) log(`  ${b.endpoint.name}: GET ${b.endpoint.path} answered ${b.status}, left out of the load runs: ${b.body}`);
  if (routes.length === 0) throw new Error('no key endpoint answered 200');
  // More processes than rounds would sit idle and still be named in the report.
  options.processes = Math.min(options.processes, options.rounds);
  log(`ceiling vs rolegraph vs same-headers ceiling: ${KEY_ENDPOINTS.length} endpoints × ${options.tools.length} generator(s) × ${options.rounds} round(s) × 3 × ${options.durationS + options.warmupS} s, ${options.processes} process(es) a side`);
  if (options.tools.includes('wrk') && !wrkAvailable()) {
    log('  wrk is not installed (apt-get install wrk): autocannon only');
    options.tools = options.tools.filter((t) => t !== 'wrk');
  }
  const slots = Array.from({ length: options.processes });
  const ceilings = await Promise.all(slots.map(() => startCeiling(routes, join(BENCH_DIR, 'ceiling-routes.json'))));
  const sameHeaders = await Promise.all(slots.map(() => startCeiling(routes, join(BENCH_DIR, 'ceiling-routes-same-headers.json'), { sameHeaders: true })));
  // The first rolegraph process is the one the cold starts left: it also carries the soak.
  const rolegraphs = [real.server];
  const { dataVersion } = await dataVersionOf(real.server.port);
  for (let i = 1; i < options.processes; i++) {
    const server = await startRolegraph(REAL);
    rolegraphs.push(server);
    const theirs = (await dataVersionOf(server.port)).dataVersion;
    if (theirs !== dataVersion) throw new Error(`rolegraph process ${i + 1} serves data version ${theirs}, the first ${dataVersion}: the ceiling replays the first one's bytes`);
    // Each route asked once, as the first process was by captureRoutes: no round starts on a cold cache, even with --warmup 0.
    for (const route of routes) await getRaw(server.port, route.url, headers);
  }
  const rows = await compareEndpoints({ ceiling: ceilings, rolegraph: rolegraphs, sameHeaders }, routes, KEY_ENDPOINTS, options, options.tools);
  // Each process carried a share of the rounds: the document's "after load" is the largest of them (the first is read after the soak too).
  const othersRssMb = rolegraphs.slice(1).map((server) => server.rssMb());
  for (const server of [...ceilings, ...sameHeaders, ...rolegraphs.slice(1)]) await server.stop();

  // The soak before the MCP tool calls: it sends only cached GETs (SOAK_PATHS through autocannon), so "after load"
  // is a replica serving GETs, which is what the ≤ 150 MB target is about, without the analysis workers the tool calls start.
  let soak: Parameters<typeof render>[8] = null;
  let soakPaths: string[] = [];
  if (options.soak) {
    soakPaths = await checkSoakPaths(real.server.port);
    log(`soak: ${options.soakConnections} connections × ${options.soakDurationS} s over ${soakPaths.length} URLs`);
    const mix = await soakMix(real.server, soakPaths, options);
    log(`  ${Math.round(mix.reqPerSec)} req/s, p99 ${mix.p99.toFixed(1)} ms, errors ${mix.errors}, timeouts ${mix.timeouts}, non-2xx ${mix.non2xx}`);
    soak = { mix, paths: soakPaths.length, sigterm: undefined!, reseed: undefined! };
  }
  const rssAfterLoadMb = Math.max(real.server.rssMb(), ...othersRssMb);
  log(`  RSS after load (GETs: comparison rounds${options.soak ? ' and soak' : ''}): ${rssAfterLoadMb.toFixed(0)} MB`);

  log(`MCP tool calls vs their REST twins: ${options.durationS + options.warmupS} s a side`);
  const mcp = await measureMcpTwins(real.server.port, options, log);
  // Read right after the tool calls, while their analysis workers are still alive (they idle out later).
  const rssAfterAnalysesMb = real.server.rssMb();
  log(`  RSS after analyses (MCP tool calls): ${rssAfterAnalysesMb.toFixed(0)} MB`);
  datasets.push({ name: 'real document', seed: realSeed, synthS: null, coldStartsMs: real.times, rssStartMb: rssStart, rssAfterLoadMb, rssAfterAnalysesMb, coldTargetMs: 1000, rssTargetMb: 150 });
  // After the RSS readings: the storm's 20,000-character texts are not what the memory target is about.
  log('extract storm: 50 connections × 20,000-character POST /extract, probing /health and a cached GET');
  const storm = await extractStorm(real.server, { connections: 50, durationS: Math.min(15, options.soakDurationS), cachedPath: KEY_ENDPOINTS[0].path });
  log(`  extracts ${JSON.stringify(storm.extracts)}; ${storm.probes.map((p) => `${p.path} p99 ${p.p99.toFixed(1)} ms (${p.count}, ${p.failed} failed)`).join('; ')}`);
  await real.server.stop();

  if (soak) {
    log(`SIGTERM under ${options.soakConnections} keep-alive clients`);
    soak.sigterm = await sigtermMidLoad(REAL, soakPaths, options.soakConnections);
    log(`  ${JSON.stringify(soak.sigterm)}`);
    log(`re-seed under ${options.soakConnections} connections`);
    soak.reseed = await reseedMidLoad(BENCH_DIR, REAL.databasePath, REAL.documentsDir, soakPaths, options);
    log(`  errors ${soak.reseed.load.errors}, timeouts ${soak.reseed.load.timeouts}, non-2xx ${soak.reseed.load.non2xx}; dataVersion ${soak.reseed.before.dataVersion} → ${soak.reseed.after.dataVersion}`);
  }

  let escoRows: EscoRow[] = [];
  let distinctRows: DistinctRow[] = [];
  if (escoSeed) {
    log(`ESCO-sized: ${options.coldRuns} cold start(s)`);
    const esco = await coldStarts(ESCO, options.coldRuns);
    const escoRssStart = esco.server.rssMb();
    log(`ESCO-sized: ${options.distinct} distinct URLs per endpoint, each asked once, first on a fresh server from the moment /ready is green, then on the warm one`);
    const urls = await distinctUrls(esco.server, options.distinct);
    const fresh = await startRolegraph({ ...ESCO, readyPath: '/ready' });
    distinctRows = await measureDistinct(fresh, urls, options.distinct, headers, 'after /ready');
    await fresh.stop();
    distinctRows.push(...(await measureDistinct(esco.server, urls, options.distinct, headers, 'warm')));
    const endpoints = await escoEndpoints(esco.server);
    escoRows = await measureEsco(esco.server, endpoints, options);
    datasets.push({ name: 'ESCO-sized', ...escoSeed, coldStartsMs: esco.times, rssStartMb: escoRssStart, rssAfterLoadMb: esco.server.rssMb(), coldTargetMs: 3000, rssTargetMb: 200 });
    await esco.server.stop();
  }

  const markdown = render(options, started, datasets, rows, broken, escoRows, distinctRows, storm, soak, mcp);
  const outFile = resolve(PROJECT_ROOT, options.out);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, markdown);
  console.log(`\n${markdown}`);
  log(`written to ${options.out}`);
}

main()
  .then(() => {
    killAllChildren();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    killAllChildren();
    process.exit(1);
  });
