import { execFile, execFileSync } from 'node:child_process';
import { HOST } from './http-probe.js';
import type { LoadResult } from './load.js';

/**
 * Debian's wrk: a C load generator that needs far less CPU per request than autocannon, so on a small
 * machine it takes less of the core the server runs on. Reported next to autocannon, never instead.
 */
export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary throws ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const toMs = (value: string) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]] : NaN;
};

function wrk(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile('wrk', args, { maxBuffer: 1 << 20 }, (error, stdout, stderr) => (error ? reject(new Error(`wrk ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout))));
}

/** One thread (the server is single-threaded too), `connections` keep-alive connections, latency percentiles from wrk's own histogram. */
export async function runWrk(opts: { port: number; path: string; connections: number; durationS: number; warmupS: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const url = `http://${HOST}:${opts.port}${opts.path}`;
  const headerArgs = Object.entries(opts.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const base = ['-t1', `-c${opts.connections}`, ...headerArgs];
  if (opts.warmupS > 0) await wrk([...base, `-d${opts.warmupS}s`, url]);
  const out = await wrk([...base, `-d${opts.durationS}s`, '--latency', url]);
  const percentile = (p: number) => toMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return {
    requests,
    reqPerSec: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    p50: percentile(50),
    p99: percentile(99),
    max: toMs(/Latency\s+\S+\s+\S+\s+(\S+)/.exec(out)?.[1] ?? ''),
    errors: socketErrors ? Number(socketErrors[1]) + Number(socketErrors[2]) + Number(socketErrors[3]) : 0,
    timeouts: socketErrors ? Number(socketErrors[4]) : 0,
    non2xx,
    statusCodes: {},
  };
}
