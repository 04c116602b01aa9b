import { ServerResponse, STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Writing a response whose header fields were prepared in advance instead of through `writeHead`.
 *
 * `writeHead` walks every header field on every response: validates its name and value, matches it
 * against Node's special headers, concatenates the head. For a cached answer with rolegraph's ~25 header
 * fields that walk costs a third of the request (node:http alone, wrk, 1.1 KB body: 40–43k req/s with
 * the fields passed to `writeHead`, 60–63k with the same bytes prepared once; 58–62k with only
 * Content-Type and Content-Length). So the fields a representation always carries are validated and
 * joined once, when it is stored, and a hit only appends what varies per exchange.
 *
 * The head is handed to Node the way `writeHead` itself does: as the response's `_header`, which
 * `end()` then sends in the same write as the body. Node adds three fields of its own at that step —
 * Date, Connection and Keep-Alive — so `connectionFields` below computes them exactly as Node 20's
 * `_storeHeader` does for the one case it covers: a persistent connection on a plain
 * `http.ServerResponse` that frames by length (HTTP/1.1, or 1.0 asking for chunked transfer), with no
 * header set through `setHeader`, no `Expect` and not the last request a per-socket limit allows.
 * Everything else (HTTP/1.0, `Connection: close`, HTTP/2, light-my-request's injected responses) goes
 * through `writeHead`, and so does every response on a Node major other than 20, whose internals were not
 * checked. `test/fast-lane.test.ts` compares both paths over real sockets (Node's own fields byte for
 * byte), so an upgrade that changes them fails a test rather than a client.
 */

/** The Node major whose `_header` and `_storeHeader` this was written against and is tested on. */
const PREPARED_HEADS = process.versions.node.split('.')[0] === '20';

/** One validated `name: value\r\n` line per field of a flat name/value list; throws as `writeHead` would on a bad name or value. */
export function headerLines(fields: readonly string[]): string {
  let lines = '';
  for (let i = 0; i < fields.length; i += 2) {
    const name = fields[i];
    const value = fields[i + 1];
    validateHeaderName(name);
    validateHeaderValue(name, value);
    lines += `${name}: ${value}\r\n`;
  }
  return lines;
}

const STATUS_LINES = new Map<number, string>();
function statusLine(status: number): string {
  let line = STATUS_LINES.get(status);
  if (line === undefined) {
    line = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`;
    STATUS_LINES.set(status, line);
  }
  return line;
}

/** Node's internals this relies on, as Node 20 names them (see the test that pins them). */
interface NodeResponse extends ServerResponse {
  _header: string | null;
  _keepAliveTimeout: number;
  _defaultKeepAlive: boolean;
  _maxRequestsPerSocket: number;
  _expect_continue: boolean;
  maxRequestsOnConnectionReached: boolean;
  /** False for an HTTP/1.0 request (unless it asks for chunked transfer), whose keep-alive Node decides by the response's framing. */
  useChunkedEncodingByDefault: boolean;
  _hasBody: boolean;
  _headerSent: boolean;
}

/** The socket's response being written now; a pipelined response queued behind it has no socket yet. */
interface NodeSocket extends Socket {
  _httpMessage: ServerResponse | null;
}

/** Fields that change what Node writes itself (`matchHeader` in `_http_outgoing`): a response setting one goes through `writeHead`. */
const NODE_FIELDS = new Set(['connection', 'transfer-encoding', 'content-length', 'date', 'expect', 'trailer', 'keep-alive']);

/** Whether `sendPrepared` can answer on this response: the one case whose connection fields it knows. */
export function fitsPreparedHead(res: ServerResponse): boolean {
  const response = res as NodeResponse;
  return (
    PREPARED_HEADS &&
    Object.getPrototypeOf(response) === ServerResponse.prototype &&
    !response._header &&
    response.shouldKeepAlive &&
    response.useChunkedEncodingByDefault &&
    !response.maxRequestsOnConnectionReached &&
    !response._expect_continue &&
    response.sendDate &&
    response.getHeaderNames().length === 0
  );
}

/**
 * Header fields added to one exchange (request id, CORS, rate-limit counters): the flat name/value list
 * `writeHead` takes, and the same fields as validated `name: value\r\n` lines for a prepared head —
 * undefined when one of them could not go there (a field Node writes itself, or a name or value Node
 * would refuse: `writeHead` then takes the list and decides).
 */
export interface ExchangeFields {
  readonly flat: readonly string[];
  readonly lines: string | undefined;
}

/** Validates the fields once, for callers that send the same ones on many answers or build them per request. */
export function exchangeFields(flat: readonly string[]): ExchangeFields {
  for (let i = 0; i < flat.length; i += 2) if (NODE_FIELDS.has(flat[i].toLowerCase())) return { flat, lines: undefined };
  try {
    return { flat, lines: headerLines(flat) };
  } catch {
    return { flat, lines: undefined };
  }
}

/** Groups validated apart, in order, as one. */
export function joinExchangeFields(first: ExchangeFields, second: ExchangeFields): ExchangeFields {
  if (second.flat.length === 0) return first;
  return { flat: first.flat.concat(second.flat), lines: first.lines === undefined || second.lines === undefined ? undefined : first.lines + second.lines };
}

/**
 * Sends the status line, the exchange's fields (`lines`, from `exchangeFields`) and Node's own fields as
 * the head, followed by `rest`: the stored fields and the blank line — as a string when the response has
 * no body (HEAD, 304: Node drops data passed to such a response, so it must be part of the head),
 * otherwise as a Buffer that also holds the body, or followed by `body`. Only on a response
 * `fitsPreparedHead` accepted.
 */
export function sendPrepared(res: ServerResponse, status: number, lines: string, rest: string | Buffer, body?: Buffer): void {
  const response = res as NodeResponse;
  response.statusCode = status;
  response.statusMessage = STATUS_CODES[status] ?? 'unknown';
  // As writeHead marks them: a 304 has no body.
  if (status === 304) response._hasBody = false;
  const head = statusLine(status) + lines + nodeFields(response);
  if (typeof rest === 'string') {
    response._header = head + rest;
    response.end();
  } else {
    // No blank line here: the block brings it, after the stored fields.
    response._header = head;
    if (body === undefined) {
      if (!writeDirectly(response, head, rest)) response.end(rest);
    } else {
      response.write(rest);
      response.end(body);
    }
  }
}

/**
 * Writes head and block straight to the socket, as one `writev`, when this response is the socket's
 * current one with nothing queued; then ends the response with nothing left to send. `end(block)` would
 * take the same bytes through the response's own buffering, which adds an empty chunk and a corked
 * stream's bookkeeping to every answer: about 0.9 µs of a 1.1 KB hit's ~10 (node:http alone, wrk, 2 ×
 * 2 processes). Returns false, having written nothing, otherwise.
 */
function writeDirectly(response: NodeResponse, head: string, block: Buffer): boolean {
  const socket = response.socket as NodeSocket | null;
  if (socket === null || socket._httpMessage !== response || !socket.writable || socket.writableLength !== 0) return false;
  // What `_send` does once the head is out: Node then writes nothing more of its own for this response.
  response._headerSent = true;
  socket.cork();
  socket.write(head, 'latin1');
  socket.write(block);
  socket.uncork();
  response.end();
  return true;
}

/**
 * Date, Connection and Keep-Alive as Node 20's `_storeHeader` adds them for a persistent connection whose
 * response states its length. Built once per second and server setting, not per answer (string building
 * that showed in the profile of a cached hit).
 */
let lastFields = '';
let lastDate: string | undefined;
let lastKeepAliveTimeout = -1;
let lastDefaultKeepAlive = false;
let lastMaxRequests = -1;
function nodeFields(response: NodeResponse): string {
  const date = utcDate();
  if (date !== lastDate || response._keepAliveTimeout !== lastKeepAliveTimeout || response._defaultKeepAlive !== lastDefaultKeepAlive || response._maxRequestsPerSocket !== lastMaxRequests) {
    lastDate = date;
    lastKeepAliveTimeout = response._keepAliveTimeout;
    lastDefaultKeepAlive = response._defaultKeepAlive;
    lastMaxRequests = response._maxRequestsPerSocket;
    lastFields = `Date: ${date}\r\n${connectionFields(response)}`;
  }
  return lastFields;
}

/** What Node 20's `_storeHeader` adds for a persistent connection whose response states its length. */
function connectionFields(response: NodeResponse): string {
  if (!response._keepAliveTimeout || !response._defaultKeepAlive) return 'Connection: keep-alive\r\n';
  const max = ~~response._maxRequestsPerSocket > 0 ? `, max=${response._maxRequestsPerSocket}` : '';
  return `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(response._keepAliveTimeout / 1000)}${max}\r\n`;
}

/** The Date field's value, made once a second as Node makes its own (`utcDate` in `_http_outgoing`). */
let date: string | undefined;
function utcDate(): string {
  if (date === undefined) {
    date = new Date().toUTCString();
    setTimeout(
      () => {
        date = undefined;
      },
      1000 - new Date().getMilliseconds(),
    ).unref();
  }
  return date;
}
