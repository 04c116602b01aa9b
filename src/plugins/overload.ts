import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';
import { sendProblem } from './errors.js';

export const RETRY_AFTER_SECONDS = 10;
const OVERLOAD_EXEMPT = new Set(['/health', '/metrics']);

/** Past these limits new requests get 503 problem+json with Retry-After instead of queueing up. */
export default fp(
  async (app) => {
    await app.register(underPressure, {
      maxEventLoopDelay: 1000,
      maxHeapUsedBytes: 1024 * 1024 * 1024,
      maxRssBytes: 1536 * 1024 * 1024,
      retryAfter: RETRY_AFTER_SECONDS,
      pressureHandler: (request, reply, type, value) => {
        // Liveness and metrics must answer precisely when the process is struggling.
        if (OVERLOAD_EXEMPT.has(request.routeOptions.url ?? '')) return;
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        sendProblem(request, reply, {
          type: 'overloaded',
          detail: {
            pl: `Serwer jest przeciążony (${type}: ${Math.round(Number(value))}); spróbuj ponownie za ${RETRY_AFTER_SECONDS} s.`,
            en: `The server is overloaded (${type}: ${Math.round(Number(value))}); retry in ${RETRY_AFTER_SECONDS} s.`,
          },
        });
      },
    });
  },
  { name: 'overload', dependencies: ['errors'] },
);
