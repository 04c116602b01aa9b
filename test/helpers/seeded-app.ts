import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
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
  report: SeedReport;
  /** Closes the app and the database, and removes the database when it was the app's own. */
  close(): Promise<void>;
}

/** Where the database comes from: the run's shared one (test/global-setup.ts) unless the test needs its own. */
interface DatabaseOptions {
  /** Seed from these documents instead of the project's (always a database of its own). */
  documentsDir?: string;
  /** Seed a database of its own from the project's documents: for tests about seeding itself. */
  ownDatabase?: boolean;
}

/** A seeded database to read, and how to let it go: the shared one is never removed by a test. */
function seededDatabase(options: DatabaseOptions): { dbPath: string; report: SeedReport; release(): void } {
  if (!options.documentsDir && !options.ownDatabase) return { ...inject('seededDatabase'), release: () => undefined };
  const dir = makeTempDir();
  try {
    const dbPath = join(dir, 'rolegraph.db');
    const report = seedFromDocuments(dbPath, options.documentsDir);
    return { dbPath, report, release: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
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
 * Builds the app around a seeded database opened read-only as the server opens it: the run's shared
 * one, or one of its own seeded from `documentsDir` (or from the project's documents with `ownDatabase`).
 */
export async function createSeededApp(options: DatabaseOptions & { http?: Partial<HttpConfig> } = {}): Promise<SeededApp> {
  const { dbPath, report, release } = seededDatabase(options);
  try {
    const { sqlite, db } = openReadOnlyDatabase(dbPath);
    try {
      // Rate limiting is off unless a test turns it on: suites send far more than 600 requests a minute.
      const app = await buildApp({ db, http: { rateLimitMax: 0, ...options.http } });
      return {
        app,
        dbPath,
        report,
        async close() {
          try {
            await app.close();
          } finally {
            sqlite.close();
            release();
          }
        },
      };
    } catch (error) {
      sqlite.close();
      throw error;
    }
  } catch (error) {
    release();
    throw error;
  }
}

/** A seeded database only (no app), for tests that read the tables directly: the shared one unless asked otherwise. */
export function createSeededDatabase(options: DatabaseOptions = {}): { dbPath: string; report: SeedReport; cleanup(): void } {
  const { dbPath, report, release } = seededDatabase(options);
  return { dbPath, report, cleanup: release };
}

/**
 * A seeded app for a whole test file (or describe block): built in `beforeAll`, closed in `afterAll`.
 * Its fields read the current app, so they are for use inside tests and hooks.
 */
export function useSeededApp(options: Parameters<typeof createSeededApp>[0] = {}): Omit<SeededApp, 'close'> {
  let current: SeededApp | undefined;
  beforeAll(async () => {
    current = await createSeededApp(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  const built = () => {
    if (!current) throw new Error('the seeded app is built in beforeAll: use it inside tests and hooks');
    return current;
  };
  return {
    get app() {
      return built().app;
    },
    get dbPath() {
      return built().dbPath;
    },
    get report() {
      return built().report;
    },
  };
}
