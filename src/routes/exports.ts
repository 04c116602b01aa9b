import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvExport, exportFileName, jsonLdExport, turtleExport } from '../interchange/exports.js';
import { originFor } from '../jsonld/base-url.js';
import { JSON_LD_MEDIA_TYPE } from '../jsonld/media-type.js';
import { graphExportJsonLdSchema } from '../schemas/jsonld.js';
import { problemResponses } from '../schemas/common.js';

const tags = ['exports'];
const noQuery = z.object({}).strict();
const binary = z.string().meta({ format: 'binary' });

/** A download: its bytes as they are (never through the JSON serializer), saved under the name given. */
function sendDownload(reply: FastifyReply, contentType: string, fileName: string, body: Buffer | string) {
  return reply.type(contentType).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

/** Bulk downloads of the whole graph, made once per data version, cached and validated like every other GET. */
const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export/csv',
    {
      schema: {
        operationId: 'exportCsv',
        tags,
        summary: 'Download the whole graph as CSV files (zip)',
        description:
          'A zip of RFC 4180 CSV files (UTF-8, header row, CRLF): one per kind of entity (roles, responsibilities, tasks, technologies, skills, categories, concepts, comparisons) with Polish and English columns, `relations.csv` (`source_id, type, target_id` with the document and line each was read from), `crosswalks.csv` (ESCO, ISCO-08, O*NET-SOC with their published rows) and `metadata.csv` (version, time of making, attribution). Fetch it again when `GET /versions` names a newer version.',
        querystring: noQuery,
        response: { 200: { description: 'The zip archive.', content: { 'application/zip': { schema: binary } } }, ...problemResponses(400) },
      },
    },
    async (_request, reply) => {
      const context = app.data.current;
      return sendDownload(reply, 'application/zip', exportFileName(context, 'zip'), csvExport(context));
    },
  );

  app.get(
    '/export/skos.ttl',
    {
      schema: {
        operationId: 'exportSkos',
        tags,
        summary: 'Download the whole graph as a SKOS concept scheme (Turtle)',
        description:
          'Every entity a `skos:Concept` with `prefLabel` in `@pl` and `@en`, `altLabel`, `definition`, `broader`/`narrower` (role → responsibility → task, skill → category) and `related` (every other relation); crosswalks as `skos:exactMatch`, `closeMatch` and `broadMatch`; provenance as `dct:source` (document and line).',
        querystring: noQuery,
        response: { 200: { description: 'The concept scheme in Turtle.', content: { 'text/turtle': { schema: z.string() } } }, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const context = app.data.current;
      const body = await turtleExport(context, originFor(request));
      return sendDownload(reply, 'text/turtle; charset=utf-8', exportFileName(context, 'ttl'), body);
    },
  );

  app.get(
    '/export/graph.jsonld',
    {
      schema: {
        operationId: 'exportJsonLd',
        tags,
        summary: 'Download the whole graph as JSON-LD',
        description: 'The same SKOS statements as `GET /export/skos.ttl`, as one JSON-LD document with an inline context (`@graph`: the concept scheme, then every concept).',
        querystring: noQuery,
        response: { 200: { description: 'The graph as JSON-LD.', content: { [JSON_LD_MEDIA_TYPE]: { schema: graphExportJsonLdSchema } } }, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const context = app.data.current;
      const body = jsonLdExport(context, originFor(request));
      return sendDownload(reply, `${JSON_LD_MEDIA_TYPE}; charset=utf-8`, exportFileName(context, 'jsonld'), body);
    },
  );
};

export default exportRoutes;
