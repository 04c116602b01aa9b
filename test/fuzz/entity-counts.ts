import Database from 'better-sqlite3';

/**
 * Row counts of every table in the database file, read through a handle of its own (read-only),
 * so what the app did to the data is seen from outside the app.
 */
export function tableCounts(dbPath: string): Record<string, number> {
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite.prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all();
    return Object.fromEntries(tables.map(({ name }) => [name, sqlite.prepare<[], { n: number }>(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get()!.n]));
  } finally {
    sqlite.close();
  }
}
