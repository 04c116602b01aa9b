import fp from 'fastify-plugin';
import { isEmbedPath } from '../embed/framing-policy.js';

/** Content types a browser renders as a page, or runs scripts in: answers of these keep helmet's whole set. */
const PAGE_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml|image\/svg\+xml)\b/i;

export const isPageType = (contentType: unknown): boolean => PAGE_TYPE.test(String(contentType ?? ''));

/**
 * helmet's headers that steer only a page: its opener and agent cluster, the referrers it sends, DNS
 * prefetching, and old IE and Flash behaviour. A JSON, CSV or Turtle answer is never a page, so they
 * say nothing there (OWASP's REST Security Cheat Sheet lists none of them for APIs).
 */
const PAGE_ONLY_HEADERS = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** A data answer loads nothing and may not be framed (GitHub's API answers with the same policy). */
export const DATA_ANSWER_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Data answers carry the security headers a data answer needs (CSP `default-src 'none'`, nosniff,
 * CORP; HSTS over TLS, from transport-security.ts) and not those of a page: seven fields and about
 * 300 bytes fewer per answer, which on a cached 0.4 KB suggestion were most of the head. Registered
 * before the response cache, so the stored representation is the trimmed one and every hit sends it.
 */
export default fp(
  async (app) => {
    app.addHook('onSend', function trimPageHeadersFromData(request, reply, payload, done) {
      if (reply.hasHeader('x-content-type-options') && !isPageType(reply.getHeader('content-type')) && !isEmbedPath(request.url)) {
        for (const name of PAGE_ONLY_HEADERS) reply.removeHeader(name);
        reply.header('content-security-policy', DATA_ANSWER_CSP);
      }
      done(null, payload);
    });
  },
  { name: 'data-answer-headers' },
);
