import { z } from 'zod';

export const healthSchema = z
  .object({ status: z.literal('ok'), uptimeSeconds: z.number() })
  .meta({ id: 'Health', description: 'Liveness: the process answers.' });

export const readySchema = z
  .object({
    status: z.literal('ready'),
    dataVersion: z.string(),
    rateLimits: z
      .enum(['off', 'memory', 'redis', 'redis-unavailable'])
      .describe('Where rate limits are counted: off, this replica\'s memory, Redis (shared by all replicas), or this replica\'s memory while Redis is unreachable (the API keeps serving).'),
  })
  .meta({ id: 'Ready', description: 'Readiness: the database is open and seeded (and is the required data version, when one is set).' });

export const metaSchema = z
  .object({
    dataVersion: z.string().describe('Hash of the documents, curated data, migrations and seed code the database was built from.'),
    seededAt: z.string().describe('When the seed built the database (ISO 8601).'),
    counts: z.record(z.string(), z.number().int()).describe('Graph nodes by kind.'),
    documents: z.array(z.object({ file: z.string(), sha256: z.string(), title: z.string(), lines: z.number().int() })),
  })
  .meta({
    id: 'Meta',
    description: 'What the served data was built from.',
  });
