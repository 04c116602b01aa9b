import { z } from 'zod';
import { entityIdSchema, problemResponses, problemSchema, roleRefSchema, skillRefSchema, sourceSchema, technologyRefSchema, untranslatedSchema } from './common.js';
import { USAGE_KINDS } from './roles.js';

/** Shapes of the analysis operations: role comparison, skill-gap analysis, extraction from text. */

const categoryRefSchema = z.object({ id: entityIdSchema, slug: z.string(), name: z.string() });
const usageKindsSchema = z.array(z.enum(USAGE_KINDS)).describe('What ties the technology to the role; empty when nothing does.');

// ---------------------------------------------------------------- compare

export const compareParamsSchema = z.object({
  a: z.string().min(1).max(200).describe('The first role: slug, or any of its names or aliases (e.g. `ai-engineer`, `Inżynier AI`).'),
  b: z.string().min(1).max(200).describe('The second role, likewise; must be another role than `a`.'),
});

const comparedTechnologySchema = technologyRefSchema
  .extend({ via: z.object({ a: usageKindsSchema, b: usageKindsSchema }) })
  .meta({ id: 'ComparedTechnology', description: 'A technology and what ties it to each of the two roles.' });

const comparedSkillSchema = skillRefSchema
  .extend({
    category: z
      .object({ a: categoryRefSchema.nullable(), b: categoryRefSchema.nullable() })
      .describe("The skill category each role lists the skill under; null for a role that doesn't list it."),
  })
  .meta({ id: 'ComparedSkill' });

function splitSchema<T extends z.ZodType>(item: T, what: string) {
  return z.object({
    shared: z.array(item).describe(`${what} tied to both roles, in the first role's order.`),
    onlyA: z.array(item).describe(`${what} tied to role \`a\` only.`),
    onlyB: z.array(item).describe(`${what} tied to role \`b\` only.`),
  });
}

const statedSideSchema = z.object({
  label: z.string().nullable().describe('What an analogy calls the role ("Naukowiec"); null in a comparison.'),
  text: z.string().describe("The comparison's (or analogy's) whole paragraph on this role."),
  focus: z.string().nullable().describe('What the role focuses on, per the comparison; null for an analogy, which states none.'),
  keyQuestion: z.string().nullable().describe('The question the role answers, per the comparison.'),
  tools: z.array(technologyRefSchema).describe('The tools the comparison names for this role.'),
  source: sourceSchema,
});

export const roleComparisonSchema = z
  .object({
    a: roleRefSchema,
    b: roleRefSchema,
    technologies: splitSchema(comparedTechnologySchema, 'Technologies').describe(
      'Technologies tied to each role through its responsibilities, tasks, skills or comparison tools (as `GET /roles/{role}/technologies`).',
    ),
    skills: splitSchema(comparedSkillSchema, 'Skills').describe("Skills each role's skill set lists."),
    statedDifferences: z
      .object({
        kind: z.enum(['comparison', 'analogy']).describe('A "vs." comparison section, or an analogy that sets the roles side by side.'),
        id: entityIdSchema.nullable().describe('The comparison\'s graph-node id; null for an analogy, which is not a node of its own.'),
        slug: z.string(),
        title: z.string(),
        url: z.string(),
        a: statedSideSchema,
        b: statedSideSchema,
        source: sourceSchema,
      })
      .nullable()
      .describe(
        'What a document itself says sets the two roles apart (a comparison, else an analogy), sides in the order a, b whatever order the document uses; null when no document contrasts them.',
      ),
    untranslated: untranslatedSchema,
  })
  .meta({
    id: 'RoleComparison',
    description: 'Shared and distinct technologies and skills of two roles, and the differences a document states.',
  });

// ---------------------------------------------------------------- gap

const MAX_INPUTS = 200;
const MAX_INPUT_LENGTH = 100;

export const gapParamsSchema = z.object({
  role: z.string().min(1).max(200).describe('Role slug, or any of its names or aliases (e.g. `ai-engineer`, `Inżynier AI`).'),
});

export const gapBodySchema = z
  .object({
    have: z
      .array(
        z
          .string()
          .min(1)
          .max(MAX_INPUT_LENGTH)
          .regex(/\S/, 'must not be blank')
          .describe('A technology or skill: slug, name or alias, any case, accents optional (`k8s`, `Apache Spark`, `testowanie kodu`).'),
      )
      .min(1)
      .max(MAX_INPUTS)
      .describe(`What the candidate has: 1–${MAX_INPUTS} entries of 1–${MAX_INPUT_LENGTH} characters, none blank.`),
  })
  .strict()
  .meta({ id: 'SkillGapRequest', examples: [{ have: ['python', 'k8s', 'Docker', 'Apache Spark'] }] });

const ratioSchema = z.number().min(0).max(1).nullable();

const coverageSchema = z
  .object({
    matched: z.number().int().min(0),
    required: z.number().int().min(0),
    ratio: ratioSchema.describe('`matched / required`, unrounded; null when nothing is required.'),
  })
  .meta({ id: 'Coverage' });

const matchedBySchema = z.array(z.string()).describe('The inputs, as sent, that made this count as had.');

const responsibilityCoverageSchema = z.object({
  id: entityIdSchema,
  slug: z.string(),
  name: z.string(),
  url: z.string(),
  required: z.array(technologyRefSchema).describe('The technologies of the responsibility\'s "Technologie:" list.'),
  matched: z.array(technologyRefSchema.extend({ matchedBy: matchedBySchema })),
  missing: z.array(technologyRefSchema),
  ratio: ratioSchema.describe('`matched / required` for this responsibility; null when it requires nothing.'),
});

const categoryCoverageSchema = z.object({
  id: entityIdSchema,
  slug: z.string(),
  name: z.string(),
  kind: skillRefSchema.shape.kind,
  required: z.array(skillRefSchema).describe('The skills the role lists under this category.'),
  matched: z.array(skillRefSchema.extend({ matchedBy: matchedBySchema })),
  missing: z.array(skillRefSchema),
  ratio: ratioSchema.describe('`matched / required` for this category; null when it lists nothing.'),
});

export const skillGapSchema = z
  .object({
    role: roleRefSchema,
    recognized: z
      .array(z.object({ input: z.string(), technologies: z.array(technologyRefSchema), skills: z.array(skillRefSchema) }))
      .describe('Each input that named something, with what it named (one input can name a technology and the skill that is that technology).'),
    unrecognized: z.array(z.string()).describe('The inputs, as sent, that name no known technology or skill.'),
    responsibilities: z.array(responsibilityCoverageSchema).describe("The role's responsibilities in document order, each with what it requires."),
    skillCategories: z
      .array(categoryCoverageSchema)
      .describe('The role\'s skill categories; a skill counts as had when an input names the skill or any technology the skill involves.'),
    missing: z
      .object({
        responsibilities: z.array(z.object({ id: entityIdSchema, slug: z.string(), name: z.string(), url: z.string(), technologies: z.array(technologyRefSchema) })),
        skillCategories: z.array(z.object({ id: entityIdSchema, slug: z.string(), name: z.string(), skills: z.array(skillRefSchema) })),
      })
      .describe('Only what is missing, grouped the same way; fully covered groups are left out.'),
    coverage: z
      .object({ technologies: coverageSchema, skills: coverageSchema, overall: coverageSchema })
      .describe(
        '`technologies`: distinct technologies over all responsibilities (a technology two responsibilities list counts once) that an input names. ' +
          '`skills`: skills of the role that count as had. `overall`: requirements = distinct responsibility technologies + role skills ' +
          '(a technology that is also a skill, e.g. Docker, counts once as each), ratio = (technologies.matched + skills.matched) / (technologies.required + skills.required).',
      ),
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'SkillGap', description: 'How far a set of technologies and skills covers what a role requires.' });

// ---------------------------------------------------------------- extract

export const MAX_TEXT_LENGTH = 20_000;

export const extractBodySchema = z
  .object({
    text: z
      .string()
      .min(1)
      .max(MAX_TEXT_LENGTH)
      .describe(`A job ad, CV or any text in Polish or English, 1–${MAX_TEXT_LENGTH.toLocaleString('en')} characters (UTF-16 code units).`),
  })
  .strict()
  .meta({ id: 'ExtractionRequest', examples: [{ text: 'Szukamy inżyniera ze znajomością Pythona, Dockera i Kubernetesa.' }] });

const mentionSchema = z
  .object({
    start: z.number().int().min(0).describe('UTF-16 code unit offset of the first character (JavaScript string index).'),
    end: z.number().int().min(0).describe('UTF-16 code unit offset after the last character: `text.slice(start, end) === matched`.'),
    matched: z.string().describe('The text as written in the input.'),
  })
  .meta({ id: 'Mention' });

const mentionsSchema = z.array(mentionSchema).min(1).describe('Every mention, in text order.');

export const extractionSchema = z
  .object({
    technologies: z.array(technologyRefSchema.extend({ mentions: mentionsSchema })).describe('In order of first mention.'),
    skills: z.array(skillRefSchema.extend({ mentions: mentionsSchema })).describe('In order of first mention.'),
    roles: z.array(roleRefSchema.extend({ mentions: mentionsSchema })).describe('In order of first mention.'),
    untranslated: untranslatedSchema,
  })
  .meta({
    id: 'Extraction',
    description:
      'Technologies, skills and roles a text mentions. Matching is case- and accent-insensitive, on word boundaries ("SQL" is not found in "NoSQL"), ' +
      'longest name first, and knows aliases and Polish case endings ("Pythona", "Kubernetesie").',
  });

// ---------------------------------------------------------------- errors

/**
 * Every body a schema accepts fits, even with every character \u-escaped (6 bytes): 20,000 × 6 + the
 * envelope, and 200 × (100 × 6 + 3) for the gap.
 */
export const ANALYSIS_BODY_LIMIT = 128 * 1024;

const extraProblems = {
  413: 'Request body larger than 128 KiB.',
  415: 'Content-Type other than application/json.',
} as const;

/** problemResponses, plus the statuses only a request body can cause. */
export function analysisProblemResponses(...statuses: (400 | 404 | 413 | 415)[]) {
  const common = problemResponses(...statuses.filter((s): s is 400 | 404 => s === 400 || s === 404));
  const extra = Object.fromEntries(
    statuses
      .filter((s): s is 413 | 415 => s === 413 || s === 415)
      .map((status) => [status, { description: extraProblems[status], content: { 'application/problem+json': { schema: problemSchema } } }]),
  );
  return { ...common, ...extra } as typeof common;
}

export type RoleComparison = z.infer<typeof roleComparisonSchema>;
export type SkillGap = z.infer<typeof skillGapSchema>;
export type Extraction = z.infer<typeof extractionSchema>;
