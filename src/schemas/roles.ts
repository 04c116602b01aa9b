import { z } from 'zod';
import { crosswalkSchema } from './crosswalks.js';
import { aliasSchema, conceptSchema, entityIdSchema, pageSchema, roleRefSchema, slugSchema, skillRefSchema, sourceSchema, technologyRefSchema, untranslatedSchema, updatedInSchema } from './common.js';

const labeledTextSchema = z.object({ label: z.string().nullable(), text: z.string(), source: sourceSchema });

export const roleSummarySchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    name: z.string(),
    url: z.string(),
    definition: z.string().nullable().describe('Null for roles that documents only mention.'),
    counts: z.object({
      responsibilities: z.number().int(),
      skills: z.number().int(),
      technologies: z.number().int(),
      comparisons: z.number().int(),
    }),
    source: sourceSchema.describe('Where the role is first named.'),
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'RoleSummary' });

export const roleSchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    name: z.string(),
    url: z.string(),
    aliases: z.array(aliasSchema).describe('True alternate names of the role, in either language; inflected forms resolve too but are not listed.'),
    describedBy: z
      .object({ document: z.string(), title: z.string() })
      .nullable()
      .describe('The document that describes the role in full; null when documents only mention it.'),
    definition: z.object({ text: z.string(), source: sourceSchema }).nullable(),
    introduction: z.array(labeledTextSchema).describe('The introduction\'s other paragraphs, e.g. the bridge between science and business.'),
    analogies: z.array(
      z.object({
        title: z.string(),
        source: sourceSchema,
        sides: z.array(z.object({ role: roleRefSchema, label: z.string().nullable(), text: z.string(), source: sourceSchema })),
      }),
    ),
    summary: z.array(z.object({ text: z.string(), source: sourceSchema })),
    comparisons: z
      .array(
        z.object({
          id: entityIdSchema,
          slug: z.string(),
          with: roleRefSchema,
          focus: z.string().describe('What this role focuses on, per the comparison.'),
          keyQuestion: z.string().nullable().describe('The question this role answers, per the comparison.'),
          tools: z.array(technologyRefSchema),
          source: sourceSchema,
        }),
      )
      .describe('What each comparison says of this role.'),
    crosswalks: z
      .array(crosswalkSchema)
      .describe('The role in public occupation taxonomies (ESCO, ISCO-08, O*NET-SOC), each with the published row it was read from. A role with no occupation of its own maps to a broader one (`match: broad`).'),
    updatedIn: updatedInSchema,
    counts: roleSummarySchema.shape.counts,
    links: z.object({ responsibilities: z.string(), skills: z.string(), technologies: z.string(), comparisons: z.string() }),
    source: sourceSchema,
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'Role' });

export const responsibilitySchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    position: z.number().int().min(1).describe('Order within the role, as in the document.'),
    name: z.string(),
    term: z.string().nullable().describe('The English name or expansion the document gives in parentheses.'),
    url: z.string(),
    role: roleRefSchema,
    tasks: z.array(
      z.object({
        id: entityIdSchema.describe('`task:<role>.<responsibility>.<key>`; the key comes from the task\'s own text, so it survives re-seeds and edits of other paragraphs.'),
        position: z.number().int().min(1),
        text: z.string(),
        technologies: z.array(technologyRefSchema.extend({ matched: z.string() })).describe('Technologies the task names.'),
        concepts: z.array(conceptSchema),
        source: sourceSchema,
        updatedIn: updatedInSchema,
      }),
    ),
    technologies: z
      .array(technologyRefSchema.extend({ context: z.string().nullable().describe('The text the technology was listed under.'), source: sourceSchema }))
      .describe('The closing "Technologie:" list, in order.'),
    otherTools: z.array(z.object({ text: z.string(), source: sourceSchema })).describe('Items of that list that name no particular technology.'),
    concepts: z.array(conceptSchema).describe('Concepts the heading names.'),
    source: sourceSchema,
    updatedIn: updatedInSchema,
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'Responsibility' });

export const roleSkillCategorySchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    name: z.string(),
    kind: skillRefSchema.shape.kind,
    position: z.number().int().min(1),
    skills: z.array(
      skillRefSchema.extend({
        text: z.string().describe('The item as the document words it.'),
        qualifier: z.string().nullable().describe('What the parenthesis adds, e.g. "perfekcyjna znajomość".'),
        technologies: z.array(technologyRefSchema),
        source: sourceSchema,
      }),
    ),
    source: sourceSchema,
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'RoleSkillCategory' });

export const USAGE_KINDS = ['responsibility', 'task', 'skill', 'comparison'] as const;

export const roleTechnologySchema = z
  .object({
    ...technologyRefSchema.shape,
    usages: z.array(
      z.object({
        via: z.enum(USAGE_KINDS).describe('What ties the technology to the role.'),
        responsibility: z.object({ id: entityIdSchema, slug: z.string(), name: z.string(), url: z.string() }).nullable(),
        skill: skillRefSchema.nullable(),
        comparison: z.object({ id: entityIdSchema, slug: z.string(), url: z.string() }).nullable(),
        context: z.string().nullable(),
        source: sourceSchema,
      }),
    ),
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'RoleTechnology' });

export const comparisonSchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    title: z.string(),
    url: z.string(),
    roles: z.array(roleRefSchema).length(2),
    sides: z.array(
      z.object({
        role: roleRefSchema,
        text: z.string(),
        focus: z.string(),
        keyQuestion: z.string().nullable(),
        tools: z.array(technologyRefSchema),
        source: sourceSchema,
      }),
    ),
    source: sourceSchema,
    untranslated: untranslatedSchema,
  })
  .meta({ id: 'Comparison' });

export const roleParamsSchema = z.object({ role: slugSchema.describe('Role id (`role:ai-engineer`), slug, or any of its names or aliases (`ai-engineer`, `Inżynier AI`).') });
export const responsibilityPageSchema = pageSchema(responsibilitySchema, 'ResponsibilityPage');

export type RoleSummary = z.infer<typeof roleSummarySchema>;
export type Role = z.infer<typeof roleSchema>;
export type Responsibility = z.infer<typeof responsibilitySchema>;
export type RoleSkillCategory = z.infer<typeof roleSkillCategorySchema>;
export type RoleTechnology = z.infer<typeof roleTechnologySchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
