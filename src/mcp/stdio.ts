import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { pino } from 'pino';
import { AnalysisGate } from '../analysis/analysis-gate.js';
import { loadConfig } from '../config.js';
import { DataContext } from '../data/data-context.js';
import { DataSource } from '../data/data-source.js';
import { reloadData } from '../data/reload-data.js';
import { watchDatabaseFile } from '../data/watch-database.js';
import { openReadOnlyDatabase } from '../db/open-database.js';
import { ensureSeeded } from '../seed/build-database.js';
import { DEFAULT_SEED_INPUTS } from '../seed/data-version.js';
import { gatedAnalyses } from './analyses.js';
import { createMcpServer } from './mcp-server.js';

/**
 * `npm run --silent mcp` (or the `rolegraph-mcp` bin): rolegraph as an MCP server over stdio, for desktop
 * agent clients. stdout carries the protocol and nothing else: every log line goes to stderr. It reads
 * the server's SQLite file (DATABASE_PATH) read-only, seeding it first only when it is missing or stale,
 * as `npm start` does, and follows re-seeds as the HTTP server does.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, false);
  const log = pino({ name: 'rolegraph-mcp', level: config.logLevel }, pino.destination(2));
  const seeded = ensureSeeded(config.databasePath, { ...DEFAULT_SEED_INPUTS, documentsDir: config.documentsDir });
  if (seeded) log.info({ dataVersion: seeded.dataVersion, durationMs: seeded.durationMs }, 'seeded the database');
  const { sqlite, db } = openReadOnlyDatabase(config.databasePath);
  const data = new DataSource(new DataContext(db, sqlite));
  const watcher = watchDatabaseFile(config.databasePath, () => reloadData(config.databasePath, data, log));

  const server = createMcpServer({
    data: () => data.current,
    analyses: gatedAnalyses(data, new AnalysisGate(config.http.maxConcurrentAnalyses, 1)),
    defaultLanguage: config.http.defaultLanguage,
  });
  const transport = new StdioServerTransport();
  // The client closing stdin ends the conversation: close cleanly rather than linger.
  transport.onclose = () => {
    watcher.close();
    data.current.close();
    process.exit(0);
  };
  await server.connect(transport);
  // A line that is no JSON-RPC message is skipped; say so on stderr, where the client's user can see it.
  server.server.onerror = (error) => log.warn({ err: error }, 'skipped a message that is not valid JSON-RPC');
  process.stdin.once('end', () => void server.close());
  log.info({ dataVersion: data.current.dataVersion, database: config.databasePath, node: process.version }, 'MCP server on stdio');
}

main().catch((error: unknown) => {
  process.stderr.write(`rolegraph-mcp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
