import { extractStorm } from './extract-storm.js';
import type { RunningServer } from './spawn-server.js';

/** `tsx test/bench/storm-probe.ts PORT [SECONDS] [--json]`: the extract storm against a server already running. */
const port = Number(process.argv[2]);
const durationS = Number(process.argv[3] ?? 10);
const result = await extractStorm({ port } as RunningServer, { connections: 50, durationS, cachedPath: '/roles/ai-engineer/responsibilities' });
console.log(JSON.stringify(result.extracts));
// The last line, for a test that runs this as its probing process: the whole result as JSON.
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else for (const p of result.probes) console.log(`${p.path.padEnd(40)} ${p.count} answers p50 ${p.p50.toFixed(1)} p99 ${p.p99.toFixed(1)} max ${p.max.toFixed(1)} ms, ${p.failed} failed`);
