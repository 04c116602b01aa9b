import { z } from 'zod';
import { CARD_THEMES } from '../embed/card-html.js';
import { langQuerySchema } from './common.js';

export const embedCardQuerySchema = langQuerySchema
  .extend({
    theme: z.enum(CARD_THEMES).default('light').describe("Colours of the card: `auto` follows the reader's `prefers-color-scheme`."),
  })
  .strict();

export const oembedQuerySchema = z
  .object({
    url: z.string().min(1).max(2000).describe('A role URL of this API: `/roles/{role}`, `/roles/{role}/card`, `/embed/roles/{role}` or the explorer page `/?node=role:{role}`.'),
    format: z.enum(['json', 'xml']).default('json').describe('Only `json` is implemented; `xml` gets 501, as oEmbed 1.0 says.'),
    maxwidth: z.coerce.number().int().min(1).max(10_000).optional().describe('Largest width the consumer can show, in pixels.'),
    maxheight: z.coerce.number().int().min(1).max(10_000).optional().describe('Largest height the consumer can show, in pixels.'),
  })
  .strict();

export const oembedSchema = z
  .object({
    type: z.literal('rich'),
    version: z.literal('1.0'),
    title: z.string(),
    provider_name: z.string(),
    provider_url: z.string(),
    cache_age: z.number().int().describe('Seconds the consumer may keep this answer.'),
    html: z.string().describe('An iframe showing the card and the external script (`/embed/resize.js`, pinned with its integrity) that sizes the frame to the height the card posts (`{type: "rolegraph:height", height}`).'),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'OEmbed', description: 'An oEmbed 1.0 "rich" response.' });

export const apiIndexSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    links: z.record(z.string(), z.string()).describe('Entry points of the API, by name.'),
  })
  .meta({ id: 'ApiIndex', description: 'Where to start. Browsers (`Accept: text/html`) get the explorer page instead.' });

export type OEmbed = z.infer<typeof oembedSchema>;
