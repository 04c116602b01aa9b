import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../model/domain-errors.js';
import { PROBLEM_KEYS, PROBLEM_TYPES, type ProblemKey, problemTypeUri } from '../http/problems.js';
import type { Lang } from '../lib/language.js';
import { detailQuerySchema, problemResponses } from '../schemas/common.js';

const problemTypeSchema = z
  .object({
    type: z.string().describe('The URI a problem names in its `type`: this page.'),
    title: z.string().describe('The title every problem of this type carries, in the response language.'),
    status: z.number().int().min(400).max(599).describe('The HTTP status problems of this type are sent with.'),
    description: z.string().describe('What the problem means and what a client can do about it.'),
  })
  .meta({ id: 'ProblemType', description: 'What a problem `type` means: the page its URI dereferences to.' });

const describe = (key: ProblemKey, lang: Lang) => ({ type: problemTypeUri(key), title: PROBLEM_TYPES[key].title[lang], status: PROBLEM_TYPES[key].status, description: PROBLEM_TYPES[key].description[lang] });

/** Problem `type` URIs are dereferenceable: each answers with the description of its problem. */
const problemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/problems',
    {
      schema: {
        operationId: 'listProblemTypes',
        'x-example-request': { url: '/problems?lang=en' },
        tags: ['meta'],
        summary: 'Every problem type this API sends',
        description: 'Each with the status it is sent with and what it means, in the negotiated language.',
        querystring: detailQuerySchema,
        response: { 200: z.object({ items: z.array(problemTypeSchema) }).meta({ id: 'ProblemTypes', description: 'Every problem type, with its status and meaning.' }), ...problemResponses(400) },
      },
    },
    async (request) => ({ items: PROBLEM_KEYS.map((key) => describe(key, request.lang)) }),
  );

  app.get(
    '/problems/:type',
    {
      schema: {
        operationId: 'getProblemType',
        'x-example-request': { url: '/problems/not-found?lang=en' },
        tags: ['meta'],
        summary: 'What a problem type means',
        description: 'The page a problem `type` URI dereferences to: its title, status and meaning, in the negotiated language.',
        params: z.object({ type: z.string().min(1).max(100).describe(`The last segment of a problem \`type\`: ${PROBLEM_KEYS.join(', ')}.`) }),
        querystring: detailQuerySchema,
        response: { 200: problemTypeSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const key = request.params.type;
      // Own keys only: `constructor` or `toString` are in every object but are no problem type.
      if (!Object.hasOwn(PROBLEM_TYPES, key)) throw new NotFoundError('problemType', key);
      return describe(key as ProblemKey, request.lang);
    },
  );
};

export default problemRoutes;
