import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when the server starts shutting down: readiness fails and connections are not kept alive. */
    draining: boolean;
  }
}

/**
 * While draining, every response asks the client to close its connection, so keep-alive clients
 * reconnect (to another instance, behind a load balancer) instead of sending into a closing socket.
 */
export default fp(
  async (app) => {
    app.decorate('draining', false);
    app.addHook('onRequest', (_request, reply, done) => {
      if (app.draining) reply.header('connection', 'close');
      done();
    });
  },
  { name: 'shutdown' },
);
