import { freshClientAddress, get } from './http.js';

export interface LoadReport {
  phase: string;
  requests: number;
  failures: number;
  /** Achieved rate over the phase, completed requests per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The first few failures, for the log. */
  examples: string[];
}

/**
 * An open-loop load: `rate` GETs per second through `port`, whatever the answers take, each from a new
 * client address on a new connection. A failure is anything but the status the URL is known to answer.
 */
export class Load {
  private timer?: NodeJS.Timeout;
  private readonly latencies: number[] = [];
  private failures = 0;
  private readonly examples: string[] = [];
  private readonly pending = new Set<Promise<void>>();
  private started = 0;
  private sent = 0;

  constructor(
    private readonly port: number,
    private readonly urls: string[],
    private readonly rate: number,
  ) {}

  start(): void {
    this.started = performance.now();
    const tickMs = 10;
    this.timer = setInterval(() => {
      // Catch up to the schedule, so a slow tick does not lower the rate.
      const due = Math.floor(((performance.now() - this.started) / 1000) * this.rate);
      while (this.sent < due) this.fire(this.urls[this.sent++ % this.urls.length]);
    }, tickMs);
  }

  async stop(phase: string): Promise<LoadReport> {
    clearInterval(this.timer);
    const seconds = (performance.now() - this.started) / 1000;
    await Promise.all(this.pending);
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      phase,
      requests: this.sent,
      failures: this.failures,
      rps: Math.round(this.sent / seconds),
      p50Ms: round(at(0.5)),
      p99Ms: round(at(0.99)),
      maxMs: round(sorted.at(-1) ?? 0),
      examples: this.examples,
    };
  }

  private fire(url: string): void {
    const done = get(this.port, url, { clientAddress: freshClientAddress() }).then(
      (answer) => {
        this.latencies.push(answer.ms);
        if (answer.status !== 200) this.fail(`${url}: ${answer.status} ${answer.body.toString('utf8').slice(0, 160)}`);
      },
      (error: Error) => this.fail(`${url}: ${error.message}`),
    );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private fail(what: string): void {
    this.failures++;
    if (this.examples.length < 5) this.examples.push(what);
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
