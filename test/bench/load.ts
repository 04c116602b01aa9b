import autocannon, { type AutocannonRequest } from 'autocannon';
import { HOST } from './http-probe.js';
import { percentile } from './stats.js';

export interface LoadOptions {
  port: number;
  /** One URL, or several that every connection cycles through. */
  paths: string[];
  connections: number;
  durationS: number;
  /** A run of this length before the measured one, thrown away (JIT, caches, keep-alive sockets). */
  warmupS: number;
  headers?: Record<string, string>;
  /** Called once the measured run has started (e.g. to send a signal mid-run). */
  onStart?: (stop: () => void) => void;
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  /** ms, from every response's own timing (autocannon's histogram keeps whole ms only) */
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

const REQUEST_TIMEOUT_S = 10;

function once(opts: LoadOptions, durationS: number, record: boolean): Promise<LoadResult> {
  const requests: AutocannonRequest[] | undefined = opts.paths.length > 1 ? opts.paths.map((path) => ({ method: 'GET', path })) : undefined;
  const instance = autocannon({
    url: `http://${HOST}:${opts.port}${opts.paths[0]}`,
    connections: opts.connections,
    duration: durationS,
    timeout: REQUEST_TIMEOUT_S,
    headers: opts.headers ?? {},
    requests,
  });
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  if (record) {
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = ms;
    });
    opts.onStart?.(() => instance.stop());
  }
  return Promise.resolve(instance).then((result) => {
    const sorted = latencies.subarray(0, count).sort();
    const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
    return {
      requests: result.requests.total,
      reqPerSec: result.requests.total / Math.max(result.duration, 0.001),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1] : NaN,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes,
    };
  });
}

/** autocannon as a library: a discarded warm-up, then the measured run. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  if (opts.warmupS > 0) await once(opts, opts.warmupS, false);
  return once(opts, opts.durationS, true);
}

export function failures(r: Pick<LoadResult, 'errors' | 'timeouts' | 'non2xx'>): number {
  return r.errors + r.timeouts + r.non2xx;
}
