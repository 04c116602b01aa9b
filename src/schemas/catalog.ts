import { z } from 'zod';
import { aliasSchema, entityIdSchema, provenanceSchema, roleRefSchema, skillKindSchema, skillRefSchema, slugSchema, sourceSchema, technologyKindSchema, technologyRefSchema, untranslatedSchema, updatedInSchema } from './common.js';
import { USAGE_KINDS } from './roles.js';

/** Ids of nodes that name the same real thing in another kind (Kubernetes the technology and Kubernetes the skill). */
const sameAsSchema = z.array(entityIdSchema).describe('Ids of other nodes that name the same real thing: `technology:kubernetes` ↔ `skill:kubernetes`.');

export const technologySummarySchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    name: z.string(),
    kind: technologyKindSchema,
    aliases: z.array(aliasSchema).describe('True alternate names; inflected forms resolve too but are not listed.'),
    url: z.string(),
    sameAs: sameAsSchema,
    source: sourceSchema.describe('Where the technology is first named.'),
    nameSource: provenanceSchema.describe('Where `name` comes from: the source line when it contains the name, else the curated vocabulary ("Apache Airflow" where the document says "Airflow").'),
  })
  .meta({ id: 'TechnologySummary' });

const responsibilityLinkSchema = z.object({ id: entityIdSchema, slug: z.string(), name: z.string(), url: z.string() });

export const technologySchema = technologySummarySchema
  .extend({
    roles: z.array(roleRefSchema.extend({ via: z.array(z.enum(USAGE_KINDS)) })),
    responsibilities: z.array(responsibilityLinkSchema.extend({ role: roleRefSchema, context: z.string().nullable(), source: sourceSchema })),
    tasks: z.array(
      z.object({ id: entityIdSchema, role: roleRefSchema, responsibility: responsibilityLinkSchema, position: z.number().int().min(1), text: z.string(), matched: z.string(), source: sourceSchema }),
    ),
    skills: z.array(skillRefSchema.extend({ source: sourceSchema })),
    comparisons: z.array(z.object({ id: entityIdSchema, slug: z.string(), url: z.string(), role: roleRefSchema, matched: z.string(), source: sourceSchema })),
    updatedIn: updatedInSchema,
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'Technology' });


export const skillSummarySchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    name: z.string(),
    kind: skillKindSchema,
    url: z.string(),
    sameAs: sameAsSchema,
    technologies: z.array(technologyRefSchema),
    source: sourceSchema,
    nameSource: provenanceSchema.describe('Where the Polish `name` comes from: the source line when it contains it in any case, else the curated vocabulary.'),
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'SkillSummary' });

/** One line of a role's skills that names the skill: its category, its text and qualifier, and where it stands. */
const skillRequirementSchema = z.object({
  category: z.object({ id: entityIdSchema, slug: z.string(), name: z.string() }),
  text: z.string(),
  qualifier: z.string().nullable(),
  source: sourceSchema,
});

export const skillSchema = skillSummarySchema
  .extend({
    roles: z.array(z.object({ role: roleRefSchema, ...skillRequirementSchema.shape })),
    updatedIn: updatedInSchema,
  })
  .meta({ id: 'Skill' });

/** A role that needs the skill, once, with every line of its skills that names it (`GET /skills/{skill}/roles`). */
export const skillRoleSchema = z
  .object({
    ...roleRefSchema.shape,
    requirements: z.array(skillRequirementSchema).describe("The lines of the role's skills that name the skill, with their category."),
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'SkillRole' });

export const technologyParamsSchema = z.object({ technology: slugSchema.describe('Technology id (`technology:kubernetes`), slug, name or alias (`k8s`).') });
export const skillParamsSchema = z.object({ skill: slugSchema.describe('Skill id (`skill:python`), slug or name, e.g. `python`, `problem-solving`.') });

export type TechnologySummary = z.infer<typeof technologySummarySchema>;
export type Technology = z.infer<typeof technologySchema>;
export type SkillSummary = z.infer<typeof skillSummarySchema>;
export type Skill = z.infer<typeof skillSchema>;
export type SkillRole = z.infer<typeof skillRoleSchema>;
