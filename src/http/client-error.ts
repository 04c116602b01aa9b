import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_TYPES, type ProblemKey, problemTypeUri } from './problems.js';

interface PreRoutingProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
}

/**
 * Errors Node raises before a request reaches the router (malformed request line, headers too large,
 * a request or its headers too slow, an Expect the server cannot meet): answered as problem+json from
 * the one catalogue, with the headers every other problem carries, written straight to the socket,
 * which is then closed. In English: the request's own headers are unread or unreadable, so no
 * language can be negotiated (Content-Language says so).
 */
function problemOf(key: ProblemKey, detail: string): PreRoutingProblem {
  const entry = PROBLEM_TYPES[key];
  return { type: problemTypeUri(key), title: entry.title.en, status: entry.status, detail };
}

const BY_CODE: Record<string, PreRoutingProblem> = {
  ERR_HTTP_REQUEST_TIMEOUT: problemOf('request-timeout', 'The request (headers and body) did not arrive in time; the connection is closed.'),
  HPE_HEADER_OVERFLOW: problemOf('request-header-fields-too-large', 'The request line and headers together are larger than the server accepts.'),
};
const MALFORMED = problemOf('bad-request', 'The request is not well-formed HTTP/1.1.');
export const EXPECTATION_FAILED = problemOf('expectation-failed', 'The only expectation this server meets is Expect: 100-continue.');
const SHUTTING_DOWN = problemOf('not-ready', 'The server is shutting down and could not answer this request in time; retry, another replica will answer.');
const BODY_TOO_SLOW = problemOf('request-timeout', 'The server is shutting down and the request body did not arrive in time; the connection is closed.');

export interface ClientErrorResponder {
  /** The headers a routed problem response carries that do not depend on the exchange (security headers, CORS for any origin). */
  setCommonHeaders(headers: Record<string, string>): void;
  /** For fastify's `clientErrorHandler`. */
  onClientError(error: Error & { code?: string }, socket: Socket): void;
  /** For the server's 'checkExpectation' event (any Expect other than 100-continue). */
  onExpectation(request: IncomingMessage, response: ServerResponse): void;
  /** At a shutdown's deadline: a request not answered yet gets 408 (its body still arriving) or 503, and the connection closes. */
  onUnanswered(request: IncomingMessage, response: ServerResponse): void;
  /** At a shutdown's deadline: a socket whose request headers are still arriving gets the 408 a request timeout gets. */
  onSlowHeaders(socket: Socket): void;
}

export function clientErrorResponder(): ClientErrorResponder {
  let common: Record<string, string> = {};
  const encode = (problem: PreRoutingProblem) => Buffer.from(JSON.stringify(problem));
  const responder: ClientErrorResponder = {
    setCommonHeaders(headers) {
      common = headers;
    },
    onClientError(error, socket) {
      // The peer is gone, or a response is already on its way: nothing more can be said.
      if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return void socket.destroy();
      const problem = BY_CODE[error.code ?? ''] ?? MALFORMED;
      const body = encode(problem);
      let head = `HTTP/1.1 ${problem.status} ${problem.title}\r\n`;
      for (const [name, value] of Object.entries(common)) head += `${name}: ${value}\r\n`;
      head += `content-type: application/problem+json; charset=utf-8\r\ncontent-language: en\r\ncontent-length: ${body.length}\r\ndate: ${new Date().toUTCString()}\r\nconnection: close\r\n\r\n`;
      socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
      socket.destroySoon?.();
    },
    onExpectation(request, response) {
      const body = encode({ ...EXPECTATION_FAILED, instance: request.url });
      response.writeHead(417, { ...common, 'content-type': 'application/problem+json; charset=utf-8', 'content-language': 'en', 'content-length': body.length, connection: 'close' });
      response.end(body);
    },
    onUnanswered(request, response) {
      const problem = request.complete ? SHUTTING_DOWN : BODY_TOO_SLOW;
      const body = encode({ ...problem, instance: request.url });
      const retry = problem.status === 503 ? { 'retry-after': '1' } : {};
      response.writeHead(problem.status, { ...common, ...retry, 'content-type': 'application/problem+json; charset=utf-8', 'content-language': 'en', 'content-length': body.length, connection: 'close' });
      response.end(body);
    },
    onSlowHeaders(socket) {
      responder.onClientError(Object.assign(new Error('request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
    },
  };
  return responder;
}

/** Headers of a routed response that are about the exchange or the representation, not common to every problem. */
const NOT_COMMON = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'x-request-id', 'vary', 'content-language', 'etag', 'cache-control', 'transfer-encoding']);

export function commonHeadersOf(headers: Record<string, unknown>): Record<string, string> {
  const common: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_COMMON.has(name) || name.startsWith('ratelimit-') || name.startsWith('x-ratelimit-')) continue;
    common[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return common;
}
