import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDatabase, type SeedReport } from '../src/seed/build-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The database seeded once per run from the real document; tests only read it. */
    seededDatabase: { dbPath: string; report: SeedReport };
  }
}

/**
 * Seeds one database per run by the real migrations and seed from the real document, for the test
 * files that only read (the app opens it read-only: `query_only`). Files that seed their own say why.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'rolegraph-shared-'));
  const dbPath = join(dir, 'rolegraph.db');
  project.provide('seededDatabase', { dbPath, report: seedDatabase(dbPath) });
  return () => rmSync(dir, { recursive: true, force: true });
}
