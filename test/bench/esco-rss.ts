import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/paths.js';
import { installCleanup, killAllChildren } from './children.js';
import { escoEndpoints, measureEsco } from './esco.js';
import { distinctUrls, measureDistinct } from './esco-distinct.js';
import { getRaw } from './http-probe.js';
import { parseOptions } from './options.js';
import { SERVER_NODE_FLAGS, SERVER_RUNTIME_ENV, startRolegraph, useCompiled } from './spawn-server.js';

/**
 * `tsx test/bench/esco-rss.ts [--port N] [--runs N] [--flags="--a --b"] [--env K=V] [--no-runtime-env] [--duration S] [--distinct-only] [--src]`: the ESCO-sized
 * set's part of the bench alone, for memory work: starts the compiled server (`npm run build` first) on
 * data/bench/esco.db, asks the distinct URLs and then the repeated ones under load, as `npm run bench` does,
 * and prints the RSS with the heap figures from /metrics. Each run is a fresh server.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    runs: { type: 'string', default: '1' },
    flags: { type: 'string' },
    /** without the allocator settings npm start and the Docker image use (SERVER_RUNTIME_ENV) */
    'no-runtime-env': { type: 'boolean', default: false },
    /** extra environment for the server, KEY=VALUE, repeatable */
    env: { type: 'string', multiple: true, default: [] },
    duration: { type: 'string', default: '5' },
    distinct: { type: 'string', default: '150' },
    src: { type: 'boolean', default: false },
    /** after the load, SIGUSR2 the server (it must run with --heapsnapshot-signal=SIGUSR2) and read the figures again */
    snapshot: { type: 'boolean', default: false },
    /** only the distinct URLs, no load */
    'distinct-only': { type: 'boolean', default: false },
    /** write the server's output (e.g. with --trace-gc among the flags) to this file, one per run */
    output: { type: 'string' },
  },
});
const BENCH_DIR = resolve(PROJECT_ROOT, 'data/bench');
const ESCO = { databasePath: join(BENCH_DIR, 'esco.db'), documentsDir: join(BENCH_DIR, 'synth') };
const MB = 1024 * 1024;

async function metrics(port: number): Promise<Record<string, number>> {
  const text = (await getRaw(port, '/metrics')).body.toString('utf8');
  const wanted = ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_heap_size_total_bytes', 'nodejs_external_memory_bytes'];
  const out: Record<string, number> = {};
  for (const name of wanted) {
    const match = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
    if (match) out[name] = Number(match[1]) / MB;
  }
  for (const match of text.matchAll(/^nodejs_heap_space_size_used_bytes\{space="(\w+)"\} (\S+)/gm)) out[`used ${match[1]}`] = Number(match[2]) / MB;
  return out;
}

/** RSS by kind (anonymous, file-backed) and the largest anonymous mappings: what V8's figures do not cover. */
function residentBreakdown(pid: number): string {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0) / 1024;
  const mappings: { name: string; size: number; rss: number }[] = [];
  let current: { name: string; size: number; rss: number } | null = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) {
      current = { name: head[3] || '[anon]', size: (Number.parseInt(head[2], 16) - Number.parseInt(head[1], 16)) / 1024 / 1024, rss: 0 };
      mappings.push(current);
    } else if (current && line.startsWith('Rss:')) current.rss = Number(/(\d+)/.exec(line)![1]) / 1024;
  }
  const anon = mappings.filter((m) => m.name === '[anon]' || m.name === '[heap]').sort((a, b) => b.rss - a.rss);
  const files = new Map<string, number>();
  for (const m of mappings) if (m.name.startsWith('/')) files.set(m.name, (files.get(m.name) ?? 0) + m.rss);
  const topFiles = [...files].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, rss]) => `${name.split('/').pop()} ${rss.toFixed(1)}`);
  return `anon ${kb('Anonymous').toFixed(1)} MB, file ${(kb('Rss') - kb('Anonymous')).toFixed(1)} MB (${topFiles.join(', ')}); largest anon mappings (size/rss MB): ${anon
    .slice(0, 12)
    .map((m) => `${m.name === "[heap]" ? "brk " : ""}${m.size.toFixed(0)}/${m.rss.toFixed(1)}`)
    .join(' ')}; anon mappings ${anon.length}`;
}

const show = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k.replace(/^nodejs_|_bytes$/g, '')} ${v.toFixed(1)}`).join(', ');

async function main(): Promise<void> {
  installCleanup();
  useCompiled(!values.src);
  const nodeFlags = values.flags === undefined ? SERVER_NODE_FLAGS : values.flags.split(/\s+/).filter(Boolean);
  const options = { ...parseOptions([]), durationS: Number(values.duration) };
  const runs = Number(values.runs);
  const results: string[] = [];
  for (let run = 1; run <= runs; run++) {
    const server = await startRolegraph({ ...ESCO, port: values.port === undefined ? undefined : Number(values.port), nodeFlags, runtimeEnv: values['no-runtime-env'] ? {} : undefined, env: Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) });
    const start = server.rssMb();
    const distinct = await measureDistinct(server, await distinctUrls(server, Number(values.distinct)), Number(values.distinct), {}, 'warm');
    const afterDistinct = server.rssMb();
    console.log(`  after distinct: ${show(await metrics(server.port))}`);
    if (!values['distinct-only']) await measureEsco(server, await escoEndpoints(server), options);
    const after = server.rssMb();
    const breakdown = residentBreakdown(server.child.pid);
    const m = await metrics(server.port);
    const p99 = distinct.map((d) => `${d.name} ${d.p99.toFixed(1)}`).join(', ');
    const line = `run ${run}: RSS start ${start.toFixed(0)} MB, after distinct ${afterDistinct.toFixed(0)} MB, after load ${after.toFixed(0)} MB; ${show(m)}; distinct p99 ${p99}\n  ${breakdown}`;
    console.log(line);
    results.push(line);
    if (values.snapshot) {
      server.child.process.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 20_000));
      const line2 = `run ${run} after the heap snapshot's full GC: RSS ${server.rssMb().toFixed(0)} MB; ${show(await metrics(server.port))}`;
      console.log(line2);
      results.push(line2);
    }
    await server.stop();
    if (values.output) writeFileSync(`${values.output}.${run}`, server.child.output());
  }
  const runtimeEnv = values['no-runtime-env'] ? [] : Object.entries(SERVER_RUNTIME_ENV).map(([k, v]) => `${k}=${v}`);
  console.log(`${[...runtimeEnv, ...values.env].join(' ')} node ${nodeFlags.join(' ')} ${values.src ? 'src/server.ts (tsx)' : 'dist/server.js'}\n${results.join('\n')}`);
}

main()
  .then(() => {
    killAllChildren();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    killAllChildren();
    process.exit(1);
  });
