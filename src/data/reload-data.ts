import type { FastifyBaseLogger } from 'fastify';
import { openReadOnlyDatabase, type OpenDatabase } from '../db/open-database.js';
import { DataContext } from './data-context.js';
import type { DataSource } from './data-source.js';

/** How long the previous handle stays open after a swap, for anything still holding it. */
const CLOSE_PREVIOUS_AFTER_MS = 5_000;

/**
 * Opens the database file anew and, when it holds another data version, makes it current. Requests
 * already running keep the handle they started with; the next ones see the new data.
 */
export function reloadData(path: string, data: DataSource, log: FastifyBaseLogger): boolean {
  let next: DataContext;
  let opened: OpenDatabase | undefined;
  try {
    opened = openReadOnlyDatabase(path);
    next = new DataContext(opened.db, opened.sqlite);
  } catch (error) {
    opened?.sqlite.close(); // a file that opens but holds no rolegraph data must not leak its handle
    log.error({ err: error }, 'could not open the new database; still serving the previous data');
    return false;
  }
  if (next.dataVersion === data.current.dataVersion) {
    next.close();
    return false;
  }
  const previous = data.swap(next);
  log.info({ from: previous.dataVersion, to: next.dataVersion }, 'switched to new data');
  setTimeout(() => previous.close(), CLOSE_PREVIOUS_AFTER_MS).unref();
  return true;
}
