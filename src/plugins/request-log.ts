import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { WARM_UP_ADDRESS } from './warm-up.js';

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** A client's own request id is echoed when it looks like one; anything else gets a fresh id. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined, fresh: () => string): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : fresh();
}

/** The fields of the one JSON line per request (with its id, a binding of the request's logger). */
export function requestLine(method: string, url: string, route: string | null, status: number, durationMs: number) {
  return { method, url, route, status, durationMs: Math.round(durationMs * 100) / 100 };
}

/** Whether request lines are written at all: the bench runs at warn and skips building them. */
export function logsRequests(log: { level: string }): boolean {
  return (LEVELS[log.level] ?? 30) <= 30;
}

export default fp(
  async (app) => {
    app.addHook('onRequest', function echoRequestId(request, reply, done) {
      reply.header('x-request-id', request.id);
      done();
    });
    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      if (logsRequests(request.log) && request.ip !== WARM_UP_ADDRESS) request.log.info(requestLine(request.method, request.url, request.routeOptions.url ?? null, reply.statusCode, reply.elapsedTime), 'request');
      done();
    });
  },
  { name: 'request-log' },
);
