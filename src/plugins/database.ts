import fp from 'fastify-plugin';
import type { DataSource } from '../data/data-source.js';
import type { Repositories } from '../data/data-context.js';

declare module 'fastify' {
  interface FastifyInstance {
    data: DataSource;
    /** The current data's repositories; read per request, never kept, so a data swap takes effect at once. */
    repositories: Repositories;
  }
}

export default fp<{ data: DataSource }>(
  async (app, { data }) => {
    app.decorate('data', data);
    app.decorate('repositories', {
      getter() {
        return data.current.repositories;
      },
    });
  },
  { name: 'database' },
);
