import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from './config.js';
import { DataContext } from './data/data-context.js';
import { DataSource } from './data/data-source.js';
import type { Db } from './db/open-database.js';
import { clientErrorResponder, commonHeadersOf } from './http/client-error.js';
import analysisLimitPlugin from './plugins/analysis-limit.js';
import completeRequestPlugin from './plugins/complete-request.js';
import compressionPlugin from './plugins/compression.js';
import connectionGuardPlugin from './plugins/connection-guard.js';
import corsPlugin from './plugins/cors.js';
import databasePlugin from './plugins/database.js';
import errorsPlugin, { frameworkDetail, sendProblem } from './plugins/errors.js';
import fastLanePlugin from './plugins/fast-lane.js';
import { proxyTrust } from './http/proxy-trust.js';
import { FastLane } from './http/fast-lane.js';
import { problemTypeForStatus } from './http/problems.js';
import { IdentifierOrigins } from './jsonld/base-url.js';
import languagePlugin from './plugins/language.js';
import metricsPlugin from './plugins/metrics.js';
import overloadPlugin from './plugins/overload.js';
import paginationLinksPlugin from './plugins/pagination-links.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import requiredDataVersionPlugin from './plugins/required-data-version.js';
import requestLimitsPlugin from './plugins/request-limits.js';
import requestLogPlugin, { requestIdFrom } from './plugins/request-log.js';
import responseCachePlugin from './plugins/response-cache.js';
import securityHeadersPlugin from './plugins/security-headers.js';
import transportSecurityPlugin from './plugins/transport-security.js';
import dataAnswerHeadersPlugin from './plugins/data-answer-headers.js';
import shutdownPlugin from './plugins/shutdown.js';
import standardResponsesPlugin from './plugins/standard-responses.js';
import swaggerPlugin from './plugins/swagger.js';
import warmUpPlugin from './plugins/warm-up.js';
import analysisRoutes from './routes/analysis.js';
import catalogRoutes from './routes/catalog.js';
import embedRoutes from './routes/embed.js';
import exportRoutes from './routes/exports.js';
import changesRoutes from './routes/changes.js';
import graphRoutes from './routes/graph.js';
import mcpRoutes from './routes/mcp.js';
import openapiRoute from './routes/openapi.js';
import operationsRoutes from './routes/operations.js';
import problemRoutes from './routes/problems.js';
import rolesRoutes from './routes/roles.js';
import searchRoutes from './routes/search.js';

export interface AppOptions {
  /** The data to serve: a database handle (tests), or a source the server can swap (hot data swap). */
  db?: Db;
  data?: DataSource;
  logger?: FastifyServerOptions['logger'];
  http?: Partial<HttpConfig>;
  /** /ready fails until `app.warmUp()` has run (the server's start); tests are ready at once. */
  warmUp?: boolean;
}

export const BODY_LIMIT_BYTES = 128 * 1024;
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Builds the app around its data; never listens (the server and the tests do that). */
export async function buildApp({ db, data, logger = false, http = {}, warmUp = false }: AppOptions) {
  const source = data ?? new DataSource(new DataContext(db ?? missingData()));
  const config: HttpConfig = { ...DEFAULT_HTTP_CONFIG, ...http };
  const clientErrors = clientErrorResponder();
  const lane = new FastLane();
  const trust = proxyTrust(config.trustProxy);
  const app = Fastify({
    logger,
    // The server Fastify would build, with a lane in front that answers cached representations before routing.
    serverFactory: lane.serverFactory,
    // A request that reaches a closing server (on a keep-alive connection the close has not reached yet)
    // is answered, with Connection: close, rather than refused with 503: the connection then ends, so at
    // most one more request per connection, and a client mid-conversation loses nothing.
    return503OnClosing: false,
    // One line per request, written by the request-log plugin (and for cached responses by the cache).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (request) => requestIdFrom(request.headers['x-request-id'], randomUUID),
    // A hop count trusts that many proxies in front: proxy-addr's (address, hop) => hop < n.
    // One function, given to Fastify and to the fast lane: both read X-Forwarded-* by the same rule.
    trustProxy: trust,
    bodyLimit: BODY_LIMIT_BYTES,
    // Hostile clients: a request (headers and body) must arrive within requestTimeout, its headers within
    // headersTimeout; Node checks every connectionsCheckingInterval, so a slow body is cut within the sum.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: { headersTimeout: Math.min(config.headersTimeoutMs, config.requestTimeoutMs), connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(config.requestTimeoutMs / 4))) },
    clientErrorHandler: (error, socket) => clientErrors.onClientError(error, socket),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors the router raises before any handler (bad percent-encoding, over-long parameters) are problems too.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 400;
      return sendProblem(request, reply, { type: problemTypeForStatus(status), status, detail: frameworkDetail(status, error.message) });
    },
  }).withTypeProvider<ZodTypeProvider>();
  const origins = new IdentifierOrigins({ publicOrigin: config.publicBaseUrl, allowedHosts: config.allowedHosts, defaultOrigin: config.defaultOrigin });
  app.decorate('identifierOrigins', origins);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Order matters: hooks run in registration order. Everything up to the response cache also runs
  // for cached responses; what comes after it runs only when a response has to be computed.
  await app.register(errorsPlugin);
  await app.register(connectionGuardPlugin, {
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
    firstRequestTimeoutMs: config.firstRequestTimeoutMs,
    maxQueuedResponses: config.maxQueuedResponses,
    maxQueuedBytes: config.maxQueuedResponseBytes,
  });
  await app.register(standardResponsesPlugin);
  await app.register(metricsPlugin, { data: source });
  await app.register(requestLogPlugin);
  await app.register(shutdownPlugin, { lastWords: { request: clientErrors.onUnanswered, socket: clientErrors.onSlowHeaders } });
  await app.register(transportSecurityPlugin);
  // Before anything that can answer early (503, 414, 429), so browsers can read those answers too.
  await app.register(corsPlugin, { origins: config.corsOrigins });
  await app.register(overloadPlugin);
  await app.register(requiredDataVersionPlugin, { data: source, required: config.requireDataVersion });
  await app.register(rateLimitPlugin, { max: config.rateLimitMax, redisUrl: config.redisUrl });
  await app.register(completeRequestPlugin);
  await app.register(dataAnswerHeadersPlugin);
  // The fast path: a cached answer is written here, after the per-request hooks above (so it is
  // counted, rate limited and carries their headers) and before everything below.
  await app.register(responseCachePlugin, {
    data: source,
    cacheControl: config.cacheControl,
    compressionThreshold: COMPRESSION_THRESHOLD_BYTES,
    // A foreign Host maps to the default origin's entries: varying Host cannot add entries.
    originOf: origins.hostIndependent ? undefined : (protocol, host) => origins.of(protocol, host),
    defaultLanguage: config.defaultLanguage,
    onHit: () => app.metrics.cacheHit(),
    onMiss: () => app.metrics.cacheMiss(),
  });
  await app.register(fastLanePlugin, {
    lane,
    data: source,
    corsOrigins: config.corsOrigins,
    requiredDataVersion: config.requireDataVersion,
    proxyTrust: trust,
  });
  await app.register(warmUpPlugin, { enabled: warmUp });
  await app.register(languagePlugin, { defaultLanguage: config.defaultLanguage });
  await app.register(databasePlugin, { data: source });
  await app.register(securityHeadersPlugin);
  // After the security headers, so a 414 carries them too; a URL in the cache has passed these checks.
  await app.register(requestLimitsPlugin);
  await app.register(compressionPlugin, { threshold: COMPRESSION_THRESHOLD_BYTES });
  await app.register(swaggerPlugin);
  await app.register(paginationLinksPlugin);
  await app.register(analysisLimitPlugin, {
    data: source,
    capacity: config.maxConcurrentAnalyses,
    threads: config.analysisThreads,
    idleTimeoutMs: config.analysisIdleTimeoutMs,
    bodyTimeoutMs: config.analysisBodyTimeoutMs,
  });

  await app.register(rolesRoutes);
  await app.register(catalogRoutes);
  await app.register(searchRoutes);
  await app.register(graphRoutes);
  await app.register(analysisRoutes);
  await app.register(mcpRoutes);
  await app.register(operationsRoutes);
  await app.register(openapiRoute);
  await app.register(problemRoutes);
  await app.register(embedRoutes);
  await app.register(exportRoutes);
  await app.register(changesRoutes);
  await app.ready();
  app.server.maxConnections = config.maxConnections;
  app.server.on('checkExpectation', clientErrors.onExpectation);
  // Problems raised before routing carry what every routed response carries (security headers, CORS).
  clientErrors.setCommonHeaders(commonHeadersOf((await app.inject({ method: 'GET', url: '/health' })).headers));
  return app;
}

function missingData(): never {
  throw new Error('buildApp needs a database handle (db) or a data source (data)');
}

export type App = Awaited<ReturnType<typeof buildApp>>;
