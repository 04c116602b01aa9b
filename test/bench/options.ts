import { parseArgs } from 'node:util';

export interface BenchOptions {
  durationS: number;
  warmupS: number;
  rounds: number;
  /** server processes per side in the ceiling comparison: round r runs on process r mod n */
  processes: number;
  connections: number;
  coldRuns: number;
  esco: boolean;
  /** skip generating and seeding the ESCO-sized set when data/bench/esco.db is already current */
  reuseEsco: boolean;
  soak: boolean;
  soakDurationS: number;
  soakConnections: number;
  acceptEncoding: string | null;
  /** load generators for the ceiling comparison */
  tools: ('wrk' | 'autocannon')[];
  /** distinct (uncached) URLs per endpoint on the ESCO-sized set */
  distinct: number;
  /** run the server from dist/ (npm run build) instead of src/ through tsx */
  compiled: boolean;
  out: string;
}

const HELP = `npm run bench -- [options]
  --duration <s>         measured seconds per autocannon run (10; --quick: 3)
  --warmup <s>           discarded warm-up before each run (1)
  --rounds <n>           ceiling/rolegraph alternations per endpoint (3; --quick: 1)
  --processes <n>        server processes per side for those alternations, round r on process r mod n
                         (3; --quick: 1): on a shared machine one process can run ±15 % off its twin for life
  --connections <n>      autocannon connections for the endpoint runs (10)
  --cold-runs <n>        cold starts per database (3; --quick: 1)
  --soak-duration <s>    the 100-connection mixed soak (30; --quick: 10)
  --soak-connections <n> (100)
  --accept-encoding <e>  e.g. br or gzip; by default none is sent, so both servers send identity bytes
  --tools <list>         wrk,autocannon (both; wrk is left out when it is not installed)
  --distinct <n>         distinct uncached URLs per endpoint on the ESCO-sized set (150)
  --no-esco              skip the ESCO-sized synthetic set
  --reuse-esco           reuse data/bench/esco.db when it is current instead of regenerating and re-seeding it (implied by --quick)
  --no-soak              skip soak, SIGTERM and re-seed runs
  --compiled             run the server from dist/server.js (npm run build first), as the Docker image does
  --quick                shorter defaults, for a smoke run
  --out <file>           where the markdown goes (data/bench/last-run.md)`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      processes: { type: 'string' },
      connections: { type: 'string' },
      'cold-runs': { type: 'string' },
      'soak-duration': { type: 'string' },
      'soak-connections': { type: 'string' },
      'accept-encoding': { type: 'string' },
      tools: { type: 'string' },
      distinct: { type: 'string' },
      'no-esco': { type: 'boolean' },
      'reuse-esco': { type: 'boolean' },
      'no-soak': { type: 'boolean' },
      quick: { type: 'boolean' },
      compiled: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const num = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name}: expected a number ≥ ${min}, got "${raw}"\n\n${HELP}`);
    return n;
  };
  return {
    durationS: num('duration', values.duration, quick ? 3 : 10, 1),
    warmupS: num('warmup', values.warmup, 1, 0),
    rounds: Math.round(num('rounds', values.rounds, quick ? 1 : 3, 1)),
    processes: Math.round(num('processes', values.processes, quick ? 1 : 3, 1)),
    connections: Math.round(num('connections', values.connections, 10, 1)),
    coldRuns: Math.round(num('cold-runs', values['cold-runs'], quick ? 1 : 3, 1)),
    esco: !values['no-esco'],
    reuseEsco: values['reuse-esco'] ?? quick,
    soak: !values['no-soak'],
    soakDurationS: num('soak-duration', values['soak-duration'], quick ? 10 : 30, 1),
    soakConnections: Math.round(num('soak-connections', values['soak-connections'], 100, 1)),
    acceptEncoding: values['accept-encoding'] ?? null,
    tools: parseTools(values.tools ?? 'wrk,autocannon'),
    distinct: Math.round(num('distinct', values.distinct, 150, 1)),
    compiled: values.compiled ?? false,
    out: values.out ?? 'data/bench/last-run.md',
  };
}

function parseTools(value: string): BenchOptions['tools'] {
  const tools = value.split(',').map((t) => t.trim()).filter(Boolean);
  for (const t of tools) if (t !== 'wrk' && t !== 'autocannon') throw new Error(`--tools: unknown load generator "${t}"\n\n${HELP}`);
  return tools as BenchOptions['tools'];
}
