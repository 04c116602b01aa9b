import { z } from 'zod';
import { CROSSWALK_SCHEMES, MATCH_TYPES } from '../db/schema.js';

export const crosswalkSchema = z
  .object({
    scheme: z.enum(CROSSWALK_SCHEMES).describe('`esco` (ESCO occupations), `isco-08` (ISCO-08 unit groups) or `onet-soc` (O*NET-SOC 2019).'),
    code: z.string().nullable().describe('The code in the scheme (ISCO-08 unit group, O*NET-SOC code); null for ESCO occupations, which have a URI.'),
    uri: z.string().nullable().describe('The concept URI where the published file gives one (ESCO occupations and ISCO-08 groups).'),
    label: z.string().describe('The concept\'s preferred label in the published file (English).'),
    match: z.enum(MATCH_TYPES).describe('How the role relates to the concept, as SKOS mapping relations do: `broad` means the concept is broader than the role.'),
    source: z
      .object({
        file: z.string().describe('The published file the mapping was read from (the copy read), or the standard\'s name.'),
        row: z.string().describe('The row there: record number and label, or the code and title.'),
        curatedIn: z.string().describe('The curated file in this repository that holds the mapping.'),
      })
      .describe('Where the mapping comes from.'),
  })
  .meta({ id: 'Crosswalk', description: 'A role\'s place in a public occupation taxonomy, with the published row it was read from.' });

export type Crosswalk = z.infer<typeof crosswalkSchema>;
