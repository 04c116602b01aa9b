import fp from 'fastify-plugin';
import { appendVary } from '../http/vary.js';

const ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';
/** Headers browser tracing SDKs (OpenTelemetry, Sentry) add to every fetch: a preflight refusing them breaks instrumented pages. */
export const TRACING_HEADERS = ['traceparent', 'tracestate', 'baggage', 'sentry-trace'];
/** What the MCP specification has a client send (and, for the session id, read) on the Streamable HTTP transport. */
const MCP_HEADERS = ['Mcp-Session-Id', 'Mcp-Protocol-Version'];
const ALLOWED_HEADERS = ['Accept', 'Accept-Language', 'Content-Type', 'If-None-Match', 'X-Request-Id', ...MCP_HEADERS, 'Last-Event-ID', ...TRACING_HEADERS].join(', ');
// Link carries pagination (first, prev, next, last): a browser client must be able to read it across origins.
const EXPOSED_HEADERS = ['ETag', 'Content-Language', 'Link', 'X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', ...MCP_HEADERS].join(', ');

/** The CORS headers for a request's Origin: computed per request (cheap), never cached with a response. */
export function corsHeaders(origins: '*' | string[], origin: string | undefined): Record<string, string> {
  // Timing-Allow-Origin goes to the same origins as CORS: Resource Timing then shows them the real timings.
  if (origins === '*') return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS, 'timing-allow-origin': '*' };
  if (origin && origins.includes(origin)) {
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS, 'timing-allow-origin': origin, vary: 'Origin' };
  }
  // The answer depends on Origin even when it grants nothing: a shared cache must not replay it to an allowed origin.
  return { vary: 'Origin' };
}

/** Frontends on any origin (or the configured ones) may read the API; preflights are answered here. */
export default fp<{ origins: '*' | string[] }>(
  async (app, { origins }) => {
    // Any origin: the same two headers on every response, set without looking at the request.
    const anyOrigin = origins === '*' ? corsHeaders('*', undefined) : null;
    app.addHook('onRequest', function allowCrossOrigin(request, reply, done) {
      if (anyOrigin) {
        reply.headers(anyOrigin);
        return done();
      }
      const headers = corsHeaders(origins, request.headers.origin);
      for (const [name, value] of Object.entries(headers)) {
        if (name === 'vary') appendVary(reply, value);
        else reply.header(name, value);
      }
      done();
    });
    app.options(
      '*',
      { schema: { hide: true }, config: { cache: false } },
      async (_request, reply) =>
        reply.code(204).headers({ 'access-control-allow-methods': ALLOWED_METHODS, 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '86400' }).send(),
    );
  },
  { name: 'cors' },
);
