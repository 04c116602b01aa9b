import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { negotiateEncoding, type Encoding } from './content-encoding.js';
import { ifNoneMatchHits } from './etag.js';
import type { Representation } from './representation.js';

/**
 * Writes a stored representation as the answer to a GET or HEAD: the coding the client accepts, a 304
 * when its If-None-Match holds the variant's validator, and the exchange's own fields after the stored
 * ones — a stored field of the same name wins (Vary). The exchange's fields come in two lists: `shared`,
 * one list object per kind of client (the CORS fields of an origin), joined to the stored fields once per
 * pair and reused; and `perRequest` (request id, rate-limit counters), added per answer. Both ways a hit
 * is served use it: before routing (`src/plugins/fast-lane.ts`) and from the cache's hook
 * (`src/plugins/response-cache.ts`).
 *
 * Public APIs only: `writeHead` with a flat `[name, value, …]` list (Node then skips its header-object
 * handling and only validates each field) and `end(body)`, which Node sends with the head in one write.
 */
export function answerFromCache(res: ServerResponse, method: string, headers: IncomingHttpHeaders, stored: Representation, shared: readonly string[], perRequest: readonly string[]): void {
  const variant = stored.variant(stored.compressible ? encodingOf(headers['accept-encoding']) : 'identity');
  const condition = headers['if-none-match'];
  const notModified = condition !== undefined && ifNoneMatchHits(condition, variant.etag);
  const head = method === 'HEAD';
  // A HEAD 304 states the 200's length, as the routed path's HEAD handling does.
  const fields = withShared(notModified ? (head ? variant.headNotModified : variant.notModified) : variant.ok, shared, stored.names);
  const own = storedFieldsWin(perRequest, stored.names);
  res.writeHead(notModified ? 304 : 200, own.length > 0 ? fields.concat(own) : fields);
  if (notModified || head) res.end();
  else res.end(variant.text ?? variant.body);
}

/**
 * Stored fields followed by shared exchange fields, joined once per pair of lists (by identity) and kept
 * as long as both are: the spread, filter and concat this replaces were about 1 KB of garbage per answer.
 */
const joined = new WeakMap<string[], WeakMap<readonly string[], string[]>>();

function withShared(fields: string[], shared: readonly string[], storedNames: ReadonlySet<string>): string[] {
  if (shared.length === 0) return fields;
  let byShared = joined.get(fields);
  if (byShared === undefined) {
    byShared = new WeakMap();
    joined.set(fields, byShared);
  }
  let list = byShared.get(shared);
  if (list === undefined) {
    list = fields.concat(storedFieldsWin(shared, storedNames));
    byShared.set(shared, list);
  }
  return list;
}

/** The exchange's fields without those the representation stores itself. */
function storedFieldsWin(exchange: readonly string[], storedNames: ReadonlySet<string>): readonly string[] {
  let kept: string[] | undefined;
  for (let i = 0; i < exchange.length; i += 2) {
    const name = exchange[i];
    if (storedNames.has(name)) {
      kept ??= exchange.slice(0, i);
      continue;
    }
    kept?.push(name, exchange[i + 1]);
  }
  return kept ?? exchange;
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
