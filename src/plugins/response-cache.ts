import fp from 'fastify-plugin';
import type { DataSource } from '../data/data-source.js';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { answerFromCache, encodingOf } from '../http/cached-answer.js';
import { compress } from '../http/content-encoding.js';
import { ifNoneMatchHits, strongEtag } from '../http/etag.js';
import { type Lang, SOURCE_LANGUAGE } from '../lib/language.js';
import { negotiatedKey } from '../http/negotiated-key.js';
import { Representation, storedHeaders, variantEtag, worthCompressing } from '../http/representation.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The stored representations: how many, how many bytes, and a way to drop them (tests compare the paths). */
    responseCache: ResponseCache;
  }
  interface FastifyContextConfig {
    /** false: never cache this route's responses (operations endpoints, anything per-request). */
    cache?: boolean;
  }
  interface FastifyRequest {
    cacheKey?: string;
    /** The data version current when the request arrived: a response is cached only under the version it was computed from. */
    dataVersion?: string;
    /** What hooks before the cache had set on a miss: per-request headers, never stored with the response. */
    perRequestHeaders?: Record<string, unknown>;
  }
}

export interface ResponseCache {
  readonly entries: number;
  readonly bytes: number;
  clear(): void;
  /** Whether keys hold the request's origin (from protocol and Host): false when a public base URL is configured. */
  readonly keyByHost: boolean;
  /**
   * The current representation stored for a GET/HEAD, if any. `origin` is `protocol://host` as Fastify
   * reads them (ignored unless `keyByHost`); it is keyed as the origin identifiers are built from.
   */
  find(origin: string, url: string, headers: IncomingHttpHeaders): Representation | undefined;
  /**
   * Answers with a representation `find` returned (a hit), adding the exchange's own fields: `shared`, a
   * list reused for many requests (the lane's CORS fields for an origin), and `perRequest` (see `answerFromCache`).
   */
  serve(res: ServerResponse, method: string, headers: IncomingHttpHeaders, stored: Representation, shared: readonly string[], perRequest: readonly string[]): void;
}

/** No shared exchange fields: the routed path's per-request fields come from `reply.getHeaders()` as one list. */
const NO_FIELDS: readonly string[] = [];

export interface ResponseCacheOptions {
  data: DataSource;
  cacheControl: string;
  compressionThreshold: number;
  /**
   * The origin identifiers in a body are built from, for a request's protocol and Host: keys hold it, so
   * each allowed host gets its own entries and every other Host shares the default origin's. Absent when
   * they come from a configured public origin: the Host then cannot change a representation and is left out.
   */
  originOf?: (protocol: string, host: string | undefined) => string;
  maxEntries?: number;
  maxEntryBytes?: number;
  /** All cached bodies together: URLs, header values and Host values are unbounded, memory is not. */
  maxBytes?: number;
  /** The language of a client that asks for none we have: keys hold the negotiated language. */
  defaultLanguage?: Lang;
  /** Entries one URL may have (by media type and language); more are answered but not stored. */
  maxVariantsPerUrl?: number;
  /** Counts for the metrics: a response served from the cache, or one that had to be computed. */
  onHit: () => void;
  onMiss: () => void;
}

/** Longer Accept / Accept-Language values are answered but not remembered: parsing them per request costs more than it saves. */
const MAX_HEADER_IN_KEY = 4096;

/**
 * The data only changes when the seed runs, so a GET response is computed (and validated by its zod
 * schema) once per data version. The fast path: a hit is one Map lookup on the URL and the raw request
 * headers the representation can depend on, and one write of a header list and body prepared when the
 * response was stored. Only headers set by hooks registered before this one (request id, rate-limit
 * counters, CORS) are added per request, so those hooks still run and count cached answers.
 */
export default fp<ResponseCacheOptions>(
  async (app, options) => {
    const { data, cacheControl, compressionThreshold, onHit, onMiss } = options;
    const originOf = options.originOf;
    const keyByHost = originOf !== undefined;
    const maxEntries = options.maxEntries ?? 5000;
    const maxEntryBytes = options.maxEntryBytes ?? 8 * 1024 * 1024;
    const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    const maxVariantsPerUrl = options.maxVariantsPerUrl ?? 16;
    const cache = new Map<string, Representation>();
    /** Entries per origin and URL (the key up to its first newline). */
    const variants = new Map<string, number>();
    const baseOf = (key: string) => key.slice(0, key.indexOf('\n'));
    let bytes = 0;
    const remove = (key: string) => {
      const old = cache.get(key);
      if (!old) return;
      bytes -= key.length + old.bytes;
      cache.delete(key);
      const base = baseOf(key);
      const left = (variants.get(base) ?? 1) - 1;
      if (left > 0) variants.set(base, left);
      else variants.delete(base);
    };
    const clear = () => {
      cache.clear();
      variants.clear();
      bytes = 0;
    };
    data.on('swap', clear);
    /** The key of a request whose answer may be stored: origin (unless host-independent), URL, then the negotiated media weights and language. */
    const keyOf = (origin: string, url: string, headers: IncomingHttpHeaders): string | undefined => {
      const accept = headers.accept;
      const language = headers['accept-language'];
      if ((accept?.length ?? 0) > MAX_HEADER_IN_KEY || (language?.length ?? 0) > MAX_HEADER_IN_KEY) return undefined;
      return `${origin}${url}\n${negotiatedKey(accept, language, options.defaultLanguage ?? SOURCE_LANGUAGE)}`;
    };
    const find = (key: string): Representation | undefined => {
      const stored = cache.get(key);
      return stored === undefined || stored.dataVersion !== data.current.dataVersion ? undefined : stored;
    };
    // A coding made for the first time on a hit adds its bytes through the entry's `resized`.
    const serve = (res: ServerResponse, method: string, headers: IncomingHttpHeaders, stored: Representation, shared: readonly string[], perRequest: readonly string[]): void => {
      onHit();
      answerFromCache(res, method, headers, stored, shared, perRequest);
    };
    app.decorate('responseCache', {
      get entries() {
        return cache.size;
      },
      get bytes() {
        return bytes;
      },
      clear,
      keyByHost,
      find(origin, url, headers) {
        const at = origin.indexOf('://');
        const key = keyOf(originOf === undefined ? '' : originOf(origin.slice(0, at), origin.slice(at + 3)), url, headers);
        return key === undefined ? undefined : find(key);
      },
      serve,
    } satisfies ResponseCache);
    app.addHook('onClose', (_instance, done) => {
      data.off('swap', clear);
      done();
    });

    app.addHook('onRequest', function answerFromStoredRepresentation(request, reply, done) {
      const method = request.method;
      if (method !== 'GET' && method !== 'HEAD') return done();
      const key = keyOf(originOf === undefined ? '' : originOf(request.protocol, request.host), request.url, request.headers);
      if (key === undefined) return done();
      const stored = find(key);
      if (stored === undefined) {
        request.cacheKey = key;
        request.dataVersion = data.current.dataVersion;
        request.perRequestHeaders = reply.getHeaders();
        return done();
      }
      // Answered here: the remaining hooks and the handler never run (done is not called).
      const perRequest: string[] = [];
      const set = reply.getHeaders();
      for (const name in set) {
        const value = set[name];
        if (value !== undefined) perRequest.push(name, typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value));
      }
      reply.hijack();
      serve(reply.raw, method, request.headers, stored, NO_FIELDS, perRequest);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200 || request.routeOptions.config.cache === false) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      // A serialized body stays a string until it is written into the stored block: no Buffer of its own per
      // miss left for the garbage collector (on the ESCO-sized set a 281 KB neighbourhood; `Buffer.from` was
      // 12 % of the miss's CPU), and the miss sends the stored bytes instead of encoding the string again.
      // Hashing the string for the ETag still encodes it into a scratch buffer, freed at once.
      const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
      const dataVersion = request.dataVersion ?? data.current.dataVersion;
      const etag = strongEtag(dataVersion, payload);
      reply.header('etag', etag);
      reply.header('cache-control', cacheControl);
      const compressible = worthCompressing(length, String(reply.getHeader('content-type') ?? ''), compressionThreshold);
      const encoding = compressible ? encodingOf(request.headers['accept-encoding']) : 'identity';
      let stored: Representation | undefined;
      const key = request.cacheKey;
      const fresh = key !== undefined && !cache.has(key);
      if (key && dataVersion === data.current.dataVersion && length <= maxEntryBytes && !(fresh && (variants.get(baseOf(key)) ?? 0) >= maxVariantsPerUrl)) {
        remove(key);
        stored = new Representation(dataVersion, storedHeaders(reply.getHeaders(), request.perRequestHeaders ?? {}), etag, payload, compressible, request.routeOptions.url);
        // Oldest first, until the new entry fits both budgets.
        for (const old of cache.keys()) {
          if (cache.size < maxEntries && bytes + key.length + stored.bytes <= maxBytes) break;
          remove(old);
        }
        cache.set(key, stored);
        variants.set(baseOf(key), (variants.get(baseOf(key)) ?? 0) + 1);
        bytes += key.length + stored.bytes;
        const entry = stored;
        entry.resized = (delta) => {
          if (cache.get(key) === entry) bytes += delta;
        };
        onMiss();
      }
      // The stored bytes, once made, are what this miss sends too: the string is not encoded a second time on the way out.
      const identity = stored ? stored.variant('identity').body : payload;
      // The validator of the representation this client gets: the one a hit would send, so misses and hits agree.
      const selected = variantEtag(etag, encoding);
      if (ifNoneMatchHits(request.headers['if-none-match'], selected)) {
        reply.code(304).header('etag', selected).removeHeader('content-type');
        // null, not '': fastify then sends no Content-Length, which on a 304 must be the 200's or absent (RFC 9110 §8.6).
        // HEAD keeps a payload (fastify's HEAD handler needs one and states its length): the selected variant's, so the length is that 200's.
        if (request.method !== 'HEAD') return null;
        if (encoding === 'identity') return identity;
        return stored ? stored.encoded(encoding) : compress(typeof payload === 'string' ? Buffer.from(payload) : payload, encoding, 'per-request');
      }
      if (!stored || encoding === 'identity') return identity;
      // A stored response is encoded the way a hit would encode it, and the copy kept for the hits that follow.
      const encoded = stored.encoded(encoding);
      reply.header('etag', selected).header('content-encoding', encoding);
      return encoded;
    });
  },
  { name: 'response-cache' },
);

