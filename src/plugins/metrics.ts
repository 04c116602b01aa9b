import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export interface Metrics {
  registry: Registry;
  cacheHit(): void;
  cacheMiss(): void;
}

/** Prometheus metrics: one registry per app, so tests can build many apps in one process. */
export default fp<{ data: DataSource }>(
  async (app, { data }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Request duration by route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    // A plain number read at scrape time: cheaper on the hot path than a gauge's inc/dec.
    let inFlight = 0;
    new Gauge({
      name: 'http_requests_in_flight',
      help: 'Requests being handled now.',
      registers: [registry],
      collect() {
        this.set(inFlight);
      },
    });
    // 'close' is emitted once per response whether it finished or the client went away (onResponse misses aborts).
    const ended = () => inFlight--;
    // The labelled series per (method, status, route), looked up once: observe() with a label object hashes it on every call.
    const seriesByKey = new Map<string, ReturnType<typeof duration.labels>>();
    const hits = new Counter({ name: 'response_cache_hits_total', help: 'GET responses served from the response cache.', registers: [registry] });
    const misses = new Counter({ name: 'response_cache_misses_total', help: 'Cacheable GET responses that had to be computed.', registers: [registry] });
    new Gauge({
      name: 'response_cache_hit_ratio',
      help: 'Cache hits / (hits + misses) since start.',
      registers: [registry],
      async collect() {
        const h = (await hits.get()).values[0]?.value ?? 0;
        const m = (await misses.get()).values[0]?.value ?? 0;
        this.set(h + m === 0 ? 0 : h / (h + m));
      },
    });
    new Gauge({
      name: 'rolegraph_data_info',
      help: 'The data version being served (value is always 1).',
      labelNames: ['data_version', 'seeded_at'],
      registers: [registry],
      collect() {
        this.reset();
        this.set({ data_version: data.current.dataVersion, seeded_at: data.current.seededAt }, 1);
      },
    });
    new Gauge({
      name: 'rolegraph_entities',
      help: 'Nodes of the graph by kind.',
      labelNames: ['kind'],
      registers: [registry],
      collect() {
        this.reset();
        const rows = data.current.db.all<{ kind: string; n: number }>(sql`select kind, count(*) as n from graph_nodes group by kind`);
        for (const row of rows) this.set({ kind: row.kind }, row.n);
      },
    });

    app.decorate('metrics', { registry, cacheHit: () => hits.inc(), cacheMiss: () => misses.inc() } satisfies Metrics);

    // onResponse runs for responses served from the cache too (they are hijacked, not skipped).
    // Callback-style hooks: on the cached hot path a promise per hook is measurable.
    app.addHook('onRequest', (_request, reply, done) => {
      inFlight++;
      reply.raw.once('close', ended);
      done();
    });
    app.addHook('onResponse', (request: FastifyRequest, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const key = `${request.method} ${reply.statusCode} ${route}`;
      let series = seriesByKey.get(key);
      if (series === undefined) {
        series = duration.labels({ method: request.method, route, status: String(reply.statusCode) });
        // Routes, methods and statuses are finite; the bound only guards against a surprise.
        if (seriesByKey.size < 1000) seriesByKey.set(key, series);
      }
      series.observe(reply.elapsedTime / 1000);
      done();
    });
  },
  { name: 'metrics' },
);
