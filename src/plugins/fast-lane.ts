import fp from 'fastify-plugin';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Counter } from 'prom-client';
import type { DataSource } from '../data/data-source.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastLane, LaneAnswer } from '../http/fast-lane.js';
import type { Representation } from '../http/representation.js';
import { announcesBody } from '../http/request-body.js';
import { clientAddress, requestHost, requestProtocol, type ProxyTrust } from '../http/proxy-trust.js';
import { HSTS_FIELD } from './transport-security.js';
import { corsHeaders } from './cors.js';
import { logsRequests, requestIdFrom, requestLine } from './request-log.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** How many requests the lane answered before routing (tests tell the two ways of serving a hit apart). */
    fastLane: { readonly answered: number };
  }
}

export interface FastLaneOptions {
  lane: FastLane;
  data: DataSource;
  corsOrigins: '*' | string[];
  requiredDataVersion?: string;
  /** TRUST_PROXY as the function Fastify was given: the lane reads X-Forwarded-* by the same rule. */
  proxyTrust: ProxyTrust | false;
}

/**
 * Every onRequest hook that runs before the response cache's (`answerFromStoredRepresentation`), by
 * function name, and what the lane does in its place. The lane shares each one's definition (the same
 * functions, limiter and flags); `test/fast-lane.test.ts` reads the hooks of every cached route through
 * Fastify's public `printRoutes({ includeHooks: true })` and fails on a hook missing here, so a new one
 * cannot be bypassed by the lane unnoticed.
 */
export const LANE_MIRRORS: Readonly<Record<string, string>> = {
  countInFlight: 'metrics.answeredBeforeRouting: in flight until written, observed under its route',
  echoRequestId: 'requestIdFrom: the same x-request-id',
  strictTransportOverTls: 'HSTS_FIELD when requestProtocol (the same proxy trust as request.protocol) is https',
  connectionCloseWhileDraining: 'hands a draining server to Fastify',
  allowCrossOrigin: 'corsHeaders: the same fields for the Origin',
  onRequest: '@fastify/under-pressure: isUnderPressure() hands the request to Fastify',
  refuseWithoutRequiredData: 'hands the request to Fastify until the required data version is held',
  waitForWholeRequest: 'announcesBody: a request with a body goes to Fastify',
  countAgainstRateLimit: 'countRequest: the same limiter, keyed by clientAddress (request.ip); a refusal goes to Fastify for the 429',
};

/**
 * Opens the lane (`src/http/fast-lane.ts`) to cached GET/HEAD answers, doing for them what the hooks
 * before the cache do for a routed hit: request id, HSTS over TLS, CORS, rate-limit counting, the in-flight
 * gauge, the duration histogram and the request line, reading X-Forwarded-* with the proxy trust Fastify
 * was given (`src/http/proxy-trust.ts`). Whatever those hooks would refuse or change goes to Fastify instead: a draining or
 * closing server (Connection: close), pressure (503), a data version not yet required (503), a request
 * with a body. The answer is written with `writeHead` and `end`, so Node frames it (Date, Connection,
 * Keep-Alive, HTTP/1.0, HEAD) exactly as on the routed path. `test/fast-lane.test.ts`
 * checks over real sockets that a hit answered here equals the routed answer.
 */
export default fp<FastLaneOptions>(
  async (app, options) => {
    let answered = 0;
    app.decorate('fastLane', {
      get answered() {
        return answered;
      },
    });
    // Read at scrape time, like the cache's hit count: whether hits take the lane or the cache's hook is
    // otherwise invisible from outside (the bench prints each round's share of hits answered here).
    new Counter({
      name: 'fast_lane_answers_total',
      help: 'Cached hits answered before routing; the rest of response_cache_hits_total came from the cache hook.',
      registers: [app.metrics.registry],
      collect() {
        this.reset();
        this.inc(answered);
      },
    });
    const cache = app.responseCache;
    const { lane, data, corsOrigins, requiredDataVersion, proxyTrust } = options;
    // The CORS fields take one of a few values (any origin; or each configured origin, and none): built once each.
    const corsFields = new Map<string | undefined, readonly string[]>();
    const corsFor = (origin: string | undefined): readonly string[] => {
      const key = corsOrigins === '*' || !corsOrigins.includes(origin ?? '') ? undefined : origin;
      let fields = corsFields.get(key);
      if (fields === undefined) {
        fields = Object.entries(corsHeaders(corsOrigins, key)).flat();
        corsFields.set(key, fields);
      }
      return fields;
    };

    const countRequest = app.countRequest;

    /** Writes the hit (a plain function, not a closure per request: the hot path allocates what it must and no more). */
    const send = (req: IncomingMessage, res: ServerResponse, fastify: Parameters<LaneAnswer>[2], stored: Representation, startedAt: number, exchangeFields?: readonly string[]) => {
      const { method = 'GET', url = '/', headers } = req;
      try {
        const id = requestIdFrom(headers['x-request-id'], randomUUID);
        const route = stored.route;
        const log = logsRequests(app.log) ? (ms: number) => app.log.info({ reqId: id, ...requestLine(method, url, route, res.statusCode, ms) }, 'request') : undefined;
        // The id is a fresh UUID or matched requestIdFrom's pattern (letters, digits, ._:-): a valid field value as it is.
        cache.serve(res, method, headers, stored, corsFor(headers.origin), exchangeFields === undefined ? ['x-request-id', id] : ['x-request-id', id, ...exchangeFields]);
        app.metrics.answeredBeforeRouting(res, req.socket, method, route, startedAt, log);
        answered++;
      } catch (error) {
        // Nothing written yet: Fastify answers (its error handler makes it a problem). Otherwise the answer cannot be completed.
        app.log.error({ err: error, url }, 'cached answer failed');
        if (res.headersSent) res.destroy();
        else fastify(req, res);
      }
    };

    const answer: LaneAnswer = (req, res, fastify) => {
      const startedAt = performance.now();
      const method = req.method;
      if (method !== 'GET' && method !== 'HEAD') return false;
      if (app.draining || app.isUnderPressure() || (requiredDataVersion !== undefined && data.current.dataVersion !== requiredDataVersion)) return false;
      const headers = req.headers;
      if (announcesBody(headers)) return false;
      const url = req.url ?? '/';
      // As Fastify reads request.protocol and request.host (X-Forwarded-* from a trusted proxy only).
      const protocol = requestProtocol(req, proxyTrust);
      const origin = cache.keyByHost ? `${protocol}://${requestHost(req, proxyTrust)}` : '';
      const stored = cache.find(origin, url, headers);
      if (stored === undefined) return false;
      const tls = protocol === 'https';
      if (countRequest === null) {
        send(req, res, fastify, stored, startedAt, tls ? HSTS_FIELD : undefined);
        return true;
      }
      // Counted as the rate-limit hook counts it (by request.ip); a refused request goes to Fastify, whose hook counts it again and answers 429.
      countRequest(clientAddress(req, proxyTrust) ?? '').then(
        (verdict) => (verdict.exceeded ? fastify(req, res) : send(req, res, fastify, stored, startedAt, tls ? [...HSTS_FIELD, ...verdict.fields] : verdict.fields)),
        () => fastify(req, res),
      );
      return true;
    };

    app.addHook('onReady', (done) => {
      lane.open(answer);
      done();
    });
    // Once closing starts Fastify answers with Connection: close: the lane leaves those requests to it.
    app.addHook('preClose', (done) => {
      lane.shut();
      done();
    });
  },
  { name: 'fast-lane', dependencies: ['metrics', 'request-log', 'shutdown', 'transport-security', 'cors', 'overload', 'required-data-version', 'rate-limit', 'response-cache'] },
);
