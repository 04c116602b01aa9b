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
  sqlite.pragma('foreign_keys = ON');
  return { sqlite, db: drizzle(sqlite, { schema }) };
}
