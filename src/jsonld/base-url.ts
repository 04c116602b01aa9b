import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '../model/domain-errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_BASE_URL's origin, or null when identifiers are built from the request's Host. */
    publicOrigin: string | null;
  }
}

/** The origin of identifiers in a response: the configured public one; the Host header only when none is configured. */
export function originFor(request: FastifyRequest): string {
  return request.server.publicOrigin ?? apiOrigin(request.protocol, request.host);
}

// A DNS name (underscores allowed: container names have them), IPv4, or a bracketed IPv6 literal, with an optional port.
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The absolute origin of this API as the client addressed it (`http://localhost:3000`), so the
 * `@id`s of JSON-LD documents are URLs that resolve. The Host header is client input: anything that
 * is not a plain host[:port] is refused rather than echoed into identifiers.
 */
export function apiOrigin(protocol: string, host: string): string {
  const refuse = () =>
    new InvalidInputError('The Host header is not a valid host[:port], so no absolute URL can be built for the JSON-LD document.', [
      { name: 'Host', in: 'header', reason: 'is not a valid host[:port]' },
    ]);
  if (!HOST.test(host) || (protocol !== 'http' && protocol !== 'https')) throw refuse();
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    throw refuse();
  }
}
