import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { allowedHostEntry } from './lib/host-header.js';
import { LANGUAGES, type Lang } from './lib/language.js';
import { PROJECT_ROOT } from './paths.js';

export interface HttpConfig {
  /** Requests per minute per client IP; 0 turns rate limiting off. */
  rateLimitMax: number;
  cacheControl: string;
  /** '*' for any origin, or the exact origins allowed to read responses in a browser. */
  corsOrigins: '*' | string[];
  /**
   * Which X-Forwarded-* hops to believe for the client IP, host and protocol: false (none), the
   * number of proxies in front, or their addresses/CIDRs. `true` believes every hop, which lets any
   * client pick its own IP (and so its own rate-limit budget): only behind a proxy that overwrites it.
   */
  trustProxy: boolean | number | string[];
  /** The language of a response when the client asks for none we have. */
  defaultLanguage: Lang;
  /** Counts rate limits in this Redis, shared by every replica; unset: each replica counts in memory. */
  redisUrl?: string;
  /** Refuse traffic (503) until the data served is this version (a rollout's replicas wait for their data). */
  requireDataVersion?: string;
  /**
   * The origin JSON-LD identifiers are built from (`https://api.example.org`). Null: from the request's
   * Host when it is on `allowedHosts`, else from `defaultOrigin` (see src/jsonld/base-url.ts).
   */
  publicBaseUrl: string | null;
  /**
   * Without a public base URL: the Hosts (`name` matching any port, or `name:port`) that may shape
   * identifiers and links. Any other Host gets them from `defaultOrigin`, and shares its cache entries.
   */
  allowedHosts: string[];
  /** The origin of identifiers for a Host not on the allow-list: `http://localhost:<PORT>`. */
  defaultOrigin: string;
  /** Hostile-client bounds: whole request (a body sent one byte a second is cut), headers, idle keep-alive, open sockets. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  /** CPU-bound analysis requests (extract, gap) being computed at once; more get 503 with Retry-After. */
  maxConcurrentAnalyses: number;
  /** Worker threads that compute analyses (one analysis each at a time), off the event loop. */
  analysisThreads: number;
  /** An analysis worker idle this long exits (its heap, SQLite handle and vocabulary go with it); 0: workers live as long as the server. */
  analysisIdleTimeoutMs: number;
  /** How long an analysis request's body may take to arrive once its headers have; then 408. */
  analysisBodyTimeoutMs: number;
  /** Open connections one peer address may hold (0: no cap); behind a proxy, the proxy's pool. */
  maxConnectionsPerAddress: number;
  /** A connection that has sent nothing by then is closed. */
  firstRequestTimeoutMs: number;
  /** Pipelined answers queued unsent on one connection, in count and in bytes; past either it is closed. */
  maxQueuedResponses: number;
  maxQueuedResponseBytes: number;
}

export const DEFAULT_HTTP_CONFIG: HttpConfig = {
  rateLimitMax: 600,
  cacheControl: 'public, max-age=300, stale-while-revalidate=86400',
  corsOrigins: '*',
  trustProxy: false,
  defaultLanguage: 'pl',
  publicBaseUrl: null,
  allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
  defaultOrigin: 'http://localhost:3000',
  requestTimeoutMs: 20_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 72_000,
  maxConnections: 2_000,
  // Admitted analyses wait their turn holding at most a 128 KiB body each; a small cap turned 50 clients
  // into a storm of refused bodies, re-sent at once, that cost the event loop more than the analyses.
  maxConcurrentAnalyses: 64,
  analysisThreads: availableParallelism(),
  // Each worker holds 40 MB (the document) to 45 MB (ESCO-sized) resident: a replica that only answers GETs gives them back.
  analysisIdleTimeoutMs: 60_000,
  // A 128 KiB body at a slow mobile 256 kbit/s takes 4 s.
  analysisBodyTimeoutMs: 5_000,
  // A browser opens 6 per host; a NAT or office address holds many browsers. 2,000 from one address was the attack.
  maxConnectionsPerAddress: 256,
  firstRequestTimeoutMs: 3_000,
  // Browsers do not pipeline; benchmarking tools go to a depth of 10–100, and a client may pipeline a few
  // hundred and read them later (the lane's tests: 150, ~2 MB). Queued hits share their body; the bytes bound
  // catches large answers, made per request, that nobody reads.
  maxQueuedResponses: 256,
  maxQueuedResponseBytes: 8 * 1024 * 1024,
};

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/rolegraph.db'),
  DOCUMENTS_DIR: z.string().min(1).default('seed/documents'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(600),
  CACHE_CONTROL: z.string().min(1).default(DEFAULT_HTTP_CONFIG.cacheControl),
  CORS_ORIGINS: z.string().min(1).default('*'),
  TRUST_PROXY: z.string().min(1).default('false'),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('pl'),
  PUBLIC_BASE_URL: z.string().refine(isOrigin, 'must be an http(s) origin, scheme://host[:port], without a path or query').optional(),
  ALLOWED_HOSTS: z
    .string()
    .default(DEFAULT_HTTP_CONFIG.allowedHosts.join(','))
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine((entry) => allowedHostEntry(entry) !== undefined, { error: (issue) => `"${issue.input}" is not host[:port] (a name, IPv4 or [IPv6], optional port)` }))),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(DEFAULT_HTTP_CONFIG.requestTimeoutMs),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(DEFAULT_HTTP_CONFIG.headersTimeoutMs),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(DEFAULT_HTTP_CONFIG.keepAliveTimeoutMs),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).default(DEFAULT_HTTP_CONFIG.maxConnections),
  MAX_CONCURRENT_ANALYSES: z.coerce.number().int().min(1).max(256).default(DEFAULT_HTTP_CONFIG.maxConcurrentAnalyses),
  ANALYSIS_THREADS: z.coerce.number().int().min(1).max(64).default(DEFAULT_HTTP_CONFIG.analysisThreads),
  ANALYSIS_IDLE_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(DEFAULT_HTTP_CONFIG.analysisIdleTimeoutMs),
  ANALYSIS_BODY_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(DEFAULT_HTTP_CONFIG.analysisBodyTimeoutMs),
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(DEFAULT_HTTP_CONFIG.maxConnectionsPerAddress),
  FIRST_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(DEFAULT_HTTP_CONFIG.firstRequestTimeoutMs),
  MAX_QUEUED_RESPONSES: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_HTTP_CONFIG.maxQueuedResponses),
  MAX_QUEUED_RESPONSE_BYTES: z.coerce.number().int().min(64 * 1024).default(DEFAULT_HTTP_CONFIG.maxQueuedResponseBytes),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  NODE_ENV: z.string().default('development'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REQUIRE_DATA_VERSION: z.string().regex(/^[0-9a-f]{6,64}$/, 'a data version as /meta names it (hex)').optional(),
});

/** Every environment variable the server reads (deployment manifests are checked against it). */
export const CONFIG_KEYS = Object.keys(configSchema.shape);

export interface Config {
  port: number;
  host: string;
  /** Absolute; a relative DATABASE_PATH is taken from the project root. */
  databasePath: string;
  /** Where the seed reads documents from; absolute. */
  documentsDir: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  http: HttpConfig;
  /** On SIGTERM: how long to keep serving (with readiness failing and Connection: close) before closing the port. */
  shutdownDrainMs: number;
  /** From SIGTERM: when requests still unanswered get a 503/408 problem and slow connections are cut (exit stays 0). */
  shutdownTimeoutMs: number;
  /** Human-readable logs: only for a developer at a terminal, never in production or when piped. */
  prettyLogs: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv, stdoutIsTty = false): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databasePath: fromRoot(c.DATABASE_PATH),
    documentsDir: fromRoot(c.DOCUMENTS_DIR),
    logLevel: c.LOG_LEVEL,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    prettyLogs: stdoutIsTty && c.NODE_ENV !== 'production',
    http: {
      rateLimitMax: c.RATE_LIMIT_MAX,
      cacheControl: c.CACHE_CONTROL,
      corsOrigins: c.CORS_ORIGINS.trim() === '*' ? '*' : c.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      trustProxy: parseTrustProxy(c.TRUST_PROXY),
      defaultLanguage: c.DEFAULT_LANGUAGE,
      redisUrl: c.REDIS_URL,
      requireDataVersion: c.REQUIRE_DATA_VERSION,
      publicBaseUrl: c.PUBLIC_BASE_URL ? new URL(c.PUBLIC_BASE_URL).origin : null,
      allowedHosts: c.ALLOWED_HOSTS,
      // PORT=0 (any free port) names no port the identifiers could carry.
      defaultOrigin: new URL(c.PORT === 0 ? 'http://localhost' : `http://localhost:${c.PORT}`).origin,
      requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
      headersTimeoutMs: c.HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: c.KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: c.MAX_CONNECTIONS,
      maxConcurrentAnalyses: c.MAX_CONCURRENT_ANALYSES,
      analysisThreads: c.ANALYSIS_THREADS,
      analysisIdleTimeoutMs: c.ANALYSIS_IDLE_TIMEOUT_MS,
      analysisBodyTimeoutMs: c.ANALYSIS_BODY_TIMEOUT_MS,
      maxConnectionsPerAddress: c.MAX_CONNECTIONS_PER_ADDRESS,
      firstRequestTimeoutMs: c.FIRST_REQUEST_TIMEOUT_MS,
      maxQueuedResponses: c.MAX_QUEUED_RESPONSES,
      maxQueuedResponseBytes: c.MAX_QUEUED_RESPONSE_BYTES,
    },
  };
}

function parseTrustProxy(value: string): HttpConfig['trustProxy'] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  } catch {
    return false;
  }
}

function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(PROJECT_ROOT, path);
}
