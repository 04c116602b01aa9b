import type { Metric, Registry } from 'prom-client';

/** One sample line, as prom-client's metrics give them to the registry. */
interface Sample {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

interface Series {
  labels: { method: string; route: string; status: string };
  /** Observations per bucket (not cumulative); the last slot is beyond the largest bound. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * `http_request_duration_seconds`, counted in a typed array per (method, route, status) and read by the
 * registry like any prom-client metric, so /metrics prints the lines prom-client's Histogram printed.
 * prom-client's Histogram validates and hashes the label set on every observation: about 3 µs of a cached
 * answer's ~25 µs of CPU (two servers side by side under wrk, with and without the observation).
 */
export class RequestDurations {
  readonly name = 'http_request_duration_seconds';
  readonly help = 'Request duration by route and status.';
  readonly type = 'histogram';
  readonly aggregator = 'sum' as const;
  /** By route, status, then method: no key string built (and hashed) per observation. */
  private readonly series = new Map<string, Map<number, Map<string, Series>>>();

  constructor(
    private readonly buckets: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  observe(method: string, status: number, route: string, seconds: number): void {
    let byStatus = this.series.get(route);
    if (byStatus === undefined) {
      byStatus = new Map();
      this.series.set(route, byStatus);
    }
    let byMethod = byStatus.get(status);
    if (byMethod === undefined) {
      byMethod = new Map();
      byStatus.set(status, byMethod);
    }
    let series = byMethod.get(method);
    if (series === undefined) {
      // Finite, as with prom-client's Histogram: route templates (or "unmatched"), the methods Node parses, statuses.
      series = { labels: { method, route, status: String(status) }, counts: new Float64Array(this.buckets.length + 1), sum: 0, count: 0 };
      byMethod.set(method, series);
    }
    let bucket = 0;
    while (bucket < this.buckets.length && seconds > this.buckets[bucket]) bucket++;
    series.counts[bucket]++;
    series.sum += seconds;
    series.count++;
  }

  /** What prom-client's Histogram returns: cumulative buckets (`le`), `_sum` and `_count` per series. */
  async get(): Promise<{ name: string; help: string; type: string; values: Sample[]; aggregator: string }> {
    const values: Sample[] = [];
    for (const { labels, counts, sum, count } of this.allSeries()) {
      let cumulative = 0;
      for (let i = 0; i < this.buckets.length; i++) {
        cumulative += counts[i];
        values.push({ labels: { le: this.buckets[i], ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
      }
      values.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: `${this.name}_bucket` });
      values.push({ labels, value: sum, metricName: `${this.name}_sum` });
      values.push({ labels, value: count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    this.series.clear();
  }

  private *allSeries(): Generator<Series> {
    for (const byStatus of this.series.values()) for (const byMethod of byStatus.values()) yield* byMethod.values();
  }
}
