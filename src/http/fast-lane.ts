import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Answers a request before Fastify routes it, or returns false (having written nothing) to hand it on.
 * Having returned true it may still hand the request to `fastify` later, once, if it has written nothing.
 */
export type LaneAnswer = (req: IncomingMessage, res: ServerResponse, fastify: Handler) => boolean;

/** The settings Fastify gives its HTTP/1 server (`getServerInstance` in fastify/lib/server.js). */
interface FastifyServerSettings {
  http?: ServerOptions;
  https?: unknown;
  http2?: unknown;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

/**
 * A lane in front of Fastify's request handler, for answers that need nothing Fastify offers: stored
 * representations. For every request Fastify builds a request and a reply, routes, makes a child logger
 * and runs the onRequest hooks; on a cached hit that is most of the server's own time (wrk, 1.1 KB body,
 * compiled server: 29k req/s with the hit written from the cache's onRequest hook, 43–45k answered here,
 * against 44–48k for bare Fastify sending the same body). The lane is installed through Fastify's
 * `serverFactory` — the server Fastify would build, with the same settings — and stays shut, every
 * request going to Fastify, until a plugin opens it (`src/plugins/fast-lane.ts`).
 */
export class FastLane {
  private answer: LaneAnswer | null = null;

  open(answer: LaneAnswer): void {
    this.answer = answer;
  }

  shut(): void {
    this.answer = null;
  }

  readonly serverFactory = (handler: Handler, options: FastifyServerSettings): Server => {
    if (options.https || options.http2) throw new Error('the fast lane builds plain HTTP/1 servers; TLS and HTTP/2 end at the proxy in front');
    const server = createServer(options.http ?? {}, (req, res) => {
      const answer = this.answer;
      if (answer === null || !answer(req, res, handler)) handler(req, res);
    });
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket !== undefined && options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
