import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { DataContext } from './data/data-context.js';
import { DataSource } from './data/data-source.js';
import { reloadData } from './data/reload-data.js';
import { watchDatabaseFile } from './data/watch-database.js';
import { openReadOnlyDatabase } from './db/open-database.js';
import { ensureSeeded } from './seed/build-database.js';
import { DEFAULT_SEED_INPUTS } from './seed/data-version.js';

/**
 * Loads config, seeds when the database is missing or stale, serves; switches to a re-seeded
 * database without a restart (file watch or SIGHUP); shuts down cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, process.stdout.isTTY === true);
  const seeded = ensureSeeded(config.databasePath, { ...DEFAULT_SEED_INPUTS, documentsDir: config.documentsDir });
  const { sqlite, db } = openReadOnlyDatabase(config.databasePath);
  const data = new DataSource(new DataContext(db, sqlite));
  const logger = { level: config.logLevel, ...(config.prettyLogs ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}) };
  const app = await buildApp({ data, logger, http: config.http, warmUp: true });
  if (seeded) app.log.info({ dataVersion: seeded.dataVersion, durationMs: seeded.durationMs, counts: seeded.counts }, 'seeded the database');

  const reload = () => reloadData(config.databasePath, data, app.log);
  const watcher = watchDatabaseFile(config.databasePath, reload);
  process.on('SIGHUP', reload);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, drainMs: config.shutdownDrainMs, deadlineMs: config.shutdownTimeoutMs }, 'shutting down');
    // Past the deadline slow clients are answered and cut; only a close that still hangs after that is a failure.
    const stuck = setTimeout(() => {
      app.log.error('shutdown did not finish after cutting slow clients');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000).unref();
    watcher.close();
    const { cut } = await app.shutDown({ drainMs: config.shutdownDrainMs, deadlineMs: config.shutdownTimeoutMs });
    data.current.close();
    clearTimeout(stuck);
    app.log.info({ cut }, 'shut down');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info({ node: process.version, dataVersion: data.current.dataVersion }, 'serving');
  // Liveness answers at once; readiness waits for the warm-up, so a balancer sends nothing to a cold replica.
  const warm = await app.warmUp();
  app.log.info(warm, 'warmed up: ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
