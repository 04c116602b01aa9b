import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../schemas/common.js';
import { searchPageSchema, searchQuerySchema, suggestQuerySchema, suggestionsSchema, type Suggestion } from '../schemas/search.js';
import { searchPage } from '../search/search-page.js';
import { searchTokens } from '../search/search-text.js';

const tags = ['search'];

/**
 * Folds suggestions that name the same real thing (Kubernetes the technology, Kubernetes the skill)
 * into the first of them, which lists the others in `sameAs`.
 */
function groupSameAs(items: Omit<Suggestion, 'sameAs'>[], sameAs: (id: string) => string[]): Suggestion[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const folded = new Set<string>();
  const out: Suggestion[] = [];
  for (const item of items) {
    if (folded.has(item.id)) continue;
    const others = sameAs(item.id).flatMap((id) => {
      const other = byId.get(id);
      if (!other) return [];
      folded.add(id);
      return [{ kind: other.kind, id: other.id, url: other.url }];
    });
    out.push({ ...item, sameAs: others });
  }
  return out;
}

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const search = () => app.data.current.search;

  app.get(
    '/search',
    {
      schema: {
        operationId: 'search',
        'x-example-request': { url: '/search?q=mlops&limit=2&lang=en' },
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
    async (request) => searchPage(search(), request.query, request.lang),
  );

  app.get(
    '/search/suggest',
    {
      schema: {
        operationId: 'suggest',
        'x-example-request': { url: '/search/suggest?q=kube&lang=en' },
        tags,
        summary: 'Complete a name as it is typed',
        description:
          'Name-only completion over the names and aliases of every node but tasks: every word typed matches the start of a word of a name. ' +
          'An exact name comes first, then names that start with what was typed.',
        querystring: suggestQuerySchema,
        response: { 200: suggestionsSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const tokens = searchTokens(request.query.q);
      if (tokens.length === 0) return { items: [] };
      const items = search().suggest(tokens, request.lang, request.query.limit + 1);
      return { items: groupSameAs(items, (id) => app.repositories.catalog.sameAs(id)).slice(0, request.query.limit) };
    },
  );
};

export default searchRoutes;
