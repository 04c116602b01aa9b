import { z } from 'zod';
import { entityIdSchema, langQuerySchema } from './common.js';
import { crosswalkSchema } from './crosswalks.js';

const cardTechnologySchema = z.object({ id: entityIdSchema, name: z.string() });

export const roleCardSchema = z
  .object({
    id: entityIdSchema,
    slug: z.string(),
    name: z.string(),
    definition: z.string().nullable().describe("The definition's first sentence; null for roles documents only mention."),
    responsibilities: z
      .array(z.object({ slug: z.string().describe('Its id is `responsibility:{role}.{slug}`; the slug alone keeps the card small.'), name: z.string(), technologies: z.array(cardTechnologySchema).describe('The closing "Technologie:" list, in order.') }))
      .describe('In document order.'),
    occupations: z
      .array(crosswalkSchema.pick({ scheme: true, code: true, uri: true, label: true, match: true }))
      .describe("The role's places in ESCO, ISCO-08 and O*NET-SOC; where each was read from is on the role resource (`crosswalks`)."),
    counts: z.object({ responsibilities: z.number().int(), skills: z.number().int(), technologies: z.number().int(), comparisons: z.number().int() }),
    links: z
      .object({
        role: z.string(),
        responsibilities: z.string(),
        skills: z.string(),
        technologies: z.string(),
        comparisons: z.string(),
        explorer: z.string().describe('The human page of the role.'),
      })
      .describe('Paths of the full resources, relative to the API origin. A responsibility is at `{role}/responsibilities/{slug}`, the iframe card at `/embed{role}`.'),
  })
  .meta({
    id: 'RoleCard',
    description: 'Everything a role card shows, in one small response.',
  });

export const cardQuerySchema = langQuerySchema.strict();

export type RoleCard = z.infer<typeof roleCardSchema>;
