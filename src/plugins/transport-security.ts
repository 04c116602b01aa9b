import fp from 'fastify-plugin';

/** The field and helmet's value (a year, subdomains included), as a flat list: the fast lane adds it to its per-request fields. */
export const HSTS_FIELD = ['strict-transport-security', 'max-age=31536000; includeSubDomains'] as const;

/**
 * Strict-Transport-Security only on answers that travel over TLS: RFC 6797 §7.2 says an HSTS host MUST
 * NOT send it over plain HTTP, and browsers ignore it there (§8.1). This server speaks plain HTTP itself,
 * so that means behind a TLS-terminating proxy that says so (`X-Forwarded-Proto: https`, trusted through
 * TRUST_PROXY); Django's SecurityMiddleware draws the same line. An onRequest hook before the response
 * cache, so the field is per request and never stored with a representation; before everything that can
 * answer early (429, 503), so those answers carry it too. The fast lane adds it under the same condition,
 * reading the protocol with the same trust (`src/http/proxy-trust.ts`).
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', function strictTransportOverTls(request, reply, done) {
      if (request.protocol === 'https') reply.header(HSTS_FIELD[0], HSTS_FIELD[1]);
      done();
    });
  },
  { name: 'transport-security' },
);
