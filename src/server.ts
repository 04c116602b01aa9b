import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openReadOnlyDatabase } from './db/open-database.js';
import { ensureSeeded } from './seed/build-database.js';
import { DEFAULT_SEED_INPUTS } from './seed/data-version.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Loads config, seeds when the database is missing or stale, serves, and shuts down cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const seeded = ensureSeeded(config.databasePath, { ...DEFAULT_SEED_INPUTS, documentsDir: config.documentsDir });
  const { sqlite, db } = openReadOnlyDatabase(config.databasePath);
  const app = await buildApp({ db, logger: { level: config.logLevel } });
  if (seeded) app.log.info({ dataVersion: seeded.dataVersion, durationMs: seeded.durationMs, counts: seeded.counts }, 'seeded the database');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    await app.close();
    sqlite.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
