import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

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
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      logRequest(request, reply.statusCode, reply.elapsedTime);
    });
  },
  { name: 'request-log' },
);
