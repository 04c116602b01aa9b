import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What the server can still say on a connection it must close: a problem answer for a request, or a raw 408 for a socket with none. */
export interface LastWords {
  /** A request whose answer has not started: answered (and the connection closed) by the caller. */
  request(req: IncomingMessage, res: ServerResponse): void;
  /** A socket with no request to answer (headers still arriving): written straight to it, then ended. */
  socket(socket: Socket): void;
}

/**
 * The server's open connections and, for each, the requests whose answers have not finished. At a
 * shutdown's deadline, `closeSlow` answers every such request that has not been answered yet (a 503 or
 * 408 problem rather than a reset), says a raw 408 to sockets still sending headers, and destroys what
 * is left a moment later — so a slow client cannot keep the process from exiting cleanly.
 * Public APIs only: the server's 'connection' event, the socket's 'close', the response's `writableFinished`.
 */
export class OpenConnections {
  private readonly open = new Map<Socket, Set<ServerResponse>>();

  /** Counts every connection of `server` from its opening to its close. */
  watch(server: Server): void {
    server.on('connection', (socket: Socket) => {
      this.open.set(socket, new Set());
      socket.once('close', () => this.open.delete(socket));
    });
  }

  /**
   * Counts `res` as an answer begun on its connection (the connection guard calls this for every request
   * it admits) and returns that connection's unfinished answers, oldest first, `res` last. Answers that are
   * done leave here, when the connection's next request comes or at the deadline: no listeners per request
   * on the hot path. The last finished answer stays referenced until the next request or the close.
   */
  track(socket: Socket, res: ServerResponse): ReadonlySet<ServerResponse> {
    const pending = this.open.get(socket);
    // Not a connection of the watched server: nothing to count it with.
    if (pending === undefined) return new Set([res]);
    for (const earlier of pending) if (done(earlier)) pending.delete(earlier);
    pending.add(res);
    return pending;
  }

  get size(): number {
    return this.open.size;
  }

  /** Answers what is unanswered, then destroys every connection still open after `graceMs`. Resolves when all are closed. */
  async closeSlow(lastWords: LastWords, graceMs: number): Promise<void> {
    for (const [socket, pending] of this.open) {
      const live = [...pending].filter((res) => !done(res));
      if (live.length === 0) lastWords.socket(socket);
      else for (const res of live) if (!res.headersSent) lastWords.request(res.req, res);
    }
    const deadline = Date.now() + graceMs;
    while (this.open.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const socket of this.open.keys()) socket.destroy();
  }
}

/** Finished (every byte handed to the socket), or abandoned (the connection went away). */
const done = (res: ServerResponse): boolean => res.writableFinished || res.destroyed;
