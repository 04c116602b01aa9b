import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { negotiateEncoding, type Encoding } from './content-encoding.js';
import { ifNoneMatchHits } from './etag.js';
import { exchangeFields, fitsPreparedHead, sendPrepared, type ExchangeFields } from './prepared-head.js';
import type { Representation } from './representation.js';

/**
 * Writes a stored representation as the answer to a GET or HEAD: the coding the client accepts, a 304
 * when its If-None-Match holds the variant's validator, and the exchange's own fields (request id,
 * rate-limit counters, CORS) after the stored ones — a stored field of the same name wins (Vary). Both
 * ways a hit is served use it: before routing (`src/plugins/fast-lane.ts`) and from the cache's hook
 * (`src/plugins/response-cache.ts`).
 */
export function answerFromCache(res: ServerResponse, method: string, headers: IncomingHttpHeaders, stored: Representation, exchange: ExchangeFields): void {
  const variant = stored.variant(stored.compressible ? encodingOf(headers['accept-encoding']) : 'identity');
  const condition = headers['if-none-match'];
  const notModified = condition !== undefined && ifNoneMatchHits(condition, variant.etag);
  const head = method === 'HEAD';
  const { flat, lines } = storedFieldsWin(exchange, stored.names);
  if (lines !== undefined && fitsPreparedHead(res)) {
    // A HEAD 304 states the 200's length, as the slow path's HEAD handling does.
    if (notModified) sendPrepared(res, 304, lines, head ? variant.headNotModifiedFields : variant.notModifiedFields);
    else if (head) sendPrepared(res, 200, lines, variant.okFields.toString('latin1'));
    else if (variant.okBlock !== undefined) sendPrepared(res, 200, lines, variant.okBlock);
    else sendPrepared(res, 200, lines, variant.okFields, variant.body);
    return;
  }
  const prepared = notModified ? (head ? variant.notModified.concat('content-length', String(variant.length)) : variant.notModified) : variant.ok;
  res.writeHead(notModified ? 304 : 200, flat.length > 0 ? prepared.concat(flat) : prepared);
  if (notModified || head) res.end();
  else res.end(variant.body);
}

/** The exchange's fields without those the representation stores itself. */
function storedFieldsWin(exchange: ExchangeFields, storedNames: ReadonlySet<string>): ExchangeFields {
  const flat = exchange.flat;
  let kept: string[] | undefined;
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i];
    if (storedNames.has(name)) {
      kept ??= flat.slice(0, i);
      continue;
    }
    kept?.push(name, flat[i + 1]);
  }
  return kept === undefined ? exchange : exchangeFields(kept);
}

/** Negotiated codings by Accept-Encoding value: clients send a handful of distinct values, each parsed once. */
const encodings = new Map<string, Encoding>();
const MAX_REMEMBERED_ENCODINGS = 64;
const MAX_REMEMBERED_LENGTH = 256;

export function encodingOf(acceptEncoding: string | undefined): Encoding {
  if (acceptEncoding === undefined) return 'identity';
  let encoding = encodings.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = negotiateEncoding(acceptEncoding);
    if (encodings.size < MAX_REMEMBERED_ENCODINGS && acceptEncoding.length <= MAX_REMEMBERED_LENGTH) encodings.set(acceptEncoding, encoding);
  }
  return encoding;
}
