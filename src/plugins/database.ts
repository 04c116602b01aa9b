import fp from 'fastify-plugin';
import type { Db } from '../db/open-database.js';
import { createCatalogRepository, type CatalogRepository } from '../repositories/catalog-repository.js';
import { ReferenceData } from '../repositories/reference-data.js';
import { createRolesRepository, type RolesRepository } from '../repositories/roles-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    repositories: { roles: RolesRepository; catalog: CatalogRepository };
  }
}

/** Builds the repositories over the database the caller opened; the caller owns (and closes) it. */
export default fp<{ db: Db }>(
  async (app, { db }) => {
    const refs = new ReferenceData(db);
    app.decorate('repositories', { roles: createRolesRepository(db, refs), catalog: createCatalogRepository(db, refs) });
  },
  { name: 'database' },
);
