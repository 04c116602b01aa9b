import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CROSSWALK_SCHEMES, MATCH_TYPES, TECHNOLOGY_KINDS } from '../db/schema.js';

/** The curated data in seed/: the vocabulary that resolves entities, and the English translations. */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected ASCII kebab-case');
const bilingual = z.object({ pl: z.string().min(1), en: z.string().min(1) });

const forms = z.array(z.string().min(1));

/**
 * `aliases` are true alternate names, served with their provenance; `forms` are inflected forms and
 * wordings that only find an entity in text (the shared morphology derives most cases, these are the
 * ones it cannot); `contextual` lists names or aliases that are common words or short abbreviations.
 */
export const vocabularySchema = z.object({
  technologies: z.array(
    z.object({
      slug,
      name: z.string().min(1),
      kind: z.enum(TECHNOLOGY_KINDS),
      aliases: forms,
      forms: forms.default([]),
      contextual: forms.default([]),
    }),
  ),
  roles: z.array(z.object({ slug, name: bilingual, aliases: z.object({ pl: forms, en: forms }), forms: forms.default([]) })),
  concepts: z.array(z.object({ slug, name: bilingual, forms: z.array(z.string().min(1)).min(1), description: bilingual })),
  skills: z.array(
    z.object({ slug, name: bilingual, forms: z.array(z.string().min(1)).min(1), kind: z.enum(['technical', 'soft']).optional() }),
  ),
  softSkillCategories: z.array(z.string().min(1)),
  skillModifiers: z.array(z.string().min(1)),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** Polish source text, verbatim, to its English translation. */
export const translationsSchema = z.record(z.string().min(1), z.string().min(1));
export type Translations = z.infer<typeof translationsSchema>;

/**
 * Roles to public taxonomies: each mapping names one of `sources` (the published file it was read
 * from) and the row there, so a reader can check it. ESCO gives URIs, ISCO-08 and O*NET-SOC codes.
 */
export const crosswalksSchema = z
  .object({
    note: z.string(),
    sources: z.record(z.string(), z.object({ standard: z.string(), version: z.string(), file: z.string(), copy: z.string() })),
    roles: z.record(
      slug,
      z.array(
        z
          .object({
            scheme: z.enum(CROSSWALK_SCHEMES),
            code: z.string().min(1).optional(),
            uri: z.url().optional(),
            label: z.string().min(1),
            match: z.enum(MATCH_TYPES),
            source: z.string().min(1),
            row: z.string().min(1),
          })
          .refine((m) => m.code !== undefined || m.uri !== undefined, 'a mapping needs a code or a uri'),
      ),
    ),
  })
  .refine((c) => Object.values(c.roles).every((ms) => ms.every((m) => m.source in c.sources)), 'every mapping must name one of `sources`');
export type Crosswalks = z.infer<typeof crosswalksSchema>;

export interface CuratedData {
  vocabulary: Vocabulary;
  translations: Translations;
  crosswalks: Crosswalks;
}

export class CuratedDataError extends Error {}

export const VOCABULARY_FILE = 'vocabulary.json';
/** How served provenance names the curated vocabulary: relative to the repository, as a reader finds it. */
export const CURATED_VOCABULARY = 'seed/vocabulary.json';
export const TRANSLATIONS_FILE = join('translations', 'en.json');
export const CROSSWALKS_FILE = 'crosswalks.json';

export function loadCuratedData(seedDir: string): CuratedData {
  return {
    vocabulary: readJson(join(seedDir, VOCABULARY_FILE), vocabularySchema),
    translations: readJson(join(seedDir, TRANSLATIONS_FILE), translationsSchema),
    crosswalks: readJson(join(seedDir, CROSSWALKS_FILE), crosswalksSchema),
  };
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CuratedDataError(`${path}: expected valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CuratedDataError(`${path}: at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
