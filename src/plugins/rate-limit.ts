import fp from 'fastify-plugin';
import { RateLimiter, type RateDecision } from '../http/rate-limiter.js';
import { sendProblem } from './errors.js';

/** Operations endpoints stay reachable for probes and scrapers whatever a client does. */
export const RATE_LIMIT_EXEMPT = new Set(['/health', '/ready', '/metrics']);

function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
  };
}

/** `max` requests per minute per client IP (0: off); over it, 429 problem+json with Retry-After. */
export default fp<{ max: number }>(
  async (app, { max }) => {
    const limiter = new RateLimiter(max);
    if (!limiter.enabled) return;
    app.addHook('onRequest', async (request, reply) => {
      if (RATE_LIMIT_EXEMPT.has(request.routeOptions.url ?? '')) return;
      const decision = limiter.hit(request.ip);
      reply.headers(rateLimitHeaders(decision));
      if (!decision.allowed) {
        reply.header('retry-after', String(decision.resetSeconds));
        return sendProblem(request, reply, {
          type: '/problems/too-many-requests',
          title: 'Too many requests',
          status: 429,
          detail: `This client sent more than ${decision.limit} requests in a minute; retry in ${decision.resetSeconds} s.`,
        });
      }
    });
  },
  { name: 'rate-limit', dependencies: ['errors'] },
);
