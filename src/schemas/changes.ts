import { z } from 'zod';
import { CHANGE_KINDS } from '../db/schema.js';
import { decimalIntegerQuery, entityIdSchema } from './common.js';

const versionSchema = z.string().describe('A data version, as `GET /meta` (`dataVersion`) and `GET /versions` name it.');

export const versionEntrySchema = z
  .object({
    version: versionSchema,
    madeAt: z.string().describe('When the release was made (recorded in the release log, the same on every replica).'),
    documents: z.array(z.object({ file: z.string(), sha256: z.string() })).describe('The documents it was made from, with their SHA-256.'),
    counts: z.object({ created: z.number().int(), updated: z.number().int(), removed: z.number().int() }).describe('Entities created, updated and removed by this release.'),
    changes: z.string().nullable().describe('The changes this release made: `/changes?since=` the release before it; null for a release older than the history kept, and for the first.'),
  })
  .meta({ id: 'Version', description: 'A data release: a re-seed that changed at least one entity.' });

export const changeSchema = z
  .object({
    id: entityIdSchema,
    kind: z.string().describe('The entity kind: role, responsibility, task, technology, skill, category, concept or comparison.'),
    change: z.enum(CHANGE_KINDS),
    version: versionSchema.describe('The release that made the change.'),
    fields: z.array(z.enum(['name', 'texts', 'relations'])).optional().describe('For `updated`: what changed (names and aliases, texts, outgoing relations).'),
    replacedBy: entityIdSchema.optional().describe('For `removed`: the entity that took its place (a technology renamed, its old name kept as an alias).'),
  })
  .meta({ id: 'Change', description: 'One change of one entity in one release.' });

export const changesSchema = z
  .object({
    from: versionSchema.describe('The version given as `since`.'),
    to: versionSchema.describe('The newest release: store it and ask `/changes?since=` it next time.'),
    items: z.array(changeSchema).describe('Oldest release first; within a release, by entity id.'),
    total: z.number().int().min(0),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'Changes', description: 'What changed after a data version, up to the newest release.' });

const paging = {
  limit: decimalIntegerQuery(1, 1000, 100).describe('Page size, 1–1000 (default 100).'),
  offset: decimalIntegerQuery(0, 1_000_000, 0).describe('Items to skip (default 0).'),
};

export const versionsQuerySchema = z.object({ limit: decimalIntegerQuery(1, 100, 20).describe('Page size, 1–100 (default 20).'), offset: paging.offset }).strict();

export const changesQuerySchema = z
  .object({
    since: z.string().min(1).max(64).regex(/^[0-9a-f]+$/, 'must be a data version (hexadecimal), as GET /versions names it').describe('The data version the client has: the `to` of its last call, or a `version` from `GET /versions`.'),
    ...paging,
  })
  .strict();

export type VersionEntry = z.infer<typeof versionEntrySchema>;
export type Change = z.infer<typeof changeSchema>;
