import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DataSource } from '../data/data-source.js';
import { compress, negotiateEncoding, type Encoding } from '../http/content-encoding.js';
import { ifNoneMatchHits, strongEtag } from '../http/etag.js';
import { variantEtag, worthCompressing } from '../http/representation.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: never cache this route's responses (operations endpoints, anything per-request). */
    cache?: boolean;
  }
  interface FastifyRequest {
    cacheKey?: string;
    /** The data version current when the request arrived: a response is cached only under the version it was computed from. */
    dataVersion?: string;
  }
}

interface CacheEntry {
  dataVersion: string;
  headers: Record<string, string>;
  etag: string;
  body: Buffer;
  encoded: Partial<Record<Exclude<Encoding, 'identity'>, Buffer>>;
  compressible: boolean;
}

export interface ResponseCacheOptions {
  data: DataSource;
  cacheControl: string;
  compressionThreshold: number;
  maxEntries?: number;
  maxEntryBytes?: number;
  /** All cached bodies together (identity bytes): URLs, languages and Host values are unbounded, memory is not. */
  maxBytes?: number;
  /** Counts for the metrics: a response served from the cache, or one that had to be computed. */
  onHit: () => void;
  onMiss: () => void;
}

/** Headers that belong to one exchange, not to the representation. */
const VOLATILE = new Set(['content-length', 'date', 'connection', 'keep-alive', 'x-request-id', 'transfer-encoding', 'content-encoding', 'retry-after']);
const isVolatile = (name: string) => VOLATILE.has(name) || name.startsWith('ratelimit-') || name.startsWith('access-control-') || name === 'timing-allow-origin';

/**
 * The data only changes when the seed runs, so a GET response is computed (and validated by its zod
 * schema) once per data version: the bytes are kept per URL, language and Accept, with a strong ETag
 * and the header set computed once, and later requests are answered from them without serializing.
 */
export default fp<ResponseCacheOptions>(
  async (app, options) => {
    const { data, cacheControl, compressionThreshold, onHit, onMiss } = options;
    const maxEntries = options.maxEntries ?? 5000;
    const maxEntryBytes = options.maxEntryBytes ?? 8 * 1024 * 1024;
    const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    const cache = new Map<string, CacheEntry>();
    let bytes = 0;
    const remove = (key: string) => {
      const old = cache.get(key);
      if (old) bytes -= sizeOf(key, old);
      cache.delete(key);
    };
    const clear = () => {
      cache.clear();
      bytes = 0;
    };
    data.on('swap', clear);
    app.addHook('onClose', (_instance, done) => {
      data.off('swap', clear);
      done();
    });

    app.addHook('onRequest', (request, reply, done) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || request.routeOptions.config.cache === false) return done();
      const accept = request.headers.accept ?? '';
      // An outlandish Accept is answered but not remembered: keys must not let clients fill memory.
      if (accept.length > MAX_ACCEPT_IN_KEY) return done();
      // Host (as the app sees it, proxies included) and protocol are part of the key: JSON-LD identifiers are absolute URLs built from them.
      const key = `${request.protocol}://${request.host}${request.url}\n${request.lang}\n${accept}`;
      const entry = cache.get(key);
      const dataVersion = data.current.dataVersion;
      if (!entry || entry.dataVersion !== dataVersion) {
        request.cacheKey = key;
        request.dataVersion = dataVersion;
        return done();
      }
      // Answered here: the remaining hooks and the handler never run (done is not called).
      serveFromCache(request, reply, entry, (added) => (bytes += added));
      onHit();
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || request.routeOptions.config.cache === false) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      const dataVersion = request.dataVersion ?? data.current.dataVersion;
      const etag = strongEtag(dataVersion, body);
      reply.header('etag', etag);
      reply.header('cache-control', cacheControl);
      const compressible = worthCompressing(body.length, String(reply.getHeader('content-type') ?? ''), compressionThreshold);
      const encoding = compressible ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
      let stored: CacheEntry | undefined;
      if (request.cacheKey && dataVersion === data.current.dataVersion && body.length <= maxEntryBytes) {
        const key = request.cacheKey;
        remove(key);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined && !isVolatile(name)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        const entry: CacheEntry = { dataVersion, headers, etag, body, encoded: {}, compressible };
        // Oldest first, until the new entry fits both budgets.
        for (const old of cache.keys()) {
          if (cache.size < maxEntries && bytes + sizeOf(key, entry) <= maxBytes) break;
          remove(old);
        }
        cache.set(key, entry);
        bytes += sizeOf(key, entry);
        stored = entry;
        onMiss();
      }
      // The validator of the representation this client gets: the one a hit would send, so misses and hits agree.
      const selected = variantEtag(etag, encoding);
      if (ifNoneMatchHits(request.headers['if-none-match'], selected)) {
        reply.code(304).header('etag', selected).removeHeader('content-type');
        // null, not '': fastify then sends no Content-Length, which on a 304 must be the 200's or absent (RFC 9110 §8.6).
        // HEAD keeps the payload: fastify's HEAD handler needs it, turns it into the 200's length and sends no body.
        return request.method === 'HEAD' ? payload : null;
      }
      if (!stored || encoding === 'identity') return payload;
      // A stored response is encoded the way a hit would encode it, and the copy kept for the hits that follow.
      reply.header('etag', selected).header('content-encoding', encoding);
      return encodedBody(stored, encoding, (added) => (bytes += added));
    });
  },
  { name: 'response-cache', dependencies: ['language'] },
);

const MAX_ACCEPT_IN_KEY = 256;

/** What an entry costs: its key, its bodies (encoded copies included) and its stored headers. */
function sizeOf(key: string, entry: CacheEntry): number {
  let size = key.length + entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0);
  for (const [name, value] of Object.entries(entry.headers)) size += name.length + value.length;
  return size;
}

/** The entry's copy in this coding, made on first need and counted against the cache's budget. */
function encodedBody(entry: CacheEntry, encoding: Exclude<Encoding, 'identity'>, grew: (bytes: number) => void): Buffer {
  let body = entry.encoded[encoding];
  if (!body) {
    body = entry.encoded[encoding] = compress(entry.body, encoding);
    grew(body.length);
  }
  return body;
}

function serveFromCache(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry, grew: (bytes: number) => void): void {
  const encoding = entry.compressible ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
  const etag = variantEtag(entry.etag, encoding);
  const perRequest = reply.getHeaders() as Record<string, string>;
  reply.hijack();
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
    reply.raw.writeHead(304, { 'cache-control': entry.headers['cache-control'], vary: entry.headers.vary, ...perRequest, etag });
    reply.raw.end();
    return;
  }
  const body = encoding === 'identity' ? entry.body : encodedBody(entry, encoding, grew);
  const headers: Record<string, string | number> = { ...entry.headers, ...perRequest, etag, 'content-length': body.length };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  reply.raw.writeHead(200, headers);
  reply.raw.end(request.method === 'HEAD' ? undefined : body);
}
