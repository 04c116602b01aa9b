import fp from 'fastify-plugin';
import type { LastWords } from '../http/open-connections.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when the server starts shutting down: readiness fails and connections are not kept alive. */
    draining: boolean;
    /**
     * The whole shutdown: readiness fails and every answer closes its connection for `drainMs` while the
     * port stays open (a balancer sees /ready fail and stops sending before the port closes); then the
     * port closes, idle connections end and admitted requests are answered; what is still unanswered at
     * `deadlineMs` gets a 503 or 408 problem, and connections still open are cut. Resolves with how many
     * connections had to be cut (0 when every client finished on its own).
     */
    shutDown(options: { drainMs: number; deadlineMs: number }): Promise<{ cut: number }>;
  }
}

/** How long the problems written at the deadline get to reach their clients before the sockets are destroyed. */
const LAST_WORDS_GRACE_MS = 1_000;

/**
 * While draining, every response asks the client to close its connection, so keep-alive clients
 * reconnect (to another instance, behind a load balancer) instead of sending into a closing socket.
 */
export default fp<{ lastWords: LastWords }>(
  async (app, { lastWords }) => {
    app.decorate('draining', false);
    const connections = app.openConnections;
    app.addHook('onRequest', function connectionCloseWhileDraining(_request, reply, done) {
      if (app.draining) reply.header('connection', 'close');
      done();
    });
    app.decorate('shutDown', async ({ drainMs, deadlineMs }: { drainMs: number; deadlineMs: number }) => {
      const startedAt = Date.now();
      app.draining = true;
      await new Promise((resolve) => setTimeout(resolve, drainMs));
      let cut = 0;
      // Stops accepting, closes idle connections, waits for admitted requests (Fastify's close), unless the deadline comes first.
      const closed = app.close();
      const deadline = setTimeout(
        () => {
          cut = connections.size;
          app.log.warn({ open: cut }, 'shutdown deadline: answering what is unanswered and closing slow connections');
          void connections.closeSlow(lastWords, LAST_WORDS_GRACE_MS);
        },
        Math.max(0, deadlineMs - (Date.now() - startedAt)),
      );
      await closed;
      clearTimeout(deadline);
      return { cut };
    });
  },
  { name: 'shutdown', dependencies: ['connection-guard'] },
);
