import { z } from 'zod';
import { LANGUAGES } from '../lib/language.js';
import { detailQuerySchema } from './common.js';

/** schema.org JSON-LD documents: the `application/ld+json` representation of roles, technologies and skills. */

/** Terms whose values are codes or names in no particular language, so the context exempts them from `@language`. */
export const LANGUAGE_NEUTRAL_TERMS = ['alternateName', 'termCode', 'codeValue'] as const;

const languageNeutralTerm = (term: (typeof LANGUAGE_NEUTRAL_TERMS)[number]) =>
  z.object({ '@id': z.literal(`schema:${term}`), '@language': z.null() });

export const jsonLdContextSchema = z
  .tuple([
    z.literal('https://schema.org'),
    z.object({
      '@language': z.enum(LANGUAGES).describe('The negotiated response language: every plain string not exempted below is in it.'),
      alternateName: languageNeutralTerm('alternateName'),
      termCode: languageNeutralTerm('termCode'),
      codeValue: languageNeutralTerm('codeValue'),
    }),
  ])
  .meta({
    id: 'JsonLdContext',
    description: 'The schema.org context, then the default language of the strings and the terms exempted from it (aliases and slugs).',
  });

export const jsonLdTextSchema = z
  .union([z.string(), z.object({ '@value': z.string(), '@language': z.enum(LANGUAGES) }).strict()])
  .meta({
    id: 'JsonLdText',
    description: 'A string in the context\'s `@language`, or a value object naming its language when the text has no translation and fell back to Polish.',
  });

const absoluteUrl = z.url().describe('An absolute URL of this API, built from the request\'s scheme and Host.');
const humanPageUrl = z.url().describe('The page people read: the explorer page of the entity, in the document\'s language (`@id` is the API resource).');

export const definedTermSetNodeSchema = z
  .object({ '@type': z.literal('DefinedTermSet'), '@id': absoluteUrl, url: absoluteUrl, name: z.string() })
  .meta({ id: 'DefinedTermSetNode', description: 'The vocabulary a term belongs to: this API\'s list of technologies or of skills.' });

export const definedTermNodeSchema = z
  .object({
    '@type': z.literal('DefinedTerm'),
    '@id': absoluteUrl,
    url: humanPageUrl,
    name: jsonLdTextSchema,
    termCode: z.string().describe('The slug.'),
    alternateName: z.array(z.string()).optional().describe('Other names and forms that resolve to the term (technologies only).'),
    inDefinedTermSet: definedTermSetNodeSchema,
  })
  .meta({ id: 'DefinedTermNode', description: 'A technology or skill as a schema.org DefinedTerm.' });

export const definedTermJsonLdSchema = z
  .object({ '@context': jsonLdContextSchema, ...definedTermNodeSchema.shape })
  .meta({ id: 'DefinedTermJsonLd', description: 'A technology or skill as a schema.org DefinedTerm JSON-LD document.' });

export const categoryCodeNodeSchema = z
  .object({
    '@type': z.literal('CategoryCode'),
    '@id': z.string().optional().describe('The concept URI, where the taxonomy publishes one (ESCO occupations, ISCO-08 groups).'),
    codeValue: z.string().describe('The code (ISCO-08, O*NET-SOC), or the concept URI for ESCO occupations, which have no code.'),
    name: z.object({ '@value': z.string(), '@language': z.literal('en') }).strict().describe('The concept\'s label in the published file (English).'),
    inCodeSet: z.object({ '@type': z.literal('CategoryCodeSet'), name: z.string() }).describe('The taxonomy: ESCO, ISCO-08 or O*NET-SOC.'),
  })
  .meta({ id: 'CategoryCodeNode', description: 'A role\'s crosswalk to a public occupation taxonomy as a schema.org CategoryCode.' });

export const occupationJsonLdSchema = z
  .object({
    '@context': jsonLdContextSchema,
    '@type': z.literal('Occupation'),
    '@id': absoluteUrl,
    url: humanPageUrl,
    name: jsonLdTextSchema,
    alternateName: z.array(z.string()).describe('Other names and forms that resolve to the role.'),
    description: jsonLdTextSchema.optional().describe('The definition; absent for roles the documents only mention.'),
    responsibilities: z.array(jsonLdTextSchema).describe('The responsibilities\' names, in document order.'),
    skills: z.array(definedTermNodeSchema).describe('Every skill the role requires, in document order.'),
    occupationalCategory: z.array(categoryCodeNodeSchema).describe('The role\'s crosswalks (ESCO, ISCO-08, O*NET-SOC); how closely each matches is in `GET /roles/{role}` and the SKOS export.'),
  })
  .meta({
    id: 'OccupationJsonLd',
    description: 'A role as a schema.org Occupation JSON-LD document.',
  });

/** The detail routes' query, plus `format` for clients (links, browsers) that cannot send Accept. */
export const jsonLdDetailQuerySchema = detailQuerySchema.extend({
  format: z
    .enum(['json', 'jsonld'])
    .optional()
    .describe('`jsonld` for the schema.org JSON-LD representation, `json` for plain JSON; overrides Accept.'),
});

/**
 * The JSON-LD representation as an operation of its own (`…/jsonld`), so a typed client gets one
 * response type per operation; the main path still answers `Accept: application/ld+json`.
 */
export function jsonLdResponse<L extends z.ZodType>(jsonLd: L, description: string) {
  return { description, content: { 'application/ld+json': { schema: jsonLd } } };
}

export type JsonLdText = z.infer<typeof jsonLdTextSchema>;
export type JsonLdContext = z.infer<typeof jsonLdContextSchema>;
export type DefinedTermSetNode = z.infer<typeof definedTermSetNodeSchema>;
export type DefinedTermNode = z.infer<typeof definedTermNodeSchema>;
export type DefinedTermJsonLd = z.infer<typeof definedTermJsonLdSchema>;
export type OccupationJsonLd = z.infer<typeof occupationJsonLdSchema>;
export type CategoryCodeNode = z.infer<typeof categoryCodeNodeSchema>;

/** The JSON-LD export: SKOS statements under an inline context; each node's properties are described in the context. */
export const graphExportJsonLdSchema = z
  .object({
    '@context': z.record(z.string(), z.unknown()).describe('SKOS, Dublin Core and RDFS terms under short names; labels and definitions as language maps.'),
    '@graph': z
      .array(z.looseObject({ '@id': z.string(), '@type': z.enum(['ConceptScheme', 'Concept']) }))
      .describe('The concept scheme, then one `skos:Concept` per node (`identifier` is the API id).'),
  })
  .meta({ id: 'GraphExportJsonLd', description: 'The whole graph as SKOS in JSON-LD.' });
