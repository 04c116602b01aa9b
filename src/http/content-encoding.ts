import { brotliCompress, brotliCompressSync, constants, gzipSync, type BrotliOptions } from 'node:zlib';
import { qualityOf } from '../lib/accept.js';

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts, preferring br, then gzip; identity unless refused. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    q.set(name.trim(), qualityOf(params) ?? 1);
  }
  const star = q.get('*');
  const weight = (name: string) => q.get(name) ?? star ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/**
 * Cached bodies are compressed once per data version, so they get the best ratio; a body computed
 * for one request only (POST, or too large to cache) gets a fast level on the event loop.
 */
export function compress(body: Buffer, encoding: Exclude<Encoding, 'identity'>, effort: 'once' | 'per-request' = 'once'): Buffer {
  const best = effort === 'once' && body.length <= BEST_QUALITY_MAX_BYTES;
  return encoding === 'br' ? brotliCompressSync(body, brotliOptions(body, effort)) : gzipSync(body, { level: best ? 9 : 5 });
}

/** compress(body, 'br', 'once') on libuv's thread pool: the same bytes, none of the event loop's time. */
export function brotliInBackground(body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => brotliCompress(body, brotliOptions(body, 'once'), (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

function brotliOptions(body: Buffer, effort: 'once' | 'per-request'): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'once' ? onceQuality(body.length) : 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_LGWIN]: windowBits(body.length),
    },
  };
}

/**
 * The smallest window that still spans the whole body, so the output is as small as with brotli's
 * default (22 bits, 4 MB) while the encoder's ring buffer and hash tables shrink with it: eight
 * concurrent encoders of a 305 KB body at quality 5 peaked at 90.6 MB of malloc with the default and
 * 30.6 MB with 19 bits (heaptrack), the same 9,197 bytes out. A brotli window holds 2^bits - 16 bytes.
 */
function windowBits(length: number): number {
  let bits = constants.BROTLI_MIN_WINDOW_BITS;
  while (bits < constants.BROTLI_DEFAULT_WINDOW && (1 << bits) - 16 < length) bits++;
  return bits;
}

/**
 * Even once, brotli's quality 9 is too slow on the event loop for large bodies: a 267 KB neighbourhood
 * took 20.6 ms at 9 and 5.8 ms at 5 (12.6 vs 14.0 KB). The level depends on the body alone, so a
 * representation's encoded bytes (and so its strong ETag) are the same on every replica running the same
 * release and on every miss. (During a rollout that changes a level, old and new replicas send different
 * bytes under one ETag: harmless, as no answer is ranged.)
 */
const BEST_QUALITY_MAX_BYTES = 64 * 1024;

/**
 * From here on a body is a depth-2 neighbourhood or larger, compressed on every miss (in the background
 * when kept compressed-only, on the event loop for a client that accepts br), and its encoding competes
 * with the next misses for the 2 cores. A 332 KB ESCO-sized neighbourhood, Node 24: quality 5 takes
 * 7.9 ms for 17.6 KB, quality 3 3.3 ms for 21.8 KB. Measured over 100 distinct neighbourhoods on fresh
 * servers (curl, 3 interleaved runs each): p50 11.9–14.0 → 8.3–10.8 ms, p99 30.7–46.0 → 26.6–34.8 ms.
 */
export const FAST_QUALITY_MIN_BYTES = 128 * 1024;

function onceQuality(length: number): number {
  if (length <= BEST_QUALITY_MAX_BYTES) return 9;
  return length < FAST_QUALITY_MIN_BYTES ? 5 : 3;
}
