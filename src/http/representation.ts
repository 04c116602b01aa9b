import { brotliDecompressSync } from 'node:zlib';
import { brotliInBackground, compress, type Encoding } from './content-encoding.js';
import { headerLines, statusLine } from './prepared-head.js';

const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]*\+)?json|application\/javascript|text\/|image\/svg\+xml)/i;

export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType);
}

/** Textual and at least `threshold` bytes: smaller bodies gain less than the encoding costs. */
export function worthCompressing(length: number, contentType: string, threshold: number): boolean {
  return length >= threshold && isCompressible(contentType);
}

/** A strong ETag names one representation: each content coding of it gets its own. */
export function variantEtag(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

/** Headers the slow path writes per exchange, never stored with a representation. */
const EXCHANGE_HEADERS = new Set(['content-length', 'content-encoding', 'etag', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * One content coding of a stored representation, ready to write, built once: for a 200 and for a 304,
 * the status line and header fields as one validated string (`src/http/prepared-head.ts`) and as the
 * flat name/value list `writeHead` takes (for the responses a prepared head does not cover), and the body.
 */
export interface Variant {
  etag: string;
  ok: string[];
  notModified: string[];
  okHead: string;
  notModifiedHead: string;
  /**
   * Small bodies as a one-byte (latin1) string: Node writes a string body together with the head in one
   * chunk, while a Buffer body costs a second chunk per response. Large bodies stay a Buffer: a string is
   * copied into a new buffer on every write, a Buffer is written as is (a 267 KB body fell to ~400 req/s as a string).
   */
  body: string | Buffer;
  length: number;
}

/** Above this, copying the body per write costs more than the second chunk saves. */
const STRING_BODY_MAX_BYTES = 16 * 1024;

/**
 * From this size on, a compressible body is kept brotli-compressed only (~20× smaller: a 350 KB depth-2
 * neighbourhood on an ESCO-sized set is ~15 KB), compressed on libuv's thread pool after the miss is
 * answered; a client that does not accept br then gets it decompressed per hit (under a millisecond).
 * The cache's byte budget then holds many more large answers for the same memory.
 */
export const COMPRESSED_ONLY_MIN_BYTES = 128 * 1024;

/** A response computed once: its stored headers and bytes, and each content coding made on first need. */
export class Representation {
  private readonly variants: Partial<Record<Encoding, Variant>> = {};
  /** Names of the stored headers: on a hit they win over a per-request header of the same name (Vary). */
  readonly names: ReadonlySet<string>;
  /** Bytes held by the bodies (one byte per character). */
  bodyBytes = 0;
  /** Bytes held by the bodies and the prepared heads: what grows when a coding is made, for the cache's budget. */
  heldBytes = 0;

  constructor(
    readonly dataVersion: string,
    /** Lower-case names; what the slow path sent minus the per-exchange headers. */
    readonly headers: ReadonlyArray<readonly [string, string]>,
    readonly etag: string,
    identity: Buffer,
    readonly compressible: boolean,
    /** The route that computed it (`/technologies/:slug`): hits are measured under it. */
    readonly route = 'unmatched',
  ) {
    this.names = new Set(headers.map(([name]) => name));
    this.make('identity', identity);
    if (compressible && identity.length >= COMPRESSED_ONLY_MIN_BYTES) void this.keepCompressedOnly(identity);
  }

  /** Told how many bytes the bodies changed by when that happens outside a request (the cache keeps a total). */
  resized?: (delta: number) => void;

  private async keepCompressedOnly(identity: Buffer): Promise<void> {
    const compressed = await brotliInBackground(identity).catch(() => null);
    if (!compressed) return;
    const before = this.heldBytes;
    const br = this.variants.br ?? this.make('br', compressed);
    const brBody = this.bytesOf(br);
    const plain = this.variants.identity!;
    Object.defineProperty(plain, 'body', { get: () => brotliDecompressSync(brBody), enumerable: true });
    this.bodyBytes -= plain.length;
    this.heldBytes -= plain.length;
    this.resized?.(this.heldBytes - before);
  }

  /** The bytes of this coding: made (and counted) on first need; only the identity bytes are kept, as a string. */
  variant(encoding: Encoding): Variant {
    return this.variants[encoding] ?? this.make(encoding, compress(this.bytesOf(this.variants.identity!), encoding as Exclude<Encoding, 'identity'>));
  }

  private make(encoding: Encoding, bytes: Buffer): Variant {
    this.bodyBytes += bytes.length;
    this.heldBytes += bytes.length;
    const etag = variantEtag(this.etag, encoding);
    const ok: string[] = [];
    const notModified: string[] = [];
    for (const [name, value] of this.headers) {
      ok.push(name, value);
      // A 304 carries the 200's headers except those that describe its body (RFC 9110 §15.4.5).
      if (name !== 'content-type') notModified.push(name, value);
    }
    ok.push('etag', etag, 'content-length', String(bytes.length));
    if (encoding !== 'identity') ok.push('content-encoding', encoding);
    notModified.push('etag', etag);
    const okHead = statusLine(200) + headerLines(pairs(ok));
    const notModifiedHead = statusLine(304) + headerLines(pairs(notModified));
    this.heldBytes += okHead.length + notModifiedHead.length;
    const variant: Variant = { etag, ok, notModified, okHead, notModifiedHead, body: bytes.length <= STRING_BODY_MAX_BYTES ? bytes.toString('latin1') : bytes, length: bytes.length };
    this.variants[encoding] = variant;
    return variant;
  }

  /** The encoded copy, if made: the miss that stores a representation sends it too. */
  encoded(encoding: Exclude<Encoding, 'identity'>): Buffer {
    return this.bytesOf(this.variant(encoding));
  }

  private bytesOf(variant: Variant): Buffer {
    return typeof variant.body === 'string' ? Buffer.from(variant.body, 'latin1') : variant.body;
  }

  get bytes(): number {
    let size = this.heldBytes;
    for (const [name, value] of this.headers) size += name.length + value.length;
    return size;
  }
}

function pairs(flat: readonly string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) result.push([flat[i], flat[i + 1]]);
  return result;
}

/**
 * The headers of a response that belong to its representation: everything the slow path set except
 * what is written per exchange and what hooks before the cache set per request (`perRequest`: request
 * id, rate-limit counters, CORS) — unless a later step changed that value (Vary gets fields appended).
 */
export function storedHeaders(all: Record<string, unknown>, perRequest: Record<string, unknown>): [string, string][] {
  const headers: [string, string][] = [];
  for (const name of Object.keys(all)) {
    const value = all[name];
    if (value === undefined || EXCHANGE_HEADERS.has(name)) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const before = perRequest[name];
    if (before !== undefined && (Array.isArray(before) ? before.join(', ') : String(before)) === text) continue;
    headers.push([name, text]);
  }
  return headers;
}
