import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` when the seed renames a new database file into place. Renames fire several
 * events, so they are debounced.
 */
export function watchDatabaseFile(path: string, onChange: () => void, debounceMs = 200): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const name = basename(path);
  const watcher: FSWatcher = watch(dirname(path), (_event, file) => {
    if (file !== name) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.unref();
  // A reload still pending when the server shuts down must not open a database any more.
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
