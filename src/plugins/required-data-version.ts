import fp from 'fastify-plugin';
import type { DataSource } from '../data/data-source.js';
import { sendProblem } from './errors.js';

/** Liveness, metrics and the data's own description answer whatever data is loaded. */
const EXEMPT = new Set(['/health', '/metrics', '/meta']);
const RETRY_AFTER_SECONDS = '5';

/**
 * With a required data version, a replica refuses traffic (503 problem+json, and /ready fails) until
 * the data it serves is that version — e.g. until a hot swap or a restart brings the rollout's database.
 */
export default fp<{ data: DataSource; required?: string }>(
  async (app, { data, required }) => {
    if (!required) return;
    app.addHook('onRequest', function refuseWithoutRequiredData(request, reply, done) {
      const held = data.current.dataVersion;
      if (held === required || EXEMPT.has(request.routeOptions.url ?? '')) return done();
      reply.header('retry-after', RETRY_AFTER_SECONDS);
      sendProblem(request, reply, {
        type: 'not-ready',
        detail: {
          pl: `Ta replika serwuje dane w wersji ${held}; przyjmie ruch, gdy będzie miała wersję ${required}.`,
          en: `This replica serves data version ${held}; it waits for ${required} before taking traffic.`,
        },
      });
    });
  },
  { name: 'required-data-version', dependencies: ['errors'] },
);
