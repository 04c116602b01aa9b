import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { IncomingMessage } from 'node:http';
import { isPageType } from './data-answer-headers.js';
import { DEFAULT_FRAME_ANCESTORS, EMBED_FRAME_ANCESTORS, isEmbedPath } from '../embed/framing-policy.js';

/** Swagger UI's pages: the only ones allowed inline scripts. */
const isDocsPath = (url: string | undefined) => url === '/docs' || url?.startsWith('/docs/') === true || url?.startsWith('/docs?') === true;

/**
 * helmet's defaults, with a CSP Swagger UI can live with on /docs: its assets come from this server, it
 * sets inline styles (so do the embed pages) and draws images from data: URLs. Inline scripts are
 * allowed on /docs only (issue 22 L5). No X-Frame-Options: CSP frame-ancestors says who may frame a
 * page, and the two disagreeing (SAMEORIGIN beside 'none') only confused. Responses served from the
 * cache replay the headers helmet set on the first one.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: [(req: IncomingMessage) => (isDocsPath(req.url) ? "'self' 'unsafe-inline'" : "'self'")],
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
      xFrameOptions: false,
      // Sent only over TLS, per request, by transport-security.ts: helmet would send it over plain HTTP too.
      strictTransportSecurity: false,
    });
    // Answers sent before helmet's own hook ran (429 from the rate limit, 503 under pressure or while
    // the data is not ready) get the headers helmet gave the last ordinary page: every answer carries them.
    let common: [string, string][] = [];
    app.addHook('onSend', (request, reply, payload, done) => {
      if (reply.hasHeader('x-content-type-options')) {
        // Early answers are problems (data), so they get the headers of a data answer (see data-answer-headers.ts).
        if (common.length === 0 && !isPageType(reply.getHeader('content-type')) && !isDocsPath(request.url) && !isEmbedPath(request.url)) common = helmetHeadersOf(reply.getHeaders());
      } else {
        for (const [name, value] of common) reply.header(name, value);
      }
      done(null, payload);
    });
  },
  { name: 'security-headers' },
);

const HELMET_HEADERS = new Set([
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

function helmetHeadersOf(headers: Record<string, unknown>): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]) => (HELMET_HEADERS.has(name) && value !== undefined ? [[name, String(value)] as [string, string]] : []));
}
