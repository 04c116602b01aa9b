/**
 * drizzle-orm, loaded as CommonJS: every module of the app imports drizzle from here.
 *
 * Why: Node 24's ESM loader reads the package scope's package.json for every module it loads, and
 * drizzle-orm's is 179 KB (an `exports` map of ~1,800 entries), parsed again for each of its ~300 ESM
 * files. `import 'drizzle-orm/better-sqlite3'` took 1.5–4 s on these machines; the same modules through
 * `require` take ~0.2 s (one read, cached). Loading only the CommonJS build also keeps one copy of
 * drizzle's classes in the process. Measured with Node 24.21.0; revisit when Node caches the parse.
 */
export { asc, eq, getTableColumns, getTableName, inArray, or, sql, Table } from 'drizzle-orm';
export { BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
export { readMigrationFiles } from 'drizzle-orm/migrator';
export { BaseSQLiteDatabase, check, index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
