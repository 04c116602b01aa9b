import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema.js';
import { GRAPH_TABLES, GraphModel } from './graph-model.js';

const CHUNK = 200;

/** Inserts the whole graph; the caller wraps it in one transaction. */
export function writeGraph(db: BaseSQLiteDatabase<'sync', unknown, typeof schema>, model: GraphModel): void {
  for (const name of GRAPH_TABLES) {
    const table = schema[name];
    const rows = model[name] as (typeof table.$inferInsert)[];
    for (let i = 0; i < rows.length; i += CHUNK) {
      db.insert(table).values(rows.slice(i, i + CHUNK) as never).run();
    }
  }
}
