import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** A client's own request id is echoed when it looks like one; anything else gets a fresh id. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined, fresh: () => string): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : fresh();
}

/** One JSON line per request: id, method, route, status, duration. */
function logRequest(request: FastifyRequest, statusCode: number, durationMs: number): void {
  request.log.info(
    { method: request.method, url: request.url, route: request.routeOptions.url ?? null, status: statusCode, durationMs: Math.round(durationMs * 100) / 100 },
    'request',
  );
}

export default fp(
  async (app) => {
    app.addHook('onRequest', (request, reply, done) => {
      reply.header('x-request-id', request.id);
      done();
    });
    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      // Skips building the line at all when info is off (the bench runs at warn).
      if ((LEVELS[request.log.level] ?? 30) <= 30) logRequest(request, reply.statusCode, reply.elapsedTime);
      done();
    });
  },
  { name: 'request-log' },
);
