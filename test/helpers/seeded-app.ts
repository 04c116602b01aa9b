import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../src/app.js';
import type { HttpConfig } from '../../src/config.js';
import { openReadOnlyDatabase } from '../../src/db/open-database.js';
import { seedDatabase, type SeedReport } from '../../src/seed/build-database.js';
import { DEFAULT_SEED_INPUTS, type SeedInputs } from '../../src/seed/data-version.js';

/** A real SQLite file, seeded by the real migrations and seed, served by the real app. */
export interface SeededApp {
  app: App;
  /** The seeded database file (opened read-only by the app). */
  dbPath: string;
  /** The temporary directory that holds it. */
  dir: string;
  report: SeedReport;
  /** Closes the app and the database and removes the temporary directory. */
  close(): Promise<void>;
}

/** Seed inputs that read documents from another folder; vocabulary, translations and migrations stay the project's. */
export function seedInputsWithDocuments(documentsDir: string): SeedInputs {
  return { ...DEFAULT_SEED_INPUTS, documentsDir };
}

export function makeTempDir(prefix = 'rolegraph-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Seeds into `path` from `documentsDir` (the project's documents when omitted). */
export function seedFromDocuments(path: string, documentsDir?: string): SeedReport {
  return seedDatabase(path, documentsDir ? seedInputsWithDocuments(documentsDir) : DEFAULT_SEED_INPUTS);
}

/**
 * Seeds a fresh temp database (from the project's documents, or from `documentsDir`), opens it
 * read-only as the server does and builds the app around it.
 */
export async function createSeededApp(options: { documentsDir?: string; http?: Partial<HttpConfig> } = {}): Promise<SeededApp> {
  const dir = makeTempDir();
  try {
    const dbPath = join(dir, 'rolegraph.db');
    const report = seedFromDocuments(dbPath, options.documentsDir);
    const { sqlite, db } = openReadOnlyDatabase(dbPath);
    try {
      // Rate limiting is off unless a test turns it on: suites send far more than 600 requests a minute.
      const app = await buildApp({ db, http: { rateLimitMax: 0, ...options.http } });
      return {
        app,
        dbPath,
        dir,
        report,
        async close() {
          try {
            await app.close();
          } finally {
            sqlite.close();
            rmSync(dir, { recursive: true, force: true });
          }
        },
      };
    } catch (error) {
      sqlite.close();
      throw error;
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Seeds a fresh temp database only (no app): for tests that read the tables directly. */
export function createSeededDatabase(options: { documentsDir?: string } = {}): { dbPath: string; dir: string; report: SeedReport; cleanup(): void } {
  const dir = makeTempDir();
  const dbPath = join(dir, 'rolegraph.db');
  try {
    const report = seedFromDocuments(dbPath, options.documentsDir);
    return { dbPath, dir, report, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
