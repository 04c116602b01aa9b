import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from './drizzle.cjs';
import * as schema from './schema.js';
import { storageFailure } from './storage-error.js';

/** `$client`: the better-sqlite3 handle underneath (its `name` is the file's path, which analysis workers open too). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabase {
  sqlite: Database.Database;
  db: Db;
}

/** SQLite's page cache per connection, in KiB. */
const PAGE_CACHE_KIB = 2048;

/** The serving process only reads: the seed is the one writer, and it replaces the file whole. */
export function openReadOnlyDatabase(path: string): OpenDatabase {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    // "unable to open database file" alone names neither the file nor why.
    throw storageFailure(error, path, false) ?? error;
  }
  sqlite.pragma('query_only = ON');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection (SQLite's own default is 2 MB).
  // The serving process reads the graph index's blobs once at start and otherwise hits few pages, so on
  // the ESCO-sized set that cache stayed full of pages read once: after 100 distinct URLs of each kind
  // the RSS read 183-197 MB with 2 MB against 201-213 with 16, at the same search, suggest and path p99
  // (3 fresh servers each, interleaved, curl). The kernel's page cache still holds the file.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  sqlite.pragma('foreign_keys = ON');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}
