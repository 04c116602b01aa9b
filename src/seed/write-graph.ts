import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Table } from '../db/drizzle.cjs';
import * as schema from '../db/schema.js';
import { GRAPH_TABLES, type GraphModel } from './graph-model.js';

/**
 * Inserts the whole graph; the caller wraps it in one transaction. One prepared statement per table
 * on the driver: the query builder's per-row SQL building costs more than SQLite's insert itself at
 * ESCO size (hundreds of thousands of rows). Column names still come from the drizzle schema.
 */
export function writeGraph(sqlite: Database.Database, model: GraphModel): void {
  for (const name of GRAPH_TABLES) {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the seed writes every graph table by name, once.
    writeRows(sqlite, schema[name], model[name] as Record<string, unknown>[]);
  }
}

/** Inserts rows keyed by the drizzle schema's property names into one table. */
export function writeRows(sqlite: Database.Database, table: Table, rows: readonly object[]): void {
  const columns = Object.entries(getTableColumns(table));
  const insert = sqlite.prepare(
    `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const keys = columns.map(([key]) => key);
  const values: unknown[] = new Array(keys.length);
  for (const row of rows as Record<string, unknown>[]) {
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i]] ?? null;
      values[i] = typeof value === 'boolean' ? Number(value) : value;
    }
    insert.run(values);
  }
}
