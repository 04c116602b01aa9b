import { brotliDecompressSync } from 'node:zlib';
import { brotliInBackground, compress, FAST_QUALITY_MIN_BYTES, type Encoding } from './content-encoding.js';

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
 * One content coding of a stored representation, ready to write, built once: the flat name/value lists
 * `writeHead` takes for a 200, a 304 and a HEAD's 304 (which states the 200's length), and the body.
 */
export interface Variant {
  etag: string;
  ok: string[];
  notModified: string[];
  headNotModified: string[];
  body: Buffer;
  /**
   * The same bytes as text, for small identity bodies: `res.end(text)` sends the head and the body in one
   * write of one string, where a Buffer body goes out as a two-part writev. (Measured with Node 24.21 and
   * wrk on these machines: about 10 % less CPU per small answer.)
   */
  text?: string;
  length: number;
}

/**
 * Identity bodies up to this size are also kept as text (see `Variant.text`). Node writes a string from a
 * 16 KB stack buffer when its UTF-8 estimate (3 bytes a character, the head's ~0.8 KB included) fits; a
 * longer one is copied through the heap, and a Buffer's writev was then faster: with text up to 16 KB the
 * 13.5 KB responsibilities went from 1.29× to 0.92× the ceiling (wrk, Node 24.21), while 0.4–7 KB bodies
 * gained (suggest 0.56× → 0.79×).
 */
const TEXT_BODY_MAX_BYTES = 4 * 1024;

/**
 * From this size on, a compressible body is kept brotli-compressed only (~20× smaller: a 350 KB depth-2
 * neighbourhood on an ESCO-sized set is ~15 KB), compressed on libuv's thread pool after the miss is
 * answered; a client that does not accept br then gets it decompressed per hit (under a millisecond).
 * The cache's byte budget then holds many more large answers for the same memory. The same size from which
 * brotli's fast level is used: these are the bodies compressed on every miss.
 */
export const COMPRESSED_ONLY_MIN_BYTES = FAST_QUALITY_MIN_BYTES;

/** A response computed once: its stored headers and bytes, and each content coding made on first need. */
export class Representation {
  private readonly variants: Partial<Record<Encoding, Variant>> = {};
  /** Names of the stored headers: on a hit they win over a per-request header of the same name (Vary). */
  readonly names: ReadonlySet<string>;
  /** Bytes held by the bodies. */
  bodyBytes = 0;
  /** Bytes held by the bodies and the prepared heads: what grows when a coding is made, for the cache's budget. */
  heldBytes = 0;

  constructor(
    readonly dataVersion: string,
    /** Lower-case names; what the slow path sent minus the per-exchange headers. */
    readonly headers: ReadonlyArray<readonly [string, string]>,
    readonly etag: string,
    /** The body: a string is written straight into the stored body as UTF-8 (a serialized JSON body needs no Buffer of its own). */
    identity: Buffer | string,
    readonly compressible: boolean,
    /** The route that computed it (`/technologies/:slug`): hits are measured under it. */
    readonly route = 'unmatched',
  ) {
    this.names = new Set(headers.map(([name]) => name));
    const plain = this.make('identity', identity);
    if (compressible && plain.length >= COMPRESSED_ONLY_MIN_BYTES) void this.keepCompressedOnly(plain.body);
  }

  /** Told how many bytes it holds more or less whenever that changes after construction: a coding made on first need, or the identity body dropped (the cache keeps a total). */
  resized?: (delta: number) => void;

  private grow(delta: number): void {
    this.heldBytes += delta;
    this.resized?.(delta);
  }

  private async keepCompressedOnly(identity: Buffer): Promise<void> {
    const compressed = await brotliInBackground(identity).catch(() => null);
    if (!compressed) return;
    const br = this.variants.br ?? this.make('br', compressed);
    const brBody = br.body;
    const plain = this.variants.identity!;
    // One decompressed copy at a time, shared by every hit while any of them still holds it: a hundred
    // pipelined hits whose answers nobody reads hold one body, not a hundred (issue 22 H1).
    let shared: WeakRef<Buffer> | undefined;
    const body = () => {
      const held = shared?.deref();
      if (held) return held;
      const fresh = brotliDecompressSync(brBody);
      shared = new WeakRef(fresh);
      return fresh;
    };
    Object.defineProperty(plain, 'body', { get: body, enumerable: true });
    this.bodyBytes -= plain.length;
    this.grow(-plain.length);
  }

  /** The bytes of this coding: made (and counted) on first need. */
  variant(encoding: Encoding): Variant {
    return this.variants[encoding] ?? this.make(encoding, compress(this.variants.identity!.body, encoding as Exclude<Encoding, 'identity'>));
  }

  private make(encoding: Encoding, bytes: Buffer | string): Variant {
    const length = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    this.bodyBytes += length;
    const etag = variantEtag(this.etag, encoding);
    const ok: string[] = [];
    const notModified: string[] = [];
    for (const [name, value] of this.headers) {
      ok.push(name, value);
      // A 304 carries the 200's headers except those that describe its body (RFC 9110 §15.4.5).
      if (name !== 'content-type') notModified.push(name, value);
    }
    ok.push('etag', etag, 'content-length', String(length));
    if (encoding !== 'identity') ok.push('content-encoding', encoding);
    notModified.push('etag', etag);
    const headNotModified = notModified.concat('content-length', String(length));
    // Not from Node's shared 8 KB pool: a small body cut from it would keep the whole slab alive as long as it is cached.
    const body = Buffer.allocUnsafeSlow(length);
    if (typeof bytes === 'string') body.write(bytes, 0, 'utf8');
    else bytes.copy(body);
    this.grow(length + fieldBytes(ok) + fieldBytes(notModified) + fieldBytes(headNotModified));
    const variant: Variant = { etag, ok, notModified, headNotModified, body, length };
    if (encoding === 'identity' && typeof bytes === 'string' && length <= TEXT_BODY_MAX_BYTES) {
      variant.text = bytes;
      this.grow(length);
    }
    this.variants[encoding] = variant;
    return variant;
  }

  /** The encoded copy, if made: the miss that stores a representation sends it too. */
  encoded(encoding: Exclude<Encoding, 'identity'>): Buffer {
    return this.variant(encoding).body;
  }

  get bytes(): number {
    let size = this.heldBytes;
    for (const [name, value] of this.headers) size += name.length + value.length;
    return size;
  }
}

/** What a list of header fields holds, as the cache's budget counts it. */
function fieldBytes(fields: readonly string[]): number {
  let size = 0;
  for (const field of fields) size += field.length;
  return size;
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
