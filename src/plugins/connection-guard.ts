import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import { OpenConnections } from '../http/open-connections.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's open connections and their unfinished answers (the guard counts them; shutdown answers them at its deadline). */
    openConnections: OpenConnections;
  }
}

export interface ConnectionGuardOptions {
  /** Open connections one client address may hold; 0: no cap. */
  maxConnectionsPerAddress: number;
  /** A new connection that has sent nothing by then is closed. */
  firstRequestTimeoutMs: number;
  /** Answers queued unsent on one connection (pipelined requests); past it the connection is closed. */
  maxQueuedResponses: number;
  /** Bytes of answers queued unsent on one connection; past it the connection is closed. */
  maxQueuedBytes: number;
}

interface ConnectionState {
  deadline?: NodeJS.Timeout;
  closing?: boolean;
}

/**
 * Bounds what one client costs at the connection level, below routing (so also for the fast lane):
 *
 * - Connections per address: 2,000 idle sockets from one address used to fill `maxConnections` and
 *   lock everyone else out (issue 22 M2). Counted on the socket's own peer address: behind a proxy that
 *   is the proxy, so there the cap is set for the proxy's pool (or 0).
 * - A connection that sends no byte within `firstRequestTimeoutMs` is closed: an idle socket used to
 *   live until the headers timeout (11–14 s). One that has begun its headers is left to that timeout,
 *   which answers 408.
 * - Pipelined answers nobody reads (issue 22 H1): Node stops reading a socket whose write buffer is
 *   full, but every request already in the bytes it read (a 64 KB read holds ~1,300 short GETs) is
 *   answered into memory. Past `maxQueuedResponses` answers or `maxQueuedBytes` queued on one
 *   connection, it is closed and what was queued for it freed.
 */
export default fp<ConnectionGuardOptions>(
  async (app, options) => {
    const { maxConnectionsPerAddress, firstRequestTimeoutMs, maxQueuedResponses, maxQueuedBytes } = options;
    const perAddress = new Map<string, number>();
    const states = new WeakMap<Socket, ConnectionState>();
    // Every connection and its unfinished answers, counted here for the pipelining bound and read by the
    // shutdown's deadline (`src/plugins/shutdown.ts`): one record of them, kept without a listener per answer.
    const connections = new OpenConnections();
    connections.watch(app.server);
    app.decorate('openConnections', connections);

    app.server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? '';
      const open = (perAddress.get(address) ?? 0) + 1;
      if (maxConnectionsPerAddress > 0 && open > maxConnectionsPerAddress) {
        socket.destroy();
        return;
      }
      perAddress.set(address, open);
      const state: ConnectionState = {};
      states.set(socket, state);
      state.deadline = setTimeout(() => {
        if (socket.bytesRead === 0) socket.destroy();
      }, firstRequestTimeoutMs).unref();
      socket.once('close', () => {
        clearTimeout(state.deadline);
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      });
    });

    // In front of the server's own request handler (the lane's, then Fastify's): a request past the bound
    // is never routed. Node parses every request in the bytes it has read before any is answered, so the
    // handlers of the requests that follow would all run (a cache miss each, ~2 MB of SVG rendering) on a
    // connection already closed.
    const handlers = app.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    app.server.removeAllListeners('request');
    app.server.on('request', function guarded(this: unknown, req: IncomingMessage, res: ServerResponse) {
      if (admit(req, res)) for (const handler of handlers) handler.call(this, req, res);
    });
    const admit = (req: IncomingMessage, res: ServerResponse): boolean => {
      const socket = req.socket;
      const state = states.get(socket);
      if (!state) return true;
      if (state.closing) return false;
      if (state.deadline !== undefined) {
        clearTimeout(state.deadline);
        state.deadline = undefined;
      }
      const pending = connections.track(socket, res);
      if (pending.size <= maxQueuedResponses && queuedBytes(pending) <= maxQueuedBytes) return true;
      state.closing = true;
      app.log.warn({ remoteAddress: socket.remoteAddress, queued: pending.size }, 'closing a connection whose pipelined answers are not being read');
      socket.destroy();
      return false;
    };
  },
  { name: 'connection-guard' },
);

/** What the queued answers hold: each one's own buffered output (the first one's includes the socket's buffer). */
function queuedBytes(pending: ReadonlySet<ServerResponse>): number {
  let bytes = 0;
  for (const res of pending) bytes += res.writableLength;
  return bytes;
}
