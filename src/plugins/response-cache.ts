import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DataSource } from '../data/data-source.js';
import { compress, negotiateEncoding, type Encoding } from '../http/content-encoding.js';
import { ifNoneMatchHits, strongEtag } from '../http/etag.js';
import { isCompressible, variantEtag } from '../http/representation.js';

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
const isVolatile = (name: string) => VOLATILE.has(name) || name.startsWith('ratelimit-') || name.startsWith('access-control-');

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
      if (old) bytes -= old.body.length;
      cache.delete(key);
    };
    data.on('swap', () => {
      cache.clear();
      bytes = 0;
    });

    app.addHook('onRequest', async (request, reply) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || request.routeOptions.config.cache === false) return;
      // Host and protocol are part of the key: JSON-LD identifiers are absolute URLs built from them.
      const key = `${request.protocol}://${request.headers.host ?? ''}${request.url}\n${request.lang}\n${request.headers.accept ?? ''}`;
      const entry = cache.get(key);
      const dataVersion = data.current.dataVersion;
      if (!entry || entry.dataVersion !== dataVersion) {
        request.cacheKey = key;
        request.dataVersion = dataVersion;
        onMiss();
        return;
      }
      serveFromCache(request, reply, entry);
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
      if (request.cacheKey && dataVersion === data.current.dataVersion && body.length <= maxEntryBytes) {
        remove(request.cacheKey);
        // Oldest first, until the new entry fits both budgets.
        for (const key of cache.keys()) {
          if (cache.size < maxEntries && bytes + body.length <= maxBytes) break;
          remove(key);
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined && !isVolatile(name)) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        const contentType = headers['content-type'] ?? '';
        cache.set(request.cacheKey, { dataVersion, headers, etag, body, encoded: {}, compressible: body.length >= compressionThreshold && isCompressible(contentType) });
        bytes += body.length;
      }
      const ifNoneMatch = request.headers['if-none-match'];
      const negotiated = variantEtag(etag, negotiateEncoding(request.headers['accept-encoding']));
      if (ifNoneMatchHits(ifNoneMatch, etag) || ifNoneMatchHits(ifNoneMatch, negotiated)) {
        reply.code(304);
        // null, not '': fastify then sends no Content-Length, which on a 304 must be the 200's or absent (RFC 9110 §8.6).
        // HEAD keeps the payload: fastify's HEAD handler needs it, turns it into the 200's length and sends no body.
        return request.method === 'HEAD' ? payload : null;
      }
      return payload;
    });
  },
  { name: 'response-cache', dependencies: ['language'] },
);

function serveFromCache(request: FastifyRequest, reply: FastifyReply, entry: CacheEntry): void {
  const encoding = entry.compressible ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
  const etag = variantEtag(entry.etag, encoding);
  const perRequest = reply.getHeaders() as Record<string, string>;
  reply.hijack();
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
    reply.raw.writeHead(304, { 'cache-control': entry.headers['cache-control'], vary: entry.headers.vary, ...perRequest, etag });
    reply.raw.end();
    return;
  }
  const body = encoding === 'identity' ? entry.body : (entry.encoded[encoding] ??= compress(entry.body, encoding));
  const headers: Record<string, string | number> = { ...entry.headers, ...perRequest, etag, 'content-length': body.length };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  reply.raw.writeHead(200, headers);
  reply.raw.end(request.method === 'HEAD' ? undefined : body);
}
