import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { compareRoles } from '../analysis/compare-roles.js';
import {
  ANALYSIS_BODY_LIMIT,
  analysisProblemResponses,
  compareParamsSchema,
  extractBodySchema,
  extractionSchema,
  gapBodySchema,
  gapParamsSchema,
  roleComparisonSchema,
  skillGapSchema,
} from '../schemas/analysis.js';
import { detailQuerySchema } from '../schemas/common.js';

const tags = ['analysis'];
/** Analyses answer with JSON text their worker has already encoded by the response schema: Fastify sends a JSON string as it is. */
const sendEncoded = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json);

const analysisRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated to this plugin: the bodies here are JSON only, so text/plain gets 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  const context = () => app.data.current.analysis;

  app.get(
    '/roles/:a/compare/:b',
    {
      schema: {
        operationId: 'compareRoles',
        'x-example-request': { url: '/roles/data-scientist/compare/data-analyst?lang=en' },
        tags,
        summary: 'Compare two roles',
        description:
          'Technologies and skills the two roles share and those only one has (technologies tied to a role through its responsibilities, tasks, skills or comparison tools), ' +
          'and, when a document compares the two (in either order), what it says of each: focus, key question, tools.',
        params: compareParamsSchema,
        querystring: detailQuerySchema,
        response: { 200: roleComparisonSchema, ...analysisProblemResponses(400, 404) },
      },
    },
    async (request) => compareRoles(context().roles, request.params.a, request.params.b, request.lang),
  );

  app.post(
    '/roles/:role/gap',
    {
      bodyLimit: ANALYSIS_BODY_LIMIT,
      config: { cpuBound: true },
      schema: {
        operationId: 'analyzeGap',
        'x-example-request': { method: 'POST', url: '/roles/data-analyst/gap?lang=en', payload: { have: ['python', 'sql', 'Cobol'] } },
        tags,
        summary: 'Analyze the skill gap for a role',
        description:
          'Resolves each input to technologies and skills (slug, name or alias, any case, accents optional), then reports per responsibility and per skill category what is covered and what is missing. ' +
          'Inputs that name nothing are listed in `unrecognized`, never dropped.',
        params: gapParamsSchema,
        querystring: detailQuerySchema,
        body: gapBodySchema,
        response: { 200: skillGapSchema, ...analysisProblemResponses(400, 404, 413, 415) },
      },
    },
    // The role is found here, so an unknown one is a 404 without a trip to the pool.
    async (request, reply) => {
      const json = await app.analyze({ kind: 'gap', role: context().roles.findRole(request.params.role).slug, have: request.body.have, lang: request.lang });
      return sendEncoded(reply, json);
    },
  );

  app.post(
    '/extract',
    {
      bodyLimit: ANALYSIS_BODY_LIMIT,
      config: { cpuBound: true },
      schema: {
        operationId: 'extractEntities',
        'x-example-request': { method: 'POST', url: '/extract?lang=en', payload: { text: 'Szukamy inżyniera ze znajomością Pythona, Dockera i Kubernetesa.' } },
        tags,
        summary: 'Find technologies, skills and roles in a text',
        description:
          'For a job ad or CV in Polish or English: every technology, skill and role the text names, with each mention\'s UTF-16 offsets (`text.slice(start, end) === matched`). ' +
          'Names come from the database: technology names and aliases, with Polish case endings on single-word names; skill names in Polish and English; role names and aliases.',
        querystring: detailQuerySchema,
        body: extractBodySchema,
        response: { 200: extractionSchema, ...analysisProblemResponses(400, 413, 415) },
      },
    },
    async (request, reply) => sendEncoded(reply, await app.analyze({ kind: 'extract', text: request.body.text, lang: request.lang })),
  );
};

export default analysisRoutes;
