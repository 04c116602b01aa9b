import { z } from 'zod';
import { LANGUAGES } from '../lib/language.js';
import { SEARCH_KINDS } from '../search/search-entries.js';
import { decimalIntegerQuery, langQuerySchema, listQuerySchema, pageSchema, sourceSchema, untranslatedSchema } from './common.js';

export const MAX_QUERY_LENGTH = 200;

export const searchKindSchema = z.enum(SEARCH_KINDS).meta({ id: 'SearchKind', description: 'The kind of graph node.' });

const queryText = z
  .string()
  .min(0)
  .max(MAX_QUERY_LENGTH)
  .describe(
    `What to look for, at most ${MAX_QUERY_LENGTH} characters. Split into words on anything but letters and digits; every word must match ` +
      'as a word or the start of one, ignoring case and accents (`inzynier` finds `Inżynier`, `kube` finds `Kubernetes`). ' +
      'Operators and quotes have no special meaning.',
  );

export const searchQuerySchema = listQuerySchema
  .extend({
    q: queryText,
    kind: searchKindSchema.optional().describe('Only nodes of this kind.'),
  })
  .strict();

export const suggestQuerySchema = langQuerySchema
  .extend({
    q: queryText,
    limit: decimalIntegerQuery(1, 20, 10).describe('Suggestions, 1–20.'),
  })
  .strict();

const nodeIdSchema = z.string().describe('The graph node id `kind:key` (e.g. `technology:dvc`, `task:ai-engineer.mlops.jest-to-polaczenie-uczenia-maszynowego-devops`).');
const urlSchema = z
  .string()
  .nullable()
  .describe(
    'The API resource that shows the node. Tasks and concepts lead to the responsibility that holds (or first mentions) them, ' +
      "categories to the first role's skills, comparisons to the role's comparisons; null for a concept no text mentions.",
  );

export const searchHitSchema = z
  .object({
    kind: searchKindSchema,
    id: nodeIdSchema,
    slug: z.string().describe("The node's own slug; for a task, its key within the responsibility (from its text, stable across re-seeds)."),
    name: z.string().describe("The node's name in the response language (a task's name is its text)."),
    snippet: z
      .string()
      .describe(
        'The best-matching fragment of the name, aliases or text, as HTML: text escaped, matched words wrapped in `<mark>…</mark>`, ' +
          '`…` where the fragment was cut. Shows the original spelling, accents included, whatever the query folded.',
      ),
    snippetLang: z.enum(LANGUAGES).describe('The language the snippet is in: the response language when the node matches there, else the other.'),
    url: urlSchema,
    score: z.number().describe('Relevance (bm25, higher is better); names weigh more than aliases, aliases more than texts.'),
    source: sourceSchema,
    untranslated: untranslatedSchema,
  })
  .meta({
    id: 'SearchHit',
  });

export const searchPageSchema = pageSchema(searchHitSchema, 'SearchPage');

export const suggestionSchema = z
  .object({
    kind: searchKindSchema,
    id: nodeIdSchema,
    slug: z.string(),
    name: z.string().describe("The node's name in the response language."),
    matched: z.string().describe('The name or alias that matched what was typed (`k8s` for Kubernetes).'),
    url: urlSchema,
    sameAs: z
      .array(z.object({ kind: searchKindSchema, id: nodeIdSchema, url: urlSchema }))
      .describe('Other nodes that name the same real thing, folded into this entry (Kubernetes the technology and Kubernetes the skill are one suggestion).'),
  })
  .meta({ id: 'Suggestion' });

export const suggestionsSchema = z
  .object({ items: z.array(suggestionSchema) })
  .meta({
    id: 'Suggestions',
  });

export type SearchHit = z.infer<typeof searchHitSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
