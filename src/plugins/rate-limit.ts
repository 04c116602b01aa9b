import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge } from 'prom-client';
import { connectSharedStore, memoryStore, type SharedRateLimitStore, type RateLimitStoreState } from '../http/shared-rate-limit-store.js';
import { sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where rate limits are counted now: 'off', this replica's memory, Redis, or memory because Redis is down. */
    rateLimitStore(): RateLimitStoreState | 'off';
    /**
     * Counts one request from a client address (as `request.ip` reads it: `clientAddress`) and says
     * what its answer carries; null when rate limiting is off. For answers given before routing.
     */
    countRequest: ((ip: string) => Promise<LimitVerdict>) | null;
  }
}

/** What a counted request's answer carries: the RateLimit-* fields, and whether it is refused (429). */
export interface LimitVerdict {
  fields: string[];
  exceeded: boolean;
}

type Decision = Awaited<ReturnType<ReturnType<FastifyInstance['createRateLimit']>>>;

function verdictOf(decision: Decision): LimitVerdict & { resetSeconds: number; max: number } {
  // An allow-listed client is not counted and gets no fields.
  if (decision.isAllowed) return { fields: [], exceeded: false, resetSeconds: 0, max: 0 };
  const resetSeconds = Math.max(1, decision.ttlInSeconds);
  return {
    fields: ['ratelimit-limit', String(decision.max), 'ratelimit-remaining', String(decision.remaining), 'ratelimit-reset', String(resetSeconds)],
    exceeded: decision.isExceeded,
    resetSeconds,
    max: decision.max,
  };
}

/** Operations endpoints stay reachable for probes and scrapers whatever a client does. */
export const RATE_LIMIT_EXEMPT = new Set(['/health', '/ready', '/metrics']);

const WINDOW_MS = 60_000;

/**
 * `max` requests per minute per client IP (0: off), counted by @fastify/rate-limit: in memory, or
 * with `redisUrl` in Redis across replicas. Over it: 429 problem+json with Retry-After and RateLimit-*.
 * One app-level onRequest hook, registered early, so responses served from the cache are counted too.
 *
 * Cost on the hot path, measured against the hand-written Map it replaced (in memory, cached GET of
 * /roles/ai-engineer/skills, wrk -t1 -c10, 11 interleaved 4 s runs of each in the same session on a
 * shared 2-core machine): median 12.7k → 10.8k req/s, best 19.4k → 16.5k, i.e. about 15 % — the price
 * of a maintained limiter with a shared store; the ratio belongs in `npm run bench` next.
 */
export default fp<{ max: number; redisUrl?: string }>(
  async (app, { max, redisUrl }) => {
    if (max <= 0) {
      app.decorate('rateLimitStore', () => 'off' as const);
      app.decorate('countRequest', null);
      return;
    }
    const store = redisUrl ? await sharedStore(app, redisUrl) : undefined;
    app.decorate('rateLimitStore', () => store?.state ?? 'memory');

    // The plugin constructs its store with `new`; this hands it the one built above (or a plain memory one).
    // biome-ignore lint/complexity/useArrowFunction: @fastify/rate-limit calls `new Store(options)`, and an arrow function cannot be constructed.
    const Store = function () {
      return store ?? memoryStore();
    } as unknown as NonNullable<Parameters<typeof fastifyRateLimit>[1]>['store'];
    await app.register(fastifyRateLimit, { global: false, max, timeWindow: WINDOW_MS, store: Store });
    const limit = app.createRateLimit();
    // What the limiter reads of a request when the key is the client address (no groupId, no per-route config).
    const noRouteConfig = { config: {} };
    app.decorate('countRequest', async (ip: string) => verdictOf(await limit({ ip, routeOptions: noRouteConfig } as unknown as FastifyRequest)));

    app.addHook('onRequest', async function countAgainstRateLimit(request, reply) {
      if (RATE_LIMIT_EXEMPT.has(request.routeOptions.url ?? '')) return;
      const verdict = verdictOf(await limit(request));
      for (let i = 0; i < verdict.fields.length; i += 2) reply.header(verdict.fields[i], verdict.fields[i + 1]);
      if (verdict.exceeded) {
        const { resetSeconds, max: decisionMax } = verdict;
        reply.header('retry-after', String(resetSeconds));
        return sendProblem(request, reply, {
          type: 'too-many-requests',
          detail: {
            pl: `Ten klient wysłał więcej niż ${decisionMax} żądań w ciągu minuty; spróbuj ponownie za ${resetSeconds} s.`,
            en: `This client sent more than ${decisionMax} requests in a minute; retry in ${resetSeconds} s.`,
          },
        });
      }
    });
  },
  { name: 'rate-limit', dependencies: ['errors', 'metrics'] },
);

/** Redis-backed counting that fails open: an outage is logged once, counted, and shown on /ready. */
async function sharedStore(app: FastifyInstance, url: string): Promise<SharedRateLimitStore> {
  const registry = app.metrics.registry;
  const fallbacks = new Counter({
    name: 'rate_limit_store_fallbacks_total',
    help: 'Requests whose rate limit was counted in this replica’s memory because Redis could not be reached.',
    registers: [registry],
  });
  const outages = new Counter({ name: 'rate_limit_store_outages_total', help: 'Times the connection to the shared rate-limit store (Redis) was lost.', registers: [registry] });
  const store = await connectSharedStore(url, {
    onDown: (error) => {
      outages.inc();
      app.log.warn({ reason: error.message }, 'rate limits: Redis unavailable, counting per replica until it returns');
    },
    onUp: () => app.log.info('rate limits: counting in Redis, shared by all replicas'),
    onFallback: () => fallbacks.inc(),
  });
  new Gauge({
    name: 'rate_limit_store_up',
    help: '1 while rate limits are counted in the shared store (Redis), 0 while this replica counts on its own.',
    registers: [registry],
    collect() {
      this.set(store.state === 'redis' ? 1 : 0);
    },
  });
  app.addHook('onClose', async () => store.close());
  return store;
}
