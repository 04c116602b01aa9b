import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOCUMENTS_DIR, MIGRATIONS_DIR, PROJECT_ROOT, SEED_CODE_DIRS, SEED_DIR } from '../paths.js';

export interface SeedInputs {
  documentsDir: string;
  seedDir: string;
  migrationsDir: string;
  /** How many of the newest releases keep their changes in the database (older ones answer 410 in /changes). */
  keptReleases?: number;
}

export const KEPT_RELEASES = 100;

export const DEFAULT_SEED_INPUTS: SeedInputs = { documentsDir: DOCUMENTS_DIR, seedDir: SEED_DIR, migrationsDir: MIGRATIONS_DIR };

/** The documents the seed reads: every .txt file in the folder, in name order. */
export function listDocuments(documentsDir: string): string[] {
  return readdirSync(documentsDir)
    .filter((f) => f.endsWith('.txt') && !f.startsWith('.'))
    .sort()
    .map((f) => join(documentsDir, f));
}

/**
 * A hash of everything the seeded data is made from: documents, curated data, migrations and the
 * seed code itself. The database stores it; a mismatch at start-up means "re-seed".
 */
export function computeDataVersion(inputs: SeedInputs): string {
  const hash = createHash('sha256');
  // Documents are named relative to their folder: the same documents seeded from anywhere give the same version.
  const files: [name: string, path: string][] = [
    ...listDocuments(inputs.documentsDir).map((f) => [`documents/${relative(inputs.documentsDir, f)}`, f] as [string, string]),
    ...[
      ...walk(inputs.seedDir).filter((f) => f.endsWith('.json')),
      ...walk(inputs.migrationsDir),
      ...SEED_CODE_DIRS.flatMap(walk).filter((f) => /\.(ts|js)$/.test(f)),
    ].map((f) => [relative(PROJECT_ROOT, f), f] as [string, string]),
  ];
  for (const [name, path] of files) {
    hash.update(name).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}
