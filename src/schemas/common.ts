import { z } from 'zod';
import { LANGUAGE_TAG, LANGUAGES } from '../lib/language.js';
import { TECHNOLOGY_KINDS, SKILL_KINDS } from '../db/schema.js';

/** Shapes shared by every resource. Each has an id, so the OpenAPI document names it as a component. */

export const slugSchema = z
  .string()
  .min(1)
  .max(200)
  .describe('A slug (ASCII kebab-case) or, where noted, a name or alias that resolves to one.');

export const sourceSchema = z
  .object({
    document: z.string().describe('The source document, a file in seed/documents/.'),
    line: z.number().int().min(1).describe('The 1-based line the fact was read from.'),
  })
  .meta({ id: 'Source', description: 'Where a fact was read from.' });

export const curatedSourceSchema = z
  .object({ file: z.string().describe('The curated file in the repository that gives the text (seed/vocabulary.json, seed/translations/en.json).') })
  .meta({ id: 'CuratedSource', description: 'Where a text no document contains comes from: the curated file that gives it.' });

export const provenanceSchema = z
  .union([sourceSchema, curatedSourceSchema])
  .meta({ id: 'Provenance', description: 'A document line that contains the text (as written or inflected), or else the curated file that gives it.' });

export const aliasSchema = z
  .object({
    name: z.string(),
    lang: z.enum(LANGUAGES).optional().describe('The language the name belongs to, where it has one.'),
    source: provenanceSchema,
  })
  .meta({ id: 'Alias', description: 'A true alternate name (never an inflected form), with where it comes from.' });

export const untranslatedSchema = z
  .array(z.string())
  .optional()
  .describe('Fields served in the source language (Polish) because no translation exists for them.');

/** Every entity's `id`: its graph-node id, the same in every response and accepted by every endpoint that takes the entity. */
export const entityIdSchema = z
  .string()
  .describe('The graph-node id `kind:key` (`role:ai-engineer`, `responsibility:ai-engineer.mlops`, `technology:dvc`); the same in every response, accepted wherever the entity is.');

/** The release in which an entity last changed, from the release log. */
export const updatedInSchema = z
  .string()
  .nullable()
  .describe('The data version (see `GET /versions`) in which the entity last changed; null when the release log does not record it.');

export const roleRefSchema = z
  .object({ id: entityIdSchema, slug: z.string(), name: z.string(), url: z.string() })
  .meta({ id: 'RoleRef', description: 'A link to a role.' });

export const technologyKindSchema = z.enum(TECHNOLOGY_KINDS).meta({ id: 'TechnologyKind' });
export const skillKindSchema = z.enum(SKILL_KINDS).meta({ id: 'SkillKind' });

export const technologyRefSchema = z
  .object({ id: entityIdSchema, slug: z.string(), name: z.string(), kind: technologyKindSchema, url: z.string() })
  .meta({ id: 'TechnologyRef', description: 'A link to a technology.' });

export const skillRefSchema = z
  .object({ id: entityIdSchema, slug: z.string(), name: z.string(), kind: skillKindSchema, url: z.string() })
  .meta({ id: 'SkillRef', description: 'A link to a skill.' });

export const conceptSchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    matched: z.string().describe('The words on the source line that mention the concept.'),
    source: sourceSchema.describe('The line that mentions the concept, in the words of `matched`.'),
    descriptionSource: curatedSourceSchema.describe('The name and description are curated, not read from the document.'),
  })
  .meta({ id: 'ConceptMention', description: 'A concept the text mentions, with the words that mention it.' });

const DECIMAL_DIGITS = /^[0-9]{1,9}$/;

/**
 * A query integer written as plain decimal digits only: `0x10`, `1e2`, `+5`, `5.0` and ` 5` are
 * refused, which `Number()` would accept. The spec shows it as an integer with its bounds and default.
 */
export function decimalIntegerQuery(min: number, max: number, fallback: number) {
  const message = `must be an integer from ${min} to ${max}, written in plain decimal digits`;
  return z
    .preprocess(
      (value) => (typeof value === 'string' && DECIMAL_DIGITS.test(value) ? Number(value) : value),
      z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }),
    )
    // A default, not a required parameter: clients may leave it out (the spec then says it is optional, with this default).
    .default(fallback)
    .meta({ default: fallback });
}

export const langQuerySchema = z.object({
  lang: z
    .string()
    .max(35)
    .regex(LANGUAGE_TAG, 'must be a BCP 47 language tag, e.g. `en`, `en-US`, `pl`')
    .optional()
    .describe(
      `Response language as a BCP 47 tag, any case (\`en\`, \`EN\`, \`en-US\`, \`pl-PL\`); overrides Accept-Language when it names one we have (${LANGUAGES.join(', ')}). ` +
        'Texts without a translation fall back to Polish and are listed in `untranslated`; `Content-Language` says which language you got.',
    ),
});

export const listQuerySchema = langQuerySchema
  .extend({
    limit: decimalIntegerQuery(1, 100, 20).describe('Page size, 1–100 (default 20).'),
    offset: decimalIntegerQuery(0, 1_000_000, 0).describe('Items to skip (default 0).'),
  })
  .strict();

export const detailQuerySchema = langQuerySchema.strict();


export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().min(0).describe('Items in the whole list.'),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .meta({ id });
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function paginate<T>(all: T[], query: { limit: number; offset: number }): Page<T> {
  return { items: all.slice(query.offset, query.offset + query.limit), total: all.length, limit: query.limit, offset: query.offset };
}

export const problemSchema = z
  .object({
    type: z.string().describe('A URI reference that identifies the problem type.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    invalidParams: z
      .array(z.object({ name: z.string(), in: z.enum(['query', 'path', 'header', 'body']), reason: z.string() }))
      .optional()
      .describe('For validation problems: each offending parameter and why.'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem detail, sent as application/problem+json.' });


/** Error responses as the spec documents them: problem+json, not application/json. */
export function problemResponses(...statuses: (400 | 404 | 406 | 410 | 500)[]) {
  const descriptions = { 400: 'Invalid parameter.', 404: 'Not found.', 406: 'Not acceptable.', 410: 'Gone: older than the history kept.', 500: 'Internal error.' } as const;
  return Object.fromEntries(
    statuses.map((status) => [status, { description: descriptions[status], content: { 'application/problem+json': { schema: problemSchema } } }]),
  ) as Record<number, { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } }>;
}
