import fp from 'fastify-plugin';
import { announcesBody } from '../http/request-body.js';

/**
 * A GET or HEAD is answered only once the whole request has arrived. Fastify reads no body for these
 * methods and would answer at once; if a body follows and Node's parser then refuses its framing, Node
 * sends a 400 of its own after that answer: two responses to one request. So the body (which no route
 * reads) is let through and dropped, and the request goes on when it ends; one that never ends is cut
 * by the request timeout, or answered 408 at shutdown.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', function waitForWholeRequest(request, _reply, done) {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !announcesBody(request.headers)) return done();
      request.raw.once('end', () => done());
      request.raw.resume();
    });
  },
  { name: 'complete-request' },
);
