import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { drizzle, readMigrationFiles } from '../db/drizzle.cjs';
import * as schema from '../db/schema.js';
import { StorageError, storageFailure } from '../db/storage-error.js';
import { loadCuratedData } from './curated-data.js';
import { DEFAULT_SEED_INPUTS, KEPT_RELEASES, type SeedInputs, computeDataVersion, listDocuments } from './data-version.js';
import { entityFingerprints } from './entity-fingerprints.js';
import { ReleaseLogError, appendRelease, diffEntities, readReleaseLog, releaseLogPath, releaseRows, replay, type Release } from './release-log.js';
import { GRAPH_TABLES } from './graph-model.js';
import { parseDocument } from './parse-document.js';
import { resolveGraph } from './resolve-graph.js';
import { writeGraph, writeRows } from './write-graph.js';
import { writeSearchIndex } from '../search/write-search-index.js';
import { writeGraphIndex } from '../model/graph-index-store.js';

export interface SeedReport {
  databasePath: string;
  dataVersion: string;
  documents: string[];
  counts: Record<string, number>;
  warnings: string[];
  untranslated: string[];
  /** The release this seed recorded in the release log, or null when no entity changed. */
  newRelease: { version: string; created: number; updated: number; removed: number } | null;
  durationMs: number;
}

export interface SeedOptions {
  /**
   * A ceiling on the new database's size, in pages (SQLite's `max_page_count`): past it SQLite answers
   * SQLITE_FULL exactly as on a full disk. The tests fill the "disk" this way, for real.
   */
  maxPageCount?: number;
}

/**
 * Parses every document, then builds the whole database in a temporary file inside one transaction
 * and renames it over the old one. Any failure before the rename leaves the old database as it was. A
 * full disk, a read-only file system or a directory this user may not write is reported as such
 * (a StorageError naming the path and what to do), not as whatever SQLite's last words were.
 */
export function seedDatabase(databasePath: string, inputs: SeedInputs = DEFAULT_SEED_INPUTS, options: SeedOptions = {}): SeedReport {
  try {
    return buildDatabase(databasePath, inputs, options);
  } catch (error) {
    const failure = storageFailure(error, databasePath, true);
    if (failure === undefined) throw error;
    const kept = existsSync(databasePath) ? ` The database already at ${databasePath} is unchanged.` : '';
    throw new StorageError(failure.path, failure.problem, failure.message + kept, { cause: error });
  }
}

function buildDatabase(databasePath: string, inputs: SeedInputs, options: SeedOptions): SeedReport {
  const started = performance.now();
  const curated = loadCuratedData(inputs.seedDir);
  const documents = listDocuments(inputs.documentsDir).map((path) => {
    const bytes = readFileSync(path);
    return { parsed: parseDocument(basename(path), bytes.toString('utf8')), sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const { model, warnings, untranslated } = resolveGraph(documents, curated);
  const dataVersion = computeDataVersion(inputs);
  const releases = recordRelease(inputs, model, dataVersion, documents.map((d) => ({ file: d.parsed.file, sha256: d.sha256 })));
  const newRelease = releases.added;

  mkdirSync(dirname(databasePath), { recursive: true });
  const temporary = `${databasePath}.${process.pid}.${Date.now()}.tmp`;
  try {
    const sqlite = new Database(temporary);
    try {
      if (options.maxPageCount !== undefined) sqlite.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
      sqlite.pragma('journal_mode = DELETE');
      sqlite.pragma('foreign_keys = ON');
      const db = drizzle(sqlite, { schema });
      applyMigrations(sqlite, inputs.migrationsDir);
      // Checked once, in bulk, after the inserts (foreign_key_check below) rather than per row.
      sqlite.pragma('foreign_keys = OFF');
      sqlite.transaction(() => {
        writeGraph(sqlite, model);
        writeSearchIndex(sqlite);
        writeGraphIndex(sqlite);
        const rows = releaseRows(releases.all, inputs.keptReleases ?? KEPT_RELEASES);
        writeRows(sqlite, schema.releases, rows.releases);
        writeRows(sqlite, schema.releaseChanges, rows.releaseChanges);
        writeRows(sqlite, schema.entityVersions, rows.entityVersions);
        const meta = { dataVersion, seededAt: new Date().toISOString(), documents: JSON.stringify(model.documents.map((d) => d.file)) };
        for (const [key, value] of Object.entries(meta)) db.insert(schema.meta).values({ key, value }).run();
      })();
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new Error(`foreign key check failed: ${JSON.stringify(violations.slice(0, 3))}`);
    } finally {
      sqlite.close();
    }
    renameSync(temporary, databasePath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return {
    databasePath,
    dataVersion,
    documents: model.documents.map((d) => d.file),
    counts: Object.fromEntries(GRAPH_TABLES.map((t) => [t, model[t].length])),
    warnings,
    untranslated,
    newRelease: newRelease
      ? { version: newRelease.version, ...Object.fromEntries((['created', 'updated', 'removed'] as const).map((c) => [c, newRelease.changes.filter((x) => x.change === c).length])) } as NonNullable<SeedReport['newRelease']>
      : null,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * drizzle's migrations, applied as its migrator does (its files, its `__drizzle_migrations` record) but in
 * a better-sqlite3 transaction, which rolls back only a transaction still open. drizzle's migrator always
 * sends ROLLBACK: on a full disk SQLite has already rolled back, so that ROLLBACK failed ("no transaction
 * is active") and its error replaced the SQLITE_FULL that explained everything.
 */
function applyMigrations(sqlite: Database.Database, migrationsFolder: string): void {
  const migrations = readMigrationFiles({ migrationsFolder });
  sqlite.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const migration of migrations) {
      for (const statement of migration.sql) sqlite.prepare(statement).run();
      record.run(migration.hash, migration.folderMillis);
    }
  })();
}

/**
 * Compares the entities just built with the release log's record of them and appends a release
 * when any changed (the first seed records every entity as created). Appended before the database
 * is built: the log is the source of the history, the database a copy of it.
 */
function recordRelease(inputs: SeedInputs, model: Parameters<typeof entityFingerprints>[0], dataVersion: string, documents: Release['documents']) {
  const path = releaseLogPath(inputs.documentsDir);
  const all = readReleaseLog(path);
  const changes = diffEntities(replay(all), entityFingerprints(model), model);
  if (changes.length === 0) return { all, added: null };
  if (all.some((r) => r.version === dataVersion)) throw new ReleaseLogError(`${path}: release ${dataVersion} is recorded with other content; the log was edited by hand`);
  const added: Release = { version: dataVersion, madeAt: new Date().toISOString(), documents, changes };
  appendRelease(path, added);
  return { all: [...all, added], added };
}

/** The data version a database was seeded with, or null when it is missing or unreadable. */
export function readDataVersion(databasePath: string): string | null {
  if (!existsSync(databasePath)) return null;
  try {
    const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare("select value from meta where key = 'dataVersion'").get() as { value: string } | undefined;
      return row?.value ?? null;
    } finally {
      sqlite.close();
    }
  } catch {
    return null;
  }
}

/** Seeds when the database is missing or was built from other inputs; returns the report when it did. */
export function ensureSeeded(databasePath: string, inputs: SeedInputs = DEFAULT_SEED_INPUTS): SeedReport | null {
  const found = readDataVersion(databasePath);
  if (found === computeDataVersion(inputs)) return null;
  try {
    return seedDatabase(databasePath, inputs);
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    // Say why a server that only reads had to write: the operator may not expect it.
    const why = found === null ? `there is no database at ${databasePath}` : `the database at ${databasePath} is not current (data version ${found})`;
    throw new StorageError(error.path, error.problem, `Cannot start: ${why}, so it must be seeded first, and that failed. ${error.message}`, { cause: error });
  }
}
