import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { sql } from '../db/drizzle.cjs';
import type { DataSource } from '../data/data-source.js';
import { RequestDurations } from '../metrics/request-durations.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export interface Metrics {
  registry: Registry;
  cacheHit(): void;
  cacheMiss(): void;
  /**
   * A request answered before routing (`src/plugins/fast-lane.ts`), its answer just written: observed as a
   * routed one is, and counted in flight until its response closes when the socket could not take it all.
   */
  answeredBeforeRouting(res: ServerResponse, socket: Socket, method: string, route: string, startedAt: number, finished?: (durationMs: number) => void): void;
}

/** Prometheus metrics: one registry per app, so tests can build many apps in one process. */
export default fp<{ data: DataSource }>(
  async (app, { data }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const durations = new RequestDurations([0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registry);
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
    // Plain numbers read at scrape time, like the in-flight count: Counter.inc() hashes its (empty) label set per call.
    let hitCount = 0;
    let missCount = 0;
    new Counter({
      name: 'response_cache_hits_total',
      help: 'GET responses served from the response cache.',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(hitCount);
      },
    });
    new Counter({
      name: 'response_cache_misses_total',
      help: 'Cacheable GET responses that had to be computed.',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(missCount);
      },
    });
    new Gauge({
      name: 'response_cache_hit_ratio',
      help: 'Cache hits / (hits + misses) since start.',
      registers: [registry],
      collect() {
        this.set(hitCount + missCount === 0 ? 0 : hitCount / (hitCount + missCount));
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

    const observeAnswer = (res: ServerResponse, method: string, route: string, startedAt: number, finished?: (durationMs: number) => void) => {
      const ms = performance.now() - startedAt;
      durations.observe(method, res.statusCode, route, ms / 1000);
      finished?.(ms);
    };

    app.decorate('metrics', {
      registry,
      cacheHit: () => {
        hitCount++;
      },
      cacheMiss: () => {
        missCount++;
      },
      answeredBeforeRouting(res, socket, method, route, startedAt, finished) {
        // Handed whole to the kernel already (the usual case for a cached body): nothing left in flight, no listener needed.
        if (res.socket !== null && !res.socket.destroyed && res.socket.writableLength === 0) return observeAnswer(res, method, route, startedAt, finished);
        inFlight++;
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          inFlight--;
          if (res.writableFinished) observeAnswer(res, method, route, startedAt, finished);
        };
        res.once('close', end);
        // A pipelined answer still queued behind another when the connection dies never emits its own close.
        socket.once('close', end);
      },
    } satisfies Metrics);

    // onResponse runs for responses served from the cache too (they are hijacked, not skipped).
    // Callback-style hooks: on the cached hot path a promise per hook is measurable.
    app.addHook('onRequest', function countInFlight(_request, reply, done) {
      inFlight++;
      reply.raw.once('close', ended);
      done();
    });
    app.addHook('onResponse', (request: FastifyRequest, reply, done) => {
      durations.observe(request.method, reply.statusCode, request.routeOptions.url ?? 'unmatched', reply.elapsedTime / 1000);
      done();
    });
  },
  { name: 'metrics' },
);
