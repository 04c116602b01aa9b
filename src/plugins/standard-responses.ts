import fp from 'fastify-plugin';
import { z } from 'zod';
import { problemSchema } from '../schemas/common.js';
import { RATE_LIMIT_EXEMPT } from './rate-limit.js';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/**
 * The statuses every operation can answer with, whatever its handler does: the spec documents them
 * once here instead of in every route (an onRoute hook, registered before swagger reads the routes).
 */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      if (!route.schema || route.schema.hide) return;
      const response = (route.schema.response ??= {}) as Record<string | number, unknown>;
      const add = (status: number, value: unknown) => {
        if (!(status in response)) response[status] = value;
      };
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.includes('GET')) add(304, z.undefined().describe('Not modified: the ETag in If-None-Match is current.'));
      add(400, problem('Bad request: a malformed URL (bad percent-encoding) or more query parameters than the server accepts.'));
      add(414, problem('The URL is longer than the server accepts.'));
      add(431, problem('The request line and headers together are larger than the server accepts.'));
      if (!RATE_LIMIT_EXEMPT.has(route.url)) add(429, problem('Too many requests from this client; see Retry-After and RateLimit-* headers.'));
      add(500, problem('Internal error; nothing about it is disclosed.'));
      add(503, problem('Overloaded or shutting down; see Retry-After.'));
    });
  },
  { name: 'standard-responses' },
);
