import { sql } from '../db/drizzle.cjs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as s from '../db/schema.js';
import { problemSchema } from '../schemas/common.js';
import { healthSchema, metaSchema, readySchema } from '../schemas/operations.js';
import { sendProblem } from '../plugins/errors.js';

const tags = ['meta'];
const live = { cache: false } as const;

/** Liveness, readiness, provenance of the data, and Prometheus metrics: never cached, never rate limited. */
const operationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { logLevel: 'warn', config: live, schema: { operationId: 'getHealth', tags, summary: 'Liveness', description: 'The process is up and answering; says nothing of the data. Never cached, never rate limited.', response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/ready',
    {
      logLevel: 'warn',
      config: live,
      schema: {
        operationId: 'getReady',
        tags,
        summary: 'Readiness: the database is open and seeded',
        description: 'A 503 problem while the server is shutting down or its database holds no data; for load balancers and orchestrators.',
        response: { 200: readySchema, 503: { description: 'Not ready.', content: { 'application/problem+json': { schema: problemSchema } } } },
      },
    },
    async (request, reply) => {
      const current = app.data.current;
      const roles = current.db.get<{ n: number }>(sql`select count(*) as n from roles`)?.n ?? 0;
      if (app.draining) {
        reply.header('retry-after', '5');
        return sendProblem(request, reply, { type: 'not-ready', detail: { pl: 'Serwer się zamyka.', en: 'The server is shutting down.' } });
      }
      if (!app.warmedUp) {
        reply.header('retry-after', '1');
        return sendProblem(request, reply, { type: 'not-ready', detail: { pl: 'Serwer się rozgrzewa.', en: 'The server is warming up.' } });
      }
      if (current.dataVersion === 'unseeded' || roles === 0) {
        reply.header('retry-after', '5');
        return sendProblem(request, reply, { type: 'not-ready', detail: { pl: 'Baza danych nie ma jeszcze danych.', en: 'The database holds no seeded data yet.' } });
      }
      return { status: 'ready' as const, dataVersion: current.dataVersion, rateLimits: app.rateLimitStore() };
    },
  );

  app.get(
    '/meta',
    { config: live, schema: { operationId: 'getMeta', tags, summary: 'Data version, seed time, entity counts and source documents', description: 'Where the served data comes from: the version of the seeded data, when it was seeded, how many nodes of each kind, and each document with its hash.', response: { 200: metaSchema } } },
    async () => {
      const current = app.data.current;
      const counts = Object.fromEntries(current.db.all<{ kind: string; n: number }>(sql`select kind, count(*) as n from graph_nodes group by kind`).map((r) => [r.kind, r.n]));
      const documents = current.db.select().from(s.documents).orderBy(s.documents.id).all();
      return {
        dataVersion: current.dataVersion,
        seededAt: current.seededAt,
        counts,
        documents: documents.map((d) => ({ file: d.file, sha256: d.sha256, title: d.titlePl, lines: d.lineCount })),
      };
    },
  );

  app.get(
    '/metrics',
    {
      logLevel: 'warn',
      config: live,
      schema: {
        operationId: 'getMetrics',
        tags,
        summary: 'Prometheus metrics',
        description: 'Request durations, requests in flight, response-cache hits and misses, the data version and entity counts, in the Prometheus text format.',
        response: { 200: { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: z.string() } } } },
      },
    },
    async (_request, reply) => reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics()),
  );
};

export default operationsRoutes;
