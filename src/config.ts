import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths.js';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/rolegraph.db'),
  DOCUMENTS_DIR: z.string().min(1).default('seed/documents'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute; a relative DATABASE_PATH is taken from the project root. */
  databasePath: string;
  /** Where the seed reads documents from; absolute. */
  documentsDir: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databasePath: fromRoot(c.DATABASE_PATH),
    documentsDir: fromRoot(c.DOCUMENTS_DIR),
    logLevel: c.LOG_LEVEL,
  };
}

function fromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(PROJECT_ROOT, path);
}
