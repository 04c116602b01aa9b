import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { IncomingMessage } from 'node:http';
import { DEFAULT_FRAME_ANCESTORS, EMBED_FRAME_ANCESTORS, isEmbedPath } from '../embed/framing-policy.js';

/**
 * helmet's defaults, with a CSP Swagger UI can live with: its assets come from this server, its
 * inline bootstrap needs 'unsafe-inline' styles and scripts, and it draws images from data: URLs.
 * Responses served from the cache replay the headers helmet set on the first one.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          // The embed pages may be framed anywhere; nothing else may.
          frameAncestors: [(req: IncomingMessage) => (isEmbedPath(req.url) ? EMBED_FRAME_ANCESTORS : DEFAULT_FRAME_ANCESTORS).join(' ')],
          baseUri: ["'self'"],
          // helmet adds it by default; over plain HTTP (not localhost) browsers would then fetch /docs's assets over https and fail.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
    // X-Frame-Options has no "anyone" value: the embed pages go without it (frame-ancestors says the same for browsers that know CSP).
    app.addHook('onRequest', (request, reply, done) => {
      if (isEmbedPath(request.url)) reply.removeHeader('x-frame-options');
      done();
    });
  },
  { name: 'security-headers' },
);
