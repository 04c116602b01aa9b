import type { FastifyInstance } from 'fastify';

export type Headers = Record<string, string>;
type Injectable = Pick<FastifyInstance, 'inject'>;

/**
 * A `get(url, headers)` through `inject` on whichever app `app()` returns when called: test files build
 * theirs in `beforeAll`. `defaults` go on every request (a request's own headers win).
 */
export function injectGet(app: () => Injectable, defaults: Headers = {}) {
  return (url: string, headers: Headers = {}) => app().inject({ method: 'GET', url, headers: { ...defaults, ...headers } });
}
