import fp from 'fastify-plugin';
import { paginationLinks } from '../http/pagination-links.js';

function isPage(payload: unknown): payload is { items: unknown[]; total: number; limit: number; offset: number } {
  if (!payload || typeof payload !== 'object') return false;
  const p = payload as Record<string, unknown>;
  return Array.isArray(p.items) && typeof p.total === 'number' && typeof p.limit === 'number' && typeof p.offset === 'number';
}

/** Every paginated list (`{ items, total, limit, offset }`) says where its other pages are, in a Link header. */
export default fp(
  async (app) => {
    app.addHook('preSerialization', (request, reply, payload, done) => {
      if (reply.statusCode === 200 && isPage(payload)) reply.header('Link', paginationLinks(request.url, payload));
      done(null, payload);
    });
  },
  { name: 'pagination-links' },
);
