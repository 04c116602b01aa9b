import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Table } from '../db/drizzle.cjs';
import type { Db } from '../db/open-database.js';

/** The driver under a drizzle handle. */
export function driverOf(db: Db): Database.Database {
  return (db as Db & { $client: Database.Database }).$client;
}

/**
 * Every row of a table in drizzle's select shape (property names, not column names), read by one
 * statement on the driver: for the tables read whole at start-up, the query builder's per-row
 * mapping costs more than SQLite. Only for tables whose columns need no decoding (integers, text).
 */
export function allRows<T extends Table>(db: Db, table: T, orderBy = 'rowid'): T['$inferSelect'][] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => `"${column.name}" AS "${key}"`);
  return driverOf(db).prepare(`SELECT ${columns.join(', ')} FROM "${getTableName(table)}" ORDER BY ${orderBy}`).all() as T['$inferSelect'][];
}
