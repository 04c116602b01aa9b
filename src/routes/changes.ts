import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changesQuerySchema, changesSchema, versionEntrySchema, versionsQuerySchema } from '../schemas/changes.js';
import { pageSchema, paginate, problemResponses } from '../schemas/common.js';

const tags = ['changes'];
const versionPage = pageSchema(versionEntrySchema, 'VersionPage');

/**
 * Data versions and the change feed, for clients that keep a copy: poll `/changes?since=` the last
 * `to`, or fetch an export when `/versions` names a newer version. Cached like every other GET: a
 * new data version is a new ETag.
 */
const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/versions',
    {
      schema: {
        operationId: 'listVersions',
        'x-example-request': { url: '/versions?limit=1' },
        tags,
        summary: 'List the data releases, newest first',
        description:
          'Each release with when it was made, its documents with their hashes, and how many entities it created, updated and removed. A re-seed that changes no entity makes no release. The history comes from the release log committed with the documents, so every replica answers the same.',
        querystring: versionsQuerySchema,
        response: { 200: versionPage, ...problemResponses(400) },
      },
    },
    async (request) => paginate(app.repositories.releases.versions(), request.query),
  );

  app.get(
    '/changes',
    {
      schema: {
        operationId: 'listChanges',
        tags,
        summary: 'List what changed after a data version',
        description:
          'Every entity created, updated (with the fields that changed) or removed (with `replacedBy` where it was renamed) in the releases after `since`, oldest first. `since` equal to the newest release, or to the current `GET /meta` data version, gives an empty list. An unknown version is a 404 problem; one older than the history kept a 410 problem (fetch an export instead).',
        querystring: changesQuerySchema,
        response: { 200: changesSchema, ...problemResponses(400, 404, 410) },
      },
    },
    async (request) => {
      const { from, to, items } = app.repositories.releases.changesSince(request.query.since);
      return { from, to, ...paginate(items, request.query) };
    },
  );
};

export default changesRoutes;
