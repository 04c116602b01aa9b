import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BadRequestError } from '../http/errors.js';
import { problemResponses } from '../schemas/common.js';
import { searchPageSchema, searchQuerySchema, suggestQuerySchema, suggestionsSchema } from '../schemas/search.js';
import { searchTokens } from '../search/search-text.js';

const tags = ['search'];

/** The words of `q`, or a 400 naming `q` when it holds none (only punctuation, operators, control characters). */
function tokensOf(q: string): string[] {
  const tokens = searchTokens(q);
  if (tokens.length === 0) {
    throw new BadRequestError('Query parameter "q" holds no letters or digits to search for.', [
      { name: 'q', in: 'query', reason: 'holds no letters or digits to search for' },
    ]);
  }
  return tokens;
}

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const search = () => app.data.current.search;

  app.get(
    '/search',
    {
      schema: {
        operationId: 'search',
        tags,
        summary: 'Full-text search over every node',
        description:
          'Searches roles, responsibilities, tasks, technologies, skills, skill categories, concepts and comparisons: their names, aliases ' +
          'and texts, in Polish and English at once. Case- and accent-insensitive, every word also matches as a prefix. ' +
          'Ranked by bm25 with names above aliases above texts. Each node appears once; `snippet` is HTML with `<mark>` around the matches.',
        querystring: searchQuerySchema,
        response: { 200: searchPageSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, kind, limit, offset } = request.query;
      const { items, total } = search().search({ tokens: tokensOf(q), kind, lang: request.lang, limit, offset });
      return { items, total, limit, offset };
    },
  );

  app.get(
    '/search/suggest',
    {
      schema: {
        operationId: 'suggest',
        tags,
        summary: 'Complete a name as it is typed',
        description:
          'Name-only completion over the names and aliases of every node but tasks: every word typed matches the start of a word of a name. ' +
          'An exact name comes first, then names that start with what was typed.',
        querystring: suggestQuerySchema,
        response: { 200: suggestionsSchema, ...problemResponses(400) },
      },
    },
    async (request) => ({ items: search().suggest(tokensOf(request.query.q), request.lang, request.query.limit) }),
  );
};

export default searchRoutes;
