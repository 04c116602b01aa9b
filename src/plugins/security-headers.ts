import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

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
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          // helmet adds it by default; over plain HTTP (not localhost) browsers would then fetch /docs's assets over https and fail.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
  },
  { name: 'security-headers' },
);
